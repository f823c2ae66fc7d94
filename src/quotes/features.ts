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

/**
 * Features of every token of one paragraph for the attribution tagger: words and parts of
 * speech in a window, quotation state, distance to the nearest reporting word (from the
 * model's cue lexicon) on each side within the sentence, sentence position and names.
 * `startsOpen` says the previous paragraph left a quotation open.
 */
export function paragraphFeatures(tokens: readonly QuoteToken[], cues: ReadonlySet<string>, startsOpen: boolean): { features: SentenceFeatures; endsOpen: boolean } {
  const n = tokens.length;
  const lower = tokens.map((t) => t.value.toLowerCase());
  const { inside, kinds, endsOpen } = quoteState(lower, startsOpen);
  const isCue = lower.map((w) => cues.has(w));
  // sentence index of each token, and each sentence's end
  const sentence = new Int32Array(n);
  let s = -1;
  for (let i = 0; i < n; i++) {
    if (tokens[i].sentenceStart || i === 0) s++;
    sentence[i] = s;
  }
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
  const leftCue = new Int32Array(n).fill(-1);
  const rightCue = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) last = -1;
    leftCue[i] = last;
    if (isCue[i] && !inside[i]) last = i;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (i < n - 1 && sentence[i] !== sentence[i + 1]) next = -1;
    rightCue[i] = next;
    if (isCue[i] && !inside[i]) next = i;
  }
  // the nearest colon to the left within the sentence
  const leftColon = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) last = -1;
    leftColon[i] = last;
    if (lower[i] === ':' && !inside[i]) last = i;
  }
  // distance to the nearest quotation mark on each side, within the paragraph
  const prevMark = new Int32Array(n).fill(-1);
  const nextMark = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    prevMark[i] = last;
    if (kinds[i]) last = i;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    nextMark[i] = next;
    if (kinds[i]) next = i;
  }
  const sentenceHasQuote = new Uint8Array(s + 1);
  for (let i = 0; i < n; i++) if (kinds[i]) sentenceHasQuote[sentence[i]] = 1;
  const paragraphStartsWithMark: MarkKind = kinds[0] ?? null;

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
  }
  offsets[n] = hashes.length;
  return { features: { hashes: Uint32Array.from(hashes), offsets }, endsOpen };
}
