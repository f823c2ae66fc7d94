import { AttachmentScore } from './attachment.ts';
import type { Parser } from './parser.ts';
import type { TaggedSentence } from './treebank.ts';

/**
 * Parses treebank sentences on their gold words (with the product's tags) and scores the
 * heads and relations against the gold tree (AttachmentScore: every word counts).
 */
export function scoreOnGoldWords(parser: Parser, sentences: readonly TaggedSentence[]): AttachmentScore {
  const score = new AttachmentScore();
  const labels = parser.model.labels;
  let heads = new Int32Array(256);
  let relations = new Int32Array(256);
  for (const s of sentences) {
    const n = s.input.n;
    if (n > heads.length) {
      heads = new Int32Array(n * 2);
      relations = new Int32Array(n * 2);
    }
    parser.parse(s.input, heads, relations);
    for (let i = 0; i < n; i++) {
      const gold = s.ud.words[i];
      score.add(heads[i] === gold.head, heads[i] < 0 ? 'root' : labels[relations[i]], gold.deprel);
    }
  }
  return score;
}
