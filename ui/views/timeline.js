// @ts-check
// The timeline: `#/timeline?story&entity&type&country&outlet&from&to`, the real-world events and
// the statements that pass the filters on a time axis (components/time-axis.js: written for the
// job, see there why no library). The range is the address's `from` and `to` (else the items'
// own days): zooming and moving change the address, so Back undoes them and a link keeps them.
// Each item is a link: an event to its page (or, told once, to its article with the event
// chosen), a statement to the article of its earliest report. Every text is set as text.

import { useRef, useState } from 'preact/hooks';
import { DocPage } from '../components/doc-page.js';
import { FilterForm } from '../components/table-page.js';
import { DAY, dayOf, dayStart, packRows, ticks } from '../components/time-axis.js';
import { firstWords, formatDate, plural } from '../format.js';
import { html } from '../html.js';
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
    render: (/** @type {Timeline} */ data) => ({ view: html`<${TimelineView} route=${route} data=${data} />`, title: data.story ? `Timeline: ${data.story.title ?? 'untitled story'}` : 'Timeline' }),
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
 * @param {{ route: TimelineRoute, d: { start: number, end: number } }} props
 */
function RangeControls({ route, d }) {
  const span = d.end - d.start;
  const middle = d.start + span / 2;
  const half = Math.max(MIN_SPAN, Math.round(span / 2 / DAY) * DAY);
  const step = Math.max(DAY, Math.round(span / 2 / DAY) * DAY);
  const zoomIn = Math.round((middle - half / 2) / DAY) * DAY;
  const { from: _, to: __, ...whole } = route;
  return html`
    <nav class="timeline-controls" aria-label="Zoom and move the timeline"
      ><a class="timeline-earlier" href=${hrefOf(withRange(route, d.start - step, d.end - step))}>← Earlier</a
      ><a class="timeline-zoom-in" href=${hrefOf(withRange(route, zoomIn, zoomIn + half))}>Zoom in</a
      ><a class="timeline-zoom-out" href=${hrefOf(withRange(route, d.start - step, d.end + step))}>Zoom out</a
      ><a class="timeline-later" href=${hrefOf(withRange(route, d.start + step, d.end + step))}>Later →</a
      >${route.from || route.to ? html`<a class="timeline-whole" href=${hrefOf(whole)}>All days</a>` : null}<span class="muted timeline-hint"
        >or drag across the axis to zoom to a range</span
      ></nav
    >
  `;
}

/**
 * The filter form: type, country, outlet, days; a story and an entity are kept (and shown with a way to drop them).
 * @param {{ route: TimelineRoute }} props
 */
function TimelineFilterForm({ route }) {
  /** @type {import('../components/table-page.js').Field[]} */
  const fields = [
    { name: 'type', label: 'Event type', value: route.type ?? '', choices: [['', 'any type'], ...EVENT_TYPES.map((t) => /** @type {[string, string]} */ ([t, t]))] },
    { name: 'country', label: 'Country', value: route.country ?? '', placeholder: 'RUS', size: 4, maxLength: 3 },
    { name: 'outlet', label: 'Outlet', value: route.outlet ?? '', placeholder: 'as the articles write it' },
    { name: 'from', label: 'From', value: route.from ?? '', type: 'date' },
    { name: 'to', label: 'To', value: route.to ?? '', type: 'date' },
  ];
  const onFilter = (/** @type {Record<string, string>} */ values) => {
    /** @type {TimelineRoute} */
    const next = { name: 'timeline', ...(route.story ? { story: route.story } : {}), ...(route.entity ? { entity: route.entity } : {}), ...values };
    if (next.country) next.country = next.country.toUpperCase();
    location.hash = hrefOf(next);
  };
  return html`<${FilterForm} prefix="timeline" label="Filter the timeline" fields=${fields} onFilter=${onFilter} />`;
}

/**
 * The story and entity the timeline is limited to, each with a link to its page and one that drops it.
 * @param {{ route: TimelineRoute, data: Timeline }} props
 */
function ScopeLine({ route, data }) {
  const { story: _s, ...anyStory } = route;
  const { entity: _e, ...anyone } = route;
  return html`
    <p class="timeline-scope"
      >${data.story
        ? html`Story: <a href=${hrefOf({ name: 'story', id: data.story.id })}>${data.story.title ?? 'Untitled story'}</a>${' '}<a class="timeline-drop" href=${hrefOf(anyStory)}>(all stories)</a>`
        : null}${data.story && data.entity ? ' · ' : null}${data.entity
        ? html`Named: <a href=${hrefOf({ name: 'entity', id: data.entity.id })}>${data.entity.name}</a>${' '}<a class="timeline-drop" href=${hrefOf(anyone)}>(anyone)</a>`
        : null}</p
    >
  `;
}

/**
 * How many of each kind are shown, and what is left out.
 * @param {{ route: TimelineRoute, data: Timeline }} props
 */
function CountLine({ route, data }) {
  // a capped count is a lower bound: the store stopped counting there (a story of tens of thousands of articles)
  const part = (/** @type {{ total: number, capped: boolean, items: unknown[] }} */ lane, /** @type {string} */ one, /** @type {string} */ many) => {
    const total = lane.capped ? `more than ${plural(lane.total, one, many)}` : plural(lane.total, one, many);
    return lane.items.length < lane.total || lane.capped ? `the ${lane.items.length.toLocaleString()} most reported of ${total}` : total;
  };
  const statements = data.statementsApply ? ` and ${part(data.statements, 'statement', 'statements')}` : '';
  let text = `${part(data.events, 'event', 'events')}${statements}${route.from || route.to ? ' in this range' : ''}.`.replace(/^./, (c) => c.toUpperCase());
  if (data.events.items.length < data.events.total || data.statements.items.length < data.statements.total || data.events.capped || data.statements.capped) text += ' Zoom in or narrow the filters to see the others.';
  if (!data.statementsApply) text += ' Statements have no event type or country: only events are shown.';
  text += ' Undated items are not on the axis.';
  const filtered = FILTERS.some((name) => route[name]);
  return html`<p class="events-count timeline-count" aria-live="polite">${text}${filtered ? html` <a href=${hrefOf({ name: 'timeline' })}>Clear filters</a>` : null}</p>`;
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
 * An item of a lane: where it lies, its words, where it leads, how many reports tell it.
 * @typedef {{ start: number, end: number, label: string, title: string, href: string, reports: number, className: string }} LaneItem
 */

/**
 * One lane: a heading with its count, and its items placed on the axis in rows, in order of
 * their days (the order Tab follows).
 * @param {{ d: { start: number, end: number }, width: number, kind: 'events' | 'statements', heading: string, items: LaneItem[], rows: number }} props
 *   width: the lane's width in pixels, for the rows
 */
function Lane({ d, width, kind, heading, items, rows }) {
  const id = `timeline-${kind}-title`;
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
  // positions are set through the style object (CSSOM), which the Content-Security-Policy allows; no style attribute is written
  const list = html`
    <ul class="timeline-lane" style=${{ height: `${Math.max(1, used) * 1.75 + 0.5}rem` }}>
      ${sorted.map((item, n) => {
        const g = geometry[n];
        const { row, squeezed } = placed[n];
        const left = Math.max(0, at(item.start)) * 100;
        const place = g.flip ? { right: `${100 - left}%`, top: `${row * 1.75}rem` } : { left: `${left}%`, top: `${row * 1.75}rem` };
        return html`
          <li class=${`timeline-item ${item.className}${g.flip ? ' timeline-flip' : ''}${squeezed ? ' timeline-squeezed' : ''}${item.reports > 1 ? ' timeline-several' : ''}`} style=${place}
            >${item.end - item.start > DAY && g.bar > 4 ? html`<span class="timeline-bar" style=${{ width: `${g.bar}px` }} aria-hidden="true"></span>` : null}<a
              class="timeline-link"
              href=${item.href}
              title=${item.title}
              ><span class="timeline-mark"></span><span class="timeline-label">${item.label}</span>${item.reports > 1 ? html`<span class="timeline-reports">×${item.reports}</span>` : null}</a
            ></li
          >
        `;
      })}
    </ul>
  `;
  return html`
    <section class=${`timeline-lane-box timeline-${kind}`} aria-labelledby=${id}>
      <h2 class="section-title" id=${id}>${heading}</h2>
      ${sorted.length ? list : html`<p class="muted">No ${kind} in this range.</p>`}
    </section>
  `;
}

/**
 * The axis: ticks with their days, and dragging across it zooms to the days dragged over.
 * @param {{ route: TimelineRoute, d: { start: number, end: number }, width: number }} props
 *   width: the axis's width in pixels: a tick for every 75 or so
 */
function Axis({ route, d, width }) {
  const span = d.end - d.start;
  /** Where a drag started, as a fraction of the axis; null when none is under way. */
  const from = useRef(/** @type {number | null} */ (null));
  const [brush, setBrush] = useState(/** @type {{ left: number, width: number } | null} */ (null));
  /** @param {PointerEvent} e */
  const fraction = (e) => {
    const r = /** @type {HTMLElement} */ (e.currentTarget).getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
  };
  /** @param {PointerEvent} e */
  const onDown = (e) => {
    from.current = fraction(e);
    /** @type {HTMLElement} */ (e.currentTarget).setPointerCapture(e.pointerId);
    setBrush({ left: from.current, width: 0 });
  };
  /** @param {PointerEvent} e */
  const onMove = (e) => {
    if (from.current === null) return;
    const to = fraction(e);
    setBrush({ left: Math.min(from.current, to), width: Math.abs(to - from.current) });
  };
  /** @param {PointerEvent} e */
  const onUp = (e) => {
    if (from.current === null) return;
    const to = fraction(e);
    const [a, b] = [Math.min(from.current, to), Math.max(from.current, to)];
    from.current = null;
    setBrush(null);
    if ((b - a) * /** @type {HTMLElement} */ (e.currentTarget).getBoundingClientRect().width < 8) return;
    const start = Math.floor((d.start + a * span) / DAY) * DAY;
    location.hash = hrefOf(withRange(route, start, Math.max(start + DAY, Math.ceil((d.start + b * span) / DAY) * DAY)));
  };
  const onCancel = () => {
    from.current = null;
    setBrush(null);
  };
  // a tick too near the right end would be cut off
  const shown = ticks(d.start, d.end, Math.max(3, Math.floor(width / 75))).filter((t) => (t.at - d.start) / span <= 1 - 40 / width);
  return html`
    <div class="timeline-axis" aria-hidden="true" onPointerDown=${onDown} onPointerMove=${onMove} onPointerUp=${onUp} onPointerCancel=${onCancel}
      >${shown.map((t) => html`<span class="timeline-tick" style=${{ left: `${((t.at - d.start) / span) * 100}%` }}>${t.label}</span>`)}<span
        class="timeline-brush"
        hidden=${!brush}
        style=${brush ? { left: `${brush.left * 100}%`, width: `${brush.width * 100}%` } : {}}
      ></span
    ></div>
  `;
}

/**
 * The timeline's page: title, filters, the range and its controls, the axis, and a lane each for events and statements.
 * @param {{ route: TimelineRoute, data: Timeline }} props
 */
function TimelineView({ route, data }) {
  // the pane's width when the view is made; labels are placed for it
  const [width] = useState(() => Math.max(320, (document.getElementById('reader-content')?.clientWidth ?? 800) - 16));
  const d = domainOf(route, data);
  const byline = 'Real-world events and statements on a time axis, the most reported first when there are many: each opens its sentence in its article.';
  const head = html`
    <${TimelineFilterForm} route=${route} />
    ${data.story || data.entity ? html`<${ScopeLine} route=${route} data=${data} />` : null}
    <${CountLine} route=${route} data=${data} />
  `;
  if (!d) {
    return html`
      <${DocPage} className="timeline" title="Timeline" byline=${byline}>
        ${head}
        <p class="notice">${FILTERS.some((name) => route[name]) ? 'Nothing dated passes these filters.' : 'No dated events or statements yet: ingest some articles.'}</p>
      <//>
    `;
  }
  const outside = [...data.events.items.map((e) => [e.first, e.last]), ...data.statements.items.map((x) => [x.day, x.day])].filter(
    ([first, last]) => first && last && (dayStart(last) + DAY <= d.start || dayStart(first) >= d.end),
  ).length;
  const events = data.events.items
    .filter((e) => e.first)
    .map((e) => {
      const { label, title } = eventWords(e);
      const href = e.reports > 1 ? hrefOf({ name: 'event', id: e.id }) : hrefOf({ name: 'article', id: e.shown.articleId, event: e.shown.index });
      const start = dayStart(/** @type {string} */ (e.first));
      return { start, end: dayStart(e.last ?? /** @type {string} */ (e.first)) + DAY, label, title, href, reports: e.reports, className: `timeline-event timeline-kind-${kindOf(e.type).replace(' ', '-')}` };
    });
  const statements = data.statements.items.map((s) => {
    const { label, title } = statementWords(s);
    const start = dayStart(s.day);
    return { start, end: start + DAY, label, title, href: hrefOf({ name: 'article', id: s.shown.articleId, quote: s.shown.index }), reports: s.reports, className: 'timeline-statement' };
  });
  const heading = (/** @type {string} */ noun, /** @type {{ total: number, capped: boolean, items: unknown[] }} */ l) => {
    const total = `${l.total.toLocaleString()}${l.capped ? '+' : ''}`;
    return l.items.length < l.total || l.capped ? `${noun} (${l.items.length.toLocaleString()} of ${total})` : `${noun} (${total})`;
  };
  return html`
    <${DocPage} className="timeline" title="Timeline" byline=${byline}>
      ${head}
      <p class="timeline-range"
        >${`${formatDate(dayOf(d.start), false)} – ${formatDate(dayOf(d.end - DAY), false)}`}${outside && d.whole
          ? html`<span class="muted"> · ${plural(outside, 'item lies', 'items lie')} outside these days: </span><a class="timeline-all" href=${hrefOf(withRange(route, d.whole.start, d.whole.end))}
                >show their days too</a
              >`
          : null}</p
      >
      <${RangeControls} route=${route} d=${d} />
      <div class="timeline-chart">
        <${Axis} route=${route} d=${d} width=${width} />
        <${Lane} d=${d} width=${width} kind="events" heading=${heading('Events', data.events)} items=${events} rows=${EVENT_ROWS} />
        ${data.statementsApply ? html`<${Lane} d=${d} width=${width} kind="statements" heading=${heading('Statements', data.statements)} items=${statements} rows=${STATEMENT_ROWS} />` : null}
      </div>
      <${Legend} />
    <//>
  `;
}

/** What the colours mean. */
function Legend() {
  return html`
    <p class="timeline-legend muted"
      >${Object.keys(KINDS).map((kind) => html`<span class=${`timeline-key timeline-kind-${kind.replace(' ', '-')}`}>${kind}</span>`)}<span class="timeline-key timeline-statement">statement</span
      >${' · ×N: reports across articles'}</p
    >
  `;
}
