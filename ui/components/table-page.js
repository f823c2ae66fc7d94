// @ts-check
// The pieces of a corpus table page (events, quotes): a filter form whose values go to the
// address, a text input, a table with its header row, and a pager.

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
 * A table with a header row of `columns`, in a wrapper that scrolls sideways on a narrow screen;
 * rows go into the returned body.
 * @param {string} className
 * @param {string[]} columns
 */
export function dataTable(className, columns) {
  const table = el('table', `events-table ${className}`);
  const head = el('tr');
  for (const label of columns) {
    const th = el('th', '', label);
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
 * The API query of a table route: its filters that are set, and unless `all` the page's
 * `limit` and `offset`.
 * @param {Record<string, unknown> & { page: number }} route
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
  if (!all) {
    params.set('limit', String(size));
    params.set('offset', String((route.page - 1) * size));
  }
  return params.toString();
}
