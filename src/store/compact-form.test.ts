import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { packLabels, packNumbers, packSpans, unpackLabels, unpackNumbers, unpackSpans } from './compact-form.ts';

test('numbers below 32 take one digit, larger ones more, least significant first', () => {
  assert.equal(packNumbers([0, 5, 31]), 'AFf');
  assert.equal(packNumbers([32]), 'gB');
  assert.equal(packNumbers([40]), 'oB');
  assert.deepEqual(unpackNumbers('AFoB'), [0, 5, 40]);
  assert.deepEqual(unpackNumbers(''), []);
});

test('packed numbers are plain JSON string characters', () => {
  const packed = packNumbers([0, 31, 32, 1023, 1024, 2 ** 31, Number.MAX_SAFE_INTEGER]);
  assert.match(packed, /^[A-Za-z0-9_-]+$/);
  assert.equal(JSON.stringify(packed), `"${packed}"`);
});

test('only whole numbers from 0 can be packed, and a damaged list is refused', () => {
  for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) assert.throws(() => packNumbers([bad]), TypeError);
  assert.throws(() => unpackNumbers('A!'), TypeError);
  assert.throws(() => unpackNumbers('Aé'), TypeError);
  assert.throws(() => unpackNumbers('Ag'), TypeError, 'ends on a digit that says more follow');
});

test('property: numbers round-trip', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.nat(64), fc.nat(), fc.maxSafeNat())), (numbers) => {
      assert.deepEqual(unpackNumbers(packNumbers(numbers)), numbers);
    }),
  );
});

test('adjacent spans cost two characters each', () => {
  const spans = [ { start: 0, end: 3 }, { start: 4, end: 9 }, { start: 9, end: 10 } ];
  const packed = packSpans(spans)!;
  assert.equal(packed.length, 6);
  assert.deepEqual(unpackSpans(packed), spans);
  assert.equal(packSpans([]), '');
});

test('property: any whole-number spans round-trip, unsorted and overlapping ones too', () => {
  const span = fc.tuple(fc.nat(2 ** 40), fc.nat(2 ** 20)).map(([start, length]) => ({ start, end: Math.min(2 ** 40, start + length) }));
  const nearby = fc.tuple(fc.nat(200), fc.nat(30)).map(([start, length]) => ({ start, end: start + length }));
  fc.assert(
    fc.property(fc.array(fc.oneof(span, nearby)), (spans) => {
      assert.deepEqual(unpackSpans(packSpans(spans)!), spans);
    }),
  );
});

test('spans the compact form cannot hold are left to the caller', () => {
  assert.equal(packSpans([ { start: 0, end: 2 }, { start: 3, end: 2 } ]), undefined, 'ends before it starts');
  assert.equal(packSpans([ { start: 0.5, end: 2 } ]), undefined);
  assert.equal(packSpans([ { start: -1, end: 2 } ]), undefined);
  assert.throws(() => unpackSpans('AAA'), TypeError, 'an odd count of numbers');
});

test('labels are stored once each, in order of first use', () => {
  const packed = packLabels(['NOUN', 'VERB', 'NOUN', 'PUNCT']);
  assert.deepEqual(packed, { values: ['NOUN', 'VERB', 'PUNCT'], codes: 'ABAC' });
  assert.deepEqual(unpackLabels(packed), ['NOUN', 'VERB', 'NOUN', 'PUNCT']);
  assert.throws(() => unpackLabels({ values: ['NOUN'], codes: 'AB' }), TypeError);
});

test('property: any labels round-trip through JSON, however many distinct values', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('NOUN', 'VERB', 'word', ''), fc.string(), fc.string({ unit: 'binary' }))), (labels) => {
      assert.deepEqual(unpackLabels(JSON.parse(JSON.stringify(packLabels(labels)))), labels);
    }),
  );
  const many = Array.from({ length: 3000 }, (_, i) => `label-${i % 1500}`);
  assert.deepEqual(unpackLabels(packLabels(many)), many);
});
