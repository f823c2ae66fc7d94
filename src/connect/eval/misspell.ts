/**
 * Garbles names the way machine-rewritten agency copy does: another transliteration
 * (swaps of ff/v, k/c, y/i, ph/f, as in "Zelensky" → "Zelenskiy"),
 * a doubled or undoubled letter ("Hillary" → "Hilary"), a one-letter slip, a name split in
 * two ("McCain" → "Mc Cain") or two name words run together ("Le Pen" → "Lepen"). Only
 * capitalised words the article uses as names change; every choice comes from a seeded
 * random source.
 */
import type { Random } from './seeded-random.ts';

/** A capitalised word: "Clinton", "McCain", "O’Rourke" gives "O" and "Rourke", so apostrophes end it. */
const CAPITALISED = /(?<![\p{L}\p{N}’'-])\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}])/gu;
/** Capitalised words that are not names: titles, months, days, and words that open sentences. */
const NOT_NAMES = new Set([
  'president', 'vice', 'senator', 'sen', 'governor', 'gov', 'representative', 'rep', 'secretary',
  'speaker', 'chairman', 'chairwoman', 'director', 'general', 'judge', 'justice', 'mayor', 'minister',
  'prime', 'former', 'first', 'lady', 'sir', 'mr', 'mrs', 'ms', 'dr', 'attorney', 'state', 'house',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/**
 * The words an article uses as names: capitalised words (three letters or more) found at least
 * once inside a sentence rather than at its start, never written in lower case in the
 * article, and not a title, month or day. `sentences` are the body's sentences; the title is
 * left out because headlines capitalise every word.
 *
 * @example nameWords(['The ferry left Vantbrook.', 'The crew waved.']) // Set { 'Vantbrook' }
 */
export function nameWords(sentences: readonly string[]): Set<string> {
  const lower = new Set<string>();
  const inside = new Set<string>();
  for (const sentence of sentences) {
    for (const w of sentence.match(/[\p{L}]+/gu) ?? []) if (w === w.toLowerCase()) lower.add(w);
    const opening = /^[^\p{L}]*/u.exec(sentence)?.[0].length ?? 0;
    for (const m of sentence.matchAll(CAPITALISED)) if (m.index > opening) inside.add(m[0]);
  }
  const names = new Set<string>();
  for (const w of inside) {
    if (w.length >= 3 && !lower.has(w.toLowerCase()) && !NOT_NAMES.has(w.toLowerCase())) names.add(w);
  }
  return names;
}

/** Transliteration swaps, applied at one place in a word where they fit. */
const TRANSLITERATIONS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['ff', 'v'], ['v', 'ff'], ['ph', 'f'], ['f', 'ph'], ['ck', 'k'], ['k', 'c'], ['c', 'k'],
  ['y', 'i'], ['i', 'y'], ['ks', 'x'], ['x', 'ks'], ['w', 'v'], ['sch', 'sh'], ['sh', 'sch'],
];
const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghklmnprstvz';

/** The kinds of garbling `garbleName` chooses among. */
export type Garbling = 'transliteration' | 'doubling' | 'edit' | 'split';

/**
 * One garbled form of a capitalised name word, never the word itself, still starting with a
 * capital. The kind of change is drawn from those that fit the word.
 *
 * @example garbleName('Hillary', seededRandom(2)) // e.g. 'Hilary', 'Hillari', 'Hilalry' or 'Hill Ary'
 */
export function garbleName(word: string, rng: Random): string {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) throw new TypeError(`garbleName: not a capitalised word: ${word}`);
  const kinds: Garbling[] = ['edit', 'doubling'];
  if (transliterations(word).length > 0) kinds.push('transliteration', 'transliteration');
  if (/\p{Lu}/u.test(word.slice(1)) || word.length >= 8) kinds.push('split');
  for (let attempt = 0; attempt < 8; attempt++) {
    const out = garbleAs(word, rng.pick(kinds), rng);
    if (out !== word && /^\p{Lu}/u.test(out)) return out;
  }
  return word.slice(0, 1) + word.slice(1).replace(/\p{Ll}$/u, (c) => (c === 'e' ? 'a' : 'e'));
}

function garbleAs(word: string, kind: Garbling, rng: Random): string {
  switch (kind) {
    case 'transliteration': {
      const [at, from, to] = rng.pick(transliterations(word));
      const replaced = word.slice(at, at + from.length);
      const cased = replaced[0] === replaced[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
      return word.slice(0, at) + cased + word.slice(at + from.length);
    }
    case 'doubling': {
      const doubled = [...word.matchAll(/(\p{Ll})\1/gu)].map((m) => m.index);
      if (doubled.length > 0) {
        const at = rng.pick(doubled);
        return word.slice(0, at) + word.slice(at + 1);
      }
      const places = [...word.slice(1)].map((c, i) => (CONSONANTS.includes(c) ? i + 1 : -1)).filter((i) => i > 0);
      if (places.length === 0) return word;
      const at = rng.pick(places);
      return word.slice(0, at) + word[at] + word.slice(at);
    }
    case 'edit': {
      const at = 1 + rng.int(word.length - 1);
      const c = word[at];
      const other = (VOWELS.includes(c) ? VOWELS : CONSONANTS).replace(c, '');
      switch (rng.int(4)) {
        case 0:
          return word.slice(0, at) + rng.pick([...other]) + word.slice(at + 1);
        case 1:
          return word.length > 3 ? word.slice(0, at) + word.slice(at + 1) : word + rng.pick([...VOWELS]);
        case 2:
          return at < word.length - 1 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word[at] + word[at];
        default:
          return word.slice(0, at) + rng.pick([...VOWELS]) + word.slice(at);
      }
    }
    case 'split': {
      const inner = /\p{Lu}/u.exec(word.slice(1));
      if (inner) return `${word.slice(0, inner.index + 1)} ${word.slice(inner.index + 1)}`;
      const at = 4 + rng.int(word.length - 7);
      return `${word.slice(0, at)} ${word[at].toUpperCase()}${word.slice(at + 1)}`;
    }
  }
}

/** Where each transliteration fits in a word: [offset, from, to]. */
function transliterations(word: string): Array<[number, string, string]> {
  const lower = word.toLowerCase();
  const out: Array<[number, string, string]> = [];
  for (const [from, to] of TRANSLITERATIONS) {
    for (let at = lower.indexOf(from); at >= 0; at = lower.indexOf(from, at + 1)) {
      // "ch", "ck" and "sh" are one sound: their letters are not swapped one at a time
      if ((from === 'c' || from === 'k') && /[hk]/.test(lower[at + 1] ?? '')) continue;
      if (from === 'c' && lower[at - 1] === 's') continue;
      if ((from === 'f' || from === 'v') && (lower[at + 1] === 'f' || lower[at - 1] === 'f')) continue;
      if (from === 'sh' && lower[at - 1] === 'c') continue;
      out.push([at, from, to]);
    }
  }
  return out;
}

/** How much of an article's names `misspellNames` garbles. */
export interface MisspellRates {
  /** Share of name words given a garbled form. */
  names: number;
  /** Share of a garbled name's occurrences written in the garbled form (rewriters are not consistent). */
  occurrences: number;
  /** Share of two-word names ("Le Pen") run together. */
  joins: number;
}

/** The rates the `misspelt` copies use. */
export const DEFAULT_MISSPELL_RATES: Readonly<MisspellRates> = { names: 0.6, occurrences: 0.9, joins: 0.15 };

/**
 * The garbled forms for an article: name words and two-word names mapped to what the copy
 * writes instead. Drawn once per article so that a name is garbled the same way throughout.
 */
export function nameVariants(sentences: readonly string[], rng: Random, rates: Readonly<MisspellRates> = DEFAULT_MISSPELL_RATES): Map<string, string> {
  const names = nameWords(sentences);
  const variants = new Map<string, string>();
  const pairs = new Set<string>();
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/(?<![\p{L}\p{N}’'-])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/gu)) {
      if (names.has(m[1]) && names.has(m[2])) pairs.add(m[0]);
    }
  }
  for (const pair of [...pairs].sort()) {
    if (!rng.chance(rates.joins)) continue;
    const [a, b] = pair.split(' ');
    variants.set(pair, rng.chance(0.5) ? a + b : a + b.toLowerCase());
  }
  for (const name of [...names].sort()) if (rng.chance(rates.names)) variants.set(name, garbleName(name, rng));
  return variants;
}

/**
 * Writes a text with its names garbled: each occurrence of a key of `variants` (two-word
 * names first) becomes its garbled form with probability `occurrenceRate`.
 */
export function applyNameVariants(text: string, variants: ReadonlyMap<string, string>, rng: Random, occurrenceRate = DEFAULT_MISSPELL_RATES.occurrences): string {
  if (variants.size === 0) return text;
  const keys = [...variants.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(pattern, (m: string) => (rng.chance(occurrenceRate) ? (variants.get(m) ?? m) : m));
}
