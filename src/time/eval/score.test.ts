import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCounts, compareTimexes, emptyCounts, measures, prf, type ScoredTimex } from './score.ts';

const span = (start: number, end: number, value?: string, type?: string): ScoredTimex => ({ start, end, ...(value === undefined ? {} : { value }), ...(type === undefined ? {} : { type }) });

function near(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
}

test('strict and relaxed P/R/F1: exact offsets against any overlap, precision over system and recall over gold', () => {
  const gold = [span(0, 10), span(20, 30), span(40, 50)];
  const system = [span(0, 10), span(22, 28), span(60, 65), span(70, 75)];
  const c = compareTimexes(gold, system).counts;
  assert.equal(c.strict, 1);
  assert.equal(c.relaxed, 2);
  const m = measures(c);
  near(m.strict.p, 1 / 4, 'strict P');
  near(m.strict.r, 1 / 3, 'strict R');
  near(m.strict.f1, (2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3), 'strict F1');
  near(m.relaxed.p, 2 / 4, 'relaxed P');
  near(m.relaxed.r, 2 / 3, 'relaxed R');
  near(m.relaxed.f1, (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 'relaxed F1');
});

test('spans are end-exclusive: touching is not overlapping', () => {
  const c = compareTimexes([span(0, 5)], [span(5, 10)]).counts;
  assert.equal(c.relaxed, 0);
  assert.deepEqual(compareTimexes([span(0, 5)], [span(4, 10)]).pairs, [{ gold: 0, system: 0 }]);
});

test('relaxed matching is one-to-one: one system span over two gold spans matches one of them', () => {
  const wide = compareTimexes([span(0, 5), span(6, 10)], [span(0, 10)]);
  assert.equal(wide.counts.relaxed, 1);
  assert.deepEqual(wide.missed, [1]);
  near(measures(wide.counts).relaxed.r, 0.5, 'relaxed R');
  const split = compareTimexes([span(0, 10)], [span(0, 4), span(5, 10)]);
  assert.equal(split.counts.relaxed, 1);
  assert.equal(split.spurious.length, 1);
  near(measures(split.counts).relaxed.p, 0.5, 'relaxed P');
});

test('relaxed matching is maximal, where taking the largest overlap first would not be', () => {
  // X overlaps A by 5 and B by 1; Y overlaps only A. Greedy by overlap pairs X-A and leaves Y and B.
  const c = compareTimexes([span(0, 10), span(9, 12)], [span(5, 10), span(0, 3)]);
  assert.equal(c.counts.relaxed, 2);
  assert.deepEqual(c.pairs, [{ gold: 0, system: 1 }, { gold: 1, system: 0 }]);
});

test('exact pairs are kept where another pairing is as large, and attributes are read from them', () => {
  // Y contains A and overlaps it as much as X, which is A exactly; Y comes first.
  const tie = compareTimexes([span(0, 6, 'a', 'DATE')], [span(0, 10, 'b', 'TIME'), span(0, 6, 'a', 'DATE')]);
  assert.deepEqual(tie.pairs, [{ gold: 0, system: 1 }]);
  assert.deepEqual([tie.counts.valueCorrect, tie.counts.typeCorrect], [1, 1]);
  // A comes first and overlaps X, which is B exactly: X goes to B.
  const order = compareTimexes([span(0, 10, 'a'), span(5, 10, 'b')], [span(5, 10, 'b')]);
  assert.deepEqual(order.pairs, [{ gold: 1, system: 0 }]);
  assert.equal(order.counts.valueCorrect, 1);
});

test('a span the system gives twice matches the gold span once, strictly too', () => {
  const c = compareTimexes([span(0, 5)], [span(0, 5), span(0, 5)]).counts;
  assert.equal(c.strict, 1);
  assert.equal(c.relaxed, 1);
  near(measures(c).strict.p, 0.5, 'strict P');
});

test('accuracy is over relaxed matches; attribute F1 is over system and gold timexes (TempEval-3)', () => {
  const gold = [span(0, 5, '2013', 'DATE'), span(10, 15, 'P1D', 'DURATION'), span(20, 25, '2013-03', 'DATE'), span(30, 35, 'PAST_REF', 'DATE')];
  const system = [
    span(0, 5, '2013', 'DATE'), //          type right, value right
    span(10, 15, 'P2D', 'DURATION'), //     type right, value wrong
    span(21, 25, '2013-04', 'TIME'), //    type wrong, value wrong
    span(40, 45, '2014', 'DATE'), //        spurious
    span(50, 55, '2015', 'DATE'), //        spurious
  ];
  const c = compareTimexes(gold, system).counts;
  assert.deepEqual([c.relaxed, c.typeCorrect, c.valueCorrect], [3, 2, 1]);
  const m = measures(c);
  near(m.typeAccuracy, 2 / 3, 'type accuracy');
  near(m.valueAccuracy, 1 / 3, 'value accuracy');
  near(m.typeF1?.p, 2 / 5, 'type P');
  near(m.typeF1?.r, 2 / 4, 'type R');
  near(m.typeF1?.f1, (2 * 0.4 * 0.5) / 0.9, 'type F1');
  near(m.valueF1.p, 1 / 5, 'value P');
  near(m.valueF1.r, 1 / 4, 'value R');
  near(m.valueF1.f1, (2 * 0.2 * 0.25) / 0.45, 'value F1');
});

test('values compare as exact strings', () => {
  const c = compareTimexes([span(0, 5, '2013-03-22')], [span(0, 5, '2013-03-22T00:00')]).counts;
  assert.equal(c.valueCorrect, 0);
});

test('gold without type (TIMEX2) leaves type measures out; gold without value counts in recall only', () => {
  const gold = [span(0, 5, '1939'), span(10, 15)];
  const system = [span(0, 5, '1939', 'DATE'), span(10, 15, 'XXXX', 'DATE')];
  const m = measures(compareTimexes(gold, system).counts);
  assert.equal(m.typeAccuracy, null);
  assert.equal(m.typeF1, null);
  near(m.valueAccuracy, 1, 'value accuracy over matches with a gold value');
  near(m.valueF1.r, 1 / 2, 'value R over all gold');
});

test('documents add up before dividing (micro-average), and empty answers score 0', () => {
  const a = compareTimexes([span(0, 5)], [span(0, 5)]).counts;
  const b = compareTimexes([span(0, 5), span(10, 15), span(20, 25)], [span(30, 35)]).counts;
  const m = measures(addCounts(addCounts(emptyCounts(), a), b));
  near(m.strict.r, 1 / 4, 'micro R'); // the macro average would be (1 + 0) / 2
  near(m.strict.p, 1 / 2, 'micro P');
  const none = measures(compareTimexes([span(0, 5, 'x', 'DATE')], []).counts);
  assert.deepEqual(none.relaxed, { p: 0, r: 0, f1: 0 });
  assert.equal(none.valueAccuracy, null);
  assert.deepEqual(prf(0, 0, 0), { p: 0, r: 0, f1: 0 });
});
