// @ts-check
// The events table: `#/events?type&actor&country&from&to&page`, who did what to whom across the corpus.

import { el, link } from '../components/dom.js';
import { dataTable, filterForm, pager, tableQuery, textInput } from '../components/table-page.js';
import { firstWords } from '../format.js';
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
  return {
    path: `/api/events?${apiQuery(route, false)}`,
    loading: 'Loading the events…',
    failed: () => 'Could not load the events.',
    render: (/** @type {{ total: number, events: EventRow[] }} */ data) => ({ view: eventsView(route, data), title: 'Events' }),
  };
}

/**
 * The filter form: type, actor, country, dates; submitting it changes the address (an entity
 * filter, which the form does not show, is kept).
 * @param {EventsRoute} route
 */
function eventFilterForm(route) {
  const type = el('select');
  type.append(new Option('any type', ''));
  for (const t of EVENT_TYPES) type.append(new Option(t, t, false, route.type === t));
  const country = textInput(route.country ?? '', 'RUS');
  country.size = 4;
  country.maxLength = 3;
  /** @type {Array<[string, string, HTMLInputElement | HTMLSelectElement]>} */
  const fields = [
    ['type', 'Type', type],
    ['actor', 'Actor', textInput(route.actor ?? '', 'a name or words')],
    ['country', 'Country', country],
    ['from', 'From', textInput(route.from ?? '', '', 'date')],
    ['to', 'To', textInput(route.to ?? '', '', 'date')],
  ];
  return filterForm('events', 'Filter the events', fields, (values) => {
    /** @type {EventsRoute} */
    const next = { name: 'events', page: 1, ...(route.entity ? { entity: route.entity } : {}), ...values };
    if (next.country) next.country = next.country.toUpperCase();
    location.hash = hrefOf(next);
  });
}

/**
 * The actors of one side: each name (linked to its entity's page when it has one) with its codes.
 * @param {EventRow['source']} actors
 */
function actorsCell(actors) {
  const cell = el('td');
  actors.forEach((a, i) => {
    if (i) cell.append(', ');
    const name = a.name ?? a.text;
    cell.append(a.corpusEntity ? link(hrefOf({ name: 'entity', id: a.corpusEntity }), name) : name);
    const codes = [a.country, a.sector].filter(Boolean).join(' ');
    if (codes) cell.append(el('span', 'event-codes', ` ${codes}`));
  });
  return cell;
}

/**
 * The table of events, newest first, with paging and a CSV download of every event the filters match.
 * @param {EventsRoute} route
 * @param {{ total: number, events: EventRow[] }} data
 */
function eventsView(route, data) {
  const view = el('article', 'doc corpus-events');
  const header = el('header', 'doc-header');
  const title = el('h1', 'doc-title', 'Events');
  title.id = 'doc-title';
  title.tabIndex = -1;
  header.append(title, el('p', 'doc-byline', 'Who did what to whom, where and when, as the articles report it: PLOVER types and CAMEO codes, the latest dated first.'));
  view.append(header, eventFilterForm(route));
  if (route.entity) {
    const only = el('p', 'events-count');
    only.append('Only the events of one entity as who acted or on whom: ', link(hrefOf({ name: 'entity', id: route.entity }), 'its page'), '.');
    view.append(only);
  }
  const filtered = FILTERS.some((name) => route[name]);
  const first = (route.page - 1) * EVENTS_PAGE;
  const count = el('p', 'events-count');
  count.setAttribute('aria-live', 'polite');
  count.append(data.total ? `${first + 1}–${first + data.events.length} of ${data.total} events` : filtered ? 'No events match these filters.' : 'No events yet: ingest some English articles.');
  if (data.total) count.append(' · ', link(`/api/events?${apiQuery(route, true)}${filtered ? '&' : ''}format=csv`, 'Download all as CSV', 'events-csv'));
  if (filtered) count.append(' · ', link(hrefOf({ name: 'events', page: 1 }), 'Clear filters'));
  view.append(count);
  if (!data.events.length) return view;
  const { wrap, tbody } = dataTable('events-list', ['Date', 'Who', 'Did', 'To whom', 'Where', 'Reported in']);
  for (const e of data.events) {
    const row = el('tr');
    row.title = e.sentence;
    const date = el('td', 'event-date', e.date ?? '—');
    if (e.dateFrom === 'article') date.title = "No date in its sentence: the article's date";
    const act = el('td', 'event-act');
    act.append(el('strong', '', e.type), el('span', 'event-codes', ` ${e.cameo}`), `${e.mode ? ` · ${e.mode}` : ''}${e.context ? ` (${e.context})` : ''}${STATUS_WORDS[e.status] ?? ''}`);
    const where = el('td', '', e.place ? `${e.place.name}${e.place.country ? ` ${e.place.country}` : ''}` : '');
    const source = el('td');
    source.append(link(hrefOf({ name: 'article', id: e.articleId, event: e.index }), firstWords(e.articleTitle?.trim() || e.articleId.slice(0, 8), 48)));
    if (e.articleTitle) source.title = e.articleTitle;
    if (e.outlet) source.append(el('span', 'muted', ` · ${e.outlet}`));
    row.append(date, actorsCell(e.source), act, actorsCell(e.target), where, source);
    tbody.append(row);
  }
  view.append(wrap);
  const nav = pager(data.total, route.page, EVENTS_PAGE, (page) => hrefOf({ ...route, page }), 'Event pages');
  if (nav) view.append(nav);
  return view;
}
