import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Text shorter than this (in characters) is stored as it is: compressing it gains little. */
const PACK_MIN_CHARS = 1024;

/**
 * A long text as compressed bytes (raw deflate at zlib's fastest level, which keeps most of
 * the gain of the slower levels at a fraction of their time), or the text itself when it is
 * short or compresses no smaller. `npm run bench` prints the size of the databases it writes.
 * Read it back with unpackText.
 *
 * @example db.prepare('INSERT INTO t (data) VALUES (?)').run(packText(doc.raw));
 */
export function packText(text: string): string | Buffer {
  if (text.length < PACK_MIN_CHARS) return text;
  const bytes = Buffer.from(text, 'utf8');
  const packed = deflateRawSync(bytes, { level: constants.Z_BEST_SPEED });
  return packed.length < bytes.length ? packed : text;
}

/**
 * The text a column holds: a string as it is (short texts, and everything written by
 * Dossiers before texts were packed), bytes decompressed.
 */
export function unpackText(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : inflateRawSync(value).toString('utf8');
}
