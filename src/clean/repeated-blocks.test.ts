import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { blockKey } from './repeated-blocks.ts';

test('a block key keeps letters and digits of any script, lower-cased', () => {
  assert.equal(blockKey('The “Envoy”  said: 42%!'), 'theenvoysaid42');
  assert.equal(blockKey('Åsa Ørn — ΣΟΦΊΑ, 東京 ٣ 𝐀𝐁'), 'åsaørnσοφία東京٣𝐀𝐁');
  assert.equal(blockKey(' … — '), '');
});

test('property: the key is the text lower-cased without its non-letters and non-digits', () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit }), fc.string({ unit: fc.constantFrom('a', 'Σ', 'İ', '1', ' ', '’', '\ud835\udc00', '\ud835', 'é') }));
  fc.assert(
    fc.property(text, (t) => {
      assert.equal(blockKey(t), t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
    }),
    { numRuns: 2000 },
  );
});
