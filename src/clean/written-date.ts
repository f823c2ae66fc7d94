import { createRequire } from 'node:module';
import type { ParsedResult } from 'chrono-node';

/**
 * Full dates (day, month and year) as pages and articles write them: in words ("Thursday
 * 12 March 2026", "14. März 2026", "14 de marzo de 2026"), as ISO 8601 and its machine kin
 * (`2026-03-12T09:00:00Z`, `2026/03/12`, `20260312`, RFC 2822), and day-first with dots
 * (`12.03.2026`) on pages in a language that writes the day first. A date without its year
 * or its day is no publication date, and neither is a year outside PLAUSIBLE_YEARS.
 */

/** Years a publication date can have: the web's and a little beyond (no machine clock is asked). */
const PLAUSIBLE_YEARS = { from: 1990, to: 2100 } as const;

/** A year a written date would carry. */
const YEAR = String.raw`(?<!\d)(?:1[89]|2\d)\d\d(?!\d)`;

/** The start of a month's name in the languages of DATE_LOCALES ("Mar", "mär", "août", "марта"). */
const MONTH = String.raw`(?<!\p{L})(?:jan|feb|fév|fev|mar|mär|maa|apr|avr|abr|ma[iyg]|mei|jun|jui|giu|jul|lug|aug|aoû|ago|sep|set|oct|okt|ott|out|nov|dec|dez|déc|dic|ene|gen|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)`;

/**
 * A month's name with its year a few characters on: "March 2026", "14. März 2026", "March 14th,
 * 2026", "14 de marzo de 2026", "14 марта 2026". The month starts the match.
 */
const MONTH_YEAR = String.raw`${MONTH}\p{L}*\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\.?,?\s+)?(?:de\s+|del\s+)?${YEAR}`;

/** How many words before the month are read with it: a weekday and a day ("Saturday, 14 March 2026", "sábado, 14 de marzo"). */
const WORDS_BEFORE_MONTH = 3;

/** How many month names a text is searched for before giving up: chrono-node is slow, and a date line has one or two. */
const MAX_MONTH_TRIES = 8;

/**
 * chrono-node's date parsers, English first, then the other languages Dossier cleans. Each
 * locale is loaded on first use: loading them all takes longer than a short command's whole
 * run, and most articles have no date line to read.
 */
const DATE_LOCALES = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it', 'sv', 'ru'] as const;
type DateLocale = (typeof DATE_LOCALES)[number];
type DateParser = { parse: (text: string) => ParsedResult[] };
const require = createRequire(import.meta.url);
const parsers = new Map<string, DateParser>();

function parserFor(locale: DateLocale): DateParser {
  let parser = parsers.get(locale);
  if (!parser) {
    parser = (require(`chrono-node/${locale}`) as { strict: DateParser }).strict;
    parsers.set(locale, parser);
  }
  return parser;
}

/** The locales to try for a text in `language`: that language's first, then the rest in order. */
function localesFor(language: string | undefined): readonly DateLocale[] {
  const own = DATE_LOCALES.find((l) => l === language);
  return own ? [own, ...DATE_LOCALES.filter((l) => l !== own)] : DATE_LOCALES;
}

/** Languages that write a numeric date day first with dots (`12.03.2026`); English pages may write the month first. */
const DAY_FIRST_LANGUAGES: ReadonlySet<string> = new Set(['de', 'fr', 'es', 'nl', 'pt', 'it', 'sv', 'ru', 'da', 'no', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'tr', 'uk', 'ro', 'hr', 'sl', 'sr', 'bg', 'et', 'lv', 'lt']);

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the three numbers make a real day in PLAUSIBLE_YEARS, else undefined. */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (year < PLAUSIBLE_YEARS.from || year > PLAUSIBLE_YEARS.to || month < 1 || month > 12) return undefined;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function dayOf(results: ParsedResult[]): string | undefined {
  for (const result of results) {
    const { start } = result;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day') || !/\p{L}{3,}/u.test(result.text)) continue;
    const day = calendarDay(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
    if (day) return day;
  }
  return undefined;
}

/**
 * The first day a text writes with its month in words and its year (`2026-03-12`), in the
 * languages of DATE_LOCALES (`language`'s first), or undefined. chrono-node is slow next to the
 * rest of an article's work, and some of its patterns take 20-200 ms on some lines (one holding
 * "Calif." and, far from each other, "may" and a year): it reads only the stretch from a few
 * words before a month's name to the year after it.
 *
 * @example wordDate('Westmark Allgemeine, Samstag, 14. März 2026') // '2026-03-14'
 */
export function wordDate(text: string, language?: string): string | undefined {
  const monthYear = new RegExp(MONTH_YEAR, 'giu');
  let tries = 0;
  for (let found = monthYear.exec(text); found && tries < MAX_MONTH_TRIES; found = monthYear.exec(text), tries++) {
    const before = text.slice(0, found.index).split(/\s+/).filter(Boolean).slice(-WORDS_BEFORE_MONTH).join(' ');
    const stretch = `${before} ${found[0]}`.trim();
    for (const locale of localesFor(language)) {
      let day: string | undefined;
      try {
        day = dayOf(parserFor(locale).parse(stretch));
      } catch {
        // a parser that fails on odd input reads no date there; the article goes on without one
      }
      if (day) return day;
    }
  }
  return undefined;
}

/** `2026-03-12` in running text, not part of a longer number or code. */
const ISO_DAY_IN_TEXT = /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])/;
/** `12.03.2026` (and `12. 03. 2026`) in running text. */
const DOTTED_DAY_IN_TEXT = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/;

/**
 * The first full date a short text writes (`YYYY-MM-DD`): in words, as ISO 8601, or with dots
 * day first when `language` writes it so. Whichever comes first in the text wins.
 *
 * @example textDate('Veröffentlicht am 20.06.2019 11:43', 'de') // '2019-06-20'
 */
export function textDate(text: string, language?: string): string | undefined {
  const numeric: Array<{ index: number; day: string }> = [];
  const iso = ISO_DAY_IN_TEXT.exec(text);
  const isoDay = iso && calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (iso && isoDay) numeric.push({ index: iso.index, day: isoDay });
  if (language && DAY_FIRST_LANGUAGES.has(language)) {
    const dotted = DOTTED_DAY_IN_TEXT.exec(text);
    const dottedDay = dotted && calendarDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    if (dotted && dottedDay) numeric.push({ index: dotted.index, day: dottedDay });
  }
  numeric.sort((a, b) => a.index - b.index);
  // a month in words before the first numeric date wins; read only the text up to that date
  const words = wordDate(numeric.length ? text.slice(0, numeric[0].index) : text, language);
  return words ?? numeric[0]?.day;
}

/** ISO 8601 and its machine kin: `2026-03-12`, `2026/03/12 09:00`, `2026-03-12T09:00:00.000+0100`. */
const MACHINE_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/i;
/** `20260312`, as some pages and addresses write a day. */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** RFC 2822, as HTTP and feeds write a date: `Fri, 30 Oct 2020 07:45:02 GMT`. */
const RFC_2822 = /^(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[a-z]{1,5}|[+-]\d{4})$/i;

/**
 * A full date given as a value (a `<meta>` tag's content, a form field's value, a microdata
 * attribute), as ISO 8601: the machine forms as written (a time and offset kept, `/` read as
 * `-`), RFC 2822 converted to UTC; otherwise a short value read as text (textDate). Undefined
 * when the value holds no full date: a bare year, a number, "yesterday".
 *
 * @example valueDate('2026/03/12 09:00') // '2026-03-12T09:00'
 * @example valueDate('Fri, 13 Mar 2026 07:45:02 GMT') // '2026-03-13T07:45:02.000Z'
 */
export function valueDate(value: string | null | undefined, language?: string): string | undefined {
  const v = value?.trim();
  if (!v || v.length > 200) return undefined;
  const machine = MACHINE_DATE.exec(v);
  if (machine) {
    const [, y, , m, d, hh, mm, ss, frac, zone] = machine;
    const day = calendarDay(Number(y), Number(m), Number(d));
    if (!day) return undefined;
    if (hh === undefined || Number(hh) > 23) return day;
    const offset = !zone ? '' : /^(UTC|GMT)$/i.test(zone) ? 'Z' : zone.toUpperCase();
    return `${day}T${pad(Number(hh))}:${mm}${ss === undefined ? '' : `:${ss}${frac ?? ''}`}${offset}`;
  }
  const compact = COMPACT_DATE.exec(v);
  if (compact) return calendarDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (RFC_2822.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t) && calendarDay(new Date(t).getUTCFullYear(), 1, 1)) return new Date(t).toISOString();
  }
  return v.length <= 100 ? textDate(v, language) : undefined;
}
