import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { packText, unpackText } from './packed-text.ts';

test('long texts are packed smaller and read back the same; short ones stay strings', () => {
  const page = `<html><body>${'<p>Die Waffenruhe hält – «noch», sagt 和平 😀</p>\n'.repeat(200)}</body></html>`;
  const packed = packText(page);
  assert.ok(Buffer.isBuffer(packed));
  assert.ok(packed.length < Buffer.byteLength(page) / 10, `${packed.length} bytes`);
  assert.equal(unpackText(packed), page);
  assert.equal(packText('short text'), 'short text');
  assert.equal(unpackText('written by an older Dossier'), 'written by an older Dossier');
});

test('property: any text reads back as it was written', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.integer({ min: 1, max: 4 }), (s, times) => {
      const text = s.repeat(times);
      assert.equal(unpackText(packText(text)), text);
    }),
    { numRuns: 200, seed: 11 },
  );
});
