// @ts-check
// The bar at the top of the page: the name, the corpus views, and the search form.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { hrefOf, listFilters } from '../router.js';

/** @typedef {import('../types.js').ListRoute} ListRoute */

/**
 * The top bar. Its search goes to the results for the words typed, keeping the filters of
 * what the sidebar shows (`route`; the Clear links drop them); no words, to the list. When the
 * sidebar shows another list, the field shows that one's words.
 * @param {{ route: ListRoute, go: (href: string) => void }} props
 */
export function Topbar({ route, go }) {
  const shown = route.name === 'search' ? route.query : '';
  const [words, setWords] = useState(shown);
  useEffect(() => setWords(shown), [hrefOf(route)]);
  /** @param {SubmitEvent} event */
  const onSubmit = (event) => {
    event.preventDefault();
    const query = words.trim();
    const filters = listFilters(route);
    // searching again for the same words reloads the results
    go(query ? hrefOf({ name: 'search', query, page: 1, ...filters }) : hrefOf({ name: 'list', page: 1, ...filters }));
  };
  return html`
    <header class="topbar">
      <a class="brand" href="#/">Dossier</a>
      <nav class="topnav" aria-label="Corpus views"><a href="#/">Overview</a> <a href="#/events">Events</a> <a href="#/quotes">Quotes</a> <a href="#/timeline">Timeline</a> <a href="#/add">Add articles</a></nav>
      <form class="search" id="search-form" role="search" onSubmit=${onSubmit}>
        <label class="visually-hidden" for="search-input">Search articles</label>
        <input
          id="search-input"
          name="q"
          type="search"
          placeholder="Search articles…"
          autocomplete="off"
          spellcheck=${false}
          value=${words}
          onInput=${(/** @type {Event} */ e) => setWords(/** @type {HTMLInputElement} */ (e.currentTarget).value)}
        />
        <button type="submit">Search</button>
      </form>
    </header>
  `;
}
