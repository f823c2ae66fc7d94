// @ts-check
// The entity page: `#/entity/<id>`.

import { useEffect, useState } from 'preact/hooks';
import { CorpusArticle, CorpusQuote, ListSection } from '../components/corpus-items.js';
import { DocPage } from '../components/doc-page.js';
import { errorMessage, getJson } from '../api.js';
import { ENTITY_TYPE_NAMES, formatDate, plural } from '../format.js';
import { html } from '../html.js';
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
    render: (data) => ({ view: html`<${EntityView} e=${data} />`, title: data.name }),
  };
}

/**
 * A corpus entity's page: its names and spellings with counts, roles, why its names were
 * joined, articles, stories, quotes by and about it, its events, and who it is named with.
 * @param {{ e: any }} props
 */
function EntityView({ e }) {
  const seen = e.firstSeen ? ` · seen ${formatDate(e.firstSeen, false)}${e.lastSeen && e.lastSeen !== e.firstSeen ? ` – ${formatDate(e.lastSeen, false)}` : ''}` : '';
  const header = html`
    ${e.junk ? html`<p class="notice">Probably not a name: ${e.junk.reason}. It is left out of entity lists.</p>` : null}
    <p class="entity-timeline-link"><a href=${hrefOf({ name: 'timeline', entity: e.id })}>${e.name} on the timeline</a></p>
  `;
  return html`
    <${DocPage}
      className="corpus-entity"
      kicker=${`${ENTITY_TYPE_NAMES[/** @type {EntityType} */ (e.type)] ?? e.type}${e.country ? ` · ${e.country}` : ''}`}
      title=${e.name}
      byline=${`${plural(e.mentions, 'mention', 'mentions')} in ${plural(e.articles, 'article', 'articles')}${seen}`}
      header=${header}
    >
      <${ListSection} title=${`Written as (${e.aliasList.length})`} items=${e.aliasList.map((/** @type {any} */ a) => html`<span>${a.form} ×${a.mentions}</span>`)} className="corpus-aliases" />
      ${e.roles.length ? html`<${ListSection} title="Roles" items=${e.roles.map((/** @type {any} */ r) => html`<span>${r.role} ×${r.count}</span>`)} className="corpus-roles" />` : null}
      ${e.links.length
        ? html`<${ListSection} title="Why these names are one" items=${e.links.map((/** @type {any} */ l) => html`<span>${l.a} ~ ${l.b}: ${l.evidence}</span>`)} className="corpus-links" />`
        : null}
      ${e.nodes.length > 1
        ? html`<${ListSection}
            title="Names joined into it"
            items=${e.nodes.map(
              (/** @type {any} */ n) =>
                html`<span
                  >${n.name} · ${plural(n.articles, 'article', 'articles')}: ${n.sample.map(
                    (/** @type {string} */ id, /** @type {number} */ i) => html`${i ? ', ' : ''}<a href=${hrefOf({ name: 'article', id })}>${id.slice(0, 8)}</a>`,
                  )}</span
                >`,
            )}
            className="corpus-nodes"
          />`
        : null}
      <${ListSection}
        title=${`Articles (${e.articleList.length} of ${e.articleTotal})`}
        items=${e.articleList.map((/** @type {any} */ a) => html`<${CorpusArticle} article=${a} />`)}
        className="corpus-articles"
      />
      ${e.stories.length
        ? html`<${ListSection}
            title="Stories"
            items=${e.stories.map((/** @type {any} */ s) => html`<a href=${hrefOf({ name: 'story', id: s.id })}>${s.title ?? s.id} (${plural(s.articles, 'article', 'articles')})</a>`)}
            className="corpus-stories"
          />`
        : null}
      ${e.quotesBy.length ? html`<${ListSection} title=${`Quotes by ${e.name}`} items=${e.quotesBy.map((/** @type {any} */ q) => html`<${CorpusQuote} quote=${q} />`)} className="corpus-quotes" />` : null}
      ${e.quotesAbout.length ? html`<${ListSection} title=${`Quotes about ${e.name}`} items=${e.quotesAbout.map((/** @type {any} */ q) => html`<${CorpusQuote} quote=${q} />`)} className="corpus-quotes" />` : null}
      <${EventsAsActor} e=${e} />
      ${e.cooccurring.length
        ? html`<${ListSection}
            title="Named with"
            items=${e.cooccurring.map((/** @type {any} */ c) => html`<a href=${hrefOf({ name: 'entity', id: c.id })}>${c.name} (${c.articles})</a>`)}
            className="corpus-cooccurring"
          />`
        : null}
    <//>
  `;
}

/** How many of an entity's events its page lists. */
const ENTITY_EVENTS = 20;

/**
 * The events the entity takes part in as source or target (GET /api/events?entity), loaded
 * after the page is shown, each as its readable line linking to its article with the event chosen.
 * @param {{ e: any }} props
 */
function EventsAsActor({ e }) {
  const [page, setPage] = useState(/** @type {any} */ (null));
  const [error, setError] = useState(/** @type {unknown} */ (null));
  useEffect(() => {
    let live = true;
    getJson(`/api/events?entity=${encodeURIComponent(e.id)}&limit=${ENTITY_EVENTS}`)
      .then((answer) => live && setPage(answer))
      .catch((failure) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [e.id]);

  if (error) return html`<section class="corpus-events-of"><h2 class="section-title">Events</h2><p class="error">${errorMessage(error)}</p></section>`;
  if (!page) return html`<section class="corpus-events-of"><h2 class="section-title">Events</h2><p class="muted">Loading its events…</p></section>`;
  const title = page.total > page.events.length ? `Events (${page.events.length} of ${page.total})` : `Events (${page.total})`;
  return html`
    <section class="corpus-events-of">
      <h2 class="section-title">${title}</h2>
      ${page.events.length
        ? html`
            <ul class="corpus-list">
              ${page.events.map(
                (/** @type {any} */ ev) =>
                  html`<li><a href=${hrefOf({ name: 'article', id: ev.articleId, event: ev.index })}>${ev.summary}</a><span class="muted"> · ${ev.articleTitle?.trim() || ev.articleId.slice(0, 8)}</span></li>`,
              )}
            </ul>
            <a href=${hrefOf({ name: 'events', page: 1, entity: e.id })}>All of ${e.name}'s events in the table</a>
          `
        : html`<p class="muted">No event names it as who acted or on whom.</p>`}
    </section>
  `;
}
