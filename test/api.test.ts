// The HTTP API without a browser or a socket: Hono's app.request() runs a request through
// the app and returns the Response.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/ingest.ts';
import { processArticle } from '../src/pipeline/default-pipeline.ts';
import { createApp, staticFiles } from '../src/serve/app.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { articleWithEvents, meetingReport } from './support/event-fixture.ts';
import { connect } from '../src/connect/connect.ts';

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

  test('GET /api/articles/:id/parse gives the parse of the sentence holding an offset: one root, heads in the sentence, the cue\'s subject', async () => {
    type Parse = { sentence: { start: number; end: number }; words: { start: number; end: number; text: string; pos: string; head: number; rel: string }[] };
    let checked = 0;
    for (const id of ids) {
      const article = await json<{ text: string; quotes: { cue: { start: number; end: number } | null; speaker: { span: { start: number; end: number } | null; how: string } }[] }>(`/api/articles/${id}`, 200);
      for (const quote of article.quotes) {
        if (!quote.cue) continue;
        const parse = await json<Parse>(`/api/articles/${id}/parse?at=${quote.cue.start}`, 200);
        assert.ok(parse.sentence.start <= quote.cue.start && quote.cue.start < parse.sentence.end);
        assert.equal(parse.words.filter((w) => w.head === -1).length, 1, 'one root');
        for (const w of parse.words) {
          assert.ok(w.head >= -1 && w.head < parse.words.length);
          assert.equal(w.text, article.text.slice(w.start, w.end));
        }
        checked++;
      }
    }
    assert.ok(checked > 0, 'the sample articles have quotes with cues');
    assert.equal((await json<ErrorBody>(`/api/articles/${ids[0]}/parse?at=99999999`, 400)).error.code, 'bad-parameter');
    assert.equal((await json<ErrorBody>('/api/articles/zzzz/parse?at=0', 404)).error.code, 'not-found');
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
    assert.equal('raw' in (await json<object>(`/api/articles/${ids[0]}?raw=0`, 200)), false);

    const missing = await json<ErrorBody>('/api/articles/0123456789abcdef', 404);
    assert.equal(missing.error.code, 'not-found');
    assert.match(missing.error.message, /0123456789abcdef/);
  });

  test("an HTML page's article comes without the raw page and its offset map unless ?raw=1", async () => {
    const page = store.list().articles.find((a) => a.format === 'html');
    assert.ok(page, 'the fixtures hold an HTML page');
    const res = await app.request(`/api/articles/${page.id}`);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal('raw' in body, false);
    assert.equal('map' in body, false, 'the map points into the raw page, which is not there');
    for (const layer of ['text', 'blocks', 'entries', 'mentions', 'entities', 'quotes', 'removed', 'messages', 'quality']) assert.ok(layer in body, `the page needs ${layer}`);
    const doc = store.get(page.id)!;
    const whole = (await (await app.request(`/api/articles/${page.id}?raw=1`)).json()) as { raw: string; map: unknown[] };
    assert.equal(whole.raw, doc.raw);
    assert.deepEqual(whole.map, doc.map.segments);
  });

  test('a unique id prefix is taken wherever an article id is', async () => {
    for (const id of ids) {
      const prefix = id.slice(0, 6);
      assert.equal(ids.filter((other) => other.startsWith(prefix)).length, 1, 'the prefix is unique');
      assert.equal((await json<{ id: string }>(`/api/articles/${prefix}`, 200)).id, id);
      const entities = await json<{ total: number; entities: { articleId: string }[] }>(`/api/entities?doc=${prefix}`, 200);
      assert.ok(entities.total > 0 && entities.entities.every((e) => e.articleId === id));
      assert.equal((await json<{ total: number }>(`/api/quotes?doc=${prefix}`, 200)).total, store.quotes({ doc: id }).total);
    }
    const missing = await json<ErrorBody>('/api/entities?doc=zzzz', 404);
    assert.deepEqual(missing.error, { code: 'not-found', message: 'no article with id "zzzz"' });
  });

  test("an article's entities page like the corpus list and carry their total", async () => {
    const all = await json<{ total: number; entities: { name: string }[] }>(`/api/entities?doc=${ids[0]}`, 200);
    assert.ok(all.total > 2, 'the article has more than two names');
    assert.equal(all.entities.length, all.total);
    const two = await json<{ total: number; entities: { name: string }[] }>(`/api/entities?doc=${ids[0]}&limit=2&offset=1`, 200);
    assert.equal(two.total, all.total);
    assert.deepEqual(two.entities, all.entities.slice(1, 3));
    const people = await json<{ total: number; entities: { type: string }[] }>(`/api/entities?doc=${ids[0]}&type=PER`, 200);
    assert.ok(people.entities.every((e) => e.type === 'PER') && people.total === people.entities.length);
  });

  test('a limit over 1000 is refused on every list, not cut down in silence', async () => {
    for (const path of ['/api/articles?limit=2000', '/api/search?q=Tamsk&limit=2000', '/api/entities?limit=2000', `/api/entities?doc=${ids[0]}&limit=2000`, '/api/quotes?limit=2000', '/api/timexes?limit=2000']) {
      const body = await json<ErrorBody>(path, 400);
      assert.deepEqual(body.error, { code: 'bad-parameter', message: '"limit" must be at most 1000, got 2000; page through with "offset"' }, path);
    }
    assert.equal((await json<{ total: number }>('/api/entities?limit=1000', 200)).total > 0, true, '1000 itself is allowed');
  });

  test('an unknown entity type is a 400 that lists the types', async () => {
    const body = await json<ErrorBody>('/api/entities?type=XYZ', 400);
    assert.deepEqual(body.error, { code: 'bad-parameter', message: '"type" must be one of PER, ORG, LOC, NORP, EVENT, MISC, got "XYZ"' });
    assert.equal((await json<ErrorBody>(`/api/entities?doc=${ids[0]}&type=per`, 400)).error.code, 'bad-parameter');
    assert.equal((await json<ErrorBody>(`/api/articles/${ids[0]}?raw=yes`, 400)).error.code, 'bad-parameter');
  });

  test('every API route, including ones added later, refuses parameters it does not take and names those it does', async () => {
    const routes = app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/'));
    assert.ok(routes.length >= 5, routes.map((r) => r.path).join(', '));
    for (const { path } of routes) {
      const url = `${path.replace(':id', ids[0])}?langauge=de`;
      const body = await json<ErrorBody>(url, 400);
      assert.equal(body.error.code, 'bad-parameter', url);
      assert.match(body.error.message, new RegExp(`^${path.replace(/[/]/g, '\\/')} does not take "langauge"; it takes (?:"|none$)`), url);
    }
    const quotes = await json<ErrorBody>('/api/quotes?speaker=x&spekaer=y', 400);
    assert.equal(quotes.error.message, '/api/quotes does not take "spekaer"; it takes "speaker", "via", "doc", "sort", "limit", "offset", "format"');
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

  test("every module the page imports is served as JavaScript under the same policy; nothing else under ui/ is", async () => {
    const served = staticFiles();
    const modules = [...served.keys()].filter((p) => p.endsWith('.js'));
    assert.ok(modules.includes('/app.js') && modules.includes('/api.js') && modules.some((p) => p.startsWith('/views/')), modules.join(' '));
    // every relative import of every module names a served module
    for (const path of modules) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8', path);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/, path);
      const body = await res.text();
      for (const [, target] of body.matchAll(/^import [^;]*? from '(\.{1,2}\/[^']+)';$/gm)) {
        const resolved = new URL(target, `http://x${path}`).pathname;
        assert.ok(served.has(resolved), `${path} imports ${target}, which is not served`);
      }
    }
    assert.match((await (await app.request('/style.css')).headers.get('content-type')) ?? '', /^text\/css/);
    // the libraries: every name a module imports is in the page's import map, which names served modules
    const page = await (await app.request('/')).text();
    const maps = [...page.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)];
    assert.equal(maps.length, 1, 'one import map');
    const imports: Record<string, string> = JSON.parse(maps[0][1]).imports;
    for (const path of [...modules, ...Object.values(imports)]) {
      const body = await (await app.request(path)).text();
      for (const [, name] of body.matchAll(/(?:^|[;}\s])import\s*(?:[^'";]*?from\s*)?["']([^./"'][^"']*)["']/g)) assert.ok(imports[name], `${path} imports ${name}, which the import map lacks`);
    }
    for (const url of Object.values(imports)) {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8', url);
    }
    // the policy allows that map by its hash, and no other inline script
    const csp = (await app.request('/')).headers.get('content-security-policy') ?? '';
    const hash = `'sha256-${createHash('sha256').update(maps[0][1]).digest('base64')}'`;
    assert.equal(/script-src ([^;]*)/.exec(csp)?.[1], `'self' ${hash}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // only the table's paths: no way out of ui/, no index.html by name, no other file
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/views/../../package.json', '/views/..%2f..%2fpackage.json', '/index.html', '/views/', '/app.js.map']) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
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
    outlet: string | null;
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

  test("?via matches the outlet that published the article, at the end of every quote's chain", async () => {
    const wired = processArticle('Envoy hopeful\n\n“The river will be shared,” said Henrik Solvane on Friday.', 'text', { title: 'Envoy hopeful', outlet: 'Korvath Courier' });
    store.put(wired);
    try {
      const byOutlet = await json<{ total: number; quotes: QuoteRowBody[] }>('/api/quotes?via=korvath%20courier', 200);
      assert.ok(byOutlet.total >= 1, JSON.stringify(byOutlet));
      assert.ok(byOutlet.quotes.every((q) => q.articleId === wired.id && q.outlet === 'Korvath Courier'));
    } finally {
      store.remove(wired.id);
    }
  });

  test('ids that share a prefix: the same ambiguity error on every route that takes an id', async () => {
    const many = openSqliteStore(':memory:');
    try {
      // seventeen ids in sixteen hex digits: two of them share their first digit
      const stored = Array.from({ length: 17 }, (_, n) => {
        const doc = processArticle(`Harbour report ${n}\n\nThe harbour reopened on day ${n} after the storm.`, 'text');
        many.put(doc);
        return doc.id;
      });
      const prefix = stored.map((id) => id[0]).find((c, i, all) => all.indexOf(c) !== i)!;
      const manyApp = createApp(many);
      for (const path of [`/api/articles/${prefix}`, `/api/entities?doc=${prefix}`, `/api/quotes?doc=${prefix}`, `/api/timexes?doc=${prefix}`]) {
        const res = await manyApp.request(path);
        assert.equal(res.status, 400, path);
        assert.deepEqual(((await res.json()) as ErrorBody).error, { code: 'ambiguous-id', message: `"${prefix}" matches several articles; give more of the id` }, path);
      }
    } finally {
      many.close();
    }
  });

  test('GET /api/quotes with an unknown article is a 404, a bad number a 400', async () => {
    const missing = await json<ErrorBody>('/api/quotes?doc=zzzz', 404);
    assert.equal(missing.error.code, 'not-found');
    assert.match(missing.error.message, /zzzz/);
    const bad = await json<ErrorBody>('/api/quotes?limit=abc', 400);
    assert.equal(bad.error.code, 'bad-parameter');
  });
});

describe('HTTP API: dates', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const json = jsonFrom(() => app);
  const docs = {
    // the tagger finds ISO dates in the text; the quote's sentence names one
    dated: processArticle('Truce holds in Halvik\n\n“The guns fell silent,” Henrik Solvane said on 2026-03-12.\n\nThe talks resume on 2026-03-20.', 'text', {
      title: 'Truce holds in Halvik',
      published: '2026-03-14T09:30:00+01:00',
    }),
    earlier: processArticle('Envoy named for Halvik talks\n\nOrrenland named Henrik Solvane its envoy to the Halvik talks.', 'text', { title: 'Envoy named', published: '2026-03-09' }),
    later: processArticle('Halvik framework signed\n\nBoth sides signed the Halvik framework in the afternoon.', 'text', { title: 'Framework signed', published: '2026-03-17' }),
    undated: processArticle('Halvik harbour notes\n\nThe harbour in Halvik reopened after the storm.', 'text', { title: 'Harbour notes' }),
  };

  before(() => {
    store = openSqliteStore(':memory:');
    for (const doc of Object.values(docs)) store.put(doc);
    app = createApp(store);
  });
  after(() => store.close());

  test('GET /api/articles and /api/search take from and to: publication days, inclusive, undated articles left out', async () => {
    type List = { total: number; articles: { id: string }[] };
    const listed = async (query: string) => (await json<List>(`/api/articles?${query}`, 200)).articles.map((a) => a.id);
    assert.equal((await json<List>('/api/articles', 200)).total, 4);
    assert.deepEqual(await listed('from=2026-03-14&to=2026-03-17'), [docs.later.id, docs.dated.id]);
    assert.deepEqual(await listed('to=2026-03-14'), [docs.dated.id, docs.earlier.id], 'a timestamp on the last day is in');
    assert.deepEqual(await listed('from=2026-03-15'), [docs.later.id]);
    assert.deepEqual(await listed('from=2026-03-14&to=2026-03-17&fold=1'), [docs.later.id, docs.dated.id]);
    assert.equal((await json<List>('/api/articles?from=2026-01-01', 200)).total, 3);
    assert.equal((await json<List>('/api/articles?from=', 200)).total, 4, 'an empty value is no filter');

    type Found = { total: number; hits: { id: string }[] };
    assert.equal((await json<Found>('/api/search?q=Halvik', 200)).total, 4);
    const found = await json<Found>('/api/search?q=Halvik&from=2026-03-10&to=2026-03-14', 200);
    assert.deepEqual([found.total, found.hits.map((h) => h.id)], [1, [docs.dated.id]]);
  });

  test('a date that is not a day written YYYY-MM-DD, or a from after the to, is a 400 bad-parameter', async () => {
    for (const [path, message] of [
      ['/api/articles?from=14.03.2026', '"from" must be a day written YYYY-MM-DD, got "14.03.2026"'],
      ['/api/articles?to=2026-02-30', '"to" must be a day written YYYY-MM-DD, got "2026-02-30"'],
      ['/api/search?q=Halvik&from=yesterday', '"from" must be a day written YYYY-MM-DD, got "yesterday"'],
      ['/api/articles?from=2026-03-17&to=2026-03-14', '"from" (2026-03-17) is after "to" (2026-03-14)'],
    ]) {
      assert.deepEqual((await json<ErrorBody>(path, 400)).error, { code: 'bad-parameter', message }, path);
    }
  });

  test("GET /api/timexes lists an article's dates with their words and values; the article JSON carries them", async () => {
    type Timexes = { total: number; timexes: { articleId: string; index: number; text: string; type: string; value: string; mod: string | null; anchor: unknown; start: number; end: number }[] };
    const listed = await json<Timexes>(`/api/timexes?doc=${docs.dated.id.slice(0, 6)}`, 200);
    assert.deepEqual(
      listed.timexes.map((t) => [t.index, t.text, t.type, t.value]),
      [
        [0, '2026-03-12', 'DATE', '2026-03-12'],
        [1, '2026-03-20', 'DATE', '2026-03-20'],
      ],
    );
    assert.equal(listed.total, 2);
    assert.ok(listed.timexes.every((t) => t.articleId === docs.dated.id && docs.dated.text.slice(t.start, t.end) === t.text));
    assert.equal((await json<Timexes>('/api/timexes?type=DURATION', 200)).total, 0);
    assert.equal((await json<Timexes>(`/api/timexes?doc=${docs.dated.id}&limit=1&offset=1`, 200)).timexes[0].value, '2026-03-20');
    assert.equal((await json<ErrorBody>('/api/timexes?type=date', 400)).error.code, 'bad-parameter');
    assert.equal((await json<ErrorBody>('/api/timexes?doc=zzzz', 404)).error.code, 'not-found');

    const article = await json<{ timexes: { start: number; end: number; type: string; value: string; anchor: unknown }[]; quotes: { date: string | null; dateFrom: string | null }[] }>(
      `/api/articles/${docs.dated.id}`,
      200,
    );
    assert.deepEqual(article.timexes, docs.dated.timexes);
    assert.ok(article.quotes.length >= 1, 'the article has a quote');
    assert.deepEqual([article.quotes[0].date, article.quotes[0].dateFrom], ['2026-03-12', 'sentence']);
  });

  test("GET /api/quotes gives each quote's date, and where it comes from", async () => {
    const listed = await json<{ quotes: { articleId: string; date: string | null; dateFrom: string | null }[] }>(`/api/quotes?doc=${docs.dated.id}`, 200);
    assert.ok(listed.quotes.length >= 1);
    assert.deepEqual([listed.quotes[0].date, listed.quotes[0].dateFrom], ['2026-03-12', 'sentence']);
  });
});

describe('HTTP API: the corpus (stories, entities, copies, statements)', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const json = jsonFrom(() => app);

  before(async () => {
    store = openSqliteStore(':memory:');
    // the whole sample corpus: it holds a rewritten copy and several outlets' reports of one story
    const summary = await ingest(store, [SAMPLE]);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.connected?.connected, summary.ingested, 'ingest connects the batch');
    app = createApp(store);
  });
  after(() => store.close());

  test('GET /api/stories lists stories with dates and sizes; /api/stories/:id one with its articles, copies folded', async () => {
    const page = await json<{ total: number; stories: { id: string; articles: number; reports: number; title: string | null }[] }>('/api/stories', 200);
    assert.ok(page.total >= 1 && page.stories.length === page.total);
    const folded = page.stories.find((s) => s.reports < s.articles);
    assert.ok(folded, 'a story holds a copy');
    const story = await json<{ id: string; articleList: { id: string; copies: number }[]; articleTotal: number }>(`/api/stories/${folded.id.slice(0, 8)}`, 200);
    assert.equal(story.id, folded.id);
    assert.equal(story.articleTotal, folded.reports);
    assert.ok(story.articleList.some((a) => a.copies >= 1));
    assert.equal((await json<ErrorBody>('/api/stories/szzzz', 404)).error.code, 'not-found');
  });

  test('GET /api/overview gives the corpus at a glance: counts by day, language and outlet, stories, leading names, failures', async () => {
    store.recordFailure({ source: 'broken.png', code: 'binary', reason: 'broken.png: looks like a PNG image, not text' });
    const o = await json<{
      facets: { articles: number; reports: number; undated: number; days: { day: string; articles: number }[]; languages: { language: string | null; articles: number }[]; outlets: { outlet: string; articles: number }[]; outletTotal: number };
      stories: { total: number; stories: { id: string; first: string | null; last: string | null; articles: number; reports: number }[] };
      entities: Record<'PER' | 'ORG' | 'LOC', { id: string; name: string; type: string; articles: number; mentions: number }[]>;
      failures: { total: number; failures: { source: string; code: string; reason: string }[] };
    }>('/api/overview', 200);
    const all = store.list({ limit: 1000 });
    const f = o.facets;
    assert.equal(f.articles, all.total);
    assert.equal(f.reports, store.list({ fold: true, limit: 0 }).total, 'copies folded as the folded list folds them');
    assert.ok(f.reports < f.articles, 'the sample holds copies');
    assert.equal(f.undated, all.articles.filter((a) => !a.published).length);
    assert.equal(f.days.reduce((n, d) => n + d.articles, 0) + f.undated, f.articles, 'every dated article on its day');
    assert.deepEqual(f.days.map((d) => d.day), [...new Set(all.articles.filter((a) => a.published).map((a) => a.published!.slice(0, 10)))].sort());
    assert.equal(f.languages.reduce((n, l) => n + l.articles, 0), f.articles);
    assert.ok(f.languages.some((l) => l.language === 'de'), 'the German report counts');
    assert.deepEqual(f.outlets.map((x) => x.articles), [...f.outlets.map((x) => x.articles)].sort((a, b) => b - a), 'most first');
    assert.equal(f.outletTotal, new Set(all.articles.map((a) => a.outlet).filter(Boolean)).size);

    const stories = store.corpus.listStories({ limit: 10 });
    assert.deepEqual(o.stories.stories.map((s) => s.id), stories.stories.map((s) => s.id));
    assert.equal(o.stories.total, stories.total);
    assert.ok(o.stories.stories.some((s) => s.reports < s.articles && s.first && s.last));
    for (const type of ['PER', 'ORG', 'LOC'] as const) {
      const listed = store.corpus.listEntities({ type, limit: 10 }).entities.map((e) => e.id);
      assert.deepEqual(o.entities[type].map((e) => e.id), listed, `${type}: the entity list's first ten`);
      assert.ok(o.entities[type].every((e) => e.type === type));
    }
    assert.ok(o.entities.PER.some((e) => e.name === 'Henrik Solvane'));
    assert.equal(o.failures.total, 1);
    assert.deepEqual(o.failures.failures.map((x) => [x.source, x.code]), [['broken.png', 'binary']]);
    store.clearFailure('broken.png');
    assert.equal((await json<{ stories: { stories: unknown[] } }>('/api/overview?top=1', 200)).stories.stories.length, 1);
    // the sample's events that several reports tell, the most told first
    const reported = (await json<{ reported: { total: number; events: Array<{ id: string; reports: number }> } }>('/api/overview', 200)).reported;
    assert.ok(reported.total >= 2 && reported.events.every((e) => e.reports >= 2), JSON.stringify(reported));
    assert.deepEqual(reported.events.map((e) => e.reports), [...reported.events.map((e) => e.reports)].sort((a, b) => b - a));
    for (const bad of ['limit=5', 'top=0', 'top=101', 'top=x']) assert.equal((await json<ErrorBody>(`/api/overview?${bad}`, 400)).error.code, 'bad-parameter', bad);
  });

  test('GET /api/entities lists corpus entities; /api/entities/:id takes an id or a name and says why names were joined', async () => {
    const page = await json<{ total: number; entities: { id: string; name: string; type: string; aliases: number }[] }>('/api/entities?type=PER&name=solvane', 200);
    assert.equal(page.total, 1);
    const [solvane] = page.entities;
    assert.equal(solvane.name, 'Henrik Solvane');
    const byName = await json<{ id: string; aliasList: { form: string }[]; links: { evidence: string }[]; articleList: unknown[] }>(`/api/entities/${encodeURIComponent('Solvan')}`, 200);
    assert.equal(byName.id, solvane.id);
    assert.ok(byName.aliasList.some((a) => a.form === 'Henrik Solvan'), 'the misspelling is visible');
    assert.ok(byName.links.length >= 1 && byName.links.every((l) => l.evidence.length > 0));
    assert.equal((await json<{ id: string }>(`/api/entities/${solvane.id}`, 200)).id, solvane.id);
    assert.equal((await json<ErrorBody>('/api/entities/nobody-of-that-name', 404)).error.code, 'not-found');
  });

  test('GET /api/articles?fold=1 lists each report once, with how many copies it has', async () => {
    const all = await json<{ total: number }>('/api/articles', 200);
    const folded = await json<{ total: number; articles: { id: string; copies: number }[] }>('/api/articles?fold=1&limit=1000', 200);
    const groups = await json<{ groups: { size: number }[] }>('/api/duplicates', 200);
    const copies = groups.groups.reduce((n, g) => n + g.size - 1, 0);
    assert.ok(copies >= 1);
    assert.equal(folded.total, all.total - copies);
    assert.equal(folded.articles.reduce((n, a) => n + a.copies, 0), copies);
  });

  type Facet = { value: string; label: string | null; count: number; entityType?: string };
  type Facets = Record<'outlet' | 'language' | 'story' | 'entity' | 'type', Facet[]>;

  test('GET /api/articles and /api/search take outlet, language, story, entity and type, and give the facets of the whole result with facets=N', async () => {
    const listed = await json<{ total: number; articles: { id: string }[]; facets: Facets }>('/api/articles?fold=1&facets=5&limit=1', 200);
    assert.deepEqual(Object.keys(listed.facets), ['outlet', 'language', 'story', 'entity', 'type']);
    assert.ok(Object.values(listed.facets).every((values) => values.length >= 1 && values.length <= 5), JSON.stringify(listed.facets));
    assert.equal('facets' in (await json<object>('/api/articles?limit=1', 200)), false, 'no facets unless asked for');
    // each value's count is what choosing it gives
    for (const [name, values] of Object.entries(listed.facets)) {
      for (const v of values) {
        const chosen = await json<{ total: number }>(`/api/articles?fold=1&${name}=${encodeURIComponent(v.value)}&limit=0`, 200);
        assert.equal(chosen.total, v.count, `${name}=${v.value}`);
      }
    }
    const solvane = listed.facets.entity.find((e) => e.label === 'Henrik Solvane');
    assert.ok(solvane && solvane.entityType === 'PER', JSON.stringify(listed.facets.entity));
    const story = listed.facets.story[0];
    assert.ok(story.label && story.count >= 2, JSON.stringify(story));

    // two facets at once: a search narrowed by a story and an event type, its facets counted over every hit
    type Found = { query: string; total: number; hits: { id: string }[]; facets: Facets };
    const wide = await json<Found>('/api/search?q=Halvik&limit=1000', 200);
    const type = (await json<Found>(`/api/search?q=Halvik&story=${story.value}&facets=20&limit=1`, 200)).facets.type[0];
    const narrow = await json<Found>(`/api/search?q=Halvik&story=${story.value.slice(0, 6)}&type=${type.value}&facets=20&limit=1`, 200);
    assert.equal(narrow.total, type.count);
    assert.ok(narrow.total >= 1 && narrow.total < wide.total, `narrower: ${narrow.total} of ${wide.total}`);
    assert.equal(narrow.hits.length, 1, 'one page; the facets count them all');
    assert.deepEqual(narrow.facets.story.map((v) => [v.value, v.count]), [[story.value, narrow.total]]);
    assert.equal(narrow.facets.type.find((v) => v.value === type.value)?.count, narrow.total, 'the chosen type counts every hit');
    for (const article of (await json<Found>(`/api/search?q=Halvik&story=${story.value}&type=${type.value}&limit=1000`, 200)).hits) {
      const doc = await json<{ corpus: { story: { id: string } }; events: { type: string }[] }>(`/api/articles/${article.id}`, 200);
      assert.equal(doc.corpus.story.id, story.value);
      assert.ok(doc.events.some((e) => e.type === type.value));
    }
    // entity and type may be repeated: an article must have each
    const pair = narrow.facets.entity.filter((e) => e.count < narrow.total)[0] ?? narrow.facets.entity[0];
    const both = await json<{ total: number }>(`/api/search?q=Halvik&story=${story.value}&type=${type.value}&entity=${solvane.value}&entity=${pair.value}&limit=0`, 200);
    assert.ok(both.total <= pair.count);
  });

  test('unknown or malformed filters are a 400 bad-parameter that says what is wrong', async () => {
    for (const [path, message] of [
      ['/api/articles?story=snothing', '"story": no story with id "snothing"'],
      ['/api/search?q=Halvik&entity=enothing', '"entity": no corpus entity with id "enothing"'],
      ['/api/articles?entity=e', '"entity": "e" starts the ids of several corpus entities; give more of the id'],
      ['/api/articles?outlet=Nowhere%20Times', '"outlet": no article has the outlet "Nowhere Times" (outlets are matched as the articles write them)'],
      ['/api/articles?language=xx', '"language": no article is in the language "xx"'],
      ['/api/articles?outlet=KalPress&outlet=Meridian%20Wire', '"outlet" is given 2 times; an article has one outlet, give one value'],
      ['/api/search?q=Halvik&facets=101', '"facets" must be at most 100, got 101'],
      ['/api/articles?facets=all', '"facets" must be a whole number, got "all"'],
      [`/api/articles?${Array.from({ length: 11 }, () => 'type=CONSULT').join('&')}`, '"type" is given 11 times; give it at most 10 times'],
    ]) {
      assert.deepEqual((await json<ErrorBody>(path, 400)).error, { code: 'bad-parameter', message }, path);
    }
    const badType = await json<ErrorBody>('/api/search?q=Halvik&type=CONSULT&type=consult', 400);
    assert.equal(badType.error.code, 'bad-parameter');
    assert.match(badType.error.message, /^"type" must be one of AGREE, CONSULT, .*, FIGHT, got "consult"$/);
    assert.equal((await json<{ total: number }>('/api/articles?outlet=&story=&entity=', 200)).total, store.count(), 'an empty value is no filter');
  });

  test('GET /api/duplicates and /api/statements; the article JSON carries its story, copies and corpus entities', async () => {
    const groups = await json<{ total: number; groups: { id: string; original: { id: string }; members: { id: string; share: number }[] }[] }>('/api/duplicates', 200);
    assert.ok(groups.total >= 1);
    const [group] = groups.groups;
    assert.ok(group.members.length >= 2 && group.members.every((m) => m.share > 0.5));
    const statements = await json<{ total: number; statements: { reports: number; items: unknown[] }[] }>('/api/statements', 200);
    assert.ok(statements.statements.every((s) => s.reports >= 2 && s.items.length === s.reports));
    const copy = group.members.find((m) => m.id !== group.original.id)!;
    const article = await json<{ corpus: { story: { id: string }; duplicates: { group: string; original: string } }; entities: { corpusEntity: string | null }[] }>(`/api/articles/${copy.id}`, 200);
    assert.equal(article.corpus.duplicates.group, group.id);
    assert.equal(article.corpus.duplicates.original, group.original.id);
    assert.ok(article.corpus.story.id.startsWith('s'));
    assert.ok(article.entities.length > 0 && article.entities.every((e) => typeof e.corpusEntity === 'string'));
  });
});

describe('HTTP API: events', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const json = jsonFrom(() => app);
  // events written by hand over the text, so that the API is tested apart from the events stage
  const doc = articleWithEvents({ context: 'prisoner exchange' });

  before(() => {
    store = openSqliteStore(':memory:');
    store.put(doc);
    app = createApp(store);
  });
  after(() => store.close());

  type Events = { total: number; events: { articleId: string; index: number; type: string; cameo: string; trigger: string; date: string | null; summary: string; sentence: string; spans: { trigger: { start: number; end: number } } }[] };

  test('GET /api/events lists events, the latest dated first, each with its readable line, sentence and spans; filters narrow it', async () => {
    const all = await json<Events>('/api/events', 200);
    assert.equal(all.total, 2);
    assert.deepEqual(all.events.map((e) => [e.type, e.cameo, e.trigger, e.date]), [['RETREAT', '0841', 'released', '2026-03-14'], ['CONSULT', '043', 'met', '2026-03-12']]);
    assert.equal(all.events[1].summary, 'Henrik Solvane (KVR GOV) — CONSULT, third-party → Ilse Brandoch (HLV GOV), Skarholm, 2026-03-12');
    assert.equal(all.events[1].sentence, 'Henrik Solvane met Ilse Brandoch in Skarholm on 2026-03-12.');
    assert.ok(all.events.every((e) => doc.text.slice(e.spans.trigger.start, e.spans.trigger.end) === e.trigger));
    const triggers = async (query: string) => (await json<Events>(`/api/events?${query}`, 200)).events.map((e) => e.trigger);
    assert.deepEqual(await triggers('type=CONSULT'), ['met']);
    assert.deepEqual(await triggers('country=hlv'), ['met']);
    assert.deepEqual(await triggers('actor=PRISONERS'), ['released']);
    assert.deepEqual(await triggers('from=2026-03-13&to=2026-03-31'), ['released']);
    assert.deepEqual(await triggers(`doc=${doc.id.slice(0, 6)}&limit=1&offset=1`), ['met']);
    assert.deepEqual(await triggers('entity=nobody'), []);
  });

  test('GET /api/overview counts the events by the day they are dated to and by type', async () => {
    const overview = await json<{ events: unknown }>('/api/overview', 200);
    assert.deepEqual(overview.events, {
      events: 2,
      undated: 0,
      days: [{ day: '2026-03-12', events: 1 }, { day: '2026-03-14', events: 1 }],
      types: [{ type: 'CONSULT', events: 1 }, { type: 'RETREAT', events: 1 }],
    });
  });

  test('bad event filters are a 400 bad-parameter, an unknown article a 404', async () => {
    for (const path of ['/api/events?type=consult', '/api/events?country=Russia', '/api/events?from=12.03.2026', '/api/events?from=2026-03-20&to=2026-03-01', '/api/events?format=xml', '/api/events?speaker=x']) {
      assert.equal((await json<ErrorBody>(path, 400)).error.code, 'bad-parameter', path);
    }
    assert.equal((await json<ErrorBody>('/api/events?doc=zzzz', 404)).error.code, 'not-found');
    assert.equal((await json<ErrorBody>('/api/events?doc=zzzz&format=csv', 404)).error.code, 'not-found', 'checked before a download starts');
  });

  let all: Events;
  before(async () => {
    all = await json<Events>('/api/events', 200);
  });

  test('GET /api/quotes?format=csv downloads every matching quote as CSV; a bad article is a 404 first', async () => {
    const res = await app.request('/api/quotes?format=csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /filename="dossier-quotes\.csv"/);
    const lines = (await res.text()).split('\r\n');
    assert.match(lines[0], /^date,date_from,speaker,speaker_how,via,kind,cue,content,article_id,/);
    assert.equal(lines.length - 2, store.quotes().total, 'a row per quote');
    assert.equal((await json<ErrorBody>('/api/quotes?format=csv&doc=zzzz', 404)).error.code, 'not-found');
  });

  test('GET /api/events?format=csv downloads every matching event as CSV, one row per event', async () => {
    const res = await app.request('/api/events?format=csv&type=CONSULT');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="dossier-events\.csv"/);
    const lines = (await res.text()).split('\r\n');
    assert.equal(lines.at(-1), '', 'every line ends with CRLF');
    assert.equal(lines[0].split(',')[0], 'date');
    assert.equal(lines.length, 3, 'the header and one event');
    assert.match(lines[1], /^2026-03-12,timex,Henrik Solvane,KVR,GOV,CONSULT,third-party,,043,asserted,Ilse Brandoch,HLV,GOV,Skarholm,HLV,met,/);
    assert.ok(lines[1].endsWith(',Henrik Solvane met Ilse Brandoch in Skarholm on 2026-03-12.,,'), 'no corpus event before connecting');
    const article = await json<{ events: Array<{ summary: string; corpusEvent: unknown }> }>(`/api/articles/${doc.id}`, 200);
    assert.deepEqual(article.events.map(({ summary: _, corpusEvent: __, ...e }) => e), doc.events, 'the article JSON carries its events');
    assert.ok(article.events.every((e) => e.corpusEvent === null), 'not connected yet');
    assert.equal(article.events[0].summary, all.events[1].summary, 'each with the line lists give it');
  });
});

describe('HTTP API: corpus events', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const json = jsonFrom(() => app);
  const reports = [
    meetingReport('Envoy meets president\n\nHenrik Solvane met Miran Dastevi in Ostmar on Wednesday.', '2026-03-12', 'Meridian Wire', [
      { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place: 'Ostmar', stated: '2026-03-11' },
    ]),
    meetingReport('Talks in Drevin\n\nHenrik Solvane met Miran Dastevi in Drevin on Wednesday.', '2026-03-12', 'Continental Review', [
      { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place: 'Drevin', stated: '2026-03-11' },
    ]),
  ];

  before(() => {
    store = openSqliteStore(':memory:');
    for (const r of reports) store.put(r);
    connect(store);
    app = createApp(store);
  });
  after(() => store.close());

  type Folded = { total: number; events: Array<{ id: string; reports: number; first: string; outlets: string[]; summary: string }> };
  type Detail = Folded['events'][number] & { reportList: Array<{ articleId: string; corpusEvent: { id: string; reports: number } }>; disagreements: Array<{ field: string; values: Array<{ value: string; reports: number }> }>; links: Array<{ evidence: string }> };

  test('GET /api/corpus-events lists real-world events with their reports folded in; GET /api/corpus-events/:id shows one with where its reports disagree', async () => {
    const folded = await json<Folded>('/api/corpus-events?min=2', 200);
    assert.equal(folded.total, 1);
    const [event] = folded.events;
    assert.deepEqual([event.reports, event.first, [...event.outlets].sort()], [2, '2026-03-11', ['Continental Review', 'Meridian Wire']]);
    assert.equal((await json<Folded>('/api/corpus-events?type=AGREE', 200)).total, 0);
    assert.equal((await json<Folded>('/api/corpus-events?country=KVR', 200)).total, 0, 'the reports name no country');
    const detail = await json<Detail>(`/api/corpus-events/${event.id}`, 200);
    assert.equal(detail.reportList.length, 2);
    assert.ok(detail.reportList.every((r) => r.corpusEvent.id === event.id));
    assert.deepEqual(detail.disagreements, [{ field: 'place', values: [{ value: 'Drevin', reports: 1 }, { value: 'Ostmar', reports: 1 }] }]);
    assert.match(detail.links[0].evidence, /disagree on place/);
    const article = await json<{ events: Array<{ corpusEvent: { id: string; reports: number } }> }>(`/api/articles/${reports[1].id}`, 200);
    assert.deepEqual(article.events[0].corpusEvent, { id: event.id, reports: 2 });
    const rows = await json<{ events: Array<{ corpusEvent: { id: string } }> }>('/api/events', 200);
    assert.ok(rows.events.every((e) => e.corpusEvent.id === event.id));
  });

  test('a bad filter is a 400 that names it; an unknown event is a 404', async () => {
    for (const path of ['/api/corpus-events?min=0', '/api/corpus-events?min=x', '/api/corpus-events?type=meet', '/api/corpus-events?format=csv', '/api/corpus-events?from=2026-3-1']) {
      assert.equal((await json<ErrorBody>(path, 400)).error.code, 'bad-parameter', path);
    }
    assert.equal((await json<ErrorBody>('/api/corpus-events/v000', 404)).error.code, 'not-found');
    const story = store.corpus.storyOf(reports[0].id)!;
    assert.equal((await json<ErrorBody>(`/api/stories/${story}?since=March`, 400)).error.code, 'bad-parameter');
    const since = await json<{ since: { day: string; events: number }; events: Array<{ reports: number }> }>(`/api/stories/${story}?since=2026-03-11`, 200);
    assert.deepEqual([since.since.day, since.since.events, since.events[0].reports], ['2026-03-11', 1, 2]);
  });
});

describe('HTTP API: timeline', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const json = jsonFrom(() => app);
  const meeting = (outlet: string, place: string) =>
    meetingReport(`Envoy meets president\n\nHenrik Solvane met Miran Dastevi in ${place} on Wednesday.`, '2026-03-12', outlet, [
      { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place, stated: '2026-03-11' },
    ]);
  const reports = [meeting('Meridian Wire', 'Ostmar'), meeting('Continental Review', 'Drevin')];

  before(async () => {
    store = openSqliteStore(':memory:');
    for (const r of reports) store.put(r);
    assert.deepEqual((await ingest(store, FILES.map((f) => join(SAMPLE, f)))).failed, []);
    connect(store);
    app = createApp(store);
  });
  after(() => store.close());

  type Timeline = {
    events: { total: number; items: Array<{ id: string; reports: number; first: string; shown: { articleId: string; index: number } }> };
    statements: { total: number; items: Array<{ id: string; day: string; reports: number; speaker: string; content: string; shown: { articleId: string; index: number } }> };
    statementsApply: boolean;
    story: { id: string; title: string | null } | null;
  };

  test('GET /api/timeline lists dated events and statements, the most reported first, and filters them', async () => {
    const all = await json<Timeline>('/api/timeline', 200);
    assert.equal(all.events.items[0].reports, 2, 'the meeting two outlets report comes first');
    assert.equal(all.events.items[0].first, '2026-03-11');
    assert.ok(all.statements.total > 0 && all.statements.items.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.day) && s.content && s.shown.articleId));
    const byOutlet = await json<Timeline>('/api/timeline?outlet=Continental%20Review', 200);
    assert.deepEqual(byOutlet.events.items.map((e) => e.id), [all.events.items[0].id], 'an event is kept when one of its reports is from the outlet');
    assert.equal(byOutlet.statements.total, 0, 'that outlet reports no quote');
    const typed = await json<Timeline>('/api/timeline?type=CONSULT', 200);
    assert.equal(typed.statementsApply, false);
    assert.equal(typed.statements.total, 0);
    const story = store.corpus.storyOf(reports[0].id)!;
    const ofStory = await json<Timeline>(`/api/timeline?story=${story}&from=2026-03-11&to=2026-03-11`, 200);
    assert.equal(ofStory.story?.id, story);
    assert.equal(ofStory.events.items[0].id, all.events.items[0].id);
    const one = await json<Timeline>('/api/timeline?limit=1', 200);
    assert.deepEqual([one.events.items.length, one.events.total, one.statements.items.length, one.statements.total], [1, all.events.total, 1, all.statements.total]);
  });

  test('a filter that names nothing, a bad day or limit, or a parameter it does not take is a 400', async () => {
    for (const path of ['/api/timeline?story=sXYZ', '/api/timeline?entity=nobody', '/api/timeline?outlet=Nowhere', '/api/timeline?limit=2000', '/api/timeline?min=0', '/api/timeline?from=2026-3-1', '/api/timeline?actor=Solvane', '/api/timeline?country=RU', '/api/timeline?type=meet']) {
      assert.equal((await json<ErrorBody>(path, 400)).error.code, 'bad-parameter', path);
    }
  });
});

describe('HTTP API: sorted tables', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const json = jsonFrom(() => app);

  before(async () => {
    store = openSqliteStore(':memory:');
    assert.deepEqual((await ingest(store, FILES.map((f) => join(SAMPLE, f)))).failed, []);
    app = createApp(store);
  });
  after(() => store.close());

  type Rows = { total: number; events?: Array<{ articleId: string; index: number; id?: string }>; quotes?: Array<{ articleId: string; index: number }> };
  const keys = (rows: Rows) => (rows.events ?? rows.quotes ?? []).map((r) => r.id ?? `${r.articleId}:${r.index}`);

  test('GET /api/events, /api/corpus-events and /api/quotes take sort: the store orders the whole result, a page of it is a page of that order', async () => {
    const cases = [
      ['/api/events', ['type', '-type', 'date', 'outlet', '-reports'], (sort: string, page: { limit: number; offset: number }) => store.events({ sort: sort as never, ...page })],
      ['/api/corpus-events', ['type', 'date', '-reports'], (sort: string, page: { limit: number; offset: number }) => store.corpusEvents({ sort: sort as never, ...page })],
      ['/api/quotes', ['speaker', '-speaker', 'date', 'outlet'], (sort: string, page: { limit: number; offset: number }) => store.quotes({ sort: sort as never, ...page })],
    ] as const;
    for (const [path, sorts, read] of cases) {
      const unsorted = keys(await json<Rows>(`${path}?limit=1000`, 200));
      let reordered = 0;
      for (const sort of sorts) {
        const whole = keys(read(sort, { limit: 1000, offset: 0 }) as Rows);
        assert.deepEqual(keys(await json<Rows>(`${path}?sort=${sort}&limit=1000`, 200)), whole, `${path}?sort=${sort}`);
        assert.deepEqual(keys(await json<Rows>(`${path}?sort=${sort}&limit=5&offset=5`, 200)), whole.slice(5, 10), `${path}?sort=${sort}: the second page`);
        if (whole.join() !== unsorted.join()) reordered++;
      }
      assert.ok(reordered >= sorts.length - 1, `${path}: the sorts change the order`);
    }
  });

  test('a CSV download comes in the order asked for', async () => {
    const lines = async (path: string) => (await (await app.request(path)).text()).split('\r\n').slice(1, -1);
    const byType = await lines('/api/events?format=csv&sort=type');
    const types = byType.map((l) => l.split(',')[5]);
    assert.deepEqual(types, [...types].sort(), 'PLOVER types in order');
    assert.equal(byType.length, store.events().total);
    const byDate = await lines('/api/quotes?format=csv&sort=-date');
    const days = byDate.map((l) => l.split(',')[0]).filter(Boolean);
    assert.deepEqual(days, [...days].sort().reverse(), 'the latest quotes first');
  });

  test('a sort that is not one of the keys is a 400 that lists them', async () => {
    const cases = [
      ['/api/events?sort=speaker', '"sort" must be one of date, type, outlet, reports, -date, -type, -outlet, -reports'],
      ['/api/corpus-events?sort=outlet', '"sort" must be one of date, type, reports, -date, -type, -reports'],
      ['/api/quotes?sort=--date', '"sort" must be one of date, speaker, outlet, -date, -speaker, -outlet'],
      ['/api/timexes?sort=date', 'does not take "sort"'],
    ];
    for (const [path, message] of cases) {
      const { error } = await json<ErrorBody>(path, 400);
      assert.equal(error.code, 'bad-parameter', path);
      assert.ok(error.message.includes(message), `${path}: ${error.message}`);
    }
  });
});
