/** The largest article Dossier takes by default, in bytes of input (10 MiB). */
export const DEFAULT_MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
/** The largest input file (JSONL exports, feeds) by default (512 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;
