// @ts-check
// The page's state lives in the address: parseRoute reads a location hash, hrefOf writes one.

/**
 * @typedef {import('./types.js').Route} Route
 * @typedef {import('./types.js').ListFilters} ListFilters
 */

/**
 * Decodes a hash segment; a malformed escape is taken literally.
 * @param {string} segment
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** @param {string | undefined} text */
function pageNumber(text) {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The filters of a list or search that take one value: the publication days, and an outlet, a language, a story. */
const SINGLE_FILTERS = /** @type {const} */ (['from', 'to', 'outlet', 'language', 'story']);
/** The filters of a list or search that take several values, each of which an article must have: corpus entities and event types. */
const MULTI_FILTERS = /** @type {const} */ (['entity', 'type']);
/** The most values a filter of MULTI_FILTERS keeps from an address (the API refuses more). */
const MAX_MULTI = 10;

/**
 * The filters of a list or search hash's query part (`?from=2026-03-10&outlet=Meridian%20Wire&entity=e1&entity=e2`):
 * what is not a day, an outlet, a story or an entity the store knows is left for the API to refuse with its message.
 * @param {string} query
 * @returns {ListFilters}
 */
function parseListFilters(query) {
  const params = new URLSearchParams(query);
  /** @type {ListFilters} */
  const filters = {};
  for (const name of SINGLE_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  for (const name of MULTI_FILTERS) {
    const values = [...new Set(params.getAll(name).filter((v) => v !== ''))].slice(0, MAX_MULTI);
    if (values.length) filters[name] = values;
  }
  return filters;
}

/**
 * The query part of a list hash, or of an API request, for its filters: '' when there are none.
 * @param {ListFilters} filters
 */
export function listQuery(filters) {
  const params = new URLSearchParams();
  for (const name of SINGLE_FILTERS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  for (const name of MULTI_FILTERS) for (const value of filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The filters a list or search route holds, without its page and query.
 * @param {ListFilters} route
 * @returns {ListFilters}
 */
export function listFilters(route) {
  return parseListFilters(listQuery(route).slice(1));
}

/** The filters of the events table that the address holds. */
const EVENT_FILTERS = /** @type {const} */ (['type', 'actor', 'entity', 'country', 'from', 'to', 'fold', 'min', 'sort']);
/** What the quotes table's address holds besides its page. */
const QUOTE_FILTERS = /** @type {const} */ (['speaker', 'via', 'sort']);

/** The filters of the timeline that the address holds; its range is `from` and `to`. */
const TIMELINE_FILTERS = /** @type {const} */ (['story', 'entity', 'type', 'country', 'outlet', 'from', 'to']);

/**
 * The timeline's filters from a hash's query part; what the API refuses it says.
 * @param {string} query
 * @returns {import('./types.js').TimelineRoute}
 */
function parseTimelineFilters(query) {
  const params = new URLSearchParams(query);
  /** @type {import('./types.js').TimelineRoute} */
  const route = { name: 'timeline' };
  for (const name of TIMELINE_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) route[name] = value;
  }
  return route;
}

/**
 * The filters and page of the events table from a hash's query part; what the API refuses it says.
 * @param {string} query
 * @returns {Omit<import('./types.js').EventsRoute, 'name'>}
 */
function parseEventFilters(query) {
  const params = new URLSearchParams(query);
  /** @type {Omit<import('./types.js').EventsRoute, 'name'>} */
  const filters = { page: pageNumber(params.get('page') ?? undefined) };
  for (const name of EVENT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/**
 * The route a location hash names: `#/`, `#/page/2`, `#/search/<query>[/page/2]`, `#/article/<id>[?event=N|?quote=N]`,
 * `#/entity/<id>`, `#/story/<id>[?since=YYYY-MM-DD]`, `#/event/<id>` (a corpus event),
 * `#/events[?type&actor&entity&country&from&to&fold&min&sort&page]` (`fold=1`: one row per real-world event, `min` its fewest reports), `#/quotes[?speaker&via&sort&page]`
 * (`sort` the API's order of the whole table: a key, descending with a leading minus),
 * `#/timeline[?story&entity&type&country&outlet&from&to]`, `#/add` (bring articles in);
 * a list or search may end with its filters, `?from=YYYY-MM-DD&to=YYYY-MM-DD&outlet&language&story&entity&type`
 * (`entity` and `type` repeated for several).
 * @param {string} hash
 * @returns {Route}
 */
export function parseRoute(hash) {
  const whole = hash.replace(/^#\/?/, '');
  // a search query is encoded, so the first "?" starts the filter
  const cut = whole.indexOf('?');
  const path = cut < 0 ? whole : whole.slice(0, cut);
  const filters = cut < 0 ? {} : parseListFilters(whole.slice(cut + 1));
  const article = /^article\/([^/]+)/.exec(path);
  if (article) {
    // `?event=N` opens the article with its Nth event chosen, `?quote=N` with its Nth quote
    const params = new URLSearchParams(cut < 0 ? '' : whole.slice(cut + 1));
    const index = (/** @type {string} */ name) => {
      const value = params.get(name);
      const n = Number(value);
      return value && Number.isInteger(n) && n >= 0 ? n : undefined;
    };
    const event = index('event');
    const quote = index('quote');
    return { name: 'article', id: decodeSegment(article[1]), ...(event !== undefined ? { event } : {}), ...(quote !== undefined ? { quote } : {}) };
  }
  if (path === 'add') return { name: 'add' };
  if (path === 'events') return { name: 'events', ...parseEventFilters(cut < 0 ? '' : whole.slice(cut + 1)) };
  if (path === 'timeline') return parseTimelineFilters(cut < 0 ? '' : whole.slice(cut + 1));
  if (path === 'quotes') {
    const params = new URLSearchParams(cut < 0 ? '' : whole.slice(cut + 1));
    /** @type {import('./types.js').QuotesRoute} */
    const route = { name: 'quotes', page: pageNumber(params.get('page') ?? undefined) };
    for (const name of QUOTE_FILTERS) {
      const value = params.get(name)?.trim();
      if (value) route[name] = value;
    }
    return route;
  }
  const corpus = /^(entity|story|event)\/([^/]+)/.exec(path);
  if (corpus && corpus[1] === 'story') {
    // `?since=YYYY-MM-DD`: what changed in the story on that day or after
    const since = new URLSearchParams(cut < 0 ? '' : whole.slice(cut + 1)).get('since')?.trim();
    return { name: 'story', id: decodeSegment(corpus[2]), ...(since ? { since } : {}) };
  }
  if (corpus) return { name: corpus[1] === 'entity' ? 'entity' : 'event', id: decodeSegment(corpus[2]) };
  const search = /^search\/(.*?)(?:\/page\/(\d+))?$/.exec(path);
  if (search) {
    const query = decodeSegment(search[1]);
    if (query.trim()) return { name: 'search', query, page: pageNumber(search[2]), ...filters };
  }
  const page = /^page\/(\d+)$/.exec(path);
  return { name: 'list', page: pageNumber(page?.[1]), ...filters };
}

/**
 * The hash of a route.
 * @param {Route} route
 */
export function hrefOf(route) {
  if (route.name === 'add') return '#/add';
  if (route.name === 'article') return `#/article/${encodeURIComponent(route.id)}${route.event !== undefined ? `?event=${route.event}` : route.quote !== undefined ? `?quote=${route.quote}` : ''}`;
  if (route.name === 'story') return `#/story/${encodeURIComponent(route.id)}${route.since ? `?since=${encodeURIComponent(route.since)}` : ''}`;
  if (route.name === 'entity' || route.name === 'event') return `#/${route.name}/${encodeURIComponent(route.id)}`;
  if (route.name === 'timeline') {
    const params = new URLSearchParams();
    for (const name of TIMELINE_FILTERS) if (route[name]) params.set(name, /** @type {string} */ (route[name]));
    const query = params.toString();
    return `#/timeline${query ? `?${query}` : ''}`;
  }
  if (route.name === 'events' || route.name === 'quotes') {
    const params = new URLSearchParams();
    const filters = route.name === 'events' ? EVENT_FILTERS : QUOTE_FILTERS;
    for (const name of filters) {
      const value = /** @type {Record<string, unknown>} */ (route)[name];
      if (typeof value === 'string' && value) params.set(name, value);
    }
    if (route.page > 1) params.set('page', String(route.page));
    const query = params.toString();
    return `#/${route.name}${query ? `?${query}` : ''}`;
  }
  const page = route.page > 1 ? `/page/${route.page}` : '';
  const query = listQuery(route);
  if (route.name === 'search') return `#/search/${encodeURIComponent(route.query)}${page}${query}`;
  return `#${page || '/'}${query}`;
}
