import type { DocMeta, SourceFormat } from '../doc/doc.ts';
import { binaryKind, decodeBytes, looksBinary } from './decode.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { withoutGz } from './gunzip.ts';
import { IngestError } from './ingest-error.ts';

/** One article to process: its raw input, how it is written, what is known about it. */
export interface InputRecord {
  raw: string;
  format: SourceFormat;
  meta: DocMeta;
}

/** One record of an input: where it sits (`file.jsonl:3`, `feed.xml#2`) and the article or why it failed. */
export type Located = { where: string } & ({ record: InputRecord } | { error: IngestError });

/** What a loaded input holds: articles (or per-record errors) and addresses to fetch. */
export interface LoadedInput {
  records: Located[];
  urls: string[];
  warnings: string[];
}

/** What is known about a loaded input besides its bytes. */
export interface InputOrigin {
  /** A file path, a URL, or `-`. */
  name: string;
  contentType?: string;
  url?: string;
}

type Container = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'feed' | 'urls';

const BY_EXTENSION: ReadonlyArray<[RegExp, Container]> = [
  [/\.(?:txt|text)$/i, 'text'],
  [/\.(?:md|markdown)$/i, 'markdown'],
  [/\.(?:html?|xhtml)$/i, 'html'],
  [/\.json$/i, 'json'],
  [/\.(?:jsonl|ndjson)$/i, 'jsonl'],
  [/\.(?:xml|rss|atom)$/i, 'feed'],
  [/\.urls$/i, 'urls'],
];

const BY_CONTENT_TYPE: ReadonlyArray<[RegExp, Container]> = [
  [/^text\/html|^application\/xhtml/i, 'html'],
  [/^text\/markdown/i, 'markdown'],
  [/^application\/(?:x-)?ndjson/i, 'jsonl'],
  [/^application\/json/i, 'json'],
  [/^application\/(?:rss|atom)\+xml|^(?:application|text)\/xml/i, 'feed'],
  [/^text\/plain/i, 'text'],
];

const URL_LINE = /^https?:\/\/\S+$/i;

/** The fields a JSON record may carry, and the DocMeta field each fills. */
const RECORD_FIELDS: ReadonlyArray<[string, keyof DocMeta]> = [
  ['title', 'title'],
  ['url', 'url'],
  ['published', 'published'],
  ['outlet', 'outlet'],
  ['language', 'language'],
  ['byline', 'byline'],
  ['author', 'byline'],
  ['description', 'description'],
];

function containerOf(origin: InputOrigin, text: string): Container {
  const path = withoutGz(origin.url ? new URL(origin.url).pathname : origin.name);
  if (origin.contentType) {
    for (const [re, kind] of BY_CONTENT_TYPE) if (re.test(origin.contentType)) return kind === 'text' && /\.(?:md|markdown)$/i.test(path) ? 'markdown' : kind;
  }
  for (const [re, kind] of BY_EXTENSION) if (re.test(path)) return kind;
  // no telling name: look at the content
  const head = text.slice(0, 2000).trimStart();
  if (looksLikeFeed(head)) return 'feed';
  if (/^(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(head)) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) return head.startsWith('{') && /}\s*\n\s*{/.test(text.slice(0, 100_000)) ? 'jsonl' : 'json';
  return 'text';
}

/** Normalises a date a source gave to ISO 8601, keeping date-only values as dates. */
export function normalizeDate(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function located(where: string, result: InputRecord | IngestError): Located {
  return result instanceof IngestError ? { where, error: result } : { where, record: result };
}

function recordFromJson(value: unknown, where: string): InputRecord | IngestError {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return new IngestError('parse', `${where}: expected an object with "text" or "html"`);
  }
  const obj = value as Record<string, unknown>;
  const html = typeof obj.html === 'string' ? obj.html : undefined;
  const text = typeof obj.text === 'string' ? obj.text : typeof obj.content === 'string' ? obj.content : undefined;
  const raw = html ?? text;
  if (raw === undefined) return new IngestError('parse', `${where}: the record has neither "text" nor "html"`);
  if (!raw.trim()) return new IngestError('empty', `${where}: the record's ${html !== undefined ? 'html' : 'text'} is empty`);
  const meta: DocMeta = {};
  for (const [field, key] of RECORD_FIELDS) {
    const v = obj[field];
    if (typeof v === 'string' && v.trim() && meta[key] === undefined) (meta as Record<string, string>)[key] = v.trim();
  }
  if (meta.published) meta.published = normalizeDate(meta.published) ?? meta.published;
  return { raw, format: html !== undefined ? 'html' : 'text', meta };
}

function jsonRecords(text: string, name: string): Located[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return [{ where: name, error: new IngestError('parse', `${name}: not valid JSON (${(e as Error).message})`) }];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.map((v, i) => {
    const where = Array.isArray(value) ? `${name}[${i}]` : name;
    return located(where, recordFromJson(v, where));
  });
}

function jsonlRecords(text: string, name: string): Located[] {
  const out: Located[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${name}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      out.push({ where, error: new IngestError('parse', `${where}: line ${i + 1} is not valid JSON (${(e as Error).message})`) });
      return;
    }
    out.push(located(where, recordFromJson(value, where)));
  });
  return out;
}

function feedRecords(text: string, name: string): Located[] {
  const feed = parseFeed(text);
  return feed.items.map((item, i): Located => {
    const raw = item.html ?? item.text;
    const where = `${name}#${i + 1}`;
    if (!raw || !raw.trim()) return { where, error: new IngestError('empty', `${where}: feed item ${JSON.stringify(item.title ?? '')} carries no content`) };
    const meta: DocMeta = {};
    if (item.title) meta.title = item.title;
    if (item.url) meta.url = item.url;
    if (item.published) meta.published = item.published;
    if (item.author) meta.byline = item.author;
    if (feed.title) meta.outlet = feed.title;
    return { where, record: { raw, format: item.html ? 'html' : 'text', meta } };
  });
}

/**
 * Turns the bytes of one input into the articles it holds: one for a text, Markdown or HTML
 * file, one per record for JSON and JSONL (a broken line becomes an error naming its line and
 * the rest go on), one per item for RSS and Atom feeds, and addresses for a list of URLs.
 * Binary and empty inputs are errors with a clear reason.
 *
 * @example loadInput(bytes, { name: 'export.jsonl' }).records
 */
export function loadInput(bytes: Uint8Array, origin: InputOrigin): LoadedInput {
  const failed = (error: IngestError, warnings: string[] = []): LoadedInput => ({ records: [{ where: origin.name, error }], urls: [], warnings });
  if (bytes.length === 0) return failed(new IngestError('empty', `${origin.name}: the input is empty`));
  if (looksBinary(bytes)) {
    const kind = binaryKind(bytes);
    return failed(new IngestError('binary', `${origin.name}: ${kind ? `looks like ${kind}` : 'looks like binary data'}, not text`));
  }
  const guess = containerOf(origin, '');
  const hintFormat = guess === 'feed' ? 'xml' : guess === 'jsonl' || guess === 'json' ? 'json' : guess === 'urls' ? 'text' : guess;
  const decoded = decodeBytes(bytes, { ...(origin.contentType ? { contentType: origin.contentType } : {}), format: hintFormat });
  const text = decoded.text;
  const warnings = decoded.warnings.map((w) => `${origin.name}: ${w}`);
  if (!text.trim()) return failed(new IngestError('empty', `${origin.name}: the input holds only white space`), warnings);
  const kind = containerOf(origin, text);
  const base: DocMeta = origin.url ? { url: origin.url } : {};
  switch (kind) {
    case 'json':
      return { records: withBase(jsonRecords(text, origin.name), base), urls: [], warnings };
    case 'jsonl':
      return { records: withBase(jsonlRecords(text, origin.name), base), urls: [], warnings };
    case 'feed':
      try {
        return { records: feedRecords(text, origin.name), urls: [], warnings };
      } catch (e) {
        return failed(e instanceof IngestError ? e : new IngestError('parse', `${origin.name}: not a readable feed (${(e as Error).message})`), warnings);
      }
    case 'urls':
    case 'text': {
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      if (kind === 'urls' || (lines.length > 0 && lines.every((l) => URL_LINE.test(l)))) return { records: [], urls: lines.filter((l) => URL_LINE.test(l)), warnings };
      return { records: [{ where: origin.name, record: { raw: text, format: 'text', meta: { ...base } } }], urls: [], warnings };
    }
    default:
      return { records: [{ where: origin.name, record: { raw: text, format: kind, meta: { ...base } } }], urls: [], warnings };
  }
}

function withBase(records: Located[], base: DocMeta): Located[] {
  return records.map((r) => ('record' in r ? { where: r.where, record: { ...r.record, meta: { ...base, ...r.record.meta } } } : r));
}
