// @ts-check
// An article's events as readable lines; choosing one marks its trigger, actors and place in the text.

import { badge } from './badges.js';
import { el, link } from './dom.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').Article} Article
 * @typedef {import('../types.js').ArticleEvent} ArticleEvent
 */

/** What a status adds to an event's line. */
const STATUS_WORDS = { asserted: '', negated: 'did not happen', future: 'planned', hypothetical: 'conditional' };
/** The roles of an event's parts, as the text marks them when it is chosen, and their legend. */
const PART_NAMES = { trigger: 'the act', source: 'who acted', target: 'on whom', place: 'where' };

/**
 * The article's events in text order, each as the line that says who did what to whom, where
 * and when, its PLOVER type, CAMEO code and status; choosing one marks its parts in the text
 * (showEvent) and scrolls there.
 * @param {Article} article
 * @param {HTMLElement} body the article's text, as the article view made it
 */
export function eventsSection(article, body) {
  const events = article.events ?? [];
  const section = el('section', 'doc-events');
  const title = el('h2', 'section-title', `Events (${events.length})`);
  title.id = 'doc-events-title';
  section.setAttribute('aria-labelledby', title.id);
  section.append(title);
  if (!events.length) {
    section.append(el('p', 'muted', article.meta.language && article.meta.language !== 'en' ? 'Events are coded in English articles only.' : 'No events were found.'));
    return section;
  }
  const legend = el('p', 'event-legend');
  legend.append('Choosing an event marks ');
  Object.entries(PART_NAMES).forEach(([role, words], i) => legend.append(i ? ', ' : '', el('span', `event-part is-current role-${role}`, words)));
  legend.append(' in the text.');
  section.append(legend);
  const list = el('ol', 'event-list');
  events.forEach((event, i) => {
    const item = el('li', 'event');
    const button = el('button', 'event-item');
    button.type = 'button';
    button.dataset.event = String(i);
    const head = el('span', 'event-head');
    head.append(badge(event.type, `badge-event event-type-${event.type.toLowerCase()}`, 'PLOVER event type'), ' ', el('span', 'event-cameo', `CAMEO ${event.cameo}`));
    const status = STATUS_WORDS[event.status];
    if (status) head.append(' ', badge(status, 'badge-event-status', 'What the text says of it'));
    if (event.when.from === 'article') head.append(el('span', 'event-dated', " · dated by the article's date"));
    const sentence = article.sentences?.[event.sentence];
    button.append(head, el('span', 'event-summary', event.summary));
    if (sentence) button.append(el('span', 'event-sentence', article.text.slice(sentence.start, sentence.end)));
    button.addEventListener('click', () => showEvent(body, list, i));
    item.append(button);
    // an event other articles report too: its page compares the reports
    if (event.corpusEvent && event.corpusEvent.reports > 1) item.append(link(hrefOf({ name: 'event', id: event.corpusEvent.id }), `Reported ${event.corpusEvent.reports} times: compare the reports`, 'event-reports'));
    list.append(item);
  });
  section.append(list);
  return section;
}

/**
 * Marks event `i`'s parts in the text (each piece gets the class of its role) and its line in
 * the list, and scrolls its trigger into view; an event that is not in the list does nothing.
 * @param {HTMLElement} body
 * @param {HTMLElement} list
 * @param {number} i
 */
export function showEvent(body, list, i) {
  const item = list.querySelector(`.event-item[data-event="${i}"]`);
  if (!item) return;
  for (const node of body.querySelectorAll('.event-part.is-current')) node.classList.remove('is-current', ...Object.keys(PART_NAMES).map((r) => `role-${r}`));
  for (const node of list.querySelectorAll('.event-item[aria-current]')) node.removeAttribute('aria-current');
  /** @type {HTMLElement | null} */
  let trigger = null;
  for (const node of body.querySelectorAll('.event-part')) {
    if (!(node instanceof HTMLElement)) continue;
    const roles = (node.dataset.eventParts ?? '').split(' ').filter((p) => p.startsWith(`${i}:`)).map((p) => p.slice(String(i).length + 1));
    if (!roles.length) continue;
    node.classList.add('is-current', ...roles.map((r) => `role-${r}`));
    if (roles.includes('trigger')) trigger ??= node;
  }
  item.setAttribute('aria-current', 'true');
  trigger?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
