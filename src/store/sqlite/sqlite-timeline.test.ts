import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../ingest/ingest.ts';
import { FilterError, MAX_PAGE_SIZE, type EventRow, type Store } from '../store.ts';
import type { TimelineFilter } from '../timeline.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { TIMELINE_READ } from './sqlite-timeline.ts';

// Store.timeline against an oracle that reads the same facts item by item through the store's
// other reads (every report of every corpus event, every quote with its article's facts), over
// the sample corpus: three stories, statements told by several outlets, events told by several.

const SAMPLE = fileURLToPath(new URL('../../../sample/', import.meta.url));

describe('Store.timeline', () => {
  let store: Store;
  /** Every corpus event with its reports, and every quote with its statement, story, outlet and speaker's corpus entity. */
  let events: Array<{ id: string; first: string | null; last: string | null; reports: number; rows: EventRow[] }>;
  let quotes: Array<{ statement: string; reports: number; date: string | null; story: string | null; outlet: string | null; speaker: string | null; articleId: string; index: number }>;

  before(async () => {
    store = openSqliteStore(':memory:');
    const summary = await ingest(store, [SAMPLE]);
    assert.deepEqual(summary.failed, []);
    events = store.corpusEvents({ limit: MAX_PAGE_SIZE }).events.map((e) => ({ ...e, rows: store.corpusEvent(e.id, { limit: MAX_PAGE_SIZE })!.reportList }));
    quotes = store.quotes({ limit: MAX_PAGE_SIZE }).quotes.map((q) => {
      const facts = store.corpus.articleFacts(q.articleId);
      const speaker = store.get(q.articleId)!.quotes[q.index].speaker.entity;
      const statement = facts.statements[q.index]!;
      return {
        statement: statement.id,
        reports: statement.reports,
        date: q.date,
        story: facts.story?.id ?? null,
        outlet: q.outlet,
        speaker: speaker === null ? null : facts.entities[speaker],
        articleId: q.articleId,
        index: q.index,
      };
    });
  });
  after(() => store.close());

  /** What the timeline should hold for a filter, read item by item. */
  function oracle(f: TimelineFilter): { events: Map<string, number>; statements: Map<string, { reports: number; day: string }> } {
    const inRange = (first: string, last: string) => (!f.from || last >= f.from) && (!f.to || first <= f.to);
    const story = (articleId: string) => store.corpus.articleFacts(articleId).story?.id ?? null;
    const eventIds = new Map<string, number>();
    for (const e of events) {
      if (!e.first || !e.last || !inRange(e.first, e.last) || e.reports < (f.minReports ?? 1) || (f.type && e.rows[0].type !== f.type)) continue;
      const passes = (r: EventRow) =>
        (!f.story || story(r.articleId) === f.story) &&
        (!f.outlet || r.outlet === f.outlet) &&
        (!f.entity || [...r.source, ...r.target].some((a) => a.corpusEntity === f.entity)) &&
        (!f.country || [...r.source, ...r.target].some((a) => a.country === f.country));
      if (e.rows.some(passes)) eventIds.set(e.id, e.reports);
    }
    const statements = new Map<string, { reports: number; day: string }>();
    if (!f.type && !f.country) {
      for (const q of quotes) {
        if (!q.date || !inRange(q.date, q.date) || q.reports < (f.minReports ?? 1)) continue;
        if ((f.story && q.story !== f.story) || (f.outlet && q.outlet !== f.outlet) || (f.entity && q.speaker !== f.entity)) continue;
        const seen = statements.get(q.statement);
        if (!seen || q.date < seen.day) statements.set(q.statement, { reports: q.reports, day: q.date });
      }
    }
    return { events: eventIds, statements };
  }

  /** Checks the timeline for a filter against the oracle: totals, the items, the most reported first. */
  function check(f: TimelineFilter) {
    const t = store.timeline({ ...f, limit: MAX_PAGE_SIZE });
    const want = oracle(f);
    const label = JSON.stringify(f);
    assert.equal(t.events.total, want.events.size, `events of ${label}`);
    assert.deepEqual(t.events.items.map((e) => e.id).sort(), [...want.events.keys()].sort(), `events of ${label}`);
    assert.equal(t.statements.total, want.statements.size, `statements of ${label}`);
    assert.deepEqual(new Map(t.statements.items.map((s) => [s.id, { reports: s.reports, day: s.day }])), want.statements, `statements of ${label}`);
    for (const items of [t.events.items, t.statements.items]) {
      const reports = items.map((i) => i.reports);
      assert.deepEqual(reports, [...reports].sort((a, b) => b - a), `the most reported first: ${label}`);
    }
    return t;
  }

  test('without filters: every dated event and statement, the most reported first', () => {
    const t = check({});
    assert.ok(t.events.total > 20 && t.statements.total > 20, 'the sample has many of each');
    assert.ok(t.events.items[0].reports > 1 && t.statements.items[0].reports > 1, 'events and statements several outlets tell come first');
    assert.ok(t.events.items.every((e) => e.first !== null), 'undated events are not on a time axis');
    assert.ok(t.statementsApply);
  });

  test('by story, outlet, entity and dates, each alone and together', () => {
    const story = store.corpus.listStories({ limit: 1 }).stories[0].id;
    const entity = store.corpus.listEntities({ type: 'PER', limit: 1 }).entities[0].id;
    const t = check({ story });
    assert.equal(t.story?.id, story);
    check({ story, outlet: 'Meridian Wire' });
    check({ outlet: 'Ostmar Herald' });
    const byEntity = check({ entity });
    assert.equal(byEntity.entity?.id, entity);
    assert.ok(byEntity.events.total > 0 && byEntity.statements.total > 0, 'the most mentioned person acts and speaks');
    check({ from: '2026-03-12', to: '2026-03-14' });
    check({ story, entity, from: '2026-03-10' });
    check({ minReports: 2 });
  });

  test('when every filter holds many reports, reading from the most reported down gives the same answer, and a count past its bound says so', () => {
    const story = store.corpus.listStories({ limit: 1 }).stories[0].id;
    const entity = store.corpus.listEntities({ type: 'PER', limit: 1 }).entities[0].id;
    const saved = { ...TIMELINE_READ };
    try {
      // no filter holds few enough rows to be read whole
      TIMELINE_READ.SMALL_SCOPE = 0;
      for (const f of [{ story }, { story, outlet: 'Meridian Wire' }, { entity }, { from: '2026-03-12', to: '2026-03-14' }, { story, entity, from: '2026-03-10' }, { country: 'KVR' }]) {
        const t = check(f);
        assert.ok(!t.events.capped && !t.statements.capped, JSON.stringify(f));
      }
      TIMELINE_READ.COUNT_CAP = 3;
      const capped = store.timeline({ story, limit: 2 });
      assert.deepEqual([capped.events.total, capped.events.capped, capped.events.items.length], [3, true, 2]);
      assert.deepEqual([capped.statements.total, capped.statements.capped], [3, true]);
      const all = store.timeline({ story, limit: MAX_PAGE_SIZE });
      assert.deepEqual(capped.events.items.map((e) => e.reports), all.events.items.slice(0, 2).map((e) => e.reports), 'still the most reported');
      // and the walk looks at no more than WALK_ITEMS of the most reported
      TIMELINE_READ.COUNT_CAP = saved.COUNT_CAP;
      TIMELINE_READ.WALK_ITEMS = 5;
      const short = store.timeline({ story, limit: MAX_PAGE_SIZE });
      assert.ok(short.events.items.length <= 5 && short.events.capped && short.statements.capped);
    } finally {
      Object.assign(TIMELINE_READ, saved);
    }
  });

  test('type and country are events only: statements are left out and say so', () => {
    const t = check({ type: 'CONSULT' });
    assert.ok(t.events.total > 0);
    assert.equal(t.statementsApply, false);
    assert.equal(t.statements.total, 0);
    check({ country: 'KVR' });
  });

  test('a limit keeps the most reported and counts the rest', () => {
    const all = store.timeline({ limit: MAX_PAGE_SIZE });
    const few = store.timeline({ limit: 3 });
    assert.equal(few.events.total, all.events.total);
    assert.equal(few.events.items.length, 3);
    assert.deepEqual(few.events.items.map((e) => e.reports), all.events.items.slice(0, 3).map((e) => e.reports));
    assert.equal(few.statements.items.length, 3);
    assert.equal(few.statements.total, all.statements.total);
    const none = store.timeline({ limit: 0 });
    assert.deepEqual([none.events.items.length, none.events.total, none.statements.items.length, none.statements.total], [0, all.events.total, 0, all.statements.total], 'a limit of 0 still counts');
  });

  test('a story, entity or outlet that names nothing is a FilterError; a prefix names its one story', () => {
    assert.throws(() => store.timeline({ story: 'sXYZ' }), FilterError);
    assert.throws(() => store.timeline({ entity: 'nobody' }), FilterError);
    assert.throws(() => store.timeline({ outlet: 'Nowhere Gazette' }), FilterError);
    const story = store.corpus.listStories({ limit: 1 }).stories[0].id;
    assert.equal(store.timeline({ story: story.slice(0, 6) }).story?.id, story);
    assert.throws(() => store.timeline({ limit: MAX_PAGE_SIZE + 1 }), TypeError);
    assert.throws(() => store.timeline({ from: '12 March' }), TypeError);
  });
});
