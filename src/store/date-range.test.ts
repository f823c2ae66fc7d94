import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasRange, isIsoDay, publishedBounds } from './date-range.ts';

test('a day is YYYY-MM-DD and exists', () => {
  for (const day of ['2026-03-14', '2024-02-29', '0099-12-31', '2026-12-31']) assert.equal(isIsoDay(day), true, day);
  for (const day of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-03-32', '2026-3-14', '14.03.2026', '2026-03-14T10:00', '', 'yesterday']) assert.equal(isIsoDay(day), false, day);
});

test('bounds take in the whole of the last day, across months and years', () => {
  assert.deepEqual(publishedBounds({ from: '2026-03-14', to: '2026-03-14' }), { from: '2026-03-14', until: '2026-03-15' });
  assert.deepEqual(publishedBounds({ to: '2026-02-28' }), { from: null, until: '2026-03-01' });
  assert.deepEqual(publishedBounds({ to: '2024-02-28' }), { from: null, until: '2024-02-29' });
  assert.deepEqual(publishedBounds({ to: '2025-12-31' }), { from: null, until: '2026-01-01' });
  assert.deepEqual(publishedBounds({ to: '0099-12-31' }), { from: null, until: '0100-01-01' });
  assert.deepEqual(publishedBounds({}), { from: null, until: null });
  // a timestamp on the last day sorts before the bound, the next day's at it
  assert.ok('2026-03-14T23:59:59-05:00' < publishedBounds({ to: '2026-03-14' }).until!);
  assert.equal(hasRange({}), false);
  assert.equal(hasRange({ from: '2026-03-14' }), true);
});

test('a day that is not YYYY-MM-DD is a TypeError', () => {
  assert.throws(() => publishedBounds({ from: '14 March' }), (e: unknown) => e instanceof TypeError && e.message.includes('"from"'));
  assert.throws(() => publishedBounds({ to: '2026-02-30' }), TypeError);
});
