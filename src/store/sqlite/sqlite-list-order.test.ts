import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../ingest/ingest.ts';
import { valueDays } from '../../time/calendar.ts';
import type { CorpusEventSummary } from '../corpus-reads.ts';
import { CORPUS_EVENT_SORT_KEYS, EVENT_SORT_KEYS, QUOTE_SORT_KEYS, parseSort, sortChoices, type CorpusEventSort, type EventSort, type QuoteSort } from '../list-sort.ts';
import { matchKey } from '../quote-rows.ts';
import { MAX_PAGE_SIZE, type EventRow, type QuoteRow, type Store } from '../store.ts';
import { openSqliteStore } from './sqlite-store.ts';

// The orders of the events, corpus events and quotes lists over the sample corpus, against an
// oracle: every row read in the default order, sorted here by the key (a stable sort, rows
// without a value last, equal keys in the default order), must be what paging through the
// sorted list in small pages gives, so that the order is the whole result's and not a page's.

const SAMPLE = fileURLToPath(new URL('../../../sample/', import.meta.url));
/** A page smaller than the lists, so that every list spans several. */
const PAGE = 17;

type Key = string | number | null;

/** `rows` (in the default order) sorted by `key` as the store sorts: stable, nulls last either way, text compared as SQLite compares it. */
function oracle<T>(rows: readonly T[], key: (row: T) => Key, descending: boolean): T[] {
  const compare = (a: Key, b: Key) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a < b ? -1 : 1) * (descending ? -1 : 1));
  return rows.map((row, i) => ({ row, i, k: key(row) })).sort((a, b) => compare(a.k, b.k) || a.i - b.i).map((x) => x.row);
}

/** Every row of a list, read page by page. */
function pages<T>(read: (page: { limit: number; offset: number }) => { total: number; rows: T[] }): T[] {
  const all: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { total, rows } = read({ limit: PAGE, offset });
    all.push(...rows);
    if (offset + PAGE >= total) return all;
  }
}

/** SQLite's NOCASE: ASCII letters folded, nothing else. */
const nocase = (s: string | null) => (s === null ? null : s.replace(/[A-Z]/g, (c) => c.toLowerCase()));

describe('sorted corpus lists', () => {
  let store: Store;
  before(async () => {
    store = openSqliteStore(':memory:');
    const summary = await ingest(store, [SAMPLE]);
    assert.deepEqual(summary.failed, []);
  });
  after(() => store.close());

  const eventKeys: Record<(typeof EVENT_SORT_KEYS)[number], (e: EventRow) => Key> = {
    date: (e) => (e.date ? (valueDays(e.date)?.first ?? null) : null),
    type: (e) => e.type,
    outlet: (e) => nocase(e.outlet),
    reports: (e) => e.corpusEvent?.reports ?? null,
  };
  for (const sort of sortChoices(EVENT_SORT_KEYS)) {
    test(`events sorted by ${sort} over the whole result`, () => {
      const all = store.events({ limit: MAX_PAGE_SIZE });
      assert.ok(all.total > PAGE * 3 && all.total < MAX_PAGE_SIZE, `the sample has ${all.total} events`);
      const { key, descending } = parseSort(sort, EVENT_SORT_KEYS)!;
      const values = new Set(all.events.map(eventKeys[key]));
      assert.ok(values.size > 2, `the events differ by ${key}: ${[...values].join(', ')}`);
      const id = (e: EventRow) => `${e.articleId}:${e.index}`;
      const sorted = pages((p) => {
        const r = store.events({ ...p, sort: sort as EventSort });
        return { total: r.total, rows: r.events };
      });
      assert.deepEqual(sorted.map(id), oracle(all.events, eventKeys[key], descending).map(id));
      // filters and sorting go together
      const consult = store.events({ type: 'CONSULT', sort: sort as EventSort, limit: MAX_PAGE_SIZE }).events.map(id);
      assert.deepEqual(consult, sorted.filter((e) => e.type === 'CONSULT').map(id));
    });
  }

  const corpusKeys: Record<(typeof CORPUS_EVENT_SORT_KEYS)[number], (e: CorpusEventSummary) => Key> = {
    date: (e) => e.first,
    type: (e) => e.type,
    reports: (e) => e.reports,
  };
  for (const sort of sortChoices(CORPUS_EVENT_SORT_KEYS)) {
    test(`corpus events sorted by ${sort} over the whole result`, () => {
      const all = store.corpusEvents({ limit: MAX_PAGE_SIZE });
      assert.ok(all.total > PAGE * 3, `the sample has ${all.total} corpus events`);
      const { key, descending } = parseSort(sort, CORPUS_EVENT_SORT_KEYS)!;
      const sorted = pages((p) => {
        const r = store.corpusEvents({ ...p, sort: sort as CorpusEventSort });
        return { total: r.total, rows: r.events };
      });
      assert.deepEqual(sorted.map((e) => e.id), oracle(all.events, corpusKeys[key], descending).map((e) => e.id));
      const twice = store.corpusEvents({ minReports: 2, sort: sort as CorpusEventSort, limit: MAX_PAGE_SIZE }).events.map((e) => e.id);
      assert.deepEqual(twice, sorted.filter((e) => e.reports >= 2).map((e) => e.id));
    });
  }

  const quoteKeys: Record<(typeof QUOTE_SORT_KEYS)[number], (q: QuoteRow) => Key> = {
    date: (q) => q.date,
    // an unknown speaker is the empty name, and last
    speaker: (q) => (q.speaker ? matchKey(q.speaker) : null),
    outlet: (q) => nocase(q.outlet),
  };
  for (const sort of sortChoices(QUOTE_SORT_KEYS)) {
    test(`quotes sorted by ${sort} over the whole result`, () => {
      const all = store.quotes({ limit: MAX_PAGE_SIZE });
      assert.ok(all.total > PAGE * 3, `the sample has ${all.total} quotes`);
      const { key, descending } = parseSort(sort, QUOTE_SORT_KEYS)!;
      const id = (q: QuoteRow) => `${q.articleId}:${q.index}`;
      const sorted = pages((p) => {
        const r = store.quotes({ ...p, sort: sort as QuoteSort });
        return { total: r.total, rows: r.quotes };
      });
      assert.deepEqual(sorted.map(id), oracle(all.quotes, quoteKeys[key], descending).map(id));
    });
  }

  test('the default order is the latest dated first, and a sort that names no key is refused', () => {
    assert.deepEqual(store.events({ sort: '-date', limit: MAX_PAGE_SIZE }), store.events({ limit: MAX_PAGE_SIZE }));
    assert.deepEqual(store.corpusEvents({ sort: '-date', limit: MAX_PAGE_SIZE }), store.corpusEvents({ limit: MAX_PAGE_SIZE }));
    assert.throws(() => store.events({ sort: 'speaker' as EventSort }), /a sort must be one of date, type, outlet, reports, -date/);
    assert.throws(() => store.corpusEvents({ sort: 'outlet' as CorpusEventSort }), TypeError);
    assert.throws(() => store.quotes({ sort: '--date' as QuoteSort }), TypeError);
  });
});
