import { existsSync, readFileSync } from 'node:fs';
import type { Doc, EventMention, EventType } from '../doc/doc.ts';
import { hashString } from '../learn/hash.ts';
import { readModelBytes, writeModelBytes } from '../learn/model-file.ts';
import { decodeSentence, PerceptronTrainer, type PassWeights, type SentenceFeatures } from '../learn/perceptron.ts';
import type { TransitionRules } from '../learn/labels.ts';
import { seededRandom } from '../learn/train-pass.ts';
import { ploverOfCameo } from './cameo.ts';
import { lookupTrigger } from './lexicon.ts';
import { nameIndex } from './phrases.ts';
import { EVENT_TYPES } from './plover.ts';
import { triggerCandidates } from './triggers.ts';

/**
 * A learned re-typing of events, tried and measured, not used by default: an averaged
 * perceptron (src/learn/) that reads an event the rules coded, with its sentence, and gives
 * the PLOVER type in the gold records' convention (an intention to cooperate is AGREE, an
 * announced act of force THREATEN). Its features: the rules' type, the act and its status,
 * the trigger's lemma, every trigger candidate of the sentence with its type and side of the
 * trigger, the sectors of source and target. `npm run eval:events` trains and scores it by
 * 10-fold cross-validation on the PLOVER gold records (no record scored by a model that saw
 * it): with 322 records it types worse than the rules alone, so no model file is committed
 * and the stage runs without it (EventOptions.classifier).
 */

/** Where a trained model would be kept (none is committed: see above). */
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

/** A trained classifier. */
export interface EventClassifier {
  weights: PassWeights;
}

/** The rules' type of an event in the gold records' convention. */
export function ruleType(e: EventMention): EventType {
  return ploverOfCameo(e.cameo) ?? e.type;
}

/** The feature strings of an event in its Doc (`inName`: nameIndex(doc), computed once per Doc by a caller with many events). */
export function eventFeatures(doc: Doc, e: EventMention, inName: Int32Array = nameIndex(doc)): string[] {
  const f: string[] = ['bias', `rule=${ruleType(e)}`, `act=${e.type}`, `status=${e.status}`, `rule+status=${ruleType(e)}|${e.status}`];
  const triggerText = doc.text.slice(e.trigger.start, e.trigger.end).toLowerCase();
  f.push(`lemma=${lookupTrigger(triggerText, 'verb')?.lemma ?? lookupTrigger(triggerText, 'noun')?.lemma ?? triggerText}`);
  const sentence = doc.sentences[e.sentence];
  let from = 0;
  while (from < doc.tokens.length && doc.tokens[from].end <= sentence.start) from++;
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to].start < sentence.end) to++;
  for (const c of triggerCandidates(doc, from, to, inName)) {
    const side = doc.tokens[c.first].start < e.trigger.start ? '<' : doc.tokens[c.first].start > e.trigger.start ? '>' : '=';
    f.push(`cand${side}=${c.type}`, `cand=${c.type}`);
  }
  f.push(`ssec=${e.source[0]?.sector ?? '-'}`, `tsec=${e.target[0]?.sector ?? '-'}`, `hastarget=${e.target.length > 0}`);
  return f;
}

function featuresOf(strings: readonly string[]): SentenceFeatures {
  return { hashes: Uint32Array.from(strings, hashString), offsets: Int32Array.from([0, strings.length]) };
}

/** One training example: an event's feature strings and its gold type. */
export interface Example {
  features: string[];
  label: EventType;
}

/** Trains a classifier on examples (seeded shuffles, EPOCHS epochs, averaged weights). */
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
  return { weights: trainer.compact() };
}

/** The type a classifier gives an event. */
export function classify(model: EventClassifier, features: readonly string[]): EventType {
  return LABELS[decodeSentence(model.weights, RULES, featuresOf(features))[0]];
}

/** Writes a classifier to bytes (the model file's form: src/learn/model-file.ts). */
export function classifierBytes(model: EventClassifier, provenance: object): Buffer {
  return writeModelBytes(MAGIC, { labels: LABELS, ...provenance }, [model.weights]);
}

let cached: EventClassifier | null | undefined;

/** The committed classifier, or null where the model file is absent. */
export function loadEventClassifier(): EventClassifier | null {
  if (cached !== undefined) return cached;
  if (!existsSync(EVENT_MODEL_PATH)) return (cached = null);
  const { header, passes } = readModelBytes<{ labels: string[] }>(MAGIC, readFileSync(EVENT_MODEL_PATH), 'event-type model');
  if (header.labels.join() !== LABELS.join()) throw new TypeError('the event-type model was trained on other labels; run npm run train:events');
  return (cached = { weights: passes[0] });
}
