// @ts-check
// The events table: `#/events?type&actor&country&from&to&fold&min&sort&page`, who did what to whom across the corpus.

import { DocPage } from '../components/doc-page.js';
import { DataTable, FilterForm, Pager, tableQuery } from '../components/table-page.js';
import { firstWords } from '../format.js';
import { html } from '../html.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').EventsRoute} EventsRoute
 * @typedef {import('../types.js').EventRow} EventRow
 */

/** Rows on one page of the table. */
export const EVENTS_PAGE = 50;

/** The PLOVER types, for the type filter (src/events/plover.ts). */
const EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT', 'INVESTIGATE', 'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT'];
/** The filters the route and the API share. */
const FILTERS = /** @type {const} */ (['type', 'actor', 'entity', 'country', 'from', 'to']);
const STATUS_WORDS = { asserted: '', negated: ' (did not happen)', future: ' (planned)', hypothetical: ' (conditional)' };
/** The order unless the address gives one (the API's too): the latest dated first. */
const DEFAULT_SORT = '-date';
/** The sort keys of the folded table (GET /api/corpus-events); the table of reports takes `outlet` too. */
const FOLDED_SORTS = ['date', 'type', 'reports'];

/**
 * The table's header: sortable by the API's keys, the current order from the address.
 * @param {EventsRoute} route
 */
function sorting(route) {
  return { sort: route.sort || DEFAULT_SORT, hrefOfSort: (/** @type {string} */ sort) => hrefOf({ ...route, page: 1, sort: sort === DEFAULT_SORT ? undefined : sort }) };
}

/**
 * The API query of a route's filters (and page, unless `all`).
 * @param {EventsRoute} route
 * @param {boolean} all
 */
function apiQuery(route, all) {
  return tableQuery(route, FILTERS, EVENTS_PAGE, all);
}

/**
 * The events table in the main pane (pane.js).
 * @param {EventsRoute} route
 * @returns {import('../pane.js').PaneView}
 */
export function eventsPane(route) {
  // folded: the real-world events, each with its reports across articles (FILTERS leave the fold out of the API's query)
  const query = apiQuery(route, false);
  return {
    path: route.fold ? `/api/corpus-events?${query}${route.min ? `&min=${encodeURIComponent(route.min)}` : ''}` : `/api/events?${query}`,
    loading: 'Loading the events…',
    failed: () => 'Could not load the events.',
    render: (/** @type {any} */ data) => ({ view: html`<${EventsPage} route=${route} data=${data} />`, title: 'Events' }),
  };
}

/**
 * The filter form: type, actor, country, dates; submitting it changes the address (an entity
 * filter, which the form does not show, is kept).
 * @param {{ route: EventsRoute }} props
 */
function EventFilterForm({ route }) {
  /** @type {import('../components/table-page.js').Field[]} */
  const fields = [
    { name: 'type', label: 'Type', value: route.type ?? '', choices: [['', 'any type'], ...EVENT_TYPES.map((t) => /** @type {[string, string]} */ ([t, t]))] },
    { name: 'actor', label: 'Actor', value: route.actor ?? '', placeholder: 'a name or words' },
    { name: 'country', label: 'Country', value: route.country ?? '', placeholder: 'RUS', size: 4, maxLength: 3 },
    { name: 'from', label: 'From', value: route.from ?? '', type: 'date' },
    { name: 'to', label: 'To', value: route.to ?? '', type: 'date' },
  ];
  const onFilter = (/** @type {Record<string, string>} */ values) => {
    /** @type {EventsRoute} */
    const next = { name: 'events', page: 1, ...(route.entity ? { entity: route.entity } : {}), ...(route.fold ? { fold: route.fold } : {}), ...(route.sort ? { sort: route.sort } : {}), ...values };
    if (next.country) next.country = next.country.toUpperCase();
    location.hash = hrefOf(next);
  };
  return html`<${FilterForm} prefix="events" label="Filter the events" fields=${fields} onFilter=${onFilter} />`;
}

/**
 * The actors of one side: each name (linked to its entity's page when it has one) with its codes.
 * @param {{ actors: EventRow['source'] }} props
 */
function ActorsCell({ actors }) {
  return html`<td>
    ${actors.map((a, i) => {
      const name = a.name ?? a.text;
      const codes = [a.country, a.sector].filter(Boolean).join(' ');
      return html`${i ? ', ' : ''}${a.corpusEntity ? html`<a href=${hrefOf({ name: 'entity', id: a.corpusEntity })}>${name}</a>` : name}${codes
        ? html`<span class="event-codes"> ${codes}</span>`
        : null}`;
    })}
  </td>`;
}

/**
 * The table's page: title, filters, the entity it is limited to, and the count line with the
 * CSV download, the switch between one row per report and one per real-world event, and
 * clearing the filters; then the table, one row per report or per real-world event.
 * @param {{ route: EventsRoute, data: { total: number, events: any[] } }} props
 */
function EventsPage({ route, data }) {
  const filtered = FILTERS.some((name) => route[name]) || !!route.min;
  const first = (route.page - 1) * EVENTS_PAGE;
  const noun = route.fold ? 'real-world events' : 'events';
  const { fold: _, min: __, ...unfolded } = route;
  // the folded table sorts by fewer keys: an order it does not take is left behind
  const foldedSort = route.sort && FOLDED_SORTS.includes(route.sort.replace(/^-/, '')) ? route.sort : undefined;
  const { min: _min, ...anyReports } = route;
  const byline = route.fold
    ? 'Real-world events, each with every report of it across the articles: the latest first unless a column sets the order.'
    : 'Who did what to whom, where and when, as the articles report it: PLOVER types and CAMEO codes, the latest dated first unless a column sets the order.';
  return html`
    <${DocPage} className="corpus-events" title="Events" byline=${byline}>
      <${EventFilterForm} route=${route} />
      ${route.entity
        ? html`<p class="events-count">Only the events of one entity as who acted or on whom: <a href=${hrefOf({ name: 'entity', id: route.entity })}>its page</a>.</p>`
        : null}
      <p class="events-count" aria-live="polite"
        >${data.total ? `${first + 1}–${first + data.events.length} of ${data.total} ${noun}` : filtered ? 'No events match these filters.' : 'No events yet: ingest some English articles.'}${data.total && !route.fold
          ? html` · <a class="events-csv" href=${`/api/events?${[apiQuery(route, true), 'format=csv'].filter(Boolean).join('&')}`}>Download all as CSV</a>`
          : null}${' · '}<a class="events-fold" href=${hrefOf(route.fold ? { ...unfolded, page: 1 } : { ...route, fold: '1', sort: foldedSort, page: 1 })}
          >${route.fold ? 'One row per report' : 'One row per real-world event'}</a
        >${route.fold
          ? html` · <a class="events-min" href=${hrefOf(route.min ? { ...anyReports, page: 1 } : { ...route, min: '2', page: 1 })}>${route.min ? 'Also events told once' : 'Only events several reports tell'}</a>`
          : null}${filtered
          ? html` · <a href=${hrefOf({ name: 'events', page: 1, ...(route.fold ? { fold: route.fold } : {}), ...(route.sort ? { sort: route.sort } : {}) })}>Clear filters</a>`
          : null}</p
      >
      ${data.events.length
        ? html`
            ${route.fold ? html`<${FoldedTable} route=${route} events=${data.events} />` : html`<${ReportsTable} route=${route} events=${data.events} />`}
            <${Pager} total=${data.total} page=${route.page} size=${EVENTS_PAGE} hrefOfPage=${(/** @type {number} */ page) => hrefOf({ ...route, page })} label="Event pages" />
          `
        : null}
    <//>
  `;
}

/**
 * The real-world events, one row each with its days, its line, how many reports from which outlets.
 * @param {{ route: EventsRoute, events: import('../types.js').CorpusEventSummary[] }} props
 */
function FoldedTable({ route, events }) {
  const columns = [{ label: 'Days', sort: 'date', first: /** @type {const} */ ('desc') }, { label: 'Type', sort: 'type' }, 'Event', { label: 'Reports', sort: 'reports', first: /** @type {const} */ ('desc') }, 'Outlets'];
  return html`
    <${DataTable} className="events-list events-folded" columns=${columns} sorting=${sorting(route)}>
      ${events.map(
        (e) => html`
          <tr>
            <td class="event-date" title=${e.first && !e.stated ? "No report states a date: the articles' dates" : undefined}>${e.first ? (e.first === e.last ? e.first : `${e.first} – ${e.last}`) : '—'}</td>
            <td class="event-act">${e.type}</td>
            <td><a href=${hrefOf({ name: 'event', id: e.id })}>${e.summary}</a></td>
            <td class="event-reports-count">${String(e.reports)}</td>
            <td class="muted">${e.outlets.join(', ')}</td>
          </tr>
        `,
      )}
    <//>
  `;
}

/**
 * The table of events, one row per report, the latest dated first unless the address sorts it.
 * @param {{ route: EventsRoute, events: EventRow[] }} props
 */
function ReportsTable({ route, events }) {
  const columns = [
    { label: 'Date', sort: 'date', first: /** @type {const} */ ('desc') },
    'Who',
    { label: 'Did', sort: 'type' },
    'To whom',
    'Where',
    { label: 'Reported in', sort: 'outlet' },
    { label: 'Reports', sort: 'reports', first: /** @type {const} */ ('desc') },
  ];
  return html`
    <${DataTable} className="events-list" columns=${columns} sorting=${sorting(route)}>
      ${events.map(
        (e) => html`
          <tr title=${e.sentence}>
            <td class="event-date" title=${e.dateFrom === 'article' ? "No date in its sentence: the article's date" : undefined}>${e.date ?? '—'}</td>
            <${ActorsCell} actors=${e.source} />
            <td class="event-act"
              ><strong>${e.type}</strong><span class="event-codes"> ${e.cameo}</span>${`${e.mode ? ` · ${e.mode}` : ''}${e.context ? ` (${e.context})` : ''}${STATUS_WORDS[e.status] ?? ''}`}</td
            >
            <${ActorsCell} actors=${e.target} />
            <td>${e.place ? `${e.place.name}${e.place.country ? ` ${e.place.country}` : ''}` : ''}</td>
            <td title=${e.articleTitle || undefined}
              ><a href=${hrefOf({ name: 'article', id: e.articleId, event: e.index })}>${firstWords(e.articleTitle?.trim() || e.articleId.slice(0, 8), 48)}</a
              >${e.outlet ? html`<span class="muted"> · ${e.outlet}</span>` : null}</td
            >
            <td class="event-reports-count"
              >${!e.corpusEvent
                ? html`<span class="muted">—</span>`
                : e.corpusEvent.reports > 1
                  ? html`<a class="event-reports" href=${hrefOf({ name: 'event', id: e.corpusEvent.id })}>${e.corpusEvent.reports} reports</a>`
                  : '1'}</td
            >
          </tr>
        `,
      )}
    <//>
  `;
}
