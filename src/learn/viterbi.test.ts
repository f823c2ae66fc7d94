import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bilouLabels, bilouTransitions } from './labels.ts';
import { viterbi } from './viterbi.ts';

const labels = bilouLabels(['PER']); // O B I L U
const rules = bilouTransitions(labels);
const L = labels.length;
const decode = (emissions: number[][], transitions = new Float64Array((L + 1) * L)): string[] =>
  Array.from(viterbi(Float64Array.from(emissions.flat()), emissions.length, L, transitions, rules, new Int32Array(emissions.length)), (y) => labels[y]);

test('bilouTransitions allows only well-formed BILOU sequences', () => {
  const ok = (from: string, to: string): boolean => rules.allowed[(from === '^' ? L : labels.indexOf(from)) * L + labels.indexOf(to)] === 1;
  assert.ok(ok('^', 'B-PER') && ok('^', 'U-PER') && ok('^', 'O'));
  assert.ok(!ok('^', 'I-PER') && !ok('^', 'L-PER'));
  assert.ok(ok('B-PER', 'I-PER') && ok('B-PER', 'L-PER') && ok('I-PER', 'L-PER'));
  assert.ok(!ok('B-PER', 'O') && !ok('I-PER', 'B-PER') && !ok('L-PER', 'I-PER') && !ok('O', 'L-PER'));
  assert.deepEqual(Array.from(rules.canEnd), [1, 0, 0, 1, 1]);
});

test('viterbi follows the emissions when they form a legal sequence', () => {
  //          O  B  I  L  U
  const e = [[0, 5, 0, 0, 0], [0, 0, 0, 5, 0], [5, 0, 0, 0, 0], [0, 0, 0, 0, 5]];
  assert.deepEqual(decode(e), ['B-PER', 'L-PER', 'O', 'U-PER']);
});

test('viterbi never returns an illegal sequence, even when emissions prefer one', () => {
  // Greedy would say B-PER then O, which BILOU forbids; and a sentence may not end on B.
  const e = [[0, 5, 0, 0, 4], [1, 0, 0, 0, 0]];
  assert.deepEqual(decode(e), ['U-PER', 'O']);
  assert.deepEqual(decode([[0, 9, 0, 0, 0]]), ['O']);
});

test('viterbi weighs transitions against emissions', () => {
  const transitions = new Float64Array((L + 1) * L);
  transitions[labels.indexOf('U-PER') * L + labels.indexOf('U-PER')] = -10;
  assert.deepEqual(decode([[0, 0, 0, 0, 3], [0, 0, 0, 0, 3]], transitions), ['U-PER', 'O']);
  assert.deepEqual(decode([]), []);
});
