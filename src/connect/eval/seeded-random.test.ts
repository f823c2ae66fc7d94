import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveSeed, seededRandom } from './seeded-random.ts';

test('the same seed gives the same sequence; another seed another', () => {
  const draw = (seed: number | string) => {
    const r = seededRandom(seed);
    return Array.from({ length: 20 }, () => r.next());
  };
  assert.deepEqual(draw(42), draw(42));
  assert.deepEqual(draw('a'), draw('a'));
  assert.notDeepEqual(draw(42), draw(43));
  for (const x of draw(5)) assert.ok(x >= 0 && x < 1);
});

test('int stays in range and reaches every value; shuffle is a permutation', () => {
  const r = seededRandom(1);
  const seen = new Set<number>();
  for (let i = 0; i < 500; i++) {
    const k = r.int(7);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 7);
    seen.add(k);
  }
  assert.equal(seen.size, 7);
  const items = Array.from({ length: 30 }, (_, i) => i);
  const shuffled = r.shuffle(items);
  assert.notDeepEqual(shuffled, items);
  assert.deepEqual([...shuffled].sort((a, b) => a - b), items);
  assert.throws(() => r.pick([]), TypeError);
});

test('chance follows its probability roughly; derived seeds differ by part', () => {
  const r = seededRandom(9);
  let hits = 0;
  for (let i = 0; i < 2000; i++) if (r.chance(0.3)) hits++;
  assert.ok(hits > 500 && hits < 700, `hits ${hits}`);
  assert.equal(deriveSeed(1, 'a', 0.5), deriveSeed(1, 'a', 0.5));
  assert.notEqual(deriveSeed(1, 'a', 0.5), deriveSeed(1, 'a', 0.75));
});
