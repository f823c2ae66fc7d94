import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iob1ToIob2, parseConll } from './conll.ts';

test('iob1ToIob2 starts every chunk with B-', () => {
  assert.deepEqual(iob1ToIob2(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG']), ['B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC', 'B-ORG']);
  assert.deepEqual(iob1ToIob2(['B-PER', 'I-PER']), ['B-PER', 'I-PER']);
});

test('parseConll splits documents at -DOCSTART- and sentences at blank lines', () => {
  const text = [
    '-DOCSTART- -X- O O',
    '',
    'EU NNP I-NP I-ORG',
    'rejects VBZ I-VP O',
    '',
    'Peter NNP I-NP I-PER',
    'Blackburn NNP I-NP I-PER',
    '',
    '-DOCSTART- -X- O O',
    '',
    'BRUSSELS NNP I-NP I-LOC',
    '',
  ].join('\n');
  const docs = parseConll(text);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0].sentences, [
    { words: ['EU', 'rejects'], labels: ['B-ORG', 'O'] },
    { words: ['Peter', 'Blackburn'], labels: ['B-PER', 'I-PER'] },
  ]);
  assert.deepEqual(docs[1].sentences, [{ words: ['BRUSSELS'], labels: ['B-LOC'] }]);
});
