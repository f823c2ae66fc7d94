import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell } from './csv.ts';
import { EVENT_CSV_COLUMNS, eventCsvLine, eventsCsvLines } from './events-csv.ts';
import type { EventRow, Store } from '../store/store.ts';

test('a CSV cell is quoted when it holds a comma, a quotation mark or a line break, and a formula is defused', () => {
  assert.equal(csvCell('Steve Witkoff'), 'Steve Witkoff');
  assert.equal(csvCell('Putin, Vladimir'), '"Putin, Vladimir"');
  assert.equal(csvCell('the “deal” said "no"'), '"the “deal” said ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('-5 killed'), "'-5 killed");
  assert.equal(csvCell('@once'), "'@once");
  assert.equal(csvCell(-5), '-5', 'numbers are numbers');
  assert.equal(csvCell(null), '');
});

const row = (index: number): EventRow => ({
  articleId: 'a1', articleTitle: 'Talks', outlet: 'Wire', index, type: 'CONSULT', mode: null, context: null, cameo: '040', status: 'asserted',
  trigger: 'met',
  source: [
    { start: 0, end: 1, text: 'Witkoff', name: 'Steve Witkoff', entity: 0, corpusEntity: null, country: 'USA', sector: 'GOV' },
    { start: 2, end: 3, text: 'aides', name: null, entity: null, corpusEntity: null, country: null, sector: null },
  ],
  target: [], place: null, date: '2025-04-11', dateFrom: 'article', reportedBy: null, sentence: 'Witkoff and aides met, then left.',
  spans: { trigger: { start: 4, end: 7 }, sentence: { start: 0, end: 33 } }, summary: '', corpusEvent: index === 0 ? { id: 'va1.0', reports: 3 } : null,
});

test('an event is one CSV line with a cell per column; several actors on one side share a cell', () => {
  const line = eventCsvLine(row(0));
  assert.ok(line.endsWith('\r\n'));
  assert.equal(line, '2025-04-11,article,Steve Witkoff; aides,USA; ,GOV; ,CONSULT,,,040,asserted,,,,,,met,a1,Talks,Wire,0,33,"Witkoff and aides met, then left.",va1.0,3\r\n');
  assert.equal(EVENT_CSV_COLUMNS.length, 24);
  assert.ok(eventCsvLine(row(1)).endsWith('then left.",,\r\n'), 'no corpus event: empty cells');
});

test('eventsCsvLines pages through the store and keeps to a given window', () => {
  const rows = Array.from({ length: 2500 }, (_, i) => row(i));
  const calls: Array<[number, number]> = [];
  const store: Pick<Store, 'events'> = {
    events: (f = {}) => {
      calls.push([f.offset ?? 0, f.limit ?? 50]);
      return { total: rows.length, events: rows.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 50)) };
    },
  };
  assert.equal([...eventsCsvLines(store, {})].length, 2501, 'a header and every event');
  assert.deepEqual(calls, [[0, 1000], [1000, 1000], [2000, 1000]], 'a short page is the last');
  assert.equal([...eventsCsvLines(store, { offset: 10, limit: 5 })].length, 6);
  assert.equal([...eventsCsvLines(store, { limit: 0 })].length, 1, 'the header only');
});
