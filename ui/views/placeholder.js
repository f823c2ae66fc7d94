// @ts-check
// What the main pane shows when no article is chosen.

import { el } from '../components/dom.js';

/** The main pane's view of `#/` and of list and search pages. */
export function placeholderView() {
  const box = el('div', 'placeholder');
  box.append(el('p', '', 'Choose an article from the list to read it here.'), el('p', 'muted', 'Dossier shows the cleaned text, what cleaning removed and why, and what it noticed on the way.'));
  return box;
}
