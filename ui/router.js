// @ts-check
// The page's state lives in the address: parseRoute reads a location hash, hrefOf writes one.

/**
 * @typedef {import('./types.js').Route} Route
 * @typedef {import('./types.js').DateRange} DateRange
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

/**
 * The publication-day filter of a list hash's query part (`?from=2026-03-10&to=2026-03-14`);
 * what is not a `YYYY-MM-DD` day is left for the API to refuse with its message.
 * @param {string} query
 * @returns {DateRange}
 */
function parseDateRange(query) {
  const params = new URLSearchParams(query);
  /** @type {DateRange} */
  const range = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from) range.from = from;
  if (to) range.to = to;
  return range;
}

/**
 * The query part of a list hash for a date filter: '' when there is none.
 * @param {DateRange} range
 */
export function dateQuery(range) {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The filters of the events table that the address holds. */
const EVENT_FILTERS = /** @type {const} */ (['type', 'actor', 'entity', 'country', 'from', 'to', 'fold', 'min']);

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
 * The route a location hash names: `#/`, `#/page/2`, `#/search/<query>[/page/2]`, `#/article/<id>[?event=N]`,
 * `#/entity/<id>`, `#/story/<id>`, `#/event/<id>` (a corpus event),
 * `#/events[?type&actor&entity&country&from&to&fold&min&page]` (`fold=1`: one row per real-world event, `min` its fewest reports), `#/quotes[?speaker&via&page]`;
 * a list or search may end with a date filter, `?from=YYYY-MM-DD&to=YYYY-MM-DD`.
 * @param {string} hash
 * @returns {Route}
 */
export function parseRoute(hash) {
  const whole = hash.replace(/^#\/?/, '');
  // a search query is encoded, so the first "?" starts the filter
  const cut = whole.indexOf('?');
  const path = cut < 0 ? whole : whole.slice(0, cut);
  const range = cut < 0 ? {} : parseDateRange(whole.slice(cut + 1));
  const article = /^article\/([^/]+)/.exec(path);
  if (article) {
    // `?event=N` opens the article with its Nth event chosen
    const event = Number(new URLSearchParams(cut < 0 ? '' : whole.slice(cut + 1)).get('event') ?? '');
    return { name: 'article', id: decodeSegment(article[1]), ...(Number.isInteger(event) && event >= 0 && cut >= 0 ? { event } : {}) };
  }
  if (path === 'events') return { name: 'events', ...parseEventFilters(cut < 0 ? '' : whole.slice(cut + 1)) };
  if (path === 'quotes') {
    const params = new URLSearchParams(cut < 0 ? '' : whole.slice(cut + 1));
    const speaker = params.get('speaker')?.trim();
    const via = params.get('via')?.trim();
    return { name: 'quotes', page: pageNumber(params.get('page') ?? undefined), ...(speaker ? { speaker } : {}), ...(via ? { via } : {}) };
  }
  const corpus = /^(entity|story|event)\/([^/]+)/.exec(path);
  if (corpus) return { name: corpus[1] === 'entity' ? 'entity' : corpus[1] === 'event' ? 'event' : 'story', id: decodeSegment(corpus[2]) };
  const search = /^search\/(.*?)(?:\/page\/(\d+))?$/.exec(path);
  if (search) {
    const query = decodeSegment(search[1]);
    if (query.trim()) return { name: 'search', query, page: pageNumber(search[2]), ...range };
  }
  const page = /^page\/(\d+)$/.exec(path);
  return { name: 'list', page: pageNumber(page?.[1]), ...range };
}

/**
 * The hash of a route.
 * @param {Route} route
 */
export function hrefOf(route) {
  if (route.name === 'article') return `#/article/${encodeURIComponent(route.id)}${route.event !== undefined ? `?event=${route.event}` : ''}`;
  if (route.name === 'entity' || route.name === 'story' || route.name === 'event') return `#/${route.name}/${encodeURIComponent(route.id)}`;
  if (route.name === 'events' || route.name === 'quotes') {
    const params = new URLSearchParams();
    const filters = route.name === 'events' ? EVENT_FILTERS : /** @type {const} */ (['speaker', 'via']);
    for (const name of filters) {
      const value = /** @type {Record<string, unknown>} */ (route)[name];
      if (typeof value === 'string' && value) params.set(name, value);
    }
    if (route.page > 1) params.set('page', String(route.page));
    const query = params.toString();
    return `#/${route.name}${query ? `?${query}` : ''}`;
  }
  const page = route.page > 1 ? `/page/${route.page}` : '';
  const dates = dateQuery(route);
  if (route.name === 'search') return `#/search/${encodeURIComponent(route.query)}${page}${dates}`;
  return `#${page || '/'}${dates}`;
}
