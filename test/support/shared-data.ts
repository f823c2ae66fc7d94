import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/data` beside the repository, where the public data sets and seeds live. */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/**
 * Options for a test that needs a folder of ../shared/data: skips it with a clear message
 * when the folder is absent (a user's clone has no ../shared).
 */
export function needsSharedData(sub: string): { skip?: string } {
  return existsSync(SHARED_DATA + sub) ? {} : { skip: `needs ${SHARED_DATA}${sub}, which is absent (it ships beside the repository in CI)` };
}
