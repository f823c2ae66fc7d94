// @ts-check
// A facet list: one facet of a result (an outlet, a language, a story, a name, an event type),
// each value a link that chooses it, or drops it when chosen, with how many articles it keeps.

import { html } from '../html.js';

/**
 * @typedef {import('../types.js').FacetValue} FacetValue
 */

/**
 * One facet as a titled list of links. A chosen value is marked (and said to be chosen, for
 * screen readers) and listed first, also when the result's values left it out; its link drops
 * it. Labels are article text: they go into the DOM as text. Nothing when the facet has no
 * values and none is chosen.
 *
 * @param {{
 *   name: string,
 *   title: string,
 *   values: FacetValue[],
 *   chosen: string[],
 *   labelOf: (value: FacetValue) => string,
 *   hrefOf: (value: string, chosen: boolean) => string,
 * }} props
 */
export function FacetList({ name, title, values, chosen, labelOf, hrefOf }) {
  const listed = new Map(values.map((v) => [v.value, v]));
  // a chosen value first, with the count the result gives it (every article, when it is chosen)
  const shown = [...chosen.map((value) => listed.get(value) ?? { value, label: null, count: -1 }), ...values.filter((v) => !chosen.includes(v.value))];
  if (!shown.length) return null;
  const headingId = `facet-${name}-title`;
  return html`
    <div class="facet" data-facet=${name}>
      <h3 class="facet-title" id=${headingId}>${title}</h3>
      <ul class="facet-values" aria-labelledby=${headingId}>
        ${shown.map((v) => {
          const isChosen = chosen.includes(v.value);
          const label = v.label === null && v.count < 0 ? v.value : labelOf(v);
          // a long label is cut short on screen: the whole of it on hover
          return html`<li key=${v.value}>
            <a class=${isChosen ? 'facet-value is-chosen' : 'facet-value'} href=${hrefOf(v.value, isChosen)} data-value=${v.value} title=${label}
              ><span class="facet-check"></span><span class="facet-label">${label}</span>${v.count >= 0 ? html`<span class="facet-count">${v.count.toLocaleString()}</span>` : null}${isChosen
                ? html`<span class="visually-hidden"> (chosen; drops the filter)</span>`
                : null}</a
            >
          </li>`;
        })}
      </ul>
    </div>
  `;
}
