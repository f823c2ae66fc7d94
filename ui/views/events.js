// @ts-check
// The events table: `#/events?type&actor&country&from&to&fold&min&sort&page`, who did what to whom across the corpus.

import { docPage, el, link } from '../components/dom.js';
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
    render: (/** @type {any} */ data) => ({ view: route.fold ? foldedView(route, data) : eventsView(route, data), title: 'Events' }),
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
    const next = { name: 'events', page: 1, ...(route.entity ? { entity: route.entity } : {}), ...(route.fold ? { fold: route.fold } : {}), ...(route.sort ? { sort: route.sort } : {}), ...values };
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
 * The head of the table's page: title, filters, the entity it is limited to, and the count line
 * with the CSV download, the switch between one row per report and one per real-world event,
 * and clearing the filters.
 * @param {EventsRoute} route
 * @param {{ total: number, events: unknown[] }} data
 */
function tableHead(route, data) {
  const { view } = docPage('corpus-events', {
    title: 'Events',
    byline: route.fold
      ? 'Real-world events, each with every report of it across the articles: the latest first unless a column sets the order.'
      : 'Who did what to whom, where and when, as the articles report it: PLOVER types and CAMEO codes, the latest dated first unless a column sets the order.',
  });
  view.append(eventFilterForm(route));
  if (route.entity) {
    const only = el('p', 'events-count');
    only.append('Only the events of one entity as who acted or on whom: ', link(hrefOf({ name: 'entity', id: route.entity }), 'its page'), '.');
    view.append(only);
  }
  const filtered = FILTERS.some((name) => route[name]) || !!route.min;
  const first = (route.page - 1) * EVENTS_PAGE;
  const count = el('p', 'events-count');
  count.setAttribute('aria-live', 'polite');
  const noun = route.fold ? 'real-world events' : 'events';
  count.append(data.total ? `${first + 1}–${first + data.events.length} of ${data.total} ${noun}` : filtered ? 'No events match these filters.' : 'No events yet: ingest some English articles.');
  if (data.total && !route.fold) count.append(' · ', link(`/api/events?${[apiQuery(route, true), 'format=csv'].filter(Boolean).join('&')}`, 'Download all as CSV', 'events-csv'));
  const { fold: _, min: __, ...unfolded } = route;
  // the folded table sorts by fewer keys: an order it does not take is left behind
  const foldedSort = route.sort && FOLDED_SORTS.includes(route.sort.replace(/^-/, '')) ? route.sort : undefined;
  count.append(' · ', link(hrefOf(route.fold ? { ...unfolded, page: 1 } : { ...route, fold: '1', sort: foldedSort, page: 1 }), route.fold ? 'One row per report' : 'One row per real-world event', 'events-fold'));
  if (route.fold) {
    const { min: _min, ...any } = route;
    count.append(' · ', link(hrefOf(route.min ? { ...any, page: 1 } : { ...route, min: '2', page: 1 }), route.min ? 'Also events told once' : 'Only events several reports tell', 'events-min'));
  }
  if (filtered) count.append(' · ', link(hrefOf({ name: 'events', page: 1, ...(route.fold ? { fold: route.fold } : {}), ...(route.sort ? { sort: route.sort } : {}) }), 'Clear filters'));
  view.append(count);
  return view;
}

/**
 * The real-world events, one row each with its days, its line, how many reports from which outlets.
 * @param {EventsRoute} route
 * @param {{ total: number, events: import('../types.js').CorpusEventSummary[] }} data
 */
function foldedView(route, data) {
  const view = tableHead(route, data);
  if (!data.events.length) return view;
  const { wrap, tbody } = dataTable(
    'events-list events-folded',
    [{ label: 'Days', sort: 'date', first: 'desc' }, { label: 'Type', sort: 'type' }, 'Event', { label: 'Reports', sort: 'reports', first: 'desc' }, 'Outlets'],
    sorting(route),
  );
  for (const e of data.events) {
    const row = el('tr');
    const days = el('td', 'event-date', e.first ? (e.first === e.last ? e.first : `${e.first} – ${e.last}`) : '—');
    if (e.first && !e.stated) days.title = "No report states a date: the articles' dates";
    const event = el('td');
    event.append(link(hrefOf({ name: 'event', id: e.id }), e.summary));
    row.append(days, el('td', 'event-act', e.type), event, el('td', 'event-reports-count', String(e.reports)), el('td', 'muted', e.outlets.join(', ')));
    tbody.append(row);
  }
  view.append(wrap);
  const nav = pager(data.total, route.page, EVENTS_PAGE, (page) => hrefOf({ ...route, page }), 'Event pages');
  if (nav) view.append(nav);
  return view;
}

/**
 * The table of events, newest first, with paging and a CSV download of every event the filters match.
 * @param {EventsRoute} route
 * @param {{ total: number, events: EventRow[] }} data
 */
function eventsView(route, data) {
  const view = tableHead(route, data);
  if (!data.events.length) return view;
  const { wrap, tbody } = dataTable(
    'events-list',
    [
      { label: 'Date', sort: 'date', first: 'desc' },
      'Who',
      { label: 'Did', sort: 'type' },
      'To whom',
      'Where',
      { label: 'Reported in', sort: 'outlet' },
      { label: 'Reports', sort: 'reports', first: 'desc' },
    ],
    sorting(route),
  );
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
    // how many reports tell the real-world event, linked to the page that compares them; unknown until its article is connected
    const reports = el('td', 'event-reports-count');
    if (!e.corpusEvent) reports.append(el('span', 'muted', '—'));
    else if (e.corpusEvent.reports > 1) reports.append(link(hrefOf({ name: 'event', id: e.corpusEvent.id }), `${e.corpusEvent.reports} reports`, 'event-reports'));
    else reports.append('1');
    row.append(date, actorsCell(e.source), act, actorsCell(e.target), where, source, reports);
    tbody.append(row);
  }
  view.append(wrap);
  const nav = pager(data.total, route.page, EVENTS_PAGE, (page) => hrefOf({ ...route, page }), 'Event pages');
  if (nav) view.append(nav);
  return view;
}
