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
  private readonly kept = new Int32Array(FEATURE_COUNT);
  /** The features allowed to have weights (see keepFrequentFeatures); null: every feature. */
  private allowed: KeySet | null = null;

  constructor(relations: number) {
    this.L = relations;
    this.weights = new PerceptronWeights(2 * relations + 1);
    this.scores = new Float32Array(2 * relations + 1);
    this.costs = new Float64Array(2 * relations + 1);
  }

  /**
   * Gives weights only to features seen at least `minCount` times on the gold paths of the
   * sentences (the configurations the oracle's zero-cost actions go through, as the first epoch
   * mostly sees them). A feature seen once is nearly always a word pair met once: its weight
   * fits that sentence and costs a row in the model. Returns how many features are kept.
   */
  keepFrequentFeatures(sentences: readonly TrainingSentence[], minCount: number): number {
    const counts = new KeySet(1 << 22);
    const c = this.config;
    const L = this.L;
    const { costs, features } = this;
    for (const sentence of sentences) {
      const gold = this.goldOf(sentence);
      c.reset(sentence.input.n);
      while (!c.terminal()) {
        actionCosts(c, gold, L, costs);
        // arcs before SHIFT where both cost nothing: the order the trainer's ties take
        let best = SHIFT;
        for (let a = 1; a < costs.length; a++) if (costs[a] < costs[best] || (best === SHIFT && costs[a] === costs[best])) best = a;
        if (c.canLeft() || c.canRight()) {
          extractFeatures(c, sentence.input, features);
          for (let f = 0; f < FEATURE_COUNT; f++) counts.add(features[f]);
        }
        c.apply(best, L);
      }
    }
    this.allowed = counts.atLeast(minCount);
    return this.allowed.size;
  }

  /** Gives weights only to the features another trainer's keepFrequentFeatures kept (same sentences, same features). */
  shareFeaturesOf(other: ParserTrainer): void {
    this.allowed = other.allowed;
  }

  private goldOf(sentence: TrainingSentence): GoldTree {
    let gold = this.golds.get(sentence);
    if (!gold) {
      gold = goldTree(sentence.heads, sentence.labels);
      this.golds.set(sentence, gold);
    }
    return gold;
  }

  /** One pass over a sentence. Returns the number of configurations where the model's action was not among the best. */
  train(sentence: TrainingSentence, explore: boolean, followModel: number, random: () => number): number {
    const n = sentence.input.n;
    if (n === 0) return 0;
    const gold = this.goldOf(sentence);
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
        if (this.allowed) {
          let k = 0;
          for (let f = 0; f < FEATURE_COUNT; f++) if (this.allowed.has(features[f])) this.kept[k++] = features[f];
          weights.update(this.kept, k, best, predicted);
        } else weights.update(features, FEATURE_COUNT, best, predicted);
        if (!explore || random() >= followModel) next = best;
      }
      c.apply(next, L);
    }
    return errors;
  }
}

/** Counts of 32-bit keys (never 0) by open addressing, growing as it fills. */
class KeySet {
  private keys: Int32Array;
  private counts: Int32Array;
  private mask: number;
  size = 0;

  constructor(places: number) {
    this.keys = new Int32Array(places);
    this.counts = new Int32Array(places);
    this.mask = places - 1;
  }

  add(key: number): void {
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) {
        this.counts[i]++;
        return;
      }
      if (k === 0) break;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.counts[i] = 1;
    if (++this.size * 2 > this.mask) this.grow();
  }

  has(key: number): boolean {
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) return true;
      if (k === 0) return false;
      i = (i + 1) & this.mask;
    }
  }

  /** The keys counted at least `min` times. */
  atLeast(min: number): KeySet {
    let places = 1024;
    for (let n = 0, i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0 && this.counts[i] >= min && ++n * 2 > places) places *= 2;
    const out = new KeySet(places * 2);
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0 && this.counts[i] >= min) out.add(this.keys[i]);
    return out;
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      let j = (keys[i] ^ (keys[i] >>> 16)) & this.mask;
      while (this.keys[j] !== 0) j = (j + 1) & this.mask;
      this.keys[j] = keys[i];
      this.counts[j] = counts[i];
      this.size++;
    }
  }
}
