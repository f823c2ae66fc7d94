import { resolve } from 'node:path';
import { tagDocument, readModelFile, type NerModel } from './model.ts';
import { DEFAULT_MODEL_PATH } from './paths.ts';
import { labelsToSpans, type EntitySpan } from '../../learn/spans.ts';

let cache: { path: string; model: NerModel } | null = null;

/**
 * Loads the NER model file (the committed one unless a path is given), once: later calls
 * with the same path return the same model.
 *
 * @example const model = loadNerModel();
 */
export function loadNerModel(path: string = DEFAULT_MODEL_PATH): NerModel {
  const full = resolve(path);
  if (cache && cache.path === full) return cache.model;
  const model = readModelFile(full);
  cache = { path: full, model };
  return model;
}

/**
 * Tags the tokens of one document with BILOU entity labels (`B-PER`, `I-PER`, `L-PER`,
 * `U-LOC`, `O`; types PER, ORG, LOC, MISC). The input is the document's sentences, each an
 * array of token texts; the output has one label per token, in the same shape. All
 * sentences are read as one document: the tagger uses how words are written and tagged
 * elsewhere in it.
 *
 * @example tagTokens([['Peter', 'Blackburn', 'visited', 'Brussels', '.']]) // [['B-PER', 'L-PER', 'O', 'U-LOC', 'O']]
 */
export function tagTokens(words: readonly (readonly string[])[], model: NerModel = loadNerModel()): string[][] {
  if (!Array.isArray(words)) throw new TypeError('tagTokens needs an array of sentences, each an array of token strings');
  for (const sentence of words) {
    if (!Array.isArray(sentence)) throw new TypeError('tagTokens needs an array of sentences, each an array of token strings');
    for (const token of sentence) if (typeof token !== 'string') throw new TypeError('tagTokens: every token must be a string');
  }
  return tagDocument(model, words);
}

/**
 * Entity spans of a sentence's labels, in token indices (`end` exclusive), for labels in
 * BILOU, BIO or IOB1.
 *
 * @example entitySpans(['B-PER', 'L-PER', 'O', 'U-LOC']) // [{start:0,end:2,type:'PER'},{start:3,end:4,type:'LOC'}]
 */
export function entitySpans(labels: readonly string[]): EntitySpan[] {
  return labelsToSpans(labels);
}
