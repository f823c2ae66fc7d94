import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PageMetadata, SegmentItem } from './extraction-scoring.ts';

/** One page of the trafilatura benchmark. */
export interface TrafilaturaPage extends SegmentItem {
  url: string;
  file: string;
  html: string;
}

/** One page of Readability's test suite. */
export interface ReadabilityPage {
  name: string;
  html: string;
  expectedHtml: string;
  /** expected-metadata.json: what Readability's tests expect its metadata to be ({} when absent). */
  expectedMetadata: PageMetadata;
}

/** The charset a page declares in its first bytes (meta charset, http-equiv, XML prolog). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** Code points of bytes 0x80–0x9F in windows-1252 (0 where the byte is unassigned). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Decodes windows-1252, which browsers use for pages labelled Latin-1 (Node's TextDecoder
 * treats the label as ISO-8859-1 and leaves the curly quotes of 0x80–0x9F as C1 controls).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f && CP1252_HIGH[b - 0x80] ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii', 'x-cp1252']);

/**
 * Decodes the bytes of a web page: a BOM wins, then valid UTF-8, then the declared charset
 * (Latin-1 labels read as windows-1252, as browsers do), then windows-1252. Valid UTF-8 beats a declared
 * Latin-1 because many pages declare one and serve the other.
 */
export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = declaredCharset(bytes);
    // mostly UTF-8 with a few stray bytes: keep it UTF-8, as browsers do
    if (declared && /^utf-?8$/.test(declared)) return new TextDecoder('utf-8').decode(bytes);
    try {
      if (declared && !/^utf-?8$/.test(declared) && !LATIN1_LABELS.has(declared)) return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label: fall through to the Latin-1 default
    }
    return decodeWindows1252(bytes);
  }
}

function readMaybeGzipped(path: string): Uint8Array | null {
  if (existsSync(`${path}.gz`)) return gunzipSync(readFileSync(`${path}.gz`));
  if (existsSync(path)) return readFileSync(path);
  return null;
}

/** Loads the trafilatura benchmark from `dir` (evaldata.json and html/*.html.gz). */
export function loadTrafilatura(dir: string): TrafilaturaPage[] {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>;
  const pages: TrafilaturaPage[] = [];
  for (const [url, item] of Object.entries(data)) {
    const bytes = readMaybeGzipped(join(dir, 'html', item.file));
    if (!bytes) continue;
    pages.push({ url, file: item.file, with: item.with, without: item.without, html: decodePage(bytes) });
  }
  return pages;
}

/** Loads Readability's test pages from `dir` (pages/<case>/source.html(.gz), expected.html(.gz), expected-metadata.json). */
export function loadReadability(dir: string): ReadabilityPage[] {
  const root = join(dir, 'pages');
  const pages: ReadabilityPage[] = [];
  for (const name of readdirSync(root).sort()) {
    const source = readMaybeGzipped(join(root, name, 'source.html'));
    const expected = readMaybeGzipped(join(root, name, 'expected.html'));
    if (!source || !expected) continue;
    const metadata = readMaybeGzipped(join(root, name, 'expected-metadata.json'));
    const expectedMetadata = metadata ? (JSON.parse(Buffer.from(metadata).toString('utf8')) as PageMetadata) : {};
    pages.push({ name, html: decodePage(source), expectedHtml: decodePage(expected), expectedMetadata });
  }
  return pages;
}
