import {
  CORPUS_EVENT_SORT_KEYS,
  EVENT_SORT_KEYS,
  QUOTE_SORT_KEYS,
  parseSort,
  type CorpusEventSort,
  type EventSort,
  type QuoteSort,
} from '../list-sort.ts';

/**
 * The ORDER BY clauses of the corpus tables in an SQLite store, one for each sort (list-sort.ts).
 * Each puts rows without a value for its key last, then falls back on the list's default order,
 * so that a page is the same on every read. Over an event row `e` of article `a`, a quote row `q`
 * of article `a`, or a corpus event row `c`.
 */

/**
 * The order of article lists: newest published first, undated last (SQLite sorts NULL before
 * every value), then the latest stored: the order of the index articles_published read
 * backwards, so that a page, of articles or of their quotes, is read without sorting.
 */
export const NEWEST_FIRST = 'a.published DESC, a.rowid DESC';

/**
 * The default order of event lists: the latest dated first, undated last, then their articles
 * newest first (the article's publication date kept on the event, its rowid the event's
 * `article`). SQLite sorts NULL before every value, so a descending key puts it last: the order
 * of the index events_latest, which a page reads without sorting.
 */
const EVENTS_LATEST = 'e.first_day DESC, e.published DESC, e.article DESC, e.idx';
/** How many reports an event row's corpus event has; NULL while its article is not connected. */
const EVENT_REPORTS = '(SELECT c.reports FROM cev_mentions m JOIN corpus_events c ON c.id = m.event WHERE m.article = a.id AND m.idx = e.idx)';

const way = (descending: boolean) => (descending ? 'DESC' : 'ASC');

/** ORDER BY of Store.events. */
export function eventOrder(sort: EventSort | undefined): string {
  const order = parseSort(sort, EVENT_SORT_KEYS);
  if (!order) return EVENTS_LATEST;
  const dir = way(order.descending);
  switch (order.key) {
    case 'date':
      return order.descending ? EVENTS_LATEST : `e.first_day IS NULL, e.first_day ASC, ${NEWEST_FIRST}, e.idx`;
    case 'type':
      return `e.type ${dir}, ${EVENTS_LATEST}`;
    case 'outlet':
      return `a.outlet IS NULL, a.outlet COLLATE NOCASE ${dir}, ${EVENTS_LATEST}`;
    case 'reports':
      // one lookup a row: an event not yet connected sorts after every count either way
      return `coalesce(${EVENT_REPORTS}, ${order.descending ? -1 : Number.MAX_SAFE_INTEGER}) ${dir}, ${EVENTS_LATEST}`;
  }
}

/** The default order of corpus event lists: the latest first, undated last (NULL sorts first), the most reported first on a day; the index corpus_events_latest. */
const CORPUS_EVENTS_LATEST = 'c.first_day DESC, c.reports DESC, c.id';

/** ORDER BY of Store.corpusEvents. */
export function corpusEventOrder(sort: CorpusEventSort | undefined): string {
  const order = parseSort(sort, CORPUS_EVENT_SORT_KEYS);
  if (!order) return CORPUS_EVENTS_LATEST;
  const dir = way(order.descending);
  switch (order.key) {
    case 'date':
      return order.descending ? CORPUS_EVENTS_LATEST : 'c.first_day IS NULL, c.first_day ASC, c.reports DESC, c.id';
    case 'type':
      return `c.type ${dir}, ${CORPUS_EVENTS_LATEST}`;
    case 'reports':
      return `c.reports ${dir}, ${CORPUS_EVENTS_LATEST}`;
  }
}

/** The default order of quote lists: their articles newest first, then in the article's order. */
const QUOTES_NEWEST = `${NEWEST_FIRST}, q.idx`;

/** ORDER BY of Store.quotes. */
export function quoteOrder(sort: QuoteSort | undefined): string {
  const order = parseSort(sort, QUOTE_SORT_KEYS);
  if (!order) return QUOTES_NEWEST;
  const dir = way(order.descending);
  switch (order.key) {
    case 'date':
      return `q.date IS NULL, q.date ${dir}, ${QUOTES_NEWEST}`;
    case 'speaker':
      // an unknown speaker is the empty name
      return `q.speaker_key = '', q.speaker_key ${dir}, ${QUOTES_NEWEST}`;
    case 'outlet':
      return `a.outlet IS NULL, a.outlet COLLATE NOCASE ${dir}, ${QUOTES_NEWEST}`;
  }
}
