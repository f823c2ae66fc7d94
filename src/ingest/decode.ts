/** What the caller knows about some bytes before decoding them. */
export interface DecodeHint {
  /** A Content-Type header value, e.g. `text/html; charset=iso-8859-1`. */
  contentType?: string;
  format?: 'html' | 'text' | 'json' | 'xml' | 'markdown';
}

/** Decoded text, the WHATWG name of the encoding used (`utf-8`, `windows-1252`...) and what went wrong. */
export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

/** How far into a document an HTML or XML charset declaration is looked for. */
const DECLARATION_WINDOW = 2048;
/** How much of a file the binary and UTF-16 sniffers look at. */
const SNIFF_WINDOW = 8192;
/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.1;

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** File signatures worth naming in an error message. */
const SIGNATURES: readonly { bytes: readonly number[]; kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (or a .docx/.xlsx/.epub file)' },
  { bytes: [0x1f, 0x8b], kind: 'gzip-compressed data' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Microsoft Office document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'an executable (ELF)' },
];

/**
 * windows-1252 bytes 0x80–0x9F (WHATWG index). Node 20's TextDecoder reads windows-1252 as
 * ISO-8859-1, turning curly quotes and the euro sign into C1 controls, so it is done here.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Markup formats whose charset may be declared inside the document. */
const MARKUP_FORMATS = new Set(['html', 'xml']);

/**
 * Decodes the bytes of an article to text, deciding the encoding the way a browser would:
 * a byte order mark, then the charset of the Content-Type header, then (for HTML and XML) a
 * `<meta charset>`, `<meta http-equiv>` or `<?xml encoding?>` in the first 2 KB, then UTF-8
 * if the bytes are valid UTF-8 (after a check for BOM-less UTF-16), else windows-1252.
 * Unknown declared charsets are skipped. Never throws on bad input: guesses and repairs are
 * listed in `warnings`. A byte order mark is stripped. Call `looksBinary` first to refuse
 * files that are not text at all.
 *
 * @example decodeBytes(bytes, { contentType: 'text/html; charset=iso-8859-1' }).text
 */
export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): DecodedText {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('decodeBytes needs a Uint8Array');
  const warnings: string[] = [];

  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return decodeAs(bytes, bom.encoding, 'its byte order mark', warnings);

  const header = hint.contentType === undefined ? undefined : charsetOf(hint.contentType);
  if (header !== undefined) {
    const encoding = encodingFor(header);
    if (encoding) return decodeAs(bytes, encoding, 'the Content-Type header', warnings);
    warnings.push(`unknown charset "${header}" in the Content-Type header; ignored`);
  }

  if (isMarkup(bytes, hint)) {
    const declared = declaredCharset(bytes);
    if (declared !== undefined) {
      // The HTML standard reads a declared UTF-16 in ASCII-compatible bytes as UTF-8.
      const encoding = encodingFor(declared)?.replace(/^utf-16(le|be)$/, 'utf-8');
      if (encoding) return decodeAs(bytes, encoding, 'the document', warnings);
      warnings.push(`unknown charset "${declared}" declared in the document; ignored`);
    }
  }

  // Before the UTF-8 check: ASCII in UTF-16 is also valid UTF-8, with a NUL in every other place.
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    warnings.push(`no byte order mark or charset, but the bytes look like ${utf16.toUpperCase()}; decoded as such`);
    return decodeAs(bytes, utf16, 'its byte pattern', warnings);
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', warnings };

  warnings.push('not valid UTF-8 and no charset declared; decoded as windows-1252');
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings };
}

/**
 * What kind of binary file the bytes look like (`a PDF document`, `a PNG image`...,
 * or `binary data`), or null when they look like text. Reads at most the first 8 KB.
 *
 * @example const kind = binaryKind(bytes); if (kind) throw new IngestError('binary', `${path}: looks like ${kind}, not text`);
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return signature.kind;
  // UTF-16 text is full of NUL bytes and still text.
  if (BOMS.some((b) => startsWith(bytes, b.bytes)) || sniffUtf16(bytes)) return null;
  const head = bytes.subarray(0, SNIFF_WINDOW);
  if (head.length === 0) return null;
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary data';
    if (isControl(byte)) controls++;
  }
  return controls / head.length > MAX_CONTROL_SHARE ? 'binary data' : null;
}

/**
 * True when the bytes look like a binary file rather than text: a known file signature, NUL
 * bytes, or many control characters in the first 8 KB. UTF-16 text is not binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  return binaryKind(bytes) !== null;
}

function decodeAs(bytes: Uint8Array, encoding: string, source: string, warnings: string[]): DecodedText {
  const decoder = new TextDecoder(encoding);
  // Every byte has a meaning in windows-1252, so it cannot fail.
  if (decoder.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: decoder.encoding, warnings };
  const strict = tryDecode(bytes, decoder.encoding);
  if (strict !== undefined) return { text: strict, encoding: decoder.encoding, warnings };
  warnings.push(
    `invalid ${decoder.encoding} byte sequences (encoding taken from ${source}); replaced with U+FFFD`,
  );
  return { text: decoder.decode(bytes), encoding: decoder.encoding, warnings };
}

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The WHATWG encoding name for a charset label, or undefined when Node does not know it. */
function encodingFor(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type value, unquoted. */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const charset = match?.[1] ?? match?.[2];
  return charset ? charset : undefined;
}

function isMarkup(bytes: Uint8Array, hint: DecodeHint): boolean {
  if (hint.format !== undefined) return MARKUP_FORMATS.has(hint.format);
  const type = hint.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type) return type.includes('html') || type.includes('xml');
  // Format unknown: markup starts with `<` after optional whitespace.
  const first = bytes.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  return first === 0x3c;
}

/** The charset an HTML or XML document declares in its first 2 KB. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one character, so ASCII declarations read the same in any
  // ASCII-compatible encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)/i.exec(head);
  if (xml) return xml[1];
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag);
    if (charset) return charset[1];
  }
  return undefined;
}

/** `utf-16le` or `utf-16be` when the first 8 KB look like BOM-less UTF-16 text, else null. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_WINDOW) / 2);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  // Latin-script UTF-16 has a zero in nearly every other byte and almost none in between.
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; and DEL. */
function isControl(byte: number): boolean {
  return (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) || byte === 0x7f;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
