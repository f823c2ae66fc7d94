import { createDoc, type Doc, type Timex, type TimexAnchor, type TimexMod, type TimexType } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { tokenizeText } from '../text/tokenize.ts';
import { addDays, addMonths, dayValue, isDay, monthValue, parseDay, weekday, weekValue, yearValue, type Day } from './calendar.ts';
import {
  AMBIGUOUS_MONTHS, DATE_MODS, DAY_WORDS, DURATION_MODS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, REFS, SEASONS, SET_WORDS,
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
const NUM = `(?<num>\\d+(?:\\.\\d+)?|${alt([...Object.keys(NUMBER_WORDS), ...VAGUE_NUMBERS])}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`;
const UNIT = String.raw`(?<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))`;
const DMOD = `(?:(?<dmod>${alt(Object.keys(DATE_MODS))})[\\s-]*)?`;
const QMOD = `(?:(?<qmod>${alt(Object.keys(DURATION_MODS))})\\s+)?`;
const REL = String.raw`(?<rel>last|next|this|coming|past|previous|following|current)`;
const PART = `(?<part>${alt(Object.keys(PARTS_OF_DAY).filter((p) => p !== 'tonight'))})`;
const ZONE = String.raw`(?:\s*(?<zone>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|ET|CET|CEST|BST|MSK|Moscow time|local time))?`;

type Kind =
  | 'iso' | 'mdy' | 'dmy' | 'my' | 'month' | 'year' | 'decade' | 'century' | 'dayword' | 'ref' | 'relunit' | 'ago' | 'duration'
  | 'set' | 'every' | 'clock' | 'clock24' | 'partday' | 'quarter' | 'half' | 'season' | 'sameday' | 'weekday' | 'fiscal';

interface Rule {
  kind: Kind;
  re: RegExp;
}

const rule = (kind: Kind, source: string, flags = 'giu'): Rule => ({ kind, re: new RegExp(`${L}${source}${R}`, flags) });

/** Each rule finds one shape of expression; the longest match at a place wins. */
const RULES: Rule[] = [
  rule('iso', String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hh>\d{2}):(?<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`),
  rule('mdy', `${DMOD}(?:${WD},?\\s+)?${MON}\\s+${DAYN}(?:,?\\s+${YEAR})?`),
  rule('dmy', `${DMOD}(?:${WD},?\\s+)?(?:the\\s+)?${DAYN}\\s*(?:of\\s+|de\\s+)?${MON}(?:,?\\s+(?:de\\s+|of\\s+)?${YEAR})?`),
  rule('my', `${DMOD}${MON},?\\s+(?:of\\s+|de\\s+)?${YEAR}`),
  rule('month', `${DMOD}(?:(?<rel>last|next|this|coming|past)\\s+)?${MON}`),
  rule('fiscal', `(?:fiscal|FY)\\s*(?:year\\s+)?${YEAR}`),
  rule('year', `${DMOD}(?<year>1\\d{3}|20\\d{2})`),
  rule('decade', String.raw`(?:the\s+)?(?:(?<cent>1\d|20)(?<dec>\d)0s|'(?<short>\d)0s)`),
  rule('century', String.raw`(?:the\s+)?(?<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century`),
  rule('dayword', `${DMOD}(?<word>${alt(Object.keys(DAY_WORDS))})(?:\\s+(?<part>${alt(Object.keys(PARTS_OF_DAY))}))?`),
  rule('ref', `(?<word>${alt(Object.keys(REFS))})`),
  rule('relunit', `${DMOD}(?:the\\s+)?${REL}\\s+(?<what>week|weekend|month|year|quarter|${alt(Object.keys(SEASONS))}|${alt(Object.keys(WEEKDAYS))})`),
  rule('ago', `${QMOD}${NUM}[\\s-]+${UNIT}\\s+(?<dir>ago|earlier|before|later|after|from now|hence)`),
  rule('duration', `${QMOD}(?:the\\s+)?(?:(?<span>past|last|next|first|previous|coming|final|following)\\s+)?${NUM}[\\s-]+${UNIT}(?:\\s+and\\s+a\\s+half)?`),
  rule('set', `(?<word>${alt(Object.keys(SET_WORDS))})`),
  rule('every', `(?:every|each)\\s+(?:(?<wd>${alt(Object.keys(WEEKDAYS))})|(?<unit>day|week|month|year|morning|evening|night))`),
  rule('clock', String.raw`(?<hh>[01]?\d)(?:[:.](?<mm>[0-5]\d))?\s*(?<ampm>a\.m\.|p\.m\.|am|pm)` + ZONE),
  rule('clock24', String.raw`(?<hh>[01]?\d|2[0-3]):(?<mm>[0-5]\d)` + ZONE),
  rule('clock', String.raw`(?<word>noon|midnight)`),
  rule('partday', `(?:(?<wd>${alt(Object.keys(WEEKDAYS))})|(?<rel>this|last|that|tomorrow|yesterday))\\s+${PART}|(?<tonight>tonight|overnight)`),
  rule('quarter', String.raw`(?:the\s+)?(?:(?<rel>last|next|this|current|latest|previous)\s+)?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?<year>1\d{3}|20\d{2}))?|Q(?<qn>[1-4])\s+(?<year2>1\d{3}|20\d{2})`),
  rule('half', String.raw`(?:the\s+)?(?<h>first|second)\s+half\s+of\s+(?:(?<year>1\d{3}|20\d{2})|the\s+year|this\s+year)`),
  rule('season', `${DMOD}(?:(?<rel>this|last|next|past|coming)\\s+)?(?<season>${alt(Object.keys(SEASONS))})(?:\\s+(?:of\\s+)?${YEAR})?`),
  rule('sameday', String.raw`(?<what>the same day|that day|the next day|the following day|the day before|the previous day|the day after|the next morning|that night|the same week)`),
  rule('weekday', `${DMOD}${WD}`),
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
  if (mon && /^[a-z]{3}$/.test(mon) && !g.day && !g.year) return false; // "Jan" alone
  if (h.kind === 'month' && mon && AMBIGUOUS_MONTHS.has(mon)) {
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
    if (num && /^\d/.test(num) && Number(num) > 10_000) return false;
    // "a day" / "a week" as "per": "twice a day" is not a length of time
    if ((num === 'a' || num === 'an') && /(?:once|twice|times|\$[\d.,]+|\d+ ?%?|per cent|percent|barrels|dollars)\s+$/i.test(text.slice(Math.max(0, h.start - 16), h.start))) return false;
  }
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
const FUTURE_REACH = 8;
/** English past forms, regular and the common irregular endings (wink-nlp's tags do not mark tense). */
const PAST_FORM = /(?:ed|id|ought|ew|ook|ent|ame|ave|old|aid|et|ung|ode|ote|ang|oke|ore|ept|ood|ost|ad|was|were)$/;

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
  // the nearest verbs only: a window keeps a one-line text of thousands of tokens linear
  for (let i = Math.max(0, first - TENSE_WINDOW); i < Math.min(tokens.length, first + TENSE_WINDOW); i++) {
    const t = tokens[i];
    if (t.start < sentence.start) continue;
    if (t.start >= sentence.end) break;
    if (t.start >= span.start && t.end <= span.end) continue;
    const word = doc.text.slice(t.start, t.end).toLowerCase();
    const distance = Math.abs(i - first);
    if (FUTURE_WORDS.has(word)) future = Math.min(future, distance);
    else if ((t.pos === 'VERB' || t.pos === 'AUX') && distance < nearest) {
      nearest = distance;
      nearestTense = PAST_FORM.test(word) ? 'past' : 'present';
    }
  }
  // "said it will meet on Friday": a future marker near the expression outweighs a nearer past verb
  if (future <= FUTURE_REACH) return 'future';
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
  narrative: boolean;
  tense: Tense;
}

interface Resolved {
  type: TimexType;
  value: string;
  mod?: TimexMod;
  /** Whether the value was computed from the anchor (false: complete in itself). */
  relative: boolean;
  day?: Day;
  year?: number;
}

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

function durationValue(n: number | null, unit: Unit, half: boolean): string {
  const { code, time, factor } = UNIT_CODES[unit];
  let count: string;
  if (n === null) count = 'X';
  else {
    const v = n * factor + (half ? 0.5 : 0);
    count = Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
  }
  if (unit === 'hour' && count === '0.5') return 'PT30M';
  return time ? `PT${count}${code}` : `P${count}${code}`;
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
      const year = monthYear(month, ctx, g.rel?.toLowerCase());
      return withMod({ type: 'DATE', value: year === null ? `XXXX-${String(month).padStart(2, '0')}` : monthValue(year, month), relative: true });
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
      const n = rel === 'last' || rel === 'past' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' || rel === 'following' ? 1 : 0;
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
      if (what === 'quarter') {
        if (!a) return { type: 'DATE', value: 'XXXX-QX', relative: true };
        const q = Math.floor((a.month - 1) / 3) + n;
        const year = a.year + Math.floor(q / 4);
        return withMod({ type: 'DATE', value: `${yearValue(year)}-Q${((q % 4) + 4) % 4 + 1}`, relative: true });
      }
      const unit = what as 'week' | 'month' | 'year';
      const v = shift(unit, n);
      const blank = { week: 'XXXX-WXX', month: 'XXXX-XX', year: 'XXXX' }[unit];
      return withMod({ type: 'DATE', value: v ?? blank, relative: true });
    }
    case 'ago': {
      const n = num(g.num);
      const unit = unitOf(g.unit as string);
      const dir = (g.dir as string).toLowerCase();
      if (dir === 'earlier' || dir === 'later' || dir === 'before' || dir === 'after') return null; // read as a length
      const sign = dir === 'ago' ? -1 : 1;
      const approx = n === null ? 'APPROX' : undefined;
      const count = n ?? 3;
      if (!a || !Number.isInteger(count)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', relative: true, ...(approx ? { mod: approx } : {}) };
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
      const n = num(g.num);
      const mod = g.qmod ? (DURATION_MODS[g.qmod.toLowerCase()] as TimexMod) : undefined;
      const value = durationValue(n, unit, /and a half$/i.test(h.g.num ?? '') || /and\s+a\s+half$/i.test(''));
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
      return { type: 'DATE', value: `${year === null ? 'XXXX' : yearValue(year)}-Q${q}`, relative: !explicit };
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
  return far > years.length / 2;
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
  const ctx: Context = { anchor: dct, anchorInfo: docAnchor, lastDay: null, lastYear: null, narrative, tense: 'none' };
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
    const r = resolve(h, ctx);
    if (!r || !r.value) continue;
    const inHeadline = entry >= 0 && entries[entry].headline && h.start >= (entries[entry].headline?.start ?? 0) && h.end <= (entries[entry].headline?.end ?? 0);
    let anchor: TimexAnchor | null = null;
    if (r.relative) anchor = /X/.test(r.value.slice(0, 4)) || (!ctx.anchor && !ctx.lastDay) ? { kind: 'none' } : h.kind === 'sameday' && ctx.lastDay ? { kind: 'text', value: dayValue(ctx.lastDay.day), span: ctx.lastDay.span } : { ...ctx.anchorInfo };
    const timex: Timex = { start: h.start, end: h.end, type: r.type, value: r.value, anchor, ...(r.mod ? { mod: r.mod } : {}) };
    out.push(timex);
    if (r.day && r.type === 'DATE') {
      ctx.lastDay = { day: r.day, span: { start: h.start, end: h.end } };
      if (inHeadline) {
        ctx.anchor = r.day;
        ctx.anchorInfo = { kind: 'entry', value: dayValue(r.day), span: { start: h.start, end: h.end } };
      }
    }
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
