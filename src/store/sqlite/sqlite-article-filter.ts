import type Database from 'better-sqlite3';
import type { EventType } from '../../doc/doc.ts';
import { EVENT_TYPES } from '../../events/plover.ts';
import { FACET_NAMES, FACET_SAMPLE, FilterError, MAX_PAGE_SIZE, type ArticleFilter, type FacetName, type FacetValue, type ResultFacets } from '../store.ts';
import { JUNK_SQL, junkSqlParams } from './sqlite-corpus-reads.ts';

/**
 * The filters of an ArticleFilter besides dates, as SQL over `articles a`, and the facets of a
 * result: every condition and every count reads an index (named beside it), never the text.
 */

/**
 * The condition each filter adds, over the parameter it is given: an entity's is the corpus
 * entity's row id, found once from its public id.
 */
const CONDITIONS: Record<FacetName, (param: string) => string> = {
  // articles_outlet, articles_language
  outlet: (p) => `a.outlet = @${p}`,
  language: (p) => `a.language = @${p}`,
  // story_members_story
  story: (p) => `a.id IN (SELECT sm.article FROM story_members sm WHERE sm.story = @${p})`,
  // entity_nodes_cluster, then entity_members_node
  entity: (p) => `a.id IN (SELECT m.article FROM entity_nodes n JOIN entity_members m ON m.node = n.id WHERE n.cluster = @${p})`,
  // events_type, which holds the event's article; the unary + keeps SQLite from reading this
  // list and an id list as one two-column key of articles' id index (their cross product)
  type: (p) => `+a.rowid IN (SELECT e.article FROM events e WHERE e.type = @${p})`,
};

/**
 * The count of each facet over the articles of a result counted (`r`, their rowids, from the
 * JSON array `@ids`): each joins them to one index (the articles' own columns; story_members;
 * entity_members and entity_nodes; events by article), groups, and keeps the first `@top`, most
 * articles first; entities that are probably not names are left out.
 */
const COUNTED = 'WITH r AS (SELECT value AS rid FROM json_each(@ids))';
const FACET_SQL: Record<FacetName, string> = {
  outlet: `${COUNTED} SELECT a.outlet AS value, a.outlet AS label, count(*) AS count FROM r JOIN articles a ON a.rowid = r.rid
    WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY count DESC, value LIMIT @top`,
  language: `${COUNTED} SELECT a.language AS value, a.language AS label, count(*) AS count FROM r JOIN articles a ON a.rowid = r.rid
    WHERE a.language IS NOT NULL GROUP BY a.language ORDER BY count DESC, value LIMIT @top`,
  story: `${COUNTED} SELECT sm.story AS value, s.title AS label, count(*) AS count FROM r JOIN articles a ON a.rowid = r.rid
    JOIN story_members sm ON sm.article = a.id JOIN stories s ON s.id = sm.story
    GROUP BY sm.story ORDER BY count DESC, label, value LIMIT @top`,
  // an article may name one entity under several spellings: each article counts once
  entity: `${COUNTED} SELECT c.public_id AS value, c.name AS label, c.type AS entityType, x.count FROM (
      SELECT n.cluster, count(DISTINCT m.article) AS count FROM r JOIN articles a ON a.rowid = r.rid
      JOIN entity_members m ON m.article = a.id JOIN entity_nodes n ON n.id = m.node GROUP BY n.cluster
    ) x JOIN entity_clusters c ON c.id = x.cluster WHERE NOT ${JUNK_SQL} ORDER BY x.count DESC, c.mentions DESC, c.name, c.public_id LIMIT @top`,
  type: `${COUNTED} SELECT e.type AS value, e.type AS label, count(DISTINCT e.article) AS count FROM r
    JOIN events e ON e.article = r.rid GROUP BY e.type ORDER BY count DESC, value LIMIT @top`,
};

/** A filter as SQL: the conditions to add to a WHERE clause over `articles a`, and their parameters. */
export interface FilterSql {
  conditions: string[];
  params: Record<string, string | number>;
}

/** The values of a filter that are given: strings with something in them. */
function given(name: FacetName, value: string | readonly string[] | undefined): string[] {
  const values = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  for (const v of values) if (typeof v !== 'string') throw new TypeError(`an article filter's ${name} must be a string, got ${JSON.stringify(v)}`);
  return values.filter((v) => v.trim() !== '');
}

/**
 * The article filters and facets of an SQLite store: `where` turns an ArticleFilter into SQL
 * (finding story and entity ids, checking that an outlet or language is known), `facets`
 * counts a result's facets. `prepared` prepares a statement once for each SQL text.
 */
export function sqliteArticleFilter(db: Database.Database, prepared: (sql: string) => Database.Statement) {
  const st = {
    story: db.prepare('SELECT id FROM stories WHERE id = ?').pluck(),
    storyPrefix: db.prepare("SELECT id FROM stories WHERE id >= ? AND id < ? || x'ff' ORDER BY id LIMIT 2").pluck(),
    cluster: db.prepare('SELECT id FROM entity_clusters WHERE public_id = ?').pluck(),
    clusterPrefix: db.prepare("SELECT id FROM entity_clusters WHERE public_id >= ? AND public_id < ? || x'ff' ORDER BY public_id LIMIT 2").pluck(),
    outlet: db.prepare('SELECT 1 FROM articles WHERE outlet = ? LIMIT 1').pluck(),
    language: db.prepare('SELECT 1 FROM articles WHERE language = ? LIMIT 1').pluck(),
  };

  /** The one row an id names, itself or as the unique prefix of one; a FilterError otherwise. */
  const byId = <T>(filter: 'story' | 'entity', id: string, exact: Database.Statement, prefix: Database.Statement): T => {
    const found = exact.get(id) as T | undefined;
    if (found !== undefined) return found;
    const rows = prefix.all(id, id) as T[];
    if (rows.length === 1) return rows[0];
    const what = filter === 'story' ? 'story' : 'corpus entity';
    throw new FilterError(filter, id, rows.length ? `"${id}" starts the ids of several ${filter === 'story' ? 'stories' : 'corpus entities'}; give more of the id` : `no ${what} with id "${id}"`);
  };

  return {
    where(filter: ArticleFilter): FilterSql {
      const conditions: string[] = [];
      const params: FilterSql['params'] = {};
      /** Adds a filter's condition over a value, under a parameter name of its own. */
      const add = (name: FacetName, value: string | number) => {
        const param = `${name}${conditions.length}`;
        conditions.push(CONDITIONS[name](param));
        params[param] = value;
      };
      for (const outlet of given('outlet', filter.outlet)) {
        if (st.outlet.get(outlet) === undefined) throw new FilterError('outlet', outlet, `no article has the outlet "${outlet}" (outlets are matched as the articles write them)`);
        add('outlet', outlet);
      }
      for (const language of given('language', filter.language)) {
        if (st.language.get(language) === undefined) throw new FilterError('language', language, `no article is in the language "${language}"`);
        add('language', language);
      }
      for (const story of given('story', filter.story)) add('story', byId<string>('story', story.trim(), st.story, st.storyPrefix));
      for (const entity of given('entity', filter.entity)) add('entity', byId<number>('entity', entity.trim(), st.cluster, st.clusterPrefix));
      for (const type of given('type', filter.type)) {
        if (!EVENT_TYPES.includes(type as EventType)) throw new TypeError(`an article filter's type must be a PLOVER event type, got ${JSON.stringify(type)}`);
        add('type', type);
      }
      return { conditions, params };
    },

    /**
     * The first `top` values of each facet over the first FACET_SAMPLE articles of the result
     * `from` (its `FROM … WHERE …` over `articles a`, with its parameters) in the result's
     * `order`, and how many articles that was; a TypeError on a `top` out of range.
     */
    facets(from: string, order: string, params: Record<string, unknown>, top: number): { facets: ResultFacets; facetsCounted: number } {
      if (!Number.isInteger(top) || top < 0 || top > MAX_PAGE_SIZE) throw new TypeError(`facets must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${top}`);
      const ids = prepared(`SELECT a.rowid ${from} ORDER BY ${order} LIMIT ${FACET_SAMPLE}`).pluck().all(params) as number[];
      const facets = {} as ResultFacets;
      for (const name of FACET_NAMES) {
        facets[name] = prepared(FACET_SQL[name]).all({ ids: JSON.stringify(ids), ...(name === 'entity' ? junkSqlParams() : {}), top }) as FacetValue[];
      }
      return { facets, facetsCounted: ids.length };
    },
  };
}
