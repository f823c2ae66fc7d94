// @ts-check
// The page's one way to write markup: htm's tagged templates, bound to Preact's h. A value put
// in a template (`${title}`) becomes a text node or an attribute's value, never markup, so
// text from articles can go in as it is; the page never uses dangerouslySetInnerHTML.
//
// The libraries are ES modules served by the server from node_modules (no build step); their
// bare names resolve through the import map in index.html.

import { h } from 'preact';
import htm from 'htm';

/** htm itself: its types describe a CommonJS module, whose default export a type checker puts one level down. */
const tagger = /** @type {typeof import('htm').default} */ (/** @type {unknown} */ (htm));

/**
 * Markup as Preact elements: html`<p class="notice">${text}</p>`.
 * @type {(strings: TemplateStringsArray, ...values: any[]) => any}
 */
export const html = tagger.bind(h);
