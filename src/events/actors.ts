import { readFileSync } from 'node:fs';
import { countryByDemonym, countryByName } from '../connect/countries.ts';
import type { Doc, Entity } from '../doc/doc.ts';
import { isOutletName, KNOWN_OUTLETS } from '../entities/outlets.ts';
import { INTERNATIONAL_BODIES, OUTLET_COUNTRIES, SEATS_OF_POWER, SECTOR_OF_WORD, STRONG_SECTOR_WORDS, type Sector } from './sectors.ts';

/**
 * Actor codes: the country (ISO 3166 alpha-3, or IGO/NGO for international bodies) and
 * sector of a party to an event, from the words that name it, the in-article entity it is
 * linked to, that entity's roles, and the gazetteers Dossier has: countries and their
 * demonyms (src/connect/countries.ts), capitals, seats of power ("the Kremlin"),
 * international bodies, news outlets (src/entities/outlets.ts) and sector words.
 *
 *   "Russian Foreign Minister Sergei Lavrov" → RUS GOV   "the Kremlin" → RUS GOV
 *   "US envoy Steve Witkoff" → USA GOV                   "Ukrainian troops" → UKR MIL
 *   "TASS" → RUS MED                                     "Moscow" (as a party) → RUS GOV
 */

/** An actor's codes; null where nothing says. */
export interface ActorCode {
  country: string | null;
  sector: Sector | null;
}

const CAPITALS_PATH = new URL('./data/capitals.tsv', import.meta.url);
let capitals: Map<string, string> | undefined;

/** The country whose capital a name is ("Moscow" → RUS, "Washington" → USA), or undefined. */
export function countryOfCapital(name: string): string | undefined {
  if (!capitals) {
    capitals = new Map();
    for (const line of readFileSync(CAPITALS_PATH, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [capital, code] = line.split('\t');
      capitals.set(capital.toLowerCase(), code);
      // "Washington D.C." is written "Washington"
      const short = capital.replace(/,?\s+D\.?C\.?$/, '');
      if (short !== capital && !capitals.has(short.toLowerCase())) capitals.set(short.toLowerCase(), code);
    }
  }
  return capitals.get(name.toLowerCase());
}

/** A name in lower case without a leading "the" or a possessive ending. */
function key(name: string): string {
  return name.toLowerCase().replace(/[’']s?$/u, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

/** Words of a phrase, with their case kept (possessive endings and punctuation off). */
function wordsOf(text: string): string[] {
  return text.split(/[\s,;:()“”"]+/).map((w) => w.replace(/[’']s$/u, '').replace(/[.’']$/u, '')).filter(Boolean);
}

/**
 * A country named in a phrase by a demonym, a country's name (one to three words) or a
 * capital, written with a capital letter: the first one from the left.
 */
export function countryIn(text: string): string | null {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!/^\p{Lu}/u.test(w)) continue;
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const c = countryByName(phrase) ?? countryByName(phrase + '.') ?? (n === 1 ? countryByDemonym(phrase) : undefined);
      if (c) return c.code;
    }
    // "Russian-American" names the first country
    const first = w.split('-')[0];
    if (first !== w) {
      const c = countryByDemonym(first) ?? countryByName(first);
      if (c) return c.code;
    }
  }
  return null;
}

/** The sector the words of a phrase name: a strong word anywhere, else the last sector word. */
export function sectorIn(text: string): Sector | null {
  let last: Sector | null = null;
  for (const raw of wordsOf(text)) {
    const w = raw.toLowerCase();
    const sector = SECTOR_OF_WORD.get(w);
    if (!sector) continue;
    if (STRONG_SECTOR_WORDS.has(w)) return sector;
    last = sector;
  }
  return last;
}

/** Codes from a name alone: a seat of power, an international body, an outlet, a country or a capital. */
function codeName(name: string, type: Entity['type'] | null, asParty: boolean): ActorCode | null {
  const k = key(name);
  const seat = SEATS_OF_POWER[k];
  if (seat) return { country: seat[0], sector: seat[1] };
  const body = INTERNATIONAL_BODIES[k];
  if (body) return { country: body, sector: null };
  if (type === 'ORG' || type === null) {
    if (KNOWN_OUTLETS.has(k) || OUTLET_COUNTRIES[k] || (type === 'ORG' && isOutletName(name))) return { country: OUTLET_COUNTRIES[k] ?? null, sector: 'MED' };
  }
  if (type === 'LOC' || type === 'NORP' || type === 'MISC' || type === 'ORG' || type === null) {
    const country = countryByName(name) ?? (type === 'NORP' ? countryByDemonym(name) : undefined);
    if (country) return { country: country.code, sector: null };
    const capital = countryOfCapital(k);
    // a capital as a party stands for the government (the PLOVER gold records' rule)
    if (capital) return { country: capital, sector: asParty ? 'GOV' : null };
  }
  return null;
}

/**
 * The codes of an actor named by `text` (the words in the article), linked to `entity`
 * (an index of Doc.entities) where it is. The entity's fullest name and its roles are read
 * too ("Witkoff", whom the article calls "US envoy", is USA GOV).
 *
 * @example codeActor(doc, 'Russian Foreign Minister Sergei Lavrov', 3) // { country: 'RUS', sector: 'GOV' }
 */
export function codeActor(doc: Doc, text: string, entity: number | null): ActorCode {
  const e = entity !== null ? doc.entities[entity] : undefined;
  let country: string | null = null;
  let sector: Sector | null = null;
  const named = codeName(e?.name ?? text, e?.type ?? null, true) ?? (e ? codeName(text, e.type, true) : null);
  if (named) ({ country, sector } = named);
  // the phrase's own words, then the entity's roles and aliases
  const roleTexts = e ? e.roles.map((r) => r.text) : [];
  country ??= countryIn(text) ?? firstOf(roleTexts, countryIn) ?? (e ? firstOf(e.aliases, (a) => codeName(a, e.type, true)?.country ?? null) : null);
  sector ??= sectorIn(text) ?? firstOf(roleTexts, sectorIn);
  return { country, sector };
}

function firstOf<T>(items: readonly string[], f: (s: string) => T | null): T | null {
  for (const item of items) {
    const v = f(item);
    if (v !== null) return v;
  }
  return null;
}
