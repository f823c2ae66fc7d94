import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../../learn/script-options.ts';

/** The folder of the NER code (this file's folder). */
export const NER_DIR = dirname(fileURLToPath(import.meta.url));

/** Where the committed model file lives. */
export const DEFAULT_MODEL_PATH = join(NER_DIR, 'model', 'ner.model.gz');

/** Where the committed word clusters live (written by `build-clusters.ts`). */
export const DEFAULT_CLUSTERS_PATH = join(NER_DIR, 'model', 'clusters.txt.gz');

/** German country names ("Russland", "Österreich"), written by `build-country-names.ts`. */
export const COUNTRIES_DE_PATH = join(NER_DIR, 'model', 'countries-de.txt');

/** The CoNLL-2003 files under a data folder, or null if they are not there. */
export function conllFiles(data: string): { train: string; dev: string; test: string } | null {
  const dir = join(data, 'conll2003');
  const files = { train: join(dir, 'eng.train'), dev: join(dir, 'eng.testa'), test: join(dir, 'eng.testb') };
  return existsSync(files.train) && existsSync(files.dev) && existsSync(files.test) ? files : null;
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
