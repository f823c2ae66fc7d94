import type { Fingerprint } from './text-features.ts';

/** Sentences with fewer content words than this take no part in alignment (datelines, "Mend", bylines). */
export const MIN_SENTENCE_WORDS = 3;
/** Two sentences align when the Dice coefficient of their content words reaches this (paraphrase keeps most words). */
export const ALIGN_DICE = 0.5;

/** How much of two articles the other holds, sentence by sentence. */
export interface Alignment {
  /** Share of A's text (in characters of its counted sentences) whose sentences have a match in B. */
  shareA: number;
  shareB: number;
  /** Sentences of A with a match in B, and of B with a match in A. */
  alignedA: number;
  alignedB: number;
  /** Sentences each side counts (those with MIN_SENTENCE_WORDS content words or more). */
  countedA: number;
  countedB: number;
  /** Mean Dice of A's aligned sentences with their best match: 1 for verbatim copies, lower for rewrites. */
  meanDice: number;
}

/**
 * Aligns the sentences of two fingerprinted articles: each sentence of one side is matched to
 * the sentence of the other that shares the most of its content words (Dice), and counts as
 * held when that reaches ALIGN_DICE. Matching is many-to-one (a sentence repeated in one
 * article matches the same sentence of the other) and order-free (reordered paragraphs still
 * align). Linear in the number of words, through an inverted index of one side.
 *
 * @example alignSentences(fingerprint(a, docA.sentences), fingerprint(b, docB.sentences)).shareA
 */
export function alignSentences(a: Fingerprint, b: Fingerprint): Alignment {
  const fromA = bestMatches(a, b);
  const fromB = bestMatches(b, a);
  return {
    shareA: fromA.share,
    shareB: fromB.share,
    alignedA: fromA.aligned,
    alignedB: fromB.aligned,
    countedA: fromA.counted,
    countedB: fromB.counted,
    meanDice: fromA.aligned ? fromA.diceSum / fromA.aligned : 0,
  };
}

function bestMatches(from: Fingerprint, to: Fingerprint): { share: number; aligned: number; counted: number; diceSum: number } {
  const postings = new Map<number, number[]>();
  to.sentences.forEach((s, j) => {
    if (s.length < MIN_SENTENCE_WORDS) return;
    for (const h of s) {
      const list = postings.get(h);
      if (list) list.push(j);
      else postings.set(h, [j]);
    }
  });
  let counted = 0;
  let countedChars = 0;
  let aligned = 0;
  let alignedChars = 0;
  let diceSum = 0;
  const shared = new Map<number, number>();
  from.sentences.forEach((s, i) => {
    if (s.length < MIN_SENTENCE_WORDS) return;
    counted++;
    countedChars += from.chars[i];
    shared.clear();
    for (const h of s) for (const j of postings.get(h) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    let best = 0;
    for (const [j, n] of shared) {
      const dice = (2 * n) / (s.length + to.sentences[j].length);
      if (dice > best) best = dice;
    }
    if (best >= ALIGN_DICE) {
      aligned++;
      alignedChars += from.chars[i];
      diceSum += best;
    }
  });
  return { share: countedChars ? alignedChars / countedChars : 0, aligned, counted, diceSum };
}
