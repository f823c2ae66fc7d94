import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxWeightAssignment } from './assignment.ts';

function total(weights: number[][], assignment: number[]): number {
  return assignment.reduce((sum, j, i) => sum + (j >= 0 ? weights[i][j] : 0), 0);
}

/** The best total by trying every injective assignment of the smaller side (small matrices only). */
function bruteForceBest(weights: number[][]): number {
  const rows = weights.length;
  const cols = rows ? weights[0].length : 0;
  let best = 0;
  const usedCols = new Set<number>();
  const walk = (i: number, sum: number) => {
    if (i === rows) {
      best = Math.max(best, sum);
      return;
    }
    walk(i + 1, sum); // row i left unassigned
    for (let j = 0; j < cols; j++) {
      if (usedCols.has(j)) continue;
      usedCols.add(j);
      walk(i + 1, sum + weights[i][j]);
      usedCols.delete(j);
    }
  };
  walk(0, 0);
  return best;
}

test('maxWeightAssignment beats the greedy choice', () => {
  // greedy takes the 3 and is left with the 0 (total 3); the best pairs the two 2s (total 4)
  const w = [
    [3, 2],
    [2, 0],
  ];
  assert.deepEqual(maxWeightAssignment(w), [1, 0]);
});

test('maxWeightAssignment handles more rows than columns, and empty matrices', () => {
  // column 0 goes to row 2 (weight 5), column 1 to row 0 (weight 4); row 1 is left out
  const w = [
    [1, 4],
    [2, 3],
    [5, 1],
  ];
  assert.deepEqual(maxWeightAssignment(w), [1, -1, 0]);
  assert.deepEqual(maxWeightAssignment([]), []);
  assert.deepEqual(maxWeightAssignment([[], []]), [-1, -1]);
});

test('maxWeightAssignment rejects ragged or non-finite matrices', () => {
  assert.throws(() => maxWeightAssignment([[1, 2], [3]]), TypeError);
  assert.throws(() => maxWeightAssignment([[1, Number.NaN]]), TypeError);
});

test('maxWeightAssignment finds the best total of small random matrices (property)', () => {
  const matrix = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  fc.assert(
    fc.property(matrix, (w) => {
      const a = maxWeightAssignment(w);
      const cols = a.filter((j) => j >= 0);
      assert.equal(new Set(cols).size, cols.length, 'a column used twice');
      assert.equal(total(w, a), bruteForceBest(w));
    }),
    { seed: 7, numRuns: 300 },
  );
});
