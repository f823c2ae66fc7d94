import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConllu } from './conllu.ts';

const SAMPLE = [
  '# sent_id = s1',
  "# text = I don't know.",
  '1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_',
  "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_',
  "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_",
  '3.1\tknown\tknow\tVERB\tVBN\t_\t_\t_\t4:conj\t_',
  '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_',
  '',
  '# sent_id = s2',
  '# text = gonna go',
  '1-2\tgonna\t_\t_\t_\t_\t_\t_\t_\t_',
  '1\tgon\tgo\tVERB\tVBG\t_\t0\troot\t_\t_',
  '2\tto\tto\tPART\tTO\t_\t3\tmark\t_\t_',
  '3\tgo\tgo\tVERB\tVB\t_\t1\txcomp\t_\t_',
  '',
].join('\n');

test('multiword tokens give their words, empty nodes are skipped, heads become 0-based', () => {
  const [s1, s2] = readConllu(SAMPLE);
  assert.equal(s1.id, 's1');
  assert.deepEqual(s1.words.map((w) => w.form), ['I', 'do', "n't", 'know', '.']);
  assert.deepEqual(s1.words.map((w) => w.head), [3, 3, 3, -1, 3]);
  assert.deepEqual(s1.words.map((w) => w.deprel), ['nsubj', 'aux', 'advmod', 'root', 'punct']);
  // "do" + "n't" spell "don't": each word gets its part of the token
  assert.deepEqual(s1.words.map((w) => s1.text.slice(w.span.start, w.span.end)), ['I', 'do', "n't", 'know', '.']);
  // "gon" + "to" do not spell "gonna": both words share the token's span
  assert.deepEqual(s2.words.map((w) => s2.text.slice(w.span.start, w.span.end)), ['gonna', 'gonna', 'go']);
  assert.deepEqual(s2.words.map((w) => w.head), [-1, 2, 0]);
});

test('a file without a final blank line still gives its last sentence', () => {
  assert.equal(readConllu('# text = Hi\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_').length, 1);
});
