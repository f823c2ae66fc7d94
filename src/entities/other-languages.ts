import type { Doc } from '../doc/doc.ts';
import type { CaseEvidence } from './casing.ts';
import { keepGermanNames } from './german-names.ts';
import type { Candidate } from './mentions.ts';

/** A word in lower case, apostrophes and all ("de", "l’évolution"); not "iPhone". */
const LOWER_CASE_WORD = /^\p{Ll}[\p{Ll}’'.-]*$/u;

/** Marks that may open a sentence before its first word: "¿Cómo…", "«Depuis…", "“El…" (casing.ts skips them too). */
const OPENING_MARKS = /^[¿¡«»"“”„‘’'‹›]$/u;

/**
 * Keeps the tagger's names that the article's language lets it trust. The NER model learnt
 * English: in English text (and text of unknown language) its names stand; German has its own
 * rules (`keepGermanNames`). In other languages:
 * - a name does not start with a lower-case word: "de Córdoba" is "Córdoba", "da Polícia
 *   Militar" is "Polícia Militar", and a name with no capitalised word left is dropped;
 * - a one-word name that opens a sentence (after an opening "¿", "¡" or quotation mark too)
 *   stands only where the article's case evidence (`casing.ts`) has the word capitalised
 *   inside a sentence and never in lower case. To the English model every capitalised word it does not know is a
 *   name, and in another language most words opening a sentence are unknown to it
 *   ("Tenemos", "Cela", "Segundo").
 *
 * @example keepNamesForLanguage(doc, cands, () => evidence) // in a Spanish article, drops "Estamos" and keeps "Boric"
 */
export function keepNamesForLanguage(doc: Doc, cands: Candidate[], bodyCase: () => CaseEvidence): Candidate[] {
  const language = doc.meta.language ?? 'und';
  if (language === 'en' || language === 'und') return cands;
  if (language === 'de') return keepGermanNames(doc, cands, bodyCase());
  const word = (k: number) => doc.text.slice(doc.tokens[k].start, doc.tokens[k].end);
  const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
  const opensSentence = (k: number) =>
    sentenceStarts.has(doc.tokens[k].start) || (k > 0 && OPENING_MARKS.test(word(k - 1)) && sentenceStarts.has(doc.tokens[k - 1].start));
  const evidence = bodyCase();
  const kept: Candidate[] = [];
  for (const cand of cands) {
    const c = { ...cand };
    while (c.first < c.last && LOWER_CASE_WORD.test(word(c.first))) c.first++;
    if (c.first === c.last) continue;
    if (c.last - c.first === 1 && opensSentence(c.first)) {
      const key = word(c.first).toLowerCase();
      if (!evidence.capital.has(key) || evidence.lower.has(key)) continue;
    }
    kept.push(c);
  }
  return kept;
}
