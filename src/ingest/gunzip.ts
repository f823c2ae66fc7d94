import { gunzipSync } from 'node:zlib';
import { IngestError } from './ingest-error.ts';
import { sizeLabel } from './limits.ts';

/** A file name without a trailing `.gz`: what the compressed file holds (`page.html.gz` → `page.html`). */
export function withoutGz(name: string): string {
  return name.replace(/\.gz$/i, '');
}

/** True when the bytes start with gzip's signature (1F 8B). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip input (a scraped page saved as `page.html.gz`, a compressed JSONL export),
 * every member of it, stopping at `maxBytes` of output so that a small file cannot expand
 * without bound. Input that is not gzip comes back as it is. `name` is for messages.
 *
 * @example const bytes = gunzipInput(readFileSync('page.html.gz'), 'page.html.gz', 10 * 1024 * 1024);
 */
export function gunzipInput(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('too-large', `${name}: decompresses to more than the limit of ${sizeLabel(maxBytes)}`);
    }
    throw new IngestError('parse', `${name}: gzip-compressed, but damaged (${(e as Error).message})`, { cause: e });
  }
}
