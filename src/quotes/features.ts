import { hashString } from '../learn/hash.ts';
import type { SentenceFeatures } from '../learn/perceptron.ts';
import { quoteState, type MarkKind } from './quote-marks.ts';

/** One token as the quote tagger sees it. */
export interface QuoteToken {
  value: string;
  pos: string;
  /** Entity type of a name the token belongs to (`PER`, `ORG`...), or ''. */
  entity: string;
  /** True for the first token of a sentence. */
  sentenceStart: boolean;
}

const H = hashString;
const BIAS = H('bias');

function bucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 6) return '4-6';
  if (d <= 10) return '7-10';
  if (d <= 20) return '11-20';
  return '>20';
}

function shape(value: string): string {
  if (/^[A-Z][a-z]/.test(value)) return 'Xx';
  if (/^[A-Z]+$/.test(value)) return 'X';
  if (/^[a-z]/.test(value)) return 'x';
  if (/^\d/.test(value)) return 'd';
  return value.length === 1 ? `p${value}` : 'o';
}

/** The sentence index of each token of a paragraph, and the number of sentences. */
function sentenceIndex(tokens: readonly QuoteToken[]): { sentence: Int32Array; count: number } {
  const sentence = new Int32Array(tokens.length);
  let s = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].sentenceStart || i === 0) s++;
    sentence[i] = s;
  }
  return { sentence, count: s + 1 };
}

/**
 * For each of `n` tokens, the nearest token before it and after it where `hit` holds, or -1;
 * with `group` (a sentence index per token), only within the token's own group.
 */
function nearestHits(n: number, hit: (i: number) => boolean, group?: Int32Array): { left: Int32Array; right: Int32Array } {
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    if (group && i > 0 && group[i] !== group[i - 1]) last = -1;
    left[i] = last;
    if (hit(i)) last = i;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (group && i < n - 1 && group[i] !== group[i + 1]) next = -1;
    right[i] = next;
    if (hit(i)) next = i;
  }
  return { left, right };
}

/**
 * The features a second tagging pass adds to each token, from the first pass's labels for
 * the whole paragraph (`prior`): the labels around the token, where the run it is in ends
 * and what follows, and how far the nearest cue, source and content the first pass found lie
 * on each side (in the same sentence or not). `startsOpen` as for paragraphFeatures.
 */
export function secondPassHashes(tokens: readonly QuoteToken[], startsOpen: boolean, prior: readonly string[]): number[][] {
  const n = tokens.length;
  const lower = tokens.map((t) => t.value.toLowerCase());
  const { inside } = quoteState(lower, startsOpen);
  const { sentence } = sentenceIndex(tokens);
  const parts = prior.map((l) => (l === 'O' ? '' : l.slice(2)));
  const nearest = (part: string) => nearestHits(n, (i) => parts[i] === part);
  const near: Record<string, { left: Int32Array; right: Int32Array }> = { cue: nearest('cue'), source: nearest('source'), content: nearest('content') };
  // the last token of the first-pass run each token is in (a run goes on through I- and L-)
  const runEnd = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) runEnd[i] = i < n - 1 && (prior[i + 1][0] === 'I' || prior[i + 1][0] === 'L') ? runEnd[i + 1] : i;
  const pos = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : tokens[i].pos);
  return tokens.map((_, i) => {
    const out: number[] = [];
    stackedFeatures(prior, lower, sentence, (f) => out.push(H(f)), i, near, runEnd, inside[i] ? 'in' : 'out', pos);
    return out;
  });
}

function stackedFeatures(prior: readonly string[], lower: readonly string[], sentence: Int32Array, add: (f: string) => void, i: number, near: Record<string, { left: Int32Array; right: Int32Array }>, runEnd: Int32Array, q: string, pos: (k: number) => string): void {
  const n = prior.length;
  const label = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : prior[k]);
  add(`s0|q=${label(i)}|${q}`);
  // where the first pass's run around this token ends, and what follows it
  if (prior[i] !== 'O') {
    const end = runEnd[i];
    const after = end + 1 < n ? lower[end + 1] : '</s>';
    add(`runend=${bucket(end - i)}|${after}|${pos(end + 1)}`);
  } else if (i > 0 && prior[i - 1] !== 'O') add(`afterrun=${prior[i - 1]}|${lower[i]}|${pos(i)}`);
  add(`s0=${label(i)}`);
  add(`s-1=${label(i - 1)}`);
  add(`s+1=${label(i + 1)}`);
  add(`s-2=${label(i - 2)}`);
  add(`s+2=${label(i + 2)}`);
  add(`s-1s0s+1=${label(i - 1)}|${label(i)}|${label(i + 1)}`);
  add(`s0|w=${label(i)}|${lower[i]}`);
  for (const part of ['cue', 'source', 'content']) {
    const { left, right } = near[part];
    const l = left[i];
    const r = right[i];
    add(`${part}<=${l < 0 ? 'none' : `${bucket(i - l)}|${sentence[l] === sentence[i] ? 's' : 'p'}`}|${label(i)}`);
    add(`${part}>=${r < 0 ? 'none' : `${bucket(r - i)}|${sentence[r] === sentence[i] ? 's' : 'p'}`}|${label(i)}`);
  }
}

/**
 * Features of every token of one paragraph for the attribution tagger: words and parts of
 * speech in a window, quotation state, distance to the nearest reporting word (from the
 * model's cue lexicon) on each side within the sentence, sentence position and names.
 * `startsOpen` says the previous paragraph left a quotation open; `prior`, for a second
 * pass, holds the first pass's label of each token.
 */
export function paragraphFeatures(tokens: readonly QuoteToken[], cues: ReadonlySet<string>, startsOpen: boolean, prior?: readonly string[]): { features: SentenceFeatures; endsOpen: boolean } {
  const n = tokens.length;
  const lower = tokens.map((t) => t.value.toLowerCase());
  const { inside, kinds, endsOpen } = quoteState(lower, startsOpen);
  const isCue = lower.map((w) => cues.has(w));
  // sentence index of each token, and each sentence's end
  const { sentence, count } = sentenceIndex(tokens);
  const s = count - 1;
  const sentenceEnd = new Int32Array(s + 1);
  const sentenceStart = new Int32Array(s + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    sentenceEnd[sentence[i]] = i;
    if (sentenceStart[sentence[i]] < 0) sentenceStart[sentence[i]] = i;
  }
  // commas seen so far in the paragraph, to tell whether a comma lies between two tokens
  const commas = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) commas[i + 1] = commas[i] + (lower[i] === ',' ? 1 : 0);
  // nearest cue word on each side within the sentence, outside quotation marks
  const { left: leftCue, right: rightCue } = nearestHits(n, (i) => isCue[i] && !inside[i], sentence);
  // the nearest colon to the left within the sentence
  const leftColon = nearestHits(n, (i) => lower[i] === ':' && !inside[i], sentence).left;
  // the nearest quotation mark on each side, within the paragraph
  const { left: prevMark, right: nextMark } = nearestHits(n, (i) => kinds[i] !== null);
  const sentenceHasQuote = new Uint8Array(s + 1);
  for (let i = 0; i < n; i++) if (kinds[i]) sentenceHasQuote[sentence[i]] = 1;
  const paragraphStartsWithMark: MarkKind = kinds[0] ?? null;

  const second = prior ? secondPassHashes(tokens, startsOpen, prior) : null;

  const hashes: number[] = [];
  const offsets = new Int32Array(n + 1);
  const word = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]);
  const pos = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : tokens[i].pos);
  for (let i = 0; i < n; i++) {
    offsets[i] = hashes.length;
    const add = (f: string): void => {
      hashes.push(H(f));
    };
    hashes.push(BIAS);
    const w = lower[i];
    add(`w=${w}`);
    add(`w-1=${word(i - 1)}`);
    add(`w+1=${word(i + 1)}`);
    add(`w-2=${word(i - 2)}`);
    add(`w+2=${word(i + 2)}`);
    add(`w-1w=${word(i - 1)}|${w}`);
    add(`ww+1=${w}|${word(i + 1)}`);
    add(`p=${pos(i)}`);
    add(`p-1=${pos(i - 1)}`);
    add(`p+1=${pos(i + 1)}`);
    add(`p-2=${pos(i - 2)}`);
    add(`p+2=${pos(i + 2)}`);
    add(`p-1p=${pos(i - 1)}|${pos(i)}`);
    add(`pp+1=${pos(i)}|${pos(i + 1)}`);
    add(`p-1pp+1=${pos(i - 1)}|${pos(i)}|${pos(i + 1)}`);
    add(`w-3=${word(i - 3)}`);
    add(`w+3=${word(i + 3)}`);
    add(`p-3=${pos(i - 3)}`);
    add(`p+3=${pos(i + 3)}`);
    add(`sh=${shape(tokens[i].value)}`);
    add(`suf=${w.slice(-3)}`);
    if (tokens[i].entity) {
      add(`ne=${tokens[i].entity}`);
      add(`ne-1=${i > 0 ? tokens[i - 1].entity : ''}|ne=${tokens[i].entity}`);
    }
    const q = inside[i] ? 'in' : 'out';
    add(`q=${q}`);
    add(`q|p=${q}|${pos(i)}`);
    if (kinds[i]) add(`mark=${kinds[i]}|${q}`);
    add(`q-1q+1=${i > 0 ? inside[i - 1] : 'b'}|${i < n - 1 ? inside[i + 1] : 'e'}`);
    if (i > 0 && kinds[i - 1]) add(`prevmark=${kinds[i - 1]}|${inside[i - 1]}`);
    if (i < n - 1 && kinds[i + 1]) add(`nextmark=${kinds[i + 1]}|${inside[i + 1]}`);
    if (isCue[i]) add(`cue|q=${q}`);
    if (paragraphStartsWithMark) add(`parmark=${paragraphStartsWithMark}|${q}`);
    if (startsOpen) add(`paropen|${q}`);
    if (prevMark[i] >= 0) add(`pm=${bucket(i - prevMark[i])}|${kinds[prevMark[i]]}|${q}`);
    if (nextMark[i] >= 0) add(`nm=${bucket(nextMark[i] - i)}|${kinds[nextMark[i]]}|${q}`);
    if (i < 4) {
      add(`pi=${i}`);
      add(`pi=${i}|${shape(tokens[i].value)}|${word(i + 1)}`);
    }
    if (leftColon[i] >= 0) add(`lcolon=${bucket(i - leftColon[i])}|${leftColon[i] < 4 ? 'early' : 'late'}`);
    if (lower[i] === ':') add(`colon|pi=${bucket(i)}|${shape(tokens[i - 1]?.value ?? '')}`);
    const sn = sentence[i];
    if (tokens[i].sentenceStart) add('sstart');
    const toEnd = sentenceEnd[sn] - i;
    const fromStart = i - sentenceStart[sn];
    add(`toend=${bucket(toEnd)}`);
    add(`fromstart=${bucket(fromStart)}`);
    add(`shasq=${sentenceHasQuote[sn]}|${q}`);
    const l = leftCue[i];
    const r = rightCue[i];
    // the nearest reporting word on each side: its distance, its word, and what lies between
    const cueSide = (side: 'lc' | 'rc', cue: number, distance: number, edge: string, commaBetween: boolean, adjacent: () => string): void => {
      if (cue < 0) {
        add(`${side}=none`);
        return;
      }
      const d = bucket(distance);
      add(`${side}=${d}`);
      add(`${side}=${d}|${lower[cue]}`);
      add(`${side}|p=${d}|${pos(i)}`);
      add(`${side}|q=${d}|${q}`);
      add(`${side}|${edge}=${d}|${edge === 'toend' ? bucket(toEnd) : bucket(fromStart)}`);
      add(`${side}|comma=${commaBetween ? 1 : 0}|${q}`);
      if (distance === 1) add(adjacent());
    };
    cueSide('lc', l, i - l, 'toend', l >= 0 && commas[i] - commas[l + 1] > 0, () => `aftercue=${lower[l]}|${w}`);
    cueSide('rc', r, r - i, 'fromstart', r >= 0 && commas[r] - commas[i + 1] > 0, () => `beforecue=${w}|${lower[r]}`);
    add(`lr=${l >= 0 ? 1 : 0}${r >= 0 ? 1 : 0}|${q}`);
    if (second) hashes.push(...second[i]);
  }
  offsets[n] = hashes.length;
  return { features: { hashes: Uint32Array.from(hashes), offsets }, endsOpen };
}
