import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactTextGrouping, jaccardGrouping, normaliseText, wordShingles } from './duplicate-baselines.ts';

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');
const item = (id: string, text: string) => ({ id, title: text.split('\n')[0], text });

test('normaliseText keeps words of letters and digits, lower-cased', () => {
  assert.equal(normaliseText('“Talks  resume,” she said.\n\nＡ 2nd day'), 'talks resume she said a 2nd day');
  assert.equal(normaliseText(' … '), '');
});

test('exactTextGrouping joins texts equal after normalising, nothing else', () => {
  const g = exactTextGrouping([item('a', 'The ferry sails.'), item('b', 'THE FERRY  sails'), item('c', 'The ferry sails today.')]);
  assert.equal(g.get('a'), g.get('b'));
  assert.notEqual(g.get('a'), g.get('c'));
});

test('wordShingles: one per window of k words; a shorter text gives one', () => {
  assert.equal(wordShingles(words(12)).size, 8);
  assert.equal(wordShingles('only three words').size, 1);
  assert.equal(wordShingles('').size, 0);
  assert.deepEqual(wordShingles('A b c d e'), wordShingles('a, b; c d E.'));
});

test('jaccardGrouping joins pairs at the threshold into connected components', () => {
  const base = words(100);
  // b replaces one word of a (J = 91/101); c changes two more (J = 86/106 with b, 81/111 with a)
  const b = base.replace('w50 ', 'x50 ');
  const c = b.replace('w10 ', 'x10 ').replace('w80 ', 'x80 ');
  const g = jaccardGrouping([item('a', base), item('b', b), item('c', c), item('d', words(100, 500))], { threshold: 0.8 });
  assert.equal(g.get('a'), g.get('b'));
  assert.equal(g.get('b'), g.get('c'));
  assert.notEqual(g.get('a'), g.get('d'));
  const direct = (x: string, y: string) => {
    const sx = wordShingles(x);
    const sy = wordShingles(y);
    const shared = [...sx].filter((h) => sy.has(h)).length;
    return shared / (sx.size + sy.size - shared);
  };
  assert.ok(direct(base, c) < 0.8, 'a and c are joined only through b');
  const strict = jaccardGrouping([item('a', base), item('c', c)], { threshold: 0.8 });
  assert.notEqual(strict.get('a'), strict.get('c'));
});
