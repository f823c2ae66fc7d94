// @ts-check
// The timeline: `#/timeline?story&entity&type&country&outlet&from&to`, the real-world events and
// the statements that pass the filters on a time axis (components/time-axis.js: written for the
// job, see there why no library). The range is the address's `from` and `to` (else the items'
// own days): zooming and moving change the address, so Back undoes them and a link keeps them.
// Each item is a link: an event to its page (or, told once, to its article with the event
// chosen), a statement to the article of its earliest report. Every text is set as text.

import { docPage, el, link } from '../components/dom.js';
import { filterForm, textInput } from '../components/table-page.js';
import { DAY, dayOf, dayStart, packRows, ticks } from '../components/time-axis.js';
import { firstWords, formatDate, plural } from '../format.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').TimelineRoute} TimelineRoute
 * @typedef {import('../types.js').CorpusEventSummary} CorpusEventSummary
 * @typedef {{
 *   id: string, day: string, reports: number, matching: number, speaker: string, content: string,
 *   shown: { articleId: string, index: number, articleTitle: string | null, outlet: string | null, dateFrom: 'article' | 'sentence' | null }
 * }} TimelineStatement
 * @typedef {{
 *   events: { total: number, capped: boolean, items: CorpusEventSummary[] }, statements: { total: number, capped: boolean, items: TimelineStatement[] },
 *   statementsApply: boolean, story: { id: string, title: string | null } | null, entity: { id: string, name: string } | null
 * }} Timeline
 */

/** The most items of each kind the timeline asks for: the most reported; the rest are counted, and a narrower range shows them. */
export const TIMELINE_ITEMS = 150;
/** The filters the address and the API share. */
const FILTERS = /** @type {const} */ (['story', 'entity', 'type', 'country', 'outlet', 'from', 'to']);
/** The PLOVER types by kind of act (src/events/plover.ts): a colour for each kind. */
const KINDS = {
  cooperation: ['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT'],
  'verbal conflict': ['INVESTIGATE', 'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST'],
  'material conflict': ['MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT'],
};
const EVENT_TYPES = Object.values(KINDS).flat();
/** Rows of labels each lane may use before items are shown as marks alone. */
const EVENT_ROWS = 12;
const STATEMENT_ROWS = 8;
/** The widest a label is, in pixels (its width is estimated from its length; CSS cuts it there too). */
const LABEL_MAX = 230;
/** The shortest span a zoom goes to. */
const MIN_SPAN = 2 * DAY;

/**
 * The timeline in the main pane (pane.js).
 * @param {TimelineRoute} route
 * @returns {import('../pane.js').PaneView}
 */
export function timelinePane(route) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (route[name]) params.set(name, /** @type {string} */ (route[name]));
  params.set('limit', String(TIMELINE_ITEMS));
  return {
    path: `/api/timeline?${params}`,
    loading: 'Loading the timeline…',
    failed: () => 'Could not load the timeline.',
    render: (/** @type {Timeline} */ data) => ({ view: timelineView(route, data), title: data.story ? `Timeline: ${data.story.title ?? 'untitled story'}` : 'Timeline' }),
  };
}

/**
 * The kind of act of an event type, for its colour.
 * @param {string} type
 */
function kindOf(type) {
  for (const [kind, types] of Object.entries(KINDS)) if (types.includes(type)) return kind;
  return 'cooperation';
}

/**
 * The days shown: the address's range; else the items' own days with a margin, or, when a few
 * stand far from the rest (a war recalled from years back), the days of the middle 90% of them.
 * Also the whole extent of the items, for a link to it. Null with no range and no items.
 * @param {TimelineRoute} route
 * @param {Timeline} data
 * @returns {{ start: number, end: number, whole: { start: number, end: number } | null } | null}
 */
function domainOf(route, data) {
  const days = [
    ...data.events.items.flatMap((e) => [e.first, e.last]),
    ...data.statements.items.map((s) => s.day),
  ]
    .filter((d) => typeof d === 'string' && !Number.isNaN(dayStart(d)))
    .map((d) => dayStart(/** @type {string} */ (d)))
    .sort((a, b) => a - b);
  const whole = days.length ? { start: days[0], end: days[days.length - 1] + DAY } : null;
  const from = route.from ? dayStart(route.from) : NaN;
  const to = route.to ? dayStart(route.to) + DAY : NaN;
  if (!Number.isNaN(from) && !Number.isNaN(to)) return { start: from, end: Math.max(to, from + DAY), whole };
  if (!whole) return null;
  let [first, last] = [whole.start, whole.end];
  const low = days[Math.floor(days.length * 0.05)];
  const high = days[Math.ceil(days.length * 0.95) - 1] + DAY;
  if (last - first > 3 * (high - low) + 30 * DAY) [first, last] = [low, high];
  if (!Number.isNaN(from)) first = from;
  if (!Number.isNaN(to)) last = to;
  const margin = Math.max(DAY, Math.round((last - first) / 20 / DAY) * DAY);
  return { start: Number.isNaN(from) ? first - margin : first, end: Number.isNaN(to) ? last + margin : Math.max(last, first + DAY), whole };
}

/**
 * The route for another range, the filters kept.
 * @param {TimelineRoute} route
 * @param {number} start
 * @param {number} end exclusive: the day after the last
 * @returns {TimelineRoute}
 */
function withRange(route, start, end) {
  return { ...route, from: dayOf(start), to: dayOf(Math.max(start, end - DAY)) };
}

/**
 * Zooming and moving: each a link to the range it shows, so that Back undoes it.
 * @param {TimelineRoute} route
 * @param {{ start: number, end: number }} d
 */
function rangeControls(route, d) {
  const nav = el('nav', 'timeline-controls');
  nav.setAttribute('aria-label', 'Zoom and move the timeline');
  const span = d.end - d.start;
  const middle = d.start + span / 2;
  const half = Math.max(MIN_SPAN, Math.round(span / 2 / DAY) * DAY);
  const step = Math.max(DAY, Math.round(span / 2 / DAY) * DAY);
  const zoomIn = Math.round((middle - half / 2) / DAY) * DAY;
  nav.append(
    link(hrefOf(withRange(route, d.start - step, d.end - step)), '← Earlier', 'timeline-earlier'),
    link(hrefOf(withRange(route, zoomIn, zoomIn + half)), 'Zoom in', 'timeline-zoom-in'),
    link(hrefOf(withRange(route, d.start - step, d.end + step)), 'Zoom out', 'timeline-zoom-out'),
    link(hrefOf(withRange(route, d.start + step, d.end + step)), 'Later →', 'timeline-later'),
  );
  if (route.from || route.to) {
    const { from: _, to: __, ...whole } = route;
    nav.append(link(hrefOf(whole), 'All days', 'timeline-whole'));
  }
  nav.append(el('span', 'muted timeline-hint', 'or drag across the axis to zoom to a range'));
  return nav;
}

/**
 * The filter form: type, country, outlet, days; a story and an entity are kept (and shown with a way to drop them).
 * @param {TimelineRoute} route
 */
function timelineFilterForm(route) {
  const type = el('select');
  type.append(new Option('any type', ''));
  for (const t of EVENT_TYPES) type.append(new Option(t, t, false, route.type === t));
  const country = textInput(route.country ?? '', 'RUS');
  country.size = 4;
  country.maxLength = 3;
  /** @type {Array<[string, string, HTMLInputElement | HTMLSelectElement]>} */
  const fields = [
    ['type', 'Event type', type],
    ['country', 'Country', country],
    ['outlet', 'Outlet', textInput(route.outlet ?? '', 'as the articles write it')],
    ['from', 'From', textInput(route.from ?? '', '', 'date')],
    ['to', 'To', textInput(route.to ?? '', '', 'date')],
  ];
  return filterForm('timeline', 'Filter the timeline', fields, (values) => {
    /** @type {TimelineRoute} */
    const next = { name: 'timeline', ...(route.story ? { story: route.story } : {}), ...(route.entity ? { entity: route.entity } : {}), ...values };
    if (next.country) next.country = next.country.toUpperCase();
    location.hash = hrefOf(next);
  });
}

/**
 * The story and entity the timeline is limited to, each with a link to its page and one that drops it.
 * @param {TimelineRoute} route
 * @param {Timeline} data
 */
function scopeLine(route, data) {
  const line = el('p', 'timeline-scope');
  if (data.story) {
    const { story: _, ...rest } = route;
    line.append('Story: ', link(hrefOf({ name: 'story', id: data.story.id }), data.story.title ?? 'Untitled story'), ' ', link(hrefOf(rest), '(all stories)', 'timeline-drop'));
  }
  if (data.entity) {
    const { entity: _, ...rest } = route;
    if (data.story) line.append(' · ');
    line.append('Named: ', link(hrefOf({ name: 'entity', id: data.entity.id }), data.entity.name), ' ', link(hrefOf(rest), '(anyone)', 'timeline-drop'));
  }
  return line;
}

/**
 * How many of each kind are shown, and what is left out.
 * @param {TimelineRoute} route
 * @param {Timeline} data
 */
function countLine(route, data) {
  const p = el('p', 'events-count timeline-count');
  p.setAttribute('aria-live', 'polite');
  // a capped count is a lower bound: the store stopped counting there (a story of tens of thousands of articles)
  const part = (/** @type {{ total: number, capped: boolean, items: unknown[] }} */ lane, /** @type {string} */ one, /** @type {string} */ many) => {
    const total = lane.capped ? `more than ${plural(lane.total, one, many)}` : plural(lane.total, one, many);
    return lane.items.length < lane.total || lane.capped ? `the ${lane.items.length.toLocaleString()} most reported of ${total}` : total;
  };
  const statements = data.statementsApply ? ` and ${part(data.statements, 'statement', 'statements')}` : '';
  p.append(`${part(data.events, 'event', 'events')}${statements}${route.from || route.to ? ' in this range' : ''}.`.replace(/^./, (c) => c.toUpperCase()));
  if (data.events.items.length < data.events.total || data.statements.items.length < data.statements.total || data.events.capped || data.statements.capped) p.append(' Zoom in or narrow the filters to see the others.');
  if (!data.statementsApply) p.append(' Statements have no event type or country: only events are shown.');
  p.append(' Undated items are not on the axis.');
  const filtered = FILTERS.some((name) => route[name]);
  if (filtered) p.append(' ', link(hrefOf({ name: 'timeline' }), 'Clear filters'));
  return p;
}

/**
 * The words of an event's item and its tooltip.
 * @param {CorpusEventSummary} e
 */
function eventWords(e) {
  const days = e.first === e.last ? formatDate(/** @type {string} */ (e.first), false) : `${formatDate(/** @type {string} */ (e.first), false)} – ${formatDate(/** @type {string} */ (e.last), false)}`;
  const label = firstWords(e.summary || e.type, 70);
  const title = `${e.type}: ${e.summary}\n${days}${e.stated ? '' : " (the articles' dates)"} · ${plural(e.reports, 'report', 'reports')}${e.outlets.length ? ` · ${e.outlets.join(', ')}` : ''}`;
  return { label, title };
}

/**
 * The words of a statement's item and its tooltip.
 * @param {TimelineStatement} s
 */
function statementWords(s) {
  const label = s.speaker.trim() ? `${s.speaker}: “${firstWords(s.content, 60)}”` : `“${firstWords(s.content, 70)}”`;
  const where = s.shown.outlet ?? s.shown.articleTitle ?? s.shown.articleId.slice(0, 8);
  const title = `${s.speaker.trim() ? `${s.speaker}: ` : ''}“${firstWords(s.content, 300)}”\n${formatDate(s.day, false)}${s.shown.dateFrom === 'article' ? " (the article's date)" : ''} · ${plural(s.reports, 'report', 'reports')} · opens ${where}`;
  return { label, title };
}

/**
 * One lane: a heading with its count, and its items placed on the axis in rows, in order of
 * their days (the order Tab follows).
 * @param {{ start: number, end: number }} d
 * @param {number} width the lane's width in pixels, for the rows
 * @param {string} kind 'events' | 'statements'
 * @param {string} heading
 * @param {Array<{ start: number, end: number, label: string, title: string, href: string, reports: number, className: string }>} items
 * @param {number} rows
 */
function lane(d, width, kind, heading, items, rows) {
  const section = el('section', `timeline-lane-box timeline-${kind}`);
  const id = `timeline-${kind}-title`;
  const h = el('h2', 'section-title', heading);
  h.id = id;
  section.setAttribute('aria-labelledby', id);
  section.append(h);
  const span = d.end - d.start;
  const at = (/** @type {number} */ t) => (t - d.start) / span;
  // on a narrow screen a label takes at most 40% of the lane (the style sheet cuts it there too)
  const most = Math.min(LABEL_MAX, width * 0.4);
  const labelWidth = (/** @type {string} */ text) => Math.min(most, 22 + text.length * 6.4);
  const sorted = items.filter((i) => i.end > d.start && i.start < d.end).sort((a, b) => a.start - b.start || b.reports - a.reports);
  const geometry = sorted.map((i) => {
    const x = Math.max(0, at(i.start)) * width;
    const bar = Math.max(0, Math.min(1, at(i.end)) - Math.max(0, at(i.start))) * width;
    // an item near the right end writes its label to the left of its mark
    const flip = x + labelWidth(i.label) > width && x > width / 2;
    const w = Math.max(bar, labelWidth(i.label));
    return { x: flip ? x - labelWidth(i.label) : x, width: flip ? Math.max(labelWidth(i.label), bar) : w, weight: i.reports, flip, bar };
  });
  const { placed, used } = packRows(geometry, rows);
  const list = el('ul', 'timeline-lane');
  list.style.height = `${Math.max(1, used) * 1.75 + 0.5}rem`;
  sorted.forEach((item, n) => {
    const g = geometry[n];
    const { row, squeezed } = placed[n];
    const li = el('li', `timeline-item ${item.className}${g.flip ? ' timeline-flip' : ''}${squeezed ? ' timeline-squeezed' : ''}${item.reports > 1 ? ' timeline-several' : ''}`);
    const left = Math.max(0, at(item.start)) * 100;
    if (g.flip) li.style.right = `${100 - left}%`;
    else li.style.left = `${left}%`;
    li.style.top = `${row * 1.75}rem`;
    if (item.end - item.start > DAY && g.bar > 4) {
      const bar = el('span', 'timeline-bar');
      bar.style.width = `${g.bar}px`;
      bar.setAttribute('aria-hidden', 'true');
      li.append(bar);
    }
    const a = link(item.href, '', 'timeline-link');
    a.title = item.title;
    a.append(el('span', 'timeline-mark'), el('span', 'timeline-label', item.label));
    if (item.reports > 1) a.append(el('span', 'timeline-reports', `×${item.reports}`));
    li.append(a);
    list.append(li);
  });
  if (!sorted.length) section.append(el('p', 'muted', `No ${kind} in this range.`));
  else section.append(list);
  return section;
}

/**
 * The axis: ticks with their days, and dragging across it zooms to the days dragged over.
 * @param {TimelineRoute} route
 * @param {{ start: number, end: number }} d
 * @param {number} width the axis's width in pixels: a tick for every 75 or so
 */
function axis(route, d, width) {
  const box = el('div', 'timeline-axis');
  box.setAttribute('aria-hidden', 'true');
  const span = d.end - d.start;
  for (const t of ticks(d.start, d.end, Math.max(3, Math.floor(width / 75)))) {
    // a tick too near the right end would be cut off
    if ((t.at - d.start) / span > 1 - 40 / width) continue;
    const tick = el('span', 'timeline-tick', t.label);
    tick.style.left = `${((t.at - d.start) / span) * 100}%`;
    box.append(tick);
  }
  const brush = el('span', 'timeline-brush');
  brush.hidden = true;
  box.append(brush);
  /** @type {number | null} */
  let from = null;
  const fraction = (/** @type {PointerEvent} */ e) => {
    const r = box.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
  };
  box.addEventListener('pointerdown', (e) => {
    from = fraction(e);
    box.setPointerCapture(e.pointerId);
    brush.hidden = false;
    brush.style.left = `${from * 100}%`;
    brush.style.width = '0';
  });
  box.addEventListener('pointermove', (e) => {
    if (from === null) return;
    const to = fraction(e);
    brush.style.left = `${Math.min(from, to) * 100}%`;
    brush.style.width = `${Math.abs(to - from) * 100}%`;
  });
  const end = (/** @type {PointerEvent} */ e) => {
    if (from === null) return;
    const to = fraction(e);
    const [a, b] = [Math.min(from, to), Math.max(from, to)];
    from = null;
    brush.hidden = true;
    if ((b - a) * box.getBoundingClientRect().width < 8) return;
    const start = Math.floor((d.start + a * span) / DAY) * DAY;
    location.hash = hrefOf(withRange(route, start, Math.max(start + DAY, Math.ceil((d.start + b * span) / DAY) * DAY)));
  };
  box.addEventListener('pointerup', end);
  box.addEventListener('pointercancel', () => {
    from = null;
    brush.hidden = true;
  });
  return box;
}

/**
 * The timeline's page: title, filters, the range and its controls, the axis, and a lane each for events and statements.
 * @param {TimelineRoute} route
 * @param {Timeline} data
 */
function timelineView(route, data) {
  const { view } = docPage('timeline', {
    title: 'Timeline',
    byline: 'Real-world events and statements on a time axis, the most reported first when there are many: each opens its sentence in its article.',
  });
  view.append(timelineFilterForm(route));
  if (data.story || data.entity) view.append(scopeLine(route, data));
  view.append(countLine(route, data));
  const d = domainOf(route, data);
  if (!d) {
    view.append(el('p', 'notice', FILTERS.some((name) => route[name]) ? 'Nothing dated passes these filters.' : 'No dated events or statements yet: ingest some articles.'));
    return view;
  }
  const range = el('p', 'timeline-range', `${formatDate(dayOf(d.start), false)} – ${formatDate(dayOf(d.end - DAY), false)}`);
  const outside = [...data.events.items.map((e) => [e.first, e.last]), ...data.statements.items.map((x) => [x.day, x.day])].filter(
    ([first, last]) => first && last && (dayStart(last) + DAY <= d.start || dayStart(first) >= d.end),
  ).length;
  if (outside && d.whole) {
    range.append(el('span', 'muted', ` · ${plural(outside, 'item lies', 'items lie')} outside these days: `), link(hrefOf(withRange(route, d.whole.start, d.whole.end)), 'show their days too', 'timeline-all'));
  }
  view.append(range, rangeControls(route, d));
  const chart = el('div', 'timeline-chart');
  // the pane's width when the view is made (it is shown at once); labels are placed for it
  const width = Math.max(320, (document.getElementById('reader-content')?.clientWidth ?? 800) - 16);
  chart.append(axis(route, d, width));
  const events = data.events.items
    .filter((e) => e.first)
    .map((e) => {
      const { label, title } = eventWords(e);
      const href = e.reports > 1 ? hrefOf({ name: 'event', id: e.id }) : hrefOf({ name: 'article', id: e.shown.articleId, event: e.shown.index });
      const start = dayStart(/** @type {string} */ (e.first));
      return { start, end: dayStart(e.last ?? /** @type {string} */ (e.first)) + DAY, label, title, href, reports: e.reports, className: `timeline-event timeline-kind-${kindOf(e.type).replace(' ', '-')}` };
    });
  const heading = (/** @type {string} */ noun, /** @type {{ total: number, capped: boolean, items: unknown[] }} */ l) => {
    const total = `${l.total.toLocaleString()}${l.capped ? '+' : ''}`;
    return l.items.length < l.total || l.capped ? `${noun} (${l.items.length.toLocaleString()} of ${total})` : `${noun} (${total})`;
  };
  chart.append(lane(d, width, 'events', heading('Events', data.events), events, EVENT_ROWS));
  if (data.statementsApply) {
    const statements = data.statements.items.map((s) => {
      const { label, title } = statementWords(s);
      const start = dayStart(s.day);
      return { start, end: start + DAY, label, title, href: hrefOf({ name: 'article', id: s.shown.articleId, quote: s.shown.index }), reports: s.reports, className: 'timeline-statement' };
    });
    chart.append(lane(d, width, 'statements', heading('Statements', data.statements), statements, STATEMENT_ROWS));
  }
  view.append(chart, legend());
  return view;
}

/** What the colours mean. */
function legend() {
  const p = el('p', 'timeline-legend muted');
  for (const kind of Object.keys(KINDS)) p.append(el('span', `timeline-key timeline-kind-${kind.replace(' ', '-')}`, kind));
  p.append(el('span', 'timeline-key timeline-statement', 'statement'), ' · ×N: reports across articles');
  return p;
}
