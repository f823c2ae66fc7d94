import type { Configuration } from './arc-hybrid.ts';
import type { SentenceInput } from './sentence.ts';

/**
 * The parser's features: the Zhang and Nivre (2011) set, adapted to arc-hybrid (s1 stands
 * where arc-eager reads s0's head, s2 for its head's head, since s1 is the head RIGHT would
 * give s0, and b0 the head LEFT would give it). Each feature is a 32-bit hash of a template
 * number and integer ids (word and affix hashes, tag, relation and shape ids, distances,
 * counts, relation sets), mixed with multiplications: no string is made.
 *
 * Word pairs are the dear templates: nearly every one of their features is a row read from
 * memory rather than the cache. Of the pairs of s0's and b0's words, and of s1's and s0's, only
 * two forms each are kept (the others said the same: left out one at a time, dev LAS did not
 * move; `src/grammar/ablate.ts`), nor b0's word with b1's, s0's or s1's word with a distance,
 * or s0's and b0's suffixes together. Nor the features of one word alone that the tag triples
 * already hold: s2's word and tag, s0's and s1's rightmost children's words and tags, s0's
 * second rightmost child's tag, s1's leftmost child's tag (each left out, the trained model
 * did better on dev, and each of them votes for nearly every action: a hundred adds a step).
 *
 * Positions: s0, s1, s2 (stack), b0, b1, b2 (buffer), s0's two leftmost and two rightmost
 * children, s1's leftmost and two rightmost children, b0's two leftmost children (the buffer
 * front has no right children yet).
 */
export const FEATURE_COUNT = 91;

/**
 * The first BUFFER_FEATURES features read only the buffer's first three words (their words,
 * tags, affixes, shapes), which stay as they are until the next SHIFT: a parser can score them
 * once per buffer front (bufferFeatures) and the others at every step (stackFeatures).
 */
export const BUFFER_FEATURES = 16;

const NONE = 0x5f3759df | 0;

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function done(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

// A template's seed: its number spread over the word.
function t(k: number): number {
  return Math.imul(k + 1, 0x9e3779b1);
}

function f1(k: number, a: number): number {
  return done(mix(t(k), a));
}

function f2(k: number, a: number, b: number): number {
  return done(mix(mix(t(k), a), b));
}

function f3(k: number, a: number, b: number, c: number): number {
  return done(mix(mix(mix(t(k), a), b), c));
}

// Distance, bucketed: 1, 2, 3, 4, 5-6, 7-9, 10+ (0 when a side is missing).
function distance(a: number, b: number): number {
  if (a < 0 || b < 0) return 0;
  const d = b > a ? b - a : a - b;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/** Writes the FEATURE_COUNT feature hashes of configuration c over sentence s into `out` (bufferFeatures, then stackFeatures); returns how many it wrote. */
export function extractFeatures(c: Configuration, s: SentenceInput, out: Int32Array): number {
  bufferFeatures(s, c.b, c.n, out);
  return stackFeatures(c, s, out);
}

/** Writes the BUFFER_FEATURES hashes of the buffer that starts at token b of n into out[0, BUFFER_FEATURES). */
export function bufferFeatures(s: SentenceInput, b: number, n: number, out: Int32Array): void {
  const { word, tag, suffix, prefix, shape } = s;
  const B0 = b < n ? b : -1;
  const B1 = b + 1 < n ? b + 1 : -1;
  const B2 = b + 2 < n ? b + 2 : -1;
  const b0w = (B0 >= 0 ? word[B0] : NONE), b0p = (B0 >= 0 ? tag[B0] : -1), b1w = (B1 >= 0 ? word[B1] : NONE), b1p = (B1 >= 0 ? tag[B1] : -1), b2w = (B2 >= 0 ? word[B2] : NONE), b2p = (B2 >= 0 ? tag[B2] : -1);
  const b0wp = mix(b0w, b0p), b1wp = mix(b1w, b1p);
  const b0x = B0 >= 0 ? suffix[B0] : NONE, b1x = B1 >= 0 ? suffix[B1] : NONE, b0f = B0 >= 0 ? prefix[B0] : NONE;
  const b0h = B0 >= 0 ? shape[B0] : -1, b1h = B1 >= 0 ? shape[B1] : -1;
  let k = 0;
  out[k] = f1(k++, b0wp); out[k] = f1(k++, b0w); out[k] = f1(k++, b0p);
  out[k] = f1(k++, b1wp); out[k] = f1(k++, b1w); out[k] = f1(k++, b1p);
  out[k] = f1(k++, mix(b2w, b2p)); out[k] = f1(k++, b2w); out[k] = f1(k++, b2p);
  out[k] = f2(k++, b0p, b1p); out[k] = f2(k++, b0wp, b1p); out[k] = f3(k++, b0p, b1p, b2p);
  // affixes and shapes, for words the model has not seen
  out[k] = f2(k++, b0x, b0p); out[k] = f2(k++, b1x, b1p); out[k] = f2(k++, b0f, b0p); out[k] = f2(k++, b0h, b1h);
}

/** Writes the other FEATURE_COUNT − BUFFER_FEATURES hashes of configuration c into out[BUFFER_FEATURES, FEATURE_COUNT); returns where it stopped. */
export function stackFeatures(c: Configuration, s: SentenceInput, out: Int32Array): number {
  const { word, tag, suffix, prefix, shape } = s;
  const { stack, sp, label, left1, left2, right1, right2, leftCount, rightCount } = c;
  const S0 = sp >= 1 ? stack[sp - 1] : -1;
  const S1 = sp >= 2 ? stack[sp - 2] : -1;
  const S2 = sp >= 3 ? stack[sp - 3] : -1;
  const B0 = c.b < c.n ? c.b : -1;
  const S0L = S0 >= 0 ? left1[S0] : -1;
  const S0L2 = S0 >= 0 ? left2[S0] : -1;
  const S0R = S0 >= 0 ? right1[S0] : -1;
  const S0R2 = S0 >= 0 ? right2[S0] : -1;
  const S1L = S1 >= 0 ? left1[S1] : -1;
  const S1R = S1 >= 0 ? right1[S1] : -1;
  const S1R2 = S1 >= 0 ? right2[S1] : -1;
  const B0L = B0 >= 0 ? left1[B0] : -1;
  const B0L2 = B0 >= 0 ? left2[B0] : -1;

  const s0w = (S0 >= 0 ? word[S0] : NONE), s0p = (S0 >= 0 ? tag[S0] : -1), s1w = (S1 >= 0 ? word[S1] : NONE), s1p = (S1 >= 0 ? tag[S1] : -1), s2p = (S2 >= 0 ? tag[S2] : -1);
  const b0w = (B0 >= 0 ? word[B0] : NONE), b0p = (B0 >= 0 ? tag[B0] : -1);
  const s0lp = (S0L >= 0 ? tag[S0L] : -1), s0rp = (S0R >= 0 ? tag[S0R] : -1), s1rp = (S1R >= 0 ? tag[S1R] : -1), s1lp = (S1L >= 0 ? tag[S1L] : -1), b0lp = (B0L >= 0 ? tag[B0L] : -1);
  const s0wp = mix(s0w, s0p), b0wp = mix(b0w, b0p), s1wp = mix(s1w, s1p);
  const d0 = distance(S0, B0);
  const d1 = distance(S1, S0);
  const s0vl = S0 >= 0 ? leftCount[S0] : -1, s0vr = S0 >= 0 ? rightCount[S0] : -1;
  const s1vl = S1 >= 0 ? leftCount[S1] : -1, s1vr = S1 >= 0 ? rightCount[S1] : -1;
  const b0vl = B0 >= 0 ? leftCount[B0] : -1;
  const s0sl = S0 >= 0 ? mix(c.leftSetLo[S0], c.leftSetHi[S0]) : NONE;
  const s0sr = S0 >= 0 ? mix(c.rightSetLo[S0], c.rightSetHi[S0]) : NONE;
  const b0sl = B0 >= 0 ? mix(c.leftSetLo[B0], c.leftSetHi[B0]) : NONE;
  const s1sr = S1 >= 0 ? mix(c.rightSetLo[S1], c.rightSetHi[S1]) : NONE;
  const s0x = S0 >= 0 ? suffix[S0] : NONE, s1x = S1 >= 0 ? suffix[S1] : NONE;
  const s0f = S0 >= 0 ? prefix[S0] : NONE;
  const s0h = S0 >= 0 ? shape[S0] : -1, b0h = B0 >= 0 ? shape[B0] : -1, s1h = S1 >= 0 ? shape[S1] : -1;

  let k = BUFFER_FEATURES;
  // single words
  out[k] = f1(k++, s0wp); out[k] = f1(k++, s0w); out[k] = f1(k++, s0p);
  out[k] = f1(k++, s1wp); out[k] = f1(k++, s1w); out[k] = f1(k++, s1p);
  // pairs: s0 with b0, s1 with s0
  out[k] = f2(k++, s0wp, b0wp);
  out[k] = f2(k++, s0wp, b0p); out[k] = f2(k++, s0p, b0wp);
  out[k] = f2(k++, s0p, b0p);
  out[k] = f2(k++, s1p, s0p);
  out[k] = f2(k++, s1wp, s0p);
  // three tags
  out[k] = f3(k++, s0p, b0p, (c.b + 1 < c.n ? tag[c.b + 1] : -1)); out[k] = f3(k++, s1p, s0p, b0p);
  out[k] = f3(k++, s0p, s0lp, b0p); out[k] = f3(k++, s0p, s0rp, b0p); out[k] = f3(k++, s0p, b0p, b0lp);
  out[k] = f3(k++, s1p, s1rp, s0p); out[k] = f3(k++, s2p, s1p, s0p); out[k] = f3(k++, s1p, s0p, s0lp);
  out[k] = f3(k++, s1p, s1lp, s0p); out[k] = f3(k++, s1p, s0p, s0rp);
  // distance
  out[k] = f2(k++, s0p, d0); out[k] = f2(k++, b0w, d0); out[k] = f2(k++, b0p, d0);
  out[k] = f3(k++, s0w, b0w, d0); out[k] = f3(k++, s0p, b0p, d0);
  out[k] = f3(k++, s1p, s0p, d1); out[k] = f3(k++, s1w, s0w, d1); out[k] = f2(k++, s0wp, d1);
  // valency
  out[k] = f2(k++, s0w, s0vr); out[k] = f2(k++, s0p, s0vr); out[k] = f2(k++, s0w, s0vl); out[k] = f2(k++, s0p, s0vl);
  out[k] = f2(k++, b0w, b0vl); out[k] = f2(k++, b0p, b0vl); out[k] = f2(k++, s1w, s1vr); out[k] = f2(k++, s1p, s1vr);
  out[k] = f2(k++, s1p, s1vl);
  // children
  out[k] = f1(k++, (S0L >= 0 ? word[S0L] : NONE)); out[k] = f1(k++, s0lp); out[k] = f2(k++, s0p, (S0L >= 0 ? label[S0L] : -2));
  out[k] = f2(k++, s0p, (S0R >= 0 ? label[S0R] : -2));
  out[k] = f1(k++, (B0L >= 0 ? word[B0L] : NONE)); out[k] = f1(k++, b0lp); out[k] = f2(k++, b0p, (B0L >= 0 ? label[B0L] : -2));
  out[k] = f2(k++, s1p, (S1R >= 0 ? label[S1R] : -2));
  out[k] = f2(k++, s1p, (S1L >= 0 ? label[S1L] : -2));
  out[k] = f2(k++, s0w, (S0L >= 0 ? label[S0L] : -2)); out[k] = f2(k++, s0w, (S0R >= 0 ? label[S0R] : -2)); out[k] = f2(k++, b0w, (B0L >= 0 ? label[B0L] : -2));
  // second children and third order
  out[k] = f1(k++, (S0L2 >= 0 ? tag[S0L2] : -1)); out[k] = f2(k++, s0p, (S0L2 >= 0 ? label[S0L2] : -2)); out[k] = f2(k++, s0p, (S0R2 >= 0 ? label[S0R2] : -2));
  out[k] = f1(k++, (B0L2 >= 0 ? tag[B0L2] : -1)); out[k] = f2(k++, b0p, (B0L2 >= 0 ? label[B0L2] : -2));
  out[k] = f3(k++, s0p, s0lp, (S0L2 >= 0 ? tag[S0L2] : -1)); out[k] = f3(k++, s0p, s0rp, (S0R2 >= 0 ? tag[S0R2] : -1)); out[k] = f3(k++, b0p, b0lp, (B0L2 >= 0 ? tag[B0L2] : -1));
  out[k] = f3(k++, s1p, s1rp, (S1R2 >= 0 ? tag[S1R2] : -1)); out[k] = f3(k++, s0p, (S0L >= 0 ? label[S0L] : -2), (S0L2 >= 0 ? label[S0L2] : -2)); out[k] = f3(k++, b0p, (B0L >= 0 ? label[B0L] : -2), (B0L2 >= 0 ? label[B0L2] : -2));
  // relation sets
  out[k] = f2(k++, s0w, s0sr); out[k] = f2(k++, s0p, s0sr); out[k] = f2(k++, s0w, s0sl); out[k] = f2(k++, s0p, s0sl);
  out[k] = f2(k++, b0w, b0sl); out[k] = f2(k++, b0p, b0sl); out[k] = f2(k++, s1p, s1sr);
  // affixes and shapes, for words the model has not seen
  out[k] = f2(k++, s0x, s0p); out[k] = f2(k++, s1x, s1p);
  out[k] = f2(k++, s0f, s0p);
  out[k] = f3(k++, s0h, b0h, s0p); out[k] = f3(k++, s0h, b0h, b0p); out[k] = f3(k++, s1h, s0h, d1);
  return k;
}
