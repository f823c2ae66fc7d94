import { REMOVAL_REASONS, type Doc, type Quality } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';

/**
 * Thresholds after the Gopher rules (Rae et al. 2021) and the FineWeb filters (Penedo et al.
 * 2024); a signal beyond its threshold becomes a flag. Data, not code.
 */
export const QUALITY_THRESHOLDS = {
  duplicateLineShare: { max: 0.3, flag: 'repetitive-lines' },
  duplicateParagraphCharShare: { max: 0.3, flag: 'repetitive-paragraphs' },
  top2gramCharShare: { max: 0.2, flag: 'repetitive-ngrams' },
  duplicate5gramCharShare: { max: 0.15, flag: 'repetitive-ngrams' },
  lineEndPunctuationShare: { min: 0.12, flag: 'few-sentences' },
  shortLineCharShare: { max: 0.67, flag: 'short-lines' },
  articleRemovedShare: { max: 0.5, flag: 'mostly-removed' },
  alphabeticWordShare: { min: 0.8, flag: 'non-alphabetic' },
  meanWordLength: { min: 3, max: 10, flag: 'odd-word-length' },
} as const;

/** An article shorter than this many words is flagged `short`. */
const SHORT_ARTICLE_WORDS = 50;
const LINE_END_PUNCTUATION = /[.!?…"”’»)]$/;
const LETTER = /\p{L}/u;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Whether a word has a letter, as LETTER.test(word) says: ASCII letters are looked at
 * directly, and the regex runs only on words with none but with other non-ASCII characters.
 */
function hasLetter(word: string): boolean {
  let nonAscii = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
    if (c >= 0x80) nonAscii = true;
  }
  return nonAscii && LETTER.test(word);
}

/** Word ids: the same word, the same small number; n-grams are then keyed by numbers. */
function wordIds(ws: string[]): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(ws.length);
  for (let i = 0; i < ws.length; i++) {
    let id = ids.get(ws[i]);
    if (id === undefined) {
      id = ids.size;
      ids.set(ws[i], id);
    }
    out[i] = id;
  }
  return out;
}

/**
 * The ids of the (k+1)-grams, from those of the k-grams: the one at i is the k-gram at i
 * followed by word i + k, numbered in order of first appearance. The pairs are looked up in an
 * open-addressing table that compares both halves, so ids are exact, not hashes: two n-grams
 * share an id only when they are the same words, and no collision can merge two of them.
 */
function nextGrams(grams: Int32Array, ids: Int32Array, k: number): Int32Array {
  const out = new Int32Array(Math.max(0, grams.length - 1));
  let size = 16;
  while (size < 2 * out.length) size *= 2;
  const mask = size - 1;
  const lefts = new Int32Array(size).fill(-1);
  const rights = new Int32Array(size);
  const values = new Int32Array(size);
  let next = 0;
  for (let i = 0; i < out.length; i++) {
    const left = grams[i];
    const right = ids[i + k];
    let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> 0;
    slot = (slot ^ (slot >>> 16)) & mask;
    while (lefts[slot] !== -1 && (lefts[slot] !== left || rights[slot] !== right)) slot = (slot + 1) & mask;
    if (lefts[slot] === -1) {
      lefts[slot] = left;
      rights[slot] = right;
      values[slot] = next++;
    }
    out[i] = values[slot];
  }
  return out;
}

/** The ids of the word n-grams starting at each position, for n from 1 (the word ids) to `n`. */
function ngramIds(ids: Int32Array, n: number): Int32Array[] {
  const grams = [ids];
  for (let k = 1; k < n; k++) grams.push(nextGrams(grams[k - 1], ids, k));
  return grams;
}

/** Share of characters covered by word n-grams that occur more than once (`grams`: the n-gram ids). */
function duplicateNgramCharShare(ws: string[], grams: Int32Array, n: number, totalChars: number): number {
  if (ws.length < n || totalChars === 0) return 0;
  const counts = new Int32Array(grams.length);
  for (let i = 0; i < grams.length; i++) counts[grams[i]]++;
  const covered = new Uint8Array(ws.length);
  for (let i = 0; i < grams.length; i++) if (counts[grams[i]] > 1) covered.fill(1, i, i + n);
  let chars = 0;
  for (let i = 0; i < ws.length; i++) if (covered[i]) chars += ws[i].length;
  return chars / totalChars;
}

/** Share of characters covered by the most frequent word 2-gram (`bigrams`: the 2-gram ids). */
function top2gramCharShare(ws: string[], bigrams: Int32Array, totalChars: number): number {
  if (ws.length < 2 || totalChars === 0) return 0;
  const counts = new Int32Array(bigrams.length);
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < bigrams.length; i++) {
    const c = ++counts[bigrams[i]];
    if (c > bestCount) {
      bestCount = c;
      best = i;
    }
  }
  return bestCount > 1 ? Math.min(1, (bestCount * (ws[best].length + ws[best + 1].length)) / totalChars) : 0;
}

function ratio(a: number, b: number): number {
  return b > 0 ? Number((a / b).toFixed(4)) : 0;
}

/**
 * Quality signals of an article. Repetition is measured on the text as it came in (the kept
 * blocks plus the blocks removed as repeats), the rest on the cleaned text.
 */
export function measureQuality(doc: Doc): Quality {
  const before = doc.blocks.map((b) => doc.text.slice(b.start, b.end));
  for (const r of doc.removed) if (r.reason === REMOVAL_REASONS.repeatedBlock) before.push(r.text);
  const seenParas = new Set<string>();
  const seenLines = new Set<string>();
  let beforeChars = 0;
  let dupParaChars = 0;
  let lines = 0;
  let dupLines = 0;
  for (const para of before) {
    beforeChars += para.length;
    if (seenParas.has(para)) dupParaChars += para.length;
    else seenParas.add(para);
    for (const untrimmed of para.split('\n')) {
      const line = untrimmed.trim();
      if (!line) continue;
      lines++;
      if (seenLines.has(line)) dupLines++;
      else seenLines.add(line);
    }
  }
  const beforeWords = words(before.join('\n').toLowerCase());
  const grams = ngramIds(wordIds(beforeWords), 5);
  let beforeWordChars = 0;
  for (const w of beforeWords) beforeWordChars += w.length;

  const ws = words(doc.text);
  let wordChars = 0;
  let alphabetic = 0;
  for (const w of ws) {
    wordChars += w.length;
    if (hasLetter(w)) alphabetic++;
  }
  let cleanLines = 0;
  let lineChars = 0;
  let shortLineChars = 0;
  let punctuated = 0;
  for (const untrimmed of doc.text.split('\n')) {
    const line = untrimmed.trim();
    if (!line) continue;
    cleanLines++;
    lineChars += line.length;
    if (line.length < 30) shortLineChars += line.length;
    if (LINE_END_PUNCTUATION.test(line)) punctuated++;
  }
  let removedChars = 0;
  let outsideChars = 0;
  for (const r of doc.removed) {
    removedChars += r.text.length;
    if (r.reason === REMOVAL_REASONS.outsideMainContent) outsideChars += r.text.length;
  }

  const quality: Quality = {
    chars: doc.text.length,
    words: ws.length,
    removedShare: ratio(removedChars, removedChars + doc.text.length),
    articleRemovedShare: ratio(removedChars - outsideChars, removedChars - outsideChars + doc.text.length),
    duplicateLineShare: ratio(dupLines, lines),
    duplicateParagraphCharShare: ratio(dupParaChars, beforeChars),
    top2gramCharShare: Number(top2gramCharShare(beforeWords, grams[1], beforeWordChars).toFixed(4)),
    duplicate5gramCharShare: Number(duplicateNgramCharShare(beforeWords, grams[4], 5, beforeWordChars).toFixed(4)),
    lineEndPunctuationShare: ratio(punctuated, cleanLines),
    shortLineCharShare: ratio(shortLineChars, lineChars),
    meanWordLength: ratio(wordChars, ws.length),
    alphabeticWordShare: ratio(alphabetic, ws.length),
    languageConfidence: doc.meta.languageConfidence ?? 1,
    flags: [],
  };
  const flags = new Set<string>();
  if (ws.length === 0) flags.add('empty');
  else {
    for (const [key, rule] of Object.entries(QUALITY_THRESHOLDS) as [keyof typeof QUALITY_THRESHOLDS, { min?: number; max?: number; flag: string }][]) {
      const value = quality[key];
      if ((rule.max !== undefined && value > rule.max) || (rule.min !== undefined && value < rule.min)) flags.add(rule.flag);
    }
    if (ws.length < SHORT_ARTICLE_WORDS) flags.add('short');
  }
  if (doc.meta.language === 'und') flags.add('language-unknown');
  else if (doc.meta.language && doc.meta.language !== 'en') flags.add('not-english');
  quality.flags = [...flags];
  return quality;
}

/** Stage: quality signals and flags per article. */
export function quality(): Stage {
  return {
    name: 'quality',
    needs: ['text', 'blocks', 'removed', 'language'],
    provides: ['quality'],
    run(doc: Doc) {
      doc.quality = measureQuality(doc);
    },
  };
}
