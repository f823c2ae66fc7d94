/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) over a stack
 * and a buffer of token indices, with its dynamic oracle (Goldberg and Nivre 2013).
 *
 * - SHIFT moves the buffer's front b0 onto the stack.
 * - LEFT(l) pops s0 and makes it b0's dependent with relation l.
 * - RIGHT(l) pops s0 and makes it s1's dependent with relation l.
 *
 * There is no artificial root token: the parse ends when the buffer is empty and one token is
 * left on the stack, which becomes the root. That is arc-hybrid with the root at the bottom of
 * the stack and its arc allowed only at the end, so every parse is a tree with exactly one
 * root, whatever the scores. Arc-hybrid over arc-eager: every configuration leads to a tree
 * without an extra "unshift" rule, and its oracle costs are a few exact counts.
 *
 * Actions are numbered: 0 is SHIFT, 1..L are LEFT with relation a-1, L+1..2L are RIGHT with
 * relation a-L-1, for L relations (the root's own relation is not among them).
 */
export const SHIFT = 0;

/** No head yet (the root's head, once the parse is done, is -1). */
export const UNATTACHED = -2;

/** A parser configuration, with what the features read of the partial tree. Arrays are reused across sentences. */
export class Configuration {
  n = 0;
  /** Stack of token indices, `stack[sp - 1]` is s0. */
  stack: Int32Array;
  sp = 0;
  /** Buffer front: the buffer is always the tokens b..n-1. */
  b = 0;
  head: Int32Array;
  label: Int32Array;
  /** Leftmost and second leftmost, rightmost and second rightmost children (-1: none). */
  left1: Int32Array;
  left2: Int32Array;
  right1: Int32Array;
  right2: Int32Array;
  leftCount: Int32Array;
  rightCount: Int32Array;
  /** Relations of the left and right children, as bit sets over relation ids (two 32-bit halves). */
  leftSetLo: Int32Array;
  leftSetHi: Int32Array;
  rightSetLo: Int32Array;
  rightSetHi: Int32Array;

  constructor(capacity = 64) {
    this.stack = new Int32Array(capacity);
    this.head = new Int32Array(capacity);
    this.label = new Int32Array(capacity);
    this.left1 = new Int32Array(capacity);
    this.left2 = new Int32Array(capacity);
    this.right1 = new Int32Array(capacity);
    this.right2 = new Int32Array(capacity);
    this.leftCount = new Int32Array(capacity);
    this.rightCount = new Int32Array(capacity);
    this.leftSetLo = new Int32Array(capacity);
    this.leftSetHi = new Int32Array(capacity);
    this.rightSetLo = new Int32Array(capacity);
    this.rightSetHi = new Int32Array(capacity);
  }

  /** The initial configuration for n tokens: empty stack, everything in the buffer. */
  reset(n: number): void {
    if (n > this.stack.length) {
      const fresh = new Configuration(Math.max(n, this.stack.length * 2));
      Object.assign(this, fresh);
    }
    this.n = n;
    this.sp = 0;
    this.b = 0;
    this.head.fill(UNATTACHED, 0, n);
    this.label.fill(-1, 0, n);
    this.left1.fill(-1, 0, n);
    this.left2.fill(-1, 0, n);
    this.right1.fill(-1, 0, n);
    this.right2.fill(-1, 0, n);
    this.leftCount.fill(0, 0, n);
    this.rightCount.fill(0, 0, n);
    this.leftSetLo.fill(0, 0, n);
    this.leftSetHi.fill(0, 0, n);
    this.rightSetLo.fill(0, 0, n);
    this.rightSetHi.fill(0, 0, n);
  }

  /** Done: buffer empty and at most one token on the stack (it is then made the root). */
  terminal(): boolean {
    return this.b >= this.n && this.sp <= 1;
  }

  canShift(): boolean {
    return this.b < this.n;
  }

  canLeft(): boolean {
    return this.sp >= 1 && this.b < this.n;
  }

  canRight(): boolean {
    return this.sp >= 2;
  }

  /** Applies action a for L relations (see the numbering above). */
  apply(a: number, L: number): void {
    if (a === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (a <= L) {
      const d = this.stack[--this.sp];
      this.attach(this.b, d, a - 1);
    } else {
      const d = this.stack[--this.sp];
      this.attach(this.stack[this.sp - 1], d, a - L - 1);
    }
    if (this.b >= this.n && this.sp === 1) {
      const root = this.stack[0];
      this.head[root] = -1;
    }
  }

  private attach(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    if (d < h) {
      const first = this.left1[h];
      if (first < 0 || d < first) {
        this.left2[h] = first;
        this.left1[h] = d;
      } else if (this.left2[h] < 0 || d < this.left2[h]) this.left2[h] = d;
      this.leftCount[h]++;
      if (l < 32) this.leftSetLo[h] |= 1 << l;
      else this.leftSetHi[h] |= 1 << (l - 32);
    } else {
      const first = this.right1[h];
      if (first < 0 || d > first) {
        this.right2[h] = first;
        this.right1[h] = d;
      } else if (this.right2[h] < 0 || d > this.right2[h]) this.right2[h] = d;
      this.rightCount[h]++;
      if (l < 32) this.rightSetLo[h] |= 1 << l;
      else this.rightSetHi[h] |= 1 << (l - 32);
    }
  }
}

/**
 * The gold tree the oracle compares with: heads (-1 root), relation ids (-1 for the root's),
 * and each token's gold dependents (CSR: `children[childStart[h]..childStart[h+1])`).
 */
export interface GoldTree {
  head: Int32Array;
  label: Int32Array;
  childStart: Int32Array;
  children: Int32Array;
}

/** Builds the GoldTree of heads and relation ids. */
export function goldTree(head: Int32Array, label: Int32Array): GoldTree {
  const n = head.length;
  const childStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) if (head[d] >= 0) childStart[head[d] + 1]++;
  for (let h = 0; h < n; h++) childStart[h + 1] += childStart[h];
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]);
  for (let d = 0; d < n; d++) if (head[d] >= 0) children[fill[head[d]]++] = d;
  return { head, label, childStart, children };
}

/**
 * The dynamic oracle's costs: how many gold arcs (a wrong relation on a right head counts as
 * one) each action makes unreachable from configuration c. Writes `costs[a]` for every valid
 * action and Infinity for the others. Exact for projective gold trees; on a non-projective one
 * the counts are the usual approximation (arcs already lost are not counted again).
 */
export function actionCosts(c: Configuration, gold: GoldTree, L: number, costs: Float64Array): void {
  costs.fill(Infinity, 0, 2 * L + 1);
  const { head: gh, label: gl, childStart, children } = gold;
  const sp = c.sp;
  const s0 = sp >= 1 ? c.stack[sp - 1] : -1;
  const s1 = sp >= 2 ? c.stack[sp - 2] : -1;
  const b0 = c.b < c.n ? c.b : -1;

  if (b0 >= 0) {
    // SHIFT: b0 can no longer take a head from below s0 (nor the root, above anything), nor
    // take dependents that are on the stack.
    let cost = 0;
    const g = gh[b0];
    if (g === -1) cost += sp >= 1 ? 1 : 0;
    else if (g !== s0 && g < c.b && c.head[g] === UNATTACHED) cost++;
    for (let k = childStart[b0]; k < childStart[b0 + 1]; k++) {
      const d = children[k];
      if (d < c.b && c.head[d] === UNATTACHED) cost++;
    }
    costs[SHIFT] = cost;
  }
  if (s0 < 0) return;
  // Popping s0 loses its dependents still in the buffer.
  let lostChildren = 0;
  for (let k = childStart[s0]; k < childStart[s0 + 1]; k++) if (children[k] >= c.b) lostChildren++;
  const g = gh[s0];
  if (b0 >= 0) {
    // LEFT: s0's head becomes b0.
    let cost = lostChildren;
    if (g === -1) cost += sp === 1 ? 1 : 0;
    else if (g !== b0 && (g === s1 || g > b0)) cost++;
    for (let l = 0; l < L; l++) costs[1 + l] = cost + (g === b0 && l !== gl[s0] ? 1 : 0);
  }
  if (s1 >= 0) {
    // RIGHT: s0's head becomes s1.
    let cost = lostChildren;
    if (g >= c.b) cost++;
    for (let l = 0; l < L; l++) costs[1 + L + l] = cost + (g === s1 && l !== gl[s0] ? 1 : 0);
  }
}
