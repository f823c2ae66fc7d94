import { evaluateChunks } from './conlleval.ts';
import type { TransitionRules } from './labels.ts';
import { averageWeights, decodeSentence, PerceptronTrainer, type PassWeights, type SentenceFeatures } from './perceptron.ts';

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

/**
 * An ensemble: the same pass trained `count` times with different shuffles (seeds
 * `seed + 1000·k`), weights averaged into one linear model. One run is returned as it is.
 */
export function trainEnsemble(
  train: readonly PreparedSentence[],
  dev: readonly PreparedSentence[] | null,
  labels: readonly string[],
  rules: TransitionRules,
  options: PassOptions,
  count: number,
): PassResult {
  const runs = Array.from({ length: count }, (_, k) => trainPass(train, dev, labels, rules, { ...options, seed: options.seed + 1000 * k }));
  if (runs.length === 1) return runs[0];
  const weights = averageWeights(runs.map((r) => r.weights));
  const devF1 = dev ? scorePass(weights, rules, labels, dev) : null;
  if (devF1 !== null) options.log?.(`  ensemble of ${runs.length}: dev F1 ${devF1.toFixed(2)} (single runs ${runs.map((r) => r.devF1?.toFixed(2)).join(', ')})`);
  return { weights, epochs: Math.round(runs.reduce((n, r) => n + r.epochs, 0) / runs.length), devF1, history: runs.flatMap((r) => r.history) };
}

/**
 * Labels for every training item from a model that did not see it (k-fold), for a second
 * pass to learn from labels as noisy as at run time: item `i` is in fold `foldOf(item, i)`;
 * `trainOn(rest, fold)` trains on the other folds and `label(model, item)` tags one item.
 */
export function crossFoldLabels<T, M, L>(
  items: readonly T[],
  folds: number,
  foldOf: (item: T, index: number) => number,
  trainOn: (rest: T[], fold: number) => M,
  label: (model: M, item: T) => L,
): L[] {
  const out = new Array<L>(items.length);
  for (let f = 0; f < folds; f++) {
    const model = trainOn(items.filter((x, i) => foldOf(x, i) !== f), f);
    items.forEach((x, i) => {
      if (foldOf(x, i) === f) out[i] = label(model, x);
    });
  }
  return out;
}
