import type Database from 'better-sqlite3';
import type { EventType } from '../../doc/doc.ts';
import type { CorpusEventDetail, CorpusEventSummary, EventDisagreement } from '../corpus-reads.ts';
import type { EventFilter, EventRow } from '../store.ts';
import { placesApart, type EventView, type PlaceView } from '../../connect/event-match.ts';
import type { CorpusEventSort } from '../list-sort.ts';
import { corpusEventOrder } from './sqlite-list-order.ts';
import { eventSql, whereOf, type EventSqlParams } from './sqlite-list-filters.ts';

/** The parameters of a corpus event list: EventFilter's as eventSql takes them, and the fewest reports. */
export interface CorpusEventParams extends EventSqlParams {
  cevent: null;
  min: number;
}

export interface CorpusEventReads {
  /** A page of the events that pass the filters, in the order given (corpusEventOrder: the latest first unless given). */
  list(params: CorpusEventParams, limit: number, offset: number, sort?: CorpusEventSort): { total: number; events: CorpusEventSummary[] };
  /** A story's events (those its articles report) on or after `since`, the `limit` most reported in order of their days, undated last; and how many there are. */
  ofStory(story: string, since: string | null, limit: number): { total: number; events: CorpusEventSummary[] };
  detail(id: string, limit: number, offset: number): CorpusEventDetail | undefined;
}

/** How many reports of an event the disagreements are counted over, and how many links are listed. */
const DISAGREEMENT_REPORTS = 500;
const LINKED_REPORTS = 100;

/** A row of `corpus_events`. */
export interface CorpusEventSql {
  id: string;
  type: EventType;
  first_day: string | null;
  last_day: string | null;
  reports: number;
  articles: number;
  article: string;
  idx: number;
  data: string;
}

/**
 * The WHERE clause of a corpus event list and its parameters, with the filters given only
 * (eventSql): the type, days and fewest reports over the event's own row (corpus_events'
 * indexes); a filter on what reports say (an article, an actor, a country, an entity) keeps the
 * events with a report that passes every filter given.
 */
function corpusEventWhere(params: CorpusEventParams): { where: string; params: Record<string, string | number> } {
  const own: string[] = [];
  if (params.type !== null) own.push('c.type = @type');
  if (params.from !== null) own.push('c.last_day >= @from');
  if (params.to !== null) own.push('c.first_day <= @to');
  if (params.min > 1) own.push('c.reports >= @min');
  const reports = eventSql(params);
  if (params.article !== null || params.actor !== null || params.country !== null || params.entity !== null) {
    own.push(`EXISTS (SELECT 1 FROM cev_mentions cm JOIN articles a ON a.id = cm.article JOIN events e ON e.article = a.rowid AND e.idx = cm.idx
      WHERE cm.event = c.id AND ${whereOf(reports.conditions)})`);
  }
  return { where: whereOf(own), params: { ...reports.params, ...(params.min > 1 ? { min: params.min } : {}) } };
}

/**
 * Reads of corpus events (src/connect/events.ts) in an SQLite store: lists filtered by what
 * their reports say and one event with its reports (read through the store's `events`, so that
 * they are the same rows event lists show). `prepared` prepares a statement once for each SQL text.
 */
export function sqliteCorpusEvents(db: Database.Database, prepared: (sql: string) => Database.Statement, events: (filter: EventFilter) => { total: number; events: EventRow[] }): CorpusEventReads {
  const st = {
    one: db.prepare('SELECT * FROM corpus_events WHERE id = ?'),
    reports: db.prepare(`SELECT cm.article, cm.idx, cm.view, e.data FROM cev_mentions cm JOIN articles a ON a.id = cm.article JOIN events e ON e.article = a.rowid AND e.idx = cm.idx
      WHERE cm.event = ? ORDER BY cm.ord, cm.idx LIMIT ?`),
    links: db.prepare('SELECT b AS other, score, evidence FROM cev_links WHERE a = ?'),
    // a story's events: the most reported first for the cut, shown in order of their days
    storyEvents: db.prepare(`SELECT * FROM (SELECT c.* FROM corpus_events c WHERE c.id IN (SELECT cm.event FROM story_members sm JOIN cev_mentions cm ON cm.article = sm.article WHERE sm.story = @story)
      AND (@since IS NULL OR c.last_day >= @since) ORDER BY c.reports DESC, c.first_day DESC, c.id LIMIT @limit) ORDER BY first_day IS NULL, first_day, reports DESC, id`),
    storyEventCount: db.prepare(`SELECT count(*) FROM corpus_events c WHERE c.id IN (SELECT cm.event FROM story_members sm JOIN cev_mentions cm ON cm.article = sm.article WHERE sm.story = @story)
      AND (@since IS NULL OR c.last_day >= @since)`).pluck(),
  };

  const summaryOf = corpusEventSummaries(db);

  return {
    list(filter, limit, offset, sort) {
      const { where, params } = corpusEventWhere(filter);
      const rows = prepared(`SELECT * FROM corpus_events c WHERE ${where} ORDER BY ${corpusEventOrder(sort)} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as CorpusEventSql[];
      return { total: prepared(`SELECT count(*) FROM corpus_events c WHERE ${where}`).pluck().get(params) as number, events: rows.map(summaryOf) };
    },
    ofStory(story, since, limit) {
      const params = { story, since };
      return { total: st.storyEventCount.get(params) as number, events: (st.storyEvents.all({ ...params, limit }) as CorpusEventSql[]).map(summaryOf) };
    },
    detail(id, limit, offset) {
      const row = st.one.get(id) as CorpusEventSql | undefined;
      if (!row) return undefined;
      const page = events({ corpusEvent: id, limit, offset });
      const reports = st.reports.all(id, DISAGREEMENT_REPORTS) as Array<{ article: string; idx: number; view: string; data: string }>;
      const dates = new Map<string, number>();
      const places = new Map<string, number>();
      const placeViews = new Map<string, PlaceView>();
      for (const r of reports) {
        const e = JSON.parse(r.data) as Pick<EventRow, 'date' | 'dateFrom' | 'place'>;
        // a stated day (a date the text gives that could not be resolved, "XXXX-WXX-1", says nothing to disagree with)
        const day = e.date && e.dateFrom === 'timex' && /^\d{4}-\d{2}-\d{2}/.test(e.date) ? e.date.slice(0, 10) : null;
        if (day) dates.set(day, (dates.get(day) ?? 0) + 1);
        const place = (JSON.parse(r.view) as EventView).place;
        if (e.place && place) {
          places.set(e.place.name, (places.get(e.place.name) ?? 0) + 1);
          placeViews.set(e.place.name, place);
        }
      }
      const disagreements: EventDisagreement[] = [];
      const counted = (m: Map<string, number>) => [...m].map(([value, n]) => ({ value, reports: n })).sort((a, b) => b.reports - a.reports || (a.value < b.value ? -1 : 1));
      if (dates.size > 1) disagreements.push({ field: 'date', values: counted(dates) });
      // places disagree when two of them are apart: neither holds the other ("Skarholm House in Halvik" and "Halvik" agree)
      const views = [...placeViews.values()];
      if (views.some((a, i) => views.slice(i + 1).some((b) => placesApart(a, b)))) disagreements.push({ field: 'place', values: counted(places) });
      const inEvent = new Set(reports.map((r) => `${r.article}:${r.idx}`));
      const ref = (key: string) => {
        const i = key.lastIndexOf(':');
        return { articleId: key.slice(0, i), index: Number(key.slice(i + 1)) };
      };
      const links: CorpusEventDetail['links'] = [];
      for (const r of reports.slice(0, LINKED_REPORTS)) {
        const key = `${r.article}:${r.idx}`;
        for (const l of st.links.all(key) as Array<{ other: string; score: number; evidence: string }>) if (inEvent.has(l.other)) links.push({ a: ref(key), b: ref(l.other), score: l.score, evidence: l.evidence });
      }
      return { ...summaryOf(row), reportList: page.events, reportTotal: page.total, disagreements, links };
    },
  };
}

/**
 * A corpus event's row (`SELECT * FROM corpus_events`) as lists show it (CorpusEventSummary):
 * the line of the report it shows and the first outlets of its reports, each read by key.
 */
export function corpusEventSummaries(db: Database.Database): (row: CorpusEventSql) => CorpusEventSummary {
  const st = {
    summary: db.prepare('SELECT e.data FROM events e JOIN articles a ON a.rowid = e.article WHERE a.id = ? AND e.idx = ?').pluck(),
    outlets: db.prepare(`SELECT DISTINCT a.outlet FROM cev_mentions cm JOIN articles a ON a.id = cm.article WHERE cm.event = ? AND a.outlet IS NOT NULL ORDER BY cm.ord LIMIT 10`).pluck(),
  };
  return (r: CorpusEventSql): CorpusEventSummary => {
    const data = st.summary.get(r.article, r.idx) as string | undefined;
    const stated = (JSON.parse(r.data) as { stated: boolean }).stated;
    return {
      id: r.id,
      type: r.type,
      first: r.first_day,
      last: r.last_day,
      stated,
      reports: r.reports,
      articles: r.articles,
      summary: data ? (JSON.parse(data) as { summary: string }).summary : '',
      shown: { articleId: r.article, index: r.idx },
      outlets: st.outlets.all(r.id) as string[],
    };
  };
}
