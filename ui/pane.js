// @ts-check
// The main pane: shows one view at a time, loaded from the API. A slow answer to an older
// request is dropped, errors are shown with the API's message, and the new view's heading
// takes the focus.

import { errorMessage, getJson } from './api.js';
import { byId, el } from './components/dom.js';

/**
 * What the pane needs to show a view: where its data is, what to say while it loads and when
 * it fails, and how to build it from the data.
 * @typedef {{
 *   path: string,
 *   loading: string,
 *   failed: (error: unknown) => string,
 *   render: (data: any) => { view: HTMLElement, title: string },
 * }} PaneView
 */

const reader = byId('reader', HTMLElement);
const content = byId('reader-content', HTMLElement);

/** Increases with every view shown, so that a slow answer to an old request is dropped. */
let seq = 0;

/**
 * Shows a view that needs no data from the API.
 * @param {HTMLElement} view
 * @param {string} title the document's title
 */
export function showInPane(view, title) {
  seq++;
  content.removeAttribute('aria-busy');
  document.title = title;
  content.replaceChildren(view);
}

/**
 * Loads a view's data and shows it, or the error; then scrolls to the top and focuses its heading.
 * @param {PaneView} pane
 */
export async function loadInPane(pane) {
  const mine = ++seq;
  content.setAttribute('aria-busy', 'true');
  content.replaceChildren(el('p', 'notice', pane.loading));
  try {
    const data = await getJson(pane.path);
    if (mine !== seq) return;
    const { view, title } = pane.render(data);
    content.replaceChildren(view);
    document.title = `${title} – Dossier`;
  } catch (error) {
    if (mine !== seq) return;
    const box = el('div', 'notice notice-error');
    box.setAttribute('role', 'alert');
    box.append(el('strong', '', pane.failed(error)), el('span', 'notice-detail', errorMessage(error)));
    content.replaceChildren(box);
    document.title = 'Dossier';
  } finally {
    if (mine === seq) content.removeAttribute('aria-busy');
  }
  if (mine !== seq) return;
  reader.scrollTop = 0;
  if (document.body.classList.contains('view-article')) window.scrollTo(0, 0);
  const heading = content.querySelector('h1');
  if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
}
