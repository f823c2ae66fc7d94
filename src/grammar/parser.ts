import { Configuration, SHIFT } from './arc-hybrid.ts';
import { BUFFER_FEATURES, bufferFeatures, FEATURE_COUNT, stackFeatures } from './features.ts';
import type { SentenceInput } from './sentence.ts';
import { tagInput, type TaggerModel } from './tagger.ts';
import { scoreFeatures, type ParserWeights } from './weights.ts';

/**
 * A trained parser: its relations (an action's relation id indexes `labels`; the root's
 * relation is `root` and is not among them), its weights, and what its file recorded.
 */
export interface ParserModel {
  labels: string[];
  weights: ParserWeights;
  /** The tagger whose tags the parser reads; null: it reads wink-nlp's. */
  tagger: TaggerModel | null;
  meta: Record<string, unknown>;
}

/**
 * A greedy arc-hybrid parser over one model. It keeps its working arrays between sentences:
 * parsing allocates nothing unless a sentence is longer than any before it.
 *
 * @example const parser = new Parser(model); parser.parse(input, heads, relations);
 */
export class Parser {
  readonly model: ParserModel;
  private readonly config = new Configuration();
  private readonly features = new Int32Array(FEATURE_COUNT);
  private readonly stackPart = this.features.subarray(BUFFER_FEATURES);
  private readonly scores: Int32Array;
  /** The votes of the buffer's features (bufferFeatures) for the buffer front `bufferAt` of the sentence being parsed (-1: none yet). */
  private readonly bufferScores: Int32Array;
  private bufferAt = -1;

  constructor(model: ParserModel) {
    if (model.weights.classes !== 2 * model.labels.length + 1) throw new TypeError('Parser: the weights do not fit the relations');
    this.model = model;
    this.scores = new Int32Array(model.weights.classes);
    this.bufferScores = new Int32Array(model.weights.classes);
  }

  /**
   * Parses a sentence: writes each token's head (a token index in the sentence, -1 for the
   * root) into `heads` and its relation id (an index into `model.labels`, -1 for the root)
   * into `relations`. Always a tree with one root, in 2n − 1 steps. With a tagger, the input's
   * tags are set by it first.
   */
  parse(input: SentenceInput, heads: Int32Array, relations: Int32Array): void {
    const n = input.n;
    if (n === 0) return;
    if (this.model.tagger) tagInput(this.model.tagger, input);
    const c = this.config;
    const L = this.model.labels.length;
    c.reset(n);
    this.bufferAt = -1;
    while (!c.terminal()) {
      c.apply(this.next(c, input, L), L);
    }
    for (let i = 0; i < n; i++) {
      heads[i] = c.head[i];
      relations[i] = c.head[i] < 0 ? -1 : c.label[i];
    }
  }

  /**
   * The best valid action in configuration c of the sentence being parsed. The buffer's
   * features are scored once per buffer front: arcs leave it in place, and about half the
   * steps are arcs.
   */
  private next(c: Configuration, input: SentenceInput, L: number): number {
    const canLeft = c.canLeft();
    const canRight = c.canRight();
    if (!canLeft && !canRight) return SHIFT;
    const { scores, features, bufferScores } = this;
    const weights = this.model.weights;
    if (this.bufferAt !== c.b) {
      bufferFeatures(input, c.b, c.n, features);
      bufferScores.fill(0);
      scoreFeatures(weights, features, BUFFER_FEATURES, bufferScores);
      this.bufferAt = c.b;
    }
    scores.set(bufferScores);
    stackFeatures(c, input, features);
    scoreFeatures(weights, this.stackPart, FEATURE_COUNT - BUFFER_FEATURES, scores);
    let best = -1;
    let bestScore = -Infinity;
    if (c.canShift()) {
      best = SHIFT;
      bestScore = scores[SHIFT];
    }
    if (canLeft) {
      for (let a = 1; a <= L; a++) {
        if (scores[a] > bestScore) {
          best = a;
          bestScore = scores[a];
        }
      }
    }
    if (canRight) {
      for (let a = L + 1; a <= 2 * L; a++) {
        if (scores[a] > bestScore) {
          best = a;
          bestScore = scores[a];
        }
      }
    }
    return best;
  }
}
