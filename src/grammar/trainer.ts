import { actionCosts, Configuration, goldTree, SHIFT, type GoldTree } from './arc-hybrid.ts';
import { extractFeatures, FEATURE_COUNT } from './features.ts';
import type { SentenceInput } from './sentence.ts';
import { PerceptronWeights } from './weights.ts';

/** A sentence to learn from: parser input and the gold tree. */
export interface TrainingSentence {
  input: SentenceInput;
  heads: Int32Array;
  labels: Int32Array;
}

/**
 * Trains a greedy arc-hybrid parser with the dynamic oracle and error exploration (Goldberg and
 * Nivre 2012, 2013). At each configuration the model's best valid action is compared with the
 * best-scoring action of least cost; when the model's costs more, the perceptron moves towards
 * the latter. With `explore` on, the parse then follows the model's own action (with probability
 * `followModel`) even when it was wrong, so the model learns to recover from its mistakes.
 */
export class ParserTrainer {
  readonly L: number;
  readonly weights: PerceptronWeights;
  private readonly config = new Configuration();
  private readonly features = new Int32Array(FEATURE_COUNT);
  private readonly scores: Float32Array;
  private readonly costs: Float64Array;
  private readonly golds = new WeakMap<TrainingSentence, GoldTree>();

  constructor(relations: number) {
    this.L = relations;
    this.weights = new PerceptronWeights(2 * relations + 1);
    this.scores = new Float32Array(2 * relations + 1);
    this.costs = new Float64Array(2 * relations + 1);
  }

  /** One pass over a sentence. Returns the number of configurations where the model's action was not among the best. */
  train(sentence: TrainingSentence, explore: boolean, followModel: number, random: () => number): number {
    const n = sentence.input.n;
    if (n === 0) return 0;
    let gold = this.golds.get(sentence);
    if (!gold) {
      gold = goldTree(sentence.heads, sentence.labels);
      this.golds.set(sentence, gold);
    }
    const c = this.config;
    const L = this.L;
    const { scores, costs, features, weights } = this;
    const classes = 2 * L + 1;
    let errors = 0;
    c.reset(n);
    while (!c.terminal()) {
      if (!c.canLeft() && !c.canRight()) {
        c.apply(SHIFT, L);
        continue;
      }
      extractFeatures(c, sentence.input, features);
      scores.fill(0);
      weights.score(features, FEATURE_COUNT, scores);
      actionCosts(c, gold, L, costs);
      let minCost = Infinity;
      for (let a = 0; a < classes; a++) if (costs[a] < minCost) minCost = costs[a];
      let predicted = -1;
      let best = -1;
      for (let a = 0; a < classes; a++) {
        if (costs[a] === Infinity) continue;
        if (predicted < 0 || scores[a] > scores[predicted]) predicted = a;
        if (costs[a] === minCost && (best < 0 || scores[a] > scores[best])) best = a;
      }
      weights.step++;
      let next = predicted;
      if (costs[predicted] > minCost) {
        errors++;
        weights.update(features, FEATURE_COUNT, best, predicted);
        if (!explore || random() >= followModel) next = best;
      }
      c.apply(next, L);
    }
    return errors;
  }
}
