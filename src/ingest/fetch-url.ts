import { binaryKind } from './decode.ts';
import { isGzip } from './gunzip.ts';
import { IngestError } from './ingest-error.ts';
import { sizeLabel } from './limits.ts';

/** How long, how much and how far `fetchUrl` may go. */
export interface FetchLimits {
  /** For the whole exchange: every redirect, the headers and the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

/** A page as fetched: the final URL after redirects, the raw body and its Content-Type header. */
export interface FetchedPage {
  url: string;
  status: number;
  /** The Content-Type header as sent, charset included; `''` when the server sent none. */
  contentType: string;
  bytes: Uint8Array;
  /** ISO 8601 date-time (UTC) at which the response arrived. */
  fetchedAt: string;
}

/** The limits `fetchUrl` uses unless told otherwise. */
export const DEFAULT_FETCH_LIMITS: Readonly<FetchLimits> = Object.freeze({
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Mozilla/5.0 (compatible; Dossier/0.1; news article ingest)',
});

/** Media types `fetchUrl` accepts: articles, plain text, JSON records and feeds. */
export const ACCEPTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'application/json',
  'application/x-ndjson',
  'application/rss+xml',
  'application/atom+xml',
  'application/xml',
  'text/xml',
  // a compressed page or export (`page.html.gz`): ingest decompresses it and reads what it holds
  'application/gzip',
  'application/x-gzip',
]);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches one http(s) URL with a hard budget: redirects followed by hand and counted, one
 * timeout for the whole exchange, the body streamed and cut off at `maxBytes`, and only
 * text-like content types accepted. Every failure is an `IngestError` whose message starts
 * with the URL, e.g. `https://x/y: timed out after 20 s`.
 *
 * A response without a Content-Type header is accepted unless its body looks binary.
 *
 * @example const page = await fetchUrl('https://example.com/news/1', { timeoutMs: 5000 });
 */
export async function fetchUrl(url: string, limits: Partial<FetchLimits> = {}): Promise<FetchedPage> {
  if (typeof url !== 'string') throw new TypeError('fetchUrl needs the URL as a string');
  const options = withDefaults(limits);
  let current = httpUrl(url, url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);

  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': options.userAgent, accept: ACCEPT_HEADER },
      });
      const where = current.href === url ? url : `${url} (redirected to ${current.href})`;

      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel();
        if (redirects >= options.maxRedirects) {
          throw new IngestError('too-many-redirects', `${url}: more than ${options.maxRedirects} redirects`);
        }
        const location = response.headers.get('location');
        if (!location) {
          throw new IngestError('http-status', `${where}: redirect (HTTP ${response.status}) without a Location header`, {
            status: response.status,
          });
        }
        current = httpUrl(location, where, current);
        continue;
      }

      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        const text = response.statusText ? ` ${response.statusText}` : '';
        throw new IngestError('http-status', `${where}: HTTP ${response.status}${text}`, { status: response.status });
      }

      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0].trim().toLowerCase();
      if (mediaType && !ACCEPTED_CONTENT_TYPES.has(mediaType)) {
        await response.body?.cancel();
        throw new IngestError('content-type', `${where}: content type ${mediaType} is not an article, text or feed`);
      }

      const declared = Number(response.headers.get('content-length'));
      if (declared > options.maxBytes) {
        await response.body?.cancel();
        throw new IngestError('too-large', `${where}: ${sizeLabel(declared)} is more than the limit of ${sizeLabel(options.maxBytes)}`);
      }

      const bytes = await readBody(response, options.maxBytes, where);
      const kind = mediaType || isGzip(bytes) ? null : binaryKind(bytes);
      if (kind) throw new IngestError('content-type', `${where}: no content type given and the body looks like ${kind}`);
      return { url: current.href, status: response.status, contentType, bytes, fetchedAt: new Date().toISOString() };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (timedOut) throw new IngestError('timeout', `${url}: timed out after ${describeMs(options.timeoutMs)}`, { cause: error });
    throw new IngestError('network', `${url}: could not be fetched (${networkReason(error)})`, { cause: error });
  } finally {
    clearTimeout(timer);
    // Releases the connection on every early exit; harmless once the body has been read.
    controller.abort();
  }
}

const ACCEPT_HEADER =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, ' +
  'application/json;q=0.8, application/x-ndjson;q=0.8, text/markdown;q=0.8, text/plain;q=0.7';

function withDefaults(limits: Partial<FetchLimits>): FetchLimits {
  const options = { ...DEFAULT_FETCH_LIMITS };
  for (const key of ['timeoutMs', 'maxBytes', 'maxRedirects'] as const) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`fetchUrl: ${key} must be a non-negative number, not ${value}`);
    options[key] = value;
  }
  if (limits.userAgent !== undefined) options.userAgent = limits.userAgent;
  return options;
}

/** Parses a URL (relative to `base` if given) and checks that it is http or https. */
function httpUrl(text: string, where: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(text, base);
  } catch {
    throw new IngestError('bad-url', base ? `${where}: redirects to an invalid URL "${text}"` : `"${text}" is not a valid URL`);
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed;
  throw new IngestError(
    'bad-url',
    base
      ? `${where}: redirects to ${parsed.href}; only http and https are followed`
      : `${text}: only http and https URLs can be fetched`,
  );
}

/** Reads the body as a stream, stopping as soon as it grows past `maxBytes`. */
async function readBody(response: Response, maxBytes: number, where: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new IngestError('too-large', `${where}: the response is larger than the limit of ${sizeLabel(maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The most telling part of a fetch failure: undici hides the socket error in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
}

function describeMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

