import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { binaryKind, decodeBytes, looksBinary } from './decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string): Uint8Array => utf16le(s).map((_, i, a) => a[i % 2 === 0 ? i + 1 : i - 1]);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));

test('valid UTF-8 without a declaration decodes as UTF-8', () => {
  assert.deepEqual(decodeBytes(utf8('Malmö – “quoted”')), { text: 'Malmö – “quoted”', encoding: 'utf-8', warnings: [] });
});

test('a UTF-8 BOM is stripped', () => {
  const result = decodeBytes(concat([0xef, 0xbb, 0xbf], utf8('Åre')));
  assert.equal(result.text, 'Åre');
  assert.equal(result.encoding, 'utf-8');
});

test('UTF-16 LE and BE byte order marks win over declarations', () => {
  const le = decodeBytes(concat([0xff, 0xfe], utf16le('Zürich')), { contentType: 'text/plain; charset=iso-8859-1' });
  assert.deepEqual([le.text, le.encoding], ['Zürich', 'utf-16le']);
  const be = decodeBytes(concat([0xfe, 0xff], utf16be('Zürich')));
  assert.deepEqual([be.text, be.encoding], ['Zürich', 'utf-16be']);
});

test('BOM-less UTF-16 is recognised rather than read as UTF-8 with NULs', () => {
  const result = decodeBytes(utf16le('Plain text from a Windows editor.'));
  assert.equal(result.text, 'Plain text from a Windows editor.');
  assert.equal(result.encoding, 'utf-16le');
  assert.equal(result.warnings.length, 1);
});

test('the Content-Type charset is used, quoted or not', () => {
  const bytes = latin1('café');
  assert.equal(decodeBytes(bytes, { contentType: 'text/plain; charset=ISO-8859-1' }).text, 'café');
  assert.equal(decodeBytes(bytes, { contentType: 'text/plain;charset="latin1"' }).encoding, 'windows-1252');
  // As in browsers, ISO-8859-1 means windows-1252: 0x93/0x94 are curly quotes, not C1 controls.
  assert.equal(decodeBytes(latin1('\x93hi\x94 \x80'), { contentType: 'text/plain; charset=iso-8859-1' }).text, '“hi” €');
  const koi8 = new Uint8Array([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]);
  assert.equal(decodeBytes(koi8, { contentType: 'text/plain; charset=koi8-r' }).text, 'Привет');
});

test('the Content-Type charset wins over a meta declaration', () => {
  const bytes = latin1('<meta charset="utf-8"><p>café</p>');
  const result = decodeBytes(bytes, { contentType: 'text/html; charset=windows-1252', format: 'html' });
  assert.equal(result.text, '<meta charset="utf-8"><p>café</p>');
  assert.deepEqual(result.warnings, []);
});

test('HTML meta charset and http-equiv declarations are read', () => {
  const meta = decodeBytes(latin1('<!doctype html><html><head><meta charset="iso-8859-2"></head><body>\xb1</body>'), { format: 'html' });
  assert.equal(meta.encoding, 'iso-8859-2');
  assert.match(meta.text, /<body>ą<\/body>/);
  const equiv = decodeBytes(
    latin1('<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251"></head>\xcf\xf0\xe8</html>'),
    { contentType: 'text/html' },
  );
  assert.equal(equiv.encoding, 'windows-1251');
  assert.match(equiv.text, /При/);
});

test('a declaration in an HTML comment is ignored', () => {
  const result = decodeBytes(utf8('<!-- <meta charset="koi8-r"> --><p>Привет</p>'), { format: 'html' });
  assert.equal(result.encoding, 'utf-8');
  assert.equal(result.text, '<!-- <meta charset="koi8-r"> --><p>Привет</p>');
});

test('an XML encoding declaration is read', () => {
  const xml = latin1('<?xml version="1.0" encoding="ISO-8859-15"?><rss><title>\xa4 price</title></rss>');
  const result = decodeBytes(xml, { format: 'xml' });
  assert.equal(result.encoding, 'iso-8859-15');
  assert.match(result.text, /€ price/);
});

test('with no hint, a document starting with < is sniffed for a declaration', () => {
  assert.equal(decodeBytes(latin1('  <html><meta charset=latin1>caf\xe9')).text, '  <html><meta charset=latin1>café');
});

test('declarations inside plain text and JSON are not honoured', () => {
  const text = utf8('<meta charset="koi8-r"> is how you declare it');
  assert.equal(decodeBytes(text, { format: 'text' }).encoding, 'utf-8');
  assert.equal(decodeBytes(text, { format: 'json' }).encoding, 'utf-8');
});

test('a declared UTF-16 in an HTML document means UTF-8', () => {
  const result = decodeBytes(utf8('<meta charset="utf-16"><p>ü</p>'), { format: 'html' });
  assert.deepEqual([result.encoding, result.text], ['utf-8', '<meta charset="utf-16"><p>ü</p>']);
});

test('unknown declared charsets are ignored with a warning', () => {
  const header = decodeBytes(utf8('Grüße'), { contentType: 'text/plain; charset=x-klingon' });
  assert.deepEqual([header.text, header.encoding], ['Grüße', 'utf-8']);
  assert.match(header.warnings.join('\n'), /unknown charset "x-klingon" in the Content-Type header/);
  const meta = decodeBytes(latin1('<meta charset="bogus">caf\xe9'), { format: 'html' });
  assert.equal(meta.encoding, 'windows-1252');
  assert.equal(meta.warnings.length, 2);
  assert.match(meta.warnings[0], /unknown charset "bogus" declared in the document/);
});

test('invalid UTF-8 without a declaration falls back to windows-1252 with a warning', () => {
  const result = decodeBytes(latin1('Caf\xe9 \x93quoted\x94 \x80 5'));
  assert.equal(result.text, 'Café “quoted” € 5');
  assert.equal(result.encoding, 'windows-1252');
  assert.match(result.warnings[0], /not valid UTF-8/);
});

test('declared UTF-8 with broken bytes is decoded with replacement characters and a warning', () => {
  const result = decodeBytes(latin1('caf\xe9'), { contentType: 'text/plain; charset=utf-8' });
  assert.equal(result.text, 'caf\ufffd');
  assert.match(result.warnings[0], /invalid utf-8 byte sequences.*Content-Type header/);
});

test('empty input decodes to the empty string', () => {
  assert.deepEqual(decodeBytes(new Uint8Array()), { text: '', encoding: 'utf-8', warnings: [] });
});

test('decodeBytes never throws on arbitrary bytes and hints', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 300 }),
      fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      fc.constantFrom(undefined, 'html', 'text', 'json', 'xml', 'markdown' as const),
      (bytes, contentType, format) => {
        const result = decodeBytes(bytes, { contentType, format });
        assert.equal(typeof result.text, 'string');
        assert.ok(result.encoding.length > 0);
      },
    ),
  );
});

test('decodeBytes rejects a non-byte argument at once', () => {
  assert.throws(() => decodeBytes('text' as unknown as Uint8Array), TypeError);
});

test('looksBinary accepts text in common encodings', () => {
  assert.equal(looksBinary(utf8('Hello\tworld\r\n\fNext page\x1b[0m')), false);
  assert.equal(looksBinary(latin1('Caf\xe9 \x93quoted\x94')), false);
  assert.equal(looksBinary(concat([0xff, 0xfe], utf16le('Hello'))), false);
  assert.equal(looksBinary(utf16le('Hello, BOM-less UTF-16 world')), false);
  assert.equal(looksBinary(new Uint8Array()), false);
});

test('looksBinary rejects NUL bytes, control characters and known file signatures', () => {
  assert.equal(looksBinary(utf8('text\0with a NUL')), true);
  assert.equal(binaryKind(concat(utf8('ab'), [1, 2, 3, 4, 5, 6, 7, 8], utf8('cdefgh'))), 'binary data');
  assert.equal(binaryKind(concat([0x89], utf8('PNG\r\n'), [0x1a, 0x0a, 0, 0, 0, 0x0d])), 'a PNG image');
  assert.equal(binaryKind(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'a PDF document');
  assert.equal(binaryKind(new Uint8Array([0x1f, 0x8b, 8, 0])), 'gzip-compressed data');
});

test('looksBinary only reads the first 8 KB', () => {
  const late = concat(utf8('a'.repeat(9000)), [0, 0, 0]);
  assert.equal(looksBinary(late), false);
});
