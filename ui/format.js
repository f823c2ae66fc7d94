// @ts-check
// Formatting of dates, languages, titles and counts, shared by every view.

/** @typedef {import('./types.js').ArticleSummary} ArticleSummary */

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A quote's content is shown in the quotes panel up to this many characters. */
export const QUOTE_PANEL_CHARS = 280;
/** What each entity type is called on the page. */
export const ENTITY_TYPE_NAMES = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', NORP: 'Nationality or group', EVENT: 'Event', MISC: 'Other name' };

/**
 * A readable date for an ISO date or date-time; the input itself when it does not parse.
 * @param {string} iso
 * @param {boolean} withTime
 */
export function formatDate(iso, withTime) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // a bare date means that day everywhere, not midnight UTC shifted into the reader's zone
  return (DATE_ONLY.test(iso) ? DAY_UTC : withTime ? DAY_AND_TIME : DAY).format(date);
}

// made once: a formatter is slow to make, and a long article's dates ask for thousands
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const DAY_UTC = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const DAY_AND_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** @type {Intl.DisplayNames | null} */
const languageNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

/**
 * The name of a language code (`sv` → Swedish), or the code when unknown.
 * @param {string} code
 */
export function languageName(code) {
  if (code === 'und') return 'Unknown language';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The last part of a file path or `path:line` source, for untitled articles.
 * @param {string | null | undefined} source
 */
export function baseName(source) {
  if (!source) return '';
  return source.split(/[\\/]/).pop() ?? source;
}

/**
 * What to call an article in the list.
 * @param {ArticleSummary} article
 */
export function summaryTitle(article) {
  return article.title?.trim() || baseName(article.source) || `Article ${article.id}`;
}

/**
 * The first words of a text, cut at a word boundary.
 * @param {string} text
 * @param {number} max
 */
export function firstWords(text, max) {
  const line = flat(text);
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Only web addresses become links; anything else (javascript:, data:, file paths) stays text.
 * @param {string | undefined | null} url
 */
export function isWebUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url.trim());
}

/**
 * Text with its whitespace runs made single spaces, for comparing lines.
 * @param {string} text
 */
export function flat(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** @param {number} n @param {string} one @param {string} many */
export function plural(n, one, many) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/**
 * A byte count as the server's messages write it (src/ingest/limits.ts sizeLabel): `512 bytes`, `9.5 KB`, `10 MB`.
 * @param {number} n
 */
export function byteSize(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
}
