import { readFileSync, writeFileSync } from 'node:fs';
import { documentEvidence } from './evidence.ts';
import { FeatureExtractor, MAX_CACHED_WORD } from './features.ts';
import { gazetteerFromData, gazetteerToData, type Gazetteer, type GazetteerData } from './gazetteer.ts';
import { bilouTransitions, type TransitionRules } from '../../learn/labels.ts';
import type { PassWeights } from '../../learn/perceptron.ts';
import { viterbi } from '../../learn/viterbi.ts';
import { readModelBytes, writeModelBytes } from '../../learn/model-file.ts';

const MAGIC = 'DOSSIER-NER/1\n';

/**
 * A trained tagger: its labels, the resources its features need, one or two passes of
 * weights (the second reads the first pass's labels across the document), and a record
 * of how it was made.
 */
export interface NerModel {
  labels: string[];
  rules: TransitionRules;
  extractor: FeatureExtractor;
  clusters: Map<string, string>;
  gazetteer: Gazetteer | null;
  passes: PassWeights[];
  /** Command, data files, seed, dev score, hyper-parameters, timings. */
  meta: Record<string, unknown>;
  /** Word → summed scores of its word-only features, per pass and label (filled while tagging). */
  wordScores: Map<string, Float64Array>;
  /**
   * All passes' weights in one table, `rows[(rowOf[bucket] * passes + pass) * L + label]`:
   * one look-up per feature serves every pass (the tables are too big for the caches).
   */
  joint: { bits: number; rowOf: Int32Array; rows: Float32Array };
}

/** Lays the passes' weight rows side by side under one bucket index. */
function jointWeights(passes: readonly PassWeights[], labelCount: number): NerModel['joint'] {
  const bits = passes[0]?.bits ?? 1;
  if (passes.some((p) => p.bits !== bits || p.labelCount !== labelCount)) throw new TypeError('all passes of a model need the same bits and labels');
  const P = passes.length;
  const L = labelCount;
  const rowOf = new Int32Array(1 << bits).fill(-1);
  let count = 0;
  for (let b = 0; b < rowOf.length; b++) {
    for (const pass of passes) {
      if (pass.rowOf[b] >= 0) {
        rowOf[b] = count++;
        break;
      }
    }
  }
  const rows = new Float32Array(count * P * L);
  for (let b = 0; b < rowOf.length; b++) {
    const j = rowOf[b];
    if (j < 0) continue;
    passes.forEach((pass, p) => {
      const r = pass.rowOf[b];
      if (r >= 0) rows.set(pass.rows.subarray(r * L, r * L + L), (j * P + p) * L);
    });
  }
  return { bits, rowOf, rows };
}

const WORD_SCORE_CACHE_LIMIT = 200_000;

/** Scores of a word's word-only features under every pass, `[pass * L + label]`, cached per word. */
function wordScores(model: NerModel, word: string): Float64Array {
  const cached = model.wordScores.get(word);
  if (cached) return cached;
  const cacheable = word.length <= MAX_CACHED_WORD;
  if (model.wordScores.size >= WORD_SCORE_CACHE_LIMIT) model.wordScores.clear();
  const hashes = model.extractor.ownFeatures(word);
  const L = model.labels.length;
  const scores = new Float64Array(model.passes.length * L);
  model.passes.forEach((pass, p) => {
    const mask = (1 << pass.bits) - 1;
    for (const h of hashes) {
      const r = pass.rowOf[h & mask];
      if (r < 0) continue;
      for (let y = 0; y < L; y++) scores[p * L + y] += pass.rows[r * L + y];
    }
  });
  if (cacheable) model.wordScores.set(word, scores);
  return scores;
}

/** Assembles a model from its parts, building the feature extractor and transition rules. */
export function createModel(parts: {
  labels: string[];
  clusters: Map<string, string>;
  gazetteer: Gazetteer | null;
  passes: PassWeights[];
  meta: Record<string, unknown>;
}): NerModel {
  return {
    ...parts,
    wordScores: new Map(),
    joint: jointWeights(parts.passes, parts.labels.length),
    rules: bilouTransitions(parts.labels),
    extractor: new FeatureExtractor({ clusters: parts.clusters, gazetteer: parts.gazetteer }),
  };
}

let emissions = new Float64Array(4096);

/**
 * Labels every token of one document (its sentences of token texts) with BILOU labels.
 * Runs the first pass, then, if the model has one, the second pass with document evidence.
 */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[], passes = model.passes.length): string[][] {
  const { extractor, labels, rules } = model;
  const context = extractor.documentContext(sentences);
  // Both passes share the local features; the second adds document evidence to them.
  // Scores of the features that depend on the word alone come from a per-word cache.
  const L = labels.length;
  const P = model.passes.length;
  const { rowOf, rows } = model.joint;
  const mask = (1 << model.joint.bits) - 1;
  // Scores of the local features under every pass at once, per sentence: [(i * P + pass) * L + label].
  const local = sentences.map((words) => {
    const { hashes, offsets } = extractor.sentence(words, context, undefined, false);
    const n = words.length;
    const scores = new Float64Array(n * P * L);
    for (let i = 0; i < n; i++) {
      const base = i * P * L;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const r = rowOf[hashes[k] & mask];
        if (r < 0) continue;
        const w = r * P * L;
        for (let t = 0; t < P * L; t++) scores[base + t] += rows[w + t];
      }
      const own = wordScores(model, words[i]);
      for (let t = 0; t < P * L; t++) scores[base + t] += own[t];
    }
    return scores;
  });
  let result: string[][] = [];
  for (let p = 0; p < passes; p++) {
    const evidence = p === 0 ? null : documentEvidence(sentences, result);
    result = local.map((scores, s) => {
      const n = sentences[s].length;
      if (emissions.length < n * L) emissions = new Float64Array(n * L * 2);
      for (let i = 0; i < n; i++) {
        for (let y = 0; y < L; y++) emissions[i * L + y] = scores[(i * P + p) * L + y];
        if (!evidence) continue;
        for (const h of evidence[s][i]) {
          const r = rowOf[h & mask];
          if (r < 0) continue;
          const w = (r * P + p) * L;
          for (let y = 0; y < L; y++) emissions[i * L + y] += rows[w + y];
        }
      }
      return Array.from(viterbi(emissions, n, L, model.passes[p].transitions, rules, new Int32Array(n)), (y) => labels[y]);
    });
  }
  return result;
}

interface FileHeader {
  labels: string[];
  meta: Record<string, unknown>;
  clusters: string;
  gazetteer: GazetteerData | null;
}

/** Serialises a model: labels, meta, clusters and gazetteer in the header, then its passes' weights. */
export function serializeModel(model: NerModel): Buffer {
  const clusters = [...model.clusters].map(([w, p]) => `${w} ${p}`).join('\n');
  const header: FileHeader = {
    labels: model.labels,
    meta: model.meta,
    clusters,
    gazetteer: model.gazetteer ? gazetteerToData(model.gazetteer) : null,
  };
  return writeModelBytes(MAGIC, header, model.passes);
}

/** Reads a model written by serializeModel. Throws a TypeError if the bytes are not one. */
export function deserializeModel(gzipped: Uint8Array): NerModel {
  const { header, passes } = readModelBytes<FileHeader>(MAGIC, gzipped, 'Dossier NER model');
  const clusters = new Map<string, string>();
  for (const line of header.clusters.split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0) clusters.set(line.slice(0, space), line.slice(space + 1));
  }
  return createModel({
    labels: header.labels,
    clusters,
    gazetteer: header.gazetteer ? gazetteerFromData(header.gazetteer) : null,
    passes,
    meta: header.meta,
  });
}

/** Writes a model file. */
export function saveModel(model: NerModel, path: string): void {
  writeFileSync(path, serializeModel(model));
}

/** Reads a model file. */
export function readModelFile(path: string): NerModel {
  return deserializeModel(readFileSync(path));
}
