import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from './doc.ts';
import { rebuild } from './rebuild.ts';

test('rebuild refuses a Doc whose later layers point into the text it replaces, timexes included', () => {
  const doc = createDoc('On 2025-03-14 the talks resumed.\n\nShare this article', 'text');
  doc.blocks = [{ start: 0, end: 32, kind: 'paragraph' }, { start: 34, end: 52, kind: 'paragraph' }];
  doc.timexes = [{ start: 3, end: 13, type: 'DATE', value: '2025-03-14', anchor: null }];
  assert.throws(() => rebuild(doc, doc.blocks.slice(0, 1)), (e: unknown) => e instanceof TypeError && /timexes/.test(e.message));
  doc.timexes = [];
  rebuild(doc, doc.blocks.slice(0, 1));
  assert.equal(doc.text, 'On 2025-03-14 the talks resumed.');
});
