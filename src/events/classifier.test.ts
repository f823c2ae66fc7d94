import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventType } from '../doc/doc.ts';
import { chooseThreshold, classify, classifyGated, loadEventClassifier, trainClassifier, type Example } from './classifier.ts';

/** Examples where the rules say `rule`, a feature `cue=…` says the gold type. */
function examples(n: number, rule: EventType, gold: EventType, cue: string): Example[] {
  return Array.from({ length: n }, (_, i) => ({ features: ['bias', `rule=${rule}`, `cue=${cue}`, `n=${i % 7}`], rule, label: gold }));
}

test('the gated classifier changes the rules\' type only by more than its threshold', () => {
  const train = [...examples(30, 'SANCTION', 'SANCTION', 'plain'), ...examples(30, 'ASSAULT', 'FIGHT', 'army')];
  const model = trainClassifier(train);
  const army = ['bias', 'rule=ASSAULT', 'cue=army', 'n=1'];
  assert.equal(classify(model, army), 'FIGHT');
  assert.equal(classifyGated({ ...model, threshold: 0 }, army, 'ASSAULT'), 'FIGHT');
  assert.equal(classifyGated({ ...model, threshold: Infinity }, army, 'ASSAULT'), 'ASSAULT', 'an infinite threshold leaves the rules\' type');
});

test('the threshold is chosen by cross-validation: a classifier that only repeats the rules is never trusted over them', () => {
  // gold always equals the rules' type: no threshold does better than keeping the rules, and ties go to the cautious one
  const same = [...examples(20, 'AGREE', 'AGREE', 'x'), ...examples(20, 'REJECT', 'REJECT', 'y')];
  assert.equal(chooseThreshold(same), Infinity);
  // where a cue reliably corrects the rules, some finite threshold is chosen
  const correcting = [...examples(30, 'SANCTION', 'SANCTION', 'plain'), ...examples(30, 'ASSAULT', 'FIGHT', 'army'), ...examples(30, 'ASSAULT', 'ASSAULT', 'gang')];
  assert.ok(Number.isFinite(chooseThreshold(correcting)));
});

test('the committed model loads with its labels and a threshold (npm run train:events)', () => {
  const model = loadEventClassifier();
  assert.ok(model, 'src/events/model/event-types.model.gz is committed');
  assert.ok(model.threshold > 0);
  assert.ok(model.weights.rows.length > 0);
});
