/**
 * Why an input could not be ingested at all. A closed list, so that the CLI summary and the
 * HTTP layer can map every case in one place; add a code here when a new case appears.
 */
export type IngestErrorCode =
  | 'bad-url'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'too-many-urls'
  | 'http-status'
  | 'content-type'
  | 'not-found'
  | 'binary'
  | 'empty'
  | 'parse'
  /** The worker thread processing the article died on it, and again when it was tried once more. */
  | 'worker-stopped';

/**
 * An input (a file, a URL, a record) that cannot be processed at all. The message names the
 * input and reads well on its own; `code` is stable for programs to branch on.
 *
 * @example throw new IngestError('binary', 'photo.txt: looks like a PNG image, not text');
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: IngestErrorCode;
  /** The HTTP status, for `http-status` errors. */
  declare readonly status?: number;

  constructor(code: IngestErrorCode, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
  }
}
