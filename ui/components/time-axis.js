// @ts-check
// A time axis for the timeline, written for the job rather than taken from a library: days as
// UTC milliseconds, ticks that suit the span, and rows for labels that must not overlap.
//
// Why no library (issue 17 names vis-timeline, uPlot and d3): the page's Content-Security-Policy
// allows only the page's own scripts and style sheets, and the page has no build step.
// vis-timeline 8.5.4's one-file build injects its CSS as <style> elements when it loads, which
// the policy refuses (29 violations in Chromium's console, tried on a page under the same
// policy), and its other builds import moment, vis-data, vis-util and hammerjs by bare names,
// which need an import map (an inline script the policy refuses) or a bundler; it is 548 KB
// minified with every moment locale. uPlot 1.6.32 loads under the policy, but it draws series on
// a canvas: no item would be a focusable element with its text, which the keyboard and
// text-only rules need. d3's modules also import each other by bare names (or come as a 280 KB
// bundle) for what is here a scale and a tick rule. The histogram beside it (histogram.js)
// needs no library either.

/** One day in milliseconds. */
export const DAY = 86_400_000;

/**
 * The first millisecond of a day written YYYY-MM-DD (or of the day a longer ISO date starts with), UTC; NaN when it is none.
 * @param {string} day
 */
export function dayStart(day) {
  return /^\d{4}-\d{2}-\d{2}/.test(day) ? Date.parse(`${day.slice(0, 10)}T00:00:00Z`) : NaN;
}

/**
 * The day (YYYY-MM-DD) a moment falls on, UTC.
 * @param {number} ms
 */
export function dayOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

const MONTHS = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAYS = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Ticks for the span from `start` to `end` (UTC milliseconds): every day, every week (Mondays),
 * every month, every year or every ten years, whichever gives at most about `most`.
 * @param {number} start
 * @param {number} end
 * @param {number} [most]
 * @returns {{ at: number, label: string }[]}
 */
export function ticks(start, end, most = 12) {
  if (!(end > start)) return [];
  const days = (end - start) / DAY;
  /** @type {{ at: number, label: string }[]} */
  const out = [];
  if (days <= most) {
    for (let t = Math.ceil(start / DAY) * DAY; t < end; t += DAY) out.push({ at: t, label: DAYS.format(t) });
    return out;
  }
  if (days <= most * 7) {
    let t = Math.ceil(start / DAY) * DAY;
    // 1970-01-01 was a Thursday: Mondays are 4 days on from it, every 7
    while (((t / DAY) % 7 + 7) % 7 !== 4) t += DAY;
    for (; t < end; t += 7 * DAY) out.push({ at: t, label: DAYS.format(t) });
    return out;
  }
  const first = new Date(start);
  for (const months of [1, 3, 6, 12, 60, 120, 600]) {
    if (days > most * months * 31) continue;
    // from the step's start at or before `start`: months counted from January, years from year 0
    let y = first.getUTCFullYear();
    let m = 0;
    if (months < 12) m = Math.floor(first.getUTCMonth() / months) * months;
    else y = Math.floor(y / (months / 12)) * (months / 12);
    for (let t = Date.UTC(y, m, 1); t < end && out.length < 1000; t = Date.UTC(y, m, 1)) {
      if (t >= start) out.push({ at: t, label: months >= 12 ? String(new Date(t).getUTCFullYear()) : MONTHS.format(t) });
      m += months;
      if (m >= 12) [y, m] = [y + Math.floor(m / 12), m % 12];
    }
    return out;
  }
  return out;
}

/**
 * Places items in rows so that no two labels overlap: the heaviest first (`weight`, then the
 * earliest), each in the first row with room from `x` to `x + width` (plus `gap`); when `rows`
 * are full, an item is `squeezed` into one more row below, shown as its mark alone. Returns each
 * item's row and whether it was squeezed, and how many rows were used.
 * @param {{ x: number, width: number, weight?: number }[]} items
 * @param {number} rows the most rows of labels
 * @param {number} [gap]
 * @returns {{ placed: { row: number, squeezed: boolean }[], used: number }}
 */
export function packRows(items, rows, gap = 6) {
  /** @type {Array<Array<[number, number]>>} the stretches each row holds */
  const taken = [];
  const order = items.map((_, i) => i).sort((i, j) => (items[j].weight ?? 0) - (items[i].weight ?? 0) || items[i].x - items[j].x);
  /** @type {{ row: number, squeezed: boolean }[]} */
  const placed = new Array(items.length);
  for (const i of order) {
    const { x, width } = items[i];
    const free = (/** @type {Array<[number, number]>} */ row) => row.every(([a, b]) => x + width + gap <= a || b + gap <= x);
    let row = taken.findIndex(free);
    if (row < 0 && taken.length < rows) row = taken.push([]) - 1;
    if (row >= 0) {
      taken[row].push([x, x + width]);
      placed[i] = { row, squeezed: false };
    } else placed[i] = { row: rows, squeezed: true };
  }
  return { placed, used: taken.length + (placed.some((p) => p.squeezed) ? 1 : 0) };
}
