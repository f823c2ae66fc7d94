// The API latency benchmark's pure helpers (scripts/bench/api-corpus.ts, scripts/bench/latency.ts):
// the plan of copies a store is made of, and the percentiles it prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COPY_OUTLETS, copyId, versionPlan } from '../scripts/bench/api-corpus.ts';
import { latency, nearestRank } from '../scripts/bench/latency.ts';

test('the plan stores each base ceil(n / bases) times in a row, every base once before any twice, the same on every run', () => {
  const plan = versionPlan(7, 30);
  assert.equal(plan.length, 30);
  assert.deepEqual(plan.map((s) => s.index), [...Array(30).keys()]);
  assert.deepEqual(plan.map((s) => s.version), Array.from({ length: 30 }, (_, i) => i % 5));
  const groups = Array.from({ length: 6 }, (_, g) => plan.slice(g * 5, g * 5 + 5));
  for (const group of groups) assert.equal(new Set(group.map((s) => s.base)).size, 1, 'one base a group');
  assert.deepEqual(new Set(groups.map((g) => g[0].base)).size, 6, 'no base twice while others wait');
  assert.deepEqual(versionPlan(7, 30), plan);
  assert.notDeepEqual(versionPlan(7, 30, { seed: 1 }), plan);
});

test('copies appear within three days after their original, in other outlets, and the store grows at its daily rate', () => {
  const plan = versionPlan(100, 1000, { perDay: 40, start: '2025-01-06T00:00:00Z' });
  for (let g = 0; g < 100; g++) {
    const group = plan.slice(g * 10, g * 10 + 10);
    const original = Date.parse(group[0].published);
    for (const copy of group.slice(1)) {
      const after = Date.parse(copy.published) - original;
      assert.ok(after >= 0 && after <= 72 * 3_600_000, `copy ${copy.index} is ${after / 3_600_000} hours after its original`);
    }
    assert.equal(new Set(group.map((s) => s.outlet)).size, Math.min(10, COPY_OUTLETS.length));
  }
  const lastOriginal = Date.parse(plan[990].published) - Date.parse('2025-01-06T00:00:00Z');
  assert.ok(Math.abs(lastOriginal / 86_400_000 - 990 / 40) < 1, 'the 991st article comes about 990 / 40 days in');
});

test('copy ids are 16 hex digits, one per slot', () => {
  const plan = versionPlan(3, 9);
  const ids = plan.map((s) => copyId('aaaabbbbccccdddd', s));
  for (const id of ids) assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(new Set(ids).size, 9);
});

test('percentiles are by nearest rank: a time some request took', () => {
  const times = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.deepEqual(latency([...times].reverse()), { n: 100, p50: 50, p95: 95, max: 100 });
  assert.equal(nearestRank([5], 0.95), 5);
  assert.equal(nearestRank([1, 2, 3, 4], 0.5), 2);
  assert.equal(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95), 20);
  assert.throws(() => nearestRank([], 0.5), TypeError);
});

test('a plan needs at least one base', () => {
  assert.throws(() => versionPlan(0, 10), TypeError);
});
