// @ts-check
// The pieces of a corpus table page (events, quotes, and the timeline's filters): a filter form
// whose values go to the address, a table with its header row (sortable columns set the order
// in the address; the API sorts the whole result), and a pager.

import { useLayoutEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';

/**
 * A field of a filter form: an input (`type`, `search` unless given; `date` for days), or a
 * select when it has `choices` ([value, label] pairs).
 * @typedef {{ name: string, label: string, value: string, placeholder?: string, type?: string, size?: number, maxLength?: number, choices?: Array<[string, string]> }} Field
 */

/**
 * A filter form: a labelled field for each of `fields` (its id `<prefix>-<name>`) and a Filter
 * button; submitting it hands the trimmed, non-empty values to `onFilter`.
 * @param {{ prefix: string, label: string, fields: Field[], onFilter: (values: Record<string, string>) => void }} props
 *   label: what the form filters, for screen readers
 */
export function FilterForm({ prefix, label, fields, onFilter }) {
  /** @param {SubmitEvent} event */
  const onSubmit = (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (event.currentTarget));
    /** @type {Record<string, string>} */
    const values = {};
    for (const { name } of fields) {
      const value = String(data.get(name) ?? '').trim();
      if (value) values[name] = value;
    }
    onFilter(values);
  };
  return html`
    <form class="events-filter" aria-label=${label} onSubmit=${onSubmit}>
      ${fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const control = f.choices
          ? html`<select name=${f.name} id=${id}>${f.choices.map(([value, text]) => html`<option value=${value} selected=${value === f.value}>${text}</option>`)}</select>`
          : html`<input type=${f.type ?? 'search'} name=${f.name} id=${id} value=${f.value} placeholder=${f.placeholder ?? ''} size=${f.size} maxlength=${f.maxLength} />`;
        return html`<label class="events-field" for=${id}><span>${f.label}</span>${control}</label>`;
      })}
      <button type="submit">Filter</button>
    </form>
  `;
}

/**
 * A column of a table: its label and, when the list can be sorted by it, the API's sort key and
 * which way a first choice of it sorts (`desc` for days and counts: the latest or most first).
 * @typedef {{ label: string, sort?: string, first?: 'asc' | 'desc' }} Column
 */

/**
 * The sort button last pressed and the address it went to, so that the table drawn at that
 * address gives it the focus back (and no later table does, should that address fail to load).
 */
let pressed = { sort: '', hash: '' };

/**
 * The header cell of a sortable column: a button that sets the other order in the address, and
 * `aria-sort` on the column the list is sorted by. The button pressed last takes the focus
 * again in the table drawn at the address it went to.
 * @param {{ column: Column & { sort: string }, sorting: Sorting }} props
 */
function SortHeader({ column, sorting }) {
  const button = useRef(/** @type {HTMLButtonElement | null} */ (null));
  const current = sorting.sort.replace(/^-/, '') === column.sort ? (sorting.sort.startsWith('-') ? 'descending' : 'ascending') : null;
  const next = current ? (current === 'ascending' ? `-${column.sort}` : column.sort) : column.first === 'desc' ? `-${column.sort}` : column.sort;
  // as the table is drawn, before the pane would focus the view's heading (it leaves a focus the view took)
  useLayoutEffect(() => {
    if (pressed.sort !== column.sort || pressed.hash !== location.hash) return;
    pressed = { sort: '', hash: '' };
    button.current?.focus();
  }, []);
  const onClick = () => {
    pressed = { sort: column.sort, hash: sorting.hrefOfSort(next) };
    location.hash = pressed.hash;
  };
  return html`
    <th class="is-sortable" scope="col" aria-sort=${current ?? undefined}>
      <button
        type="button"
        class="sort-button"
        data-sort=${column.sort}
        title=${`Sort the whole list by ${column.label.toLowerCase()}, ${next.startsWith('-') ? 'descending' : 'ascending'}`}
        ref=${button}
        onClick=${onClick}
      >${column.label}<span class=${current ? 'sort-arrow is-current' : 'sort-arrow'} aria-hidden="true">${current === 'ascending' ? '▲' : current === 'descending' ? '▼' : '↕'}</span></button>
    </th>
  `;
}

/**
 * The order of a sortable table: its key (`-date`: descending) and the address of another.
 * @typedef {{ sort: string, hrefOfSort: (sort: string) => string }} Sorting
 */

/**
 * A table with a header row of `columns` and its rows (the children), in a wrapper that scrolls
 * sideways on a narrow screen. With `sorting`, the columns that have a sort key are sortable.
 * @param {{ className: string, columns: Array<string | Column>, sorting?: Sorting, children?: any }} props
 */
export function DataTable({ className, columns, sorting, children }) {
  return html`
    <div class="events-table-wrap">
      <table class=${`events-table ${className}`}>
        <thead>
          <tr>
            ${columns.map((column) => {
              const c = typeof column === 'string' ? { label: column } : column;
              return c.sort && sorting ? html`<${SortHeader} column=${{ ...c, sort: c.sort }} sorting=${sorting} />` : html`<th scope="col">${c.label}</th>`;
            })}
          </tr>
        </thead>
        <tbody>${children}</tbody>
      </table>
    </div>
  `;
}

/**
 * Links to the page before and after; nothing when everything fits on one page.
 * @param {{ total: number, page: number, size: number, hrefOfPage: (page: number) => string, label: string }} props
 *   page: 1-based; label: what the pages are, for screen readers
 */
export function Pager({ total, page, size, hrefOfPage, label }) {
  const pages = Math.ceil(total / size);
  if (pages <= 1) return null;
  return html`
    <nav class="pager" aria-label=${label}
      >${page > 1 ? html`<a href=${hrefOfPage(page - 1)}>← Newer</a>` : null}<span class="muted"> page ${page} of ${pages} </span
      >${page < pages ? html`<a href=${hrefOfPage(page + 1)}>Older →</a>` : null}</nav
    >
  `;
}

/**
 * The API query of a table route: its filters that are set, its order, and unless `all` the
 * page's `limit` and `offset`.
 * @param {Record<string, unknown> & { page: number, sort?: string }} route
 * @param {readonly string[]} filters
 * @param {number} size rows on a page
 * @param {boolean} all every row (for the CSV download): no limit or offset
 */
export function tableQuery(route, filters, size, all) {
  const params = new URLSearchParams();
  for (const name of filters) {
    const value = route[name];
    if (typeof value === 'string' && value) params.set(name, value);
  }
  if (route.sort) params.set('sort', route.sort);
  if (!all) {
    params.set('limit', String(size));
    params.set('offset', String((route.page - 1) * size));
  }
  return params.toString();
}
