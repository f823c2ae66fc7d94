import { Hono, type Context } from 'hono';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleJson } from '../export/article-json.ts';
import { ArticleIdError, QueryError, StoreError, type Store } from '../store/store.ts';

/** The folder of the web page's static files (`ui/` at the package root). */
export const UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/**
 * The page may run only its own script and style: even if ingested markup ever reached the
 * DOM as markup, the browser would not run it. (The page also renders all text as text.)
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** An error the HTTP layer turns into a response. */
class HttpError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function intParam(c: Context, name: string, fallback: number): number {
  const v = c.req.query(name);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'bad-parameter', `"${name}" must be a whole number, got ${JSON.stringify(v)}`);
  return n;
}

/**
 * The HTTP API and the web page over a store: thin adapters over the store's calls.
 *
 * - `GET /api/articles?limit&offset` the article list, newest first
 * - `GET /api/search?q&limit&offset` full-text search with plain-text snippets
 * - `GET /api/articles/:id?raw=1` one article with all its layers (articleJson)
 * - `GET /api/entities?type&limit&offset` names across the corpus; `?doc=ID` one article's entities
 * - `GET /api/quotes?speaker&via&doc&limit&offset` attributions across the corpus (Store.quotes)
 *
 * @example serve({ fetch: createApp(store).fetch, port: 8700 })
 */
export function createApp(store: Store): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });

  app.get('/api/articles', (c) => c.json(store.list({ limit: intParam(c, 'limit', 50), offset: intParam(c, 'offset', 0) })));

  app.get('/api/search', (c) => {
    const q = c.req.query('q') ?? '';
    const found = store.search(q, { limit: intParam(c, 'limit', 20), offset: intParam(c, 'offset', 0) });
    return c.json({ query: q, ...found });
  });

  app.get('/api/articles/:id', (c) => {
    const id = c.req.param('id');
    const doc = store.get(id);
    if (!doc) throw new HttpError(404, 'not-found', `no article with id ${JSON.stringify(id)}`);
    return c.json(articleJson(doc, { raw: c.req.query('raw') === '1' }));
  });

  app.get('/api/entities', (c) => {
    const type = c.req.query('type') || undefined;
    const doc = c.req.query('doc');
    if (doc) {
      if (!store.has(doc)) throw new HttpError(404, 'not-found', `no article with id ${JSON.stringify(doc)}`);
      return c.json({ entities: store.articleEntities(doc, type ? { type } : {}) });
    }
    return c.json(store.entityCounts({ ...(type ? { type } : {}), limit: intParam(c, 'limit', 50), offset: intParam(c, 'offset', 0) }));
  });

  app.get('/api/quotes', (c) =>
    c.json(
      store.quotes({
        speaker: c.req.query('speaker'),
        via: c.req.query('via'),
        doc: c.req.query('doc'),
        limit: intParam(c, 'limit', 50),
        offset: intParam(c, 'offset', 0),
      }),
    ),
  );

  for (const [path, { file, type }] of Object.entries(STATIC_FILES)) {
    const body = readFileSync(new URL(file, `file://${UI_DIR}`), 'utf8');
    app.get(path, (c) => c.body(body, 200, { 'Content-Type': type }));
  }

  // browsers ask for an icon on their own; there is none, and that is not an error
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no such path: ${c.req.path}` } }, 404));

  // the one place where errors become responses
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    if (err instanceof ArticleIdError) return c.json({ error: { code: err.code === 'not-found' ? 'not-found' : 'ambiguous-id', message: err.message } }, err.code === 'not-found' ? 404 : 400);
    if (err instanceof QueryError) return c.json({ error: { code: 'bad-query', message: err.message } }, 400);
    if (err instanceof StoreError) return c.json({ error: { code: err.code, message: err.message } }, 503);
    console.error(err);
    return c.json({ error: { code: 'internal', message: 'internal error; the server log has the details' } }, 500);
  });
  return app;
}
