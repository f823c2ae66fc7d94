// @ts-check
// The sidebar view: the article list or search results, paged, with the publication-date filter
// and the facets of the result (outlets, languages, stories, names, event types) as filters. It
// shows the list or search the address names, or, while the main pane shows a view, the one
// that view was opened from (app.js keeps it).

import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage, getJson } from '../api.js';
import { BadgeRow } from '../components/badges.js';
import { FacetList } from '../components/facet-list.js';
import { formatDate, languageName, plural, summaryTitle } from '../format.js';
import { html } from '../html.js';
import { hrefOf, listFilters, listQuery } from '../router.js';

/**
 * @typedef {import('../types.js').ArticleSummary} ArticleSummary
 * @typedef {import('../types.js').SnippetPiece} SnippetPiece
 * @typedef {import('../types.js').ListResponse} ListResponse
 * @typedef {import('../types.js').SearchResponse} SearchResponse
 * @typedef {import('../types.js').ListRoute} ListRoute
 * @typedef {import('../types.js').Route} Route
 * @typedef {import('../types.js').Facets} Facets
 * @typedef {import('../types.js').FacetName} FacetName
 * @typedef {import('../types.js').FacetValue} FacetValue
 * @typedef {import('../types.js').ListFilters} ListFilters
 */

const LIST_PAGE_SIZE = 50;
const SEARCH_PAGE_SIZE = 20;
/** How many values of each facet the sidebar shows. */
const FACET_VALUES = 5;

/**
 * The facets in the order the sidebar shows them, with their titles and how a value reads.
 * @type {Array<{ name: FacetName, title: string, labelOf: (value: FacetValue) => string }>}
 */
const FACETS = [
  { name: 'outlet', title: 'Outlet', labelOf: (v) => v.label ?? v.value },
  { name: 'language', title: 'Language', labelOf: (v) => languageName(v.value) },
  { name: 'story', title: 'Story', labelOf: (v) => v.label?.trim() || 'Untitled story' },
  { name: 'entity', title: 'Name', labelOf: (v) => v.label ?? v.value },
  { name: 'type', title: 'Event type', labelOf: (v) => v.value },
];

/**
 * What the sidebar last loaded: the route it asked for, and the API's answer or its error.
 * @typedef {{ route: ListRoute, body: ListResponse | SearchResponse | null, error: unknown }} Loaded
 */

/**
 * The sidebar (`aside.sidebar`) for a list or search route. `version` grows when the same
 * address is asked for again (a search sent twice, articles added): the list is loaded anew.
 * `current` is the article the main pane shows, marked in the list; `go` goes to an address,
 * or shows the current one again.
 * @param {{ route: ListRoute, version: number, current: string | null, go: (href: string) => void }} props
 */
export function Sidebar({ route, version, current, go }) {
  const href = hrefOf(route);
  const [loaded, setLoaded] = useState(/** @type {Loaded | null} */ (null));
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    getJson(apiPath(route))
      .then((body) => live && setLoaded({ route, body: /** @type {ListResponse | SearchResponse} */ (body), error: null }))
      .catch((error) => live && setLoaded({ route, body: null, error }))
      .finally(() => live && setLoading(false));
    // an answer to an older request is dropped
    return () => {
      live = false;
    };
  }, [href, version]);

  const body = loaded?.body ?? null;
  const items = !body ? [] : 'hits' in body ? body.hits.map((hit) => ({ article: hit, snippet: hit.snippet })) : body.articles.map((article) => ({ article, snippet: null }));
  const status = loading ? 'Loading…' : loaded && body ? statusOf(loaded.route, body) : null;
  return html`
    <aside class="sidebar" aria-labelledby="sidebar-title">
      <div class="sidebar-head">
        <h2 id="sidebar-title">${route.name === 'search' ? 'Search results' : 'Articles'}</h2>
        <p class="sidebar-count" id="sidebar-count" aria-live="polite">${body ? countOf(body) : ''}</p>
      </div>
      <${DateFilter} route=${route} go=${go} />
      ${loaded ? html`<${Facets} route=${loaded.route} facets=${body?.facets ?? null} />` : null}
      ${!loading && loaded?.error ? html`<p class="notice notice-error" id="sidebar-error" role="alert"><strong>${errorHeadline(loaded.route, loaded.error)}</strong><span class="notice-detail">${errorMessage(loaded.error)}</span></p>` : null}
      ${status ? html`<p class="notice" id="sidebar-status">${status}</p>` : null}
      <ol class="article-list" id="article-list" aria-busy=${loading ? 'true' : undefined}>
        ${items.map(({ article, snippet }) => html`<${ListItem} key=${article.id} article=${article} snippet=${snippet} current=${article.id === current} />`)}
      </ol>
      ${loaded && body ? html`<${Pager} route=${loaded.route} body=${body} />` : null}
    </aside>
  `;
}

/**
 * The API path of a list page or search results, with the result's facets.
 * @param {ListRoute} route
 */
function apiPath(route) {
  const size = route.name === 'search' ? SEARCH_PAGE_SIZE : LIST_PAGE_SIZE;
  const offset = (route.page - 1) * size;
  const filters = `${listQuery(route).replace('?', '&')}&facets=${FACET_VALUES}`;
  return route.name === 'search'
    ? `/api/search?q=${encodeURIComponent(route.query)}&limit=${size}&offset=${offset}${filters}`
    : `/api/articles?fold=1&limit=${size}&offset=${offset}${filters}`;
}

/** @param {ListResponse | SearchResponse} body */
function countOf(body) {
  return 'hits' in body ? `${plural(body.total, 'result', 'results')} for “${body.query}”` : plural(body.total, 'article', 'articles');
}

/**
 * What the list says when it shows nothing; null when it shows articles.
 * @param {ListRoute} route
 * @param {ListResponse | SearchResponse} body
 */
function statusOf(route, body) {
  if ('hits' in body) {
    return body.total === 0 ? `No articles${route.from || route.to ? ' published in that range' : ''}${hasFacetFilter(route) ? ' with these filters' : ''} match “${body.query}”.` : null;
  }
  if (body.total === 0 && hasFacetFilter(route)) return 'No articles match these filters.';
  if (body.total === 0) return route.from || route.to ? 'No articles were published in that range.' : 'No articles yet. Add some with “dossier ingest <files>”.';
  if (body.articles.length === 0) return 'Nothing on this page.';
  return null;
}

/**
 * The headline of an answer that failed: the search, the filters or the dates cannot be used, or the list could not be loaded.
 * @param {ListRoute} route
 * @param {unknown} error
 */
function errorHeadline(route, error) {
  const badFilter = error instanceof ApiError && error.code === 'bad-parameter';
  if (error instanceof ApiError && error.code === 'bad-query') return 'This search cannot be run.';
  if (badFilter && hasFacetFilter(route)) return 'These filters cannot be used.';
  if (badFilter && (!!route.from || !!route.to)) return 'These dates cannot be used.';
  return 'Could not load the articles.';
}

/**
 * The publication-date filter of what the sidebar shows, list or search; it goes to that from its first page.
 * @param {{ route: ListRoute, go: (href: string) => void }} props
 */
function DateFilter({ route, go }) {
  const [from, setFrom] = useState(route.from ?? '');
  const [to, setTo] = useState(route.to ?? '');
  // another list or search: its own dates
  useEffect(() => {
    setFrom(route.from ?? '');
    setTo(route.to ?? '');
  }, [hrefOf(route)]);
  const filtered = !!route.from || !!route.to;
  /** @param {SubmitEvent} event */
  const onSubmit = (event) => {
    event.preventDefault();
    go(hrefOf({ ...route, page: 1, from: from || undefined, to: to || undefined }));
  };
  return html`
    <form class="date-filter" id="date-filter" aria-label="Filter by publication date" onSubmit=${onSubmit}>
      <label for="date-from">From</label>
      <input id="date-from" name="from" type="date" value=${from} onInput=${(/** @type {Event} */ e) => setFrom(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
      <label for="date-to">to</label>
      <input id="date-to" name="to" type="date" value=${to} onInput=${(/** @type {Event} */ e) => setTo(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
      <button type="submit">Filter</button>
      <a class="date-clear" id="date-clear" href=${hrefOf({ ...route, page: 1, from: undefined, to: undefined })} hidden=${!filtered}>Clear</a>
      <p class="date-filter-note" id="date-filter-note" hidden=${!filtered}>Only articles with a publication date in this range; undated articles are left out.</p>
    </form>
  `;
}

/** The filters the facets choose (not the dates). */
const FACET_NAMES = /** @type {const} */ (['outlet', 'language', 'story', 'entity', 'type']);

/**
 * True when the route has a filter the facets choose.
 * @param {ListRoute} route
 */
function hasFacetFilter(route) {
  return FACET_NAMES.some((name) => {
    const value = route[name];
    return Array.isArray(value) ? value.length > 0 : !!value;
  });
}

/**
 * The route's list or search, from its first page, with its filters changed by `change`.
 * @param {ListRoute} route
 * @param {(filters: ListFilters) => ListFilters} change
 */
function refiltered(route, change) {
  const filters = change(listFilters(route));
  return hrefOf(route.name === 'search' ? { name: 'search', query: route.query, page: 1, ...filters } : { name: 'list', page: 1, ...filters });
}

/**
 * The address with a facet's value chosen as well, or dropped when it was chosen: an outlet, a
 * language or a story replaces the one chosen; names and event types add up (an article must
 * have each).
 * @param {ListRoute} route
 * @param {FacetName} name
 * @param {string} value
 * @param {boolean} chosen
 */
function toggledHref(route, name, value, chosen) {
  return refiltered(route, (filters) => {
    if (name === 'entity' || name === 'type') {
      const now = filters[name] ?? [];
      return { ...filters, [name]: chosen ? now.filter((v) => v !== value) : [...now, value] };
    }
    return { ...filters, [name]: chosen ? undefined : value };
  });
}

/**
 * The facets of the result under the date filter, each value a link that narrows the list (or
 * drops a chosen filter); with `facets` null (an answer that failed) only the chosen filters
 * and the link that clears them. Nothing when no facet has a value.
 * @param {{ route: ListRoute, facets: Facets | null }} props
 */
function Facets({ route, facets }) {
  const lists = FACETS.map(({ name, title, labelOf }) => {
    const value = route[name];
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    const values = facets?.[name] ?? [];
    if (!values.length && !chosen.length) return null;
    return html`<${FacetList} name=${name} title=${title} values=${values} chosen=${chosen} labelOf=${labelOf} hrefOf=${(/** @type {string} */ v, /** @type {boolean} */ isChosen) => toggledHref(route, name, v, isChosen)} />`;
  }).filter((list) => list !== null);
  if (!lists.length) return null;
  return html`
    <section class="facets" id="facets" aria-labelledby="facets-title">
      <div class="facets-head">
        <h2 class="facets-title" id="facets-title">Narrow down</h2>
        ${hasFacetFilter(route) ? html`<a class="facets-clear" id="facets-clear" href=${refiltered(route, ({ from, to }) => ({ from, to }))}>Clear filters</a>` : null}
      </div>
      <div class="facets-body" id="facets-body">${lists}</div>
    </section>
  `;
}

/**
 * One line of the list or of the search results: the title, outlet, date, copies and language,
 * the search snippet with its hits marked, and the article's badges. Marked as the current page
 * when the main pane shows it.
 * @param {{ article: ArticleSummary, snippet: SnippetPiece[] | null, current: boolean }} props
 */
function ListItem({ article, snippet, current }) {
  const meta = [article.outlet, article.published ? formatDate(article.published, false) : null].filter((x) => !!x);
  return html`
    <li>
      <a class="item" href=${hrefOf({ name: 'article', id: article.id })} data-id=${article.id} aria-current=${current ? 'page' : undefined}
        ><span class=${article.title?.trim() ? 'item-title' : 'item-title untitled'}>${summaryTitle(article)}</span>${meta.length || article.language || article.copies
          ? html`<span class="item-meta"
              >${meta.join(' · ')}${article.copies ? html`<span class="item-copies"> · and ${plural(article.copies, 'copy', 'copies')}</span>` : null}${article.language
                ? html`<abbr class="lang" title=${languageName(article.language)}>${article.language.toUpperCase()}</abbr>`
                : null}</span
            >`
          : null}${snippet && snippet.length ? html`<${Snippet} pieces=${snippet} />` : null}<${BadgeRow} flags=${article.flags} removedShare=${article.removedShare}
      /></a>
    </li>
  `;
}

/**
 * A search snippet with its hits in <mark> elements, as text.
 * @param {{ pieces: SnippetPiece[] }} props
 */
function Snippet({ pieces }) {
  return html`<span class="item-snippet">${pieces.map((piece) => (piece.hit ? html`<mark>${piece.text.replace(/\s+/g, ' ')}</mark>` : piece.text.replace(/\s+/g, ' ')))}</span>`;
}

/**
 * Previous and next links for a paged list; hidden when everything fits on one page.
 * @param {{ route: ListRoute, body: ListResponse | SearchResponse }} props
 */
function Pager({ route, body }) {
  const size = route.name === 'search' ? SEARCH_PAGE_SIZE : LIST_PAGE_SIZE;
  const offset = (route.page - 1) * size;
  const total = body.total;
  const shown = 'hits' in body ? body.hits.length : body.articles.length;
  if (total <= size && offset === 0) return null;
  const prev = route.page > 1 ? { ...route, page: route.page - 1 } : null;
  const next = offset + shown < total ? { ...route, page: route.page + 1 } : null;
  const range = shown ? `${(offset + 1).toLocaleString()}–${(offset + shown).toLocaleString()} of ${total.toLocaleString()}` : `${total.toLocaleString()} in all`;
  return html`
    <nav class="pager" id="pager" aria-label="Result pages">
      <${PagerLink} label="← Previous" route=${prev} rel="prev" />
      <span class="pager-range">${range}</span>
      <${PagerLink} label="Next →" route=${next} rel="next" />
    </nav>
  `;
}

/**
 * A link to the page before or after, or the label greyed out when there is none.
 * @param {{ label: string, route: ListRoute | null, rel: 'prev' | 'next' }} props
 */
function PagerLink({ label, route, rel }) {
  if (!route) return html`<span class="pager-link is-disabled" aria-disabled="true">${label}</span>`;
  return html`<a class="pager-link" href=${hrefOf(route)} rel=${rel}>${label}</a>`;
}
