// @ts-check
// The quotes table: `#/quotes?speaker&via&sort&page`, who said what across the corpus.

import { DocPage } from '../components/doc-page.js';
import { DataTable, FilterForm, Pager, tableQuery } from '../components/table-page.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate } from '../format.js';
import { html } from '../html.js';
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
    render: (/** @type {{ total: number, quotes: QuoteRow[] }} */ data) => ({ view: html`<${QuotesView} route=${route} data=${data} />`, title: 'Quotes' }),
  };
}

/**
 * One quote: its date, speaker, the outlets it came through, its words and kind, and its article.
 * @param {{ q: QuoteRow }} props
 */
function QuoteRowView({ q }) {
  const chain = [...q.via, ...(q.outlet && !q.via.includes(q.outlet) ? [q.outlet] : [])];
  const dateTitle = q.date ? (q.dateFrom === 'sentence' ? 'The day the sentence of the quote names' : "No day named where it is quoted: the article's date") : undefined;
  // the content keeps its own quotation marks, if it has any
  return html`
    <tr>
      <td class="event-date" title=${dateTitle}>${q.date ? formatDate(q.date, false) : '—'}</td>
      <td class=${q.speaker ? undefined : 'muted'}>${q.speaker || 'unknown'}</td>
      <td>${chain.join(' → ')}</td>
      <td><span>${firstWords(q.content, QUOTE_PANEL_CHARS)}</span><span class="event-codes"> ${q.kind}</span></td>
      <td
        ><a href=${hrefOf({ name: 'article', id: q.articleId })}>${firstWords(q.articleTitle?.trim() || q.articleId.slice(0, 8), 48)}</a
        >${q.outlet ? html`<span class="muted"> · ${q.outlet}</span>` : null}</td
      >
    </tr>
  `;
}

/**
 * The table of quotes, newest articles first unless the address sorts it, with paging and a CSV download of every quote the filters match.
 * @param {{ route: QuotesRoute, data: { total: number, quotes: QuoteRow[] } }} props
 */
function QuotesView({ route, data }) {
  const filtered = FILTERS.some((name) => route[name]);
  const first = (route.page - 1) * QUOTES_PAGE;
  const sorted = route.sort ? { sort: route.sort } : {};
  const fields = [
    { name: 'speaker', label: 'Speaker', value: route.speaker ?? '', placeholder: 'a name' },
    { name: 'via', label: 'Through outlet', value: route.via ?? '', placeholder: 'an outlet' },
  ];
  const onFilter = (/** @type {Record<string, string>} */ values) => {
    location.hash = hrefOf({ name: 'quotes', page: 1, ...sorted, ...values });
  };
  // unless the address gives an order, the articles newest first (no column's order)
  const columns = [{ label: 'Date', sort: 'date', first: /** @type {const} */ ('desc') }, { label: 'Speaker', sort: 'speaker' }, 'Through', 'Said', { label: 'Reported in', sort: 'outlet' }];
  return html`
    <${DocPage} className="corpus-events corpus-quotes" title="Quotes" byline="Who said what, when, and through which outlets: the newest articles first unless a column sets the order.">
      <${FilterForm} prefix="quotes" label="Filter the quotes" fields=${fields} onFilter=${onFilter} />
      <p class="events-count" aria-live="polite"
        >${data.total ? `${first + 1}–${first + data.quotes.length} of ${data.total} quotes` : filtered ? 'No quotes match these filters.' : 'No quotes yet.'}${data.total
          ? html` · <a class="quotes-csv" href=${`/api/quotes?${[apiQuery(route, true), 'format=csv'].filter(Boolean).join('&')}`}>Download all as CSV</a>`
          : null}${filtered ? html` · <a href=${hrefOf({ name: 'quotes', page: 1, ...sorted })}>Clear filters</a>` : null}</p
      >
      ${data.quotes.length
        ? html`
            <${DataTable} className="quotes-list" columns=${columns} sorting=${{ sort: route.sort ?? '', hrefOfSort: (/** @type {string} */ sort) => hrefOf({ ...route, page: 1, sort }) }}>
              ${data.quotes.map((q) => html`<${QuoteRowView} q=${q} />`)}
            <//>
            <${Pager} total=${data.total} page=${route.page} size=${QUOTES_PAGE} hrefOfPage=${(/** @type {number} */ page) => hrefOf({ ...route, page })} label="Quote pages" />
          `
        : null}
    <//>
  `;
}
