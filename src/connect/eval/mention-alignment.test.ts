import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignMentions, lastWordSpan, type AlignableMention } from './mention-alignment.ts';

const TEXT = 'Mayor Ilse Brandoch met the Halvik Port Authority in Brena; Brandoch spoke.';

/** The span of the n-th occurrence of `words` in TEXT, with its last word as head. */
function at(words: string, nth = 0): AlignableMention {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(words, start + 1);
  assert.ok(start >= 0, words);
  const span = { start, end: start + words.length };
  return { ...span, head: lastWordSpan(TEXT, span) };
}

test('exact spans first, then shared heads, then the largest overlap, one to one', () => {
  const gold = [at('Mayor Ilse Brandoch'), at('the Halvik Port Authority'), at('in Brena'), at('Brandoch', 1)];
  const predicted = [
    at('Brandoch', 1), // exact for gold 3
    at('Ilse Brandoch'), // head "Brandoch" = gold 0's head
    at('Brandoch'), // the same head, but gold 0 is taken by the longer "Ilse Brandoch"
    at('Halvik Port'), // heads differ ("Port", "Authority"): an overlap
    at('Brena'), // head "Brena" is gold 2's head
  ];
  assert.deepEqual(alignMentions(gold, predicted), [
    { gold: 0, predicted: 1, how: 'head' },
    { gold: 1, predicted: 3, how: 'overlap' },
    { gold: 2, predicted: 4, how: 'head' },
    { gold: 3, predicted: 0, how: 'exact' },
  ]);
});

test('an overlap goes to the pair sharing the most characters; disjoint mentions stay unmatched', () => {
  const gold = [at('Halvik Port Authority')];
  // neither shares gold's head "Authority"; "Port Authority" would, so use spans without it
  const predicted = [
    { start: gold[0].start, end: gold[0].start + 6 }, // "Halvik"
    { start: gold[0].start, end: gold[0].start + 11 }, // "Halvik Port"
    at('Brena'),
  ];
  assert.deepEqual(alignMentions(gold, predicted), [{ gold: 0, predicted: 1, how: 'overlap' }]);
  assert.deepEqual(alignMentions([], predicted), []);
  assert.deepEqual(alignMentions(gold, []), []);
});

test('two gold mentions with the same span take two predicted ones', () => {
  const g = at('Brena');
  assert.deepEqual(alignMentions([g, { ...g }], [{ ...g }]), [{ gold: 0, predicted: 0, how: 'exact' }]);
});

test('lastWordSpan finds the last word, keeping inner hyphens, apostrophes and points, not a possessive', () => {
  const text = "the U.S. Geological Survey's office, in Kara-Tepe.";
  const word = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  assert.equal(word(lastWordSpan(text, { start: 0, end: 28 })), 'Survey');
  assert.deepEqual(lastWordSpan("Ka'Loni", { start: 0, end: 7 }), { start: 0, end: 7 });
  assert.equal(word(lastWordSpan(text, { start: 0, end: 8 })), 'U.S');
  assert.equal(word(lastWordSpan(text, { start: 37, end: 50 })), 'Kara-Tepe');
  assert.deepEqual(lastWordSpan(text, { start: 35, end: 37 }), { start: 35, end: 37 });
});
