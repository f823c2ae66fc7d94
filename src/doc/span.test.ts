import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { firstEndingAfter, itemAt, lastStartingAtOrBefore, type Span } from './span.ts';

/** A sorted, non-overlapping layer from gaps and lengths. */
const layerArb = fc.array(fc.tuple(fc.nat({ max: 5 }), fc.integer({ min: 1, max: 6 })), { maxLength: 30 }).map((parts) => {
  const items: Span[] = [];
  let at = 0;
  for (const [gap, length] of parts) {
    items.push({ start: at + gap, end: at + gap + length });
    at += gap + length;
  }
  return items;
});

test('the binary searches over a layer agree with a scan', () => {
  fc.assert(
    fc.property(layerArb, fc.integer({ min: -2, max: 250 }), (items, offset) => {
      const scanFirst = items.findIndex((s) => s.end > offset);
      assert.equal(firstEndingAfter(items, offset), scanFirst < 0 ? items.length : scanFirst);
      let scanLast = -1;
      items.forEach((s, i) => {
        if (s.start <= offset) scanLast = i;
      });
      assert.equal(lastStartingAtOrBefore(items, offset), scanLast);
      assert.equal(itemAt(items, offset), items.find((s) => s.start <= offset && offset < s.end));
    }),
  );
});
