import { combineHash, hashString } from '../../learn/hash.ts';
import { matchGazetteer, type Gazetteer } from './gazetteer.ts';
import type { SentenceFeatures } from '../../learn/perceptron.ts';

/** Cluster bit-path prefix lengths used as features (Ratinov and Roth's 4/6/10/20). */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;

/** What feature extraction knows besides the words: word clusters and a gazetteer. */
export interface FeatureResources {
  /** Word → Brown cluster bit path (`0110...`). */
  clusters: Map<string, string>;
  gazetteer: Gazetteer | null;
}

export type { SentenceFeatures };

/** What a document says about its words, gathered before tagging any sentence of it. */
export interface DocumentContext {
  /** Lower-cased form → times it appears capitalised after the first token of a sentence that is not all capitals. */
  capitalisedMid: Map<string, number>;
  /** Lower-cased forms that appear in lower case. */
  lowercase: Set<string>;
  /** Lower-cased form → bit set of its positions (1 first, 2 inner, 4 last) inside runs of two or more capitalised tokens. */
  inRun: Map<string, number>;
  /** Hash of the document's first word when it is written in capitals (a wire headline's topic, `SOCCER`), else 0. */
  topic: number;
}

/** Cached features of one word type, independent of where it stands. */
interface WordInfo {
  lower: string;
  /** Features of the word at the position being tagged. */
  own: Uint32Array;
  /** Smaller set used when the word is a neighbour. */
  context: Uint32Array;
  shortShape: number;
  lowerHash: number;
  initialCapital: boolean;
  allCapitals: boolean;
}

const MAX_AFFIX_WORD = 64;
const MAX_SHAPE = 24;
const WORD_CACHE_LIMIT = 200_000;
/** Words longer than this are not cached. */
export const MAX_CACHED_WORD = 40;
const OFFSET_SEEDS = [-2, -1, 1, 2].map((o) => hashString(`offset:${o}`));
const H = (name: string): number => hashString(name);
const gazetteerHashes = new Map<string, number>();
/** Hash of a gazetteer hit such as `city:U`; there are few distinct ones, so they are cached. */
function gazetteerHash(hit: string): number {
  let h = gazetteerHashes.get(hit);
  if (h === undefined) {
    h = H(`gaz:${hit}`);
    gazetteerHashes.set(hit, h);
  }
  return h;
}
const BIAS = H('bias');
const FIRST_TOKEN = H('first');
const ALL_CAPS_SENTENCE = H('sentence:allcaps');
const DOC_CAP_MID = H('doc:capmid');
const DOC_LOWER = H('doc:lower');
const DOC_ONLY_CAP = H('doc:onlycap');
const DOC_RUN = [1, 2, 4].map((bit) => H(`doc:run:${bit}`));
const BIGRAM_LEFT = H('bigram:left');
const BIGRAM_RIGHT = H('bigram:right');
const SHAPE_TRIGRAM = H('shape:trigram');
const WORD_SHAPE_LEFT = H('left-word:shape');
const SHAPE_WORD_RIGHT = H('shape:right-word');
const SHAPE_FIRST = H('shape:first');
const GAZ_CAP = H('gaz:cap');
const TABLE = H('sentence:table');
const TOPIC = H('topic');
const NUMBER = /^[+-]?\d/;

/** True for a letter that has upper and lower case forms and is upper case. */
function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a letter that has upper and lower case forms and is lower case. */
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * The shape of a word: upper-case letters become `X`, lower-case `x`, digits `d`, other
 * characters stay. Capped at 24 characters. `shortShape` collapses repeats (`Xx`, `d-d`).
 *
 * @example wordShape('McDonald') // 'XxXxxxxx'
 */
export function wordShape(word: string): string {
  let out = '';
  const n = Math.min(word.length, MAX_SHAPE);
  for (let i = 0; i < n; i++) {
    const ch = word[i];
    if (ch >= '0' && ch <= '9') out += 'd';
    else if (isUpper(ch)) out += 'X';
    else if (isLower(ch)) out += 'x';
    else out += ch;
  }
  return word.length > MAX_SHAPE ? out + '~' : out;
}

/** A word shape with runs of the same character collapsed to one. @example shortShape('XxXxxxxx') // 'XxXx' */
export function shortShape(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

/** Whether a word starts with an upper-case letter. */
export function hasInitialCapital(word: string): boolean {
  return word.length > 0 && isUpper(word[0]);
}

/** Whether a word has letters and all of them are upper case. */
export function isAllCapitals(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length && i < MAX_AFFIX_WORD; i++) {
    const ch = word[i];
    if (isLower(ch)) return false;
    if (isUpper(ch)) letters++;
  }
  return letters > 0;
}

/** Brown cluster path of a word, trying the form as written, then title case, then lower case. */
function clusterOf(clusters: Map<string, string>, word: string, lower: string): string | undefined {
  return clusters.get(word) ?? clusters.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ?? clusters.get(lower);
}

/**
 * Turns sentences into hashed features. Features of each word type are computed once and
 * cached; window features combine a neighbour's cached hashes with its offset.
 */
export class FeatureExtractor {
  readonly resources: FeatureResources;
  private readonly cache = new Map<string, WordInfo>();
  private buffer = new Uint32Array(4096);

  /** @param resources word clusters and gazetteer, shared by training and tagging. */
  constructor(resources: FeatureResources) {
    this.resources = resources;
  }

  private wordInfo(word: string): WordInfo {
    const cached = this.cache.get(word);
    if (cached) return cached;
    if (this.cache.size >= WORD_CACHE_LIMIT) this.cache.clear();
    const info = this.computeWordInfo(word);
    // long tokens (URLs, base64, runs of junk) are rare and would pin large strings in memory
    if (word.length <= MAX_CACHED_WORD) this.cache.set(word, info);
    return info;
  }

  private computeWordInfo(word: string): WordInfo {
    const lower = word.toLowerCase();
    const shape = wordShape(word);
    const short = shortShape(shape);
    const own: string[] = [`w=${word}`, `l=${lower}`, `s=${shape}`, `ss=${short}`];
    const context: string[] = [`l=${lower}`, `ss=${short}`];
    const affixSource = word.length > MAX_AFFIX_WORD ? word.slice(0, MAX_AFFIX_WORD) : word;
    for (let k = 1; k <= 4 && k <= affixSource.length; k++) {
      own.push(`p${k}=${affixSource.slice(0, k)}`);
      own.push(`x${k}=${affixSource.slice(-k)}`);
    }
    const initialCapital = hasInitialCapital(word);
    const allCapitals = isAllCapitals(word);
    if (initialCapital) own.push('initcap');
    if (allCapitals) own.push('allcaps');
    if (/\d/.test(affixSource)) own.push('digit');
    if (affixSource.includes('-')) own.push('hyphen');
    if (affixSource.includes('.')) own.push('period');
    if (affixSource.includes('&')) own.push('amp');
    own.push(`len=${Math.min(word.length, 12)}`);
    // Whether the unlabelled text knows the word in lower case (a common word capitalised)
    // or, for a word in capitals, in title case (a name in a headline).
    const clusters = this.resources.clusters;
    if (clusters.size > 0 && (initialCapital || allCapitals)) {
      own.push(clusters.has(lower) ? 'vocab:lower' : 'vocab:nolower');
      if (allCapitals && word.length > 1) own.push(clusters.has(lower.charAt(0).toUpperCase() + lower.slice(1)) ? 'vocab:title' : 'vocab:notitle');
    }
    const path = clusterOf(clusters, word, lower);
    if (path !== undefined) {
      for (const k of CLUSTER_PREFIXES) {
        own.push(`c${k}=${path.slice(0, k)}`);
        if (k <= 10) context.push(`c${k}=${path.slice(0, k)}`);
      }
    } else {
      own.push('c=none');
    }
    return {
      lower,
      own: Uint32Array.from(own, H),
      context: Uint32Array.from(context, H),
      shortShape: H(short),
      lowerHash: H(lower),
      initialCapital,
      allCapitals,
    };
  }

  /** The features of a token that depend on its word alone, wherever it stands (with the bias feature). */
  ownFeatures(word: string): Uint32Array {
    const own = this.wordInfo(word).own;
    const out = new Uint32Array(own.length + 1);
    out[0] = BIAS;
    out.set(own, 1);
    return out;
  }

  /**
   * Gathers what a document says about its words (capitalisation elsewhere, runs of
   * capitalised tokens), for the document-level features of each of its sentences.
   */
  documentContext(sentences: readonly (readonly string[])[]): DocumentContext {
    const capitalisedMid = new Map<string, number>();
    const lowercase = new Set<string>();
    const inRun = new Map<string, number>();
    for (const words of sentences) {
      const infos = words.map((w) => this.wordInfo(w));
      const allCaps = infos.length > 1 && infos.every((x) => x.allCapitals || !x.initialCapital);
      for (let i = 0; i < infos.length; i++) {
        const info = infos[i];
        if (!info.initialCapital && info.lower !== info.lower.toUpperCase()) lowercase.add(info.lower);
        if (i > 0 && !allCaps && info.initialCapital) capitalisedMid.set(info.lower, (capitalisedMid.get(info.lower) ?? 0) + 1);
      }
      if (allCaps) continue;
      let i = 0;
      while (i < infos.length) {
        if (!infos[i].initialCapital) {
          i++;
          continue;
        }
        let j = i;
        while (j < infos.length && infos[j].initialCapital) j++;
        if (j - i >= 2) {
          for (let k = i; k < j; k++) {
            const bit = k === i ? 1 : k === j - 1 ? 4 : 2;
            inRun.set(infos[k].lower, (inRun.get(infos[k].lower) ?? 0) | bit);
          }
        }
        i = j;
      }
    }
    const opening = sentences.find((words) => words.length > 0)?.[0] ?? '';
    const topic = opening.length > 2 && isAllCapitals(opening) && /^\p{L}+$/u.test(opening) ? H(`topic=${opening.toLowerCase()}`) : 0;
    return { capitalisedMid, lowercase, inRun, topic };
  }

  /**
   * Features of every token of a sentence. `extra`, when given, adds per-token hashes
   * (the second pass's document-level evidence).
   */
  sentence(words: readonly string[], doc: DocumentContext, extra?: readonly (readonly number[])[], withOwn = true): SentenceFeatures {
    const n = words.length;
    const infos = words.map((w) => this.wordInfo(w));
    const offsets = new Int32Array(n + 1);
    const gazetteer = this.resources.gazetteer;
    const gazetteerHits = gazetteer ? matchGazetteer(gazetteer, infos.map((x) => x.lower)) : null;
    const allCaps = n > 1 && infos.every((x) => x.allCapitals || !x.initialCapital);
    let numbers = 0;
    for (const w of words) if (NUMBER.test(w)) numbers++;
    // Result tables and listings ("Charleroi 2 Ljubljana 1"), where names are mostly teams.
    const table = n > 2 && numbers * 4 >= n;
    let length = 0;
    const push = (h: number): void => {
      if (length === this.buffer.length) {
        const grown = new Uint32Array(this.buffer.length * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
      this.buffer[length++] = h;
    };
    for (let i = 0; i < n; i++) {
      offsets[i] = length;
      const info = infos[i];
      if (withOwn) {
        push(BIAS);
        for (const h of info.own) push(h);
      }
      for (let o = 0; o < 4; o++) {
        const j = i + (o < 2 ? o - 2 : o - 1);
        const seed = OFFSET_SEEDS[o];
        if (j < 0 || j >= n) {
          push(combineHash(seed, j < 0 ? 1 : 2));
          continue;
        }
        for (const h of infos[j].context) push(combineHash(seed, h));
      }
      const left = i > 0 ? infos[i - 1] : null;
      const right = i + 1 < n ? infos[i + 1] : null;
      push(combineHash(BIGRAM_LEFT, combineHash(left ? left.lowerHash : 1, info.lowerHash)));
      push(combineHash(BIGRAM_RIGHT, combineHash(info.lowerHash, right ? right.lowerHash : 2)));
      push(combineHash(WORD_SHAPE_LEFT, combineHash(left ? left.lowerHash : 1, info.shortShape)));
      push(combineHash(SHAPE_WORD_RIGHT, combineHash(info.shortShape, right ? right.lowerHash : 2)));
      push(combineHash(SHAPE_TRIGRAM, combineHash(combineHash(left ? left.shortShape : 1, info.shortShape), right ? right.shortShape : 2)));
      if (i === 0) {
        push(FIRST_TOKEN);
        push(combineHash(SHAPE_FIRST, info.shortShape));
      }
      if (allCaps) {
        push(ALL_CAPS_SENTENCE);
        push(combineHash(ALL_CAPS_SENTENCE, info.shortShape));
      }
      if (table) {
        push(combineHash(TABLE, info.shortShape));
        push(combineHash(TABLE, combineHash(info.shortShape, right ? right.shortShape : 2)));
      }
      if (doc.topic !== 0 && (info.initialCapital || info.allCapitals)) push(combineHash(TOPIC, combineHash(doc.topic, info.shortShape)));
      if (info.initialCapital) {
        const mid = (doc.capitalisedMid.get(info.lower) ?? 0) - (i > 0 && !allCaps ? 1 : 0);
        if (mid > 0) push(DOC_CAP_MID);
        if (doc.lowercase.has(info.lower)) push(DOC_LOWER);
        else if (mid > 0) push(DOC_ONLY_CAP);
        const run = doc.inRun.get(info.lower) ?? 0;
        for (let b = 0; b < 3; b++) if (run & (1 << b)) push(DOC_RUN[b]);
      }
      if (gazetteerHits) {
        for (const hit of gazetteerHits[i]) {
          const h = gazetteerHash(hit);
          push(h);
          if (info.initialCapital) push(combineHash(GAZ_CAP, h));
          if (doc.topic !== 0) push(combineHash(doc.topic, h));
          if (table) push(combineHash(TABLE, h));
        }
        for (const [o, j] of [[1, i - 1], [2, i + 1]] as const) {
          if (j < 0 || j >= n) continue;
          for (const hit of gazetteerHits[j]) push(combineHash(OFFSET_SEEDS[o], gazetteerHash(hit)));
        }
      }
      if (extra) for (const h of extra[i]) push(h >>> 0);
    }
    offsets[n] = length;
    return { hashes: this.buffer.slice(0, length), offsets };
  }
}
