// @ts-check
// A facet list: one facet of a result (an outlet, a language, a story, a name, an event type),
// each value a link that chooses it, or drops it when chosen, with how many articles it keeps.

import { el } from './dom.js';

/**
 * @typedef {import('../types.js').FacetValue} FacetValue
 */

/**
 * One facet as a titled list of links. A chosen value is marked (and said to be chosen, for
 * screen readers) and listed first, also when the result's values left it out; its link drops
 * it. Labels are article text: they go into the DOM as text.
 *
 * @param {{
 *   name: string,
 *   title: string,
 *   values: FacetValue[],
 *   chosen: string[],
 *   labelOf: (value: FacetValue) => string,
 *   hrefOf: (value: string, chosen: boolean) => string,
 * }} facet
 * @returns {HTMLElement | null} null when the facet has no values and none is chosen
 */
export function facetList({ name, title, values, chosen, labelOf, hrefOf }) {
  const listed = new Map(values.map((v) => [v.value, v]));
  // a chosen value first, with the count the result gives it (every article, when it is chosen)
  const shown = [...chosen.map((value) => listed.get(value) ?? { value, label: null, count: -1 }), ...values.filter((v) => !chosen.includes(v.value))];
  if (!shown.length) return null;

  const section = el('div', 'facet');
  section.dataset.facet = name;
  const heading = el('h3', 'facet-title', title);
  heading.id = `facet-${name}-title`;
  const list = el('ul', 'facet-values');
  list.setAttribute('aria-labelledby', heading.id);
  for (const v of shown) {
    const isChosen = chosen.includes(v.value);
    const link = el('a', isChosen ? 'facet-value is-chosen' : 'facet-value');
    link.href = hrefOf(v.value, isChosen);
    link.dataset.value = v.value;
    const label = v.label === null && v.count < 0 ? v.value : labelOf(v);
    // a long label is cut short on screen: the whole of it on hover
    link.title = label;
    link.append(el('span', 'facet-check'), el('span', 'facet-label', label));
    if (v.count >= 0) link.append(el('span', 'facet-count', v.count.toLocaleString()));
    if (isChosen) link.append(el('span', 'visually-hidden', ' (chosen; drops the filter)'));
    const item = el('li');
    item.append(link);
    list.append(item);
  }
  section.append(heading, list);
  return section;
}
