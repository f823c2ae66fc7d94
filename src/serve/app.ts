import { Hono, type Context } from 'hono';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleJson } from '../export/article-json.ts';
import { eventsCsvLines } from '../export/events-csv.ts';
import { quotesCsvLines } from '../export/quotes-csv.ts';
import type { EventType } from '../doc/doc.ts';
import { EVENT_TYPES } from '../events/plover.ts';
import { parseSentenceAt } from '../grammar/sentence-parse.ts';
import { isIsoDay, type DateRange } from '../store/date-range.ts';
import { CORPUS_EVENT_SORT_KEYS, EVENT_SORT_KEYS, QUOTE_SORT_KEYS, sortChoices, type SortOrder } from '../store/list-sort.ts';
import { corpusOverview } from '../store/overview.ts';
import { addIngestRoutes, type IngestRouteOptions } from './ingest-routes.ts';
import { importMapHashes, vendorModules } from './vendor-modules.ts';
import { TIMELINE_ITEMS } from '../store/timeline.ts';
import {
  ArticleIdError,
  ENTITY_TYPES,
  FACET_NAMES,
  FilterError,
  MAX_PAGE_SIZE,
  QueryError,
  StoreError,
  TIMEX_TYPES,
  resolveArticleId,
  type ArticleFilter,
  type EventFilter,
  type FacetName,
  type Store,
} from '../store/store.ts';

/** The folder of the web page's static files (`ui/` at the package root). */
export const UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

/** The kinds of file the page is made of, by extension; nothing else under `ui/` is served. */
const STATIC_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const SERVED_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/**
 * The page's files, by the path they are served at: `/` is `index.html`, and every script
 * module and style sheet under `ui/` is served at its own path (`ui/views/story.js` at
 * `/views/story.js`), and the libraries it is built with at `/vendor/` (vendor-modules.ts). The table is made once, when the app is: a request can only name a file
 * in it, so no path from a request reaches the file system (no `..`, no other files, no
 * files added later).
 */
export function staticFiles(dir: string = UI_DIR): Map<string, { body: string; type: string }> {
  const files = new Map<string, { body: string; type: string }>();
  files.set('/', { body: readFileSync(join(dir, 'index.html'), 'utf8'), type: 'text/html; charset=utf-8' });
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${e.name}` : e.name;
      // plain names only: a route path is a pattern to Hono, and a dotfile is nobody's page
      if (!SERVED_NAME.test(e.name)) continue;
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && STATIC_TYPES[extname(e.name)]) files.set(`/${path}`, { body: readFileSync(join(dir, path), 'utf8'), type: STATIC_TYPES[extname(e.name)] });
    }
  };
  walk('');
  // Preact and htm, at /vendor/ (vendor-modules.ts)
  for (const [path, body] of vendorModules()) files.set(path, { body, type: STATIC_TYPES['.js'] });
  return files;
}

/**
 * The page may run only its own script and style, and the import map of index.html allowed
 * by its hash (vendor-modules.ts): even if ingested markup ever reached the DOM as markup,
 * the browser would not run it. (The page also renders all text as text.)
 * @param indexHtml the page, whose inline import maps are allowed
 */
function securityHeaders(indexHtml: string): Record<string, string> {
  const scripts = ["'self'", ...importMapHashes(indexHtml)].join(' ');
  return {
    'Content-Security-Policy': `default-src 'none'; script-src ${scripts}; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

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

function intParam(c: Context, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER, hint = ''): number {
  const v = c.req.query(name);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'bad-parameter', `"${name}" must be a whole number, got ${JSON.stringify(v)}`);
  if (n > max) throw new HttpError(400, 'bad-parameter', `"${name}" must be at most ${max}, got ${n}${hint}`);
  return n;
}

/** `limit` and `offset`: a limit over MAX_PAGE_SIZE is refused, as the CLI refuses it, never cut down in silence. */
function pageParams(c: Context, limit: number): { limit: number; offset: number } {
  return { limit: intParam(c, 'limit', limit, MAX_PAGE_SIZE, '; page through with "offset"'), offset: intParam(c, 'offset', 0) };
}

/** `name` when given, one of `allowed`; undefined when absent or empty. */
function choiceParam(c: Context, name: string, allowed: readonly string[]): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!allowed.includes(v)) throw new HttpError(400, 'bad-parameter', `"${name}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * `from` and `to`, publication days written YYYY-MM-DD, both inclusive (DateRange); a day that
 * is not one, or a `from` after the `to`, is a 400 `bad-parameter`.
 */
function dateRangeParams(c: Context): DateRange {
  const range: DateRange = {};
  for (const name of ['from', 'to'] as const) {
    const v = c.req.query(name);
    if (v === undefined || v === '') continue;
    if (!isIsoDay(v)) throw new HttpError(400, 'bad-parameter', `"${name}" must be a day written YYYY-MM-DD, got ${JSON.stringify(v)}`);
    range[name] = v;
  }
  if (range.from && range.to && range.from > range.to) throw new HttpError(400, 'bad-parameter', `"from" (${range.from}) is after "to" (${range.to})`);
  return range;
}

/** How many values `entity` and `type` may each be given: each is a condition of the query. */
const MAX_FILTER_VALUES = 10;

/**
 * The article filters of a list or search (ArticleFilter): its publication days; `outlet`,
 * `language` and `story`, each given once (an article has one of each: a second value would
 * be ignored in silence, so it is a 400); `entity` and `type`, each up to MAX_FILTER_VALUES
 * times (an article must have them all); an empty value is no filter. And `facets`, how many
 * values of each facet to count (0, the default, counts none; at most 100). A value that names
 * nothing is the store's FilterError, a 400 too.
 */
function resultParams(c: Context): ArticleFilter & { facets?: number } {
  const values = (name: FacetName) => (c.req.queries(name) ?? []).filter((v) => v !== '');
  const filter: ArticleFilter = { ...dateRangeParams(c) };
  for (const name of ['outlet', 'language', 'story'] as const) {
    const given = values(name);
    if (given.length > 1) throw new HttpError(400, 'bad-parameter', `"${name}" is given ${given.length} times; an article has one ${name}, give one value`);
    if (given.length) filter[name] = given[0];
  }
  for (const name of ['entity', 'type'] as const) {
    if (values(name).length > MAX_FILTER_VALUES) throw new HttpError(400, 'bad-parameter', `"${name}" is given ${values(name).length} times; give it at most ${MAX_FILTER_VALUES} times`);
  }
  const types = values('type');
  for (const type of types) if (!EVENT_TYPES.includes(type as EventType)) throw new HttpError(400, 'bad-parameter', `"type" must be one of ${EVENT_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
  if (values('entity').length) filter.entity = values('entity');
  if (types.length) filter.type = types as EventType[];
  const facets = intParam(c, 'facets', 0, 100);
  return { ...filter, ...(facets > 0 ? { facets } : {}) };
}

/** The query parameters of resultParams. */
const RESULT_PARAMS = ['from', 'to', ...FACET_NAMES, 'facets'] as const;

/**
 * A CSV download of `lines`, streamed: a line is read from the store only when the client has
 * taken the ones before (in chunks of about 64 KB); closing the download stops the reading.
 */
function csvDownload(c: Context, lines: Generator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      for (let next = lines.next(); ; next = lines.next()) {
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          return controller.close();
        }
        chunk += next.value;
        if (chunk.length >= 64 * 1024) return controller.enqueue(encoder.encode(chunk));
      }
    },
    cancel() {
      lines.return(undefined);
    },
  });
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="${filename}"` });
}

/** The filters an event list takes (EventFilter). */
const EVENT_FILTER_PARAMS = ['type', 'actor', 'entity', 'country', 'from', 'to', 'doc'] as const;

/** EventFilter from the query: `type` a PLOVER type, `country` three letters, `from`/`to` days (the order is sortParam's). */
function eventFilterParams(c: Context): Omit<EventFilter, 'sort'> {
  const type = choiceParam(c, 'type', EVENT_TYPES) as EventFilter['type'];
  const country = c.req.query('country');
  if (country && !/^[A-Za-z]{3}$/.test(country.trim())) throw new HttpError(400, 'bad-parameter', `"country" must be a three-letter ISO 3166 code such as RUS, got ${JSON.stringify(country)}`);
  return { type, actor: c.req.query('actor'), entity: c.req.query('entity'), country, doc: c.req.query('doc'), ...dateRangeParams(c) };
}

/**
 * `sort`, one of a list's keys (list-sort.ts), ascending as written or descending with a leading
 * minus (`-date`); undefined when absent or empty (the list's default order).
 */
function sortParam<K extends string>(c: Context, keys: readonly K[]): SortOrder<K> | undefined {
  return choiceParam(c, 'sort', sortChoices(keys)) as SortOrder<K> | undefined;
}

/**
 * Refuses query parameters the route does not take, naming those it does: a misspelt or
 * unsupported filter (`?language=de`) would otherwise return the unfiltered list as if it applied.
 */
function onlyParams(c: Context, allowed: readonly string[]): void {
  const unknown = Object.keys(c.req.queries()).filter((name) => !allowed.includes(name));
  if (!unknown.length) return;
  const known = allowed.length ? `it takes ${allowed.map((p) => `"${p}"`).join(', ')}` : 'it takes none';
  throw new HttpError(400, 'bad-parameter', `${c.req.routePath} does not take ${unknown.map((p) => `"${p}"`).join(', ')}; ${known}`);
}

/**
 * The HTTP API and the web page over a store: thin adapters over the store's calls.
 *
 * - `GET /api/articles?fold&from&to&outlet&language&story&entity&type&facets&limit&offset` the article list, newest first; `fold=1` folds copies under their originals; `from`, `to` publication days (inclusive; undated articles left out); `outlet`, `language`, `story`, `entity`, `type` narrow it (ArticleFilter; `entity` and `type` may be repeated: an article must have each); `facets=N` adds the first N values of each of those five over the whole result (ResultFacets)
 * - `GET /api/search?q&from&to&outlet&language&story&entity&type&facets&limit&offset` full-text search with plain-text snippets, filtered and with facets as the list
 * - `GET /api/articles/:id?raw=1` one article with all its layers (articleJson); `raw=1` adds the raw input and its offset map
 * - `GET /api/articles/:id/parse?at=OFFSET` the dependency parse of the sentence holding a text offset (parseSentenceAt): its words with head and relation
 * - `GET /api/entities?type&name&all&limit&offset` corpus entities, most mentioned first (`all=1` keeps junk names); `?doc=ID` one article's entities, each with its corpus entity
 * - `GET /api/entities/:id?limit&offset` one corpus entity (id, unique prefix or name) in full (CorpusReads.entityDetail)
 * - `GET /api/overview?top` the corpus at a glance (corpusOverview): articles by day, language and outlet, the latest stories, the most mentioned people, organisations and places, what failed to ingest; `top` (1 to 100, 10 by default) of each list
 * - `GET /api/stories?limit&offset`, `GET /api/stories/:id?limit&offset&since` stories, and one with its articles, copies folded, and its timeline of events; `since` a day: what changed on it or after
 * - `GET /api/duplicates?limit&offset` groups of copies; `GET /api/statements?min&limit&offset` quotations reported more than once
 * - `GET /api/quotes?speaker&via&doc&sort&limit&offset&format` attributions across the corpus, each with its date (Store.quotes); `sort` one of date, speaker, outlet, with a leading `-` descending (the articles newest first unless given); `format=csv` every matching quote as CSV (quotesCsvLines), in the same order
 * - `GET /api/timexes?doc&type&limit&offset` temporal expressions, one article's or across the corpus (Store.timexes)
 * - `GET /api/events?type&actor&entity&country&from&to&doc&sort&limit&offset&format` events, the latest dated first (Store.events); `sort` one of date, type, outlet, reports, with a leading `-` descending (`-date` unless given); `from`, `to` days the event's date overlaps; `format=csv` every matching event as CSV (eventsCsvLines; `limit` and `offset` only when given)
 * - `GET /api/timeline?story&entity&type&country&outlet&from&to&min&limit` the dated real-world events and statements that pass the filters, the `limit` most reported of each (150 by default) and how many there are (Store.timeline); `type` and `country` only events have
 * - `GET /api/corpus-events?type&actor&entity&country&from&to&doc&min&sort&limit&offset` real-world events, each with its reports across articles folded in, the latest first (Store.corpusEvents; `min` the fewest reports; `sort` one of date, type, reports, with a leading `-` descending); `GET /api/corpus-events/:id?limit&offset` one with a page of its reports, their disagreements and links (Store.corpusEvent)
 * - `GET /api/ingest`, `POST /api/ingest`, `GET /api/ingest/:job` ingest from the page: the limits, a job started from uploaded files and URLs, its progress and summary (addIngestRoutes; `options.ingest`)
 *
 * Ids may be unique prefixes; lists carry their `total`; a `limit` over MAX_PAGE_SIZE, a
 * parameter a route does not take or a value it does not know is a 400 `bad-parameter`. With
 * `allowHost`, an API request whose Host it refuses is a 403 `forbidden` (startServer passes
 * boundHost: the server's own address only).
 *
 * @example serve({ fetch: createApp(store).fetch, port: 8700 })
 */
export function createApp(store: Store, options: { ingest?: IngestRouteOptions; allowHost?: (host: string) => boolean } = {}): Hono {
  const app = new Hono();
  const files = staticFiles();
  const headers = securityHeaders(files.get('/')?.body ?? '');
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(headers)) c.header(k, v);
  });
  // the corpus is read only by requests addressed to the server itself: a page whose name was
  // made to resolve to this machine (DNS rebinding) carries its own name in Host
  const allowHost = options.allowHost;
  if (allowHost) {
    app.use('/api/*', async (c, next) => {
      const host = c.req.header('host') ?? '';
      if (!allowHost(host)) return c.json({ error: { code: 'forbidden', message: `this server does not answer requests addressed to ${JSON.stringify(host)}; open the page at the address Dossier printed` } }, 403);
      await next();
    });
  }

  /** Every API route is declared with the query parameters it takes; onlyParams refuses others. */
  const api = (path: string, params: readonly string[], handler: (c: Context) => Response) =>
    app.get(path, (c) => {
      onlyParams(c, params);
      return handler(c);
    });

  api('/api/articles', ['fold', ...RESULT_PARAMS, 'limit', 'offset'], (c) =>
    c.json(store.list({ ...pageParams(c, 50), ...resultParams(c), fold: choiceParam(c, 'fold', ['1', '0']) === '1' })),
  );

  api('/api/search', ['q', ...RESULT_PARAMS, 'limit', 'offset'], (c) => {
    const q = c.req.query('q') ?? '';
    const found = store.search(q, { ...pageParams(c, 20), ...resultParams(c) });
    return c.json({ query: q, ...found });
  });

  // an id or a unique prefix of one, as everywhere; resolveArticleId's errors become 404 and 400 below
  api('/api/articles/:id', ['raw'], (c) => {
    const raw = choiceParam(c, 'raw', ['1', '0']) === '1';
    const doc = store.get(resolveArticleId(store, c.req.param('id') ?? ''));
    if (!doc) throw new HttpError(404, 'not-found', `no article with id ${JSON.stringify(c.req.param('id'))}`);
    return c.json(articleJson(doc, { raw, map: raw, corpus: store.corpus.articleFacts(doc.id) }));
  });

  api('/api/articles/:id/parse', ['at'], (c) => {
    const doc = store.get(resolveArticleId(store, c.req.param('id') ?? ''));
    if (!doc) throw new HttpError(404, 'not-found', `no article with id ${JSON.stringify(c.req.param('id'))}`);
    const at = intParam(c, 'at', 0, Math.max(0, doc.text.length - 1));
    const parsed = parseSentenceAt(doc, at);
    if (!parsed) throw new HttpError(404, 'not-found', `no sentence at offset ${at}`);
    return c.json(parsed);
  });

  api('/api/entities', ['type', 'name', 'all', 'doc', 'limit', 'offset'], (c) => {
    const type = choiceParam(c, 'type', ENTITY_TYPES);
    const all = choiceParam(c, 'all', ['1', '0']) === '1';
    const doc = c.req.query('doc');
    if (doc) {
      return c.json(store.articleEntities(resolveArticleId(store, doc), { ...(type ? { type } : {}), ...pageParams(c, 50) }));
    }
    return c.json(store.corpus.listEntities({ type, q: c.req.query('name'), withJunk: all, ...pageParams(c, 50) }));
  });

  api('/api/entities/:id', ['limit', 'offset'], (c) => {
    const id = c.req.param('id') ?? '';
    const entity = store.corpus.entityDetail(id, pageParams(c, 20));
    if (!entity) throw new HttpError(404, 'not-found', `no entity named or with id ${JSON.stringify(id)}`);
    return c.json(entity);
  });

  api('/api/overview', ['top'], (c) => {
    const top = intParam(c, 'top', 10, 100);
    if (top < 1) throw new HttpError(400, 'bad-parameter', `"top" must be at least 1, got ${top}`);
    return c.json(corpusOverview(store, { top }));
  });

  api('/api/stories', ['limit', 'offset'], (c) => c.json(store.corpus.listStories(pageParams(c, 50))));

  api('/api/stories/:id', ['limit', 'offset', 'since'], (c) => {
    const id = c.req.param('id') ?? '';
    const since = c.req.query('since');
    if (since && !isIsoDay(since)) throw new HttpError(400, 'bad-parameter', `"since" must be a day written YYYY-MM-DD, got ${JSON.stringify(since)}`);
    const story = store.corpus.storyDetail(id, { ...pageParams(c, 50), ...(since ? { since } : {}) });
    if (!story) throw new HttpError(404, 'not-found', `no story with id ${JSON.stringify(id)}`);
    return c.json(story);
  });

  api('/api/duplicates', ['limit', 'offset'], (c) => c.json(store.corpus.listDuplicateGroups(pageParams(c, 50))));

  api('/api/statements', ['min', 'limit', 'offset'], (c) => c.json(store.corpus.listStatements({ minReports: intParam(c, 'min', 2), ...pageParams(c, 50) })));

  api('/api/quotes', ['speaker', 'via', 'doc', 'sort', 'limit', 'offset', 'format'], (c) => {
    const filter = { speaker: c.req.query('speaker'), via: c.req.query('via'), doc: c.req.query('doc'), sort: sortParam(c, QUOTE_SORT_KEYS) };
    if (choiceParam(c, 'format', ['json', 'csv']) !== 'csv') return c.json(store.quotes({ ...filter, ...pageParams(c, 50) }));
    if (filter.doc) filter.doc = resolveArticleId(store, filter.doc);
    const page = pageParams(c, 0);
    return csvDownload(c, quotesCsvLines(store, { ...filter, offset: page.offset, ...(c.req.query('limit') ? { limit: page.limit } : {}) }), 'dossier-quotes.csv');
  });

  api('/api/timexes', ['doc', 'type', 'limit', 'offset'], (c) => {
    const type = choiceParam(c, 'type', TIMEX_TYPES) as (typeof TIMEX_TYPES)[number] | undefined;
    return c.json(store.timexes({ doc: c.req.query('doc'), ...(type ? { type } : {}), ...pageParams(c, 50) }));
  });

  api('/api/events', [...EVENT_FILTER_PARAMS, 'sort', 'limit', 'offset', 'format'], (c) => {
    const filter = { ...eventFilterParams(c), sort: sortParam(c, EVENT_SORT_KEYS) };
    if (choiceParam(c, 'format', ['json', 'csv']) !== 'csv') return c.json(store.events({ ...filter, ...pageParams(c, 50) }));
    // checked before the first byte goes out: a bad id is a 404, not a broken download
    if (filter.doc) filter.doc = resolveArticleId(store, filter.doc);
    const page = pageParams(c, 0);
    const lines = eventsCsvLines(store, { ...filter, offset: page.offset, ...(c.req.query('limit') ? { limit: page.limit } : {}) });
    return csvDownload(c, lines, 'dossier-events.csv');
  });

  api('/api/corpus-events', [...EVENT_FILTER_PARAMS, 'min', 'sort', 'limit', 'offset'], (c) => {
    const min = intParam(c, 'min', 1);
    if (min < 1) throw new HttpError(400, 'bad-parameter', `"min" must be at least 1, got ${min}`);
    return c.json(store.corpusEvents({ ...eventFilterParams(c), minReports: min, sort: sortParam(c, CORPUS_EVENT_SORT_KEYS), ...pageParams(c, 50) }));
  });

  api('/api/timeline', ['story', 'entity', 'type', 'country', 'outlet', 'from', 'to', 'min', 'limit'], (c) => {
    const { type, country, entity, ...range } = eventFilterParams(c);
    const min = intParam(c, 'min', 1);
    if (min < 1) throw new HttpError(400, 'bad-parameter', `"min" must be at least 1, got ${min}`);
    const limit = intParam(c, 'limit', TIMELINE_ITEMS, MAX_PAGE_SIZE);
    return c.json(store.timeline({ story: c.req.query('story'), entity, outlet: c.req.query('outlet'), type, country, from: range.from, to: range.to, minReports: min, limit }));
  });

  api('/api/corpus-events/:id', ['limit', 'offset'], (c) => {
    const id = c.req.param('id') ?? '';
    const event = store.corpusEvent(id, pageParams(c, 50));
    if (!event) throw new HttpError(404, 'not-found', `no corpus event with id ${JSON.stringify(id)}`);
    return c.json(event);
  });

  addIngestRoutes(app, store, options.ingest);

  for (const [path, { body, type }] of files) app.get(path, (c) => c.body(body, 200, { 'Content-Type': type }));

  // browsers ask for an icon on their own; there is none, and that is not an error
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no such path: ${c.req.path}` } }, 404));

  // the one place where errors become responses
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    if (err instanceof ArticleIdError) return c.json({ error: { code: err.code === 'not-found' ? 'not-found' : 'ambiguous-id', message: err.message } }, err.code === 'not-found' ? 404 : 400);
    if (err instanceof QueryError) return c.json({ error: { code: 'bad-query', message: err.message } }, 400);
    if (err instanceof FilterError) return c.json({ error: { code: 'bad-parameter', message: `"${err.filter}": ${err.message}` } }, 400);
    if (err instanceof StoreError) return c.json({ error: { code: err.code, message: err.message } }, 503);
    console.error(err);
    return c.json({ error: { code: 'internal', message: 'internal error; the server log has the details' } }, 500);
  });
  return app;
}
