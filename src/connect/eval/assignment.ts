/**
 * The assignment problem by the Hungarian (Kuhn–Munkres) method with potentials, in
 * O(rows² · columns) for rows ≤ columns: pair rows with columns, each at most once, so that
 * the pairs' weights add up to the most. CEAF aligns key and response clusters with it.
 */

/**
 * The column assigned to each row (or -1) in a maximum-weight assignment of a rectangular
 * matrix of finite weights. Every row gets a column when there are at least as many columns
 * as rows, and every column a row otherwise; pairs of weight 0 may be among them.
 *
 * @example maxWeightAssignment([[3, 2], [2, 0]]) // [1, 0]: 2 + 2 beats 3 + 0
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0].length;
  for (const row of weights) {
    if (row.length !== cols) throw new TypeError('maxWeightAssignment needs a rectangular matrix');
    for (const w of row) if (!Number.isFinite(w)) throw new TypeError(`maxWeightAssignment needs finite weights, got ${w}`);
  }
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, j) => weights.map((row) => row[j]));
    const colToRow = maxWeightAssignment(transposed);
    const out = new Array<number>(rows).fill(-1);
    colToRow.forEach((r, j) => {
      if (r >= 0) out[r] = j;
    });
    return out;
  }
  let top = -Infinity;
  for (const row of weights) for (const w of row) top = Math.max(top, w);
  // a minimum-cost assignment of costs top - w is a maximum-weight one
  const cost = (i: number, j: number) => top - weights[i][j];
  return minCostRows(rows, cols, cost);
}

/**
 * Shortest augmenting paths with row and column potentials (the classic O(n²m) form): rows are
 * added one at a time, and each addition grows a tree of tight edges, adjusting the potentials
 * by the smallest slack until a free column is reached; the path is then flipped.
 */
function minCostRows(rows: number, cols: number, cost: (i: number, j: number) => number): number[] {
  // index 0 is a virtual column/row that roots each search; real ones are 1-based
  const rowPot = new Float64Array(rows + 1);
  const colPot = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1); // 0 = free
  const prevCol = new Int32Array(cols + 1);
  const slack = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    rowOfCol[0] = i;
    let col = 0;
    slack.fill(Infinity);
    used.fill(0);
    do {
      used[col] = 1;
      const row = rowOfCol[col];
      let delta = Infinity;
      let nextCol = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const reduced = cost(row - 1, j - 1) - rowPot[row] - colPot[j];
        if (reduced < slack[j]) {
          slack[j] = reduced;
          prevCol[j] = col;
        }
        if (slack[j] < delta) {
          delta = slack[j];
          nextCol = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          rowPot[rowOfCol[j]] += delta;
          colPot[j] -= delta;
        } else {
          slack[j] -= delta;
        }
      }
      col = nextCol;
    } while (rowOfCol[col] !== 0);
    // flip the augmenting path back to the root
    do {
      const before = prevCol[col];
      rowOfCol[col] = rowOfCol[before];
      col = before;
    } while (col !== 0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (rowOfCol[j] > 0) out[rowOfCol[j] - 1] = j - 1;
  return out;
}
