import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { identityMap, packMap, sliceMap, spanToRaw, toRaw, unpackMap } from './offset-map.ts';

test('identity map sends every offset to itself', () => {
  const map = identityMap(10);
  for (let i = 0; i <= 10; i++) assert.equal(toRaw(map, i, 'start'), i);
  assert.deepEqual(spanToRaw(map, { start: 3, end: 7 }), { start: 3, end: 7 });
});

test('a sliced map follows the pieces to their raw places', () => {
  // raw "aaa XXX bbb" → clean "aaa\n\nbbb"
  const map = sliceMap(identityMap(11), [
    { from: 0, to: 3, at: 0 },
    { from: 8, to: 11, at: 5 },
  ]);
  assert.deepEqual(spanToRaw(map, { start: 5, end: 8 }), { start: 8, end: 11 });
  assert.deepEqual(spanToRaw(map, { start: 1, end: 7 }), { start: 1, end: 10 });
  // the inserted separator maps between the two pieces
  assert.equal(toRaw(map, 4, 'start'), 8);
});

test('an atomic segment (a decoded entity) maps to its whole raw run', () => {
  // raw "a &amp; b" → clean "a & b"
  const map = { segments: [ { clean: 0, raw: 0, length: 2, rawLength: 2 }, { clean: 2, raw: 2, length: 1, rawLength: 5 }, { clean: 3, raw: 7, length: 2, rawLength: 2 } ] };
  assert.deepEqual(spanToRaw(map, { start: 2, end: 3 }), { start: 2, end: 7 });
  assert.deepEqual(spanToRaw(map, { start: 0, end: 5 }), { start: 0, end: 9 });
});

test('pack and unpack are inverses', () => {
  const map = sliceMap(identityMap(50), [ { from: 2, to: 10, at: 0 }, { from: 20, to: 30, at: 10 } ]);
  assert.deepEqual(unpackMap(packMap(map)), map);
  assert.throws(() => unpackMap([1, 2, 3]), TypeError);
});

test('property: slicing twice composes, and every span maps inside the raw text', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { minLength: 2, maxLength: 10 }), (raw, cuts) => {
      const points = [...new Set(cuts.map((c) => c % (raw.length + 1)))].sort((a, b) => a - b);
      const pieces: { from: number; to: number; at: number }[] = [];
      let at = 0;
      let clean = '';
      for (let i = 0; i + 1 < points.length; i += 2) {
        pieces.push({ from: points[i], to: points[i + 1], at });
        clean += raw.slice(points[i], points[i + 1]);
        at += points[i + 1] - points[i];
      }
      const map = sliceMap(identityMap(raw.length), pieces);
      for (const p of pieces) {
        const span = spanToRaw(map, { start: p.at, end: p.at + (p.to - p.from) });
        assert.equal(raw.slice(span.start, span.end), clean.slice(p.at, p.at + (p.to - p.from)));
      }
    }),
  );
});
