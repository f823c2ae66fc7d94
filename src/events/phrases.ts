import { countryByDemonym, countryByName } from '../connect/countries.ts';
import type { Doc } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import { HONORIFICS, ROLE_MODIFIERS, ROLE_WORDS } from '../entities/roles.ts';
import { SECTOR_OF_WORD } from './sectors.ts';

/**
 * Actor phrases of a sentence, without a parse: runs of names, demonyms, role and sector
 * words and their modifiers ("Russian Foreign Minister Sergei Lavrov", "US and Russian
 * officials", "Trump's Middle East envoy Steve Witkoff", "a Russian source"), each with the
 * preposition before it ("with", "by", "in"…) and split into the parties of a compound
 * ("Hungarian and Romanian officials" → "Hungarian", "Romanian officials"). Personal pronouns
 * are one-word phrases; "he" and "she" stand for the last person named before them.
 */

/** Words after which a name only qualifies the party's own name ("Anselm Korvath of Varnia"). */
const OF_WORDS = new Set(['of', 'from']);

/** One party of a phrase: its span and the entity of its last name before "of" or "from". */
export interface Party extends Span {
  entity: number | null;
}

/** An actor phrase: token range [first, last], the preposition before it (lower case) or null, and its parties. */
export interface ActorPhrase extends Span {
  first: number;
  last: number;
  prep: string | null;
  parties: Party[];
  pronoun: boolean;
}

/** Words that may open or join an actor phrase but are not part of any party. */
const DETERMINERS = new Set(['the', 'a', 'an', 'both', 'several', 'some', 'many', 'two', 'three', 'its', 'their', 'his', 'her', 'our']);
const CONNECTORS = new Set(['and', ',', '&']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
/** Words a role phrase may hold that make no actor by themselves ("source", "sources", "side", "sides"). */
const EXTRA_HEADS = new Set(['source', 'sources', 'side', 'sides', 'group', 'groups', 'delegation', 'team', 'men', 'women', 'country', 'countries', 'nations', 'nation', 'allies']);
/** Function words that ROLE_MODIFIERS holds for names' roles ("Secretary of State") but that join a phrase only as handled below. */
const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and']);
/** Prepositions recorded before a phrase. */
const PREPOSITIONS = new Set(['with', 'to', 'by', 'in', 'at', 'on', 'from', 'for', 'against', 'between', 'of', 'into', 'near', 'over', 'about', 'toward', 'towards', 'among', 'than', 'under', 'outside', 'inside', 'across', 'through', 'via', 'like', 'without', 'within', 'during', 'including']);

type Kind = 'name' | 'head' | 'modifier' | 'connector' | 'determiner' | 'possessive' | 'pronoun' | 'other';

/** What a token can be in an actor phrase. */
function kindOf(doc: Doc, i: number, inName: Int32Array): Kind {
  if (inName[i] >= 0) return 'name';
  const t = doc.tokens[i];
  const word = doc.text.slice(t.start, t.end);
  const lower = word.toLowerCase();
  if (lower === '’s' || lower === "'s" || lower === '’' || lower === "'" || lower === '-') return 'possessive';
  if (CONNECTORS.has(lower)) return 'connector';
  if (PRONOUNS.has(lower) && t.pos === 'PRON') return 'pronoun';
  if (ROLE_WORDS.has(lower) || SECTOR_OF_WORD.has(lower) || EXTRA_HEADS.has(lower)) {
    // "an official protest", "military aid": an adjective before a noun that names no actor qualifies that noun
    const next = doc.tokens[i + 1];
    const nextWord = next ? doc.text.slice(next.start, next.end).toLowerCase() : '';
    if (t.pos === 'ADJ' && next?.pos === 'NOUN' && !ROLE_WORDS.has(nextWord) && !SECTOR_OF_WORD.has(nextWord) && !EXTRA_HEADS.has(nextWord)) return 'other';
    return t.pos === 'VERB' ? 'other' : 'head';
  }
  if (/^\p{Lu}/u.test(word) && (countryByDemonym(word) || countryByName(word))) return 'name';
  if (DETERMINERS.has(lower)) return 'determiner';
  if ((ROLE_MODIFIERS.has(lower) && !FUNCTION_WORDS.has(lower)) || HONORIFICS.has(lower) || (t.pos === 'ADJ' && /^\p{Lu}/u.test(word))) return 'modifier';
  if (t.pos === 'PROPN' && /^\p{Lu}/u.test(word)) return 'modifier';
  return 'other';
}

/** For each token, the index of the mention it lies in (PER, ORG, LOC, NORP), else -1. */
export function nameIndex(doc: Doc): Int32Array {
  const out = new Int32Array(doc.tokens.length).fill(-1);
  let t = 0;
  doc.mentions.forEach((m, k) => {
    if (m.type === 'EVENT' || m.type === 'MISC') return;
    while (t < doc.tokens.length && doc.tokens[t].end <= m.start) t++;
    for (let i = t; i < doc.tokens.length && doc.tokens[i].start < m.end; i++) out[i] = k;
  });
  return out;
}

/**
 * The actor phrases of the tokens [from, to) of a Doc, in order. `inName` is nameIndex(doc).
 * Linear in the number of tokens.
 */
export function actorPhrases(doc: Doc, from: number, to: number, inName: Int32Array): ActorPhrase[] {
  const out: ActorPhrase[] = [];
  const kinds: Kind[] = [];
  const dated = datedTokens(doc, from, to);
  // a word of a date or time is no party ("said on Tuesday their forces…": Tuesday is not with the forces)
  for (let i = from; i < to; i++) kinds.push(dated[i - from] ? 'other' : kindOf(doc, i, inName));
  const k = (i: number): Kind => (i >= from && i < to ? kinds[i - from] : 'other');
  let i = from;
  while (i < to) {
    const kind = k(i);
    if (kind === 'pronoun') {
      out.push(pronounPhrase(doc, i, prepBefore(doc, i, from)));
      i++;
      continue;
    }
    if (kind !== 'name' && kind !== 'head' && kind !== 'modifier' && kind !== 'determiner') {
      i++;
      continue;
    }
    // extend over phrase words; a connector or possessive continues only if a phrase word follows
    let j = i;
    let last = -1;
    while (j < to) {
      const kj = k(j);
      if (kj === 'name' || kj === 'head') last = j;
      else if (kj === 'modifier' || kj === 'determiner') {
        /* may continue */
      } else if (kj === 'possessive' && j + 1 < to && ['name', 'head', 'modifier', 'determiner'].includes(k(j + 1))) {
        /* joins: "Trump's envoy", "Russian-American" */
      } else if (kj === 'connector' && j + 1 < to && ['name', 'head', 'modifier', 'determiner'].includes(k(j + 1)) && (wordAt(doc, j) !== ',' || commaJoins(doc, j, to, k, inName))) {
        /* joins: "Russia and Ukraine"; a comma only in a list that ends in "and", or an apposition */
      } else if (wordAt(doc, j) === 'of' && last >= 0 && (k(j + 1) === 'name' || k(j + 1) === 'head' || k(j + 1) === 'determiner')) {
        /* "Secretary of State", "the Ambassador of Morocco" */
      } else break;
      j++;
    }
    if (last < 0) {
      i = Math.max(j, i + 1);
      continue;
    }
    // leading determiners are outside the parties; the phrase ends at its last name or head
    let first = i;
    while (first < last && (k(first) === 'determiner' || k(first) === 'connector')) first++;
    out.push(makePhrase(doc, first, last, k, inName, prepBefore(doc, i, from)));
    i = last + 1;
  }
  return out;
}

/** For tokens [from, to), whether each lies in a timex (a date, time or duration). */
export function datedTokens(doc: Doc, from: number, to: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, to - from));
  if (to <= from || doc.timexes.length === 0) return out;
  const start = doc.tokens[from].start;
  let lo = 0;
  let hi = doc.timexes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.timexes[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const end = doc.tokens[to - 1].end;
  let i = from;
  for (let k = lo; k < doc.timexes.length && i < to && doc.timexes[k].start < end; k++) {
    const x = doc.timexes[k];
    while (i < to && doc.tokens[i].end <= x.start) i++;
    for (let j = i; j < to && doc.tokens[j].start < x.end; j++) out[j - from] = 1;
  }
  return out;
}

/**
 * Whether the comma at token j joins two parts of one phrase: a list that goes on to "and"
 * within a few words ("Russia, Ukraine and Belarus"), or an apposition of a role and a
 * person's name ("Trump's special envoy, Steve Witkoff"; "Julia Shapovalova, correspondent").
 */
function commaJoins(doc: Doc, j: number, to: number, k: (i: number) => Kind, inName: Int32Array): boolean {
  for (let x = j + 1; x < to && x <= j + 6; x++) {
    const w = wordAt(doc, x);
    if (w === 'and') return true;
    if (k(x) === 'other' || w === ',') break;
  }
  const isPerson = (x: number) => inName[x] >= 0 && doc.mentions[inName[x]].type === 'PER';
  const leftHead = k(j - 1) === 'head';
  let right = j + 1;
  while (right < to && (k(right) === 'determiner' || k(right) === 'modifier')) right++;
  return (leftHead && isPerson(right)) || (isPerson(j - 1) && k(right) === 'head');
}

function wordAt(doc: Doc, i: number): string {
  const t = doc.tokens[i];
  return t ? doc.text.slice(t.start, t.end).toLowerCase() : '';
}

function prepBefore(doc: Doc, i: number, from: number): string | null {
  const w = i - 1 >= from ? wordAt(doc, i - 1) : '';
  // "thousands of Ukrainian troops", "a group of Moroccan diplomats": the phrase is the party, not a complement
  if (w === 'of' && i - 2 >= from && (doc.tokens[i - 2].pos === 'NUM' || QUANTITIES.has(wordAt(doc, i - 2)))) return null;
  return PREPOSITIONS.has(w) ? w : null;
}

/** Words of quantity before "of" that leave the phrase after it a party. */
const QUANTITIES = new Set(['thousands', 'hundreds', 'dozens', 'millions', 'scores', 'tens', 'some', 'many', 'most', 'all', 'several', 'group', 'number', 'handful', 'majority', 'both', 'none', 'one', 'two', 'three']);

/** Splits a phrase into parties at connectors that have a name or head on both sides. */
function makePhrase(doc: Doc, first: number, last: number, k: (i: number) => Kind, inName: Int32Array, prep: string | null): ActorPhrase {
  const parties: Party[] = [];
  let start = first;
  const flush = (end: number) => {
    let s = start;
    while (s <= end && (k(s) === 'determiner' || k(s) === 'connector')) s++;
    if (s > end) return;
    let entity: number | null = null;
    for (let x = s; x <= end; x++) {
      // "President Anselm Korvath of Varnia" is Korvath: a name before "of" or "from" heads the party; "the government of Russia" has none before it
      if (entity !== null && OF_WORDS.has(wordAt(doc, x))) break;
      if (inName[x] >= 0) entity = doc.mentions[inName[x]].entity;
    }
    parties.push({ start: doc.tokens[s].start, end: doc.tokens[end].end, entity });
  };
  for (let x = first; x <= last; x++) {
    if (k(x) !== 'connector') continue;
    const hasLeft = rangeHas(start, x - 1, k);
    const hasRight = rangeHas(x + 1, last, k);
    // a role and a name set side by side by a comma are one party
    const isPerson = (i: number) => inName[i] >= 0 && doc.mentions[inName[i]].type === 'PER';
    const apposition = wordAt(doc, x) === ',' && !hasAnd(doc, x, last) && ((k(x - 1) === 'head' && hasPerson(x + 1, last, doc, inName)) || (isPerson(x - 1) && !hasPerson(x + 1, last, doc, inName)));
    if (hasLeft && hasRight && !apposition) {
      flush(x - 1);
      start = x + 1;
    }
  }
  flush(last);
  return { start: doc.tokens[first].start, end: doc.tokens[last].end, first, last, prep, parties, pronoun: false };
}

function hasPerson(a: number, b: number, doc: Doc, inName: Int32Array): boolean {
  for (let x = a; x <= b; x++) if (inName[x] >= 0 && doc.mentions[inName[x]].type === 'PER') return true;
  return false;
}

function hasAnd(doc: Doc, a: number, b: number): boolean {
  for (let x = a; x <= b; x++) if (wordAt(doc, x) === 'and') return true;
  return false;
}

function rangeHas(a: number, b: number, k: (i: number) => Kind): boolean {
  for (let x = a; x <= b; x++) if (k(x) === 'name' || k(x) === 'head') return true;
  return false;
}

/** A pronoun as a phrase: "he" and "she" stand for the last person named before them. */
function pronounPhrase(doc: Doc, i: number, prep: string | null): ActorPhrase {
  const t = doc.tokens[i];
  const word = doc.text.slice(t.start, t.end).toLowerCase();
  let entity: number | null = null;
  if (word === 'he' || word === 'she') {
    const from = lastMentionBefore(doc, t.start);
    // a bounded look back: a text of many pronouns and no person stays linear
    for (let m = from; m >= 0 && m > from - 50; m--) {
      if (doc.mentions[m].type === 'PER') {
        entity = doc.mentions[m].entity;
        break;
      }
    }
  }
  return { start: t.start, end: t.end, first: i, last: i, prep, parties: [{ start: t.start, end: t.end, entity }], pronoun: true };
}

/** The index of the first phrase whose last token is at or after `token` (phrases are in text order). */
export function firstPhraseFrom(phrases: readonly ActorPhrase[], token: number): number {
  let lo = 0;
  let hi = phrases.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (phrases[mid].last < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastMentionBefore(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
