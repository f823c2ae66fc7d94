import type Database from 'better-sqlite3';
import { EVENT_TYPES } from '../../events/plover.ts';
import { isIsoDay } from '../date-range.ts';
import { FilterError, MAX_PAGE_SIZE } from '../store.ts';
import { TIMELINE_ITEMS, type Timeline, type TimelineFilter, type TimelineStatement } from '../timeline.ts';
import { corpusEventSummaries, type CorpusEventSql } from './sqlite-corpus-events.ts';

/**
 * The timeline of an SQLite store (Store.timeline). `eventFilter` is the store's condition on
 * an event row `e` of article `a` (as corpus event lists take it), for the filters only reports
 * answer: who acted or on whom, and their countries.
 *
 * Each filter is an uncorrelated list read once over an index (story_members_story,
 * articles_outlet, entity_nodes_cluster then entity_members_node), so a story of many
 * articles costs a read of its members, not a probe per item; only the `limit` most reported
 * items are summarised.
 */
export function sqliteTimeline(db: Database.Database, eventFilter: string): (filter: TimelineFilter) => Timeline {
  // dated events whose days overlap the range, told by some report that passes every filter
  const eventWhere = `c.first_day IS NOT NULL AND (@type IS NULL OR c.type = @type)
    AND (@from IS NULL OR c.last_day >= @from) AND (@to IS NULL OR c.first_day <= @to) AND c.reports >= @min
    AND (@story IS NULL OR c.id IN (SELECT cm.event FROM story_members sm JOIN cev_mentions cm ON cm.article = sm.article WHERE sm.story = @story))
    AND (@outlet IS NULL OR c.id IN (SELECT cm.event FROM articles a JOIN cev_mentions cm ON cm.article = a.id WHERE a.outlet = @outlet))
    AND ((@entity IS NULL AND @country IS NULL) OR EXISTS (SELECT 1 FROM cev_mentions cm JOIN articles a ON a.id = cm.article JOIN events e ON e.article = a.rowid AND e.idx = cm.idx
      WHERE cm.event = c.id AND ${eventFilter}
        AND (@outlet IS NULL OR a.outlet = @outlet) AND (@story IS NULL OR a.id IN (SELECT sm.article FROM story_members sm WHERE sm.story = @story))))`;
  // the quotes dated in the range that pass every filter, each with its statement
  const quotesFrom = `FROM quotes q JOIN articles a ON a.rowid = q.article JOIN stm_quotes sq ON sq.article = a.id AND sq.idx = q.idx
    WHERE q.date IS NOT NULL AND (@from IS NULL OR q.date >= @from) AND (@to IS NULL OR q.date <= @to)
    AND (@story IS NULL OR a.id IN (SELECT sm.article FROM story_members sm WHERE sm.story = @story))
    AND (@outlet IS NULL OR a.outlet = @outlet)
    AND (@cluster IS NULL OR (sq.article, sq.speaker) IN (SELECT m.article, m.idx FROM entity_nodes n JOIN entity_members m ON m.node = n.id WHERE n.cluster = @cluster))`;
  // min() alone among the aggregates: the bare columns come from the earliest report (SQLite's rule)
  const statements = `(SELECT sq.statement, min(q.date) AS day, count(*) AS matching, a.id AS article, q.idx AS idx ${quotesFrom} GROUP BY sq.statement) g
    JOIN statements t ON t.id = g.statement WHERE t.reports >= @min`;
  const st = {
    // count(*) OVER () counts every row that passes before LIMIT cuts them: the total in the same read
    events: db.prepare(`SELECT c.*, count(*) OVER () AS total FROM corpus_events c WHERE ${eventWhere} ORDER BY c.reports DESC, c.first_day, c.id LIMIT @limit`),
    eventTotal: db.prepare(`SELECT count(*) FROM corpus_events c WHERE ${eventWhere}`).pluck(),
    statements: db.prepare(`SELECT g.statement AS id, g.day, g.matching, t.reports, g.article, g.idx, count(*) OVER () AS total FROM ${statements} ORDER BY t.reports DESC, g.day, g.statement LIMIT @limit`),
    statementTotal: db.prepare(`SELECT count(*) FROM ${statements}`).pluck(),
    quote: db.prepare(`SELECT q.speaker, q.content, q.date_from AS dateFrom, a.title, a.outlet FROM quotes q JOIN articles a ON a.rowid = q.article WHERE a.id = ? AND q.idx = ?`),
    story: db.prepare("SELECT id, title FROM stories WHERE id = ? OR (id >= ? AND id < ? || x'ff') ORDER BY id = ? DESC, id LIMIT 2"),
    entity: db.prepare("SELECT id AS cluster, public_id AS id, name FROM entity_clusters WHERE public_id = ? OR (public_id >= ? AND public_id < ? || x'ff') ORDER BY public_id = ? DESC, public_id LIMIT 2"),
    outlet: db.prepare('SELECT 1 FROM articles WHERE outlet = ? LIMIT 1').pluck(),
  };
  const summaryOf = corpusEventSummaries(db);
  /** The total a page of rows carries; counted apart only when the page is empty because the limit is 0. */
  const totalOf = (rows: Array<{ total: number }>, count: Database.Statement, params: Record<string, unknown>) =>
    rows.length ? rows[0].total : (params.limit as number) > 0 ? 0 : (count.get(params) as number);

  /** The one row an id or a unique prefix of one names; a FilterError otherwise. */
  const one = <T>(name: 'story' | 'entity', id: string, statement: Database.Statement): T => {
    const rows = statement.all(id, id, id, id) as T[];
    const exact = rows.length && (rows[0] as { id: string }).id === id;
    if (exact || rows.length === 1) return rows[0];
    const what = name === 'story' ? ['story', 'stories'] : ['corpus entity', 'corpus entities'];
    throw new FilterError(name, id, rows.length ? `"${id}" starts the ids of several ${what[1]}; give more of the id` : `no ${what[0]} with id "${id}"`);
  };

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
      const shared = { story: story?.id ?? null, outlet, from: filter.from ?? null, to: filter.to ?? null, min, limit };
      const eventParams = { ...shared, type: filter.type ?? null, country, entity: entity?.id ?? null, article: null, actor: null, cevent: null };
      const eventRows = st.events.all(eventParams) as Array<CorpusEventSql & { total: number }>;
      const events = { total: totalOf(eventRows, st.eventTotal, eventParams), items: eventRows.map(summaryOf) };
      // statements are quotations, not typed acts: a filter only events answer leaves them out
      const statementsApply = filter.type === undefined && country === null;
      if (!statementsApply) return { events, statements: { total: 0, items: [] }, statementsApply, story, entity: entity && { id: entity.id, name: entity.name } };
      const statementParams = { ...shared, cluster: entity?.cluster ?? null };
      const rows = st.statements.all(statementParams) as Array<{ id: string; day: string; matching: number; reports: number; article: string; idx: number; total: number }>;
      const items = rows.map((r): TimelineStatement => {
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
      });
      return { events, statements: { total: totalOf(rows, st.statementTotal, statementParams), items }, statementsApply, story, entity: entity && { id: entity.id, name: entity.name } };
    });
    return read.deferred();
  };
}
