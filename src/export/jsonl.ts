import type { Store } from '../store/store.ts';
import { articleJson } from './article-json.ts';

/**
 * Writes every stored article as one JSON line (raw input included), in ingest order, and
 * returns how many were written. `write` receives each line with its newline.
 *
 * @example exportJsonl(store, (line) => process.stdout.write(line))
 */
export async function exportJsonl(store: Store, write: (line: string) => boolean | Promise<unknown> | void): Promise<number> {
  let n = 0;
  for (const doc of store.all()) {
    await write(`${JSON.stringify(articleJson(doc, { raw: true }))}\n`);
    n++;
  }
  return n;
}
