import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionCosts, Configuration, goldTree, SHIFT } from './arc-hybrid.ts';
import { readConlluFile } from './conllu.ts';
import { ewtFiles } from './treebank.ts';
import { dataDir } from '../learn/script-options.ts';

/** Follows zero-cost actions from the start; returns the tree it builds. */
function followOracle(heads: number[], labels: number[], L: number): { head: number[]; label: number[]; stuck: boolean } {
  const n = heads.length;
  const gold = goldTree(Int32Array.from(heads), Int32Array.from(labels));
  const c = new Configuration(2);
  const costs = new Float64Array(2 * L + 1);
  c.reset(n);
  let stuck = false;
  while (!c.terminal()) {
    actionCosts(c, gold, L, costs);
    let best = 0;
    for (let a = 1; a < costs.length; a++) if (costs[a] < costs[best]) best = a;
    if (costs[best] > 0) stuck = true;
    c.apply(best, L);
  }
  return { head: Array.from(c.head.subarray(0, n)), label: Array.from(c.label.subarray(0, n)).map((l, i) => (c.head[i] < 0 ? -1 : l)), stuck };
}

function projective(heads: readonly number[]): boolean {
  for (let d = 0; d < heads.length; d++) {
    const h = heads[d];
    if (h < 0) continue;
    const [a, b] = h < d ? [h, d] : [d, h];
    for (let k = a + 1; k < b; k++) {
      let x = k;
      while (x >= 0 && x !== h) x = heads[x];
      if (x !== h) return false;
    }
  }
  return true;
}

test('zero-cost actions rebuild a projective gold tree exactly, relations included', () => {
  // "the big dog barked at cats": det amod nsubj root case obl
  const heads = [2, 2, 3, -1, 5, 3];
  const labels = [0, 1, 2, -1, 3, 4];
  const out = followOracle(heads, labels, 5);
  assert.equal(out.stuck, false);
  assert.deepEqual(out.head, heads);
  assert.deepEqual(out.label, labels);
});

test('costs count the gold arcs an action loses', () => {
  // 0 <- 1 -> 2, root 1: with 0 on the stack and 1 in front, RIGHT is impossible; SHIFT loses
  // 1 -> 0 and the root's arc (1 would sit above 0 on the stack, so it could not be the root)
  const gold = goldTree(Int32Array.from([1, -1, 1]), Int32Array.from([0, -1, 1]));
  const c = new Configuration();
  c.reset(3);
  c.apply(SHIFT, 2);
  const costs = new Float64Array(5);
  actionCosts(c, gold, 2, costs);
  assert.equal(costs[SHIFT], 2);
  assert.equal(costs[1], 0); // LEFT with relation 0: right
  assert.equal(costs[2], 1); // LEFT with relation 1: right head, wrong relation
  assert.equal(costs[3], Infinity); // RIGHT: only one token on the stack
});

const files = ewtFiles(dataDir());
test('on every projective EWT dev sentence the oracle rebuilds the gold tree', { skip: files ? false : 'UD English EWT is not in ../shared/data/ud-english-ewt' }, () => {
  const sentences = readConlluFile(files!.dev);
  const labelIds = new Map<string, number>();
  let checked = 0;
  for (const s of sentences) {
    const heads = s.words.map((w) => w.head);
    if (!projective(heads)) continue;
    const labels = s.words.map((w) => (w.head < 0 ? -1 : labelIds.get(w.deprel) ?? labelIds.set(w.deprel, labelIds.size).get(w.deprel)!));
    const out = followOracle(heads, labels, 64);
    assert.deepEqual(out.head, heads, s.id);
    assert.deepEqual(out.label, labels, s.id);
    checked++;
  }
  assert.ok(checked > 1800, `${checked} projective sentences`);
});
