import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatArticle, parseArticle, sentenceCount, splitSentences } from './article-parts.ts';

test('splitSentences keeps abbreviations, initials and initialisms inside a sentence', () => {
  assert.deepEqual(splitSentences('Mr. Ode left on Sept. 9. He said so.'), ['Mr. Ode left on Sept. 9.', 'He said so.']);
  assert.deepEqual(splitSentences('Tom R. Vell flew to the U.S. Capitol on Friday. Nobody knew.'), [
    'Tom R. Vell flew to the U.S. Capitol on Friday.',
    'Nobody knew.',
  ]);
  assert.deepEqual(splitSentences('“We will stay,” she said. “Not a chance!” Was it? 3 men left.'), [
    '“We will stay,” she said.',
    '“Not a chance!”',
    'Was it?',
    '3 men left.',
  ]);
  assert.deepEqual(splitSentences('no end here'), ['no end here']);
  assert.deepEqual(splitSentences('   '), []);
});

test('parseArticle reads a title line and blank-line paragraphs; formatArticle writes them back', () => {
  const text = 'Ferry talks stall\n\nThe ferry union met. It voted.\n\n \nA second paragraph.\n';
  const parts = parseArticle(text);
  assert.equal(parts.title, 'Ferry talks stall');
  assert.deepEqual(parts.paragraphs, [['The ferry union met.', 'It voted.'], ['A second paragraph.']]);
  assert.equal(sentenceCount(parts), 3);
  assert.equal(formatArticle(parts), 'Ferry talks stall\n\nThe ferry union met. It voted.\n\nA second paragraph.\n');
  assert.deepEqual(parseArticle(formatArticle(parts)), parts);
  assert.deepEqual(parseArticle('Only a title'), { title: 'Only a title', paragraphs: [] });
});
