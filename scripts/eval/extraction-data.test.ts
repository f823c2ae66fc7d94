import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaredCharset, decodePage } from './extraction-data.ts';

test('decodePage prefers a BOM, then valid UTF-8, then the declared charset, then windows-1252', () => {
  const latin1 = Buffer.from('<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe</p>', 'latin1');
  assert.equal(declaredCharset(latin1), 'iso-8859-1');
  assert.equal(decodePage(latin1), '<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe</p>');
  // declared Latin-1 but served as UTF-8: the bytes win
  const mislabelled = Buffer.from('<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe</p>', 'utf8');
  assert.equal(decodePage(mislabelled), '<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe</p>');
  assert.equal(decodePage(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), 'A');
  assert.equal(decodePage(Buffer.from([0x93, 0x41, 0x94])), '\u201cA\u201d');
});
