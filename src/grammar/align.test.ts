import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignSpans } from './align.ts';

const span = (start: number, end: number) => ({ start, end });

test('a word split into pieces takes the piece covering most of it; merged words share their token', () => {
  // "e-mail me": the tokenizer says "e" "-" "mail" "me"
  assert.deepEqual(Array.from(alignSpans([span(0, 6), span(7, 9)], [span(0, 1), span(1, 2), span(2, 6), span(7, 9)])), [2, 3]);
  // "gonna": the treebank says "gon" + "na", the tokenizer one token
  assert.deepEqual(Array.from(alignSpans([span(0, 3), span(3, 5)], [span(0, 5)])), [0, 0]);
});

test('a word that overlaps no token takes the next token, or the last one', () => {
  assert.deepEqual(Array.from(alignSpans([span(3, 3), span(9, 9)], [span(0, 2), span(4, 6)])), [1, 1]);
  assert.deepEqual(Array.from(alignSpans([span(0, 2)], [])), [-1]);
});
