// @ts-check
// The Dossier reader: a thin page over the HTTP API. Everything that came from an article
// (text, titles, metadata, snippets, removals, messages) reaches the DOM through
// textContent or text nodes only, never as markup.

/**
 * @typedef {{ start: number, end: number }} Span
 * @typedef {{
 *   id: string, title: string | null, outlet: string | null, published: string | null,
 *   language: string | null, source: string | null, url: string | null, format: string,
 *   chars: number, words: number, flags: string[], removed: number, removedShare: number | null, ingestedAt: string, copies?: number
 * }} ArticleSummary
 * @typedef {{ text: string, hit: boolean }} SnippetPiece
 * @typedef {ArticleSummary & { snippet: SnippetPiece[], score: number }} SearchHit
 * @typedef {Span & { kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'quote' | 'preformatted', level?: number }} Block
 * @typedef {Span & { headline: Span | null }} Entry
 * @typedef {{ raw: Span, text: string, reason: string, detail?: string }} Removal
 * @typedef {{ origin: string, severity: 'info' | 'warning' | 'error', text: string, span?: Span }} Message
 * @typedef {{ chars: number, words: number, removedShare: number, articleRemovedShare?: number, languageConfidence: number, flags: string[] }} Quality
 * @typedef {{
 *   url?: string, title?: string, byline?: string, outlet?: string, published?: string,
 *   language?: string, languageConfidence?: number, description?: string, source?: string
 * }} Meta
 * @typedef {'PER' | 'ORG' | 'LOC' | 'NORP' | 'EVENT' | 'MISC'} EntityType
 * @typedef {Span & { type: EntityType, entity: number }} Mention
 * @typedef {{ type: EntityType, name: string, aliases: string[], mentions: number[], roles: (Span & { text: string })[], corpusEntity?: string | null }} Entity
 * @typedef {{
 *   story: { id: string, title: string | null } | null,
 *   duplicates: { group: string, original: string, members: { id: string, title: string | null, outlet: string | null, share: number, kind: string | null }[] } | null,
 *   statements: { quote: number, id: string, reports: number }[]
 * }} CorpusFacts
 * @typedef {{ id: string, title: string | null, outlet: string | null, published: string | null, excerpt: string, copies: number }} CorpusArticle
 * @typedef {{ name: string, entity: number | null, span: Span | null, how: 'named' | 'role' | 'pronoun' | 'continued' | 'unknown' }} Speaker
 * @typedef {{
 *   content: Span, cue: Span | null, source: Span | null, kind: 'direct' | 'indirect' | 'mixed' | 'partial',
 *   speaker: Speaker, via: (Span & { name: string, entity: number | null })[],
 *   date?: string | null, dateFrom?: 'article' | 'sentence' | null
 * }} Quote
 * @typedef {Span & { text: string, pos: string, head: number, rel: string }} ParsedWord
 * @typedef {{ sentence: Span, words: ParsedWord[] }} SentenceParse
 * @typedef {{ kind: 'document' | 'text' | 'entry' | 'none', value?: string, span?: Span }} TimexAnchor
 * @typedef {Span & { type: 'DATE' | 'TIME' | 'DURATION' | 'SET', value: string, mod?: string, anchor: TimexAnchor | null }} Timex
 * @typedef {{
 *   schema: string, id: string, format: string, meta: Meta, text: string, blocks: Block[],
 *   entries: Entry[], removed: Removal[], messages: Message[], quality: Quality | null,
 *   mentions?: Mention[], entities?: Entity[], quotes?: Quote[], timexes?: Timex[], corpus?: CorpusFacts
 * }} Article
 * @typedef {{ total: number, articles: ArticleSummary[] }} ListResponse
 * @typedef {{ query: string, total: number, hits: SearchHit[] }} SearchResponse
 * @typedef {{ from?: string, to?: string }} DateRange
 * @typedef {({ name: 'list', page: number } & DateRange) | ({ name: 'search', query: string, page: number } & DateRange) | { name: 'article', id: string } | { name: 'entity', id: string } | { name: 'story', id: string }} Route
 * @typedef {Extract<Route, { name: 'list' | 'search' }>} ListRoute
 */

const LIST_PAGE_SIZE = 50;
const SEARCH_PAGE_SIZE = 20;
/** A message span is quoted up to this many characters. */
const QUOTE_MAX_CHARS = 160;
/** Live-blog headlines often open with a time of day; it is set apart visually. */
const HEADLINE_TIME = /^(\d{1,2}[:.]\d{2})(\s+(?:[A-Z]{2,4}|Uhr)\b)?\s*/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A repeat of the article's title is looked for among this many opening blocks. */
const TITLE_SEARCH_BLOCKS = 3;
/** A quote's content is shown in the quotes panel up to this many characters. */
const QUOTE_PANEL_CHARS = 280;
/** How a speaker was found, when it was not named outright, for the quotes panel. */
const SPEAKER_HOW = { named: '', role: 'described, not named', pronoun: 'from a pronoun', continued: 'continues the quote before', unknown: '' };
/** What a relative date was resolved against, for a date's tooltip. */
const ANCHOR_WORDS = { document: "resolved from the article's date", text: 'resolved from a date earlier in the text', entry: "resolved from its live-blog entry's time", none: 'no date to resolve it against' };
/** What each entity type is called on the page. */
const ENTITY_TYPE_NAMES = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', NORP: 'Nationality or group', EVENT: 'Event', MISC: 'Other name' };

/** An error answer of the API, with its code and human message. */
class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

// ---------------------------------------------------------------- DOM helpers

/**
 * A new element with an optional class and text content.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The element with this id; a missing one is a defect of index.html.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new TypeError(`index.html lacks #${id}`);
  return node;
}

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
  pager: byId('pager', HTMLElement),
  reader: byId('reader', HTMLElement),
  readerContent: byId('reader-content', HTMLElement),
  backLink: byId('back-link', HTMLAnchorElement),
};

// ---------------------------------------------------------------- formatting

/**
 * A readable date for an ISO date or date-time; the input itself when it does not parse.
 * @param {string} iso
 * @param {boolean} withTime
 */
function formatDate(iso, withTime) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  /** @type {Intl.DateTimeFormatOptions} */
  const options = DATE_ONLY.test(iso) || !withTime ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  // a bare date means that day everywhere, not midnight UTC shifted into the reader's zone
  if (DATE_ONLY.test(iso)) options.timeZone = 'UTC';
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/** @type {Intl.DisplayNames | null} */
const languageNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

/**
 * The name of a language code (`sv` → Swedish), or the code when unknown.
 * @param {string} code
 */
function languageName(code) {
  if (code === 'und') return 'Unknown language';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The last part of a file path or `path:line` source, for untitled articles.
 * @param {string | null | undefined} source
 */
function baseName(source) {
  if (!source) return '';
  return source.split(/[\\/]/).pop() ?? source;
}

/**
 * What to call an article in the list.
 * @param {ArticleSummary} article
 */
function summaryTitle(article) {
  return article.title?.trim() || baseName(article.source) || `Article ${article.id}`;
}

/**
 * The first words of a text, cut at a word boundary.
 * @param {string} text
 * @param {number} max
 */
function firstWords(text, max) {
  const line = flat(text);
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Only web addresses become links; anything else (javascript:, data:, file paths) stays text.
 * @param {string | undefined | null} url
 */
function isWebUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url.trim());
}

/**
 * Text with its whitespace runs made single spaces, for comparing lines.
 * @param {string} text
 */
function flat(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** @param {number} n @param {string} one @param {string} many */
function plural(n, one, many) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------- API

/**
 * GETs a JSON document from the API; an error answer becomes an ApiError with the API's message.
 * @param {string} path
 * @returns {Promise<unknown>}
 */
async function getJson(path) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the Dossier server. Is it still running?');
  }
  /** @type {any} */
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported below from the status alone
  }
  if (!response.ok) {
    const error = body && typeof body === 'object' ? body.error : null;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http-${response.status}`,
      typeof error?.message === 'string' ? error.message : `The server answered ${response.status} ${response.statusText}.`,
    );
  }
  if (body === null) throw new ApiError(response.status, 'bad-response', 'The server sent an answer that is not JSON.');
  return body;
}

/** @param {unknown} error */
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------- routing

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
function dateQuery(range) {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The route a location hash names: `#/`, `#/page/2`, `#/search/<query>[/page/2]`, `#/article/<id>`;
 * a list or search may end with a date filter, `?from=YYYY-MM-DD&to=YYYY-MM-DD`.
 * @param {string} hash
 * @returns {Route}
 */
function parseRoute(hash) {
  const whole = hash.replace(/^#\/?/, '');
  // a search query is encoded, so the first "?" starts the filter
  const cut = whole.indexOf('?');
  const path = cut < 0 ? whole : whole.slice(0, cut);
  const range = cut < 0 ? {} : parseDateRange(whole.slice(cut + 1));
  const article = /^article\/([^/]+)/.exec(path);
  if (article) return { name: 'article', id: decodeSegment(article[1]) };
  const corpus = /^(entity|story)\/([^/]+)/.exec(path);
  if (corpus) return { name: corpus[1] === 'entity' ? 'entity' : 'story', id: decodeSegment(corpus[2]) };
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
function hrefOf(route) {
  if (route.name === 'article' || route.name === 'entity' || route.name === 'story') return `#/${route.name}/${encodeURIComponent(route.id)}`;
  const page = route.page > 1 ? `/page/${route.page}` : '';
  const dates = dateQuery(route);
  if (route.name === 'search') return `#/search/${encodeURIComponent(route.query)}${page}${dates}`;
  return `#${page || '/'}${dates}`;
}

const state = {
  /** What the sidebar shows (a list page or search results), as its hash; '' before the first load. */
  sidebarHref: '',
  /** @type {ListRoute} */
  sidebarRoute: { name: 'list', page: 1 },
  /** @type {string | null} */
  articleId: null,
  /** Whether the article view marks dates (the "Dates" toggle); kept from one article to the next. */
  showDates: true,
  /** Increase with every load so that a slow answer to an old request is dropped. */
  sidebarSeq: 0,
  readerSeq: 0,
};

function onRoute() {
  const route = parseRoute(location.hash);
  const reading = route.name === 'article' || route.name === 'entity' || route.name === 'story';
  document.body.classList.toggle('view-article', reading);
  document.body.classList.toggle('view-list', !reading);
  if (route.name === 'entity' || route.name === 'story') {
    if (!state.sidebarHref) void loadSidebar(state.sidebarRoute);
    state.articleId = null;
    markCurrent(null);
    void loadCorpusView(route);
    return;
  }
  if (route.name === 'article') {
    // the sidebar keeps showing the list or results the article was opened from
    if (!state.sidebarHref) void loadSidebar(state.sidebarRoute);
    else markCurrent(route.id);
    if (route.id !== state.articleId) void loadArticle(route.id);
    return;
  }
  if (hrefOf(route) !== state.sidebarHref) void loadSidebar(route);
  if (state.articleId !== null) showPlaceholder();
}

// ---------------------------------------------------------------- sidebar: list and search

/** @param {ListRoute} route */
async function loadSidebar(route) {
  const seq = ++state.sidebarSeq;
  state.sidebarRoute = route;
  state.sidebarHref = hrefOf(route);
  ui.backLink.href = state.sidebarHref;
  ui.searchInput.value = route.name === 'search' ? route.query : '';
  ui.sidebarTitle.textContent = route.name === 'search' ? 'Search results' : 'Articles';
  showDateFilter(route);
  ui.sidebarError.hidden = true;
  showStatus('Loading…');
  ui.list.setAttribute('aria-busy', 'true');

  const size = route.name === 'search' ? SEARCH_PAGE_SIZE : LIST_PAGE_SIZE;
  const offset = (route.page - 1) * size;
  const dates = dateQuery(route).replace('?', '&');
  const path =
    route.name === 'search'
      ? `/api/search?q=${encodeURIComponent(route.query)}&limit=${size}&offset=${offset}${dates}`
      : `/api/articles?fold=1&limit=${size}&offset=${offset}${dates}`;
  try {
    const body = await getJson(path);
    if (seq !== state.sidebarSeq) return;
    if (route.name === 'search') renderSearch(route, /** @type {SearchResponse} */ (body), offset, size);
    else renderList(route, /** @type {ListResponse} */ (body), offset, size);
  } catch (error) {
    if (seq !== state.sidebarSeq) return;
    ui.list.replaceChildren();
    ui.pager.hidden = true;
    ui.sidebarCount.textContent = '';
    hideStatus();
    const bad = error instanceof ApiError && error.code === 'bad-query';
    const badDates = error instanceof ApiError && error.code === 'bad-parameter' && (!!route.from || !!route.to);
    const headline = bad ? 'This search cannot be run.' : badDates ? 'These dates cannot be used.' : 'Could not load the articles.';
    ui.sidebarError.replaceChildren(el('strong', '', headline), el('span', 'notice-detail', errorMessage(error)));
    ui.sidebarError.hidden = false;
  } finally {
    if (seq === state.sidebarSeq) ui.list.removeAttribute('aria-busy');
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
  if (body.total === 0) showStatus(route.from || route.to ? 'No articles were published in that range.' : 'No articles yet. Add some with “dossier ingest <files>”.');
  else if (body.articles.length === 0) showStatus('Nothing on this page.');
  else hideStatus();
  renderPager(route, body.total, offset, size, body.articles.length);
  markCurrent(state.articleId);
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
  if (body.total === 0) showStatus(`No articles${route.from || route.to ? ' published in that range' : ''} match “${body.query}”.`);
  else hideStatus();
  renderPager(route, body.total, offset, size, body.hits.length);
  markCurrent(state.articleId);
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

/** The least share of an article's own text removed that earns a badge in the list. */
const REMOVED_BADGE_SHARE = 0.05;

/**
 * Quality flags, and the share of the article's own text that cleaning removed when it is
 * large enough to notice (page furniture around an HTML article is not counted: every page
 * has it), as small badges; null when there are none.
 * @param {string[]} flags
 * @param {number | null} removedShare
 */
function badgeRow(flags, removedShare) {
  const removed = removedShare !== null && removedShare >= REMOVED_BADGE_SHARE;
  if (!flags.length && !removed) return null;
  const row = el('span', 'badges');
  for (const flag of flags) row.append(badge(flag, 'badge-flag', 'Quality flag'));
  if (removed) {
    const percent = Math.round(removedShare * 100);
    row.append(badge(`removed ${percent}%`, 'badge-removed', `Cleaning removed ${percent}% of the article's text (repeated blocks, comments, footers)`));
  }
  return row;
}

/**
 * @param {string} text
 * @param {string} kind
 * @param {string} [title]
 */
function badge(text, kind, title) {
  const node = el('span', `badge ${kind}`, text);
  if (title) node.title = title;
  return node;
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
function markCurrent(id) {
  for (const link of ui.list.querySelectorAll('a.item')) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    if (id !== null && link.dataset.id === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

// ---------------------------------------------------------------- reader

function showPlaceholder() {
  state.articleId = null;
  state.readerSeq++;
  markCurrent(null);
  document.title = 'Dossier';
  const box = el('div', 'placeholder');
  box.append(el('p', '', 'Choose an article from the list to read it here.'), el('p', 'muted', 'Dossier shows the cleaned text, what cleaning removed and why, and what it noticed on the way.'));
  ui.readerContent.replaceChildren(box);
}

/** @param {string} id */
async function loadArticle(id) {
  const seq = ++state.readerSeq;
  state.articleId = id;
  markCurrent(id);
  ui.readerContent.setAttribute('aria-busy', 'true');
  ui.readerContent.replaceChildren(el('p', 'notice', 'Loading the article…'));
  try {
    const article = /** @type {Article} */ (await getJson(`/api/articles/${encodeURIComponent(id)}`));
    if (seq !== state.readerSeq) return;
    const view = articleView(article);
    ui.readerContent.replaceChildren(view);
    document.title = `${articleTitle(article)} – Dossier`;
  } catch (error) {
    if (seq !== state.readerSeq) return;
    const box = el('div', 'notice notice-error');
    box.setAttribute('role', 'alert');
    const notFound = error instanceof ApiError && error.status === 404;
    box.append(el('strong', '', notFound ? 'No such article.' : 'Could not load the article.'), el('span', 'notice-detail', errorMessage(error)));
    ui.readerContent.replaceChildren(box);
    document.title = 'Dossier';
  } finally {
    if (seq === state.readerSeq) ui.readerContent.removeAttribute('aria-busy');
  }
  if (seq !== state.readerSeq) return;
  ui.reader.scrollTop = 0;
  if (document.body.classList.contains('view-article')) window.scrollTo(0, 0);
  const heading = ui.readerContent.querySelector('h1');
  if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
}

/**
 * The article's title: its metadata title, else its first words.
 * @param {Article} article
 */
function articleTitle(article) {
  return article.meta.title?.trim() || firstWords(article.text, 80) || baseName(article.meta.source) || `Article ${article.id}`;
}

/**
 * The whole article view: header, quality, text, quotes, names, removals, messages.
 * @param {Article} article
 */
function articleView(article) {
  const view = el('article', 'doc');
  view.setAttribute('aria-labelledby', 'doc-title');
  view.append(articleHeader(article));
  const quality = qualitySection(article);
  if (quality) view.append(quality);
  const body = articleBody(article);
  view.append(markToggles(article, view), body);
  view.append(quotesSection(article, body), entitiesSection(article), removedPanel(article), messagesSection(article));
  return view;
}

/**
 * True when the text opens with this paragraph: a description completed from the first
 * paragraph is shown once, in the text.
 * @param {Article} article
 * @param {string} description
 */
function isFirstParagraph(article, description) {
  const first = article.blocks.find((b) => b.kind === 'paragraph');
  return !!first && article.text.slice(first.start, first.end).replace(/\s+/g, ' ').trim() === description.trim();
}

/** @param {Article} article */
function articleHeader(article) {
  const { meta } = article;
  const header = el('header', 'doc-header');
  if (meta.outlet) header.append(el('p', 'doc-outlet', meta.outlet));
  const title = el('h1', meta.title?.trim() ? 'doc-title' : 'doc-title untitled', articleTitle(article));
  title.id = 'doc-title';
  title.tabIndex = -1;
  header.append(title);
  if (meta.description && !isFirstParagraph(article, meta.description)) header.append(el('p', 'doc-standfirst', meta.description));

  const byline = el('p', 'doc-byline');
  if (meta.byline) byline.append(el('span', 'doc-author', meta.byline));
  if (meta.published) {
    const time = el('time', 'doc-published', formatDate(meta.published, true));
    time.dateTime = meta.published;
    byline.append(time);
  }
  if (byline.childElementCount) header.append(byline);

  const facts = el('dl', 'doc-facts');
  /** @param {string} term @param {Node | string} value */
  const fact = (term, value) => {
    const row = el('div', 'fact');
    const dd = el('dd');
    dd.append(value);
    row.append(el('dt', '', term), dd);
    facts.append(row);
  };
  if (meta.language) {
    const confidence = typeof meta.languageConfidence === 'number' ? ` (guessed, ${Math.round(meta.languageConfidence * 100)}% sure)` : '';
    fact('Language', `${languageName(meta.language)} · ${meta.language}${confidence}`);
  }
  if (meta.url) {
    if (isWebUrl(meta.url)) {
      const link = el('a', 'doc-url', meta.url);
      link.href = meta.url.trim();
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      fact('URL', link);
    } else {
      fact('URL', el('span', 'doc-url not-a-link', meta.url));
    }
  }
  if (meta.source) fact('Source', el('code', 'doc-source', meta.source));
  const corpus = article.corpus;
  if (corpus?.story) fact('Story', link(hrefOf({ name: 'story', id: corpus.story.id }), corpus.story.title ?? corpus.story.id, 'story-link'));
  if (corpus?.duplicates) {
    const others = corpus.duplicates.members.filter((m) => m.id !== article.id);
    const list = el('span', 'doc-copies');
    const original = corpus.duplicates.original === article.id;
    list.append(original ? `the original of ${plural(others.length, 'copy', 'copies')}: ` : 'a copy; also in ');
    others.forEach((m, i) => {
      if (i) list.append(', ');
      const label = `${m.outlet ?? m.title ?? m.id.slice(0, 8)}${m.id === corpus.duplicates?.original ? ' (original)' : ''} · ${Math.round(m.share * 100)}%`;
      list.append(link(hrefOf({ name: 'article', id: m.id }), label, 'copy-link'));
    });
    fact('Copies', list);
  }
  fact('Format', article.format);
  fact('ID', el('code', 'doc-id', article.id));
  header.append(facts);
  return header;
}

/**
 * Quality flags and a few figures; null when the article has no quality record.
 * @param {Article} article
 */
function qualitySection(article) {
  const quality = article.quality;
  if (!quality) return null;
  const section = el('section', 'doc-quality');
  section.setAttribute('aria-label', 'Quality');
  const figures = el('p', 'quality-figures');
  figures.append(
    `${plural(quality.words, 'word', 'words')} · ${plural(quality.chars, 'character', 'characters')}`,
    quality.removedShare > 0 ? ` · cleaning removed ${Math.round(quality.removedShare * 100)}% of the input` : '',
    // the page around an HTML article is most of what is removed; say how much of the article itself went
    quality.articleRemovedShare !== undefined && quality.articleRemovedShare !== quality.removedShare
      ? ` (${Math.round(quality.articleRemovedShare * 100)}% of the article's own text)`
      : '',
  );
  section.append(figures);
  if (quality.flags.length) {
    const flags = el('ul', 'badges quality-flags');
    flags.setAttribute('aria-label', 'Quality flags');
    for (const flag of quality.flags) {
      const item = el('li');
      item.append(badge(flag, 'badge-flag'));
      flags.append(item);
    }
    section.append(flags);
  }
  return section;
}

/**
 * The text of [start, end) as text nodes, with each mention inside it in a <mark> whose class
 * names its type and whose title names its entity.
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 */
function textWithMentions(article, start, end) {
  const fragment = document.createDocumentFragment();
  const mentions = article.mentions ?? [];
  // first mention that ends after start (mentions are sorted and do not overlap)
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let at = start;
  for (let i = lo; i < mentions.length && mentions[i].start < end; i++) {
    const m = mentions[i];
    if (m.start < at || m.end > end) continue;
    if (m.start > at) fragment.append(document.createTextNode(article.text.slice(at, m.start)));
    const entity = article.entities?.[m.entity];
    const mark = el('mark', `mention mention-${m.type}`, article.text.slice(m.start, m.end));
    mark.title = `${ENTITY_TYPE_NAMES[m.type] ?? m.type}${entity ? `: ${entity.name}` : ''}`;
    mark.dataset.entity = String(m.entity);
    fragment.append(entity?.corpusEntity ? entityLink(entity.corpusEntity, mark, `${mark.title} – open its page`) : mark);
    at = m.end;
  }
  if (at < end) fragment.append(document.createTextNode(article.text.slice(at, end)));
  return fragment;
}

/**
 * What a date mark shows on hover and focus: its type, resolved value and mod, and what a
 * relative expression was resolved against.
 * @param {Timex} timex
 */
function timexTip(timex) {
  const value = DATE_ONLY.test(timex.value) ? `${timex.value} (${formatDate(timex.value, false)})` : timex.value;
  const lines = [`${timex.type} ${value}${timex.mod ? ` · ${timex.mod}` : ''}`];
  if (timex.anchor) lines.push(`${ANCHOR_WORDS[timex.anchor.kind] ?? timex.anchor.kind}${timex.anchor.value ? `, ${timex.anchor.value}` : ''}`);
  return lines.join('\n');
}

/**
 * The text of [start, end) with its mentions marked (textWithMentions), and each date in it
 * (the article's timexes) in a <mark class="timex"> that can take the keyboard's focus and
 * shows its resolved value (timexTip) on hover and on focus, from `data-tip` (style.css).
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 */
function textWithTimexes(article, start, end) {
  const timexes = article.timexes ?? [];
  const fragment = document.createDocumentFragment();
  let at = start;
  timexes.forEach((timex, i) => {
    const from = Math.max(timex.start, start);
    const to = Math.min(timex.end, end);
    // outside this stretch, empty, or inside one already marked
    if (to <= from || from < at) return;
    if (from > at) fragment.append(textWithMentions(article, at, from));
    const mark = el('mark', 'timex');
    mark.dataset.timex = String(i);
    mark.dataset.value = timex.value;
    mark.dataset.tip = timexTip(timex);
    mark.tabIndex = state.showDates ? 0 : -1;
    mark.setAttribute('aria-describedby', `timex-tip-${i}`);
    mark.append(textWithMentions(article, from, to));
    fragment.append(mark);
    at = to;
  });
  if (at < end) fragment.append(textWithMentions(article, at, end));
  return fragment;
}

/**
 * The toggles above the article's text ("Dates" marks its dates or not), and the descriptions
 * the date marks point to for screen readers (hidden; the tooltip is for the eye).
 * @param {Article} article
 * @param {HTMLElement} view the article view, whose class says what is marked
 */
function markToggles(article, view) {
  const bar = el('div', 'mark-toggles');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Marks in the text');
  const label = el('label', 'mark-toggle');
  const box = el('input');
  box.type = 'checkbox';
  box.id = 'toggle-dates';
  box.checked = state.showDates;
  const count = (article.timexes ?? []).length;
  label.append(box, ` Dates (${count})`);
  bar.append(label);
  view.classList.toggle('hide-timexes', !state.showDates);
  box.addEventListener('change', () => {
    state.showDates = box.checked;
    view.classList.toggle('hide-timexes', !box.checked);
    for (const mark of view.querySelectorAll('mark.timex')) if (mark instanceof HTMLElement) mark.tabIndex = box.checked ? 0 : -1;
  });
  const tips = el('div');
  tips.hidden = true;
  (article.timexes ?? []).forEach((timex, i) => {
    const tip = el('span', '', timexTip(timex));
    tip.id = `timex-tip-${i}`;
    tips.append(tip);
  });
  bar.append(tips);
  return bar;
}

/**
 * The text of [start, end) with its mentions and dates marked (textWithTimexes), and each stretch that
 * lies inside quotes' content wrapped in a <span class="quote-span"> whose `data-quotes` lists
 * those quotes' indexes, so that the quotes panel can find them.
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 */
function textWithMarks(article, start, end) {
  const quotes = article.quotes ?? [];
  const inside = quotes.map((q, i) => ({ q, i })).filter(({ q }) => q.content.start < end && q.content.end > start && q.content.end > q.content.start);
  if (!inside.length) return textWithTimexes(article, start, end);
  const cuts = new Set([start, end]);
  for (const { q } of inside) {
    if (q.content.start > start) cuts.add(q.content.start);
    if (q.content.end < end) cuts.add(q.content.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k], points[k + 1]];
    const covering = inside.filter(({ q }) => q.content.start <= from && q.content.end >= to);
    const piece = textWithTimexes(article, from, to);
    if (!covering.length) {
      fragment.append(piece);
      continue;
    }
    const span = el('span', 'quote-span');
    span.dataset.quotes = covering.map(({ i }) => i).join(' ');
    span.title = covering.map(({ q }) => `Quote: ${speakerName(q.speaker)}`).join('\n');
    span.append(piece);
    fragment.append(span);
  }
  return fragment;
}

/**
 * An element holding the text of a span with its mentions and quotes marked.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {Article} article
 * @param {Span} span
 * @returns {HTMLElementTagNameMap[K]}
 */
function marked(tag, className, article, span) {
  const node = el(tag, className);
  node.append(textWithMarks(article, span.start, span.end));
  return node;
}

/**
 * What to call a quote's speaker.
 * @param {Speaker} speaker
 */
function speakerName(speaker) {
  return speaker.name.trim() || 'Unknown speaker';
}

/**
 * The article's quotes in text order, each with its speaker, the outlets it came through and
 * its kind; choosing one marks its content in the text and scrolls there.
 * @param {Article} article
 * @param {HTMLElement} body the article's text, as articleBody made it
 */
function quotesSection(article, body) {
  const quotes = article.quotes ?? [];
  const section = el('section', 'doc-quotes');
  const title = el('h2', 'section-title', `Quotes (${quotes.length})`);
  title.id = 'doc-quotes-title';
  section.setAttribute('aria-labelledby', title.id);
  section.append(title);
  if (!quotes.length) {
    section.append(el('p', 'muted', 'No quotes were found.'));
    return section;
  }
  const list = el('ol', 'quote-list');
  quotes.forEach((quote, i) => {
    const item = el('li', 'quote');
    const button = el('button', 'quote-item');
    button.type = 'button';
    button.dataset.quote = String(i);
    const head = el('span', 'quote-head');
    head.append(el('span', quote.speaker.name.trim() ? 'quote-speaker' : 'quote-speaker unknown', speakerName(quote.speaker)));
    if (quote.via.length) head.append(el('span', 'quote-via', ` · via ${quote.via.map((v) => v.name).join(' → ')}`));
    head.append(' ', badge(quote.kind, `badge-quote quote-kind-${quote.kind}`, 'How the quote is given'));
    const how = SPEAKER_HOW[quote.speaker.how];
    if (how) head.append(el('span', 'quote-how', ` (${how})`));
    if (quote.date) head.append(quoteDateElement(quote.date, quote.dateFrom ?? null));
    button.append(head, el('span', 'quote-text', firstWords(article.text.slice(quote.content.start, quote.content.end), QUOTE_PANEL_CHARS)));
    button.addEventListener('click', () => showQuote(body, list, i));
    item.append(button);
    if (quote.cue) item.append(whyButton(article, quote));
    list.append(item);
  });
  section.append(list);
  return section;
}

/**
 * "Why this speaker?": shows the parse of the sentence that reports a quote under it, with the
 * cue's verb and its subject marked, or hides it again.
 * @param {Article} article
 * @param {Quote} quote
 */
function whyButton(article, quote) {
  const wrap = el('div', 'quote-why');
  const button = el('button', 'quote-why-button', 'Why this speaker?');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const panel = el('div', 'parse-panel');
  panel.hidden = true;
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    panel.hidden = open;
    if (open || panel.childElementCount) return;
    panel.append(el('p', 'muted', 'Parsing the sentence…'));
    try {
      const cue = /** @type {Span} */ (quote.cue);
      const parse = /** @type {SentenceParse} */ (await getJson(`/api/articles/${encodeURIComponent(article.id)}/parse?at=${cue.start}`));
      panel.replaceChildren(...parseView(parse, cue, quote.speaker));
    } catch (error) {
      panel.replaceChildren(el('p', 'error', errorMessage(error)));
    }
  });
  wrap.append(button, panel);
  return wrap;
}

/** Relations that mark a subject in Universal Dependencies. */
const SUBJECT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj', 'csubj:pass']);

/**
 * A sentence's parse as a person reads it: one line on the cue's verb and its subject, the
 * arcs from each word to the word it depends on, and the same as a list.
 * @param {SentenceParse} parse
 * @param {Span} cue
 * @param {Speaker} speaker
 * @returns {HTMLElement[]}
 */
function parseView(parse, cue, speaker) {
  const { words } = parse;
  const inCue = words.map((w, i) => ({ w, i })).filter(({ w }) => w.start < cue.end && w.end > cue.start);
  const verb = (inCue.find(({ w }) => w.pos === 'VERB') ?? inCue.find(({ w }) => w.pos === 'AUX') ?? inCue[0])?.i ?? -1;
  // an auxiliary's subject is its verb's
  const served = verb >= 0 && /^(?:aux|cop)/.test(words[verb].rel) ? words[verb].head : verb;
  const subject = words.findIndex((w) => SUBJECT_RELATIONS.has(w.rel) && (w.head === verb || w.head === served));
  const explain = el('p', 'parse-explain');
  if (verb < 0) explain.textContent = 'The cue has no word of its own in this sentence.';
  else if (subject >= 0) {
    explain.append('The subject of ', el('strong', '', `“${words[verb].text}”`), ' is ', el('strong', '', `“${words[subject].text}”`), ` (${words[subject].rel})`);
    explain.append(speaker.name ? `; the speaker is read from it: ${speaker.name}.` : '.');
  } else explain.append('The parse gives ', el('strong', '', `“${words[verb].text}”`), ' no subject; the speaker was read from the words the tagger marked as the source.');
  const marks = new Set([verb, subject].filter((i) => i >= 0));
  const list = el('ol', 'parse-list');
  words.forEach((w) => {
    const item = el('li', marks.has(words.indexOf(w)) ? 'is-marked' : '', `${w.text} — ${w.head < 0 ? 'root' : `${w.rel} of “${words[w.head].text}”`}`);
    list.append(item);
  });
  const details = el('details', 'parse-details');
  details.append(el('summary', '', 'Every word, its relation and its head'), list);
  return [explain, arcDiagram(words, marks), details];
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Arcs from each word to its head over the words in a row, as SVG (text as text nodes).
 * @param {ParsedWord[]} words
 * @param {Set<number>} marks the words to mark (the cue's verb, its subject)
 */
function arcDiagram(words, marks) {
  const CHAR = 7.4;
  const GAP = 16;
  const LEVEL = 18;
  const x = [];
  let at = 8;
  for (const w of words) {
    const width = Math.max(2, w.text.length) * CHAR;
    x.push(at + width / 2);
    at += width + GAP;
  }
  const arcs = words.map((w, i) => ({ i, h: w.head })).filter(({ h }) => h >= 0);
  const height = (/** @type {{ i: number, h: number }} */ a) => Math.min(10, Math.abs(a.i - a.h));
  // a cubic arc with both control points at y rises three quarters of the way to y
  const top = 0.75 * LEVEL * Math.max(1, ...arcs.map(height)) + 16;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'parse-arcs');
  svg.setAttribute('width', String(Math.ceil(at)));
  svg.setAttribute('height', String(top + 30));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Dependency arcs of the sentence');
  for (const a of arcs) {
    const from = x[a.h];
    const to = x[a.i];
    const y = top - LEVEL * height(a);
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', `M ${from} ${top} C ${from} ${y}, ${to} ${y}, ${to} ${top - 4}`);
    path.setAttribute('class', marks.has(a.i) && marks.has(a.h) ? 'parse-arc is-marked' : 'parse-arc');
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String((from + to) / 2));
    label.setAttribute('y', String(top - 0.75 * (top - y) - 3));
    label.setAttribute('class', 'parse-rel');
    label.textContent = words[a.i].rel;
    svg.append(path, label);
  }
  words.forEach((w, i) => {
    const word = document.createElementNS(SVG, 'text');
    word.setAttribute('x', String(x[i]));
    word.setAttribute('y', String(top + 18));
    word.setAttribute('class', marks.has(i) ? 'parse-word is-marked' : 'parse-word');
    word.textContent = w.text;
    svg.append(word);
  });
  const box = el('div', 'parse-scroll');
  box.append(svg);
  return box;
}

/**
 * A quote's date, saying whether its own sentence gave it or it is the article's date.
 * @param {string} date
 * @param {'article' | 'sentence' | null} from
 */
function quoteDateElement(date, from) {
  const shown = formatDate(date, false);
  const node = el('time', `quote-date quote-date-${from ?? 'unknown'}`, from === 'sentence' ? ` · said on ${shown}` : ` · ${shown} (the article's date)`);
  node.dateTime = date;
  node.title = from === 'sentence' ? 'The day the sentence of the quote names' : 'No day named where it is quoted: the day the article was published';
  return node;
}

/**
 * Marks quote `i` in the text and in the panel, and scrolls its first stretch into view.
 * @param {HTMLElement} body
 * @param {HTMLElement} list
 * @param {number} i
 */
function showQuote(body, list, i) {
  for (const node of body.querySelectorAll('.quote-span.is-current')) node.classList.remove('is-current');
  for (const node of list.querySelectorAll('.quote-item[aria-current]')) node.removeAttribute('aria-current');
  const spans = [...body.querySelectorAll('.quote-span')].filter((node) => node instanceof HTMLElement && (node.dataset.quotes ?? '').split(' ').includes(String(i)));
  for (const node of spans) node.classList.add('is-current');
  list.querySelector(`.quote-item[data-quote="${i}"]`)?.setAttribute('aria-current', 'true');
  spans[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * The entities of the article, people first, with their other names and roles.
 * @param {Article} article
 */
function entitiesSection(article) {
  const entities = article.entities ?? [];
  const section = el('section', 'doc-entities');
  section.setAttribute('aria-label', 'Entities');
  section.append(el('h2', 'section-title', `Names (${entities.length})`));
  if (!entities.length) {
    section.append(el('p', 'muted', 'No names were found.'));
    return section;
  }
  const legend = el('p', 'entity-legend');
  for (const [type, name] of Object.entries(ENTITY_TYPE_NAMES)) legend.append(el('mark', `mention mention-${type}`, name), ' ');
  section.append(legend);
  const order = ['PER', 'ORG', 'LOC', 'NORP', 'EVENT', 'MISC'];
  const sorted = [...entities].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || b.mentions.length - a.mentions.length);
  const list = el('ul', 'entity-list');
  for (const e of sorted) {
    const item = el('li', 'entity');
    const name = el('mark', `mention mention-${e.type}`, e.name);
    item.append(e.corpusEntity ? entityLink(e.corpusEntity, name, `${e.name}: every article, spelling and quote`) : name, el('span', 'entity-count', ` ×${e.mentions.length}`));
    if (e.aliases.length) item.append(el('span', 'entity-aliases', ` also “${e.aliases.join('”, “')}”`));
    if (e.roles.length) item.append(el('span', 'entity-roles', ` — ${e.roles.map((r) => r.text).join('; ')}`));
    list.append(item);
  }
  section.append(list);
  return section;
}

/**
 * The cleaned text, block by block, with live-blog entries grouped under their headlines.
 * Text that no block covers is still shown, as plain paragraphs.
 * @param {Article} article
 */
function articleBody(article) {
  const body = el('div', 'doc-body');
  const text = article.text;
  const blocks = [...article.blocks].sort((a, b) => a.start - b.start);
  // the header already shows the title; the same line again at the top of the text is left out,
  // and so is an entry that would only exist because that line opened it
  const headerTitle = flat(articleTitle(article));
  const repeatedTitle = blocks
    .slice(0, TITLE_SEARCH_BLOCKS)
    .find((b) => (b.kind === 'title' || b.kind === 'heading') && flat(text.slice(b.start, b.end)) === headerTitle);
  const entries = article.entries.filter((e) => !(repeatedTitle && e.headline?.start === repeatedTitle.start)).sort((a, b) => a.start - b.start);
  if (entries.length) body.classList.add('is-live-blog');

  /** @type {HTMLElement} */
  let target = body;
  /** @type {Entry | null} */
  let openEntry = null;
  let entryIndex = 0;
  /** @type {HTMLUListElement | null} */
  let list = null;

  /** @param {number} start @param {number} end */
  const gap = (start, end) => {
    for (const part of text.slice(start, end).split(/\n\s*\n/)) {
      if (part.trim()) target.append(el('p', 'uncovered', part.trim()));
    }
  };

  let cursor = 0;
  for (const block of blocks) {
    if (block.start > cursor) {
      if (openEntry && cursor >= openEntry.end) {
        openEntry = null;
        target = body;
        list = null;
      }
      gap(cursor, block.start);
    }
    while (entryIndex < entries.length && entries[entryIndex].end <= block.start) entryIndex++;
    const entry = entries[entryIndex];
    const inEntry = !!entry && entry.start <= block.start && block.end <= entry.end;
    if (inEntry && entry !== openEntry) {
      openEntry = entry;
      target = el('section', 'entry');
      target.dataset.start = String(entry.start);
      body.append(target);
      list = null;
    } else if (!inEntry && openEntry) {
      openEntry = null;
      target = body;
      list = null;
    }
    cursor = Math.max(cursor, block.end);

    const content = text.slice(block.start, block.end);
    const isHeadline = inEntry && !!entry.headline && entry.headline.start === block.start && entry.headline.end === block.end;
    if (block.kind !== 'list-item') list = null;

    if (block === repeatedTitle) {
      continue;
    } else if (isHeadline) {
      target.append(headlineElement(content, block));
    } else if (block.kind === 'title') {
      target.append(marked('h2', 'block-title', article, block));
    } else if (block.kind === 'heading') {
      target.append(marked(headingTag(block.level), 'block-heading', article, block));
    } else if (block.kind === 'list-item') {
      if (!list) {
        list = el('ul', 'block-list');
        target.append(list);
      }
      list.append(marked('li', '', article, block));
    } else if (block.kind === 'quote') {
      const quote = el('blockquote', 'block-quote');
      quote.append(marked('p', '', article, block));
      target.append(quote);
    } else if (block.kind === 'preformatted') {
      target.append(el('pre', 'block-pre', content));
    } else {
      target.append(marked('p', 'block-paragraph', article, block));
    }
  }
  target = body;
  if (cursor < text.length) gap(cursor, text.length);
  if (!body.childElementCount) body.append(el('p', 'muted', 'Cleaning left no text.'));
  return body;
}

/**
 * A heading element one level below the article's own h1.
 * @param {number | undefined} level
 * @returns {'h2' | 'h3' | 'h4' | 'h5' | 'h6'}
 */
function headingTag(level) {
  const n = Math.min(6, Math.max(2, (level ?? 2) + 1));
  return /** @type {'h2' | 'h3' | 'h4' | 'h5' | 'h6'} */ (`h${n}`);
}

/**
 * A live-blog entry headline, with a leading time of day set apart.
 * @param {string} content
 * @param {Block} block
 */
function headlineElement(content, block) {
  const heading = el(headingTag(block.level ?? 2), 'entry-headline');
  const time = HEADLINE_TIME.exec(content);
  if (time && time[0].length < content.length) {
    heading.append(el('span', 'entry-time', time[0].trim()), document.createTextNode(` ${content.slice(time[0].length)}`));
  } else {
    heading.textContent = content;
  }
  return heading;
}

/**
 * What cleaning took out, each with its reason, detail and text, in a closed <details>.
 * @param {Article} article
 */
function removedPanel(article) {
  const details = el('details', 'doc-removed');
  const summary = el('summary');
  summary.append(el('span', 'section-title', 'Removed by cleaning'), el('span', 'count', String(article.removed.length)));
  details.append(summary);
  if (!article.removed.length) {
    details.append(el('p', 'muted', 'Cleaning removed nothing from this article.'));
    return details;
  }
  /** @type {Map<string, number>} */
  const byReason = new Map();
  for (const removal of article.removed) byReason.set(removal.reason, (byReason.get(removal.reason) ?? 0) + 1);
  const reasons = el('p', 'removed-reasons');
  reasons.append([...byReason].map(([reason, n]) => `${reason} × ${n}`).join(' · '));
  summary.append(reasons);

  const list = el('ol', 'removals');
  for (const removal of article.removed) {
    const item = el('li', 'removal');
    const head = el('p', 'removal-head');
    head.append(el('code', 'removal-reason', removal.reason));
    if (removal.detail) head.append(el('span', 'removal-detail', removal.detail));
    head.append(el('span', 'removal-where', `raw ${removal.raw.start}–${removal.raw.end}`));
    item.append(head, el('div', 'removal-text', removal.text));
    list.append(item);
  }
  details.append(list);
  return details;
}

/**
 * What the pipeline noticed, with the text each message points at.
 * @param {Article} article
 */
function messagesSection(article) {
  const section = el('section', 'doc-messages');
  const title = el('h2', 'section-title', 'Messages');
  title.id = 'doc-messages-title';
  section.setAttribute('aria-labelledby', title.id);
  section.append(title);
  if (!article.messages.length) {
    section.append(el('p', 'muted', 'No messages.'));
    return section;
  }
  const list = el('ul', 'messages');
  for (const message of article.messages) {
    const item = el('li', `message severity-${message.severity}`);
    item.append(el('span', `badge badge-${message.severity}`, message.severity), el('code', 'message-origin', message.origin), el('span', 'message-text', message.text));
    if (message.span) {
      const quoted = firstWords(article.text.slice(message.span.start, message.span.end), QUOTE_MAX_CHARS);
      const where = el('span', 'message-span');
      if (quoted) where.append(el('q', '', quoted), ' ');
      where.append(`(characters ${message.span.start}–${message.span.end})`);
      item.append(where);
    }
    list.append(item);
  }
  section.append(list);
  return section;
}

// ---------------------------------------------------------------- corpus: entity and story pages

/**
 * A link to an entity's page around some content (a marked name).
 * @param {string} id
 * @param {Node} content
 * @param {string} title
 */
function entityLink(id, content, title) {
  const a = el('a', 'entity-link');
  a.href = hrefOf({ name: 'entity', id: id });
  a.title = title;
  a.append(content);
  return a;
}

/**
 * A link with a text.
 * @param {string} href
 * @param {string} text
 * @param {string} [className]
 */
function link(href, text, className) {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

/**
 * A section with a heading and a list of items (nothing when there are none).
 * @param {string} title
 * @param {Node[]} items
 * @param {string} className
 */
function listSection(title, items, className) {
  const section = el('section', className);
  section.append(el('h2', 'section-title', title));
  const list = el('ul', 'corpus-list');
  for (const item of items) {
    const li = el('li');
    li.append(item);
    list.append(li);
  }
  section.append(list);
  return section;
}

/**
 * An article in a corpus list: date, outlet, title as a link, copies folded under it.
 * @param {CorpusArticle} a
 */
function corpusArticleItem(a) {
  const row = el('span', 'corpus-article');
  if (a.published) row.append(el('span', 'muted', `${formatDate(a.published, false)} · `));
  if (a.outlet) row.append(el('span', 'corpus-outlet', `${a.outlet} · `));
  row.append(link(hrefOf({ name: 'article', id: a.id }), a.title?.trim() || firstWords(a.excerpt, 80) || a.id));
  if (a.copies) row.append(el('span', 'muted', ` and ${plural(a.copies, 'copy', 'copies')}`));
  return row;
}

/**
 * A quote row of an entity page: speaker, outlets, words, and its article.
 * @param {{ articleId: string, articleTitle: string | null, speaker: string, via: string[], outlet?: string | null, content: string, date?: string | null, dateFrom?: 'article' | 'sentence' | null }} q
 */
function corpusQuoteItem(q) {
  const row = el('span', 'corpus-quote');
  const chain = [...q.via, ...(q.outlet && !q.via.includes(q.outlet) ? [q.outlet] : [])];
  row.append(el('strong', '', q.speaker), chain.length ? el('span', 'muted', ` via ${chain.join(' → ')}`) : '');
  if (q.date) row.append(quoteDateElement(q.date, q.dateFrom ?? null));
  row.append(': ', el('q', '', firstWords(q.content, QUOTE_PANEL_CHARS)), ' ');
  row.append(link(hrefOf({ name: 'article', id: q.articleId }), `(${q.articleTitle?.trim() || 'article'})`, 'muted'));
  return row;
}

/** @param {{ name: 'entity' | 'story', id: string }} route */
async function loadCorpusView(route) {
  const seq = ++state.readerSeq;
  ui.readerContent.setAttribute('aria-busy', 'true');
  ui.readerContent.replaceChildren(el('p', 'notice', route.name === 'entity' ? 'Loading the entity…' : 'Loading the story…'));
  try {
    const path = route.name === 'entity' ? `/api/entities/${encodeURIComponent(route.id)}` : `/api/stories/${encodeURIComponent(route.id)}`;
    const data = await getJson(path);
    if (seq !== state.readerSeq) return;
    const view = route.name === 'entity' ? entityView(/** @type {any} */ (data)) : storyView(/** @type {any} */ (data));
    ui.readerContent.replaceChildren(view);
    document.title = `${view.querySelector('h1')?.textContent ?? ''} – Dossier`;
  } catch (error) {
    if (seq !== state.readerSeq) return;
    const box = el('div', 'notice notice-error');
    box.setAttribute('role', 'alert');
    box.append(el('strong', '', route.name === 'entity' ? 'Could not load the entity.' : 'Could not load the story.'), el('span', 'notice-detail', errorMessage(error)));
    ui.readerContent.replaceChildren(box);
  } finally {
    if (seq === state.readerSeq) ui.readerContent.removeAttribute('aria-busy');
  }
  if (seq !== state.readerSeq) return;
  ui.reader.scrollTop = 0;
  const heading = ui.readerContent.querySelector('h1');
  if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
}

/**
 * A corpus entity's page: its names and spellings with counts, roles, why its names were
 * joined, articles, stories, quotes by and about it, and who it is named with.
 * @param {any} e
 */
function entityView(e) {
  const view = el('article', 'doc corpus-entity');
  const header = el('header', 'doc-header');
  header.append(el('p', 'doc-outlet', `${ENTITY_TYPE_NAMES[/** @type {EntityType} */ (e.type)] ?? e.type}${e.country ? ` · ${e.country}` : ''}`));
  const title = el('h1', 'doc-title', e.name);
  title.id = 'doc-title';
  title.tabIndex = -1;
  header.append(title);
  const seen = e.firstSeen ? ` · seen ${formatDate(e.firstSeen, false)}${e.lastSeen && e.lastSeen !== e.firstSeen ? ` – ${formatDate(e.lastSeen, false)}` : ''}` : '';
  header.append(el('p', 'doc-byline', `${plural(e.mentions, 'mention', 'mentions')} in ${plural(e.articles, 'article', 'articles')}${seen}`));
  if (e.junk) header.append(el('p', 'notice', `Probably not a name: ${e.junk.reason}. It is left out of entity lists.`));
  view.append(header);
  view.append(listSection(`Written as (${e.aliasList.length})`, e.aliasList.map((/** @type {any} */ a) => el('span', '', `${a.form} ×${a.mentions}`)), 'corpus-aliases'));
  if (e.roles.length) view.append(listSection('Roles', e.roles.map((/** @type {any} */ r) => el('span', '', `${r.role} ×${r.count}`)), 'corpus-roles'));
  if (e.links.length) view.append(listSection('Why these names are one', e.links.map((/** @type {any} */ l) => el('span', '', `${l.a} ~ ${l.b}: ${l.evidence}`)), 'corpus-links'));
  if (e.nodes.length > 1) {
    view.append(
      listSection(
        'Names joined into it',
        e.nodes.map((/** @type {any} */ n) => {
          const row = el('span', '', `${n.name} · ${plural(n.articles, 'article', 'articles')}: `);
          n.sample.forEach((/** @type {string} */ id, /** @type {number} */ i) => row.append(i ? ', ' : '', link(hrefOf({ name: 'article', id: id }), id.slice(0, 8))));
          return row;
        }),
        'corpus-nodes',
      ),
    );
  }
  view.append(listSection(`Articles (${e.articleList.length} of ${e.articleTotal})`, e.articleList.map(corpusArticleItem), 'corpus-articles'));
  if (e.stories.length) view.append(listSection('Stories', e.stories.map((/** @type {any} */ s) => link(hrefOf({ name: 'story', id: s.id }), `${s.title ?? s.id} (${plural(s.articles, 'article', 'articles')})`)), 'corpus-stories'));
  if (e.quotesBy.length) view.append(listSection(`Quotes by ${e.name}`, e.quotesBy.map(corpusQuoteItem), 'corpus-quotes'));
  if (e.quotesAbout.length) view.append(listSection(`Quotes about ${e.name}`, e.quotesAbout.map(corpusQuoteItem), 'corpus-quotes'));
  if (e.cooccurring.length) view.append(listSection('Named with', e.cooccurring.map((/** @type {any} */ c) => link(hrefOf({ name: 'entity', id: c.id }), `${c.name} (${c.articles})`)), 'corpus-cooccurring'));
  return view;
}

/**
 * A story's page: dates, outlets, names, its articles with copies folded, statements reported
 * by several articles, related stories.
 * @param {any} s
 */
function storyView(s) {
  const view = el('article', 'doc corpus-story');
  const header = el('header', 'doc-header');
  header.append(el('p', 'doc-outlet', 'Story'));
  const title = el('h1', 'doc-title', s.title ?? 'Untitled story');
  title.id = 'doc-title';
  title.tabIndex = -1;
  header.append(title);
  const dates = s.first ? `${formatDate(s.first, false)}${s.last && s.last !== s.first ? ` – ${formatDate(s.last, false)}` : ''} · ` : '';
  header.append(el('p', 'doc-byline', `${dates}${plural(s.articles, 'article', 'articles')}, ${plural(s.reports, 'report', 'reports')} with copies folded`));
  if (s.outlets.length) header.append(el('p', 'muted', s.outlets.join(' · ')));
  view.append(header);
  if (s.entities.length) view.append(listSection('Names', s.entities.map((/** @type {any} */ e) => link(hrefOf({ name: 'entity', id: e.id }), `${e.name} (${e.articles})`)), 'corpus-cooccurring'));
  view.append(listSection(`Articles (${s.articleList.length} of ${s.articleTotal})`, s.articleList.map(corpusArticleItem), 'corpus-articles'));
  if (s.statements.length) {
    view.append(
      listSection(
        'Statements reported by several articles',
        s.statements.map((/** @type {any} */ st) => {
          const row = el('span', 'corpus-statement');
          row.append(el('q', '', firstWords(st.content, QUOTE_PANEL_CHARS)), el('span', 'muted', ` — ${plural(st.reports, 'report', 'reports')}: `));
          st.items.forEach((/** @type {any} */ r, /** @type {number} */ i) => row.append(i ? '; ' : '', link(hrefOf({ name: 'article', id: r.articleId }), `${r.outlet ?? r.articleTitle ?? r.articleId.slice(0, 8)} (${r.speaker})`)));
          return row;
        }),
        'corpus-statements',
      ),
    );
  }
  if (s.related.length) view.append(listSection('Related stories', s.related.map((/** @type {any} */ r) => link(hrefOf({ name: 'story', id: r.id }), `${r.title ?? r.id} (${plural(r.articles, 'article', 'articles')})`)), 'corpus-related'));
  return view;
}

// ---------------------------------------------------------------- start

ui.searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = ui.searchInput.value.trim();
  // a new search keeps the date filter the sidebar has
  const range = { from: state.sidebarRoute.from, to: state.sidebarRoute.to };
  const href = query ? hrefOf({ name: 'search', query, page: 1, ...range }) : hrefOf({ name: 'list', page: 1, ...range });
  // searching again for the same words reloads the results
  if (location.hash === href || (href === '#/' && !location.hash)) {
    state.sidebarHref = '';
    onRoute();
  } else {
    location.hash = href;
  }
});

ui.dateFilter.addEventListener('submit', (event) => {
  event.preventDefault();
  // the filter applies to what the sidebar shows, list or search, from its first page
  const route = { ...state.sidebarRoute, page: 1, from: ui.dateFrom.value || undefined, to: ui.dateTo.value || undefined };
  const href = hrefOf(route);
  if (location.hash === href) {
    state.sidebarHref = '';
    onRoute();
  } else {
    location.hash = href;
  }
});

window.addEventListener('hashchange', onRoute);
onRoute();
