/**
 * The filters of event and quote lists (EventFilter, QuoteFilter) as SQL over a row `e` of
 * `events` or `q` of `quotes`, built from the filters that are given only. A clause such as
 * `(@type IS NULL OR e.type = @type)` reads the same whatever is given, but SQLite plans it
 * once for every case, and so reads every row to test it; a condition that is only there when
 * its filter is lets each read use its index. Every condition is over the row alone, so a count
 * needs no join with the articles.
 */

/** The values of an event filter as the store has resolved them; null when not given. */
export interface EventSqlParams {
  /** The article's rowid. */
  article: number | null;
  type: string | null;
  /** The actor's match key (matchKey). */
  actor: string | null;
  /** An ISO country code in capitals. */
  country: string | null;
  /** A corpus entity's public id. */
  entity: string | null;
  from: string | null;
  to: string | null;
  /** A corpus event's id. */
  cevent: string | null;
}

/** The conditions to AND into a WHERE clause over `e`, and the parameters they name. */
export interface ListSql {
  conditions: string[];
  params: Record<string, string | number>;
}

/**
 * The condition of each filter over its parameter. Those that name other rows (an actor's
 * country, a corpus entity, a corpus event) read the keys of their events from that row's index
 * once (`KEY` the event's key): driving, the events are then looked up by primary key; walking
 * (the key written `+e.article`, which no index serves), the events are read in the order of a
 * list's index and each tested against the keys read, so that a page of the many events of a
 * large filter stops when it is full instead of sorting them all.
 */
const KEY = '§key';
const CONDITIONS: Record<keyof EventSqlParams, string> = {
  article: 'e.article = @article',
  // events_type_latest
  type: 'e.type = @type',
  // events_days
  from: 'e.last_day >= @from',
  to: 'e.first_day <= @to',
  // a substring of an actor's words or entity names: no index can find it; lists stop at their page
  actor: 'instr(e.actor_key, @actor) > 0',
  // event_actors_country
  country: `${KEY} IN (SELECT ea.article, ea.idx FROM event_actors ea WHERE ea.country = @country)`,
  // entity_clusters by public id, entity_nodes_cluster, entity_members_node, then event_actors_entity
  entity: `${KEY} IN (SELECT ea.article, ea.idx FROM entity_clusters c JOIN entity_nodes n ON n.cluster = c.id
    JOIN entity_members m ON m.node = n.id JOIN articles am ON am.id = m.article JOIN event_actors ea ON ea.article = am.rowid AND ea.entity = m.idx
    WHERE c.public_id = @entity)`,
  // cev_mentions_event
  cevent: `${KEY} IN (SELECT ac.rowid, cm.idx FROM cev_mentions cm JOIN articles ac ON ac.id = cm.article WHERE cm.event = @cevent)`,
};

/** Whether a filter names other rows whose events it reads by key (CONDITIONS), so that its events may be walked instead. */
export function keyedFilter(params: EventSqlParams): boolean {
  return params.country !== null || params.entity !== null || params.cevent !== null;
}

/** The values of a quote filter as the store has resolved them; null when not given. */
export interface QuoteSqlParams {
  /** The article's rowid. */
  article: number | null;
  /** The speaker's match key (matchKey). */
  speaker: string | null;
  /** An outlet's match key: of the outlets a quote names, or of its article's outlet. */
  via: string | null;
}

const QUOTE_CONDITIONS: Record<keyof QuoteSqlParams, string> = {
  article: 'q.article = @article',
  speaker: 'instr(q.speaker_key, @speaker) > 0',
  // the chain (quoteChain): the outlets named for the quote, then the article's publishing
  // outlet, whose match key (SQLite's lower() folds ASCII only) is computed once an article
  via: '(instr(q.via_key, @via) > 0 OR q.article IN (SELECT av.rowid FROM articles av WHERE instr(match_key(av.outlet), @via) > 0))',
};

/** The SQL of the quote filters given in `params`, in a fixed order. */
export function quoteSql(params: QuoteSqlParams): ListSql {
  return givenSql(QUOTE_CONDITIONS, params);
}

/**
 * The SQL of the filters given in `params`, in a fixed order, so that one set of filters is one
 * statement; with `walk`, the events of a keyed filter are walked, not driven (CONDITIONS).
 */
export function eventSql(params: EventSqlParams, options: { walk?: boolean } = {}): ListSql {
  const sql = givenSql(CONDITIONS, params);
  const key = options.walk ? '(+e.article, e.idx)' : '(e.article, e.idx)';
  return { ...sql, conditions: sql.conditions.map((c) => c.replace(KEY, key)) };
}

/** The conditions of the values given, in the order of `conditions`' keys. */
function givenSql<K extends string>(conditionOf: Record<K, string>, params: Record<K, string | number | null>): ListSql {
  const conditions: string[] = [];
  const given: Record<string, string | number> = {};
  for (const name of Object.keys(conditionOf) as K[]) {
    const value = params[name];
    if (value === null) continue;
    conditions.push(conditionOf[name]);
    given[name] = value;
  }
  return { conditions, params: given };
}

/** The conditions joined for a WHERE clause; `1` when there are none. */
export function whereOf(conditions: readonly string[]): string {
  return conditions.length ? conditions.join(' AND ') : '1';
}
