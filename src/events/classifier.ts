import { existsSync, readFileSync } from 'node:fs';
import type { Doc, EventMention, EventType } from '../doc/doc.ts';
import { hashString } from '../learn/hash.ts';
import { readModelBytes, writeModelBytes } from '../learn/model-file.ts';
import { decodeSentence, emissionScores, PerceptronTrainer, type PassWeights, type SentenceFeatures } from '../learn/perceptron.ts';
import type { TransitionRules } from '../learn/labels.ts';
import { seededRandom } from '../learn/train-pass.ts';
import { ploverOfCameo } from './cameo.ts';
import { lookupTrigger } from './lexicon.ts';
import { nameIndex } from './phrases.ts';
import { scoreTypes } from './eval/score.ts';
import { EVENT_TYPES } from './plover.ts';
import { triggerCandidates, type TriggerCandidate } from './triggers.ts';

/**
 * A learned re-typing of events: an averaged perceptron (src/learn/) that reads an event the
 * rules coded, with its sentence, and gives the PLOVER type in the gold records' convention
 * (an intention to cooperate is AGREE, an announced act of force THREATEN). Its features: the
 * rules' type, the act and its status, the trigger's lemma, every trigger candidate of the
 * sentence with its type and side of the trigger, the sectors of source and target.
 *
 * It is trusted only where it is sure: its type replaces the rules' only when it scores more
 * than `threshold` above the rules' type (with 322 records it types worse than the rules where
 * it decides every event). The threshold is chosen by cross-validation on the training records
 * themselves (chooseThreshold). `npm run eval:events` scores the gated classifier by 10-fold
 * cross-validation on the PLOVER gold records, the threshold chosen inside each training
 * split (no record scored by a model, or a threshold, that saw it); `npm run train:events`
 * trains the committed model on every record (src/events/model/event-types.model.gz, fixed
 * seed), which the stage uses by default.
 */

/** The committed model (npm run train:events writes it). */
export const EVENT_MODEL_PATH = new URL('./model/event-types.model.gz', import.meta.url);
const MAGIC = 'DOSSIER-EVENT-TYPES/1\n';
/** log2 of the feature buckets. */
const BITS = 18;
/** Training epochs (fixed beforehand, not tuned on the records). */
export const EPOCHS = 4;
/** The shuffle's seed. */
export const SEED = 20261205;

/** Labels: the PLOVER types. */
export const LABELS: readonly EventType[] = EVENT_TYPES;

/** Every label may stand alone: a one-token "sentence" per event. */
const RULES: TransitionRules = { allowed: new Uint8Array((LABELS.length + 1) * LABELS.length).fill(1), canEnd: new Uint8Array(LABELS.length).fill(1) };

/** A trained classifier: its weights and the margin over the rules' type it needs to change it. */
export interface EventClassifier {
  weights: PassWeights;
  threshold: number;
}

/** Thresholds tried by chooseThreshold (Infinity: never change the rules' type). */
export const THRESHOLDS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 8, Infinity];
/** Folds of the cross-validation that chooses the threshold. */
export const THRESHOLD_FOLDS = 9;

/** The rules' type of an event in the gold records' convention. */
export function ruleType(e: EventMention): EventType {
  return ploverOfCameo(e.cameo) ?? e.type;
}

/**
 * The feature strings of an event in its Doc (`inName`: nameIndex(doc), computed once per Doc by
 * a caller with many events; `candidates`: the trigger candidates of the event's sentence, where
 * the caller has them).
 */
export function eventFeatures(doc: Doc, e: EventMention, inName: Int32Array = nameIndex(doc), candidates?: readonly TriggerCandidate[]): string[] {
  const f: string[] = ['bias', `rule=${ruleType(e)}`, `act=${e.type}`, `status=${e.status}`, `rule+status=${ruleType(e)}|${e.status}`];
  const triggerText = doc.text.slice(e.trigger.start, e.trigger.end).toLowerCase();
  f.push(`lemma=${lookupTrigger(triggerText, 'verb')?.lemma ?? lookupTrigger(triggerText, 'noun')?.lemma ?? triggerText}`);
  for (const c of candidates ?? sentenceCandidates(doc, e, inName)) {
    const side = doc.tokens[c.first].start < e.trigger.start ? '<' : doc.tokens[c.first].start > e.trigger.start ? '>' : '=';
    f.push(`cand${side}=${c.type}`, `cand=${c.type}`);
  }
  f.push(`ssec=${e.source[0]?.sector ?? '-'}`, `tsec=${e.target[0]?.sector ?? '-'}`, `hastarget=${e.target.length > 0}`);
  return f;
}

function sentenceCandidates(doc: Doc, e: EventMention, inName: Int32Array): TriggerCandidate[] {
  const sentence = doc.sentences[e.sentence];
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < doc.tokens.length && doc.tokens[to].start < sentence.end) to++;
  return triggerCandidates(doc, lo, to, inName);
}

function featuresOf(strings: readonly string[]): SentenceFeatures {
  return { hashes: Uint32Array.from(strings, hashString), offsets: Int32Array.from([0, strings.length]) };
}

/** One training example: an event's feature strings, the rules' type of it and its gold type. */
export interface Example {
  features: string[];
  rule: EventType;
  label: EventType;
}

/** Trains the weights of a classifier on examples (seeded shuffles, EPOCHS epochs, averaged weights); its threshold is 0 (see trainGated). */
export function trainClassifier(examples: readonly Example[], seed = SEED, epochs = EPOCHS): EventClassifier {
  const trainer = new PerceptronTrainer(BITS, LABELS.length, RULES);
  const prepared = examples.map((x) => ({ features: featuresOf(x.features), gold: Int32Array.from([LABELS.indexOf(x.label)]) }));
  const random = seededRandom(seed);
  const order = prepared.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) trainer.train(prepared[i].features, prepared[i].gold);
  }
  return { weights: trainer.compact(), threshold: 0 };
}

/** The type a classifier's weights alone give an event (its best-scoring type). */
export function classify(model: EventClassifier, features: readonly string[]): EventType {
  return LABELS[decodeSentence(model.weights, RULES, featuresOf(features))[0]];
}

/** The type of an event: the classifier's where it scores more than the model's threshold above the rules' type, else the rules'. */
export function classifyGated(model: EventClassifier, features: readonly string[], rule: EventType): EventType {
  const scores = emissionScores(model.weights, featuresOf(features), new Float64Array(LABELS.length));
  let best = 0;
  for (let y = 1; y < scores.length; y++) if (scores[y] > scores[best]) best = y;
  const r = LABELS.indexOf(rule);
  return r >= 0 && scores[best] - scores[r] > model.threshold ? LABELS[best] : rule;
}

/**
 * The threshold of THRESHOLDS under which the gated classifier types `examples` best (macro F1
 * over the types), each example scored by a model trained on the other THRESHOLD_FOLDS - 1
 * folds; the highest threshold of the best, as the cautious choice.
 */
export function chooseThreshold(examples: readonly Example[], seed = SEED): number {
  const margins: { best: EventType; margin: number }[] = new Array(examples.length);
  for (let fold = 0; fold < THRESHOLD_FOLDS; fold++) {
    const model = trainClassifier(examples.filter((_, i) => i % THRESHOLD_FOLDS !== fold), seed);
    examples.forEach((x, i) => {
      if (i % THRESHOLD_FOLDS !== fold) return;
      const scores = emissionScores(model.weights, featuresOf(x.features), new Float64Array(LABELS.length));
      let best = 0;
      for (let y = 1; y < scores.length; y++) if (scores[y] > scores[best]) best = y;
      margins[i] = { best: LABELS[best], margin: scores[best] - scores[LABELS.indexOf(x.rule)] };
    });
  }
  let chosen = Infinity;
  let bestF1 = -1;
  // THRESHOLDS rise: a later threshold as good as the best so far is the more cautious choice
  for (const t of THRESHOLDS) {
    const f1 = scoreTypes(examples.map((x, i) => ({ gold: x.label, predicted: margins[i].margin > t ? margins[i].best : x.rule }))).macroF1;
    if (f1 >= bestF1) {
      bestF1 = f1;
      chosen = t;
    }
  }
  return chosen;
}

/** Trains a gated classifier: weights on every example, the threshold by cross-validation on the same examples (chooseThreshold). */
export function trainGated(examples: readonly Example[], seed = SEED): EventClassifier {
  return { ...trainClassifier(examples, seed), threshold: chooseThreshold(examples, seed) };
}

/** Writes a classifier to bytes (the model file's form: src/learn/model-file.ts); an infinite threshold is written as null. */
export function classifierBytes(model: EventClassifier, provenance: object): Buffer {
  return writeModelBytes(MAGIC, { labels: LABELS, threshold: Number.isFinite(model.threshold) ? model.threshold : null, ...provenance }, [model.weights]);
}

let cached: EventClassifier | null | undefined;

/** The committed classifier, or null where the model file is absent. */
export function loadEventClassifier(): EventClassifier | null {
  if (cached !== undefined) return cached;
  if (!existsSync(EVENT_MODEL_PATH)) return (cached = null);
  const { header, passes } = readModelBytes<{ labels: string[]; threshold: number | null }>(MAGIC, readFileSync(EVENT_MODEL_PATH), 'event-type model');
  if (header.labels.join() !== LABELS.join()) throw new TypeError('the event-type model was trained on other labels; run npm run train:events');
  return (cached = { weights: passes[0], threshold: header.threshold ?? Infinity });
}
