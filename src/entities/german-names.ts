import { readFileSync } from 'node:fs';
import type { Doc } from '../doc/doc.ts';
import type { CaseEvidence } from './casing.ts';
import type { Candidate } from './mentions.ts';
import { loadNerModel } from './ner/index.ts';
import { COUNTRIES_DE_PATH } from './ner/paths.ts';

/** German words that open a noun phrase: articles, contractions, possessives, quantifiers, numerals. */
const DETERMINERS = new Set(
  ('der die das den dem des ein eine einen einem einer eines im am zum zur vom beim ins ans aufs ' +
    'kein keine keinen keinem keiner keines mein meine meinen meinem meiner dein deine sein seine seinen seinem seiner ' +
    'ihr ihre ihren ihrem ihrer unser unsere unseren unserem unserer euer eure dieser diese dieses diesen diesem ' +
    'jener jene jenes jeder jede jedes jeden jedem alle allen aller viel viele vielen mehr wenig wenige wenigen einige einigen ' +
    'manche manchen welche welcher welches welchen solche solchen solcher beide beiden etwas nichts zwei drei vier fünf sechs sieben acht neun zehn elf zwölf hundert tausend')
    .split(' '),
);

/** Other German function words that a name never contains: pronouns, conjunctions, prepositions, adverbs. */
const FUNCTION_WORDS = new Set(
  ('ich du er sie es wir ihr man sich mir mich dir dich ihm ihn ihnen uns euch und oder aber denn doch wenn weil dass ' +
    'ob als wie so auch nur noch schon nicht nie ja nein mit zu auf für bei nach aus über unter vor hinter neben ' +
    'zwischen durch gegen ohne um bis seit während wegen trotz in an ab was wer wo warum wann heute morgen gestern ' +
    'hier dort da dann nun jetzt immer sehr bitte danke hallo gibt ist sind war waren hat haben wird werden kann können')
    .split(' '),
);

/** Months and weekdays: "Ende Februar" and "Samstag" are dates, not names. */
const CALENDAR_WORDS = new Set(
  ('januar jänner februar märz april mai juni juli august september oktober november dezember ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag').split(' '),
);

/** Lower-case words that may stand inside a name ("Jan de Berg"); "der" and "den" only after "von" or "van" ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'el']);
const ARTICLE_PARTICLES = new Set(['der', 'den']);

/** An adjective with a German ending, after an article: "dem neuen Roman", "die zahlreichen Anschläge". */
const INFLECTED_ADJECTIVE = /^\p{Ll}+(?:e|en|er|es|em)$/u;

/** Endings of German common nouns made from other words: "Trauung", "Idealismus", "Revolution", "Ergebnis". */
const NOUN_SUFFIX = /(?:ung|heit|keit|schaft|ismus|tion|sion|tät|nis|tum|ment|ling)(?:en|se|s)?$/u;

/** An acronym or a word with inner capitals: "EU", "FPÖ", "VW", "G7", "iPhone", "McKinsey". */
const WRITTEN_AS_NAME = /^(?:\p{Lu}[\p{Lu}\d&]{1,9}|\p{L}+\p{Ll}\p{Lu}\p{L}*)$/u;

let countriesDe: Set<string> | undefined;

function germanCountryNames(): Set<string> {
  countriesDe ??= new Set(
    readFileSync(COUNTRIES_DE_PATH, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.toLowerCase()),
  );
  return countriesDe;
}

/** What the NER model's gazetteer lists a lower-cased phrase as: `country`, `city`, `person`... */
function listsOf(phrase: string): string[] {
  const gazetteer = loadNerModel().gazetteer;
  const bits = gazetteer?.phrases.get(phrase) ?? 0;
  return bits ? gazetteer!.names.filter((_, bit) => (bits & (1 << bit)) !== 0) : [];
}

/**
 * Keeps, of the tagger's names in a German article, those that something besides a capital
 * letter marks as names, since every German noun has one (the model learnt English, where a
 * capital inside a sentence marks a name, and reads "Zeit", "Menschen" and "Haben Sie" as
 * names). `evidence` is how the article writes its words (`casing.ts`). A name is kept when it is:
 * - an acronym or written with inner capitals ("EU", "FPÖ", "iPhone");
 * - a phrase the gazetteer knows ("Sri Lanka", "Amnesty International");
 * - two or more capitalised words side by side (name particles allowed) inside a sentence,
 *   which German writes only for names ("mit Ilse Brandoch", "in Bad Orren"); at a sentence's
 *   start, when they do not read as an adjective and a noun ("Kleine Details");
 * - a word set beside a noun after an article ("die Grenzstadt Brena");
 * - a country ("die Schweiz", "Russland"), or a place the gazetteer knows, unless an article
 *   stands before it or the article writes it in lower case too ("am Ende", "Singen");
 * - one word of a name kept in the same article ("Brandoch" after "Ilse Brandoch").
 * No name holds a function word, a month or weekday, or a word the article writes right after
 * an article ("die Zeit"); words with a common noun's ending ("-ung", "-ismus") stand alone
 * as names only inside a longer one. Words before a known given name are cut off
 * ("Kommissionspräsidentin Ursula von der Leyen" → "Ursula von der Leyen"). Precision over
 * recall: "Zeit", "Menschen" and "Haben Sie" stay out of the entity lists, and so do names
 * that only their capital marks.
 */
export function keepGermanNames(doc: Doc, cands: Candidate[], evidence: CaseEvidence): Candidate[] {
  const word = (k: number) => doc.text.slice(doc.tokens[k].start, doc.tokens[k].end);
  const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
  const opensSentence = (k: number) => sentenceStarts.has(doc.tokens[k].start);
  const lower = (k: number) => word(k).toLowerCase();
  // "die Regierung", "dem neuen Roman": a word after an article, or after one and an inflected adjective
  const afterDeterminer = (k: number) =>
    k > 0 &&
    !opensSentence(k) &&
    (DETERMINERS.has(lower(k - 1)) || (k > 1 && !opensSentence(k - 1) && INFLECTED_ADJECTIVE.test(word(k - 1)) && DETERMINERS.has(lower(k - 2))));
  // the words this article writes as common nouns somewhere, right after an article ("der
  // kleine Mozart" does not make "Mozart" one)
  const nouns = new Set<string>();
  for (let k = 1; k < doc.tokens.length; k++) if (/^\p{Lu}\p{Ll}/u.test(word(k)) && !opensSentence(k) && DETERMINERS.has(lower(k - 1))) nouns.add(word(k));
  const isGivenName = (k: number) => listsOf(word(k).toLowerCase()).includes('person');
  const isPlace = (phrase: string) =>
    germanCountryNames().has(phrase) || listsOf(phrase).some((l) => l === 'country' || l === 'capital' || l === 'city');
  // German names only: the gazetteer's spellings include words such as "Mann" (the Isle of Man)
  const isCountry = (phrase: string) => germanCountryNames().has(phrase);
  const isFunctionWord = (k: number) => FUNCTION_WORDS.has(lower(k)) || DETERMINERS.has(lower(k)) || CALENDAR_WORDS.has(lower(k));
  const isKnown = (phrase: string) => isPlace(phrase) || listsOf(phrase).length > 0;
  const phraseOf = (c: Candidate) => {
    const words: string[] = [];
    for (let k = c.first; k < c.last; k++) words.push(word(k).toLowerCase());
    return words.join(' ');
  };

  // a word this article writes after an article is a common noun ("die Polizei", "das Ende"),
  // unless it is a country ("die Schweiz", "der Ukraine") or written as a name ("des ADAC")
  const isNoun = (k: number) => nouns.has(word(k)) && !isCountry(lower(k)) && !WRITTEN_AS_NAME.test(word(k));

  const multi: Candidate[] = [];
  const single: Candidate[] = [];
  const appositions: Candidate[] = [];
  for (const cand of cands) {
    const c = { ...cand };
    if (c.last - c.first > 1 && isKnown(phraseOf(c))) {
      multi.push(c);
      continue;
    }
    // "Kommissionspräsidentin Ursula von der Leyen": the name starts at the given name
    for (let k = c.first + 1; k < c.last - 1; k++) {
      if (!isGivenName(c.first) && isGivenName(k)) {
        c.first = k;
        break;
      }
    }
    // "Aber die Stimmung", "Im Gegensatz", "des Typs Varna Aero", "Auto-Experte Teodor
    // Vasch": function words and nouns open no name; a capitalised adjective does ("die
    // Deutsche Bahn"), as do acronyms ("des ADAC Nordrhein")
    const opensNoName = (k: number) =>
      isFunctionWord(k) ||
      isNoun(k) ||
      (afterDeterminer(k) && !INFLECTED_ADJECTIVE.test(lower(k)) && !WRITTEN_AS_NAME.test(word(k)));
    let afterNoun = false;
    while (c.last - c.first > 1 && opensNoName(c.first)) {
      afterNoun = !isFunctionWord(c.first);
      c.first++;
    }
    if (c.last - c.first > 1) multi.push(c);
    // "die Grenzstadt Brena", "das Pumpwerk Gorran": a capitalised word after an article's
    // noun is a name set beside it
    else if (afterNoun) appositions.push(c);
    else single.push(c);
  }

  const kept: Candidate[] = [];
  const nameWords = new Map<string, Candidate['type']>();
  for (const c of multi) {
    let nameLike = true;
    for (let k = c.first; k < c.last && nameLike; k++) {
      const w = word(k);
      if (k > c.first && (NAME_PARTICLES.has(w) || (ARTICLE_PARTICLES.has(w) && NAME_PARTICLES.has(word(k - 1))))) continue;
      nameLike = (/^\p{Lu}/u.test(w) || /^\p{P}$/u.test(w)) && !isFunctionWord(k) && !isNoun(k);
    }
    // two capitalised words side by side inside a sentence: only names do that in German; at
    // a sentence's start, not an adjective and a noun ("Kleine Details", "Rationen Getreide")
    const phrase = phraseOf(c);
    const known = isKnown(phrase);
    const marked = !opensSentence(c.first) || isGivenName(c.first) || (!INFLECTED_ADJECTIVE.test(lower(c.first)) && !isNoun(c.first + 1));
    let capitalised = true;
    for (let k = c.first; k < c.last; k++) capitalised &&= /^\p{Lu}/u.test(word(k));
    if ((known && capitalised) || (nameLike && marked)) {
      kept.push(c);
      for (let k = c.first; k < c.last; k++) if (/^\p{Lu}\p{Ll}/u.test(word(k))) nameWords.set(word(k), c.type);
    } else {
      // "Westmärkischen Frauenbundes WFB": the acronym alone
      for (let k = c.first; k < c.last; k++) if (WRITTEN_AS_NAME.test(word(k))) single.push({ ...c, first: k, last: k + 1 });
    }
  }
  for (const c of appositions) {
    const k = c.first;
    const nameLike = /^\p{Lu}\p{Ll}/u.test(word(k)) && !isFunctionWord(k) && !isNoun(k) && !evidence.lower.has(lower(k)) && !NOUN_SUFFIX.test(word(k));
    if (WRITTEN_AS_NAME.test(word(k)) || nameLike) {
      kept.push(c);
      nameWords.set(word(k), c.type);
    }
  }
  for (const c of single) {
    const w = word(c.first);
    const phrase = lower(c.first);
    if (WRITTEN_AS_NAME.test(w)) kept.push(c);
    else if (isCountry(phrase)) kept.push(c);
    else if (isNoun(c.first) || isFunctionWord(c.first) || afterDeterminer(c.first)) continue;
    // a town named like a word the article writes in lower case ("Singen", "singen") is the word
    else if (isPlace(phrase) && !evidence.lower.has(phrase)) kept.push(c);
    else if (nameWords.has(w) && !NOUN_SUFFIX.test(w)) kept.push({ ...c, type: nameWords.get(w)! });
  }
  return kept.sort((a, b) => a.first - b.first);
}
