import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestThreshold, contentWords, cosine, cutTree, linkageTree, tfidfVectors, type SparseVector } from './story-baselines.ts';

const vec = (entries: Array<[number, number]>): SparseVector => ({
  terms: Uint32Array.from(entries.map((e) => e[0])),
  weights: Float64Array.from(entries.map((e) => e[1])),
});

// Unit vectors with known cosines: v0·v1 = 0.8, v2·v3 = 0.8, v1·v3 = 0.6 · 0.6 = 0.36, the rest 0
const VECTORS = [
  vec([[0, 1]]),
  vec([
    [0, 0.8],
    [1, 0.6],
  ]),
  vec([[2, 1]]),
  vec([
    [1, 0.6],
    [2, 0.8],
  ]),
];
const IDS = ['d0', 'd1', 'd2', 'd3'];

test('contentWords keeps lower-cased content words, without stopwords or possessives', () => {
  assert.deepEqual(contentWords("The Mayor's office said Brena's port-workers had struck."), ['mayor', 'office', 'brena', 'port-workers', 'struck']);
});

test('tfidfVectors are unit vectors in which a word of every text weighs nothing', () => {
  const v = tfidfVectors(['harbour strike Brena', 'harbour strike Brena ferries', 'harbour election']);
  for (const x of v) assert.ok(Math.abs(cosine(x, x) - 1) < 1e-12);
  // "harbour" is in all three texts: idf ln(3/3) = 0, so the third text is "election" alone
  assert.equal(v[2].weights.filter((w) => w > 0).length, 1);
  assert.equal(cosine(v[0], v[2]), 0);
  // the first two share strike and brena (idf ln 1.5 each, tf 1); the second adds ferries (ln 3):
  // cosine = 2 ln²1.5 / (√2 ln 1.5 · √(2 ln²1.5 + ln²3)) = √2 ln 1.5 / √(2 ln²1.5 + ln²3)
  const l15 = Math.log(1.5);
  assert.ok(Math.abs(cosine(v[0], v[1]) - (Math.SQRT2 * l15) / Math.sqrt(2 * l15 * l15 + Math.log(3) ** 2)) < 1e-12);
});

test('linkageTree merges by single and average link', () => {
  // both: {0,1} at 0.8 (the first of two equal pairs), then {2,3} at 0.8; then the two pairs:
  // single link takes the closest pair, v1·v3 = 0.36; average link the mean of the four
  // cosines (0 + 0 + 0 + 0.36) / 4 = 0.09
  const single = linkageTree(VECTORS, 'single');
  const average = linkageTree(VECTORS, 'average');
  assert.deepEqual(single.map((m) => [m.a, m.b]), [
    [0, 1],
    [2, 3],
    [0, 2],
  ]);
  assert.deepEqual(single.map((m) => Number(m.similarity.toFixed(6))), [0.8, 0.8, 0.36]);
  assert.deepEqual(average.map((m) => Number(m.similarity.toFixed(6))), [0.8, 0.8, 0.09]);
  assert.deepEqual(linkageTree([], 'single'), []);
});

test('cutTree keeps the merges at or above the threshold, and bestThreshold finds the cut that fits a key', () => {
  const average = linkageTree(VECTORS, 'average');
  assert.deepEqual([...cutTree(IDS, average, 0.5)], [
    ['d0', 'd0'],
    ['d1', 'd0'],
    ['d2', 'd2'],
    ['d3', 'd2'],
  ]);
  assert.equal(new Set(cutTree(IDS, average, 0.05).values()).size, 1);
  assert.equal(new Set(cutTree(IDS, average, 0.9).values()).size, 4);
  const key = new Map([
    ['d0', 'x'],
    ['d1', 'x'],
    ['d2', 'y'],
    ['d3', 'y'],
  ]);
  // 0.05 joins all (B³ precision 1/2), 0.9 none (recall 1/2); from 0.1 to 0.8 the two pairs: F1 1
  assert.deepEqual(bestThreshold(IDS, average, key, [0.05, 0.1, 0.5, 0.9]), { threshold: 0.1, f1: 1 });
});
