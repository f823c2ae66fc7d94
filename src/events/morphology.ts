/**
 * Lemmas of English verbs and nouns for lexicon look-ups (wink-nlp's tokens carry no lemma):
 * WordNet's "morphy" detachment rules, a table of irregular verbs, and undoubling of a final
 * consonant ("stopped" → "stop"). Data and rules of English, not of any text.
 */

import { IRREGULAR_VERBS } from '../text/irregular-verbs.ts';

/** Irregular noun plurals (lower case) → the noun. */
const IRREGULAR_NOUNS: Readonly<Record<string, string>> = {
  men: 'man', women: 'woman', people: 'people', children: 'child', crises: 'crisis', analyses: 'analysis', theses: 'thesis', bases: 'base', media: 'media',
};

const VERB_RULES: readonly (readonly [string, string])[] = [['ies', 'y'], ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
const NOUN_RULES: readonly (readonly [string, string])[] = [['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['s', '']];

/**
 * The forms a word may be the inflection of, the word itself first: for a verb "shelled" →
 * ["shelled", "shelle", "shell"]; with a doubled consonant also the undoubled stem ("stopped"
 * → "stop"). The caller keeps the first one its lexicon knows.
 */
export function lemmaCandidates(word: string, pos: 'verb' | 'noun'): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const irregular = pos === 'verb' ? IRREGULAR_VERBS.get(w) : IRREGULAR_NOUNS[w];
  if (irregular) out.push(irregular);
  for (const [suffix, ending] of pos === 'verb' ? VERB_RULES : NOUN_RULES) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length) + ending;
      out.push(stem);
      // "stopped", "planning": a doubled final consonant before -ed/-ing
      if (ending === '' && (suffix === 'ed' || suffix === 'ing') && stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && !/[aeiou]/.test(stem[stem.length - 1])) {
        out.push(stem.slice(0, -1));
      }
    }
  }
  return out;
}
