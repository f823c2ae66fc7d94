import type { Context, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_FETCH_LIMITS } from '../ingest/fetch-url.ts';
import { DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_URLS, sizeLabel } from '../ingest/limits.ts';
import { uploadSource, type Source } from '../ingest/sources.ts';
import { StoreError, type Store } from '../store/store.ts';
import { IngestBusyError, ingestJobs, type IngestJobsOptions } from './ingest-jobs.ts';

/** The header a page must send to start an ingest, and its value: a form on another site cannot send it. */
export const INGEST_HEADER = 'X-Dossier-Request';
export const INGEST_HEADER_VALUE = 'ingest';

/** How the ingest routes guard, bound and write. */
export interface IngestRouteOptions extends IngestJobsOptions {
  /**
   * Whether a request's Host (`host:port`, lower case) names this server. `startServer` passes
   * the address it is bound to; by default a loopback name or address (`localhost`, `127.0.0.1`,
   * `[::1]`) on any port.
   */
  allowHost?: (host: string) => boolean;
  /** The largest request, every file in it together; larger ones are refused with a 413. */
  maxRequestBytes?: number;
  /** The most URLs a request may name; lists of URLs it uploads are held to the same number. */
  maxUrls?: number;
}

const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/;
/** The form fields POST /api/ingest takes. */
const FIELDS = ['files', 'urls'];

/** A refusal, as every API error is written. */
function refuse(c: Context, status: 400 | 403 | 409 | 413 | 415, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/**
 * Adds the ingest routes to the app (thin: the work is ingest's, run by ingestJobs):
 *
 * - `GET /api/ingest` the limits, and the job running if there is one
 * - `POST /api/ingest` (multipart/form-data: `files`, any number, and `urls`, one URL a line)
 *   starts a job and answers 202 at once with it; a second while one runs is a 409 `busy`
 * - `GET /api/ingest/:job` the job: its progress, then its summary (every failure with its
 *   source, code and reason, and the new articles)
 *
 * The server listens on this machine, but a page elsewhere could make its user's browser send
 * requests to it. So every ingest route refuses a Host that is not this server's (a DNS
 * rebinding page's own name) and an Origin that is not the page's own, and POST needs the
 * X-Dossier-Request header, which a cross-site form cannot send and a cross-site script can send
 * only after a CORS preflight, which this server never answers.
 */
export function addIngestRoutes(app: Hono, store: Store, options: IngestRouteOptions = {}): void {
  const allowHost = options.allowHost ?? ((host: string) => LOOPBACK_HOST.test(host));
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxUrls = options.maxUrls ?? DEFAULT_MAX_URLS;
  const limits = { maxUrls, ...options.limits };
  const jobs = ingestJobs(store, { ...(options.openStore ? { openStore: options.openStore } : {}), ...(options.workers ? { workers: options.workers } : {}), limits });

  /** Refuses what another site may have sent: another Host, another Origin, and for a POST a missing header. */
  const guard = async (c: Context, next: Next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!allowHost(host)) return refuse(c, 403, 'forbidden', `this server does not answer ingest requests addressed to ${JSON.stringify(host)}; open the page at the address Dossier printed`);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin.toLowerCase() !== `http://${host}` && origin.toLowerCase() !== `https://${host}`) {
      return refuse(c, 403, 'forbidden', `ingest requests are taken only from Dossier's own page (http://${host}), not from ${JSON.stringify(origin)}`);
    }
    const params = Object.keys(c.req.queries());
    if (params.length) return refuse(c, 400, 'bad-parameter', `${c.req.routePath} does not take ${params.map((p) => `"${p}"`).join(', ')}; it takes none`);
    if (c.req.method === 'POST' && c.req.header(INGEST_HEADER) !== INGEST_HEADER_VALUE) {
      return refuse(c, 403, 'forbidden', `POST /api/ingest needs the header "${INGEST_HEADER}: ${INGEST_HEADER_VALUE}" (Dossier's page sends it; a form on another site cannot)`);
    }
    return next();
  };

  const tooLarge = (c: Context) => refuse(c, 413, 'too-large', `the request is over the limit of ${sizeLabel(maxRequestBytes)} for one ingest; send fewer or smaller files at a time`);

  app.get('/api/ingest', guard, (c) =>
    c.json({
      limits: {
        maxRequestBytes,
        maxUrls,
        maxArticleBytes: options.limits?.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES,
        maxFileBytes: options.limits?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
        fetchTimeoutMs: options.limits?.fetch?.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs,
      },
      running: jobs.running() ?? null,
    }),
  );

  app.post(
    '/api/ingest',
    guard,
    async (c, next) => {
      // refused before the body is read
      const running = jobs.running();
      if (running) return refuse(c, 409, 'busy', new IngestBusyError(running).message);
      if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
        return refuse(c, 415, 'bad-content-type', 'POST /api/ingest takes multipart/form-data: "files" (any number of files) and "urls" (one URL a line)');
      }
      return next();
    },
    bodyLimit({ maxSize: maxRequestBytes, onError: tooLarge }),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return refuse(c, 400, 'bad-request', 'the request body is not readable multipart/form-data');
      }
      const names = new Set<string>();
      form.forEach((_, name) => names.add(name));
      const unknown = [...names].filter((name) => !FIELDS.includes(name));
      if (unknown.length) return refuse(c, 400, 'bad-parameter', `POST /api/ingest does not take ${unknown.map((n) => `"${n}"`).join(', ')}; it takes "files" and "urls"`);
      const sources: Source[] = [];
      for (const value of form.getAll('files')) {
        if (typeof value === 'string') return refuse(c, 400, 'bad-parameter', '"files" must be files; put addresses in "urls", one a line');
        sources.push(uploadSource(value.name, new Uint8Array(await value.arrayBuffer())));
      }
      const urls = [
        ...new Set(
          form
            .getAll('urls')
            .flatMap((v) => (typeof v === 'string' ? v.split('\n') : []))
            .map((line) => line.trim())
            .filter((line) => line && !line.startsWith('#')),
        ),
      ];
      if (urls.length > maxUrls) return refuse(c, 400, 'too-many-urls', `${urls.length} URLs is over the limit of ${maxUrls} for one ingest; send them in several`);
      // a URL is fetched as one (a line that is not http(s) fails with its reason), never read as a path
      for (const url of urls) sources.push({ kind: 'url', url });
      if (!sources.length) return refuse(c, 400, 'nothing-to-ingest', 'nothing to ingest: choose files or give URLs, one a line');
      let job;
      try {
        job = jobs.start(sources);
      } catch (e) {
        if (e instanceof IngestBusyError) return refuse(c, 409, 'busy', e.message);
        if (e instanceof StoreError) return c.json({ error: { code: e.code, message: e.message } }, 503);
        throw e;
      }
      c.header('Location', `/api/ingest/${job.id}`);
      return c.json(job, 202);
    },
  );

  // a CORS preflight gets no Access-Control header: no script of another site may send what the page sends
  app.on('OPTIONS', ['/api/ingest', '/api/ingest/:job'], (c) =>
    c.json({ error: { code: 'method-not-allowed', message: 'Dossier answers no cross-origin requests: ingest from its own page' } }, 405, { Allow: 'GET, POST' }),
  );

  app.get('/api/ingest/:job', guard, (c) => {
    const id = c.req.param('job') ?? '';
    const job = jobs.get(id);
    if (!job) return c.json({ error: { code: 'not-found', message: `no ingest job ${JSON.stringify(id)} (the server remembers the last 20 until it stops)` } }, 404);
    return c.json(job);
  });
}
