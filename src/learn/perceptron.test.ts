import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashString } from './hash.ts';
import { bilouLabels, bilouTransitions } from './labels.ts';
import { averageWeights, decodeSentence, PerceptronTrainer, type SentenceFeatures } from './perceptron.ts';

const labels = bilouLabels(['PER']); // O B I L U
const rules = bilouTransitions(labels);
const sentence = (words: string[]): SentenceFeatures => {
  const hashes = words.map((w) => hashString(`w=${w}`));
  return { hashes: Uint32Array.from(hashes), offsets: Int32Array.from({ length: words.length + 1 }, (_, i) => i) };
};
const gold = (names: string[]): Int32Array => Int32Array.from(names, (l) => labels.indexOf(l));

test('the perceptron learns a tiny separable problem and its averaged weights keep it', () => {
  const data = [
    { f: sentence(['ann', 'smiled']), y: gold(['U-PER', 'O']) },
    { f: sentence(['we', 'met', 'ann', 'lee']), y: gold(['O', 'O', 'B-PER', 'L-PER']) },
    { f: sentence(['lee', 'left']), y: gold(['U-PER', 'O']) },
  ];
  const trainer = new PerceptronTrainer(12, labels.length, rules);
  let errors = Infinity;
  for (let epoch = 0; epoch < 10 && errors > 0; epoch++) {
    errors = 0;
    for (const { f, y } of data) errors += trainer.train(f, y, 1);
  }
  assert.equal(errors, 0);
  const weights = trainer.compact();
  for (const { f, y } of data) assert.deepEqual(decodeSentence(weights, rules, f), y);
  // Unknown words carry no weight: the decoder falls back to transitions alone.
  assert.equal(decodeSentence(weights, rules, sentence(['zzz'])).length, 1);
  const doubled = averageWeights([weights, weights]);
  for (const { f, y } of data) assert.deepEqual(decodeSentence(doubled, rules, f), y);
  assert.throws(() => averageWeights([]), TypeError);
});
