// @ts-check
// A view's page with its header, the frame every view of the main pane shares.

import { html } from '../html.js';

/**
 * An `article.doc` with `className`: the kicker line above the title when there is one, the
 * title as the page's h1 (focusable by script: the pane moves the focus to it once the view is
 * shown), the byline under it, then `header` (more of the header) and the children (the page).
 * @param {{ className: string, title: string, kicker?: string, byline?: string, titleId?: string, header?: any, children?: any }} props
 */
export function DocPage({ className, title, kicker, byline, titleId = 'doc-title', header, children }) {
  return html`
    <article class=${`doc ${className}`} aria-labelledby=${titleId}>
      <header class="doc-header">
        ${kicker ? html`<p class="doc-outlet">${kicker}</p>` : null}
        <h1 class="doc-title" id=${titleId} tabindex="-1">${title}</h1>
        ${byline ? html`<p class="doc-byline">${byline}</p>` : null}
        ${header}
      </header>
      ${children}
    </article>
  `;
}
