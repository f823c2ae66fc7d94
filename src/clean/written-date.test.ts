import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarDay, textDate, valueDate, wordDate } from './written-date.ts';

test('valueDate reads the machine forms as written, RFC 2822 in UTC, and short values as text', () => {
  assert.equal(valueDate('2026-03-12'), '2026-03-12');
  assert.equal(valueDate('2026-03-12T09:00:00.000+0100'), '2026-03-12T09:00:00.000+0100');
  assert.equal(valueDate('2026/03/12 09:00'), '2026-03-12T09:00');
  assert.equal(valueDate('2026-3-5 22:17:36 UTC'), '2026-03-05T22:17:36Z');
  assert.equal(valueDate('20260312'), '2026-03-12');
  assert.equal(valueDate('Fri, 13 Mar 2026 07:45:02 GMT'), '2026-03-13T07:45:02.000Z');
  assert.equal(valueDate('Thursday, 12 March 2026'), '2026-03-12');
  assert.equal(valueDate('27.04.2020 18:50', 'de'), '2020-04-27');
});

test('valueDate and textDate take no bare year, number, timestamp, impossible day or far year for a date', () => {
  for (const v of ['2026', '12345', '1560954548', '1636126875475', '2026-02-30', '2026-13-01', '1850-03-12', '2150-03-12', 'yesterday', 'March 2026', '', '   ']) {
    assert.equal(valueDate(v), undefined, v);
  }
  assert.equal(valueDate(undefined), undefined);
  assert.equal(valueDate(null), undefined);
  assert.equal(textDate('12.03.2026'), undefined, 'day and month order unknown without a language');
  assert.equal(textDate('12.03.2026', 'en'), undefined);
  assert.equal(textDate('32.03.2026', 'de'), undefined);
  assert.equal(calendarDay(2024, 2, 29), '2024-02-29');
  assert.equal(calendarDay(2023, 2, 29), undefined);
});

test('textDate takes the first full date of a line, in words, ISO or day first, in the languages Dossier cleans', () => {
  assert.equal(textDate('Von Jan Berg | 20.06.2019 11:43', 'de'), '2019-06-20');
  assert.equal(textDate('autor: jd 2021-05-12'), '2021-05-12');
  assert.equal(textDate('Posted 2 March 2026, revised 2026-03-04'), '2026-03-02');
  assert.equal(textDate('Stand 2026-03-04, zuerst am 2. März 2026', 'de'), '2026-03-04');
  assert.equal(textDate('mardi 5 juin 2018', 'fr'), '2018-06-05');
  assert.equal(textDate('15 августа 2016, 13:43', 'ru'), '2016-08-15');
  // the first month name without a day does not hide a full date after it
  assert.equal(wordDate('March 2026 archive: talks resumed on 12 March 2026'), '2026-03-12');
});

test('no written date reader throws on odd input', () => {
  const odd = ['5,000 March 2026 1 May '.repeat(5_000), '\u0000'.repeat(1000), 'may '.repeat(10_000) + '2026', '1. 2. 3. 4. '.repeat(10_000)];
  for (const text of odd) {
    assert.doesNotThrow(() => textDate(text, 'de'));
    assert.doesNotThrow(() => valueDate(text, 'de'));
  }
});
