/** Calendar arithmetic on plain (UTC) days; no clock, no time zone. */

export interface Day {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real day of the proleptic Gregorian calendar, years 1 to 9999. */
export function isDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function addDays(d: Day, n: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const k = year * 12 + (month - 1) + n;
  return { year: Math.floor(k / 12), month: (k % 12) + 1 };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(d: Day): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7;
}

/** ISO 8601 week: its year and number. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekday(d));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1;
  return { year: thursday.year, week };
}

export const dayValue = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const monthValue = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
export const yearValue = (year: number) => pad(year, 4);
export function weekValue(d: Day): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** A document date (`2025-03-14`, `2025-03-14T19:00:00Z`) as a Day, or null. */
export function parseDay(iso: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isDay(year, month, day) ? { year, month, day } : null;
}

/** Negative when `a` comes before `b`, zero on the same day. */
export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Western Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher). */
export function easter(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/**
 * A holiday's rule: a fixed day (`'12-25'`), the n-th weekday of a month (n = -1: the last),
 * or a number of days from Easter Sunday.
 */
export type Holiday =
  | { fixed: string }
  | { month: number; weekday: number; n: number; fixed?: undefined }
  | { easter: number; fixed?: undefined };

/** The day a holiday falls on in a year. */
export function holidayDay(h: Holiday, year: number): Day {
  if ('easter' in h) return addDays(easter(year), h.easter);
  if (h.fixed !== undefined) {
    const [month, day] = h.fixed.split('-').map(Number);
    return { year, month, day };
  }
  if (h.n > 0) {
    const first = { year, month: h.month, day: 1 };
    return addDays(first, ((h.weekday - weekday(first) + 7) % 7) + 7 * (h.n - 1));
  }
  const last = { year, month: h.month, day: daysInMonth(year, h.month) };
  return addDays(last, -((weekday(last) - h.weekday + 7) % 7));
}

/** The months a TIMEX3 season or quarter covers (`SP`, `Q2`, `H1`…): first and last month. */
const PART_MONTHS: Record<string, [number, number]> = {
  Q1: [1, 3], Q2: [4, 6], Q3: [7, 9], Q4: [10, 12], H1: [1, 6], H2: [7, 12],
  SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14],
};

/**
 * The days a TIMEX3 date value covers, first and last (`YYYY-MM-DD`), for filters by date
 * range: a day is itself, a week its Monday to Sunday, a month, quarter, season or year all its
 * days; a time of day is its day. Null for what names no stretch of the calendar (`PRESENT_REF`,
 * `XXXX-WXX-5`, durations), and for years before 1 or after 9999.
 *
 * @example valueDays('2025-W08') // { first: '2025-02-17', last: '2025-02-23' }
 */
export function valueDays(value: string): { first: string; last: string } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isDay(year, month, day)) return null;
    const d = dayValue({ year, month, day });
    return { first: d, last: d };
  }
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (year < 1 || year > 9999 || week < 1 || week > 53) return null;
    // the Monday of week 1 is the Monday on or before 4 January
    const jan4 = { year, month: 1, day: 4 };
    const monday = addDays(jan4, 1 - weekday(jan4) + (week - 1) * 7);
    if (isoWeek(monday).week !== week) return null; // a 53rd week the year does not have
    const weekend = value.endsWith('-WE');
    return { first: dayValue(weekend ? addDays(monday, 5) : monday), last: dayValue(addDays(monday, 6)) };
  }
  const months = (year: number, first: number, last: number) => {
    if (year < 1 || year > 9999) return null;
    const lastMonth = addMonths(year, last, 0); // winter's 14th month is February of the next year
    return { first: dayValue({ year, month: first, day: 1 }), last: dayValue({ year: lastMonth.year, month: lastMonth.month, day: daysInMonth(lastMonth.year, lastMonth.month) }) };
  };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? months(Number(m[1]), month, month) : null;
  }
  m = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const [first, last] = PART_MONTHS[m[2]];
    return months(Number(m[1]), first, last);
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return months(Number(m[1]), 1, 12);
  return null;
}
