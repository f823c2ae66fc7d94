// @ts-check
// The main pane: one view at a time, loaded from the API. While it loads the pane says so (and
// is aria-busy); an error is shown with the API's message; once shown, the pane scrolls to the
// top and the view's heading takes the focus (unless the view took it as it was drawn). The app gives each view its own Pane (a new key),
// so an answer that comes after the view was left is dropped with the Pane that asked.

import { useErrorBoundary, useLayoutEffect, useRef, useState, useEffect } from 'preact/hooks';
import { errorMessage, getJson } from './api.js';
import { html } from './html.js';

/**
 * What the pane needs to show a view: where its data is, what to say while it loads and when
 * it fails, and how to build it from the data (a Preact element, and the document's title).
 * @typedef {{
 *   path: string,
 *   loading: string,
 *   failed: (error: unknown) => string,
 *   render: (data: any) => { view: import('preact').VNode<any>, title: string },
 * }} PaneView
 */

/** @typedef {{ view: import('preact').VNode<any>, title: string } | { error: unknown }} Shown */

/**
 * The pane's content (`#reader-content`) for one view.
 * @param {{ pane: PaneView }} props
 */
export function Pane({ pane }) {
  const [shown, setShown] = useState(/** @type {Shown | null} */ (null));
  // an error while a view's components render is shown like an error of the API
  const [renderError] = useErrorBoundary();
  const box = useRef(/** @type {HTMLDivElement | null} */ (null));

  useEffect(() => {
    let live = true;
    (async () => {
      /** @type {Shown} */
      let next;
      try {
        const data = await getJson(pane.path);
        if (!live) return;
        next = pane.render(data);
      } catch (error) {
        next = { error };
      }
      if (live) setShown(next);
    })();
    return () => {
      live = false;
    };
    // a Pane shows one view: the app gives another view another Pane
  }, []);

  const failure = renderError !== undefined ? { error: renderError } : shown && 'error' in shown ? shown : null;
  const view = shown && 'view' in shown && !failure ? shown.view : null;

  useLayoutEffect(() => {
    const content = box.current;
    if (!content || (!shown && !failure)) return;
    document.title = view ? `${/** @type {{ title: string }} */ (shown).title} – Dossier` : 'Dossier';
    const reader = content.parentElement;
    if (reader) reader.scrollTop = 0;
    if (document.body.classList.contains('view-article')) window.scrollTo(0, 0);
    // the heading, unless the view has put the focus somewhere in itself (a sort button pressed)
    const heading = content.querySelector('h1');
    if (heading instanceof HTMLElement && !content.contains(document.activeElement)) heading.focus({ preventScroll: true });
  }, [shown, renderError]);

  const body = failure
    ? html`<div class="notice notice-error" role="alert"><strong>${pane.failed(failure.error)}</strong><span class="notice-detail">${errorMessage(failure.error)}</span></div>`
    : !shown
      ? html`<p class="notice">${pane.loading}</p>`
      : view;
  return html`<div class="reader-content" id="reader-content" ref=${box} aria-busy=${shown || failure ? undefined : 'true'}>${body}</div>`;
}
