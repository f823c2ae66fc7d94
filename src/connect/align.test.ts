import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { alignSentences } from './align.ts';
import { copyKind } from './duplicates.ts';
import { fingerprint } from './text-features.ts';

const lines = (text: string) => fingerprint(text, []);

const ORIGINAL = [
  'The envoy arrived in Halvik on Monday for talks with both foreign ministers.',
  'Officials said the first round would focus on water releases from the Tamsk Dam.',
  'A truce along the border near Brena has held for three days.',
  'Observers from the Continental Council are expected later this week.',
].join('\n');

test('a copy with reordered sentences and a misspelt word is held whole', () => {
  const copy = [
    'A truce along the border near Brena has held for three days.',
    'The envoy arrived in Halvik on Monday for talks with both foreign ministers.',
    'Observers from the Continental Counsil are expected later this week.',
    'Officials said the first round would focus on water releases from the Tamsk Dam.',
  ].join('\n');
  const al = alignSentences(lines(ORIGINAL), lines(copy));
  assert.equal(al.alignedA, 4);
  assert.equal(al.shareA, 1);
  assert.equal(al.shareB, 1);
  assert.ok(al.meanDice < 1);
  assert.equal(copyKind(al, false), 'copy');
});

test('half an article kept is an excerpt of it; two articles on one topic are not copies', () => {
  const half = ORIGINAL.split('\n').slice(0, 2).join('\n');
  const al = alignSentences(lines(ORIGINAL), lines(half));
  assert.ok(Math.abs(al.shareA - 0.5) < 0.1, `shareA ${al.shareA}`);
  assert.equal(al.shareB, 1);
  assert.equal(copyKind(al, false), 'copy');
  const other = [
    'Talks in Halvik opened with a dispute over the agenda.',
    'The foreign ministers met separately with the envoy.',
    'Residents of Brena said the river was still low.',
  ].join('\n');
  assert.equal(copyKind(alignSentences(lines(ORIGINAL), lines(other)), false), undefined);
});

test('alignment is symmetric in its shares and stays in [0, 1] for any texts', () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 6 }), fc.array(fc.string(), { maxLength: 6 }), (a, b) => {
      const x = alignSentences(lines(a.join('\n')), lines(b.join('\n')));
      const y = alignSentences(lines(b.join('\n')), lines(a.join('\n')));
      return x.shareA === y.shareB && x.shareB === y.shareA && x.shareA >= 0 && x.shareA <= 1 && x.shareB >= 0 && x.shareB <= 1;
    }),
  );
});
