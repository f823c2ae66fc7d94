import { HONORIFICS } from './roles.ts';

/**
 * How corpus work compares names. `nameKey` is the exact comparison form; `foldWord` is a
 * spelling skeleton that transliteration variants share ("Witkov"/"Witkoff", "Julia"/"Yulia",
 * "Xenia"/"Ksenia", "Kiril"/"Kirill", "Zelensky"/"Zelenskyy"); `personParts` splits a
 * person's name into given names and surname.
 */

/** Spelling rewrites applied in order to a lower-cased word without diacritics. Data, not code. */
const FOLD_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^j(?=[aeiouy])/, 'y'], // Julia/Yulia, Jurij/Yuriy
  [/x/g, 'ks'], // Xenia/Ksenia
  [/ph/g, 'f'],
  [/w/g, 'v'], // Witkow/Witkov, Wladimir/Vladimir
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/kh|ch/g, 'h'], // Mikhail/Michail
  [/y/g, 'i'], // Zelensky/Zelenskiy/Zelenskyy, Yulia/Iulia
  [/(.)\1+/g, '$1'], // Kiril/Kirill, Witkoff
  [/ie$/, 'i'], // Bettie/Betty
  [/v$/, 'f'], // Witkov/Witkof(f)
];

const CACHE_LIMIT = 50_000;

/** A bounded memo: names recur across a corpus, and folding them is the hot path of linking. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

/** A word's spelling skeleton: lower case, no diacritics, transliteration variants folded. */
export const foldWord = memo((word: string): string => {
  let w = stripDiacritics(word.toLowerCase()).replace(/[^a-z0-9]/g, '');
  for (const [pattern, replacement] of FOLD_RULES) w = w.replace(pattern, replacement);
  return w;
});

/** Removes combining marks after canonical decomposition ("Ørn" keeps its Ø; "é" becomes "e"). */
export function stripDiacritics(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A name's exact comparison form: no diacritics, lower case, straight apostrophes, no
 * possessive ending, dots of abbreviations dropped ("U.S." → "us"), no leading "the", single
 * spaces.
 *
 * @example nameKey('The U.S.') // 'us'
 */
export function nameKey(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s$|'$/, '')
    .replace(/\.(?=\S|$)/g, '')
    .replace(/[“”"«»„]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A person's name split for comparison: `given` names (without honorifics), `surname`, each folded too. */
export interface PersonParts {
  given: string[];
  surname: string;
  foldedGiven: string[];
  foldedSurname: string;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * The parts of a person's name: honorifics and generational suffixes dropped, the last word the
 * surname, the words before it given names. Undefined for a name with no letters.
 *
 * @example personParts('Mr. Steve Witkoff') // { given: ['steve'], surname: 'witkoff', ... }
 */
export const personParts = memo((name: string): PersonParts | undefined => {
  const words = nameKey(name)
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'.-]+$/gu, ''))
    .filter((w) => w && /\p{L}/u.test(w) && !HONORIFICS.has(w) && !HONORIFICS.has(`${w}.`));
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  if (!words.length) return undefined;
  const surname = words[words.length - 1];
  const given = words.slice(0, -1);
  return { given, surname, foldedGiven: given.map(foldWord), foldedSurname: foldWord(surname) };
});

/**
 * Given names that stand for one another: short forms ("Bob" for Robert, "Mo" for Maurice) and
 * transliterations that folding does not reach ("Yevgeny"/"Evgeny", "Volodymyr"/"Vladimir").
 * Lower case; a name may sit in several groups ("pat"). Data, not code.
 */
export const GIVEN_NAME_GROUPS: readonly (readonly string[])[] = [
  ['william', 'bill', 'billy', 'will', 'willie', 'liam'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['richard', 'rick', 'ricky', 'dick', 'rich'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon', 'jonny'],
  ['michael', 'mike', 'mick', 'mickey', 'mikey'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['anthony', 'tony'],
  ['christopher', 'chris', 'kit'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davy'],
  ['matthew', 'matt'],
  ['andrew', 'andy', 'drew'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['alexander', 'alex', 'alec', 'sasha', 'aleksandr', 'oleksandr'],
  ['nicholas', 'nick', 'nicky', 'nikolai', 'mykola'],
  ['timothy', 'tim', 'timmy'],
  ['patrick', 'pat', 'paddy'],
  ['peter', 'pete', 'pyotr', 'petro'],
  ['donald', 'don', 'donnie'],
  ['ronald', 'ron', 'ronnie'],
  ['kenneth', 'ken', 'kenny'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff', 'geoffrey', 'geoff'],
  ['lawrence', 'larry', 'laurence'],
  ['gerald', 'gerry', 'jerry'],
  ['raymond', 'ray'],
  ['douglas', 'doug'],
  ['frederick', 'fred', 'freddie'],
  ['henry', 'harry', 'hank'],
  ['maurice', 'mo'],
  ['vincent', 'vince'],
  ['leonard', 'leo', 'len', 'lenny'],
  ['albert', 'al', 'bert'],
  ['arthur', 'art'],
  ['eugene', 'gene', 'yevgeny', 'evgeny', 'zhenya'],
  ['theodore', 'theo', 'ted', 'teddy'],
  ['zachary', 'zach', 'zack'],
  ['elizabeth', 'liz', 'beth', 'betsy', 'lizzie', 'eliza', 'betty'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['katherine', 'catherine', 'kate', 'katie', 'cathy', 'kathy', 'yekaterina', 'ekaterina', 'katya'],
  ['jennifer', 'jen', 'jenny'],
  ['rebecca', 'becky'],
  ['susan', 'sue', 'susie'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['deborah', 'deb', 'debbie'],
  ['victoria', 'vicky', 'tori'],
  ['christine', 'christina', 'chris', 'tina'],
  ['alexandra', 'alex', 'sandra', 'sasha', 'oleksandra'],
  ['vladimir', 'volodymyr', 'volodya'],
  ['mikhail', 'mykhailo', 'misha'],
  ['yuri', 'yuriy', 'yury', 'iurii'],
  ['andrei', 'andriy', 'andrey'],
];

const givenGroups = new Map<string, number[]>();
GIVEN_NAME_GROUPS.forEach((group, g) => {
  for (const name of group) {
    const k = foldWord(name);
    givenGroups.set(k, [...(givenGroups.get(k) ?? []), g]);
  }
});

/** True when two given names stand for one another (GIVEN_NAME_GROUPS), compared folded. */
export function sameGivenName(a: string, b: string): boolean {
  const fa = foldWord(a);
  const fb = foldWord(b);
  if (fa === fb) return true;
  const ga = givenGroups.get(fa);
  const gb = givenGroups.get(fb);
  return !!ga && !!gb && ga.some((g) => gb.includes(g));
}

/** How far two folded words may differ and still be one spelling, by length. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Levenshtein distance, giving up (returning max + 1) once it must exceed `max`: names are
 * short and most pairs differ early, so the band keeps comparisons cheap.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Dice coefficient of two words' character bigrams, in [0, 1]. */
export function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** Words that do not count towards an acronym ("North Atlantic Treaty Organization" → NATO). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&']);

/**
 * The acronym of a name of three words or more (first letters of its words, small words
 * skipped), lower case; undefined for shorter names.
 *
 * @example acronymOf('North Atlantic Treaty Organization') // 'nato'
 */
export function acronymOf(name: string): string | undefined {
  const words = nameKey(name).split(' ').filter((w) => w && !ACRONYM_SKIP.has(w));
  if (words.length < 2) return undefined;
  return words.map((w) => w[0]).join('');
}

/** True when a name is written as an acronym: two to six capitals, maybe with dots ("NATO", "U.N."). */
export function isAcronym(name: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(name.trim());
}
