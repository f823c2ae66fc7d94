import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headWord, matchActors, prf, sameActor, scoreTypes } from './score.ts';

test('type scores: accuracy, micro F1 with misses as false negatives only, macro F1 over gold labels', () => {
  const s = scoreTypes([
    { gold: 'AGREE', predicted: 'AGREE' },
    { gold: 'AGREE', predicted: 'CONSULT' },
    { gold: 'CONSULT', predicted: null },
    { gold: 'CONSULT', predicted: 'CONSULT' },
  ]);
  assert.equal(s.accuracy, 0.5);
  assert.deepEqual([s.micro.tp, s.micro.fp, s.micro.fn], [2, 1, 2]);
  assert.equal(s.perLabel.get('AGREE')!.f1, prf(1, 0, 1).f1);
  assert.equal(s.perLabel.get('CONSULT')!.f1, prf(1, 1, 1).f1);
  assert.equal(s.macroF1, (prf(1, 0, 1).f1 + prf(1, 1, 1).f1) / 2);
});

test('actors match on their head words', () => {
  assert.equal(headWord('U.S. Secretary of State Warren Christopher'), 'secretary');
  assert.equal(headWord("Taiwan's Vice Foreign Minister"), 'minister');
  assert.ok(sameActor('President Obama', 'Obama'));
  assert.ok(sameActor('Moroccan diplomats', 'A group of Moroccan diplomats'));
  assert.ok(!sameActor('Russia', 'Ukraine'));
  assert.deepEqual(matchActors(['Hungarian', 'Romanian'], ['Romanian officials', 'Hungarian']), [[0, 1], [1, 0]]);
  assert.deepEqual(matchActors(['Iraq'], []), []);
});
