import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { withoutGz } from './gunzip.ts';
import { IngestError } from './ingest-error.ts';

/**
 * One place articles come from, before it is read: a file, a URL, standard input, or the bytes
 * of a file sent to the server (`upload`: its name, without any folder, stands for a path).
 */
export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'stdin' }
  | { kind: 'upload'; name: string; bytes: Uint8Array };

/**
 * What ingest takes: what a user typed (a path, folder, glob, URL or `-`, read as expandInputs
 * says), or a source already known to be what it is (a URL pasted into the page is fetched as a
 * URL and never read as a path; an upload is its own bytes).
 */
export type IngestInput = string | Source;

/** The longest name an upload keeps (its ending tells its format; the name is for messages). */
const MAX_UPLOAD_NAME = 200;

/**
 * File name endings a folder walk picks up, also gzip-compressed (`page.html.gz`); other files
 * in a folder are passed over, and counted.
 */
export const INGESTIBLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.json', '.jsonl', '.ndjson', '.xml', '.rss', '.atom', '.urls'];

/** Files a folder walk passes over: a folder's own notes are not articles. */
const NOT_ARTICLES = /^(?:readme|license|licence|changelog)(?:\.[a-z]+)?$/i;
const GLOB_CHARS = /[*?[\]{}]/;
const URL_START = /^https?:\/\//i;

/** How a source is named in messages and in the store. */
export function sourceName(source: Source): string {
  return source.kind === 'file' ? source.path : source.kind === 'url' ? source.url : source.kind === 'upload' ? source.name : '-';
}

/**
 * An uploaded file as a source: the name a browser or client gave it, reduced to a file name
 * (no folders, no control characters, at most 200 characters, keeping its ending), so that it
 * reads well in messages and tells the format as a file's name does.
 *
 * @example uploadSource('../notes/talks.html', bytes) // { kind: 'upload', name: 'talks.html', bytes }
 */
export function uploadSource(name: string, bytes: Uint8Array): Source {
  if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) throw new TypeError('uploadSource needs a name and a Uint8Array');
  let base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (base.length > MAX_UPLOAD_NAME) {
    const ending = /(?:\.[A-Za-z0-9]{1,10}){1,2}$/.exec(base)?.[0] ?? '';
    base = `${base.slice(0, MAX_UPLOAD_NAME - ending.length - 1)}…${ending}`;
  }
  return { kind: 'upload', name: base && base !== '-' ? base : 'upload', bytes };
}

function hasIngestibleExtension(name: string): boolean {
  const lower = withoutGz(name).toLowerCase();
  return INGESTIBLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Files a folder walk passed over, counted by their ending (`.pdf`, `.docx`, or `no ending`). */
export type PassedOver = Map<string, number>;

function walk(dir: string, out: string[], passedOver: PassedOver): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || NOT_ARTICLES.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out, passedOver);
    else if (entry.isFile() && hasIngestibleExtension(entry.name)) out.push(path);
    else if (entry.isFile()) {
      const ending = extname(entry.name).toLowerCase() || 'no ending';
      passedOver.set(ending, (passedOver.get(ending) ?? 0) + 1);
    }
  }
}

/** What expandInputs reports besides the sources: inputs that name nothing, files passed over. */
export interface ExpandReport {
  missing: (input: string, error: IngestError) => void;
  /** Called once per folder argument that held files of endings Dossier does not read. */
  passedOver?: (folder: string, files: PassedOver) => void;
}

/**
 * Expands what the user named into sources: a Source stays what it is, `-` is standard input, http(s) addresses are
 * URLs, folders are walked recursively (files with known endings, but not README or LICENSE
 * files; other files are counted to `report.passedOver`), patterns with `*`, `?`, `[` or `{`
 * are globs, other paths are files. A path that does not exist is reported through
 * `report.missing` and the rest go on.
 *
 * @example await expandInputs(['sample/', 'extra/*.html', 'https://example.org/a'], { missing: (input, error) => console.error(error.message) })
 */
export async function expandInputs(inputs: readonly IngestInput[], report: ExpandReport): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  const add = (source: Source) => {
    const key = `${source.kind}:${sourceName(source)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(source);
  };
  for (const input of inputs) {
    if (typeof input !== 'string') {
      // two uploads may share a name and hold different files: each is its own input
      if (input.kind === 'upload') out.push(input);
      else add(input);
      continue;
    }
    if (input === '-') {
      add({ kind: 'stdin' });
      continue;
    }
    if (URL_START.test(input)) {
      add({ kind: 'url', url: input });
      continue;
    }
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files: string[] = [];
      const passedOver: PassedOver = new Map();
      walk(input, files, passedOver);
      for (const path of files) add({ kind: 'file', path });
      if (passedOver.size) report.passedOver?.(input, passedOver);
      continue;
    }
    if (stat?.isFile()) {
      add({ kind: 'file', path: input });
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      // paths as the user wrote the pattern: absolute for an absolute one, else relative to here
      const matches = (await glob(input, { onlyFiles: true, dot: false, absolute: isAbsolute(input), expandDirectories: false })).sort();
      if (matches.length === 0) report.missing(input, new IngestError('not-found', `${input}: no file matches this pattern`));
      for (const path of matches) add({ kind: 'file', path });
      continue;
    }
    report.missing(input, new IngestError('not-found', `${input}: no such file or folder (looked in ${resolve(input)})`));
  }
  return out;
}
