// @ts-check
// The Dossier reader: a thin page over the HTTP API. Everything that came from an article
// (text, titles, metadata, snippets, removals, messages) reaches the DOM through
// textContent or text nodes only, never as markup.
//
// The page is a function of its address (router.js): the sidebar (views/sidebar.js) shows a
// list page or search results, and the main pane (pane.js) one view: an article, an entity,
// a story, a real-world event with its reports, the events table, the Add articles form, or the overview of the corpus when none is chosen. Each view is its own module under views/;
// shared pieces are under components/; every request goes through api.js.

import { byId } from './components/dom.js';
import { loadInPane } from './pane.js';
import { hrefOf, listQuery, parseRoute } from './router.js';
import { addPane, INGESTED_EVENT } from './views/add.js';
import { articlePane } from './views/article.js';
import { entityPane } from './views/entity.js';
import { eventPane } from './views/event.js';
import { eventsPane } from './views/events.js';
import { overviewPane } from './views/overview.js';
import { quotesPane } from './views/quotes.js';
import { listenToForms, loadSidebar, markCurrent, sidebarHref, sidebarRoute } from './views/sidebar.js';
import { storyPane } from './views/story.js';
import { timelinePane } from './views/timeline.js';

/** @typedef {import('./types.js').ListRoute} ListRoute */

const backLink = byId('back-link', HTMLAnchorElement);

/** The main pane's overview, shown while the address names no article, entity or story. */
const OVERVIEW = 'overview';

/**
 * What the main pane shows or is loading: OVERVIEW, or a route's hash. An article or the
 * overview is loaded again only when the pane shows something else.
 */
let shown = '';

/**
 * Loads the sidebar; an article view's "Back to the list" goes back to it.
 * @param {ListRoute} route
 */
function showSidebar(route) {
  void loadSidebar(route);
  backLink.href = sidebarHref();
}

function onRoute() {
  const route = parseRoute(location.hash);
  const reading = route.name !== 'list' && route.name !== 'search';
  document.body.classList.toggle('view-article', reading);
  document.body.classList.toggle('view-list', !reading);
  // the landing address (no search, filter or page): at phone width the overview comes before the list
  document.body.classList.toggle('view-landing', route.name === 'list' && route.page === 1 && !listQuery(route));
  if (reading) {
    // the sidebar keeps showing the list or results the article was opened from
    if (!sidebarHref()) showSidebar(sidebarRoute());
    markCurrent(route.name === 'article' ? route.id : null);
    const href = hrefOf(route);
    // an entity or story page is loaded anew each time it is asked for; an article only when another is
    if (href === shown && route.name === 'article') return;
    shown = href;
    void loadInPane(
      route.name === 'article'
        ? articlePane(route.id, route.event, route.quote)
        : route.name === 'add'
          ? addPane()
        : route.name === 'entity'
          ? entityPane(route.id)
          : route.name === 'event'
            ? eventPane(route.id)
            : route.name === 'events'
              ? eventsPane(route)
              : route.name === 'quotes'
                ? quotesPane(route)
                : route.name === 'timeline'
                  ? timelinePane(route)
                : storyPane(route.id, route.since),
    );
    return;
  }
  if (hrefOf(route) !== sidebarHref()) showSidebar(route);
  if (shown !== OVERVIEW) {
    shown = OVERVIEW;
    markCurrent(null);
    void loadInPane(overviewPane());
  }
}

listenToForms(onRoute);
// articles added from the page: the list shows them now, the overview when it is shown next
window.addEventListener(INGESTED_EVENT, () => showSidebar(sidebarRoute()));
window.addEventListener('hashchange', onRoute);
onRoute();
