import type { SentenceInput } from './sentence.ts';
import { PerceptronWeights, scoreFeatures, type ParserWeights } from './weights.ts';

/**
 * A part-of-speech tagger for the parser: greedy, left to right, an averaged perceptron
 * (Collins 2002) over the word, its affixes and shape, the words around it, the two tags
 * before it and wink-nlp's tags of the word and its neighbours. It predicts the treebank's
 * fine tags (Penn Treebank XPOS: VBD, VBN, NNP…), which tell the parser more than UPOS, and
 * reads wink-nlp's tag as evidence, so it learns where wink-nlp's tags and the treebank's
 * conventions part. The parser reads its tags; Doc.tokens keep wink-nlp's.
 */
export const TAGGER_FEATURES = 26;

const NONE = 0x2545f491 | 0;

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function f(k: number, a: number, b = 0): number {
  let h = mix(mix(Math.imul(k + 101, 0x9e3779b1), a), b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** Writes the features of token i (given the tags already chosen before it, in s.tag) into out. */
export function taggerFeatures(s: SentenceInput, i: number, out: Int32Array): void {
  const { word, suffix, suffix2, suffix4, prefix, shape, wink, tag, n } = s;
  const t1 = i >= 1 ? tag[i - 1] : -1;
  const t2 = i >= 2 ? tag[i - 2] : -1;
  const wi = word[i];
  const ki = wink[i];
  let x = 0;
  out[x] = f(x++, 0);
  out[x] = f(x++, wi);
  out[x] = f(x++, suffix[i]);
  out[x] = f(x++, suffix2[i]);
  out[x] = f(x++, suffix4[i]);
  out[x] = f(x++, prefix[i]);
  out[x] = f(x++, shape[i]);
  out[x] = f(x++, ki);
  out[x] = f(x++, t1);
  out[x] = f(x++, t1, t2);
  out[x] = f(x++, t1, wi);
  out[x] = f(x++, i >= 1 ? word[i - 1] : NONE);
  out[x] = f(x++, i >= 1 ? suffix[i - 1] : NONE);
  out[x] = f(x++, i >= 2 ? word[i - 2] : NONE);
  out[x] = f(x++, i + 1 < n ? word[i + 1] : NONE);
  out[x] = f(x++, i + 1 < n ? suffix[i + 1] : NONE);
  out[x] = f(x++, i + 2 < n ? word[i + 2] : NONE);
  out[x] = f(x++, i >= 1 ? wink[i - 1] : -1, ki);
  out[x] = f(x++, ki, i + 1 < n ? wink[i + 1] : -1);
  out[x] = f(x++, ki, wi);
  out[x] = f(x++, ki, shape[i]);
  out[x] = f(x++, t1, ki);
  out[x] = f(x++, i + 1 < n ? wink[i + 1] : -1, i + 2 < n ? wink[i + 2] : -1);
  out[x] = f(x++, wi, i + 1 < n ? word[i + 1] : NONE);
  out[x] = f(x++, i >= 1 ? word[i - 1] : NONE, wi);
  out[x] = f(x++, ki, suffix[i]);
}

/** A trained tagger: its tags (a tag's id is its index plus one) and weights. */
export interface TaggerModel {
  tags: string[];
  weights: ParserWeights;
}

const features = new Int32Array(TAGGER_FEATURES);
let scores = new Int32Array(64);

/** Tags a sentence in place: s.tag[i] becomes 1 + the index of token i's tag in model.tags. */
export function tagInput(model: TaggerModel, s: SentenceInput): void {
  const C = model.tags.length;
  if (scores.length < C) scores = new Int32Array(C);
  for (let i = 0; i < s.n; i++) {
    taggerFeatures(s, i, features);
    scores.fill(0, 0, C);
    scoreFeatures(model.weights, features, TAGGER_FEATURES, scores);
    let best = 0;
    for (let y = 1; y < C; y++) if (scores[y] > scores[best]) best = y;
    s.tag[i] = best + 1;
  }
}

/** Trains the tagger's perceptron, one sentence at a time (gold tag ids are 1-based, as s.tag). */
export class TaggerTrainer {
  readonly weights: PerceptronWeights;
  private readonly classes: number;
  private scores: Float32Array;

  constructor(classes: number) {
    this.classes = classes;
    this.weights = new PerceptronWeights(classes);
    this.scores = new Float32Array(classes);
  }

  /** Tags the sentence left to right with the current weights, updating on each mistake; the gold tag is then kept for the next words' features. Returns the mistakes. */
  train(s: SentenceInput, gold: Int32Array): number {
    let wrong = 0;
    for (let i = 0; i < s.n; i++) {
      taggerFeatures(s, i, features);
      this.scores.fill(0);
      this.weights.score(features, TAGGER_FEATURES, this.scores);
      let best = 0;
      for (let y = 1; y < this.classes; y++) if (this.scores[y] > this.scores[best]) best = y;
      this.weights.step++;
      const g = gold[i] - 1;
      if (best !== g) {
        wrong++;
        this.weights.update(features, TAGGER_FEATURES, g, best);
      }
      s.tag[i] = gold[i];
    }
    return wrong;
  }
}
