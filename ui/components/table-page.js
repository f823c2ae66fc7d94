// @ts-check
// The pieces of a corpus table page (events, quotes): a filter form whose values go to the
// address, a text input, a table with its header row (sortable columns set the order in the
// address; the API sorts the whole result), and a pager.

import { el, link } from './dom.js';

/**
 * An input for a filter form.
 * @param {string} value
 * @param {string} placeholder
 * @param {string} [type] `search` unless given (`date` for days)
 */
export function textInput(value, placeholder, type = 'search') {
  const input = el('input');
  input.type = type;
  input.value = value;
  input.placeholder = placeholder;
  return input;
}

/**
 * A filter form: a labelled field for each input (named `name`, its id `<prefix>-<name>`) and a
 * Filter button; submitting it hands the trimmed, non-empty values to `submit`.
 * @param {string} prefix
 * @param {string} label what the form filters, for screen readers
 * @param {Array<[name: string, label: string, input: HTMLInputElement | HTMLSelectElement]>} fields
 * @param {(values: Record<string, string>) => void} submit
 */
export function filterForm(prefix, label, fields, submit) {
  const form = el('form', 'events-filter');
  form.setAttribute('aria-label', label);
  for (const [name, text, input] of fields) {
    input.name = name;
    input.id = `${prefix}-${name}`;
    const l = el('label', 'events-field');
    l.htmlFor = input.id;
    l.append(el('span', '', text), input);
    form.append(l);
  }
  const button = el('button', '', 'Filter');
  button.type = 'submit';
  form.append(button);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    /** @type {Record<string, string>} */
    const values = {};
    for (const [name] of fields) {
      const value = String(data.get(name) ?? '').trim();
      if (value) values[name] = value;
    }
    submit(values);
  });
  return form;
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
 * `aria-sort` on the column the list is sorted by.
 * @param {Column & { sort: string }} column
 * @param {{ sort: string, hrefOfSort: (sort: string) => string }} sorting the list's order (`-date`) and the address of another
 */
function sortHeader(column, sorting) {
  const th = el('th', 'is-sortable');
  th.scope = 'col';
  const current = sorting.sort.replace(/^-/, '') === column.sort ? (sorting.sort.startsWith('-') ? 'descending' : 'ascending') : null;
  if (current) th.setAttribute('aria-sort', current);
  const next = current ? (current === 'ascending' ? `-${column.sort}` : column.sort) : column.first === 'desc' ? `-${column.sort}` : column.sort;
  const button = el('button', 'sort-button');
  button.type = 'button';
  button.dataset.sort = column.sort;
  button.title = `Sort the whole list by ${column.label.toLowerCase()}, ${next.startsWith('-') ? 'descending' : 'ascending'}`;
  const arrow = el('span', current ? 'sort-arrow is-current' : 'sort-arrow', current === 'ascending' ? '▲' : current === 'descending' ? '▼' : '↕');
  arrow.setAttribute('aria-hidden', 'true');
  button.append(column.label, arrow);
  button.addEventListener('click', () => {
    pressed = { sort: column.sort, hash: sorting.hrefOfSort(next) };
    location.hash = pressed.hash;
  });
  if (pressed.sort === column.sort && pressed.hash === location.hash) {
    pressed = { sort: '', hash: '' };
    // after the pane has focused the new view's heading
    setTimeout(() => button.focus(), 0);
  }
  th.append(button);
  return th;
}

/**
 * A table with a header row of `columns`, in a wrapper that scrolls sideways on a narrow screen;
 * rows go into the returned body. With `sorting`, the columns that have a sort key are sortable.
 * @param {string} className
 * @param {Array<string | Column>} columns
 * @param {{ sort: string, hrefOfSort: (sort: string) => string }} [sorting]
 */
export function dataTable(className, columns, sorting) {
  const table = el('table', `events-table ${className}`);
  const head = el('tr');
  for (const column of columns) {
    const c = typeof column === 'string' ? { label: column } : column;
    if (c.sort && sorting) {
      head.append(sortHeader({ ...c, sort: c.sort }, sorting));
      continue;
    }
    const th = el('th', '', c.label);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  table.append(thead, tbody);
  const wrap = el('div', 'events-table-wrap');
  wrap.append(table);
  return { wrap, tbody };
}

/**
 * Links to the page before and after, or null when everything fits on one page.
 * @param {number} total
 * @param {number} page 1-based
 * @param {number} size
 * @param {(page: number) => string} hrefOfPage
 * @param {string} label what the pages are, for screen readers
 */
export function pager(total, page, size, hrefOfPage, label) {
  const pages = Math.ceil(total / size);
  if (pages <= 1) return null;
  const nav = el('nav', 'pager');
  nav.setAttribute('aria-label', label);
  if (page > 1) nav.append(link(hrefOfPage(page - 1), '← Newer'));
  nav.append(el('span', 'muted', ` page ${page} of ${pages} `));
  if (page < pages) nav.append(link(hrefOfPage(page + 1), 'Older →'));
  return nav;
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
