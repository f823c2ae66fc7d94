// @ts-check
// The quotes table: `#/quotes?speaker&via&sort&page`, who said what across the corpus.

import { docPage, el, link } from '../components/dom.js';
import { dataTable, filterForm, pager, tableQuery, textInput } from '../components/table-page.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate } from '../format.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').QuotesRoute} QuotesRoute
 * @typedef {{ articleId: string, articleTitle: string | null, index: number, speaker: string, how: string, via: string[], outlet: string | null,
 *   kind: string, content: string, date: string | null, dateFrom: 'article' | 'sentence' | null }} QuoteRow
 */

/** Rows on one page of the table. */
const QUOTES_PAGE = 50;
const FILTERS = /** @type {const} */ (['speaker', 'via']);

/**
 * The API query of a route's filters (and page, unless `all`).
 * @param {QuotesRoute} route
 * @param {boolean} all
 */
function apiQuery(route, all) {
  return tableQuery(route, FILTERS, QUOTES_PAGE, all);
}

/**
 * The quotes table in the main pane (pane.js).
 * @param {QuotesRoute} route
 * @returns {import('../pane.js').PaneView}
 */
export function quotesPane(route) {
  return {
    path: `/api/quotes?${apiQuery(route, false)}`,
    loading: 'Loading the quotes…',
    failed: () => 'Could not load the quotes.',
    render: (/** @type {{ total: number, quotes: QuoteRow[] }} */ data) => ({ view: quotesView(route, data), title: 'Quotes' }),
  };
}

/**
 * The table of quotes, newest articles first unless the address sorts it, with paging and a CSV download of every quote the filters match.
 * @param {QuotesRoute} route
 * @param {{ total: number, quotes: QuoteRow[] }} data
 */
function quotesView(route, data) {
  const { view } = docPage('corpus-events corpus-quotes', { title: 'Quotes', byline: 'Who said what, when, and through which outlets: the newest articles first unless a column sets the order.' });
  const form = filterForm(
    'quotes',
    'Filter the quotes',
    [
      ['speaker', 'Speaker', textInput(route.speaker ?? '', 'a name')],
      ['via', 'Through outlet', textInput(route.via ?? '', 'an outlet')],
    ],
    (values) => {
      location.hash = hrefOf({ name: 'quotes', page: 1, ...(route.sort ? { sort: route.sort } : {}), ...values });
    },
  );
  view.append(form);
  const filtered = FILTERS.some((name) => route[name]);
  const first = (route.page - 1) * QUOTES_PAGE;
  const count = el('p', 'events-count');
  count.setAttribute('aria-live', 'polite');
  count.append(data.total ? `${first + 1}–${first + data.quotes.length} of ${data.total} quotes` : filtered ? 'No quotes match these filters.' : 'No quotes yet.');
  if (data.total) count.append(' · ', link(`/api/quotes?${[apiQuery(route, true), 'format=csv'].filter(Boolean).join('&')}`, 'Download all as CSV', 'quotes-csv'));
  if (filtered) count.append(' · ', link(hrefOf({ name: 'quotes', page: 1, ...(route.sort ? { sort: route.sort } : {}) }), 'Clear filters'));
  view.append(count);
  if (!data.quotes.length) return view;
  // unless the address gives an order, the articles newest first (no column's order)
  const { wrap, tbody } = dataTable(
    'quotes-list',
    [{ label: 'Date', sort: 'date', first: 'desc' }, { label: 'Speaker', sort: 'speaker' }, 'Through', 'Said', { label: 'Reported in', sort: 'outlet' }],
    { sort: route.sort ?? '', hrefOfSort: (sort) => hrefOf({ ...route, page: 1, sort }) },
  );
  for (const q of data.quotes) {
    const row = el('tr');
    const date = el('td', 'event-date', q.date ? formatDate(q.date, false) : '—');
    if (q.date) date.title = q.dateFrom === 'sentence' ? 'The day the sentence of the quote names' : "No day named where it is quoted: the article's date";
    const chain = [...q.via, ...(q.outlet && !q.via.includes(q.outlet) ? [q.outlet] : [])];
    const said = el('td');
    // the content keeps its own quotation marks, if it has any
    said.append(el('span', '', firstWords(q.content, QUOTE_PANEL_CHARS)), el('span', 'event-codes', ` ${q.kind}`));
    const source = el('td');
    source.append(link(hrefOf({ name: 'article', id: q.articleId }), firstWords(q.articleTitle?.trim() || q.articleId.slice(0, 8), 48)));
    if (q.outlet) source.append(el('span', 'muted', ` · ${q.outlet}`));
    row.append(date, el('td', q.speaker ? '' : 'muted', q.speaker || 'unknown'), el('td', '', chain.join(' → ')), said, source);
    tbody.append(row);
  }
  view.append(wrap);
  const nav = pager(data.total, route.page, QUOTES_PAGE, (page) => hrefOf({ ...route, page }), 'Quote pages');
  if (nav) view.append(nav);
  return view;
}
