/**
 * Filters on an article's publication date: `from` and `to` are days written `YYYY-MM-DD`,
 * both inclusive. An article whose date is unknown is left out of any filtered list. Dates are
 * compared as the article gives them (`2026-03-14T23:30:00-05:00` is on 14 March).
 */
export interface DateRange {
  from?: string;
  to?: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a calendar day written `YYYY-MM-DD` (no time, no offset, a day that exists).
 *
 * @example isIsoDay('2026-03-14') // true; isIsoDay('2026-02-30') // false
 */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcDay(year, month, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The bounds a store compares published dates with: at or after `from`, and before the day
 * after `to` (so that a timestamp on `to` is in). Throws a TypeError on a day that is not
 * `YYYY-MM-DD`: the command line and the API check what users type first.
 *
 * @example publishedBounds({ to: '2026-03-14' }) // { from: null, until: '2026-03-15' }
 */
export function publishedBounds(range: DateRange = {}): { from: string | null; until: string | null } {
  for (const key of ['from', 'to'] as const) {
    const day = range[key];
    if (day !== undefined && !isIsoDay(day)) throw new TypeError(`a date range's "${key}" must be a day written YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return { from: range.from ?? null, until: range.to === undefined ? null : dayAfter(range.to) };
}

/** The day after a `YYYY-MM-DD` day. */
function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const next = utcDay(year, month, date + 1);
  return `${String(next.getUTCFullYear()).padStart(4, '0')}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-${String(next.getUTCDate()).padStart(2, '0')}`;
}

/** A UTC date; a day past the month's end rolls over. (Date.UTC would read years 0–99 as 1900–1999.) */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** True when a range is given at all: filtered lists then leave out articles without a date. */
export function hasRange(range: DateRange = {}): boolean {
  return range.from !== undefined || range.to !== undefined;
}
