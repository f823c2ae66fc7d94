// @ts-check
// The sidebar view: the article list or search results, paged, with the publication-date filter
// and the facets of the result (outlets, languages, stories, names, event types) as filters.

import { ApiError, errorMessage, getJson } from '../api.js';
import { badgeRow } from '../components/badges.js';
import { byId, el } from '../components/dom.js';
import { facetList } from '../components/facet-list.js';
import { formatDate, languageName, plural, summaryTitle } from '../format.js';
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

const ui = {
  searchForm: byId('search-form', HTMLFormElement),
  searchInput: byId('search-input', HTMLInputElement),
  sidebarTitle: byId('sidebar-title', HTMLElement),
  sidebarCount: byId('sidebar-count', HTMLElement),
  sidebarError: byId('sidebar-error', HTMLElement),
  sidebarStatus: byId('sidebar-status', HTMLElement),
  list: byId('article-list', HTMLOListElement),
  dateFilter: byId('date-filter', HTMLFormElement),
  dateFrom: byId('date-from', HTMLInputElement),
  dateTo: byId('date-to', HTMLInputElement),
  dateClear: byId('date-clear', HTMLAnchorElement),
  dateNote: byId('date-filter-note', HTMLElement),
  facets: byId('facets', HTMLElement),
  facetsBody: byId('facets-body', HTMLElement),
  facetsClear: byId('facets-clear', HTMLAnchorElement),
  pager: byId('pager', HTMLElement),
};

const state = {
  /** What the sidebar shows (a list page or search results), as its hash; '' before the first load. */
  href: '',
  /** @type {ListRoute} */
  route: { name: 'list', page: 1 },
  /** The open article, marked in the list. @type {string | null} */
  current: null,
  /** Increases with every load so that a slow answer to an old request is dropped. */
  seq: 0,
};

/** What the sidebar shows, as a hash ('' before the first load): an article view's way back. */
export function sidebarHref() {
  return state.href;
}

/** What the sidebar shows, as a route. */
export function sidebarRoute() {
  return state.route;
}

/**
 * Wires the search form and the date filter: each goes to the address of what it asks for; the
 * address the page is already at is loaded again with `reload`.
 * @param {() => void} reload shows the route of the current address
 */
export function listenToForms(reload) {
  /** @param {string} href */
  const go = (href) => {
    if (location.hash === href || (href === '#/' && !location.hash)) {
      state.href = '';
      reload();
    } else {
      location.hash = href;
    }
  };
  ui.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = ui.searchInput.value.trim();
    // a new search keeps the filters the sidebar has (the Clear links drop them)
    const filters = listFilters(state.route);
    // searching again for the same words reloads the results
    go(query ? hrefOf({ name: 'search', query, page: 1, ...filters }) : hrefOf({ name: 'list', page: 1, ...filters }));
  });
  ui.dateFilter.addEventListener('submit', (event) => {
    event.preventDefault();
    // the filter applies to what the sidebar shows, list or search, from its first page
    go(hrefOf({ ...state.route, page: 1, from: ui.dateFrom.value || undefined, to: ui.dateTo.value || undefined }));
  });
}

/**
 * Shows a list page or search results.
 * @param {ListRoute} route
 */
export async function loadSidebar(route) {
  const seq = ++state.seq;
  state.route = route;
  state.href = hrefOf(route);
  ui.searchInput.value = route.name === 'search' ? route.query : '';
  ui.sidebarTitle.textContent = route.name === 'search' ? 'Search results' : 'Articles';
  showDateFilter(route);
  ui.sidebarError.hidden = true;
  showStatus('Loading…');
  ui.list.setAttribute('aria-busy', 'true');

  const size = route.name === 'search' ? SEARCH_PAGE_SIZE : LIST_PAGE_SIZE;
  const offset = (route.page - 1) * size;
  const filters = `${listQuery(route).replace('?', '&')}&facets=${FACET_VALUES}`;
  const path =
    route.name === 'search'
      ? `/api/search?q=${encodeURIComponent(route.query)}&limit=${size}&offset=${offset}${filters}`
      : `/api/articles?fold=1&limit=${size}&offset=${offset}${filters}`;
  try {
    const body = await getJson(path);
    if (seq !== state.seq) return;
    if (route.name === 'search') renderSearch(route, /** @type {SearchResponse} */ (body), offset, size);
    else renderList(route, /** @type {ListResponse} */ (body), offset, size);
  } catch (error) {
    if (seq !== state.seq) return;
    ui.list.replaceChildren();
    ui.pager.hidden = true;
    ui.sidebarCount.textContent = '';
    hideStatus();
    // the filters stay shown, with the link that drops them
    renderFacets(route, null);
    const bad = error instanceof ApiError && error.code === 'bad-query';
    const badFilter = error instanceof ApiError && error.code === 'bad-parameter';
    const headline = bad
      ? 'This search cannot be run.'
      : badFilter && hasFacetFilter(route)
        ? 'These filters cannot be used.'
        : badFilter && (!!route.from || !!route.to)
          ? 'These dates cannot be used.'
          : 'Could not load the articles.';
    ui.sidebarError.replaceChildren(el('strong', '', headline), el('span', 'notice-detail', errorMessage(error)));
    ui.sidebarError.hidden = false;
  } finally {
    if (seq === state.seq) ui.list.removeAttribute('aria-busy');
  }
}

/**
 * The date filter's inputs, its clear link and its note, as the route has them.
 * @param {ListRoute} route
 */
function showDateFilter(route) {
  ui.dateFrom.value = route.from ?? '';
  ui.dateTo.value = route.to ?? '';
  const filtered = !!route.from || !!route.to;
  ui.dateClear.hidden = !filtered;
  ui.dateClear.href = hrefOf({ ...route, page: 1, from: undefined, to: undefined });
  ui.dateNote.hidden = !filtered;
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
 * and the link that clears them.
 * @param {ListRoute} route
 * @param {Facets | null} facets
 */
function renderFacets(route, facets) {
  const sections = FACETS.map(({ name, title, labelOf }) => {
    const value = route[name];
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    return facetList({ name, title, values: facets?.[name] ?? [], chosen, labelOf, hrefOf: (v, isChosen) => toggledHref(route, name, v, isChosen) });
  }).filter((section) => section !== null);
  ui.facetsBody.replaceChildren(...sections);
  ui.facets.hidden = sections.length === 0;
  const filtered = hasFacetFilter(route);
  ui.facetsClear.hidden = !filtered;
  ui.facetsClear.href = refiltered(route, ({ from, to }) => ({ from, to }));
}

/** @param {string} text */
function showStatus(text) {
  ui.sidebarStatus.textContent = text;
  ui.sidebarStatus.hidden = false;
}

function hideStatus() {
  ui.sidebarStatus.hidden = true;
}

/**
 * @param {Extract<Route, { name: 'list' }>} route
 * @param {ListResponse} body
 * @param {number} offset
 * @param {number} size
 */
function renderList(route, body, offset, size) {
  ui.sidebarCount.textContent = plural(body.total, 'article', 'articles');
  ui.list.replaceChildren(...body.articles.map((article) => listItem(article, null)));
  renderFacets(route, body.facets ?? null);
  if (body.total === 0 && hasFacetFilter(route)) showStatus('No articles match these filters.');
  else if (body.total === 0) showStatus(route.from || route.to ? 'No articles were published in that range.' : 'No articles yet. Add some with “dossier ingest <files>”.');
  else if (body.articles.length === 0) showStatus('Nothing on this page.');
  else hideStatus();
  renderPager(route, body.total, offset, size, body.articles.length);
  markCurrent(state.current);
}

/**
 * @param {Extract<Route, { name: 'search' }>} route
 * @param {SearchResponse} body
 * @param {number} offset
 * @param {number} size
 */
function renderSearch(route, body, offset, size) {
  ui.sidebarCount.textContent = `${plural(body.total, 'result', 'results')} for “${body.query}”`;
  ui.list.replaceChildren(...body.hits.map((hit) => listItem(hit, hit.snippet)));
  renderFacets(route, body.facets ?? null);
  if (body.total === 0) showStatus(`No articles${route.from || route.to ? ' published in that range' : ''}${hasFacetFilter(route) ? ' with these filters' : ''} match “${body.query}”.`);
  else hideStatus();
  renderPager(route, body.total, offset, size, body.hits.length);
  markCurrent(state.current);
}

/**
 * One line of the list or of the search results.
 * @param {ArticleSummary} article
 * @param {SnippetPiece[] | null} snippet
 */
function listItem(article, snippet) {
  const item = el('li');
  const link = el('a', 'item');
  link.href = hrefOf({ name: 'article', id: article.id });
  link.dataset.id = article.id;

  const title = el('span', article.title?.trim() ? 'item-title' : 'item-title untitled', summaryTitle(article));
  link.append(title);

  const meta = [article.outlet, article.published ? formatDate(article.published, false) : null].filter((x) => !!x);
  if (meta.length || article.language || article.copies) {
    const line = el('span', 'item-meta');
    if (meta.length) line.append(meta.join(' · '));
    if (article.copies) line.append(el('span', 'item-copies', ` · and ${plural(article.copies, 'copy', 'copies')}`));
    if (article.language) {
      const lang = el('abbr', 'lang', article.language.toUpperCase());
      lang.title = languageName(article.language);
      line.append(lang);
    }
    link.append(line);
  }

  if (snippet && snippet.length) link.append(snippetElement(snippet));

  const badges = badgeRow(article.flags, article.removedShare);
  if (badges) link.append(badges);
  item.append(link);
  return item;
}

/**
 * A search snippet with its hits in <mark> elements, built from text nodes.
 * @param {SnippetPiece[]} pieces
 */
function snippetElement(pieces) {
  const snippet = el('span', 'item-snippet');
  for (const piece of pieces) {
    const text = piece.text.replace(/\s+/g, ' ');
    if (piece.hit) snippet.append(el('mark', '', text));
    else snippet.append(document.createTextNode(text));
  }
  return snippet;
}

/**
 * Previous and next links for a paged list; hidden when everything fits on one page.
 * @param {ListRoute} route
 * @param {number} total
 * @param {number} offset
 * @param {number} size
 * @param {number} shown
 */
function renderPager(route, total, offset, size, shown) {
  if (total <= size && offset === 0) {
    ui.pager.hidden = true;
    ui.pager.replaceChildren();
    return;
  }
  const prev = route.page > 1 ? { ...route, page: route.page - 1 } : null;
  const next = offset + shown < total ? { ...route, page: route.page + 1 } : null;
  const range = shown ? `${(offset + 1).toLocaleString()}–${(offset + shown).toLocaleString()} of ${total.toLocaleString()}` : `${total.toLocaleString()} in all`;
  ui.pager.replaceChildren(pagerLink('← Previous', prev, 'prev'), el('span', 'pager-range', range), pagerLink('Next →', next, 'next'));
  ui.pager.hidden = false;
}

/**
 * @param {string} label
 * @param {ListRoute | null} route
 * @param {'prev' | 'next'} rel
 */
function pagerLink(label, route, rel) {
  if (!route) {
    const off = el('span', 'pager-link is-disabled', label);
    off.setAttribute('aria-disabled', 'true');
    return off;
  }
  const link = el('a', 'pager-link', label);
  link.href = hrefOf(route);
  link.rel = rel;
  return link;
}

/**
 * Marks the open article in the sidebar.
 * @param {string | null} id
 */
export function markCurrent(id) {
  state.current = id;
  for (const link of ui.list.querySelectorAll('a.item')) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    if (id !== null && link.dataset.id === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
