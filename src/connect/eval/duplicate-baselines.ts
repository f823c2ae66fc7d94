/**
 * Baseline duplicate detectors for the benchmark, to read the product's figures against:
 * an exact hash of the normalised text, and word 5-shingle Jaccard similarity of 0.8 or more
 * between any two items, joined into connected components. Deliberately simple: they show
 * what each kind of copy costs a detector that does not align sentences.
 */
import { hashString } from '../../learn/hash.ts';
import type { DetectorItem, DuplicateDetector, Grouping } from './duplicates-benchmark.ts';

/**
 * A text reduced to what survives copying: NFKC, lower case, words of letters and digits
 * separated by single spaces (punctuation, quotes and line layout dropped).
 *
 * @example normaliseText('“Talks  resume,” she said.\n') // 'talks resume she said'
 */
export function normaliseText(text: string): string {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Groups items whose normalised texts are identical. */
export function exactTextGrouping(items: readonly DetectorItem[]): Grouping {
  const first = new Map<string, string>();
  const grouping: Grouping = new Map();
  for (const it of items) {
    const key = normaliseText(it.text);
    if (!first.has(key)) first.set(key, it.id);
    grouping.set(it.id, first.get(key)!);
  }
  return grouping;
}

/**
 * The hashed word k-shingles of a text (after `normaliseText`); a text of fewer than k words
 * gives one shingle of all its words, an empty text none.
 */
export function wordShingles(text: string, k = 5): Set<number> {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < k) out.add(hashString(words.join(' ')));
  for (let i = 0; i + k <= words.length; i++) out.add(hashString(words.slice(i, i + k).join(' ')));
  return out;
}

/** Options of `jaccardGrouping`. */
export interface JaccardOptions {
  /** Words per shingle; default 5. */
  k?: number;
  /** The least Jaccard similarity that joins two items; default 0.8. */
  threshold?: number;
}

/**
 * Groups items by shingle Jaccard similarity: every pair at or above the threshold is joined,
 * and groups are the connected components. Pairs are found through an index of shingles, so
 * every pair that shares a shingle is compared exactly (the same result as comparing all
 * pairs, in less time).
 */
export function jaccardGrouping(items: readonly DetectorItem[], options: JaccardOptions = {}): Grouping {
  const k = options.k ?? 5;
  const threshold = options.threshold ?? 0.8;
  const sets = items.map((it) => wordShingles(it.text, k));
  const postings = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const h of set) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const shared = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const touched: number[] = [];
    for (const h of sets[i]) {
      for (const j of postings.get(h)!) {
        if (j <= i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]++;
      }
    }
    for (const j of touched) {
      const union = sets[i].size + sets[j].size - shared[j];
      if (shared[j] / union >= threshold) {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
      shared[j] = 0;
    }
  }
  return new Map(items.map((it, i) => [it.id, items[find(i)].id]));
}

/** The baselines by the names the evaluation prints. */
export const BASELINE_DETECTORS: Readonly<Record<string, DuplicateDetector>> = {
  'exact hash': exactTextGrouping,
  'shingles J>=0.8': (items) => jaccardGrouping(items, { k: 5, threshold: 0.8 }),
};
