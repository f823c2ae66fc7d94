import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueDays } from './calendar.ts';

test('a TIMEX3 date value covers the days of its day, week, month, quarter, season or year', () => {
  assert.deepEqual(valueDays('2025-04-11'), { first: '2025-04-11', last: '2025-04-11' });
  assert.deepEqual(valueDays('2025-03-13TEV'), { first: '2025-03-13', last: '2025-03-13' });
  assert.deepEqual(valueDays('2025-W08'), { first: '2025-02-17', last: '2025-02-23' });
  assert.deepEqual(valueDays('2025-W01'), { first: '2024-12-30', last: '2025-01-05' }, 'week 1 holds the year\'s first Thursday');
  assert.deepEqual(valueDays('2025-W08-WE'), { first: '2025-02-22', last: '2025-02-23' });
  assert.deepEqual(valueDays('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
  assert.deepEqual(valueDays('2025-Q2'), { first: '2025-04-01', last: '2025-06-30' });
  assert.deepEqual(valueDays('2025-WI'), { first: '2025-12-01', last: '2026-02-28' });
  assert.deepEqual(valueDays('2025'), { first: '2025-01-01', last: '2025-12-31' });
});

test('values that name no stretch of the calendar cover no days', () => {
  for (const v of ['PRESENT_REF', 'XXXX-WXX-5', 'XXXX-03', 'P3D', '2025-02-30', '2025-13', '2025-W53', '0000', '']) assert.equal(valueDays(v), null, v);
  assert.notEqual(valueDays('2026-W53'), null, '2026 has 53 weeks');
});
