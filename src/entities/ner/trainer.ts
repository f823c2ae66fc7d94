import type { ConllDocument } from './conll.ts';
import type { FeatureExtractor } from './features.ts';
import type { PreparedSentence } from '../../learn/train-pass.ts';
import { labelsToSpans, spansToBilou } from '../../learn/spans.ts';

/**
 * Features and gold BILOU label indices for every sentence of some documents. `evidence`,
 * when given, supplies the second pass's extra features per document, sentence and token.
 */
export function prepareDocuments(
  documents: readonly ConllDocument[],
  extractor: FeatureExtractor,
  labels: readonly string[],
  evidence?: (documentIndex: number) => number[][][],
): PreparedSentence[] {
  const index = new Map(labels.map((l, i) => [l, i]));
  const out: PreparedSentence[] = [];
  documents.forEach((doc, d) => {
    const words = doc.sentences.map((s) => s.words);
    const context = extractor.documentContext(words);
    const extra = evidence ? evidence(d) : null;
    doc.sentences.forEach((sentence, s) => {
      const bilou = spansToBilou(labelsToSpans(sentence.labels), sentence.words.length);
      const gold = Int32Array.from(bilou, (l) => {
        const y = index.get(l);
        if (y === undefined) throw new TypeError(`label ${l} is not in the tag set`);
        return y;
      });
      out.push({ features: extractor.sentence(sentence.words, context, extra ? extra[s] : undefined), gold, goldLabels: sentence.labels });
    });
  });
  return out;
}
