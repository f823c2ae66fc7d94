import { MAX_PAGE_SIZE } from '../store/store.ts';

/**
 * What every CSV of Dossier shares (the events and quotes CSVs): RFC 4180 cells, and rows read
 * from a store list a page at a time.
 *
 * A cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, so that opening the file never runs text taken
 * from an article (OWASP's advice on CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text defused, quoted where it must be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of cells, with its line end (CRLF). */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Every row that `read` gives within the window of `limit` and `offset` (no limit: to the end),
 * read page after page of at most MAX_PAGE_SIZE, so that a large export never holds more than a page.
 */
export function* pagedRows<T>(window: { limit?: number; offset?: number }, read: (page: { limit: number; offset: number }) => T[]): Generator<T> {
  const end = window.limit === undefined ? Infinity : (window.offset ?? 0) + window.limit;
  let offset = window.offset ?? 0;
  while (offset < end) {
    const limit = Math.min(MAX_PAGE_SIZE, end - offset);
    const rows = read({ offset, limit });
    yield* rows;
    offset += rows.length;
    if (rows.length < limit) break;
  }
}

/** A header line of `columns`, then a line for each row of pagedRows. */
export function* pagedCsvLines<T>(columns: readonly string[], window: { limit?: number; offset?: number }, read: (page: { limit: number; offset: number }) => T[], line: (row: T) => string): Generator<string> {
  yield csvLine(columns);
  for (const row of pagedRows(window, read)) yield line(row);
}
