import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { withoutGz } from './gunzip.ts';
import { IngestError } from './ingest-error.ts';

/** One place articles come from, before it is read. */
export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'stdin' };

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
  return source.kind === 'file' ? source.path : source.kind === 'url' ? source.url : '-';
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
 * Expands what the user named into sources: `-` is standard input, http(s) addresses are
 * URLs, folders are walked recursively (files with known endings, but not README or LICENSE
 * files; other files are counted to `report.passedOver`), patterns with `*`, `?`, `[` or `{`
 * are globs, other paths are files. A path that does not exist is reported through
 * `report.missing` and the rest go on.
 *
 * @example await expandInputs(['sample/', 'extra/*.html', 'https://example.org/a'], { missing: (input, error) => console.error(error.message) })
 */
export async function expandInputs(inputs: readonly string[], report: ExpandReport): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>();
  const add = (source: Source) => {
    const key = `${source.kind}:${sourceName(source)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(source);
  };
  for (const input of inputs) {
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
