/**
 * Measures for event coding against gold records: type accuracy with micro and macro F1,
 * actor F1 with text matched on head words, and code agreement. Pure functions; the
 * evaluation script (./evaluate.ts) feeds them.
 */

/** Precision, recall and F1 from counts. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of counts (0 where undefined). */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** One label per item: the gold one and the predicted one (null for none predicted). */
export interface LabelPair {
  gold: string;
  predicted: string | null;
}

/** Type scores: accuracy over items, micro F1 (a missing prediction is a false negative only), macro F1 over the gold labels, per label. */
export interface TypeScores {
  n: number;
  accuracy: number;
  micro: Prf;
  macroF1: number;
  perLabel: Map<string, Prf>;
}

/** Scores single-label predictions. */
export function scoreTypes(pairs: readonly LabelPair[]): TypeScores {
  const labels = [...new Set(pairs.map((p) => p.gold))].sort();
  const counts = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { gold, predicted } of pairs) {
    if (predicted === gold) {
      tp++;
      counts.get(gold)!.tp++;
      continue;
    }
    fn++;
    counts.get(gold)!.fn++;
    if (predicted !== null) {
      fp++;
      const c = counts.get(predicted);
      if (c) c.fp++;
    }
  }
  const perLabel = new Map(labels.map((l) => {
    const c = counts.get(l)!;
    return [l, prf(c.tp, c.fp, c.fn)] as const;
  }));
  const macroF1 = labels.length ? [...perLabel.values()].reduce((s, p) => s + p.f1, 0) / labels.length : 0;
  return { n: pairs.length, accuracy: pairs.length ? tp / pairs.length : 0, micro: prf(tp, fp, fn), macroF1, perLabel };
}

/** Lower-case words of an actor's text, without possessive endings and punctuation. */
export function actorWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,;:()“”"]+/)
    .map((w) => w.replace(/[’']s$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** The head word of an English noun phrase: the last word before "of" ("Secretary of State" → "secretary"), else the last word. */
export function headWord(text: string): string {
  const words = actorWords(text);
  const of = words.indexOf('of');
  return (of > 0 ? words[of - 1] : words[words.length - 1]) ?? '';
}

/** Whether two actor texts name the same actor, relaxed to the head word: either's head is among the other's words. */
export function sameActor(a: string, b: string): boolean {
  const wa = actorWords(a);
  const wb = actorWords(b);
  return wb.includes(headWord(a)) || wa.includes(headWord(b));
}

/**
 * Matches predicted actors to gold ones (greedy, in order, each used once), relaxed to the head
 * word. Returns the matched pairs as [gold index, predicted index].
 */
export function matchActors(gold: readonly string[], predicted: readonly string[]): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  gold.forEach((g, gi) => {
    const pi = predicted.findIndex((p, k) => !used.has(k) && sameActor(g, p));
    if (pi >= 0) {
      used.add(pi);
      pairs.push([gi, pi]);
    }
  });
  return pairs;
}
