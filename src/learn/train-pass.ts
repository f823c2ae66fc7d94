import { evaluateChunks } from './conlleval.ts';
import type { TransitionRules } from './labels.ts';
import { decodeSentence, PerceptronTrainer, type PassWeights, type SentenceFeatures } from './perceptron.ts';

/** A sentence ready for training or scoring: its features, gold label indices and gold labels. */
export interface PreparedSentence {
  features: SentenceFeatures;
  gold: Int32Array;
  goldLabels: string[];
}

/** How to train one pass. */
export interface PassOptions {
  bits: number;
  maxEpochs: number;
  /** Stop after this many epochs without a better dev F1. */
  patience: number;
  seed: number;
  /** Cost added to every wrong label while training (0: plain perceptron). */
  margin?: number;
  /** Train exactly this many epochs, without a dev set (for cross-validation folds). */
  fixedEpochs?: number;
  log?: (line: string) => void;
}

/** What training one pass gives. */
export interface PassResult {
  weights: PassWeights;
  epochs: number;
  devF1: number | null;
  history: { epoch: number; trainErrors: number; devF1: number | null }[];
}

/** A small seeded random generator (mulberry32), for a shuffle that every run repeats. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Phrase F1 (conlleval) of compact weights on prepared sentences. */
export function scorePass(weights: PassWeights, rules: TransitionRules, labels: readonly string[], sentences: readonly PreparedSentence[]): number {
  const predicted = sentences.map((s) => Array.from(decodeSentence(weights, rules, s.features), (y) => labels[y]));
  return evaluateChunks(
    sentences.map((s) => s.goldLabels),
    predicted,
  ).overall.f1;
}

/**
 * Trains one pass of the averaged perceptron: shuffled epochs (seeded), keeping the
 * averaged weights of the epoch with the best dev F1 and stopping after `patience` epochs
 * without improvement; or exactly `fixedEpochs` epochs when no dev set is given.
 */
export function trainPass(
  train: readonly PreparedSentence[],
  dev: readonly PreparedSentence[] | null,
  labels: readonly string[],
  rules: TransitionRules,
  options: PassOptions,
): PassResult {
  const trainer = new PerceptronTrainer(options.bits, labels.length, rules);
  const random = seededRandom(options.seed);
  const order = train.map((_, i) => i);
  const history: PassResult['history'] = [];
  const maxEpochs = options.fixedEpochs ?? options.maxEpochs;
  let best: PassResult | null = null;
  let sinceBest = 0;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let trainErrors = 0;
    for (const k of order) trainErrors += trainer.train(train[k].features, train[k].gold, options.margin ?? 0);
    if (dev && options.fixedEpochs === undefined) {
      const weights = trainer.compact();
      const devF1 = scorePass(weights, rules, labels, dev);
      history.push({ epoch, trainErrors, devF1 });
      options.log?.(`  epoch ${epoch}: ${trainErrors} training errors, dev F1 ${devF1.toFixed(2)}`);
      if (!best || devF1 > (best.devF1 ?? -1)) {
        best = { weights, epochs: epoch, devF1, history };
        sinceBest = 0;
      } else if (++sinceBest >= options.patience) break;
    } else {
      history.push({ epoch, trainErrors, devF1: null });
      options.log?.(`  epoch ${epoch}: ${trainErrors} training errors`);
    }
  }
  if (best) return { ...best, history };
  return { weights: trainer.compact(), epochs: maxEpochs, devF1: null, history };
}
