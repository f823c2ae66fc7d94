import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { needsSharedData, SHARED_DATA } from '../../test/support/shared-data.ts';

/** The expressions of a seed article with their values, through the whole pipeline. */
function timexesOf(file: string, published: string): Map<string, string[]> {
  const doc = processArticle(readFileSync(`${SHARED_DATA}seeds/${file}`, 'utf8'), 'text', { published });
  const found = new Map<string, string[]>();
  for (const t of doc.timexes) {
    const text = doc.text.slice(t.start, t.end);
    found.set(text, [...(found.get(text) ?? []), `${t.value}${t.mod ? ` ${t.mod}` : ''}`]);
  }
  return found;
}

test('the agency seed (11 April 2025): "on Friday", "the end of March", "last month", "Thursday"', needsSharedData('seeds'), () => {
  const found = timexesOf('000_f52f2e6ae05d1052.txt', '2025-04-11');
  assert.deepEqual(found.get('Friday'), ['2025-04-11']);
  assert.deepEqual(found.get('the end of March'), ['2025-03 END']);
  assert.deepEqual(found.get('Last month'), ['2025-03']);
  assert.deepEqual(found.get('Thursday'), ['2025-04-10']);
});

test('the live-blog seed (14 March 2025): "Thursday evening", "a few weeks ago", "overnight"', needsSharedData('seeds'), () => {
  const found = timexesOf('004_20dca7a36c75680e.txt', '2025-03-14');
  assert.deepEqual(found.get('Thursday evening'), ['2025-03-13TEV', '2025-03-13TEV']);
  assert.deepEqual(found.get('a few weeks ago'), ['2025-W08 APPROX']);
  assert.deepEqual(found.get('overnight'), ['2025-03-13TNI']);
  assert.deepEqual(found.get('Thursday'), ['2025-03-13']);
});
