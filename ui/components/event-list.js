// @ts-check
// An article's events as readable lines; choosing one marks its trigger, actors and place in the
// text. The marking is done on the text's elements directly (showEvent): it touches the few
// parts of one event, where drawing the whole text again would redo every mark of a long article.

import { useRef } from 'preact/hooks';
import { Badge } from './badges.js';
import { html } from '../html.js';
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
 * @param {{ article: Article, body: { current: HTMLElement | null } }} props body: the article's text, as the article view shows it
 */
export function EventsSection({ article, body }) {
  const list = useRef(/** @type {HTMLOListElement | null} */ (null));
  const events = article.events ?? [];
  /** @param {number} i */
  const choose = (i) => {
    if (body.current && list.current) showEvent(body.current, list.current, i);
  };
  return html`
    <section class="doc-events" aria-labelledby="doc-events-title">
      <h2 class="section-title" id="doc-events-title">Events (${events.length})</h2>
      ${!events.length
        ? html`<p class="muted">${article.meta.language && article.meta.language !== 'en' ? 'Events are coded in English articles only.' : 'No events were found.'}</p>`
        : html`
            <p class="event-legend"
              >Choosing an event marks ${Object.entries(PART_NAMES).map(([role, words], i) => html`${i ? ', ' : ''}<span class=${`event-part is-current role-${role}`}>${words}</span>`)} in the text.</p
            >
            <ol class="event-list" ref=${list}>
              ${events.map((event, i) => {
                const status = STATUS_WORDS[event.status];
                const sentence = article.sentences?.[event.sentence];
                return html`
                  <li class="event">
                    <button type="button" class="event-item" data-event=${String(i)} onClick=${() => choose(i)}
                      ><span class="event-head"
                        ><${Badge} text=${event.type} kind=${`badge-event event-type-${event.type.toLowerCase()}`} title="PLOVER event type" />${' '}<span class="event-cameo">CAMEO ${event.cameo}</span
                        >${status ? html` <${Badge} text=${status} kind="badge-event-status" title="What the text says of it" />` : null}${event.when.from === 'article'
                          ? html`<span class="event-dated"> · dated by the article's date</span>`
                          : null}</span
                      ><span class="event-summary">${event.summary}</span>${sentence ? html`<span class="event-sentence">${article.text.slice(sentence.start, sentence.end)}</span>` : null}</button
                    >${
                      // an event other articles report too: its page compares the reports
                      event.corpusEvent && event.corpusEvent.reports > 1
                        ? html`<a class="event-reports" href=${hrefOf({ name: 'event', id: event.corpusEvent.id })}>Reported ${event.corpusEvent.reports} times: compare the reports</a>`
                        : null
                    }
                  </li>
                `;
              })}
            </ol>
          `}
    </section>
  `;
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
