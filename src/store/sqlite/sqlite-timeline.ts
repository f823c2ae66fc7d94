import type Database from 'better-sqlite3';
import { EVENT_TYPES } from '../../events/plover.ts';
import { isIsoDay } from '../date-range.ts';
import { FilterError, MAX_PAGE_SIZE } from '../store.ts';
import { TIMELINE_ITEMS, type Timeline, type TimelineFilter, type TimelineStatement } from '../timeline.ts';
import { corpusEventSummaries, type CorpusEventSql } from './sqlite-corpus-events.ts';

/**
 * How a timeline is read (see sqliteTimeline). A filter whose rows (a story's articles, an
 * outlet's, an entity's mentions, a country's actors, the quotes of a range of days) number at
 * most SMALL_SCOPE drives an exact read of everything it holds; when every filter given holds
 * more, the items are read in the order of the reports index, the most reported first, looking
 * at most at WALK_ITEMS of them, and counting stops at COUNT_CAP (the total is then a lower bound).
 */
export const TIMELINE_READ = { SMALL_SCOPE: 30_000, WALK_ITEMS: 50_000, COUNT_CAP: 5000 };
// SMALL_SCOPE was 3,000: on the 10,000-article bench store (npm run bench:api) the most named
// entity's 17,880 event mentions and a week's quotes were then walked from the most reported
// down, 554 and 534 ms a timeline with capped counts; read exactly from their indexes, 219 and
// 79 ms with exact counts (in-process, the machine loaded, 2026-12-06)

/** A filter of a timeline that names reports, by its SQL parameter. */
type Scope = 'story' | 'outlet' | 'cluster' | 'country' | 'range';

/** How many rows a filter holds, counted over its index up to a bound: `@n` is SMALL_SCOPE + 1. */
const SCOPE_SIZE: Record<Scope, string> = {
  story: 'SELECT count(*) FROM (SELECT 1 FROM story_members WHERE story = @story LIMIT @n)',
  outlet: 'SELECT count(*) FROM (SELECT 1 FROM articles WHERE outlet = @outlet LIMIT @n)',
  cluster: 'SELECT count(*) FROM (SELECT 1 FROM entity_nodes n JOIN entity_members m ON m.node = n.id WHERE n.cluster = @cluster LIMIT @n)',
  country: 'SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE country = @country LIMIT @n)',
  range: 'SELECT count(*) FROM (SELECT 1 FROM quotes WHERE date >= coalesce(@from, \'\') AND date <= coalesce(@to, \'9999\') LIMIT @n)',
};

/**
 * The real-world events whose reports pass a filter, one uncorrelated list read over its index:
 * a story's members (story_members_story), an outlet's articles (articles_outlet), an entity's
 * mentions as an actor (entity_nodes_cluster, entity_members_node, event_actors_entity), a
 * country's actors (event_actors_country); each reaches the events through cev_mentions' key.
 */
const EVENTS_OF: Record<Exclude<Scope, 'range'>, string> = {
  story: 'SELECT cm.event FROM story_members sm JOIN cev_mentions cm ON cm.article = sm.article WHERE sm.story = @story',
  outlet: 'SELECT cm.event FROM articles a JOIN cev_mentions cm ON cm.article = a.id WHERE a.outlet = @outlet',
  cluster: `SELECT cm.event FROM entity_nodes n JOIN entity_members m ON m.node = n.id JOIN articles a ON a.id = m.article
    JOIN event_actors ea ON ea.article = a.rowid AND ea.entity = m.idx JOIN cev_mentions cm ON cm.article = m.article AND cm.idx = ea.idx WHERE n.cluster = @cluster`,
  country: 'SELECT cm.event FROM event_actors ea JOIN articles a ON a.rowid = ea.article JOIN cev_mentions cm ON cm.article = a.id AND cm.idx = ea.idx WHERE ea.country = @country',
};

/** What one report `cm` of article `a` must be for a filter, each a probe by key. */
const REPORT_PASSES: Record<Exclude<Scope, 'range'>, string> = {
  story: 'EXISTS (SELECT 1 FROM story_members sm WHERE sm.article = a.id AND sm.story = @story)',
  outlet: 'a.outlet = @outlet',
  cluster: `EXISTS (SELECT 1 FROM event_actors ea JOIN entity_members m ON m.article = a.id AND m.idx = ea.entity JOIN entity_nodes n ON n.id = m.node
    WHERE ea.article = a.rowid AND ea.idx = cm.idx AND n.cluster = @cluster)`,
  country: 'EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article = a.rowid AND ea.idx = cm.idx AND ea.country = @country)',
};

/** A quote's report row joined to its article and quote. */
const QUOTE_JOIN = 'stm_quotes sq JOIN articles a ON a.id = sq.article JOIN quotes q ON q.article = a.rowid AND q.idx = sq.idx';

/**
 * What a quote `q` (its report `sq`, its article `a`) must be for a filter: as the filter that
 * drives the read (an index SQLite starts from), or as a probe by key of a row read otherwise
 * (the unary + keeps SQLite from starting from that index instead).
 */
const QUOTE_PASSES: Record<Exclude<Scope, 'country'>, { drive: string; probe: string }> = {
  story: { drive: 'sq.article IN (SELECT sm.article FROM story_members sm WHERE sm.story = @story)', probe: 'EXISTS (SELECT 1 FROM story_members sm WHERE sm.article = sq.article AND sm.story = @story)' },
  outlet: { drive: 'a.outlet = @outlet', probe: '+a.outlet = @outlet' },
  // the FROM starts from the entity's mentions when it drives (stm_quotes_speaker)
  cluster: { drive: 'n.cluster = @cluster', probe: 'EXISTS (SELECT 1 FROM entity_members m JOIN entity_nodes n ON n.id = m.node WHERE m.article = sq.article AND m.idx = sq.speaker AND n.cluster = @cluster)' },
  // the range's own bounds are written in by quoteRange
  range: { drive: 'q.date', probe: '+q.date' },
};

/** The condition of a range of days on a quote's date, `column` as QUOTE_PASSES writes it; only the bounds given are read. */
function quoteRange(column: string, from: string | null, to: string | null): string {
  return [from !== null ? `${column} >= @from` : '', to !== null ? `${column} <= @to` : ''].filter(Boolean).join(' AND ');
}

/** An entity's quotes, from its mentions through stm_quotes_speaker (SQLite, left to itself, reads every quote of their articles). */
const ENTITY_QUOTES = `entity_nodes n JOIN entity_members m ON m.node = n.id JOIN stm_quotes sq INDEXED BY stm_quotes_speaker ON sq.article = m.article AND sq.speaker = m.idx
  JOIN articles a ON a.id = sq.article JOIN quotes q ON q.article = a.rowid AND q.idx = sq.idx`;

/**
 * The timeline of an SQLite store (Store.timeline). Its SQL is written for the filters given
 * (and prepared once for each form it takes), so that SQLite starts where the answer is small:
 * the filter that holds fewest rows drives an exact read when it holds few (TIMELINE_READ), the
 * others probed by key; a story of 50,000 articles, whose items are most of the corpus's, is read
 * from the most reported down instead, and stops as soon as the page is full, its count bounded.
 * With no filter the most reported are read in the order of an index and counted over indexes.
 * Only the `limit` items listed are summarised.
 */
export function sqliteTimeline(db: Database.Database): (filter: TimelineFilter) => Timeline {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const st = {
    quote: db.prepare(`SELECT q.speaker, q.content, q.date_from AS dateFrom, a.title, a.outlet FROM quotes q JOIN articles a ON a.rowid = q.article WHERE a.id = ? AND q.idx = ?`),
    story: db.prepare("SELECT id, title FROM stories WHERE id = ? OR (id >= ? AND id < ? || x'ff') ORDER BY id = ? DESC, id LIMIT 2"),
    entity: db.prepare("SELECT id AS cluster, public_id AS id, name FROM entity_clusters WHERE public_id = ? OR (public_id >= ? AND public_id < ? || x'ff') ORDER BY public_id = ? DESC, public_id LIMIT 2"),
    outlet: db.prepare('SELECT 1 FROM articles WHERE outlet = ? LIMIT 1').pluck(),
  };
  const summaryOf = corpusEventSummaries(db);

  /** The one row an id or a unique prefix of one names; a FilterError otherwise. */
  const one = <T>(name: 'story' | 'entity', id: string, statement: Database.Statement): T => {
    const rows = statement.all(id, id, id, id) as T[];
    const exact = rows.length && (rows[0] as { id: string }).id === id;
    if (exact || rows.length === 1) return rows[0];
    const what = name === 'story' ? ['story', 'stories'] : ['corpus entity', 'corpus entities'];
    throw new FilterError(name, id, rows.length ? `"${id}" starts the ids of several ${what[1]}; give more of the id` : `no ${what[0]} with id "${id}"`);
  };

  type Params = { story: string | null; outlet: string | null; cluster: number | null; country: string | null; type: string | null; from: string | null; to: string | null; min: number; limit: number };
  /** The parameters a statement reads: those given, and the bounds of TIMELINE_READ. */
  const bind = (p: Params) => ({ ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)), n: TIMELINE_READ.SMALL_SCOPE + 1, cap: TIMELINE_READ.COUNT_CAP, walk: TIMELINE_READ.WALK_ITEMS });

  /**
   * The filter given that holds fewest rows, if it holds few enough to read all it holds; null
   * when every one holds more (or none is given).
   */
  function smallest(scopes: Scope[], p: Params): Scope | null {
    let best: { scope: Scope; size: number } | null = null;
    for (const scope of scopes) {
      const size = prepared(SCOPE_SIZE[scope]).pluck().get({ story: p.story, outlet: p.outlet, cluster: p.cluster, country: p.country, from: p.from, to: p.to, n: TIMELINE_READ.SMALL_SCOPE + 1 }) as number;
      if (size <= TIMELINE_READ.SMALL_SCOPE && (!best || size < best.size)) best = { scope, size };
    }
    return best?.scope ?? null;
  }

  /** The dated events whose days overlap the range and that some report passing every filter tells, the most reported first. */
  function events(p: Params): Timeline['events'] {
    const given = (['story', 'outlet', 'cluster', 'country'] as const).filter((name) => p[name] !== null);
    const own = ['c.first_day IS NOT NULL', 'c.reports >= @min'];
    if (p.type !== null) own.push('c.type = @type');
    if (p.from !== null) own.push('c.last_day >= @from');
    if (p.to !== null) own.push('c.first_day <= @to');
    const params = bind(p);
    const count = (where: string) => prepared(`SELECT count(*) FROM corpus_events c WHERE ${where}`).pluck().get(params) as number;
    if (!given.length) {
      // the most reported in the order of corpus_events_reports, counted over corpus_events_day
      const where = own.join(' AND ');
      const rows = prepared(`SELECT c.* FROM corpus_events c WHERE ${where} ORDER BY c.reports DESC, c.id DESC LIMIT @limit`).all(params) as CorpusEventSql[];
      return { total: count(where), capped: false, items: rows.map(summaryOf) };
    }
    // one report must pass every filter: a probe of the event's reports by key
    const passes = `EXISTS (SELECT 1 FROM cev_mentions cm JOIN articles a ON a.id = cm.article WHERE cm.event = c.id AND ${given.map((name) => REPORT_PASSES[name]).join(' AND ')})`;
    const driver = smallest(given, p) as Exclude<Scope, 'range'> | null;
    if (driver) {
      // the events the smallest filter's list holds, all of them: counted in the same read (count(*) OVER () before the LIMIT)
      const where = [...own, `c.id IN (${EVENTS_OF[driver]})`, ...(given.length > 1 ? [passes] : [])].join(' AND ');
      const rows = prepared(`SELECT c.*, count(*) OVER () AS total FROM corpus_events c WHERE ${where} ORDER BY c.reports DESC, c.first_day, c.id LIMIT @limit`).all(params) as Array<CorpusEventSql & { total: number }>;
      return { total: rows.length ? rows[0].total : p.limit > 0 ? 0 : count(where), capped: false, items: rows.map(summaryOf) };
    }
    // every filter holds many: from the most reported down (corpus_events_reports), as far as WALK_ITEMS
    const walked = `(SELECT * FROM corpus_events c WHERE ${own.join(' AND ')} ORDER BY c.reports DESC, c.id DESC LIMIT @walk) c`;
    const rows = prepared(`SELECT c.* FROM ${walked} WHERE ${passes} ORDER BY c.reports DESC, c.id DESC LIMIT @limit`).all(params) as CorpusEventSql[];
    const total = prepared(`SELECT count(*) FROM (SELECT 1 FROM ${walked} WHERE ${passes} LIMIT @cap)`).pluck().get(params) as number;
    return { total, capped: total >= TIMELINE_READ.COUNT_CAP || count(own.join(' AND ')) > TIMELINE_READ.WALK_ITEMS, items: rows.map(summaryOf) };
  }

  /** A statement on the timeline from its row and the report it shows. */
  function statementItem(r: { id: string; day: string; matching: number; reports: number; article: string; idx: number }): TimelineStatement {
    const q = st.quote.get(r.article, r.idx) as { speaker: string; content: string; dateFrom: 'article' | 'sentence' | null; title: string | null; outlet: string | null };
    return {
      id: r.id,
      day: r.day,
      reports: r.reports,
      matching: r.matching,
      speaker: q.speaker,
      content: q.content,
      shown: { articleId: r.article, index: r.idx, articleTitle: q.title, outlet: q.outlet, dateFrom: q.dateFrom },
    };
  }

  /** The statements with a dated report that passes every filter, the most reported first. */
  function quotations(p: Params): Timeline['statements'] {
    const given = (['story', 'outlet', 'cluster', 'range'] as const).filter((name) => (name === 'range' ? p.from !== null || p.to !== null : p[name] !== null));
    const params = bind(p);
    const condition = (name: (typeof given)[number], as: 'drive' | 'probe') => (name === 'range' ? quoteRange(QUOTE_PASSES.range[as], p.from, p.to) : QUOTE_PASSES[name][as]);
    const driver = given.length ? (smallest(given, p) as Exclude<Scope, 'country'> | null) : null;
    if (driver) {
      // every quote the smallest filter holds, grouped by statement; min() alone among the aggregates: the bare columns come from the earliest report (SQLite's rule)
      const conditions = ['q.date IS NOT NULL', ...given.map((name) => condition(name, name === driver ? 'drive' : 'probe'))];
      const grouped = `(SELECT sq.statement, min(q.date) AS day, count(*) AS matching, a.id AS article, q.idx AS idx FROM ${driver === 'cluster' ? ENTITY_QUOTES : QUOTE_JOIN}
        WHERE ${conditions.join(' AND ')} GROUP BY sq.statement) g JOIN statements t ON t.id = g.statement WHERE t.reports >= @min`;
      const rows = prepared(`SELECT g.statement AS id, g.day, g.matching, t.reports, g.article, g.idx, count(*) OVER () AS total FROM ${grouped}
        ORDER BY t.reports DESC, g.day, g.statement LIMIT @limit`).all(params) as Array<{ id: string; day: string; matching: number; reports: number; article: string; idx: number; total: number }>;
      const total = rows.length ? rows[0].total : p.limit > 0 ? 0 : (prepared(`SELECT count(*) FROM ${grouped}`).pluck().get(params) as number);
      return { total, capped: false, items: rows.map(statementItem) };
    }
    // from the most reported down (statements_reports), each dated by its earliest report that passes the filters
    const reports = ['q.date IS NOT NULL', ...given.map((name) => condition(name, 'probe'))].join(' AND ');
    const first = prepared(`SELECT min(q.date) AS day, count(*) AS matching, a.id AS article, q.idx AS idx FROM ${QUOTE_JOIN} WHERE sq.statement = @statement AND ${reports}`);
    const walked = `(SELECT id, reports FROM statements WHERE reports >= @min ORDER BY reports DESC, id DESC LIMIT @walk) t`;
    const passes = `EXISTS (SELECT 1 FROM ${QUOTE_JOIN} WHERE sq.statement = t.id AND ${reports})`;
    const ids = prepared(`SELECT t.id, t.reports FROM ${walked} WHERE ${passes} ORDER BY t.reports DESC, t.id DESC LIMIT @limit`).all(params) as Array<{ id: string; reports: number }>;
    const items = ids.map((t) => statementItem({ id: t.id, reports: t.reports, ...(first.get({ ...params, statement: t.id }) as { day: string; matching: number; article: string; idx: number }) }));
    if (!given.length) {
      // no filter: every statement reported often enough, less those no report dates (found over quotes_date): exact
      const all = prepared('SELECT count(*) FROM statements WHERE reports >= @min').pluck().get(params) as number;
      const undated = prepared(`SELECT count(DISTINCT sq.statement) FROM ${QUOTE_JOIN} JOIN statements t ON t.id = sq.statement
        WHERE q.date IS NULL AND t.reports >= @min AND NOT EXISTS (SELECT 1 FROM stm_quotes sq2 JOIN articles a2 ON a2.id = sq2.article
          JOIN quotes q2 ON q2.article = a2.rowid AND q2.idx = sq2.idx WHERE sq2.statement = sq.statement AND q2.date IS NOT NULL)`).pluck().get(params) as number;
      return { total: all - undated, capped: all > TIMELINE_READ.WALK_ITEMS, items };
    }
    const total = prepared(`SELECT count(*) FROM (SELECT 1 FROM ${walked} WHERE ${passes} LIMIT @cap)`).pluck().get(params) as number;
    const eligible = prepared('SELECT count(*) FROM (SELECT 1 FROM statements WHERE reports >= @min LIMIT @walk + 1)').pluck().get(params) as number;
    return { total, capped: total >= TIMELINE_READ.COUNT_CAP || eligible > TIMELINE_READ.WALK_ITEMS, items };
  }

  return (filter) => {
    const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
    const limit = filter.limit ?? TIMELINE_ITEMS;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) throw new TypeError(`a timeline's limit must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${limit}`);
    const min = filter.minReports ?? 1;
    if (!Number.isInteger(min) || min < 1) throw new TypeError(`the fewest reports must be a whole number from 1, got ${min}`);
    for (const day of [filter.from, filter.to]) if (day !== undefined && !isIsoDay(day)) throw new TypeError(`a timeline's days must be written YYYY-MM-DD, got ${JSON.stringify(day)}`);
    if (filter.type !== undefined && !EVENT_TYPES.includes(filter.type)) throw new TypeError(`a timeline's type must be a PLOVER event type, got ${JSON.stringify(filter.type)}`);
    const country = text(filter.country)?.toUpperCase() ?? null;
    if (country !== null && !/^[A-Z]{3}$/.test(country)) throw new TypeError(`a timeline's country must be an ISO 3166 alpha-3 code, got ${JSON.stringify(filter.country)}`);

    const read = db.transaction((): Timeline => {
      const storyId = text(filter.story);
      const story = storyId === null ? null : one<{ id: string; title: string | null }>('story', storyId, st.story);
      const entityId = text(filter.entity);
      const entity = entityId === null ? null : one<{ cluster: number; id: string; name: string }>('entity', entityId, st.entity);
      const outlet = text(filter.outlet);
      if (outlet !== null && st.outlet.get(outlet) === undefined) throw new FilterError('outlet', outlet, `no article has the outlet "${outlet}" (outlets are matched as the articles write them)`);
      const params: Params = { story: story?.id ?? null, outlet, cluster: entity?.cluster ?? null, country, type: filter.type ?? null, from: filter.from ?? null, to: filter.to ?? null, min, limit };
      // statements are quotations, not typed acts: a filter only events answer leaves them out
      const statementsApply = filter.type === undefined && country === null;
      return {
        events: events(params),
        statements: statementsApply ? quotations(params) : { total: 0, capped: false, items: [] },
        statementsApply,
        story,
        entity: entity && { id: entity.id, name: entity.name },
      };
    });
    return read.deferred();
  };
}
