import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Timex } from '../doc/doc.ts';
import { findTimexes, type TimeOptions } from './timexes.ts';

// What every answer of findTimexes must be, whatever the text: spans inside the text, sorted and
// apart, never starting or ending inside a word or a number, and TIMEX3 values that are well
// formed (real months and days, hours and minutes in range, no five-digit or zero year).

const TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
const MODS = new Set(['START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE']);
const ANCHORS = new Set(['document', 'text', 'entry', 'none']);

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|X)`;
const DURATION = new RegExp(String.raw`^P(?:(?:${NUMBER}(?:ML|CE|DE|Y|Q|M|W|D))+(?:T(?:${NUMBER}[HMS])+)?|T(?:${NUMBER}[HMS])+)$`);
// a decade (three digits) or a century (two) stands alone; a year has four digits (trailing X placeholders allowed)
const DECADE_OR_CENTURY = /^(?:BC)?\d{2,3}$/;
const YEAR = String.raw`(?<bc>BC)?(?<year>\d{4}|\d{3}X|\d{2}XX|XXXX)`;
const REST = String.raw`(?:-(?<month>\d{2}|XX)(?:-(?<day>\d{2}|XX))?|-W(?<week>\d{2}|XX)(?:-(?<weekday>[1-7X])|-WE)?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?`;
const TIME = String.raw`(?:T(?:(?<hour>\d{2})(?::(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const DATE = new RegExp(`^${YEAR}${REST}${TIME}$`);

const daysIn = (month: number, year: number | null) => [31, year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

/** Why a TIMEX3 value is malformed, or null when it is well formed. */
function valueProblem(value: string): string | null {
  if (/^(?:PAST|PRESENT|FUTURE)_REF$/.test(value)) return null;
  if (value.startsWith('P')) return DURATION.test(value) ? null : 'not a duration';
  if (DECADE_OR_CENTURY.test(value)) return null;
  const m = DATE.exec(value);
  if (!m?.groups) return 'not a date, time, duration or reference';
  const { bc, year, month, day, week, weekday, hour, minute, second } = m.groups;
  if (year === '0000' && !bc) return 'year 0000';
  const y = /^\d{4}$/.test(year) ? Number(year) : null;
  if (month && month !== 'XX' && (Number(month) < 1 || Number(month) > 12)) return `month ${month}`;
  if (day && day !== 'XX') {
    const d = Number(day);
    if (d < 1 || d > (month && month !== 'XX' ? daysIn(Number(month), y) : 31)) return `day ${day} of month ${month}`;
  }
  if (week && week !== 'XX' && (Number(week) < 1 || Number(week) > 53)) return `week ${week}`;
  const hasTime = value.includes('T');
  if (hasTime && !(day || weekday)) return 'a time of day on less than a day';
  if (hour !== undefined && (Number(hour) > 24 || (Number(hour) === 24 && Number(minute ?? 0) + Number(second ?? 0) > 0))) return `hour ${hour}`;
  if (minute !== undefined && Number(minute) > 59) return `minute ${minute}`;
  if (second !== undefined && Number(second) > 60) return `second ${second}`;
  return null;
}

const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const sameClass = (a: string | undefined, b: string | undefined) => isAlnum(a) && isAlnum(b) && /\d/.test(a as string) === /\d/.test(b as string);

/** Asserts everything an answer must be for `text`. */
function assertWellFormed(text: string, found: Timex[]): void {
  assert.ok(Array.isArray(found), 'findTimexes returns an array');
  let previousEnd = 0;
  for (const t of found) {
    const where = `${JSON.stringify(text.slice(t.start, t.end))} [${t.start}, ${t.end}) in ${JSON.stringify(text.slice(0, 200))}`;
    assert.ok(Number.isInteger(t.start) && Number.isInteger(t.end) && 0 <= t.start && t.start < t.end && t.end <= text.length, `span inside the text: ${where}`);
    assert.ok(t.start >= previousEnd, `spans sorted and apart: ${where}`);
    previousEnd = t.end;
    assert.ok(!sameClass(text[t.start - 1], text[t.start]) && !sameClass(text[t.end - 1], text[t.end]), `span starts and ends outside words and numbers: ${where}`);
    assert.ok(TYPES.has(t.type), `type ${t.type}: ${where}`);
    assert.equal(typeof t.value, 'string', `value is a string: ${where}`);
    const problem = valueProblem(t.value);
    assert.equal(problem, null, `value ${JSON.stringify(t.value)} (${problem}): ${where}`);
    if (t.mod !== undefined) assert.ok(MODS.has(t.mod), `mod ${t.mod}: ${where}`);
    if (t.anchor !== null) {
      assert.ok(ANCHORS.has(t.anchor.kind), `anchor kind ${t.anchor.kind}: ${where}`);
      if (t.anchor.value !== undefined) assert.equal(valueProblem(t.anchor.value), null, `anchor value ${t.anchor.value}: ${where}`);
      if (t.anchor.span) assert.ok(0 <= t.anchor.span.start && t.anchor.span.start <= t.anchor.span.end && t.anchor.span.end <= text.length, `anchor span inside the text: ${where}`);
    }
  }
}

const DCTS: Array<string | null | undefined> = [undefined, null, '2025-03-14', '1998-01-08T10:30:00', '2013-03-22T09:00:00Z', '2024-02-29', '2025-03-14T23:30:00.000+01:00'];
const dctArb = fc.oneof(
  fc.constantFrom(...DCTS),
  fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const optionsArb = fc.record({ dct: dctArb, language: fc.constantFrom(undefined, 'en', 'de', 'fr', 'und') }).map((o): TimeOptions => ({ dct: o.dct, ...(o.language ? { language: o.language } : {}) }));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WORDS = ['last', 'next', 'ago', 'this', 'the', 'of', 'in', 'on', 'since', 'until', 'early', 'late', 'mid', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'century', 'quarter', 'morning', 'tonight', 'noon', 'today', 'yesterday', 'tomorrow', 'BC', 'AD', 'st', 'nd', 'th', 's', "'s", 'am', 'pm', 'T', 'Z', 'a', 'an', 'every', 'each', 'Q3', 'FY'];
const PUNCT = [',', '/', '-', '.', ':', "'", '–', '(', ')'];
const fragmentArb = fc.oneof(
  fc.nat({ max: 99 }).map(String),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  fc.integer({ min: 1000, max: 2999 }).map(String),
  fc.nat({ max: 10_000_000_000 }).map(String),
  // numeric dates, impossible months and days among them
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('-', '/', '.')).map(([y, m, d, sep]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    return sep === '-' ? `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}` : `${two(m)}${sep}${two(d)}${sep}${y}`;
  }),
  fc.constantFrom(...MONTHS, ...MONTHS.map((m) => m.slice(0, 3)), ...MONTHS.map((m) => `${m.slice(0, 3)}.`), ...MONTHS.map((m) => m.toLowerCase()), ...MONTHS.map((m) => m.toUpperCase())),
  fc.constantFrom(...WEEKDAYS, ...WEEKDAYS.map((d) => d.slice(0, 3)), ...WEEKDAYS.map((d) => `${d}s`)),
  fc.constantFrom(...WORDS, ...PUNCT),
);
const separatorArb = fc.constantFrom(' ', ' ', ' ', '', ', ', '/', '-', '\n', ' of ');
const datelikeArb = fc.array(fc.tuple(fragmentArb, separatorArb), { maxLength: 40 }).map((parts) => parts.map(([f, s]) => f + s).join(''));
const anyStringArb = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
);

test('the well-formedness check itself: TIMEX3 values it accepts and refuses', () => {
  const good = [
    '2013', '2013-03', '2013-03-22', '0999', '2024-02-29', 'XXXX-02-29', '2013-XX-XX', 'XXXX-03-XX', '19XX', '199X', '199', '19', 'BC0490', 'BC0490-SP',
    '2013-W11', '2013-WXX', '2013-W11-WE', 'XXXX-WXX-1', '2013-Q1', '2013-QX', '2013-H2', '2013-SP', '2013-SU', 'XXXX-FA', '2013-WI',
    '2013-03-22T10:30', '2013-03-22T10:30:15', '2013-03-22T10', '2013-03-22T24:00', '2013-03-22TMO', 'XXXX-XX-XXTNI', 'XXXX-WXX-5TNI', '2013-03-22T10:30Z',
    'P1D', 'P3Y', 'P10Y', 'P1DE', 'P1Y6M', 'PT3H', 'PT3H7M35S', 'PT1.5H', 'PXY', 'PXD', 'P1Q', 'PAST_REF', 'PRESENT_REF', 'FUTURE_REF',
  ];
  for (const v of good) assert.equal(valueProblem(v), null, v);
  const bad = [
    '', '99999', '2024-13', '2024-00', '2024-02-30', '2023-02-29', '2024-04-31', '2024-03-32', '2024-03-00', '0000', '2024-W54', '2024-Q5',
    '2024-03-14T25:00', '2024-03-14T10:60', '2024-03T10:00', '2024T10', 'P', 'PT', 'P1', 'PY', 'P1X', 'T10:00', '2024-3-14', '24-03-14', '2024/03/14', '199-03', '19-W01', 'NOW', 'XXXX-XX-XXTXX', '1710412800',
  ];
  for (const v of bad) assert.notEqual(valueProblem(v), null, v);
});

test('property: any string, with or without a dct, gives well-formed timexes and never throws', () => {
  fc.assert(fc.property(anyStringArb, optionsArb, (text, options) => assertWellFormed(text, findTimexes(text, options))), { numRuns: 300 });
});

test('property: strings of date-ish fragments (digits, months, weekdays, last/next/ago, commas, slashes) give well-formed timexes', () => {
  fc.assert(fc.property(datelikeArb, optionsArb, (text, options) => assertWellFormed(text, findTimexes(text, options))), { numRuns: 500 });
});

/** findTimexes with and without a dct, each answer checked, and the timexes overlapping `part` of `text`. */
function around(text: string, part: string): Array<{ timex: Timex; dct: string | undefined }> {
  const at = text.indexOf(part);
  assert.ok(at >= 0, `${part} is in ${text}`);
  const out: Array<{ timex: Timex; dct: string | undefined }> = [];
  for (const dct of [undefined, '2025-03-14', '1998-01-08']) {
    const found = findTimexes(text, { dct });
    assertWellFormed(text, found);
    for (const timex of found) if (timex.start < at + part.length && at < timex.end) out.push({ timex, dct });
  }
  return out;
}

test('impossible days are not dates, and never roll over into the next month', () => {
  for (const { timex } of around('The vote was set for 32 March 2024, the clerk said.', '32 March 2024')) {
    assert.ok(!timex.value.startsWith('2024-04'), `32 March read as ${timex.value}`);
  }
  for (const { timex } of around('They met on February 30, 2023 in Oslo.', 'February 30, 2023')) {
    assert.ok(!timex.value.startsWith('2023-03'), `February 30 read as ${timex.value}`);
  }
});

test('numbers that are not years: five digits, counts, a Unix timestamp', () => {
  for (const { timex } of around('The plan runs in 99999 and beyond.', '99999')) {
    assert.ok(!/9999/.test(timex.value), `"in 99999" read as ${timex.value}`);
  }
  assert.deepEqual(around('The army sent 1,000 troops to the border.', '1,000 troops'), []);
  assert.deepEqual(around('Of the 3,000 prisoners, 2025 of them were released.', '2025 of them'), []);
  for (const { timex } of around('The log entry 1710412800 was written by the server.', '1710412800')) {
    // only the whole number could be a timestamp; a year read off part of it is already refused by the boundary check
    assert.ok(timex.start <= 14 && timex.end >= 24 && timex.value.startsWith('2024-03-14'), `the timestamp read as ${JSON.stringify(timex)}`);
  }
});

test('a decade is the decade, not its first year', () => {
  for (const { timex } of around('Prices rose through the 1990s and fell after.', '1990s')) assert.equal(timex.value, '199');
});

test('ISO timestamps keep their day', () => {
  for (const stamp of ['2024-03-14T10:40:00Z', '2024-03-14T10:40:00+01:00', '2024-03-14T10:40:00.123Z', '2024-03-14 10:40', '2024-03-14T10:40']) {
    for (const { timex } of around(`Updated ${stamp} by the desk.`, stamp)) {
      assert.ok(timex.value.startsWith('2024-03-14'), `${stamp} read as ${timex.value}`);
    }
  }
});

const TOKENS = ['March', '3,', '2024', 'last', 'Friday', '12/05/2023', '3', 'days', 'ago', '2025-03-14', 'next', 'week', 'the', '1990s', 'Q3', '10:30', 'pm', 'yesterday', '1st', 'of', 'May', '2025-13-45', 'since', '1,000', 'Monday,'];
const tokenLine = (n: number) => Array.from({ length: n }, (_, i) => TOKENS[(i * 7) % TOKENS.length]).join(' ');

test('5,000 date-like tokens on one line: every span and value well-formed (time linear in length: npm run bench -- --only time)', () => {
  const long = tokenLine(5000);
  assertWellFormed(long, findTimexes(long, { dct: '2025-03-14' }));
  assertWellFormed(long, findTimexes(long, {}));
});
