// @ts-check
// Building DOM: elements and links from text, never from markup.

/**
 * A new element with an optional class and text content.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A link with a text.
 * @param {string} href
 * @param {string} text
 * @param {string} [className]
 */
export function link(href, text, className) {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

/** The SVG namespace, for createElementNS. */
export const SVG = 'http://www.w3.org/2000/svg';

/**
 * A view's page with its header: an `article.doc` with `className`, the kicker line above the
 * title when there is one, the title as the page's h1 (focusable by script: the pane moves the
 * focus to it once the view is shown) and the byline under it. The caller appends the rest to
 * `header` and to `view`.
 * @param {string} className
 * @param {{ title: string, kicker?: string, byline?: string, titleId?: string }} parts
 */
export function docPage(className, { title, kicker, byline, titleId = 'doc-title' }) {
  const view = el('article', `doc ${className}`);
  const header = el('header', 'doc-header');
  if (kicker) header.append(el('p', 'doc-outlet', kicker));
  const h1 = el('h1', 'doc-title', title);
  h1.id = titleId;
  h1.tabIndex = -1;
  header.append(h1);
  if (byline) header.append(el('p', 'doc-byline', byline));
  view.append(header);
  return { view, header };
}
