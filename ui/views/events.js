// @ts-check
// The events table: `#/events?type&actor&country&from&to&page`, who did what to whom across the corpus.

import { el, link } from '../components/dom.js';
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
  const params = new URLSearchParams();
  for (const name of FILTERS) if (route[name]) params.set(name, /** @type {string} */ (route[name]));
  if (!all) {
    params.set('limit', String(EVENTS_PAGE));
    params.set('offset', String((route.page - 1) * EVENTS_PAGE));
  }
  return params.toString();
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
 * The filter form: type, actor, country, dates; submitting it changes the address.
 * @param {EventsRoute} route
 */
function filterForm(route) {
  const form = el('form', 'events-filter');
  form.setAttribute('aria-label', 'Filter the events');
  /** @param {string} name @param {string} label @param {HTMLInputElement | HTMLSelectElement} input */
  const field = (name, label, input) => {
    input.name = name;
    input.id = `events-${name}`;
    const l = el('label', 'events-field');
    l.htmlFor = input.id;
    l.append(el('span', '', label), input);
    form.append(l);
  };
  const type = el('select');
  type.append(new Option('any type', ''));
  for (const t of EVENT_TYPES) type.append(new Option(t, t, false, route.type === t));
  field('type', 'Type', type);
  const text = (/** @type {string} */ value, /** @type {string} */ placeholder, kind = 'search') => {
    const input = el('input');
    input.type = kind;
    input.value = value;
    input.placeholder = placeholder;
    return input;
  };
  field('actor', 'Actor', text(route.actor ?? '', 'a name or words'));
  const country = text(route.country ?? '', 'RUS');
  country.size = 4;
  country.maxLength = 3;
  field('country', 'Country', country);
  field('from', 'From', text(route.from ?? '', '', 'date'));
  field('to', 'To', text(route.to ?? '', '', 'date'));
  const submit = el('button', '', 'Filter');
  submit.type = 'submit';
  form.append(submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    /** @type {EventsRoute} */
    const next = { name: 'events', page: 1, ...(route.entity ? { entity: route.entity } : {}) };
    for (const name of FILTERS) {
      if (name === 'entity') continue;
      const value = String(data.get(name) ?? '').trim();
      if (value) next[name] = name === 'country' ? value.toUpperCase() : value;
    }
    location.hash = hrefOf(next);
  });
  return form;
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
  view.append(header, filterForm(route));
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
  const table = el('table', 'events-table');
  const head = el('tr');
  for (const label of ['Date', 'Who', 'Did', 'To whom', 'Where', 'Reported in']) {
    const th = el('th', '', label);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
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
    table.tBodies[0].append(row);
  }
  const wrap = el('div', 'events-table-wrap');
  wrap.append(table);
  view.append(wrap);
  const pages = Math.ceil(data.total / EVENTS_PAGE);
  if (pages > 1) {
    const pager = el('nav', 'pager');
    pager.setAttribute('aria-label', 'Event pages');
    if (route.page > 1) pager.append(link(hrefOf({ ...route, page: route.page - 1 }), '← Newer'));
    pager.append(el('span', 'muted', ` page ${route.page} of ${pages} `));
    if (route.page < pages) pager.append(link(hrefOf({ ...route, page: route.page + 1 }), 'Older →'));
    view.append(pager);
  }
  return view;
}
