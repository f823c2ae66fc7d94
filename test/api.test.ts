// The HTTP API without a browser or a socket: Hono's app.request() runs a request through
// the app and returns the Response.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/ingest.ts';
import { processArticle } from '../src/pipeline/default-pipeline.ts';
import { createApp } from '../src/serve/app.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';

const SAMPLE = fileURLToPath(new URL('../sample/', import.meta.url));
const FILES = ['basinwatch-truce-72-hours.txt', 'brena-river-rises.txt', 'halvikpost-talks-open.html'];

interface ErrorBody {
  error: { code: string; message: string };
}

/** A request helper for an app made in `before`: checks the status and the JSON content type, and parses the body. */
function jsonFrom(app: () => ReturnType<typeof createApp>) {
  return async function json<T>(path: string, status: number): Promise<T> {
    const res = await app().request(path);
    const body = await res.text();
    assert.equal(res.status, status, `${path}: ${body}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    return JSON.parse(body) as T;
  };
}

describe('HTTP API', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let ids: string[];

  before(async () => {
    store = openSqliteStore(':memory:');
    const summary = await ingest(store, FILES.map((f) => join(SAMPLE, f)));
    assert.deepEqual(summary.failed, []);
    ids = summary.ids;
    assert.equal(ids.length, 3);
    app = createApp(store);
  });
  after(() => store.close());

  const json = jsonFrom(() => app);

  test('GET /api/articles lists every article, newest first, and pages', async () => {
    const all = await json<{ total: number; articles: { id: string; title: string | null; published: string | null }[] }>('/api/articles', 200);
    assert.equal(all.total, 3);
    assert.deepEqual(all.articles.map((a) => a.id).sort(), [...ids].sort());
    const dated = all.articles.map((a) => a.published).filter((p): p is string => p !== null);
    assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');

    const page = await json<{ total: number; articles: { id: string }[] }>('/api/articles?limit=1&offset=1', 200);
    assert.equal(page.total, 3);
    assert.equal(page.articles.length, 1);
    assert.equal(page.articles[0].id, all.articles[1].id);
  });

  test('GET /api/search returns hits with plain-text snippet pieces', async () => {
    const found = await json<{ query: string; total: number; hits: { id: string; snippet: { text: string; hit: boolean }[] }[] }>('/api/search?q=Tamsk', 200);
    assert.equal(found.query, 'Tamsk');
    assert.ok(found.total >= 1);
    assert.equal(found.hits.length, found.total);
    for (const hit of found.hits) {
      assert.ok(ids.includes(hit.id));
      assert.ok(hit.snippet.length > 0);
      const marked = hit.snippet.filter((p) => p.hit);
      assert.ok(marked.length > 0, JSON.stringify(hit.snippet));
      for (const p of marked) assert.equal(p.text.toLowerCase(), 'tamsk');
      for (const p of hit.snippet) {
        assert.equal(typeof p.text, 'string');
        assert.doesNotMatch(p.text, /[\u0002\u0003]/, 'no snippet markers left in the text');
      }
    }
  });

  test('a malformed query is a 400 with code bad-query', async () => {
    const body = await json<ErrorBody>(`/api/search?q=${encodeURIComponent('"unclosed')}`, 400);
    assert.equal(body.error.code, 'bad-query');
    assert.match(body.error.message, /unclosed/);
    const empty = await json<ErrorBody>('/api/search?q=', 400);
    assert.equal(empty.error.code, 'bad-query');
  });

  test('GET /api/articles/:id returns the article JSON; an unknown id is a 404', async () => {
    const article = await json<{ schema: string; id: string; text: string; raw?: string; sentences: unknown[] }>(`/api/articles/${ids[0]}`, 200);
    assert.equal(article.schema, 'dossier.article/1');
    assert.equal(article.id, ids[0]);
    assert.ok(article.text.length > 0 && article.sentences.length > 0);
    assert.equal('raw' in article, false, 'raw only when asked for');
    const withRaw = await json<{ raw?: string }>(`/api/articles/${ids[0]}?raw=1`, 200);
    assert.equal(typeof withRaw.raw, 'string');

    const missing = await json<ErrorBody>('/api/articles/0123456789abcdef', 404);
    assert.equal(missing.error.code, 'not-found');
    assert.match(missing.error.message, /0123456789abcdef/);
  });

  test('limit=abc is a 400 naming the parameter', async () => {
    for (const path of ['/api/articles?limit=abc', '/api/search?q=Tamsk&limit=abc', '/api/articles?offset=-1']) {
      const body = await json<ErrorBody>(path, 400);
      assert.equal(body.error.code, 'bad-parameter', path);
      assert.match(body.error.message, /"(?:limit|offset)" must be a whole number/);
    }
  });

  test('an unknown path is a JSON 404', async () => {
    const body = await json<ErrorBody>('/api/nothing-here', 404);
    assert.equal(body.error.code, 'not-found');
  });

  test('the page and the API carry the Content-Security-Policy', async () => {
    const page = await app.request('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /<html/i);
    for (const res of [page, await app.request('/api/articles'), await app.request('/api/articles/0123456789abcdef')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });
});

/** Two attributions no reading can miss: one plain, one through an outlet. */
const QUOTED_ARTICLE =
  'Envoy stays in Halvik\n\n“We will not retreat,” said Henrik Solvane.\n\n“The dam stays open,” Ilse Brandoch told the Meridian Wire on Tuesday.\n\nThe talks resume on Friday.';

describe('HTTP API: quotes', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let id: string;

  before(() => {
    store = openSqliteStore(':memory:');
    const doc = processArticle(QUOTED_ARTICLE, 'text', { title: 'Envoy stays in Halvik', source: 'quoted.txt' });
    store.put(doc);
    store.put(processArticle('Harbour report\n\nThe harbour reopened on Monday after the storm, the port authority said.', 'text'));
    id = doc.id;
    app = createApp(store);
  });
  after(() => store.close());

  const json = jsonFrom(() => app);

  interface QuoteRowBody {
    articleId: string;
    articleTitle: string | null;
    speaker: string;
    how: string;
    via: string[];
    kind: string;
    content: string;
    cue: string | null;
    source: string | null;
    spans: { content: { start: number; end: number } };
  }

  test('GET /api/articles/:id includes the quotes with their spans', async () => {
    const article = await json<{ text: string; quotes: { content: { start: number; end: number }; speaker: { name: string }; via: { name: string }[] }[] }>(`/api/articles/${id}`, 200);
    const solvane = article.quotes.find((q) => q.speaker.name === 'Henrik Solvane');
    assert.ok(solvane, JSON.stringify(article.quotes.map((q) => q.speaker.name)));
    assert.match(article.text.slice(solvane.content.start, solvane.content.end), /We will not retreat/);
  });

  test('GET /api/quotes lists quotes across articles with speaker, outlets, kind and texts', async () => {
    const all = await json<{ total: number; quotes: QuoteRowBody[] }>('/api/quotes', 200);
    assert.equal(all.quotes.length, all.total);
    const speakers = all.quotes.map((q) => q.speaker);
    assert.ok(speakers.includes('Henrik Solvane') && speakers.includes('Ilse Brandoch'), speakers.join(', '));
    const solvane = all.quotes.find((q) => q.speaker === 'Henrik Solvane')!;
    assert.equal(solvane.articleId, id);
    assert.equal(solvane.articleTitle, 'Envoy stays in Halvik');
    assert.match(solvane.content, /We will not retreat/);
    assert.equal(solvane.cue, 'said');
    assert.ok(['direct', 'indirect', 'mixed', 'partial'].includes(solvane.kind));
    assert.equal(QUOTED_ARTICLE.slice(solvane.spans.content.start, solvane.spans.content.end), solvane.content);
  });

  test('GET /api/quotes filters by speaker, outlet and article, and pages', async () => {
    const bySpeaker = await json<{ total: number; quotes: QuoteRowBody[] }>('/api/quotes?speaker=SOLVANE', 200);
    assert.ok(bySpeaker.total >= 1);
    assert.ok(bySpeaker.quotes.every((q) => q.speaker.toLowerCase().includes('solvane')), JSON.stringify(bySpeaker.quotes));
    const byVia = await json<{ quotes: QuoteRowBody[] }>('/api/quotes?via=meridian', 200);
    assert.ok(byVia.quotes.some((q) => q.speaker === 'Ilse Brandoch'), JSON.stringify(byVia.quotes));
    assert.ok(byVia.quotes.every((q) => q.via.some((v) => v.toLowerCase().includes('meridian'))));
    const byDoc = await json<{ total: number; quotes: QuoteRowBody[] }>(`/api/quotes?doc=${id.slice(0, 6)}`, 200);
    assert.ok(byDoc.total >= 2 && byDoc.quotes.every((q) => q.articleId === id));
    const page = await json<{ total: number; quotes: QuoteRowBody[] }>(`/api/quotes?doc=${id}&limit=1&offset=1`, 200);
    assert.equal(page.total, byDoc.total);
    assert.deepEqual(page.quotes, byDoc.quotes.slice(1, 2));
    const none = await json<{ total: number; quotes: QuoteRowBody[] }>('/api/quotes?speaker=nobody-by-this-name', 200);
    assert.deepEqual(none, { total: 0, quotes: [] });
  });

  test('GET /api/quotes with an unknown article is a 404, a bad number a 400', async () => {
    const missing = await json<ErrorBody>('/api/quotes?doc=zzzz', 404);
    assert.equal(missing.error.code, 'not-found');
    assert.match(missing.error.message, /zzzz/);
    const bad = await json<ErrorBody>('/api/quotes?limit=abc', 400);
    assert.equal(bad.error.code, 'bad-parameter');
  });
});
