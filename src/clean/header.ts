import type { Block, Doc } from '../doc/doc.ts';
import { hostOutlet } from './outlet.ts';
import { textDate, wordDate } from './written-date.ts';

/** How many blocks under the title are read as the article's header. */
const HEADER_BLOCKS = 4;
/** Header lines are short; a longer line is prose and ends the header (a dateline opens prose). */
const MAX_HEADER_LINE = 100;
/** How much of a plain-text article's top is searched for a full date when its header gives none: lines and characters. */
const OPENING = { lines: 3, chars: 300 } as const;

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

/**
 * The calendar day a header line gives, with its year (`2026-03-12`), or undefined. Only
 * dates that name their month in words count: "12.03.2026" is a different day in Europe and
 * in the US.
 */
export function headerDate(line: string): string | undefined {
  return wordDate(line);
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
 * theirs): without a date line, the first full date near the top (openingDate) dates it, and
 * without a dateline's outlet, the host of its address names the outlet. `publishedSource`
 * says which (`header`, `opening`). Blocks made only of byline and date lines are paragraphs,
 * not headings. Runs after the title is found.
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
  if (!doc.meta.published) {
    const opening = facts.published ? undefined : openingDate(doc.text, doc.meta.language);
    const published = facts.published ?? opening;
    if (published) {
      doc.meta.published = published;
      doc.meta.publishedSource = facts.published ? 'header' : 'opening';
    }
  }
  const outlet = doc.meta.outlet ?? facts.outlet ?? hostOutlet(doc.meta.url);
  if (outlet) doc.meta.outlet = outlet;
}

/**
 * The first full date (day, month and year) at the top of a text: in its first OPENING.lines
 * lines with text and OPENING.chars characters. A plain-text article without a date line
 * under its title often dates itself in its first sentence ("HALVIK, 9 March 2026 –").
 *
 * @example openingDate('Talks resume\n\nHALVIK, 9 March 2026 – Talks resumed.') // '2026-03-09'
 */
export function openingDate(text: string, language?: string): string | undefined {
  let top = text.slice(0, OPENING.chars);
  const lines = top.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (/\S/.test(lines[i]) && ++seen === OPENING.lines) {
      top = lines.slice(0, i + 1).join('\n');
      break;
    }
  }
  return textDate(top, language);
}
