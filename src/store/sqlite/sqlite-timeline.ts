import type Database from 'better-sqlite3';
import { EVENT_TYPES } from '../../events/plover.ts';
import { isIsoDay } from '../date-range.ts';
import { FilterError, MAX_PAGE_SIZE } from '../store.ts';
import { TIMELINE_ITEMS, type Timeline, type TimelineFilter, type TimelineStatement } from '../timeline.ts';
import { corpusEventSummaries, type CorpusEventSql } from './sqlite-corpus-events.ts';

/** The filters of a timeline that name reports (a story, an outlet, an entity, a country), as SQL parameters. */
interface ReportFilters {
  story: string | null;
  outlet: string | null;
  cluster: number | null;
  country: string | null;
}

/**
 * The real-world events whose reports pass each filter, one uncorrelated list each, read over
 * its index: a story's members (story_members_story), an outlet's articles (articles_outlet), an
 * entity's mentions as an actor (entity_nodes_cluster, entity_members_node, event_actors_entity),
 * a country's actors (event_actors_country); each reaches the events through cev_mentions' key.
 */
const EVENTS_OF: Record<keyof ReportFilters, string> = {
  story: 'SELECT cm.event FROM story_members sm JOIN cev_mentions cm ON cm.article = sm.article WHERE sm.story = @story',
  outlet: 'SELECT cm.event FROM articles a JOIN cev_mentions cm ON cm.article = a.id WHERE a.outlet = @outlet',
  cluster: `SELECT cm.event FROM entity_nodes n JOIN entity_members m ON m.node = n.id JOIN articles a ON a.id = m.article
    JOIN event_actors ea ON ea.article = a.rowid AND ea.entity = m.idx JOIN cev_mentions cm ON cm.article = m.article AND cm.idx = ea.idx WHERE n.cluster = @cluster`,
  country: 'SELECT cm.event FROM event_actors ea JOIN articles a ON a.rowid = ea.article JOIN cev_mentions cm ON cm.article = a.id AND cm.idx = ea.idx WHERE ea.country = @country',
};

/** What one report `cm` of article `a` must be for each filter, when several are given: one report must pass them all. */
const REPORT_PASSES: Record<keyof ReportFilters, string> = {
  story: 'a.id IN (SELECT sm.article FROM story_members sm WHERE sm.story = @story)',
  outlet: 'a.outlet = @outlet',
  cluster: `EXISTS (SELECT 1 FROM event_actors ea JOIN entity_members m ON m.article = a.id AND m.idx = ea.entity JOIN entity_nodes n ON n.id = m.node
    WHERE ea.article = a.rowid AND ea.idx = cm.idx AND n.cluster = @cluster)`,
  country: 'EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article = a.rowid AND ea.idx = cm.idx AND ea.country = @country)',
};

/**
 * The conditions on a quote `q` (its report `sq` in stm_quotes, its article `a`) for the filters
 * statements take, each over an index: story_members_story then stm_quotes' key, articles_outlet,
 * quotes_date (an entity's quotes are read from its mentions instead: see `quotations`).
 */
const QUOTE_PASSES: Record<'story' | 'outlet' | 'from' | 'to', string> = {
  story: 'sq.article IN (SELECT sm.article FROM story_members sm WHERE sm.story = @story)',
  outlet: 'a.outlet = @outlet',
  from: 'q.date >= @from',
  to: 'q.date <= @to',
};

/** A quote's report row joined to its article and quote. */
const QUOTE_JOIN = 'stm_quotes sq JOIN articles a ON a.id = sq.article JOIN quotes q ON q.article = a.rowid AND q.idx = sq.idx';

/**
 * The timeline of an SQLite store (Store.timeline). Its SQL is written for the filters given
 * (and prepared once for each form it takes), so that SQLite starts from the most selective
 * index: a story of many articles costs a read of its members' reports, not a probe per item of
 * the corpus; with no filter, the most reported items are read in the order of an index and the
 * counts come from indexes. Only the `limit` items listed are summarised.
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
    // a statement's earliest dated report: min() alone among the aggregates, so the bare columns come from its row (SQLite's rule)
    firstReport: db.prepare(`SELECT min(q.date) AS day, a.id AS article, q.idx AS idx FROM ${QUOTE_JOIN} WHERE sq.statement = ? AND q.date IS NOT NULL`),
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

  type Params = ReportFilters & { type: string | null; from: string | null; to: string | null; min: number; limit: number };

  /** The dated events whose days overlap the range and that some report passing every filter tells, the most reported first. */
  function events(p: Params): Timeline['events'] {
    const given = (Object.keys(EVENTS_OF) as Array<keyof ReportFilters>).filter((name) => p[name] !== null);
    const conditions = ['c.first_day IS NOT NULL', 'c.reports >= @min'];
    if (p.type !== null) conditions.push('c.type = @type');
    if (p.from !== null) conditions.push('c.last_day >= @from');
    if (p.to !== null) conditions.push('c.first_day <= @to');
    for (const name of given) conditions.push(`c.id IN (${EVENTS_OF[name]})`);
    // each list holds events some report passes; with several, one report must pass them all
    if (given.length > 1) conditions.push(`EXISTS (SELECT 1 FROM cev_mentions cm JOIN articles a ON a.id = cm.article WHERE cm.event = c.id AND ${given.map((name) => REPORT_PASSES[name]).join(' AND ')})`);
    const where = conditions.join(' AND ');
    const params = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));
    if (!given.length) {
      // no list to start from: the most reported in the order of corpus_events_reports, counted over corpus_events_day
      const rows = prepared(`SELECT c.* FROM corpus_events c WHERE ${where} ORDER BY c.reports DESC, c.id DESC LIMIT @limit`).all(params) as CorpusEventSql[];
      return { total: prepared(`SELECT count(*) FROM corpus_events c WHERE ${where}`).pluck().get(params) as number, items: rows.map(summaryOf) };
    }
    // the lists bound the rows: they are counted in the same read (count(*) OVER () before the LIMIT)
    const rows = prepared(`SELECT c.*, count(*) OVER () AS total FROM corpus_events c WHERE ${where} ORDER BY c.reports DESC, c.first_day, c.id LIMIT @limit`).all(params) as Array<CorpusEventSql & { total: number }>;
    return { total: rows.length ? rows[0].total : p.limit > 0 ? 0 : (prepared(`SELECT count(*) FROM corpus_events c WHERE ${where}`).pluck().get(params) as number), items: rows.map(summaryOf) };
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
    const given = (['story', 'outlet', 'cluster', 'from', 'to'] as const).filter((name) => p[name] !== null);
    const params = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));
    if (!given.length) {
      // no filter: the most reported in the order of statements_reports, each dated by its earliest dated report;
      // the count is every statement reported often enough less those no report dates (read over quotes_date)
      const rows: TimelineStatement[] = [];
      const page = prepared('SELECT id, reports FROM statements WHERE reports >= @min ORDER BY reports DESC, id DESC LIMIT @n OFFSET @offset');
      for (let offset = 0; rows.length < p.limit; offset += p.limit) {
        const batch = page.all({ min: p.min, n: p.limit, offset }) as Array<{ id: string; reports: number }>;
        for (const t of batch) {
          const first = st.firstReport.get(t.id) as { day: string | null; article: string; idx: number };
          if (first.day !== null && rows.length < p.limit) rows.push(statementItem({ id: t.id, day: first.day, matching: t.reports, reports: t.reports, article: first.article, idx: first.idx }));
        }
        if (batch.length < p.limit) break;
      }
      const all = prepared('SELECT count(*) FROM statements WHERE reports >= @min').pluck().get(params) as number;
      const undated = prepared(`SELECT count(DISTINCT sq.statement) FROM ${QUOTE_JOIN} JOIN statements t ON t.id = sq.statement
        WHERE q.date IS NULL AND t.reports >= @min AND NOT EXISTS (SELECT 1 FROM stm_quotes sq2 JOIN articles a2 ON a2.id = sq2.article
          JOIN quotes q2 ON q2.article = a2.rowid AND q2.idx = sq2.idx WHERE sq2.statement = sq.statement AND q2.date IS NOT NULL)`).pluck().get(params) as number;
      return { total: all - undated, items: rows };
    }
    // an entity's quotes start from its mentions, through stm_quotes_speaker (SQLite, left to itself, reads every quote of their articles)
    const from =
      p.cluster === null
        ? QUOTE_JOIN
        : `entity_nodes n JOIN entity_members m ON m.node = n.id JOIN stm_quotes sq INDEXED BY stm_quotes_speaker ON sq.article = m.article AND sq.speaker = m.idx
          JOIN articles a ON a.id = sq.article JOIN quotes q ON q.article = a.rowid AND q.idx = sq.idx`;
    const conditions = ['q.date IS NOT NULL', ...given.map((name) => (name === 'cluster' ? 'n.cluster = @cluster' : QUOTE_PASSES[name]))];
    // min() alone among the aggregates: the bare columns come from the earliest report (SQLite's rule)
    const grouped = `(SELECT sq.statement, min(q.date) AS day, count(*) AS matching, a.id AS article, q.idx AS idx FROM ${from}
      WHERE ${conditions.join(' AND ')} GROUP BY sq.statement) g JOIN statements t ON t.id = g.statement WHERE t.reports >= @min`;
    const rows = prepared(`SELECT g.statement AS id, g.day, g.matching, t.reports, g.article, g.idx, count(*) OVER () AS total FROM ${grouped}
      ORDER BY t.reports DESC, g.day, g.statement LIMIT @limit`).all(params) as Array<{ id: string; day: string; matching: number; reports: number; article: string; idx: number; total: number }>;
    const total = rows.length ? rows[0].total : p.limit > 0 ? 0 : (prepared(`SELECT count(*) FROM ${grouped}`).pluck().get(params) as number);
    return { total, items: rows.map(statementItem) };
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
        statements: statementsApply ? quotations(params) : { total: 0, items: [] },
        statementsApply,
        story,
        entity: entity && { id: entity.id, name: entity.name },
      };
    });
    return read.deferred();
  };
}
