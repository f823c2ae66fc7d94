import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the NER code (this file's folder). */
export const NER_DIR = dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const REPO_ROOT = resolve(NER_DIR, '../../..');

/** Where the committed model file lives. */
export const DEFAULT_MODEL_PATH = join(NER_DIR, 'model', 'ner.model.gz');

/** Where the committed word clusters live (written by `build-clusters.ts`). */
export const DEFAULT_CLUSTERS_PATH = join(NER_DIR, 'model', 'clusters.txt.gz');

/** The shared data folder, `../shared/data` from the repository root, unless a path is given. */
export function dataDir(given?: string): string {
  return given ? resolve(given) : resolve(REPO_ROOT, '../shared/data');
}

/** The CoNLL-2003 files under a data folder, or null if they are not there. */
export function conllFiles(data: string): { train: string; dev: string; test: string } | null {
  const dir = join(data, 'conll2003');
  const files = { train: join(dir, 'eng.train'), dev: join(dir, 'eng.testa'), test: join(dir, 'eng.testb') };
  return existsSync(files.train) && existsSync(files.dev) && existsSync(files.test) ? files : null;
}

/** Reads `--name value` options from a command line. */
export function parseOptions(argv: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) options.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options.set(arg.slice(2), argv[++i]);
    else options.set(arg.slice(2), 'true');
  }
  return options;
}

/**
 * The CoNLL-2003 files for a command line's `--data` option (default `../shared/data`); a
 * command-line script exits with a clear message when they are absent.
 */
export function conllFilesOrExit(options: Map<string, string>): { data: string; files: { train: string; dev: string; test: string } } {
  const data = dataDir(options.get('data'));
  const files = conllFiles(data);
  if (!files) {
    console.error(`CoNLL-2003 not found under ${data}/conll2003 (give --data)`);
    process.exit(1);
  }
  return { data, files };
}
