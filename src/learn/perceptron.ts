import type { TransitionRules } from './labels.ts';
import { viterbi } from './viterbi.ts';

/** Per-token features for one sequence: hashes of token i sit at `hashes[offsets[i]..offsets[i+1])`. */
export interface SentenceFeatures {
  hashes: Uint32Array;
  offsets: Int32Array;
}

/**
 * Weights of one tagging pass, as the tagger reads them: feature hash → row (`rowOf`,
 * -1 for none) → one score per label in `rows`; `transitions[from * L + to]` with row L
 * for the sentence start.
 */
export interface PassWeights {
  bits: number;
  labelCount: number;
  rowOf: Int32Array;
  rows: Float32Array;
  transitions: Float64Array;
}

/**
 * Each token's emission scores under compact weights, written into `out` (length n × L).
 * `extra` adds more feature hashes per token (the second pass's document evidence).
 */
export function emissionScores(weights: PassWeights, features: SentenceFeatures, out: Float64Array, extra?: readonly (readonly number[])[]): Float64Array {
  const L = weights.labelCount;
  const mask = (1 << weights.bits) - 1;
  const { rowOf, rows } = weights;
  const { hashes, offsets } = features;
  const n = offsets.length - 1;
  out.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const base = i * L;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const r = rowOf[hashes[k] & mask];
      if (r < 0) continue;
      const w = r * L;
      for (let y = 0; y < L; y++) out[base + y] += rows[w + y];
    }
    if (!extra) continue;
    for (const h of extra[i]) {
      const r = rowOf[h & mask];
      if (r < 0) continue;
      const w = r * L;
      for (let y = 0; y < L; y++) out[base + y] += rows[w + y];
    }
  }
  return out;
}

let emissionBuffer = new Float64Array(4096);

/** Labels (as indices) for one sentence's features (plus `extra` hashes per token) under compact weights. */
export function decodeSentence(weights: PassWeights, rules: TransitionRules, features: SentenceFeatures, extra?: readonly (readonly number[])[]): Int32Array {
  const n = features.offsets.length - 1;
  if (emissionBuffer.length < n * weights.labelCount) emissionBuffer = new Float64Array(n * weights.labelCount * 2);
  const emissions = emissionScores(weights, features, emissionBuffer, extra);
  return viterbi(emissions, n, weights.labelCount, weights.transitions, rules, new Int32Array(n));
}

/**
 * A structured averaged perceptron (Collins 2002) over hashed features, with dense
 * weights while training; `compact()` keeps only the rows that were ever updated.
 */
export class PerceptronTrainer {
  readonly bits: number;
  readonly labelCount: number;
  readonly rules: TransitionRules;
  private readonly mask: number;
  private readonly weights: Float32Array;
  private readonly accumulated: Float64Array;
  private readonly transitions: Float64Array;
  private readonly transitionsAccumulated: Float64Array;
  private readonly touched: Uint8Array;
  private step = 1;
  private emissions = new Float64Array(1024);

  /** @param bits log2 of the number of feature buckets. */
  constructor(bits: number, labelCount: number, rules: TransitionRules) {
    this.bits = bits;
    this.labelCount = labelCount;
    this.rules = rules;
    this.mask = (1 << bits) - 1;
    this.weights = new Float32Array((1 << bits) * labelCount);
    this.accumulated = new Float64Array((1 << bits) * labelCount);
    this.transitions = new Float64Array((labelCount + 1) * labelCount);
    this.transitionsAccumulated = new Float64Array((labelCount + 1) * labelCount);
    this.touched = new Uint8Array(1 << bits);
  }

  /**
   * Best labels for a sentence under the current (not averaged) weights. With `gold` and a
   * `margin`, every wrong label gets `margin` extra (cost-augmented decoding), so training
   * also corrects right answers that won by too little.
   */
  predict(features: SentenceFeatures, gold?: Int32Array, margin = 0): Int32Array {
    const L = this.labelCount;
    const n = features.offsets.length - 1;
    if (this.emissions.length < n * L) this.emissions = new Float64Array(n * L * 2);
    const out = this.emissions;
    out.fill(0, 0, n * L);
    const { hashes, offsets } = features;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const w = (hashes[k] & this.mask) * L;
        for (let y = 0; y < L; y++) out[base + y] += this.weights[w + y];
      }
      if (gold && margin > 0) {
        for (let y = 0; y < L; y++) if (y !== gold[i]) out[base + y] += margin;
      }
    }
    return viterbi(out, n, L, this.transitions, this.rules, new Int32Array(n));
  }

  /** One perceptron step on a sentence: predict (cost-augmented by `margin`), and move weights towards the gold labels. Returns the number of wrong tokens. */
  train(features: SentenceFeatures, gold: Int32Array, margin = 0): number {
    const predicted = this.predict(features, gold, margin);
    const L = this.labelCount;
    const c = this.step++;
    let wrong = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i];
      const p = predicted[i];
      if (g !== p) {
        wrong++;
        for (let k = features.offsets[i]; k < features.offsets[i + 1]; k++) {
          const bucket = features.hashes[k] & this.mask;
          this.touched[bucket] = 1;
          const w = bucket * L;
          this.weights[w + g] += 1;
          this.accumulated[w + g] += c;
          this.weights[w + p] -= 1;
          this.accumulated[w + p] -= c;
        }
      }
      const gPrev = i === 0 ? L : gold[i - 1];
      const pPrev = i === 0 ? L : predicted[i - 1];
      if (g !== p || gPrev !== pPrev) {
        this.transitions[gPrev * L + g] += 1;
        this.transitionsAccumulated[gPrev * L + g] += c;
        this.transitions[pPrev * L + p] -= 1;
        this.transitionsAccumulated[pPrev * L + p] -= c;
      }
    }
    return wrong;
  }

  /** The averaged weights in compact form, dropping rows whose averaged weights are all below `threshold` in magnitude. */
  compact(threshold = 0): PassWeights {
    const L = this.labelCount;
    const c = this.step;
    const buckets = 1 << this.bits;
    const rowOf = new Int32Array(buckets).fill(-1);
    const kept: number[] = [];
    const row = new Float32Array(L);
    const values: number[] = [];
    for (let b = 0; b < buckets; b++) {
      if (!this.touched[b]) continue;
      let keep = false;
      for (let y = 0; y < L; y++) {
        const v = this.weights[b * L + y] - this.accumulated[b * L + y] / c;
        row[y] = v;
        if (Math.abs(v) > threshold) keep = true;
      }
      if (!keep) continue;
      rowOf[b] = kept.length;
      kept.push(b);
      for (let y = 0; y < L; y++) values.push(row[y]);
    }
    const transitions = new Float64Array(this.transitions.length);
    for (let k = 0; k < transitions.length; k++) transitions[k] = this.transitions[k] - this.transitionsAccumulated[k] / c;
    return { bits: this.bits, labelCount: L, rowOf, rows: Float32Array.from(values), transitions };
  }
}

/**
 * The mean of several passes' weights (an ensemble of perceptrons trained with different
 * shuffles collapses into one linear model). All must share bits and labels.
 */
export function averageWeights(passes: readonly PassWeights[]): PassWeights {
  if (passes.length === 0) throw new TypeError('averageWeights needs at least one set of weights');
  const { bits, labelCount: L } = passes[0];
  if (passes.some((p) => p.bits !== bits || p.labelCount !== L)) throw new TypeError('averageWeights: weights differ in bits or labels');
  const rowOf = new Int32Array(1 << bits).fill(-1);
  let rowCount = 0;
  for (let b = 0; b < rowOf.length; b++) if (passes.some((p) => p.rowOf[b] >= 0)) rowOf[b] = rowCount++;
  const rows = new Float32Array(rowCount * L);
  const transitions = new Float64Array(passes[0].transitions.length);
  for (const p of passes) {
    for (let b = 0; b < rowOf.length; b++) {
      const r = p.rowOf[b];
      if (r < 0) continue;
      const to = rowOf[b] * L;
      for (let y = 0; y < L; y++) rows[to + y] += p.rows[r * L + y] / passes.length;
    }
    for (let k = 0; k < transitions.length; k++) transitions[k] += p.transitions[k] / passes.length;
  }
  return { bits, labelCount: L, rowOf, rows, transitions };
}
