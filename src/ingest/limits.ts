/** The largest article Dossier takes by default, in bytes of input (10 MiB). */
export const DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
/** The largest input file (JSONL exports, feeds) by default (512 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;

/** A byte count for messages: `512 bytes`, `9.5 KB`, `10 MB`. */
export function sizeLabel(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
}

/** The largest ingest request the server takes by default, every file in it together (64 MiB). */
export const DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024;
/** The most URLs one ingest request may name (one a line), and that lists of URLs may add to it. */
export const DEFAULT_MAX_URLS = 100;
