import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../learn/train-pass.ts';
import { Configuration } from './arc-hybrid.ts';
import { extractFeatures, FEATURE_COUNT } from './features.ts';
import { readParserModel, writeParserModel } from './model-file.ts';
import { Parser, type ParserModel } from './parser.ts';
import { SentenceInput, tagId } from './sentence.ts';
import { ParserTrainer, type TrainingSentence } from './trainer.ts';
import { PerceptronWeights, scoreFeatures } from './weights.ts';

const RELATIONS = ['nsubj', 'obj', 'det', 'punct'];

// word/TAG/head/relation, heads 0-based, -1 the root
const TOY = [
  'the/DET/1/det dog/NOUN/2/nsubj saw/VERB/-1/root a/DET/4/det cat/NOUN/2/obj ./PUNCT/2/punct',
  'a/DET/1/det cat/NOUN/2/nsubj chased/VERB/-1/root the/DET/4/det dog/NOUN/2/obj ./PUNCT/2/punct',
  'dogs/NOUN/1/nsubj bark/VERB/-1/root ./PUNCT/1/punct',
  'the/DET/1/det cat/NOUN/2/nsubj saw/VERB/-1/root dogs/NOUN/2/obj ./PUNCT/2/punct',
];

function toy(): TrainingSentence[] {
  return TOY.map((line) => {
    const parts = line.split(' ').map((p) => p.split('/'));
    const input = new SentenceInput(2);
    input.reset(parts.length);
    parts.forEach(([w, tag], i) => input.set(i, w, 0, w.length, tagId(tag)));
    return { input, heads: Int32Array.from(parts, (p) => Number(p[2])), labels: Int32Array.from(parts, (p) => (p[3] === 'root' ? -1 : RELATIONS.indexOf(p[3]))) };
  });
}

function toyTrainer(seed = 7): ParserTrainer {
  const trainer = new ParserTrainer(RELATIONS.length);
  const random = seededRandom(seed);
  const sentences = toy();
  for (let epoch = 0; epoch < 10; epoch++) for (const s of sentences) trainer.train(s, epoch > 0, 0.9, random);
  return trainer;
}

function trainToy(): ParserModel {
  return { labels: RELATIONS, weights: toyTrainer().weights.averaged(), tagger: null, meta: { note: 'toy' } };
}

test('every configuration gives the same number of features', () => {
  const s = toy()[0];
  const c = new Configuration();
  c.reset(s.input.n);
  const out = new Int32Array(FEATURE_COUNT);
  assert.equal(extractFeatures(c, s.input, out), FEATURE_COUNT);
  c.apply(0, RELATIONS.length);
  c.apply(0, RELATIONS.length);
  assert.equal(extractFeatures(c, s.input, out), FEATURE_COUNT);
  assert.ok(out.every((h) => h !== 0), 'no feature hash is 0 (the empty key)');
});

test('the trainer learns a small treebank, and the model file keeps what it learnt', () => {
  const model = trainToy();
  const parser = new Parser(model);
  const again = new Parser(readParserModel(writeParserModel(model)));
  assert.deepEqual(again.model.labels, RELATIONS);
  assert.deepEqual(again.model.meta, { note: 'toy' });
  for (const s of toy()) {
    const heads = new Int32Array(s.input.n);
    const relations = new Int32Array(s.input.n);
    parser.parse(s.input, heads, relations);
    assert.deepEqual(Array.from(heads), Array.from(s.heads));
    assert.deepEqual(Array.from(relations), Array.from(s.labels));
    const heads2 = new Int32Array(s.input.n);
    const relations2 = new Int32Array(s.input.n);
    again.parse(s.input, heads2, relations2);
    assert.deepEqual(Array.from(heads2), Array.from(heads));
    assert.deepEqual(Array.from(relations2), Array.from(relations));
  }
});

test('a file that is not a parser model is refused', () => {
  assert.throws(() => readParserModel(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0])), TypeError);
});

test('summed members score as the members\' scores added; one member is its own average', () => {
  const a = toyTrainer(7).weights;
  const b = toyTrainer(11).weights;
  const sum = PerceptronWeights.summedAverages([a, b]);
  const one = PerceptronWeights.summedAverages([a]);
  const classes = 2 * RELATIONS.length + 1;
  const features = new Int32Array(FEATURE_COUNT);
  const scores = (w: typeof sum) => {
    const out = new Int32Array(classes);
    scoreFeatures(w, features, FEATURE_COUNT, out);
    return Array.from(out);
  };
  let compared = 0;
  for (const s of toy()) {
    const c = new Configuration();
    c.reset(s.input.n);
    while (!c.terminal()) {
      extractFeatures(c, s.input, features);
      const [x, y, z] = [scores(a.averaged()), scores(b.averaged()), scores(sum)];
      // each summed weight is rounded to steps of 0.5 once, each member's once: off by at most one step a feature
      x.forEach((v, k) => assert.ok(Math.abs(v + y[k] - z[k]) <= 2 * FEATURE_COUNT, `action ${k}: ${v} + ${y[k]} against ${z[k]}`));
      assert.deepEqual(scores(one), x);
      compared++;
      c.apply(c.canShift() ? 0 : RELATIONS.length + 1, RELATIONS.length);
    }
  }
  assert.ok(compared > 10);
  assert.ok(scores(sum).some((v) => v !== 0), 'the sum holds weights');
});
