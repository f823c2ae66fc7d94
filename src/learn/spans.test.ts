import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelsToSpans, spansToBilou, spansToBio } from './spans.ts';

test('labelsToSpans reads BILOU', () => {
  assert.deepEqual(labelsToSpans(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC']), [
    { start: 0, end: 3, type: 'PER' },
    { start: 4, end: 5, type: 'LOC' },
    { start: 5, end: 6, type: 'LOC' },
  ]);
});

test('labelsToSpans reads IOB1 and IOB2 the way conlleval does', () => {
  assert.deepEqual(labelsToSpans(['I-ORG', 'I-ORG', 'B-ORG', 'O', 'I-PER']), [
    { start: 0, end: 2, type: 'ORG' },
    { start: 2, end: 3, type: 'ORG' },
    { start: 4, end: 5, type: 'PER' },
  ]);
  // A change of type inside I- labels starts a new chunk.
  assert.deepEqual(labelsToSpans(['I-ORG', 'I-LOC']), [
    { start: 0, end: 1, type: 'ORG' },
    { start: 1, end: 2, type: 'LOC' },
  ]);
  assert.deepEqual(labelsToSpans([]), []);
  assert.deepEqual(labelsToSpans(['O', 'O']), []);
});

test('spansToBilou and spansToBio write what labelsToSpans reads', () => {
  const spans = [
    { start: 0, end: 1, type: 'LOC' },
    { start: 2, end: 5, type: 'PER' },
  ];
  assert.deepEqual(spansToBilou(spans, 6), ['U-LOC', 'O', 'B-PER', 'I-PER', 'L-PER', 'O']);
  assert.deepEqual(spansToBio(spans, 6), ['B-LOC', 'O', 'B-PER', 'I-PER', 'I-PER', 'O']);
  assert.deepEqual(labelsToSpans(spansToBilou(spans, 6)), spans);
  assert.deepEqual(labelsToSpans(spansToBio(spans, 6)), spans);
});
