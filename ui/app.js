// @ts-check
// The Dossier reader: a thin page over the HTTP API, built with Preact and htm (html.js; the
// libraries are served by the server, no build step). Everything that came from an article
// (text, titles, metadata, snippets, removals, messages) reaches the DOM as text, never as markup.
//
// The page is a function of its address (router.js): App holds the route of the address and
// gives the main pane (pane.js) its view: an article, an entity, a story, a real-world event with
// its reports, the events or quotes table, the timeline, the Add articles form, or the overview
// of the corpus when none is chosen. The sidebar (views/sidebar.js) shows a list page or search
// results: the one the address names, or the one the view was opened from. The top bar
// (components/topbar.js) searches. Each view is its own module under views/; shared pieces are
// under components/; every request goes through api.js.

import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Topbar } from './components/topbar.js';
import { html } from './html.js';
import { Pane } from './pane.js';
import { hrefOf, listQuery, parseRoute } from './router.js';
import { addPane, INGESTED_EVENT } from './views/add.js';
import { articlePane } from './views/article.js';
import { entityPane } from './views/entity.js';
import { eventPane } from './views/event.js';
import { eventsPane } from './views/events.js';
import { overviewPane } from './views/overview.js';
import { quotesPane } from './views/quotes.js';
import { Sidebar } from './views/sidebar.js';
import { storyPane } from './views/story.js';
import { timelinePane } from './views/timeline.js';

/**
 * @typedef {import('./types.js').Route} Route
 * @typedef {import('./types.js').ListRoute} ListRoute
 * @typedef {import('./pane.js').PaneView} PaneView
 */

/**
 * The main pane's view for a route: the overview while the address names a list or a search.
 * @param {Route} route
 * @returns {PaneView}
 */
function paneFor(route) {
  switch (route.name) {
    case 'article':
      return articlePane(route.id, route.event, route.quote);
    case 'add':
      return addPane();
    case 'entity':
      return entityPane(route.id);
    case 'event':
      return eventPane(route.id);
    case 'events':
      return eventsPane(route);
    case 'quotes':
      return quotesPane(route);
    case 'timeline':
      return timelinePane(route);
    case 'story':
      return storyPane(route.id, route.since);
    default:
      return overviewPane();
  }
}

/**
 * What the main pane shows, as a key: a view is loaded again when its key changes. The overview
 * stays while the sidebar pages or searches; any other view is loaded each time its address is
 * asked for.
 * @param {Route} route
 */
function paneKey(route) {
  return route.name === 'list' || route.name === 'search' ? 'overview' : hrefOf(route);
}

/**
 * The route of the address, and a count that grows when the page asks for the same address
 * again (a search sent twice) or has added articles: each is a reason to load the list anew.
 * `go` goes to an address, or shows the current one again.
 */
function useAddress() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const [again, setAgain] = useState(0);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    // articles added from the page: the list shows them now, the overview when it is shown next
    const onIngested = () => setAgain((n) => n + 1);
    window.addEventListener('hashchange', onHash);
    window.addEventListener(INGESTED_EVENT, onIngested);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener(INGESTED_EVENT, onIngested);
    };
  }, []);
  /** @param {string} href */
  const go = (href) => {
    if (location.hash === href || (href === '#/' && !location.hash)) setAgain((n) => n + 1);
    else location.hash = href;
  };
  return { route, again, go };
}

/**
 * The page: the top bar, the sidebar, and the main part (`main.reader`) with the way back to the
 * list at phone width and the pane. The sidebar shows the list or search the address names; a
 * view keeps the one it was opened from (the whole list when the page opens on a view).
 */
function App() {
  const { route, again, go } = useAddress();
  const reading = route.name !== 'list' && route.name !== 'search';
  const opened = useRef(/** @type {ListRoute} */ ({ name: 'list', page: 1 }));
  if (route.name === 'list' || route.name === 'search') opened.current = route;
  const list = opened.current;
  const listHref = hrefOf(list);

  useLayoutEffect(() => {
    document.body.classList.toggle('view-article', reading);
    document.body.classList.toggle('view-list', !reading);
    // the landing address (no search, filter or page): at phone width the overview comes before the list
    document.body.classList.toggle('view-landing', route.name === 'list' && route.page === 1 && !listQuery(route));
  }, [route]);

  return html`
    <${Topbar} route=${list} go=${go} />
    <div class="layout">
      <${Sidebar} route=${list} version=${again} current=${route.name === 'article' ? route.id : null} go=${go} />
      <main class="reader" id="reader">
        <a class="back-link" id="back-link" href=${listHref}>← Back to the list</a>
        <${Pane} key=${paneKey(route)} pane=${paneFor(route)} />
      </main>
    </div>
  `;
}

// the static page of index.html is what shows while the modules load: the app draws it anew
document.body.replaceChildren();
render(html`<${App} />`, document.body);
