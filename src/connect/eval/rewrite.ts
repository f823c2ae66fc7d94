/**
 * Makes copies of an article of known kinds and sizes for the duplicate benchmark: each copy
 * records its kind and the share of the original's body sentences it still holds (reworded
 * or not), so a detector's recall can be read per kind and per size. Deterministic: the same
 * article, kind, size and seed give the same copy.
 */
import { formatArticle, parseArticle, sentenceCount, type ArticleParts } from './article-parts.ts';
import { furnish } from './furniture.ts';
import { applyNameVariants, nameVariants } from './misspell.ts';
import { paraphraseSentence } from './paraphrase.ts';
import { seededRandom, type Random } from './seeded-random.ts';

/**
 * The kinds of copy:
 * - `exact`: the same text;
 * - `furniture`: the same body under another headline form, with byline, dateline, share
 *   lines, a related list, a copyright footer or a comment stub around it;
 * - `truncated`: the first paragraphs only;
 * - `dropped`: paragraphs removed at random, the rest in order;
 * - `reordered`: every paragraph, in another order;
 * - `paraphrased`: every sentence reworded (synonyms, the speaker moved, adverbs dropped,
 *   numbers and contractions written another way);
 * - `misspelt`: names garbled (transliterations, doubled letters, one-letter slips, names split
 *   or run together);
 * - `machine`: what machine-rewritten agency copy shows: paraphrased, names garbled, some
 *   paragraphs dropped and a couple of neighbours swapped.
 */
export const COPY_KINDS = ['exact', 'furniture', 'truncated', 'dropped', 'reordered', 'paraphrased', 'misspelt', 'machine'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

/**
 * The sizes (share of the original's sentences to keep) the benchmark makes of each kind.
 * Kinds that keep the whole body come at 1 only; sizes under one half are the copies the
 * target leaves out, reported on their own.
 */
export const COPY_SIZES: Readonly<Record<CopyKind, readonly number[]>> = {
  exact: [1],
  furniture: [1],
  truncated: [0.75, 0.5, 0.3],
  dropped: [0.75, 0.5, 0.3],
  reordered: [1],
  paraphrased: [1, 0.75, 0.5, 0.3],
  misspelt: [1],
  machine: [1, 0.75, 0.5, 0.3],
};

/** A copy of an article. */
export interface Copy {
  kind: CopyKind;
  /** The share of sentences asked for. */
  size: number;
  /** The share of the original's body sentences the copy holds (whole paragraphs are kept, so near `size`). */
  kept: number;
  text: string;
}

/**
 * Makes one copy of an article text (title line, blank line, paragraphs separated by blank
 * lines). Below size 1, `truncated` keeps the leading paragraphs whose sentences come
 * nearest the size; every other kind keeps paragraphs drawn at random, up to the size.
 * Throws a TypeError for an article without a body, a size outside (0, 1], or an `exact`
 * copy below size 1.
 *
 * @example makeCopy(text, 'dropped', 0.5, 7).kept // about 0.5
 */
export function makeCopy(original: string, kind: CopyKind, size: number, seed: number | string): Copy {
  if (!(size > 0 && size <= 1)) throw new TypeError(`makeCopy: size ${size} is not in (0, 1]`);
  if (kind === 'exact' && size !== 1) throw new TypeError('makeCopy: an exact copy keeps everything (size 1)');
  const parts = parseArticle(original);
  const total = sentenceCount(parts);
  if (total === 0) throw new TypeError('makeCopy: the article has no body');
  if (kind === 'exact') return { kind, size, kept: 1, text: original };
  const rng = seededRandom(seed);
  const lengths = parts.paragraphs.map((p) => p.length);
  let order = kind === 'truncated' ? leadingParagraphs(lengths, size) : size < 1 ? randomParagraphs(lengths, size, rng) : lengths.map((_, i) => i);
  if (kind === 'reordered') order = shuffleAway(order, rng);
  if (kind === 'machine') order = swapNeighbours(order, 2, rng);
  const kept = order.reduce((n, i) => n + lengths[i], 0) / total;
  let copy: ArticleParts = { title: parts.title, paragraphs: order.map((i) => parts.paragraphs[i]) };
  if (kind === 'paraphrased' || kind === 'machine') copy = mapSentences(copy, (s) => paraphraseSentence(s, rng));
  if (kind === 'misspelt' || kind === 'machine') {
    const variants = nameVariants(parts.paragraphs.flat(), rng);
    copy = mapSentences(copy, (s) => applyNameVariants(s, variants, rng));
  }
  if (kind !== 'furniture') return { kind, size, kept, text: formatArticle(copy) };
  const furniture = furnish(copy.title, rng);
  const blocks = [furniture.headline, ...furniture.above, ...copy.paragraphs.map((p) => p.join(' ')), ...furniture.below];
  return { kind, size, kept, text: blocks.join('\n\n') + '\n' };
}

/**
 * Every copy the benchmark makes of an article: each kind at each of its sizes, each from its
 * own seed (`seedFor(kind, size)`), so that adding a kind or size leaves the others as they were.
 */
export function makeCopies(original: string, seedFor: (kind: CopyKind, size: number) => number | string, sizes: Readonly<Record<CopyKind, readonly number[]>> = COPY_SIZES): Copy[] {
  return COPY_KINDS.flatMap((kind) => sizes[kind].map((size) => makeCopy(original, kind, size, seedFor(kind, size))));
}

function mapSentences(parts: ArticleParts, f: (sentence: string) => string): ArticleParts {
  return { title: f(parts.title), paragraphs: parts.paragraphs.map((p) => p.map(f)) };
}

/** The leading paragraphs whose sentence share comes nearest `size` (on a tie, the longer). */
function leadingParagraphs(lengths: readonly number[], size: number): number[] {
  const total = lengths.reduce((a, b) => a + b, 0);
  let best = 1;
  let bestGap = Infinity;
  let sum = 0;
  lengths.forEach((n, i) => {
    sum += n;
    const gap = Math.abs(sum / total - size);
    if (gap <= bestGap + 1e-12) {
      best = i + 1;
      bestGap = gap;
    }
  });
  return lengths.slice(0, best).map((_, i) => i);
}

/**
 * Paragraphs drawn at random until their sentences reach `size` of the whole without passing
 * it (at least one paragraph), returned in their original order.
 */
function randomParagraphs(lengths: readonly number[], size: number, rng: Random): number[] {
  const total = lengths.reduce((a, b) => a + b, 0);
  const target = Math.max(1, Math.round(size * total));
  const chosen: number[] = [];
  let sum = 0;
  for (const i of rng.shuffle(lengths.map((_, i) => i))) {
    if (sum + lengths[i] > target) continue;
    chosen.push(i);
    sum += lengths[i];
  }
  if (chosen.length === 0) chosen.push(lengths.indexOf(Math.min(...lengths)));
  return chosen.sort((a, b) => a - b);
}

/** A shuffled order that differs from the one given (where there are two items or more). */
function shuffleAway(order: readonly number[], rng: Random): number[] {
  if (order.length < 2) return order.slice();
  for (let attempt = 0; attempt < 20; attempt++) {
    const shuffled = rng.shuffle(order);
    if (shuffled.some((x, i) => x !== order[i])) return shuffled;
  }
  return [...order.slice(1), order[0]];
}

/** Swaps `count` pairs of neighbouring items (different pairs where the list is long enough). */
function swapNeighbours(order: readonly number[], count: number, rng: Random): number[] {
  const out = order.slice();
  if (out.length < 2) return out;
  const starts = rng.shuffle(out.slice(0, -1).map((_, i) => i));
  const used = new Set<number>();
  let done = 0;
  for (const i of starts) {
    if (done === count) break;
    if (used.has(i) || used.has(i + 1)) continue;
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
    used.add(i).add(i + 1);
    done++;
  }
  return out;
}
