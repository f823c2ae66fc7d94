/** Whether a word starts with a capital letter. */
export function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * How an article writes its words inside its ordinary sentences, not as a sentence's first
 * word (after any opening mark: "¿Cómo", "“El"): lower-cased words seen in lower case, and
 * those seen capitalised. Headline words are read by it, and so are names in languages the
 * tagger was not trained on.
 */
export interface CaseEvidence {
  lower: Set<string>;
  capital: Set<string>;
}

/**
 * The case evidence of sentences given as their words; `ordinary[s]` false leaves sentence
 * `s` out (headlines, text in capitals).
 */
export function caseEvidence(sentences: readonly (readonly string[])[], ordinary: readonly boolean[]): CaseEvidence {
  const evidence: CaseEvidence = { lower: new Set(), capital: new Set() };
  sentences.forEach((words, s) => {
    if (!ordinary[s]) return;
    let seenWord = false;
    for (const w of words) {
      if (!/^\p{L}/u.test(w)) continue;
      // the sentence's first word is capitalised whatever it is
      if (seenWord) (capitalised(w) ? evidence.capital : evidence.lower).add(w.toLowerCase());
      seenWord = true;
    }
  });
  return evidence;
}
