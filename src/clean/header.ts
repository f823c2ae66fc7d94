import { createRequire } from 'node:module';
import type { ParsedResult } from 'chrono-node';
import type { Block, Doc } from '../doc/doc.ts';

/** How many blocks under the title are read as the article's header. */
const HEADER_BLOCKS = 4;
/** Header lines are short; a longer line is prose and ends the header (a dateline opens prose). */
const MAX_HEADER_LINE = 100;

/** "By Amira Dostal, Ostmar Herald correspondent", "Posted by Magnus Teller, Saturday, 14 March 2026", "Von Jan Berg". */
const BYLINE = /^(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Vv]on|[Pp]ar|[Pp]or|[Aa]v)\s+(.+)$/u;
/** A person's name: two to five capitalised words, with the particles names carry. */
const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|di|van|von|der|den|la|le|bin|al|y)){1,4}$/u;
/** A wire dateline: "HALVIK, March 9 (Meridian Wire) –", "BRENA, Kalesh, March 18 (Meridian Wire) -". */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]+(?:,\s*[\p{L} .'’-]+)?,\s+[^()]{3,20}\s+\(([^()]{2,40})\)\s*[-–—]/u;

/** The names before the first comma or dash of a byline's text, when they read as a person's ("A and B" too). */
function bylineName(rest: string): string | undefined {
  const names = rest.split(/,|\s[-–—|]\s/)[0].trim();
  const people = names.split(/\s+(?:and|und|et|y|och)\s+|\s*&\s*/);
  return people.every((p) => PERSON_NAME.test(p)) ? names : undefined;
}

/** A year a header's date would carry. */
const YEAR = String.raw`(?<!\d)(?:1[89]|2\d)\d\d(?!\d)`;

/** The start of a month's name in the languages of DATE_LOCALES ("Mar", "mär", "août", "марта"). */
const MONTH = String.raw`(?<!\p{L})(?:jan|feb|fév|fev|mar|mär|maa|apr|avr|abr|ma[iyg]|mei|jun|jui|giu|jul|lug|aug|aoû|ago|sep|set|oct|okt|ott|out|nov|dec|dez|déc|dic|ene|gen|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)`;

/**
 * A month's name with its year a few characters on: "March 2026", "14. März 2026", "March 14th,
 * 2026", "14 de marzo de 2026", "14 марта 2026". The month starts the match.
 */
const MONTH_YEAR = new RegExp(String.raw`${MONTH}\p{L}*\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\.?,?\s+)?(?:de\s+|del\s+)?${YEAR}`, 'iu');

/** How many words before the month are read with it: a weekday and a day ("Saturday, 14 March 2026", "sábado, 14 de marzo"). */
const WORDS_BEFORE_MONTH = 3;

/**
 * chrono-node's date parsers, English first, then the other languages Dossier cleans. Each
 * locale is loaded on first use: loading them all takes longer than a short command's whole
 * run, and most articles have no date line to read.
 */
const DATE_LOCALES = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it', 'sv', 'ru'] as const;
type DateParser = { parse: (text: string) => ParsedResult[] };
const require = createRequire(import.meta.url);
const parsers = new Map<string, DateParser>();

function parserFor(locale: (typeof DATE_LOCALES)[number]): DateParser {
  let parser = parsers.get(locale);
  if (!parser) {
    parser = (require(`chrono-node/${locale}`) as { strict: DateParser }).strict;
    parsers.set(locale, parser);
  }
  return parser;
}

/**
 * The calendar day a header line gives, with its year (`2026-03-12`), or undefined. Only
 * dates that name their month in words count: "12.03.2026" is a different day in Europe and
 * in the US.
 */
export function headerDate(line: string): string | undefined {
  // chrono-node is slow next to the rest of a plain-text article's work, and some of its patterns
  // take 20-200 ms on some lines (one holding the abbreviation "Calif." and, far from each other,
  // "may" and a year): it reads only the stretch from a few words before a month's name to the
  // year after it
  const found = MONTH_YEAR.exec(line);
  if (!found) return undefined;
  const before = line.slice(0, found.index).split(/\s+/).filter(Boolean).slice(-WORDS_BEFORE_MONTH).join(' ');
  const stretch = `${before} ${found[0]}`.trim();
  for (const locale of DATE_LOCALES) {
    let day: string | undefined;
    try {
      day = dayOf(parserFor(locale).parse(stretch));
    } catch {
      // a parser that fails on odd input reads no date there; the article goes on without one
    }
    if (day) return day;
  }
  return undefined;
}

function dayOf(results: ParsedResult[]): string | undefined {
  for (const result of results) {
    const { start } = result;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day') || !/\p{L}{3,}/u.test(result.text)) continue;
    const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
    return `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`;
  }
  return undefined;
}

/** What the lines opening an article say about it. */
export interface HeaderFacts {
  byline?: string;
  published?: string;
  outlet?: string;
  /** How many of the lines were byline or date lines (a dateline opens the text and is not counted). */
  lines: number;
}

/**
 * Reads the lines that open an article under its title: a byline ("By …", "Posted by …"),
 * a line that is a date with its year, and a wire dateline's outlet ("HALVIK, March 9
 * (Meridian Wire) –"). Stops at the first line of prose.
 *
 * @example headerFacts(['By Amira Dostal, Ostmar Herald', 'Thursday 12 March 2026']) // { byline: 'Amira Dostal', published: '2026-03-12', lines: 2 }
 */
export function headerFacts(lines: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { lines: 0 };
  for (const raw of lines) {
    // Markdown writes bylines in emphasis: "*By Sigrid Aalen, Meridian Wire — Halvik, 11 March 2026*"
    const line = raw.trim().replace(/^[*_]+|[*_]+$/g, '').trim();
    const dateline = DATELINE.exec(line);
    if (dateline) {
      facts.outlet ??= dateline[1].trim();
      break;
    }
    if (line.length > MAX_HEADER_LINE) break;
    const byline = BYLINE.exec(line);
    const name = byline ? bylineName(byline[1]) : undefined;
    if (name) facts.byline ??= name;
    const date = headerDate(line);
    if (date) facts.published ??= date;
    if (!name && !date) break;
    facts.lines++;
  }
  return facts;
}

/**
 * Fills in the byline, date and outlet that the opening lines of a plain-text or Markdown
 * article give under its title, where its source gave none (HTML pages and records bring
 * theirs). Blocks made only of byline and date lines are paragraphs, not headings. Runs
 * after the title is found.
 */
export function readHeader(doc: Doc): void {
  if (doc.format !== 'text' && doc.format !== 'markdown') return;
  const opening: Block[] = [];
  for (const b of doc.blocks) {
    if (opening.length === HEADER_BLOCKS) break;
    if (b.kind !== 'title') opening.push(b);
  }
  const blockLines = opening.map((b) => doc.text.slice(b.start, b.end).split('\n'));
  const facts = headerFacts(blockLines.flat());
  let covered = facts.lines;
  for (let i = 0; i < opening.length && covered >= blockLines[i].length; i++) {
    covered -= blockLines[i].length;
    if (opening[i].kind === 'heading') {
      opening[i].kind = 'paragraph';
      delete opening[i].level;
    }
  }
  if (facts.byline && !doc.meta.byline) doc.meta.byline = facts.byline;
  if (facts.published && !doc.meta.published) doc.meta.published = facts.published;
  if (facts.outlet && !doc.meta.outlet) doc.meta.outlet = facts.outlet;
}
