/**
 * The baseline the evaluation runs beside Dossier's tagger: chrono-node behind a simple
 * adapter. chrono finds dates and times (not durations or sets) and resolves them to a
 * moment; the adapter keeps only what chrono marks as certain, so that a weekday or "last
 * week" is not credited with the day chrono picked for it.
 *
 * - span: the result's `index` and `text`;
 * - type: TIME when the hour is certain, else DATE;
 * - value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` from the certain components, `X` for an uncertain
 *   year under a certain month (`XXXX-MM-DD`, `XXXX-MM`), `XXXX-XX-XX` when no date component
 *   is certain; `THH:MM` after the date (its unknown parts as `X`) when the hour is certain.
 */
import * as chrono from 'chrono-node';
import type { ParsedComponents } from 'chrono-node';
import type { ScoredTimex } from './score.ts';

const pad = (n: number | null, width: number) => String(n ?? 0).padStart(width, '0');

/** A document creation time (`2013-03-22`, `1998-01-08T10:30:00`) as a local Date for chrono, or undefined. */
function referenceDate(dct: string | null | undefined): Date | undefined {
  const m = dct ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(dct) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) : undefined;
}

/** The TIMEX3 value of chrono's certain components (see the module comment). */
export function chronoValue(c: ParsedComponents): string {
  const year = c.isCertain('year') ? pad(c.get('year'), 4) : 'XXXX';
  const month = c.isCertain('month') ? pad(c.get('month'), 2) : null;
  const day = c.isCertain('day') && month ? pad(c.get('day'), 2) : null;
  if (c.isCertain('hour')) return `${year}-${month ?? 'XX'}-${day ?? 'XX'}T${pad(c.get('hour'), 2)}:${pad(c.get('minute'), 2)}`;
  if (day) return `${year}-${month}-${day}`;
  if (month) return `${year}-${month}`;
  return c.isCertain('year') ? year : 'XXXX-XX-XX';
}

/**
 * chrono-node's dates and times in `text`, as timexes, resolved against `dct` (the local
 * clock's today when absent).
 *
 * @example chronoTimexes('He left on March 3.', '2013-03-22') // [{ start: 11, end: 18, type: 'DATE', value: 'XXXX-03-03' }]
 */
export function chronoTimexes(text: string, dct?: string | null): ScoredTimex[] {
  return chrono.parse(text, referenceDate(dct)).map((r) => ({
    start: r.index,
    end: r.index + r.text.length,
    type: r.start.isCertain('hour') ? 'TIME' : 'DATE',
    value: chronoValue(r.start),
  }));
}
