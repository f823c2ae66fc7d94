import { labelsToSpans } from './spans.ts';

/** Counts for one entity type (or all types): phrases in the gold data, found by the tagger, and both. */
export interface ChunkCounts {
  gold: number;
  found: number;
  correct: number;
}

/** Precision, recall and F1 in percent, as conlleval prints them. */
export interface ChunkScore extends ChunkCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** A conlleval-style evaluation: token accuracy, overall phrase scores and scores per type. */
export interface ConllEvaluation {
  tokens: number;
  correctTokens: number;
  accuracy: number;
  overall: ChunkScore;
  byType: Record<string, ChunkScore>;
}

/**
 * Scores predicted labels against gold labels the way conlleval.pl does: a phrase counts
 * as correct only when its start, end and type all match. Labels may be IOB1, IOB2 or
 * BILOU (see labelsToSpans); token accuracy compares the label strings as given.
 *
 * @example evaluateChunks([['B-PER', 'I-PER']], [['B-PER', 'O']]).overall.f1 // 0
 */
export function evaluateChunks(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ConllEvaluation {
  if (gold.length !== predicted.length) throw new TypeError(`evaluateChunks: ${gold.length} gold sentences but ${predicted.length} predicted`);
  const counts = new Map<string, ChunkCounts>();
  const countsOf = (type: string): ChunkCounts => {
    let c = counts.get(type);
    if (!c) {
      c = { gold: 0, found: 0, correct: 0 };
      counts.set(type, c);
    }
    return c;
  };
  let tokens = 0;
  let correctTokens = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s];
    const p = predicted[s];
    if (g.length !== p.length) throw new TypeError(`evaluateChunks: sentence ${s} has ${g.length} gold labels but ${p.length} predicted`);
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) correctTokens++;
    const goldSpans = labelsToSpans(g);
    const predictedSpans = labelsToSpans(p);
    const goldKeys = new Set(goldSpans.map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of goldSpans) countsOf(x.type).gold++;
    for (const x of predictedSpans) {
      const c = countsOf(x.type);
      c.found++;
      if (goldKeys.has(`${x.start}:${x.end}:${x.type}`)) c.correct++;
    }
  }
  const byType: Record<string, ChunkScore> = {};
  const total: ChunkCounts = { gold: 0, found: 0, correct: 0 };
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    byType[type] = score(c);
    total.gold += c.gold;
    total.found += c.found;
    total.correct += c.correct;
  }
  return { tokens, correctTokens, accuracy: tokens ? (100 * correctTokens) / tokens : 0, overall: score(total), byType };
}

/** Precision, recall and F1 (percent) from phrase counts; 0 where undefined, as conlleval does. */
export function score(c: ChunkCounts): ChunkScore {
  const precision = c.found ? (100 * c.correct) / c.found : 0;
  const recall = c.gold ? (100 * c.correct) / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Formats an evaluation in conlleval.pl's own layout, one line per type. */
export function formatEvaluation(e: ConllEvaluation): string {
  const pct = (x: number): string => x.toFixed(2).padStart(6) + '%';
  const lines = [
    `processed ${e.tokens} tokens with ${e.overall.gold} phrases; found: ${e.overall.found} phrases; correct: ${e.overall.correct}.`,
    `accuracy: ${pct(e.accuracy)}; precision: ${pct(e.overall.precision)}; recall: ${pct(e.overall.recall)}; FB1: ${e.overall.f1.toFixed(2).padStart(6)}`,
  ];
  for (const [type, s] of Object.entries(e.byType)) {
    lines.push(`${type.padStart(17)}: precision: ${pct(s.precision)}; recall: ${pct(s.recall)}; FB1: ${s.f1.toFixed(2).padStart(6)}  ${s.found}`);
  }
  return lines.join('\n');
}
