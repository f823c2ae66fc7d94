import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { IngestError } from './ingest-error.ts';
import { gunzipInput, isGzip, withoutGz } from './gunzip.ts';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

test('withoutGz names what a compressed file holds', () => {
  assert.equal(withoutGz('pages/a.html.gz'), 'pages/a.html');
  assert.equal(withoutGz('EXPORT.JSONL.GZ'), 'EXPORT.JSONL');
  assert.equal(withoutGz('a.gzip'), 'a.gzip');
  assert.equal(withoutGz('a.html'), 'a.html');
});

test('gunzipInput decompresses every member and passes other bytes through', () => {
  const page = '<p>Grüße aus Lorvane</p>';
  assert.ok(isGzip(gzipSync(page)));
  assert.equal(text(gunzipInput(gzipSync(page), 'a.html.gz', 1000)), page);
  assert.equal(text(gunzipInput(Buffer.concat([gzipSync('{"text":"one"}\n'), gzipSync('{"text":"two"}\n')]), 'a.jsonl.gz', 1000)), '{"text":"one"}\n{"text":"two"}\n');
  const plain = Buffer.from('plain text, not compressed');
  assert.equal(gunzipInput(plain, 'a.txt.gz', 10), plain);
  assert.equal(isGzip(Buffer.from([0x1f])), false);
});

test('gunzipInput stops at the limit (too-large) and names damaged data (parse)', () => {
  const bomb = gzipSync(Buffer.alloc(5_000_000, 0x61));
  assert.ok(bomb.length < 10_000);
  assert.throws(
    () => gunzipInput(bomb, 'bomb.html.gz', 1024 * 1024),
    (e: unknown) => e instanceof IngestError && e.code === 'too-large' && e.message === 'bomb.html.gz: decompresses to more than the limit of 1 MB',
  );
  const cut = gzipSync('<p>' + 'word '.repeat(1000) + '</p>').subarray(0, 40);
  assert.throws(
    () => gunzipInput(cut, 'cut.html.gz', 1024 * 1024),
    (e: unknown) => e instanceof IngestError && e.code === 'parse' && /^cut\.html\.gz: gzip-compressed, but damaged \(/.test(e.message),
  );
});
