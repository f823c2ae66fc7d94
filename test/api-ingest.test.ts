// Ingest from the page through the HTTP API: POST /api/ingest starts a job, GET /api/ingest/:job
// follows it. Most requests go through Hono's app.request(); the Host check and the preflight
// go through a real server, as a browser's requests do.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/serve/app.ts';
import type { IngestJob } from '../src/serve/ingest-jobs.ts';
import { boundHost, startServer, type RunningServer } from '../src/serve/server.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { StoreError, type Store } from '../src/store/store.ts';

const HEADER = { 'X-Dossier-Request': 'ingest' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array(600).fill(0)]);

type App = ReturnType<typeof createApp>;
interface ErrorBody {
  error: { code: string; message: string };
}

/** A distinct short article; `n` makes its content unique. */
function article(n: number, topic = 'ferry'): string {
  return `Lorvane ${topic} report number ${n}\n\nThe ${topic} to Halvik ran again on day ${n} after the storm, the operator said on Sunday.\nPassengers number ${n * 7} waited at the harbour office for the first crossing.\n`;
}

/** A multipart body: files as [name, content] and the URLs field. */
function form(files: Array<[string, string | Uint8Array]>, urls?: string): FormData {
  const body = new FormData();
  for (const [name, content] of files) body.append('files', new File([content], name));
  if (urls !== undefined) body.append('urls', urls);
  return body;
}

function post(app: App, body: BodyInit, headers: Record<string, string> = HEADER): Promise<Response> {
  return Promise.resolve(app.request('/api/ingest', { method: 'POST', body, headers }));
}

async function jsonOf<T>(res: Response | Promise<Response>, status: number): Promise<T> {
  const answer = await res;
  const text = await answer.text();
  assert.equal(answer.status, status, text);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  assert.doesNotMatch(text, /\n\s+at /, 'no stack trace');
  return JSON.parse(text) as T;
}

/** Polls a job until it is no longer running; returns it and every state seen on the way. */
async function finished(app: App, id: string): Promise<{ job: IngestJob; seen: IngestJob[] }> {
  const seen: IngestJob[] = [];
  for (let i = 0; i < 20_000; i++) {
    const job = await jsonOf<IngestJob>(app.request(`/api/ingest/${id}`), 200);
    seen.push(job);
    if (job.state !== 'running') return { job, seen };
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail(`job ${id} did not finish`);
}

describe('POST /api/ingest', () => {
  let store: Store;
  let app: App;
  before(() => {
    store = openSqliteStore(':memory:');
    app = createApp(store, { ingest: { maxUrls: 3 } });
  });
  after(() => store.close());

  test('two files, one broken: a job answered at once, then one article ingested and one failure with its reason', async () => {
    const res = await post(app, form([['ferry.txt', article(1)], ['photo.txt', PNG]]));
    const started = await jsonOf<IngestJob>(res, 202);
    assert.equal(res.headers.get('location'), `/api/ingest/${started.id}`);
    assert.equal(started.state, 'running');
    assert.deepEqual(started.progress, { inputsDone: 0, inputsTotal: 2, ingested: 0, skipped: 0, failed: 0 });

    const { job } = await finished(app, started.id);
    assert.equal(job.state, 'done', JSON.stringify(job));
    assert.deepEqual(job.progress, { inputsDone: 2, inputsTotal: 2, ingested: 1, skipped: 0, failed: 1 });
    const summary = job.summary!;
    assert.equal(summary.ingested, 1);
    assert.deepEqual(summary.failed, [{ source: 'photo.txt', code: 'binary', reason: 'photo.txt: looks like a PNG image, not text' }]);
    assert.equal(summary.articles.length, 1);
    assert.deepEqual({ ...summary.articles[0], id: '' }, { id: '', title: 'Lorvane ferry report number 1', source: 'ferry.txt' });
    assert.equal(summary.connected, 1, 'the batch is connected');

    // the new article is in the list, its failure in the overview, as after `dossier ingest`
    const list = await jsonOf<{ articles: { id: string }[] }>(app.request('/api/articles'), 200);
    assert.deepEqual(list.articles.map((a) => a.id), [summary.articles[0].id]);
    const overview = await jsonOf<{ failures: { failures: { source: string; code: string }[] } }>(app.request('/api/overview'), 200);
    assert.ok(overview.failures.failures.some((f) => f.source === 'photo.txt' && f.code === 'binary'));

    // the same file again is a duplicate
    const again = await jsonOf<IngestJob>(post(app, form([['ferry-again.txt', article(1)]])), 202);
    assert.deepEqual((await finished(app, again.id)).job.summary?.skipped, 1);
  });

  test('the server answers while a job runs, its progress moves, and a second job is refused with a 409', async () => {
    const files = Array.from({ length: 12 }, (_, i): [string, string] => [`report-${i}.txt`, article(100 + i, 'bridge')]);
    const started = await jsonOf<IngestJob>(post(app, form(files)), 202);

    const busy = await jsonOf<ErrorBody>(post(app, form([['late.txt', article(999)]])), 409);
    assert.equal(busy.error.code, 'busy');
    assert.match(busy.error.message, new RegExp(`an ingest is already running \\(job ${started.id}: \\d+ of 12 inputs done\\); wait until it has finished`));
    const limits = await jsonOf<{ running: IngestJob | null }>(app.request('/api/ingest'), 200);
    assert.equal(limits.running?.id, started.id);

    const { job, seen } = await finished(app, started.id);
    const midway = seen.filter((j) => j.state === 'running' && j.progress.inputsDone > 0 && j.progress.inputsDone < 12);
    assert.ok(midway.length > 0, `the job was seen part way: ${seen.map((j) => j.progress.inputsDone).join(' ')}`);
    const done = seen.map((j) => j.progress.inputsDone);
    assert.deepEqual(done, [...done].sort((a, b) => a - b), 'progress only moves forward');
    assert.equal(job.summary?.ingested, 12);
    assert.equal((await jsonOf<{ running: IngestJob | null }>(app.request('/api/ingest'), 200)).running, null);

    // once it has finished, the next one is taken
    const next = await jsonOf<IngestJob>(post(app, form([['late.txt', article(999)]])), 202);
    assert.equal((await finished(app, next.id)).job.summary?.ingested, 1);
  });

  test('bad URLs are failures of the job with their reasons, never paths read; too many URLs are refused', async () => {
    const started = await jsonOf<IngestJob>(post(app, form([], 'not a url\n/etc/hostname\n\n# a comment\nftp://example.org/a\n')), 202);
    const { job } = await finished(app, started.id);
    assert.equal(job.state, 'done');
    assert.deepEqual(
      job.summary?.failed.map((f) => [f.source, f.code]),
      [['not a url', 'bad-url'], ['/etc/hostname', 'bad-url'], ['ftp://example.org/a', 'bad-url']],
    );
    assert.equal(job.summary!.failed[1].reason, '"/etc/hostname" is not a valid URL');
    assert.match(job.summary!.failed[2].reason, /only http and https URLs can be fetched/);

    const many = await jsonOf<ErrorBody>(post(app, form([], 'http://127.0.0.1:9/1\nhttp://127.0.0.1:9/2\nhttp://127.0.0.1:9/3\nhttp://127.0.0.1:9/4')), 400);
    assert.equal(many.error.code, 'too-many-urls');
    assert.match(many.error.message, /^4 URLs is over the limit of 3 for one ingest/);
  });

  test('a request that is no ingest gets a 4xx that says why', async () => {
    assert.equal((await jsonOf<ErrorBody>(post(app, form([])), 400)).error.code, 'nothing-to-ingest');
    assert.equal((await jsonOf<ErrorBody>(post(app, form([], '  \n# only a comment\n')), 400)).error.code, 'nothing-to-ingest');
    const wrongType = await jsonOf<ErrorBody>(post(app, JSON.stringify({ urls: ['http://example.org'] }), { ...HEADER, 'Content-Type': 'application/json' }), 415);
    assert.match(wrongType.error.message, /multipart\/form-data/);
    const other = form([['a.txt', article(5)]]);
    other.append('path', '/etc/passwd');
    const unknown = await jsonOf<ErrorBody>(post(app, other), 400);
    assert.match(unknown.error.message, /does not take "path"; it takes "files" and "urls"/);
    const broken = await jsonOf<ErrorBody>(post(app, '--x\r\nnot a part', { ...HEADER, 'Content-Type': 'multipart/form-data; boundary=x' }), 400);
    assert.equal(broken.error.code, 'bad-request');
    assert.equal((await jsonOf<ErrorBody>(app.request('/api/ingest/nosuchjob'), 404)).error.code, 'not-found');
    assert.equal((await jsonOf<ErrorBody>(app.request('/api/ingest?x=1'), 400)).error.code, 'bad-parameter');
  });

  test('refused without the header or from another origin; the page\'s own origin is taken', async () => {
    const noHeader = await jsonOf<ErrorBody>(post(app, form([['a.txt', article(7)]]), {}), 403);
    assert.equal(noHeader.error.code, 'forbidden');
    assert.match(noHeader.error.message, /needs the header "X-Dossier-Request: ingest"/);
    const wrongValue = await jsonOf<ErrorBody>(post(app, form([['a.txt', article(7)]]), { 'X-Dossier-Request': 'yes' }), 403);
    assert.equal(wrongValue.error.code, 'forbidden');
    for (const origin of ['http://evil.example', 'http://localhost.evil.example', 'null']) {
      const refused = await jsonOf<ErrorBody>(post(app, form([['a.txt', article(7)]]), { ...HEADER, Origin: origin }), 403);
      assert.match(refused.error.message, /taken only from Dossier's own page/, origin);
    }
    assert.equal((await jsonOf<ErrorBody>(app.request('/api/ingest', { headers: { Origin: 'http://evil.example' } }), 403)).error.code, 'forbidden');
    const own = await jsonOf<IngestJob>(post(app, form([['a.txt', article(7)]]), { ...HEADER, Origin: 'http://localhost' }), 202);
    assert.equal((await finished(app, own.id)).job.summary?.ingested, 1);
  });
});

describe('POST /api/ingest limits and stores', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-api-ingest-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a request over the size limit is refused with a 413 and a message, with or without its length', async () => {
    const store = openSqliteStore(':memory:');
    const app = createApp(store, { ingest: { maxRequestBytes: 2000 } });
    const big = await jsonOf<ErrorBody>(post(app, form([['big.txt', 'words '.repeat(500)]])), 413);
    assert.equal(big.error.code, 'too-large');
    assert.match(big.error.message, /^the request is over the limit of 2 KB for one ingest/);

    // streamed, without Content-Length: counted as it comes
    const multipart = new Request('http://localhost/', { method: 'POST', body: form([['big.txt', 'words '.repeat(500)]]) });
    const bytes = new Uint8Array(await multipart.arrayBuffer());
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.subarray(i, i + 500));
        controller.close();
      },
    });
    const streamed = await app.request('/api/ingest', { method: 'POST', body: stream, duplex: 'half', headers: { ...HEADER, 'Content-Type': multipart.headers.get('content-type')! } } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.equal(((await streamed.json()) as ErrorBody).error.code, 'too-large');

    // under the limit, the same route takes it
    const small = await jsonOf<IngestJob>(post(app, form([['small.txt', article(1)]])), 202);
    assert.equal((await finished(app, small.id)).job.summary?.ingested, 1);
    store.close();
  });

  test('a database that cannot be written: a 503 at the start, or a failed job with the reason, never a 500', async () => {
    const db = join(dir, 'read-only.db');
    openSqliteStore(db).close();
    const reader = openSqliteStore(db, { readonly: true });
    const cannotOpen = createApp(reader, {
      ingest: {
        openStore: () => {
          throw new StoreError('read-only', `${db} is read-only: Dossier cannot write to it`);
        },
      },
    });
    const refused = await jsonOf<ErrorBody>(post(cannotOpen, form([['a.txt', article(1)]])), 503);
    assert.equal(refused.error.code, 'read-only');

    const writesReadOnly = createApp(reader);
    const started = await jsonOf<IngestJob>(post(writesReadOnly, form([['a.txt', article(1)]])), 202);
    const { job } = await finished(writesReadOnly, started.id);
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'read-only');
    assert.match(job.error!.message, /read-only/);
    reader.close();
  });

  test('dossier serve writes through its own connection: what a job stores, the read-only one reads', async () => {
    const db = join(dir, 'served.db');
    openSqliteStore(db).close();
    const reader = openSqliteStore(db, { readonly: true });
    const app = createApp(reader, { ingest: { openStore: () => openSqliteStore(db) } });
    const started = await jsonOf<IngestJob>(post(app, form([['a.txt', article(1)], ['b.txt', article(2)]])), 202);
    assert.equal((await finished(app, started.id)).job.summary?.ingested, 2);
    assert.equal(reader.count(), 2);
    assert.equal((await jsonOf<{ total: number }>(app.request('/api/stories'), 200)).total > 0, true, 'connected');
    reader.close();
  });
});

describe('ingest over a real socket', () => {
  let store: Store;
  let server: RunningServer;
  let port: number;
  before(async () => {
    store = openSqliteStore(':memory:');
    server = await startServer(store, { port: 0 });
    port = Number(new URL(server.url).port);
  });
  after(async () => {
    await server.close();
    store.close();
  });

  /** A raw request, so that Host can be any name, as a rebinding page's is. */
  function raw(method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  test('a Host that is not the bound address is refused (DNS rebinding), for ingest and for every read, the bound one and localhost are taken', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="urls"\r\n\r\nnot a url\r\n--b--\r\n';
    const headers = { ...HEADER, 'Content-Type': 'multipart/form-data; boundary=b' };
    const rebound = await raw('POST', '/api/ingest', { ...headers, Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }, body);
    assert.equal(rebound.status, 403);
    assert.match(rebound.body, /does not answer requests addressed to \\"evil\.example:\d+\\"/);
    // nor are the corpus's reads: a rebinding page reads nothing either
    for (const path of ['/api/articles', '/api/overview', '/api/events']) assert.equal((await raw('GET', path, { Host: `evil.example:${port}` })).status, 403, path);
    assert.equal((await raw('GET', '/api/articles', { Host: `127.0.0.1:${port}` })).status, 200);
    assert.equal((await raw('GET', '/api/ingest', { Host: `evil.example:${port}` })).status, 403);
    assert.equal((await raw('GET', '/api/ingest', { Host: `127.0.0.1:${port + 1}` })).status, 403, 'another port');
    assert.equal((await raw('GET', '/api/ingest', { Host: `localhost:${port}` })).status, 200);

    const taken = await raw('POST', '/api/ingest', { ...headers, Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` }, body);
    assert.equal(taken.status, 202, taken.body);
    const id = (JSON.parse(taken.body) as IngestJob).id;
    for (let i = 0; i < 200; i++) {
      const job = JSON.parse((await raw('GET', `/api/ingest/${id}`, { Host: `127.0.0.1:${port}` })).body) as IngestJob;
      if (job.state === 'done') return assert.equal(job.summary?.failed[0].code, 'bad-url');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail('the job did not finish');
  });

  test('no CORS preflight is answered', async () => {
    const preflight = await raw('OPTIONS', '/api/ingest', {
      Host: `127.0.0.1:${port}`,
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'x-dossier-request',
    });
    assert.equal(preflight.status, 405);
    assert.match(preflight.body, /answers no cross-origin requests/);
    for (const name of Object.keys(preflight.headers)) assert.doesNotMatch(name, /^access-control-/i);
  });

  test('boundHost: the bound address, loopback names for a loopback bind, any IP for a wildcard bind, never another name', () => {
    const loopback = boundHost('127.0.0.1', 8700);
    for (const host of ['127.0.0.1:8700', 'localhost:8700', 'LOCALHOST:8700', '[::1]:8700']) assert.equal(loopback(host), true, host);
    for (const host of ['127.0.0.1:8701', 'evil.example:8700', '127.0.0.1', '192.168.1.5:8700', 'localhost.evil.example:8700']) assert.equal(loopback(host), false, host);
    const lan = boundHost('192.168.1.5', 8700);
    assert.equal(lan('192.168.1.5:8700'), true);
    assert.equal(lan('localhost:8700'), false);
    const all = boundHost('0.0.0.0', 8700);
    assert.equal(all('10.0.0.7:8700'), true);
    assert.equal(all('[fe80::1]:8700'), true);
    assert.equal(all('evil.example:8700'), false);
    assert.equal(boundHost('127.0.0.1', 80)('localhost'), true, 'port 80 is left out');
    assert.equal(boundHost('127.0.0.1', 8700)('localhost'), false);
    const named = boundHost('dossier.local', 8700);
    assert.equal(named('dossier.local:8700'), true);
    assert.equal(named('localhost:8700'), false);
  });
});
