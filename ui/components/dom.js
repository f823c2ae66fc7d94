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
 * The element with this id; a missing one is a defect of index.html.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new TypeError(`index.html lacks #${id}`);
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
