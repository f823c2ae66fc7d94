import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConllDocument } from './conll.ts';
import { documentEvidence } from './evidence.ts';
import { FeatureExtractor } from './features.ts';
import { buildGazetteer } from './gazetteer.ts';
import { bilouLabels, bilouTransitions } from '../../learn/labels.ts';
import { ENTITY_TYPES } from './entity-types.ts';
import { createModel, deserializeModel, serializeModel, tagDocument } from './model.ts';
import { labelsToSpans } from '../../learn/spans.ts';
import { prepareDocuments } from './trainer.ts';
import { trainPass } from '../../learn/train-pass.ts';

const sentence = (text: string): { words: string[]; labels: string[] } => {
  const words: string[] = [];
  const labels: string[] = [];
  for (const item of text.split(' ')) {
    const [word, label] = item.split('/');
    words.push(word);
    labels.push(label ?? 'O');
  }
  return { words, labels };
};

const tiny: ConllDocument[] = [
  { sentences: [sentence('Anna/B-PER Berg/I-PER visited Oslo/B-LOC .'), sentence('Berg/B-PER works for Acme/B-ORG Corp/I-ORG .')] },
  { sentences: [sentence('Acme/B-ORG hired Carl/B-PER Dahl/I-PER in Bergen/B-LOC .'), sentence('The Oslo/B-MISC Marathon/I-MISC was fun .')] },
  { sentences: [sentence('Dahl/B-PER left Bergen/B-LOC for Oslo/B-LOC .')] },
];

test('a model trained on a tiny set survives a round trip through its file format', () => {
  const labels = bilouLabels(ENTITY_TYPES);
  const rules = bilouTransitions(labels);
  const clusters = new Map([
    ['Oslo', '0110'],
    ['Bergen', '0111'],
  ]);
  const gazetteer = buildGazetteer({ city: ['Oslo', 'Bergen'] });
  const extractor = new FeatureExtractor({ clusters, gazetteer });
  const options = { bits: 16, maxEpochs: 10, patience: 10, seed: 7 };
  const first = trainPass(prepareDocuments(tiny, extractor, labels), null, labels, rules, { ...options, fixedEpochs: 10 });
  const firstModel = createModel({ labels, clusters, gazetteer, passes: [first.weights], meta: {} });
  const words = tiny.map((d) => d.sentences.map((s) => s.words));
  const firstLabels = words.map((d) => tagDocument(firstModel, d));
  const evidence = (d: number): number[][][] => documentEvidence(words[d], firstLabels[d]);
  const second = trainPass(prepareDocuments(tiny, extractor, labels, evidence), null, labels, rules, { ...options, fixedEpochs: 10 });
  const model = createModel({ labels, clusters, gazetteer, passes: [first.weights, second.weights], meta: { seed: 7 } });

  tiny.forEach((doc, d) => {
    const tagged = tagDocument(model, words[d]);
    doc.sentences.forEach((s, i) => assert.deepEqual(labelsToSpans(tagged[i]), labelsToSpans(s.labels)));
  });

  const loaded = deserializeModel(serializeModel(model));
  assert.deepEqual(loaded.labels, labels);
  assert.deepEqual(loaded.meta, { seed: 7 });
  assert.deepEqual(loaded.clusters, clusters);
  assert.equal(loaded.passes.length, 2);
  const unseen = [['Anna', 'Dahl', 'flew', 'to', 'Bergen', '.'], ['Acme', 'Corp', 'said', 'so', '.']];
  for (const doc of [...words, unseen]) assert.deepEqual(tagDocument(loaded, doc), tagDocument(model, doc));
  assert.throws(() => deserializeModel(Buffer.from('not a model')), Error);
});
