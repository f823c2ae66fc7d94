// @ts-check
// The entity page: `#/entity/<id>`.

import { corpusArticleItem, corpusQuoteItem, listSection } from '../components/corpus-items.js';
import { docPage, el, link } from '../components/dom.js';
import { errorMessage, getJson } from '../api.js';
import { ENTITY_TYPE_NAMES, formatDate, plural } from '../format.js';
import { hrefOf } from '../router.js';

/** @typedef {import('../types.js').EntityType} EntityType */

/**
 * The entity page in the main pane (pane.js).
 * @param {string} id a corpus entity's id, a unique prefix of one, or a name
 * @returns {import('../pane.js').PaneView}
 */
export function entityPane(id) {
  return {
    path: `/api/entities/${encodeURIComponent(id)}`,
    loading: 'Loading the entity…',
    failed: () => 'Could not load the entity.',
    render: (data) => ({ view: entityView(data), title: data.name }),
  };
}

/**
 * A corpus entity's page: its names and spellings with counts, roles, why its names were
 * joined, articles, stories, quotes by and about it, its events, and who it is named with.
 * @param {any} e
 */
function entityView(e) {
  const seen = e.firstSeen ? ` · seen ${formatDate(e.firstSeen, false)}${e.lastSeen && e.lastSeen !== e.firstSeen ? ` – ${formatDate(e.lastSeen, false)}` : ''}` : '';
  const { view, header } = docPage('corpus-entity', {
    kicker: `${ENTITY_TYPE_NAMES[/** @type {EntityType} */ (e.type)] ?? e.type}${e.country ? ` · ${e.country}` : ''}`,
    title: e.name,
    byline: `${plural(e.mentions, 'mention', 'mentions')} in ${plural(e.articles, 'article', 'articles')}${seen}`,
  });
  if (e.junk) header.append(el('p', 'notice', `Probably not a name: ${e.junk.reason}. It is left out of entity lists.`));
  const timeline = el('p', 'entity-timeline-link');
  timeline.append(link(hrefOf({ name: 'timeline', entity: e.id }), `${e.name} on the timeline`));
  header.append(timeline);
  view.append(listSection(`Written as (${e.aliasList.length})`, e.aliasList.map((/** @type {any} */ a) => el('span', '', `${a.form} ×${a.mentions}`)), 'corpus-aliases'));
  if (e.roles.length) view.append(listSection('Roles', e.roles.map((/** @type {any} */ r) => el('span', '', `${r.role} ×${r.count}`)), 'corpus-roles'));
  if (e.links.length) view.append(listSection('Why these names are one', e.links.map((/** @type {any} */ l) => el('span', '', `${l.a} ~ ${l.b}: ${l.evidence}`)), 'corpus-links'));
  if (e.nodes.length > 1) {
    view.append(
      listSection(
        'Names joined into it',
        e.nodes.map((/** @type {any} */ n) => {
          const row = el('span', '', `${n.name} · ${plural(n.articles, 'article', 'articles')}: `);
          n.sample.forEach((/** @type {string} */ id, /** @type {number} */ i) => row.append(i ? ', ' : '', link(hrefOf({ name: 'article', id: id }), id.slice(0, 8))));
          return row;
        }),
        'corpus-nodes',
      ),
    );
  }
  view.append(listSection(`Articles (${e.articleList.length} of ${e.articleTotal})`, e.articleList.map(corpusArticleItem), 'corpus-articles'));
  if (e.stories.length) view.append(listSection('Stories', e.stories.map((/** @type {any} */ s) => link(hrefOf({ name: 'story', id: s.id }), `${s.title ?? s.id} (${plural(s.articles, 'article', 'articles')})`)), 'corpus-stories'));
  if (e.quotesBy.length) view.append(listSection(`Quotes by ${e.name}`, e.quotesBy.map(corpusQuoteItem), 'corpus-quotes'));
  if (e.quotesAbout.length) view.append(listSection(`Quotes about ${e.name}`, e.quotesAbout.map(corpusQuoteItem), 'corpus-quotes'));
  view.append(eventsAsActor(e));
  if (e.cooccurring.length) view.append(listSection('Named with', e.cooccurring.map((/** @type {any} */ c) => link(hrefOf({ name: 'entity', id: c.id }), `${c.name} (${c.articles})`)), 'corpus-cooccurring'));
  return view;
}

/** How many of an entity's events its page lists. */
const ENTITY_EVENTS = 20;

/**
 * The events the entity takes part in as source or target (GET /api/events?entity), loaded
 * after the page is shown, each as its readable line linking to its article with the event chosen.
 * @param {any} e
 */
function eventsAsActor(e) {
  const section = el('section', 'corpus-events-of');
  section.append(el('h2', 'section-title', 'Events'), el('p', 'muted', 'Loading its events…'));
  getJson(`/api/events?entity=${encodeURIComponent(e.id)}&limit=${ENTITY_EVENTS}`)
    .then((/** @type {any} */ page) => {
      const title = el('h2', 'section-title', page.total > page.events.length ? `Events (${page.events.length} of ${page.total})` : `Events (${page.total})`);
      if (!page.events.length) return section.replaceChildren(title, el('p', 'muted', 'No event names it as who acted or on whom.'));
      const list = el('ul', 'corpus-list');
      for (const ev of page.events) {
        const item = el('li');
        item.append(link(hrefOf({ name: 'article', id: ev.articleId, event: ev.index }), ev.summary), el('span', 'muted', ` · ${ev.articleTitle?.trim() || ev.articleId.slice(0, 8)}`));
        list.append(item);
      }
      const more = link(hrefOf({ name: 'events', page: 1, entity: e.id }), `All of ${e.name}'s events in the table`);
      section.replaceChildren(title, list, more);
    })
    .catch((error) => section.replaceChildren(el('h2', 'section-title', 'Events'), el('p', 'error', errorMessage(error))));
  return section;
}
