import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { IngestError } from './ingest-error.ts';

/** One place articles come from, before it is read. */
export type Source =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'stdin' };

/** File name endings a folder walk picks up; other files in a folder are passed over. */
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
  const lower = name.toLowerCase();
  return INGESTIBLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || NOT_ARTICLES.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && hasIngestibleExtension(entry.name)) out.push(path);
  }
}

/**
 * Expands what the user named into sources: `-` is standard input, http(s) addresses are
 * URLs, folders are walked recursively (files with known endings, but not README or LICENSE
 * files), patterns with `*`, `?`,
 * `[` or `{` are globs, other paths are files. A path that does not exist is reported through
 * `onMissing` and the rest go on.
 *
 * @example await expandInputs(['sample/', 'extra/*.html', 'https://example.org/a'], report)
 */
export async function expandInputs(inputs: readonly string[], onMissing: (input: string, error: IngestError) => void): Promise<Source[]> {
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
      walk(input, files);
      for (const path of files) add({ kind: 'file', path });
      continue;
    }
    if (stat?.isFile()) {
      add({ kind: 'file', path: input });
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const matches = (await glob(input, { onlyFiles: true, dot: false, absolute: false, expandDirectories: false })).sort();
      if (matches.length === 0) onMissing(input, new IngestError('not-found', `${input}: no file matches this pattern`));
      for (const path of matches) add({ kind: 'file', path });
      continue;
    }
    onMissing(input, new IngestError('not-found', `${input}: no such file or folder (looked in ${resolve(input)})`));
  }
  return out;
}
