import { createDoc, type Doc, type Timex, type TimexAnchor, type TimexMod, type TimexType } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { IRREGULAR_VERBS } from '../text/irregular-verbs.ts';
import { tokenizeText } from '../text/tokenize.ts';
import { addDays, addMonths, compareDays, dayValue, holidayDay, isDay, monthValue, parseDay, weekday, weekValue, yearValue, type Day } from './calendar.ts';
import {
  AMBIGUOUS_MONTHS, DATE_MODS, DAY_WORDS, DURATION_MODS, HOLIDAYS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, REFS, SEASONS, SET_WORDS,
  UNIT_CODES, VAGUE_NUMBERS, WEEKDAYS, type Unit,
} from './lexicon.ts';

/** What resolution needs besides the text: the document creation time and the language. */
export interface TimeOptions {
  /** The article's date (ISO 8601, a day or a full timestamp), or null/absent when unknown. */
  dct?: string | null;
  /** ISO 639-1 code; English when absent. */
  language?: string;
}

// ---- patterns, built from the lexicon ---------------------------------------------------

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;
const MON = `(?<mon>${alt(Object.keys(MONTHS))})`;
const WD = `(?<wd>${alt(Object.keys(WEEKDAYS))})`;
const DAYN = String.raw`(?<day>[0-3]?\d)(?:st|nd|rd|th|\.|er|e)?`;
const YEAR = String.raw`(?<year>1\d{3}|20\d{2})`;
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const NUM = `(?<num>\\d+(?:\\.\\d+)?|(?:${TENS})[- ](?:${ONES})|${alt([...Object.keys(NUMBER_WORDS), ...VAGUE_NUMBERS])})`;
const UNIT = String.raw`(?<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))`;
const DMOD = `(?:(?<dmod>${alt(Object.keys(DATE_MODS))})[\\s-]*)?`;
const QMOD = `(?:(?<qmod>${alt(Object.keys(DURATION_MODS))})\\s+)?`;
const REL = String.raw`(?<rel>last|next|this|coming|past|previous|following|current)`;
const PART = `(?<part>${alt(Object.keys(PARTS_OF_DAY).filter((p) => p !== 'tonight'))})`;
const ZONE = String.raw`(?:\s*(?<zone>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|ET|CET|CEST|BST|MSK|Moscow time|local time))?`;

type Kind =
  | 'iso' | 'mdy' | 'dmy' | 'my' | 'month' | 'year' | 'decade' | 'century' | 'dayword' | 'ref' | 'relunit' | 'ago' | 'duration'
  | 'set' | 'every' | 'clock' | 'clock24' | 'partday' | 'quarter' | 'half' | 'season' | 'sameday' | 'weekday' | 'fiscal'
  | 'period' | 'spelled' | 'yearword' | 'holiday';

interface Rule {
  kind: Kind;
  re: RegExp;
}

const rule = (kind: Kind, source: string, flags = 'giu'): Rule => ({ kind, re: new RegExp(`${L}(?:${source})${R}`, flags) });

/** Each rule finds one shape of expression; the longest match at a place wins. */
const RULES: Rule[] = [
  rule('iso', String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hh>\d{2}):(?<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`),
  rule('mdy', `${DMOD}(?:${WD},?\\s+)?${MON}\\s+(?<day>[0-3]?\\d)(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?`),
  rule('dmy', `${DMOD}(?:${WD},?\\s+)?(?:the\\s+)?${DAYN}\\s*(?:of\\s+|de\\s+)?${MON}(?:,?\\s+(?:de\\s+|of\\s+)?${YEAR})?`),
  rule('my', `${DMOD}${MON},?\\s+(?:of\\s+|de\\s+)?${YEAR}`),
  rule('month', `${DMOD}(?:(?<rel>last|next|this|coming|past)\\s+)?${MON}`),
  rule('month', `${DMOD}${MON}\\s+(?<yrel>last|next|this)\\s+year`),
  rule('fiscal', `(?:fiscal|FY)\\s*(?:year\\s+)?${YEAR}`),
  rule('year', `${DMOD}(?<year>1\\d{3}|20\\d{2})`),
  // years as spoken in broadcast transcripts: "nineteen ninety-six", "in the year two thousand"
  rule('spelled', `(?:${MON}\\s+)?(?<century>nineteen|eighteen)[\\s-]+(?<yy>(?:${TENS})(?:[\\s-]+(?:${ONES}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)`),
  rule('spelled', `(?:${MON}\\s+|the\\s+year\\s+|(?<=\\b(?:in|since|until|by)\\s))(?<century>two\\s+thousand)(?:\\s+and)?(?:[\\s-]+(?<yy>(?:${TENS})(?:[\\s-]+(?:${ONES}))?|${ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?`),
  rule('decade', String.raw`(?:the\s+)?(?:(?<cent>1\d|20)(?<dec>\d)0s|'(?<short>\d)0s)`),
  rule('century', String.raw`(?:the\s+)?(?<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century`),
  rule('dayword', `${DMOD}(?<word>${alt(Object.keys(DAY_WORDS))})(?:\\s+(?<part>${alt(Object.keys(PARTS_OF_DAY))}))?`),
  rule('ref', `(?<word>${alt(Object.keys(REFS))})`),
  rule('relunit', `${DMOD}(?:the\\s+)?${REL}\\s+(?<what>week|weekend|month|year|quarter|${alt(Object.keys(SEASONS))}|${alt(Object.keys(WEEKDAYS))})`),
  rule('relunit', String.raw`(?<rel>the|the\s+latest|the\s+most\s+recent)\s+(?<what>weekend|quarter)`),
  rule('relunit', String.raw`(?<rel>the\s+latest|the\s+most\s+recent)\s+(?<what>period)`),
  // the year a report is about: "for the full year", "the current fiscal year", "by year-end", "the end of the year"
  rule('yearword', String.raw`(?:the\s+)?(?<period>(?:fiscal\s+)?year)(?=\s+(?:ended|ending|through)\b)`),
  rule('yearword', String.raw`(?:the\s+)?(?<which>full|fiscal|current|current\s+fiscal|latest\s+fiscal|latest|calendar)\s+year|(?:the\s+)?(?<end>year(?:['’]s)?[\s-]end)|(?<dmod>the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of)\s+the\s+year`),
  rule('holiday', `(?:${DMOD}(?<rel>last|next|this)\\s+)?(?<name>${alt(Object.keys(HOLIDAYS))})(?:\\s+${YEAR})?`, 'gu'),
  rule('ago', `${QMOD}${NUM}[\\s-]+${UNIT}\\s+(?<dir>ago|earlier|before|later|after|from now|hence)`),
  rule('duration', `${QMOD}(?:the\\s+)?(?:(?<span>past|last|next|first|previous|coming|final|following)\\s+)?${NUM}[\\s-]+${UNIT}(?:-old|\\s+and\\s+a\\s+half)?`),
  rule('duration', String.raw`(?:the\s+)?(?<span>past|last|next|coming)\s+(?<unit>decade|century)`),
  rule('duration', String.raw`(?<=(?:for|within|in|over|took|takes|lasted|last|lasts)\s)(?<unit>years|months|weeks|days|decades|centuries|hours|minutes)(?!\s+(?:ago|earlier|later|old))`),
  rule('ago', String.raw`(?<unit>year)[- ](?<dir>earlier|ago)`),
  rule('set', `(?<word>${alt(Object.keys(SET_WORDS))})`),
  rule('every', `(?:every|each)\\s+(?:(?<wd>${alt(Object.keys(WEEKDAYS))})|(?<unit>day|week|month|year|morning|evening|night))`),
  rule('clock', String.raw`(?<hh>[01]?\d)(?:[:.](?<mm>[0-5]\d))?\s*(?<ampm>a\.m\.|p\.m\.|am|pm)` + ZONE),
  rule('clock24', String.raw`(?<hh>[01]?\d|2[0-3]):(?<mm>[0-5]\d)` + ZONE),
  rule('clock', String.raw`(?<word>noon|midnight)`),
  rule('partday', `(?:(?<wd>${alt(Object.keys(WEEKDAYS))})|(?<rel>this|last|that|tomorrow|yesterday))\\s+${PART}|(?<tonight>tonight|overnight)`),
  rule('quarter', String.raw`(?:the\s+)?(?:(?<rel>last|next|this|current|latest|previous)\s+)?(?:fiscal[\s-]+)?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?<year>1\d{3}|20\d{2}))?|Q(?<qn>[1-4])\s+(?<year2>1\d{3}|20\d{2})`),
  // a company's reporting period named against another: "the year-ago quarter", "the 1988 third quarter",
  // "last year's fourth quarter", "the corresponding period a year earlier"
  rule('period', String.raw`(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?<ago>year[- ]ago|year[- ]earlier)|(?<year>1\d{3}|20\d{2})|(?<rel>last|next|this)\s+year['’]s)\s+(?:(?<q>first|second|third|fourth)[\s-]+)?(?<what>quarter|period)`),
  rule('period', String.raw`the\s+(?:(?:comparable|corresponding|same)\s+)?(?<what>quarter|period)\s+(?<ago>a\s+year\s+(?:ago|earlier)|last\s+year)`),
  rule('half', String.raw`(?:the\s+)?(?<h>first|second)\s+half\s+of\s+(?:(?<year>1\d{3}|20\d{2})|the\s+year|this\s+year)`),
  rule('season', `${DMOD}(?:(?<rel>this|last|next|past|coming)\\s+)?(?<season>${alt(Object.keys(SEASONS))})(?:\\s+(?:of\\s+)?${YEAR})?`),
  rule('sameday', String.raw`(?<what>the same day|that day|the next day|the following day|the day before|the previous day|the day after|the next morning|that night|the same week)`),
  rule('weekday', WD),
];

// ---- matching ---------------------------------------------------------------------------

interface Hit {
  start: number;
  end: number;
  kind: Kind;
  g: Record<string, string | undefined>;
}

const isCapital = (s: string) => /^\p{Lu}/u.test(s);

/** Drops matches that read a common word as a date ("may", "march", a bare "sun."). */
function plausible(h: Hit, text: string): boolean {
  const { g } = h;
  const mon = g.mon?.toLowerCase();
  if (mon && AMBIGUOUS_MONTHS.has(mon) && !isCapital(g.mon as string)) return false;
  if (mon && /^[a-z]{3}$/.test(mon) && !/^ma[iyj]$/.test(mon) && !g.day && !g.year) return false; // "Jan" alone, not "May"
  if (h.kind === 'month' && mon && (AMBIGUOUS_MONTHS.has(mon) || mon === 'mars' || mon === 'mai' || mon === 'maj')) {
    // "May" and "March" alone: only after a word that takes a month
    const before = text.slice(Math.max(0, h.start - 12), h.start).toLowerCase();
    if (!g.rel && !g.dmod && !/(?:in|of|since|until|by|from|to|early|late|through|between|and|before|after|during|last|next|this)\s+$/.test(before)) return false;
  }
  const wd = g.wd?.toLowerCase();
  if (wd && /^[a-z]+$/.test(wd) && !isCapital(g.wd as string) && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(wd)) return false;
  if ((h.kind === 'mdy' || h.kind === 'dmy') && g.day) {
    const day = Number(g.day);
    if (day < 1 || day > 31) return false;
    if (h.kind === 'dmy' && !g.year && !g.wd && /^\d{2,}$/.test(g.day) && !isCapital(g.mon as string)) return false;
  }
  if (h.kind === 'year') {
    const before = text.slice(Math.max(0, h.start - 2), h.start);
    const after = text.slice(h.end, h.end + 24);
    if (/[$£€#,.\d-]$/.test(before) || /^(?:[,.]\d|%|\s*percent|\s*per\s*cent|-\d|:\d)/.test(after)) return false;
    const prev = /(\p{L}+)\W*$/u.exec(text.slice(Math.max(0, h.start - 20), h.start))?.[1]?.toLowerCase();
    const takesYear = prev !== undefined && /^(?:in|since|until|by|from|of|before|after|during|through|early|late|mid|year|fiscal|spring|summer|autumn|fall|winter|between|around|circa)$/.test(prev);
    if (!takesYear && /^\s+(?:of\b|[a-z]+s\b)/.test(after) && !/^\s+(?:was|has|is|as|this)\b/.test(after)) return false;
  }
  if (h.kind === 'duration' || h.kind === 'ago') {
    const num = g.num?.toLowerCase();
    if (num && /^\d/.test(num) && (Number(num) > 10_000 || /^(?:1\d|20)\d\d$/.test(num))) return false; // "the 1988 second quarter"
    if (/-old$/i.test(text.slice(h.start, h.end)) && /^year/i.test(g.unit ?? '')) return false; // an age, not a length of time
    if (h.kind === 'duration' && /^sec/i.test(g.unit ?? '') && /^(?:a|an|one)$/.test(num ?? '')) return false; // "a second look" 
    // "a day" / "a week" as "per": "twice a day" is not a length of time
    if (h.kind === 'duration' && (num === 'a' || num === 'an') && /(?:once|twice|times|\$[\d.,]+|\d+ ?%?|per cent|percent|barrels|dollars)\s+$/i.test(text.slice(Math.max(0, h.start - 16), h.start))) return false;
  }
  // "quarterly dividend", "daily newspaper": an adjective that names a kind of thing, not a recurrence in the story
  if (h.kind === 'set' && /^(?:quarterly|daily|weekly|monthly|yearly|nightly|hourly)$/i.test(g.word ?? '') && /^\s+[a-z]/.test(text.slice(h.end, h.end + 2)) && !/^\s+(?:and|or|to|in|on|at|for|by|until|since|from|after|before|basis)\b/.test(text.slice(h.end, h.end + 10))) return false;
  if (h.kind === 'ref' && g.word?.toLowerCase() === 'soon' && /\bas\s+$/i.test(text.slice(Math.max(0, h.start - 4), h.start))) return false; // "as soon as"
  if (h.kind === 'ref' && (g.word?.toLowerCase() === 'current' || g.word?.toLowerCase() === 'recent')) {
    return false; // the adjectives date nothing alone; "the current quarter" is read by its own rule
  }
  return true;
}

function allHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const { kind, re } of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const hit: Hit = { start: m.index, end: m.index + m[0].length, kind, g: { ...(m.groups ?? {}) } };
      // TIMEX3 leaves the article out of an adjective: "the [23-year] reign"
      const article = (kind === 'duration' && !hit.g.span && !hit.g.qmod) || (kind === 'quarter' && !hit.g.rel) ? /^(?:the|a|an)\s+(?=[^\s-]+-(?!\S*\s+quarter))/i.exec(m[0]) : null;
      if (article) hit.start += article[0].length;
      if (kind === 'duration' && /\s+and\s+a\s+half$/i.test(m[0])) hit.g.half = 'half'; // "a minute and a half"
      // "90 days after the merger": a length of time; the event it counts from is not a date
      if (kind === 'ago' && hit.g.dir && /^(?:before|after)$/i.test(hit.g.dir) && /^\s+[\p{L}\p{N}"'“‘]/u.test(text.slice(hit.end, hit.end + 3))) {
        hit.kind = 'duration';
        hit.end = hit.start + m[0].length - hit.g.dir.length;
        while (/\s/.test(text[hit.end - 1])) hit.end--;
      }
      if (plausible(hit, text)) hits.push(hit);
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let reach = -1;
  for (const h of hits) {
    if (h.start < reach) continue; // overlaps a longer or earlier hit
    kept.push(h);
    reach = h.end;
  }
  return kept;
}

// ---- tense --------------------------------------------------------------------------------

type Tense = 'past' | 'future' | 'present' | 'none';

const FUTURE_WORDS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'going', 'scheduled', 'due', 'planned', 'plans', 'expected', 'upcoming', 'wird', 'werden', 'va', 'vont', 'ska', 'kommer', 'будет']);

const TENSE_WINDOW = 16;
/** How far either side of an expression its sentence is read for words like "quarter" or "earnings". */
const SENTENCE_REACH = 300;
const FUTURE_REACH = 8;
/** English past forms: regular ones by their ending, irregular ones from the lexicon. */
const isPastForm = (word: string) => (word.length > 3 && word.endsWith('ed')) || IRREGULAR_VERBS.has(word);
/** "is to resume", "are to meet": a plan. */
const PLANNED = /^(?:is|are|was|were)$/;

/** The tense of the verb nearest a span in its sentence (wink-nlp's tags; words for other languages). */
function tenseAt(doc: Doc, span: { start: number; end: number }, tokenIndex: number[], sentenceOf: (at: number) => { start: number; end: number } | undefined): Tense {
  const sentence = sentenceOf(span.start);
  if (!sentence) return 'none';
  const tokens = doc.tokens;
  const first = tokenIndex[span.start] ?? -1;
  if (first < 0) return 'none';
  let future = Infinity;
  let nearest = Infinity;
  let nearestTense: Tense = 'none';
  let previous = '';
  // the nearest verbs only: a window keeps a one-line text of thousands of tokens linear
  for (let i = Math.max(0, first - TENSE_WINDOW); i < Math.min(tokens.length, first + TENSE_WINDOW); i++) {
    const t = tokens[i];
    if (t.start < sentence.start) continue;
    if (t.start >= sentence.end) break;
    if (t.start >= span.start && t.end <= span.end) continue;
    const word = doc.text.slice(t.start, t.end).toLowerCase();
    const distance = Math.abs(i - first);
    if (FUTURE_WORDS.has(word) || (word === 'to' && PLANNED.test(previous))) future = Math.min(future, distance);
    else if ((t.pos === 'VERB' || t.pos === 'AUX') && distance < nearest) {
      nearest = distance;
      nearestTense = isPastForm(word) ? 'past' : 'present';
    }
    previous = word;
  }
  // "said it will meet on Friday": a future marker near the expression outweighs a farther past
  // verb; "better-than-expected earnings after the market closed Wednesday": not a nearer one
  if (future <= FUTURE_REACH && !(nearestTense === 'past' && nearest < future)) return 'future';
  return nearestTense;
}

// ---- resolution ---------------------------------------------------------------------------

interface Context {
  /** The day relative expressions count from, and what it is. */
  anchor: Day | null;
  anchorInfo: TimexAnchor;
  /** The last full date named in the text, for "that day", "the next day". */
  lastDay: { day: Day; span: { start: number; end: number } } | null;
  /** The year named last in the text, for "in October" in a history. */
  lastYear: number | null;
  /** The reporting quarter named last in the text, for "the quarter" and "a year earlier" in an earnings report. */
  lastQuarter: { year: number; q: number } | null;
  narrative: boolean;
  tense: Tense;
  /** The text of the sentence holding the expression, up to SENTENCE_REACH characters either side of it. */
  sentence: string;
}

interface Resolved {
  type: TimexType;
  value: string;
  mod?: TimexMod;
  /** Whether the value was computed from the anchor (false: complete in itself). */
  relative: boolean;
  day?: Day;
  year?: number;
  /** A calendar quarter this value names, for the expressions after it. */
  quarter?: { year: number; q: number };
}

/** A quarter as a DATE: `1988-Q3`. */
const quarterDate = (quarter: { year: number; q: number }, keep = true): Resolved => ({
  type: 'DATE', value: `${yearValue(quarter.year)}-Q${quarter.q}`, relative: true, ...(keep ? { quarter } : {}),
});

/** The quarter before the one holding a day: what a report on that day calls "the quarter". */
function endedQuarter(a: Day): { year: number; q: number } {
  const q = Math.floor((a.month - 1) / 3);
  return q === 0 ? { year: a.year - 1, q: 4 } : { year: a.year, q };
}

/** "a year earlier", "year-ago" next to a quarter's figures: the same quarter a year before. */
const FINANCIAL = /\b(?:quarter|period|net|income|earnings|profits?|revenues?|sales|loss|a share)\b/i;

const num = (s: string | undefined): number | null => {
  if (!s) return null;
  const low = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(low)) return Number(low);
  if (VAGUE_NUMBERS.has(low)) return null;
  const [tens, ones] = low.split(/[- ]/);
  if (ones && NUMBER_WORDS[tens] !== undefined && NUMBER_WORDS[ones] !== undefined && !(tens in { a: 1, an: 1 })) return NUMBER_WORDS[tens] + NUMBER_WORDS[ones];
  return NUMBER_WORDS[low] ?? null;
};

const unitOf = (u: string): Unit => {
  const low = u.toLowerCase();
  if (low.startsWith('centur')) return 'century';
  return low.replace(/s$/, '') as Unit;
};

/** Half a unit in the next smaller one: "two and a half hours" is PT2H30M, as TIMEX3 writes it. */
const HALF_OF: Partial<Record<Unit, string>> = { hour: '30M', minute: '30S', day: 'T12H', year: '6M' };

function durationValue(n: number | null, unit: Unit, half: boolean): string {
  const { code, time, factor } = UNIT_CODES[unit];
  const p = time ? 'PT' : 'P';
  if (n === null) return `${p}X${code}`;
  const v = n * factor + (half ? 0.5 : 0);
  const whole = Math.floor(v);
  if (v - whole === 0.5 && HALF_OF[unit]) return `${p}${whole ? `${whole}${code}` : ''}${HALF_OF[unit]}`;
  return `${p}${Number.isInteger(v) ? v : Number(v.toFixed(2))}${code}`;
}

/** The nearest day with this weekday before (past), after (future) or at the anchor. */
function weekdayNear(anchor: Day, wd: number, tense: Tense, rel?: string): Day {
  const now = weekday(anchor);
  let diff = wd - now;
  if (rel === 'last' || rel === 'past' || rel === 'previous') return addDays(anchor, diff < 0 ? diff : diff - 7);
  if (rel === 'next' || rel === 'coming' || rel === 'following') return addDays(anchor, diff > 0 ? diff : diff + 7);
  if (rel === 'this') return addDays(anchor, diff);
  if (diff === 0) return anchor;
  if (tense === 'future') return addDays(anchor, diff > 0 ? diff : diff + 7);
  if (tense === 'past') return addDays(anchor, diff < 0 ? diff : diff - 7);
  if (diff > 3) diff -= 7;
  else if (diff < -3) diff += 7;
  return addDays(anchor, diff);
}

function monthYear(month: number, ctx: Context, rel?: string): number | null {
  if (ctx.narrative && ctx.lastYear !== null && !rel) return ctx.lastYear;
  const a = ctx.anchor;
  if (!a) return ctx.lastYear;
  if (rel === 'last' || rel === 'past') return month < a.month ? a.year : a.year - 1;
  if (rel === 'next' || rel === 'coming') return month > a.month ? a.year : a.year + 1;
  if (rel === 'this') return a.year;
  if (ctx.tense === 'past' && month > a.month) return a.year - 1;
  if (ctx.tense === 'future' && month < a.month) return a.year + 1;
  // no tense to go by: the nearer of the two ("completed by Dec. 15" in November)
  if (ctx.tense !== 'past' && ctx.tense !== 'future') {
    if (month - a.month > 6) return a.year - 1;
    if (a.month - month > 6) return a.year + 1;
  }
  return a.year;
}

const QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

function resolve(h: Hit, ctx: Context): Resolved | null {
  const g = h.g;
  const a = ctx.anchor;
  const dmod = g.dmod ? (DATE_MODS[g.dmod.toLowerCase()] as TimexMod) : undefined;
  const withMod = (r: Resolved): Resolved => (dmod ? { ...r, mod: dmod } : r);
  const shift = (unit: 'day' | 'week' | 'month' | 'year', n: number): string | null => {
    if (!a) return null;
    if (unit === 'day') return dayValue(addDays(a, n));
    if (unit === 'week') return weekValue(addDays(a, 7 * n));
    if (unit === 'month') {
      const m = addMonths(a.year, a.month, n);
      return monthValue(m.year, m.month);
    }
    return yearValue(a.year + n);
  };
  switch (h.kind) {
    case 'iso': {
      const [y, m, d] = [Number(g.year), Number(g.month), Number(g.day)];
      if (!isDay(y, m, d)) return null;
      const day = { year: y, month: m, day: d };
      if (g.hh !== undefined && (Number(g.hh) > 23 || Number(g.mm) > 59)) return null;
      return g.hh !== undefined ? { type: 'TIME', value: `${dayValue(day)}T${g.hh}:${g.mm}`, relative: false, day } : { type: 'DATE', value: dayValue(day), relative: false, day };
    }
    case 'mdy':
    case 'dmy': {
      const month = MONTHS[(g.mon as string).toLowerCase()];
      const d = Number(g.day);
      const year = g.year ? Number(g.year) : monthYear(month, ctx);
      if (year === null) return isDay(2000, month, d) ? withMod({ type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, relative: true }) : null;
      if (!isDay(year, month, d)) return null;
      const day = { year, month, day: d };
      return withMod({ type: 'DATE', value: dayValue(day), relative: !g.year, day, year });
    }
    case 'my': {
      const month = MONTHS[(g.mon as string).toLowerCase()];
      return withMod({ type: 'DATE', value: monthValue(Number(g.year), month), relative: false, year: Number(g.year) });
    }
    case 'month': {
      const month = MONTHS[(g.mon as string).toLowerCase()];
      if (g.yrel) {
        const year = a ? a.year + (g.yrel.toLowerCase() === 'last' ? -1 : g.yrel.toLowerCase() === 'next' ? 1 : 0) : null;
        return withMod({ type: 'DATE', value: year === null ? `XXXX-${String(month).padStart(2, '0')}` : monthValue(year, month), relative: true, ...(year !== null ? { year } : {}) });
      }
      const year = monthYear(month, ctx, g.rel?.toLowerCase());
      return withMod({ type: 'DATE', value: year === null ? `XXXX-${String(month).padStart(2, '0')}` : monthValue(year, month), relative: true });
    }
    case 'spelled': {
      const words = (g.yy ?? '').toLowerCase().split(/[\s-]+/).filter(Boolean);
      const yy = words[0] === 'hundred' ? 0 : words.reduce((sum, w) => sum + (NUMBER_WORDS[w] ?? 0), 0);
      const year = (/^two/i.test(g.century as string) ? 2000 : (NUMBER_WORDS[(g.century as string).toLowerCase()] as number) * 100) + yy;
      if (g.mon) return { type: 'DATE', value: monthValue(year, MONTHS[g.mon.toLowerCase()]), relative: false, year };
      return { type: 'DATE', value: yearValue(year), relative: false, year };
    }
    case 'yearword': {
      if (g.period) return { type: 'DURATION', value: 'P1Y', relative: false }; // "the fiscal year ended Sept. 30": twelve months
      if (!a) return withMod({ type: 'DATE', value: 'XXXX', relative: true, ...(g.end ? { mod: 'END' as TimexMod } : {}) });
      const which = g.which?.toLowerCase().replace(/\s+/g, ' ');
      const year = which?.startsWith('latest') ? a.year - 1 : a.year;
      return withMod({ type: 'DATE', value: yearValue(year), relative: true, ...(g.end ? { mod: 'END' as TimexMod } : {}) });
    }
    case 'holiday': {
      const holiday = HOLIDAYS[(g.name as string).replace(/\s+/g, ' ')];
      const rel = g.rel?.toLowerCase();
      let year: number | null = g.year ? Number(g.year) : null;
      if (year === null && a) {
        const thisYear = holidayDay(holiday, a.year);
        const passed = compareDays(thisYear, a) < 0;
        year = rel === 'last' ? (passed ? a.year : a.year - 1) : rel === 'next' ? (passed ? a.year + 1 : a.year) : rel === 'this' ? a.year
          : ctx.tense === 'past' && !passed ? a.year - 1 : ctx.tense === 'future' && passed ? a.year + 1 : a.year;
      }
      if (year === null) return withMod({ type: 'DATE', value: holiday.fixed ? `XXXX-${holiday.fixed}` : 'XXXX', relative: true });
      const day = holidayDay(holiday, year);
      return withMod({ type: 'DATE', value: dayValue(day), relative: !g.year, day, year });
    }
    case 'fiscal':
    case 'year':
      return withMod({ type: 'DATE', value: yearValue(Number(g.year)), relative: false, year: Number(g.year) });
    case 'decade': {
      const value = g.short !== undefined ? (a ? `${String(a.year).slice(0, 2)}${g.short}` : `XX${g.short}`) : `${g.cent}${g.dec}`;
      return { type: 'DATE', value, relative: g.short !== undefined };
    }
    case 'century':
      return Number(g.n) >= 1 && Number(g.n) <= 21 ? { type: 'DATE', value: String(Number(g.n) - 1).padStart(2, '0'), relative: false } : null;
    case 'dayword': {
      const n = DAY_WORDS[(g.word as string).toLowerCase()];
      const day = a ? addDays(a, n) : null;
      const base = day ? dayValue(day) : 'XXXX-XX-XX';
      if (g.part) return withMod({ type: 'TIME', value: `${base}T${PARTS_OF_DAY[g.part.toLowerCase()]}`, relative: true, day: day ?? undefined });
      return withMod({ type: 'DATE', value: base, relative: true, day: day ?? undefined });
    }
    case 'ref': {
      const value = REFS[(g.word as string).toLowerCase()];
      return { type: 'DATE', value, relative: false };
    }
    case 'relunit': {
      const rel = (g.rel as string).toLowerCase();
      const what = (g.what as string).toLowerCase();
      let n = rel === 'last' || rel === 'past' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' || rel === 'following' ? 1 : 0;
      if (rel.startsWith('the')) {
        // "over the weekend" in a report on a weekday is the one before; "the latest quarter" the last one ended
        const ended = rel !== 'the' || ctx.tense === 'past';
        if (what === 'weekend') n = ctx.tense !== 'future' && a && weekday(a) <= 5 ? -1 : 0;
        else n = ended ? -1 : 0;
      }
      if (what in WEEKDAYS) {
        if (!a) return { type: 'DATE', value: `XXXX-WXX-${WEEKDAYS[what]}`, relative: true };
        const day = weekdayNear(a, WEEKDAYS[what], ctx.tense, rel);
        return withMod({ type: 'DATE', value: dayValue(day), relative: true, day });
      }
      if (what in SEASONS) {
        const year = a ? a.year + (n === 0 ? 0 : n) : null;
        return withMod({ type: 'DATE', value: `${year === null ? 'XXXX' : yearValue(year)}-${SEASONS[what]}`, relative: true });
      }
      if (what === 'weekend') {
        const v = shift('week', n);
        return withMod({ type: 'DATE', value: v ? `${v}-WE` : 'XXXX-WXX-WE', relative: true });
      }
      if (what === 'period') return ctx.lastQuarter ? quarterDate(ctx.lastQuarter) : null;
      if (what === 'quarter') {
        if (rel.startsWith('the') && ctx.lastQuarter) return quarterDate(ctx.lastQuarter);
        if (!a) return { type: 'DATE', value: 'XXXX-QX', relative: true };
        const q = Math.floor((a.month - 1) / 3) + n;
        const year = a.year + Math.floor(q / 4);
        return withMod({ type: 'DATE', value: `${yearValue(year)}-Q${((q % 4) + 4) % 4 + 1}`, relative: true });
      }
      const unit = what as 'week' | 'month' | 'year';
      if (unit === 'year' && n === -1 && ctx.lastQuarter && /\b(?:quarter|period)\b/i.test(ctx.sentence)) {
        return quarterDate({ year: ctx.lastQuarter.year - 1, q: ctx.lastQuarter.q }, false);
      }
      const v = shift(unit, n);
      const blank = { week: 'XXXX-WXX', month: 'XXXX-XX', year: 'XXXX' }[unit];
      return withMod({ type: 'DATE', value: v ?? blank, relative: true });
    }
    case 'ago': {
      const n = g.num === undefined ? 1 : num(g.num);
      const unit = unitOf(g.unit as string);
      const dir = (g.dir as string).toLowerCase();
      // "a year earlier" in a report counts from the article's date, as "a year ago" does
      const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' ? -1 : 1;
      const approx = n === null ? 'APPROX' : undefined;
      const count = n ?? 3;
      if (!a || !Number.isInteger(count)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', relative: true, ...(approx ? { mod: approx } : {}) };
      if (unit === 'year' && count === 1 && sign < 0 && !g.qmod && ctx.lastQuarter && FINANCIAL.test(ctx.sentence)) {
        return quarterDate({ year: ctx.lastQuarter.year - 1, q: ctx.lastQuarter.q }, false);
      }
      let value: string | null = null;
      if (unit === 'day') value = shift('day', sign * count);
      else if (unit === 'week' || unit === 'fortnight') value = shift('week', sign * count * (unit === 'fortnight' ? 2 : 1));
      else if (unit === 'month') value = shift('month', sign * count);
      else if (unit === 'year') value = shift('year', sign * count);
      else if (unit === 'decade') value = shift('year', sign * count * 10);
      else if (unit === 'century') value = shift('year', sign * count * 100);
      else if (unit === 'quarter') value = shift('month', sign * count * 3);
      else value = shift('day', 0);
      const mod = (g.qmod ? DURATION_MODS[g.qmod.toLowerCase()] : undefined) ?? approx;
      return { type: 'DATE', value: value ?? 'PAST_REF', relative: true, ...(mod ? { mod: (mod === 'APPROX' ? 'APPROX' : mod) as TimexMod } : {}) };
    }
    case 'duration': {
      const unit = unitOf(g.unit as string);
      const n = g.num === undefined ? (/s$/i.test(g.unit as string) ? null : 1) : num(g.num);
      const mod = g.qmod ? (DURATION_MODS[g.qmod.toLowerCase()] as TimexMod) : undefined;
      const value = durationValue(n, unit, g.half !== undefined);
      return { type: 'DURATION', value, relative: false, ...(mod ? { mod } : {}) };
    }
    case 'set': {
      return { type: 'SET', value: SET_WORDS[(g.word as string).toLowerCase()], relative: false };
    }
    case 'every': {
      if (g.wd) return { type: 'SET', value: `XXXX-WXX-${WEEKDAYS[g.wd.toLowerCase()]}`, relative: false };
      const u = (g.unit as string).toLowerCase();
      const value = { day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', morning: 'XXXX-XX-XXTMO', evening: 'XXXX-XX-XXTEV', night: 'XXXX-XX-XXTNI' }[u] ?? 'P1D';
      return { type: 'SET', value, relative: false };
    }
    case 'clock':
    case 'clock24': {
      let hh: number;
      let mm = 0;
      if (g.word) hh = g.word.toLowerCase() === 'noon' ? 12 : 0;
      else {
        hh = Number(g.hh);
        mm = g.mm ? Number(g.mm) : 0;
        const pm = g.ampm?.toLowerCase().startsWith('p');
        if (g.ampm && (hh < 1 || hh > 12)) return null;
        if (g.ampm) hh = (hh % 12) + (pm ? 12 : 0);
      }
      if (hh > 23 || mm > 59) return null;
      const base = ctx.lastDay && ctx.lastDay.span.end >= h.start - 20 ? ctx.lastDay.day : a;
      const time = `T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
      return { type: 'TIME', value: `${base ? dayValue(base) : 'XXXX-XX-XX'}${time}`, relative: true };
    }
    case 'partday': {
      if (g.tonight) {
        const day = a ? (g.tonight.toLowerCase() === 'overnight' && ctx.tense !== 'future' ? addDays(a, -1) : a) : null;
        return { type: 'TIME', value: `${day ? dayValue(day) : 'XXXX-XX-XX'}TNI`, relative: true };
      }
      const part = PARTS_OF_DAY[(g.part as string).toLowerCase()];
      let day: Day | null = null;
      if (g.wd) day = a ? weekdayNear(a, WEEKDAYS[g.wd.toLowerCase()], ctx.tense) : null;
      else {
        const rel = (g.rel as string).toLowerCase();
        if (rel === 'that') day = ctx.lastDay?.day ?? a;
        else day = a ? addDays(a, rel === 'tomorrow' ? 1 : rel === 'yesterday' || (rel === 'last' && part === 'NI') ? -1 : rel === 'last' ? -1 : 0) : null;
      }
      const base = day ? dayValue(day) : g.wd ? `XXXX-WXX-${WEEKDAYS[g.wd.toLowerCase()]}` : 'XXXX-XX-XX';
      return { type: 'TIME', value: `${base}T${part}`, relative: true, day: day ?? undefined };
    }
    case 'quarter': {
      const q = g.qn ? Number(g.qn) : QUARTERS[(g.q as string).toLowerCase()];
      const explicit = g.year ?? g.year2;
      let year = explicit ? Number(explicit) : a ? a.year : null;
      if (!explicit && a && ctx.tense !== 'future' && q > Math.floor((a.month - 1) / 3) + 1) year = a.year - 1;
      if (!explicit && g.rel && /last|previous/i.test(g.rel) && year !== null) year -= 1;
      if (!explicit && g.rel && /next/i.test(g.rel) && year !== null) year += 1;
      return { type: 'DATE', value: `${year === null ? 'XXXX' : yearValue(year)}-Q${q}`, relative: !explicit, ...(year !== null ? { quarter: { year, q } } : {}) };
    }
    case 'period': {
      const base = ctx.lastQuarter ?? (a ? endedQuarter(a) : null);
      const what = (g.what as string).toLowerCase();
      const q = g.q ? QUARTERS[g.q.toLowerCase()] : base?.q;
      const rel = g.rel?.toLowerCase();
      let year: number | null = g.year ? Number(g.year) : rel && a ? a.year : base ? base.year : null;
      if (year !== null && !g.year) year += g.ago || rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      // a comparison ("the year-ago quarter") is not the period the report is about
      const reported = !g.ago && rel !== 'last';
      if (year === null) return { type: 'DATE', value: 'XXXX', relative: true };
      if (q === undefined || (what === 'period' && !g.q && !ctx.lastQuarter)) return { type: 'DATE', value: yearValue(year), relative: !g.year, year };
      return { ...quarterDate({ year, q }, reported), relative: !g.year };
    }
    case 'half': {
      const year = g.year ? Number(g.year) : a?.year ?? null;
      return { type: 'DATE', value: `${year === null ? 'XXXX' : yearValue(year)}-H${g.h?.toLowerCase() === 'first' ? 1 : 2}`, relative: !g.year };
    }
    case 'season': {
      const season = SEASONS[(g.season as string).toLowerCase()];
      if (!g.rel && !g.year && !g.dmod) return null; // a bare "fall" or "spring" is too often a verb or a noun
      const rel = g.rel?.toLowerCase();
      const year = g.year ? Number(g.year) : a ? a.year + (rel === 'last' || rel === 'past' ? -1 : rel === 'next' ? 1 : 0) : null;
      return withMod({ type: 'DATE', value: `${year === null ? 'XXXX' : yearValue(year)}-${season}`, relative: !g.year });
    }
    case 'sameday': {
      const what = (g.what as string).toLowerCase();
      const base = ctx.lastDay?.day ?? a;
      const n = /next|following|after/.test(what) ? 1 : /before|previous/.test(what) ? -1 : 0;
      if (what === 'the same week') return { type: 'DATE', value: base ? weekValue(base) : 'XXXX-WXX', relative: true };
      if (what === 'that night' || what === 'the next morning') return { type: 'TIME', value: `${base ? dayValue(addDays(base, n)) : 'XXXX-XX-XX'}T${what === 'that night' ? 'NI' : 'MO'}`, relative: true };
      return { type: 'DATE', value: base ? dayValue(addDays(base, n)) : 'XXXX-XX-XX', relative: true };
    }
    case 'weekday': {
      const wd = WEEKDAYS[(g.wd as string).toLowerCase()];
      if (!a) return withMod({ type: 'DATE', value: `XXXX-WXX-${wd}`, relative: true });
      const day = weekdayNear(a, wd, ctx.tense);
      return withMod({ type: 'DATE', value: dayValue(day), relative: true, day });
    }
  }
}

// ---- the layer ----------------------------------------------------------------------------

/** A history rather than a report: its years lie far from the document's date. */
function isNarrative(hits: Hit[], dct: Day | null): boolean {
  const years = hits.filter((h) => h.g.year && (h.kind === 'mdy' || h.kind === 'dmy' || h.kind === 'my' || h.kind === 'year')).map((h) => Number(h.g.year));
  if (years.length === 0) return dct === null;
  if (!dct) return true;
  const far = years.filter((y) => Math.abs(y - dct.year) > 1).length;
  return far >= 3 && far > (2 * years.length) / 3;
}

/**
 * The temporal expressions of a Doc (needs its sentences and tokens), resolved against
 * `options.dct`, else the Doc's publication date; inside a live-blog entry whose headline
 * names a day, against that day.
 */
export function tagTimexes(doc: Doc, options: TimeOptions = {}): Timex[] {
  const text = doc.text;
  const dctIso = options.dct !== undefined ? options.dct : (doc.meta.published ?? null);
  const dct = parseDay(dctIso);
  const hits = allHits(text);
  if (hits.length === 0) return [];
  const tokenIndex: number[] = [];
  doc.tokens.forEach((t, i) => {
    for (let c = t.start; c < t.end; c++) tokenIndex[c] = i;
  });
  let si = 0;
  const sentenceOf = (at: number) => {
    while (si < doc.sentences.length - 1 && doc.sentences[si].end <= at) si++;
    while (si > 0 && doc.sentences[si].start > at) si--;
    const s = doc.sentences[si];
    return s && s.start <= at && at <= s.end ? s : undefined;
  };
  const narrative = isNarrative(hits, dct);
  const docAnchor: TimexAnchor = dct ? { kind: 'document', value: dayValue(dct) } : { kind: 'none' };
  const ctx: Context = { anchor: dct, anchorInfo: docAnchor, lastDay: null, lastYear: null, lastQuarter: null, narrative, tense: 'none', sentence: '' };
  const entries = doc.entries;
  let entry = -1;
  const out: Timex[] = [];
  for (const h of hits) {
    // a live-blog entry whose headline names a day anchors the entry
    while (entry + 1 < entries.length && entries[entry + 1].start <= h.start) {
      entry++;
      ctx.anchor = dct;
      ctx.anchorInfo = docAnchor;
    }
    ctx.tense = tenseAt(doc, h, tokenIndex, sentenceOf);
    const sentence = sentenceOf(h.start);
    // the words around the expression in its sentence, bounded so that a one-line text stays linear
    ctx.sentence = text.slice(Math.max(sentence?.start ?? 0, h.start - SENTENCE_REACH), Math.min(sentence?.end ?? text.length, h.end + SENTENCE_REACH));
    const r = resolve(h, ctx);
    if (!r || !r.value) continue;
    const inHeadline = entry >= 0 && entries[entry].headline && h.start >= (entries[entry].headline?.start ?? 0) && h.end <= (entries[entry].headline?.end ?? 0);
    let anchor: TimexAnchor | null = null;
    if (r.relative) anchor = /X/.test(r.value.slice(0, 4)) || (!ctx.anchor && !ctx.lastDay) ? { kind: 'none' } : h.kind === 'sameday' && ctx.lastDay ? { kind: 'text', value: dayValue(ctx.lastDay.day), span: ctx.lastDay.span } : { ...ctx.anchorInfo };
    const timex: Timex = { start: h.start, end: h.end, type: r.type, value: r.value, anchor, ...(r.mod ? { mod: r.mod } : {}) };
    const before = out[out.length - 1];
    if (before && r.day && r.type === 'DATE' && !r.mod && before.type === 'TIME' && /T\d\d:\d\d$/.test(before.value) && /^\s+$/.test(text.slice(before.end, h.start))) {
      // "9 a.m. Tuesday": one time on that day
      out[out.length - 1] = { ...timex, start: before.start, type: 'TIME', value: `${dayValue(r.day)}${before.value.slice(-6)}` };
    } else out.push(timex);
    if (r.day && r.type === 'DATE') {
      ctx.lastDay = { day: r.day, span: { start: h.start, end: h.end } };
      if (inHeadline) {
        ctx.anchor = r.day;
        ctx.anchorInfo = { kind: 'entry', value: dayValue(r.day), span: { start: h.start, end: h.end } };
      }
    }
    if (r.quarter) ctx.lastQuarter = r.quarter;
    if (r.year !== undefined || r.day) ctx.lastYear = r.year ?? r.day?.year ?? ctx.lastYear;
  }
  return out;
}

/**
 * The temporal expressions of a plain text, tokenized here: what evaluations and tests call.
 *
 * @example findTimexes('He left on Friday.', { dct: '2025-03-14' })
 */
export function findTimexes(text: string, options: TimeOptions = {}): Timex[] {
  const doc = createDoc(text, 'text', { published: options.dct ?? undefined, language: options.language ?? 'en' });
  tokenizeText(text, [], doc.sentences, doc.tokens);
  return tagTimexes(doc, options);
}

/** Stage: every temporal expression, resolved against the article's date (or a live-blog entry's day). */
export function timexes(): Stage {
  return {
    name: 'timexes',
    needs: ['text', 'sentences', 'tokens', 'language'],
    provides: ['timexes'],
    run(doc: Doc) {
      doc.timexes = tagTimexes(doc, { dct: doc.meta.published ?? null, language: doc.meta.language });
    },
  };
}
