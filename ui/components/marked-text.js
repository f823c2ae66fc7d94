// @ts-check
// A stretch of an article's text with its names, dates, quotes and events marked. The text goes
// in as Preact text children (strings), which become text nodes: never markup.

import { DATE_ONLY, ENTITY_TYPE_NAMES, formatDate } from '../format.js';
import { html } from '../html.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').Article} Article
 * @typedef {import('../types.js').Span} Span
 * @typedef {import('../types.js').Speaker} Speaker
 * @typedef {import('../types.js').Timex} Timex
 * @typedef {{ focusDates: boolean }} MarkOptions whether date marks take the keyboard's focus (the article's Dates toggle)
 */

/** What a relative date was resolved against, for a date's tooltip. */
const ANCHOR_WORDS = { document: "resolved from the article's date", text: 'resolved from a date earlier in the text', entry: "resolved from its live-blog entry's time", none: 'no date to resolve it against' };

/**
 * A link to an entity's page around some content (a marked name).
 * @param {{ id: string, title: string, children?: any }} props
 */
export function EntityLink({ id, title, children }) {
  return html`<a class="entity-link" href=${hrefOf({ name: 'entity', id })} title=${title}>${children}</a>`;
}

/**
 * The text of [start, end) as text, with each mention inside it in a <mark> whose class names
 * its type and whose title names its entity (a link to the entity's page when it has one).
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 * @returns {any[]}
 */
function textWithMentions(article, start, end) {
  /** @type {any[]} */
  const out = [];
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
    if (m.start > at) out.push(article.text.slice(at, m.start));
    const entity = article.entities?.[m.entity];
    const title = `${ENTITY_TYPE_NAMES[m.type] ?? m.type}${entity ? `: ${entity.name}` : ''}`;
    const mark = html`<mark class=${`mention mention-${m.type}`} title=${title} data-entity=${String(m.entity)}>${article.text.slice(m.start, m.end)}</mark>`;
    out.push(entity?.corpusEntity ? html`<${EntityLink} id=${entity.corpusEntity} title=${`${title} – open its page`}>${mark}<//>` : mark);
    at = m.end;
  }
  if (at < end) out.push(article.text.slice(at, end));
  return out;
}

/**
 * What a date mark shows on hover and focus: its type, resolved value and mod, and what a
 * relative expression was resolved against.
 * @param {Timex} timex
 */
export function timexTip(timex) {
  const value = DATE_ONLY.test(timex.value) ? `${timex.value} (${formatDate(timex.value, false)})` : timex.value;
  const lines = [`${timex.type} ${value}${timex.mod ? ` · ${timex.mod}` : ''}`];
  if (timex.anchor) lines.push(`${ANCHOR_WORDS[timex.anchor.kind] ?? timex.anchor.kind}${timex.anchor.value ? `, ${timex.anchor.value}` : ''}`);
  return lines.join('\n');
}

/**
 * Spans in order of their start (then of their place in the list they came from), with the
 * greatest end up to each: those that overlap a stretch are found by a binary search, not by
 * reading them all for every stretch of a long article.
 * @template {Span & { n: number }} T
 * @typedef {{ sorted: T[], maxEnd: number[] }} SpanIndex
 */

/**
 * @template {Span & { n: number }} T
 * @param {T[]} spans
 * @returns {SpanIndex<T>}
 */
function spanIndex(spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.n - b.n);
  /** @type {number[]} */
  const maxEnd = [];
  let most = -Infinity;
  for (const span of sorted) maxEnd.push((most = Math.max(most, span.end)));
  return { sorted, maxEnd };
}

/**
 * The spans of an index that overlap [start, end), in the index's order.
 * @template {Span & { n: number }} T
 * @param {SpanIndex<T>} index
 * @param {number} start
 * @param {number} end
 * @returns {T[]}
 */
function overlapping({ sorted, maxEnd }, start, end) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxEnd[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  /** @type {T[]} */
  const found = [];
  for (let k = lo; k < sorted.length && sorted[k].start < end; k++) if (sorted[k].end > start) found.push(sorted[k]);
  return found;
}

/**
 * An index made once an article (a WeakMap by article), by `make`.
 * @template T
 * @param {(article: Article) => T} make
 * @returns {(article: Article) => T}
 */
function perArticle(make) {
  /** @type {WeakMap<Article, T>} */
  const made = new WeakMap();
  return (article) => {
    let value = made.get(article);
    if (value === undefined) made.set(article, (value = make(article)));
    return value;
  };
}

/** The article's dates, with their indexes (`n`), by start. */
const timexIndex = perArticle((article) => spanIndex((article.timexes ?? []).map((timex, n) => ({ start: timex.start, end: timex.end, n, timex }))));

/**
 * The text of [start, end) with its mentions marked (textWithMentions), and each date in it
 * (the article's timexes) in a <mark class="timex"> that can take the keyboard's focus and
 * shows its resolved value (timexTip) on hover and on focus, from `data-tip` (style.css).
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 * @param {MarkOptions} options
 * @returns {any[]}
 */
function textWithTimexes(article, start, end, options) {
  /** @type {any[]} */
  const out = [];
  let at = start;
  for (const { timex, n: i } of overlapping(timexIndex(article), start, end)) {
    const from = Math.max(timex.start, start);
    const to = Math.min(timex.end, end);
    // empty, or inside one already marked
    if (to <= from || from < at) continue;
    if (from > at) out.push(...textWithMentions(article, at, from));
    out.push(
      html`<mark class="timex" data-timex=${String(i)} data-value=${timex.value} data-tip=${timexTip(timex)} tabindex=${options.focusDates ? 0 : -1} aria-describedby=${`timex-tip-${i}`}
        >${textWithMentions(article, from, to)}</mark
      >`,
    );
    at = to;
  }
  if (at < end) out.push(...textWithMentions(article, at, end));
  return out;
}

/**
 * The parts of the article's events (trigger, each source and target, place) as spans with
 * their event's index and role, numbered (`n`) in that order.
 * @typedef {Span & { event: number, role: 'trigger' | 'source' | 'target' | 'place', n: number }} EventPart
 * @param {Article} article
 * @returns {EventPart[]}
 */
function eventParts(article) {
  /** @type {EventPart[]} */
  const parts = [];
  (article.events ?? []).forEach((e, i) => {
    const add = (/** @type {Span} */ span, /** @type {EventPart['role']} */ role) => {
      if (span.end > span.start) parts.push({ start: span.start, end: span.end, event: i, role, n: parts.length });
    };
    add(e.trigger, 'trigger');
    for (const a of e.source) add(a, 'source');
    for (const a of e.target) add(a, 'target');
    if (e.where) add(e.where, 'place');
  });
  return parts;
}

/** The parts of the article's events by start, made once an article. */
const partIndex = perArticle((article) => spanIndex(eventParts(article)));

/**
 * The text of [start, end) with its mentions and dates marked (textWithTimexes), cut where a
 * part of an event begins or ends: each stretch inside events' parts is wrapped in a <span
 * class="event-part"> whose `data-event-parts` lists them as `event:role` (a trigger's also has
 * the class `event-trigger` and says what its events are), so that the events panel can mark
 * an event's parts (event-list.js).
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 * @param {MarkOptions} options
 * @returns {any[]}
 */
function textWithEvents(article, start, end, options) {
  // in the order they were made (by event, then role), as data-event-parts lists them
  const parts = overlapping(partIndex(article), start, end).sort((a, b) => a.n - b.n);
  if (!parts.length) return textWithTimexes(article, start, end, options);
  /** @type {any[]} */
  const out = [];
  for (const [from, to] of pieces(start, end, parts)) {
    const piece = textWithTimexes(article, from, to, options);
    const inParts = parts.filter((p) => p.start <= from && p.end >= to);
    if (!inParts.length) {
      out.push(...piece);
      continue;
    }
    const triggers = inParts.filter((p) => p.role === 'trigger');
    out.push(
      html`<span
        class=${triggers.length ? 'event-part event-trigger' : 'event-part'}
        data-event-parts=${inParts.map((p) => `${p.event}:${p.role}`).join(' ')}
        title=${triggers.length ? triggers.map((p) => `Event: ${article.events?.[p.event]?.summary ?? ''}`).join('\n') : undefined}
        >${piece}</span
      >`,
    );
  }
  return out;
}

/**
 * [start, end) cut wherever one of `spans` begins or ends inside it, as [from, to) pairs in order.
 * @param {number} start
 * @param {number} end
 * @param {Span[]} spans
 * @returns {Array<[number, number]>}
 */
function pieces(start, end, spans) {
  const cuts = new Set([start, end]);
  for (const span of spans) {
    if (span.start > start) cuts.add(span.start);
    if (span.end < end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(1).map((to, k) => [points[k], to]);
}

/** The article's quotes that have content, with their indexes, by the start of their content. */
const quoteIndex = perArticle((article) =>
  spanIndex(
    (article.quotes ?? [])
      .map((q, i) => ({ start: q.content.start, end: q.content.end, n: i, i, q }))
      .filter((x) => x.end > x.start),
  ),
);

/**
 * The text of [start, end) with its mentions, dates and events marked (textWithEvents), and each
 * stretch that lies inside quotes' content wrapped in a <span class="quote-span"> whose
 * `data-quotes` lists those quotes' indexes, so that the quotes panel can find them.
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 * @param {MarkOptions} options
 * @returns {any[]}
 */
export function textWithMarks(article, start, end, options) {
  // in the order of the quotes, as data-quotes lists them
  const inside = overlapping(quoteIndex(article), start, end).sort((a, b) => a.i - b.i);
  if (!inside.length) return textWithEvents(article, start, end, options);
  /** @type {any[]} */
  const out = [];
  for (const [from, to] of pieces(start, end, inside.map(({ q }) => q.content))) {
    const covering = inside.filter(({ q }) => q.content.start <= from && q.content.end >= to);
    const piece = textWithEvents(article, from, to, options);
    if (!covering.length) {
      out.push(...piece);
      continue;
    }
    out.push(
      html`<span class="quote-span" data-quotes=${covering.map(({ i }) => i).join(' ')} title=${covering.map(({ q }) => `Quote: ${speakerName(q.speaker)}`).join('\n')}>${piece}</span>`,
    );
  }
  return out;
}

/**
 * An element (`tag`) holding the text of a span with its mentions, dates, events and quotes marked.
 * @param {{ tag: string, className?: string, article: Article, span: Span, options: MarkOptions }} props
 */
export function Marked({ tag, className, article, span, options }) {
  return html`<${tag} class=${className || undefined}>${textWithMarks(article, span.start, span.end, options)}<//>`;
}

/**
 * What to call a quote's speaker.
 * @param {Speaker} speaker
 */
export function speakerName(speaker) {
  return speaker.name.trim() || 'Unknown speaker';
}
