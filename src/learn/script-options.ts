import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared data folder, `../shared/data` from the repository root, unless a path is given. */
export function dataDir(given?: string): string {
  return given ? resolve(given) : resolve(REPO_ROOT, '../shared/data');
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
