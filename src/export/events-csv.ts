import type { EventActorRow, EventFilter, EventRow, Store } from '../store/store.ts';
import { MAX_PAGE_SIZE } from '../store/store.ts';

/**
 * Events as CSV in the shape event-data users know from GDELT, ICEWS and PHOENIX: one row per
 * event, its date, source actor with its codes, event type and CAMEO code, target, place, and
 * where it was read (article, outlet, the sentence and its span). Several actors on one side
 * are one cell, joined by "; ". RFC 4180: comma separated, CRLF line ends, a cell quoted when
 * it holds a comma, a quotation mark or a line break.
 *
 * A cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, so that opening the file never runs text taken
 * from an article (OWASP's advice on CSV injection).
 */
export const EVENT_CSV_COLUMNS = [
  'date', 'date_from', 'source', 'source_country', 'source_sector', 'type', 'mode', 'context', 'cameo', 'status',
  'target', 'target_country', 'target_sector', 'place', 'place_country', 'trigger', 'article_id', 'article_title', 'outlet',
  'sentence_start', 'sentence_end', 'sentence',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text defused, quoted where it must be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cells of one side of an event: names, countries, sectors (each "; "-joined, empty where none is known). */
function side(actors: readonly EventActorRow[]): [string, string, string] {
  const join = (values: Array<string | null>) => (values.some((v) => v) ? values.map((v) => v ?? '').join('; ') : '');
  return [actors.map((a) => a.name ?? a.text).join('; '), join(actors.map((a) => a.country)), join(actors.map((a) => a.sector))];
}

/** The CSV header line, with its line end. */
export function eventCsvHeader(): string {
  return `${EVENT_CSV_COLUMNS.join(',')}\r\n`;
}

/** One event as a CSV line, with its line end, in EVENT_CSV_COLUMNS' order. */
export function eventCsvLine(e: EventRow): string {
  const cells: Array<string | number | null> = [
    e.date, e.dateFrom, ...side(e.source), e.type, e.mode, e.context, e.cameo, e.status,
    ...side(e.target), e.place?.name ?? null, e.place?.country ?? null, e.trigger, e.articleId, e.articleTitle, e.outlet,
    e.spans.sentence.start, e.spans.sentence.end, e.sentence,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * The header and every event the filter matches, one CSV line each (with its line end): its
 * `limit` and `offset` are taken as the whole window, read from the store MAX_PAGE_SIZE at a
 * time, so that a large export never holds more than a page.
 *
 * @example for (const line of eventsCsvLines(store, { country: 'RUS' })) process.stdout.write(line)
 */
export function eventsCsvLines(store: Pick<Store, 'events'>, filter: EventFilter): Generator<string> {
  return pagedCsvLines(eventCsvHeader(), filter, (page) => store.events({ ...filter, ...page }).events, eventCsvLine);
}

/**
 * A header line, then a line for each row that `read` gives, page after page of at most
 * MAX_PAGE_SIZE, within the window of `limit` and `offset` (no limit: to the end).
 */
export function* pagedCsvLines<T>(header: string, window: { limit?: number; offset?: number }, read: (page: { limit: number; offset: number }) => T[], line: (row: T) => string): Generator<string> {
  yield header;
  const end = window.limit === undefined ? Infinity : (window.offset ?? 0) + window.limit;
  let offset = window.offset ?? 0;
  while (offset < end) {
    const rows = read({ offset, limit: Math.min(MAX_PAGE_SIZE, end - offset) });
    for (const row of rows) yield line(row);
    offset += rows.length;
    if (rows.length === 0) break;
  }
}
