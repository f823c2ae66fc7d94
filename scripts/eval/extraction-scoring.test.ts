import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addConfusion, countSegments, isTitleCut, metadataMatches, segmentScores, shingleScore, shingles, splitOf } from './extraction-scoring.ts';

test('countSegments counts with/without segments as trafilatura does', () => {
  const item = { with: ['quick  brown', 'lazy dog', 'missing bit'], without: ['Impressum', 'fox jumps'] };
  const c = countSegments(item, 'The quick\nbrown fox jumps over the lazy dog.');
  assert.deepEqual(c, { tp: 2, fn: 1, fp: 1, tn: 1 });
  assert.deepEqual(countSegments(item, null), { tp: 0, fn: 3, fp: 0, tn: 2 });
  // case matters, as in the original scorer
  assert.equal(countSegments({ with: ['Lazy dog'], without: [] }, 'lazy dog').tp, 0);
});

test('segmentScores micro-averages summed counts', () => {
  const sum = { tp: 0, fp: 0, fn: 0, tn: 0 };
  addConfusion(sum, { tp: 3, fp: 1, fn: 1, tn: 2 });
  addConfusion(sum, { tp: 1, fp: 1, fn: 1, tn: 0 });
  const s = segmentScores(sum);
  assert.equal(s.precision, 4 / 6);
  assert.equal(s.recall, 4 / 6);
  assert.equal(s.f1, 8 / 12);
  assert.equal(s.accuracy, 6 / 10);
  assert.deepEqual(segmentScores({ tp: 0, fp: 0, fn: 0, tn: 0 }), { precision: 0, recall: 0, f1: 0, accuracy: 0 });
});

test('shingles are lower-cased word 4-grams, punctuation ignored', () => {
  assert.deepEqual([...shingles('A b, c d E!').entries()], [['a b c d', 1], ['b c d e', 1]]);
  assert.deepEqual([...shingles('two words').entries()], [['two words', 1]]);
  assert.equal(shingles('').size, 0);
});

test('shingleScore gives precision, recall and F1 of shingle overlap', () => {
  const s = shingleScore('one two three four five', 'one two three four six seven');
  // predicted: [1234, 2345]; expected: [1234, 2346, 3467]
  assert.equal(s.overlap, 1);
  assert.equal(s.precision, 1 / 2);
  assert.equal(s.recall, 1 / 3);
  assert.ok(Math.abs(s.f1 - 0.4) < 1e-12);
  assert.equal(shingleScore('', '').f1, 1);
  assert.equal(shingleScore('', 'a b c d').f1, 0);
  // repeated text is counted as a multiset, so duplication costs precision
  assert.equal(shingleScore('a b c d a b c d', 'a b c d').precision, 1 / 5);
});

test('splitOf is deterministic and puts pages in both halves', () => {
  assert.equal(splitOf('page-1.html'), splitOf('page-1.html'));
  const halves = new Set(Array.from({ length: 20 }, (_, i) => splitOf(`p${i}`)));
  assert.deepEqual([...halves].sort(), ['dev', 'test']);
});

test('metadataMatches scores the fields the expected metadata gives: text exactly, dates by day', () => {
  const expected = { title: 'Talks  resume', byline: 'Ana Ruiz', siteName: null, publishedTime: '2017-11-03 03:01:00.000000' };
  assert.deepEqual(metadataMatches({ title: 'Talks resume', byline: 'By Ana Ruiz', siteName: 'X', publishedTime: '2017-11-03T03:01:00Z' }, expected), {
    title: true,
    byline: false,
    publishedTime: true,
  });
  assert.deepEqual(metadataMatches({}, expected), { title: false, byline: false, publishedTime: false });
  assert.deepEqual(metadataMatches({ publishedTime: 'Fri, 03 Nov 2017 10:00:00 GMT' }, { publishedTime: '2017-11-04' }), { publishedTime: false });
});

test('isTitleCut tells a title cut at a separator from other differences', () => {
  assert.equal(isTitleCut('Talks resume', 'Talks resume | Halvik Post'), true);
  assert.equal(isTitleCut('Talks resume', 'Halvik Post – Talks resume'), true);
  assert.equal(isTitleCut('Talks resume', 'Talks resume|Post'), true);
  assert.equal(isTitleCut('Talks resume', 'Talks resume'), false);
  assert.equal(isTitleCut('Talks', 'Talks resume'), false);
  assert.equal(isTitleCut('Russia', 'Russia-Ukraine talks'), false);
  assert.equal(isTitleCut('', 'Talks'), false);
});
