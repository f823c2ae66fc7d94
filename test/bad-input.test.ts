// Bad input gets a clear error and loses nothing: every case ingests the bad input together
// with a good article in one batch, and checks that the good one is stored and the bad one
// is reported (in the summary and in the store) with a stable code and a reason naming it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/doc/doc.ts';
import { ingest, type IngestSummary } from '../src/ingest/ingest.ts';
import { LAYER_NAMES } from '../src/store/layer-codec.ts';
import { MIGRATIONS } from '../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { StoreError, type Store } from '../src/store/store.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dossier-bad-input-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder under the suite's temp dir. */
function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A distinct, plausible news article; `n` makes its content (and so its id) unique. */
function articleText(n: number): string {
  return [
    `Lorvane council approves flood plan number ${n}`,
    '',
    `The Lorvane council voted on Tuesday to approve flood plan number ${n}, officials said. ` +
      `The plan will cost ${n * 13 + 7} thousand crowns and should be finished within ${(n % 9) + 2} weeks.`,
    '',
    `A spokesperson for the residents' group said ${n + 40} families had asked for the work to begin before the spring rains. ` +
      'The mayor promised that the river banks would be inspected every month.',
    '',
  ].join('\n');
}

/** Writes a good article file and returns its path and a phrase only it contains. */
function goodArticle(dir: string, n = 1): { path: string; phrase: string } {
  const path = join(dir, `good-${n}.txt`);
  writeFileSync(path, articleText(n));
  return { path, phrase: `flood plan number ${n},` };
}

/** The stored article that came from `source`, read back from the store. */
function storedFrom(store: Store, source: string): Doc | undefined {
  const summary = store.list({ limit: 1000 }).articles.find((a) => a.source === source);
  return summary ? store.get(summary.id) : undefined;
}

/** The good article is stored, whole. */
function assertStored(store: Store, good: { path: string; phrase: string }): void {
  const doc = storedFrom(store, good.path);
  assert.ok(doc, `expected ${good.path} to be stored; stored: ${store.list().articles.map((a) => a.source).join(', ')}`);
  assert.ok(doc.text.includes(good.phrase), doc.text);
  assert.ok(doc.sentences.length > 0 && doc.tokens.length > 0, 'stored with its layers');
}

/** The input failed with `code`, its reason names it, and the store kept the failure. */
function assertFailed(summary: IngestSummary, store: Store, source: string, code: string, name = source): string {
  const failure = summary.failed.find((f) => f.source === source);
  assert.ok(failure, `expected ${source} in summary.failed; got ${JSON.stringify(summary.failed)}`);
  assert.equal(failure.code, code, failure.reason);
  assert.ok(failure.reason.includes(name), `the reason should name ${name}: ${failure.reason}`);
  const stored = store.failures().find((f) => f.source === source);
  assert.ok(stored, `expected ${source} in store.failures(); got ${JSON.stringify(store.failures())}`);
  assert.equal(stored.code, code);
  assert.equal(stored.reason, failure.reason);
  return failure.reason;
}

describe('bad files', () => {
  test('a PNG renamed .txt fails as binary; the good article is stored', async () => {
    const dir = folder('binary');
    const good = goodArticle(dir);
    const png = join(dir, 'photo.txt');
    const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    writeFileSync(png, Buffer.concat([Buffer.from(header), Buffer.alloc(2000, 0x7f), Buffer.alloc(500, 0)]));
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [png, good.path]);
    assert.equal(summary.ingested, 1);
    assert.equal(summary.failed.length, 1);
    const reason = assertFailed(summary, store, png, 'binary');
    assert.match(reason, /PNG/);
    assertStored(store, good);
    assert.equal(store.count(), 1);
    store.close();
  });

  test('an empty file fails as empty; the good article is stored', async () => {
    const dir = folder('empty');
    const good = goodArticle(dir);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [good.path, empty]);
    assert.equal(summary.ingested, 1);
    assert.equal(summary.failed.length, 1);
    assertFailed(summary, store, empty, 'empty');
    assertStored(store, good);
    store.close();
  });

  test('invalid UTF-8 is ingested as windows-1252 with a warning, not lost', async () => {
    const dir = folder('latin');
    const good = goodArticle(dir);
    const bad = join(dir, 'latin.txt');
    const body = Buffer.concat([
      Buffer.from('Caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' owners in Lorvane complained about the rains. Prices rose by '),
      Buffer.from([0xff]),
      Buffer.from(' ten percent, the chamber of commerce said on Monday.\n'),
    ]);
    writeFileSync(bad, body);
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [bad, good.path]);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.ingested, 2);
    const warning = summary.warnings.find((w) => w.startsWith(bad));
    assert.ok(warning, `expected a warning naming ${bad}; got ${JSON.stringify(summary.warnings)}`);
    assert.match(warning, /windows-1252/);
    // windows-1252 reads 0xC3 as Ã and 0xFF as ÿ: every byte kept, nothing replaced by U+FFFD
    const doc = storedFrom(store, bad);
    assert.ok(doc, 'the windows-1252 article is stored');
    assert.ok(doc.raw.includes('Caf\u00c3('), doc.raw);
    assert.ok(doc.raw.includes('by \u00ff ten'), doc.raw);
    assert.ok(!doc.raw.includes('\ufffd'));
    assert.ok(doc.text.includes('chamber of commerce'));
    assertStored(store, good);
    store.close();
  });

  test(
    'the decoding warning is kept with the stored article (doc.messages), not only printed',
    async () => {
      const dir = folder('latin-message');
      const bad = join(dir, 'latin.txt');
      writeFileSync(bad, Buffer.concat([Buffer.from('Prices in Lorvane rose by '), Buffer.from([0xff]), Buffer.from(' ten percent, traders said.\n')]));
      const store = openSqliteStore(':memory:');
      await ingest(store, [bad]);
      const doc = [...store.all()][0];
      assert.ok(doc, 'stored');
      assert.ok(
        doc.messages.some((m) => /windows-1252/.test(m.text)),
        `expected a message about windows-1252 on the Doc; got ${JSON.stringify(doc.messages)}`,
      );
      store.close();
    },
  );

  test('a 50 MB text file fails as too-large (10 MiB limit) without being read', async () => {
    const dir = folder('huge');
    const good = goodArticle(dir);
    const huge = join(dir, 'huge.txt');
    // sparse: the size check comes before any read, so the content does not matter
    const fd = openSync(huge, 'w');
    try {
      ftruncateSync(fd, 50 * 1024 * 1024);
    } finally {
      closeSync(fd);
    }
    try {
      const store = openSqliteStore(':memory:');
      const summary = await ingest(store, [huge, good.path]);
      assert.equal(summary.ingested, 1);
      const reason = assertFailed(summary, store, huge, 'too-large');
      assert.match(reason, /: 50 MB is over the limit of 10 MB for one article$/);
      assertStored(store, good);
      store.close();
    } finally {
      rmSync(huge, { force: true });
    }
  });

  test('a 5 MB single line of words is ingested with sentences and tokens (must finish; 120 s limit, no timing assert)', { timeout: 120_000 }, async () => {
    const dir = folder('long-line');
    const good = goodArticle(dir);
    const words = ['government', 'negotiations', 'representatives', 'infrastructure', 'reservoir', 'commissioner', 'spokeswoman', 'announcement', 'Lorvane', 'embankments', 'yesterday', 'engineers'];
    const parts: string[] = [];
    let periods = 0;
    let length = 0;
    for (let i = 0; length < 5 * 1024 * 1024; i++) {
      const end = i % 17 === 16;
      const w = end ? `${words[i % words.length]}.` : words[i % words.length];
      if (end) periods++;
      parts.push(w);
      length += w.length + 1;
    }
    const line = parts.join(' ');
    const path = join(dir, 'one-line.txt');
    writeFileSync(path, line);
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [path, good.path]);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.ingested, 2);
    const doc = storedFrom(store, path);
    assert.ok(doc, 'the long line is stored');
    assert.equal(doc.raw.length, line.length);
    assert.equal(doc.text.trim(), line.trim());
    assert.ok(line.length > 5 * 1024 * 1024 - 20 && !line.includes('\n'));
    assert.ok(doc.sentences.length >= periods * 0.9, `sentences: ${doc.sentences.length}, periods: ${periods}`);
    assert.ok(doc.tokens.length >= parts.length, `tokens: ${doc.tokens.length}, words: ${parts.length}`);
    const last = doc.tokens[doc.tokens.length - 1];
    assert.ok(last.end <= doc.text.length);
    assertStored(store, good);
    store.close();
  });

  test('HTML nested 10,000 levels deep is ingested or fails with a clear reason, never a crash', { timeout: 60_000 }, async () => {
    const dir = folder('deep');
    const good = goodArticle(dir);
    const path = join(dir, 'deep.html');
    writeFileSync(path, `${'<div>'.repeat(10000)}Some text here.${'</div>'.repeat(10000)}`);
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [path, good.path]);
    assertStored(store, good);
    const failure = summary.failed.find((f) => f.source === path);
    if (failure) {
      assert.ok(failure.reason.includes(path), failure.reason);
      assert.doesNotMatch(failure.reason, /call stack|RangeError/i, 'a clear reason, not an engine error');
      assert.equal(store.failures().find((f) => f.source === path)?.code, failure.code);
    } else {
      assert.equal(summary.ingested, 2);
      const doc = storedFrom(store, path);
      assert.ok(doc);
      assert.equal(doc.text.trim(), 'Some text here.');
    }
    store.close();
  });

  test('a JSONL file with a broken line 3 stores the other 3 records and names line 3', async () => {
    const dir = folder('jsonl');
    const good = goodArticle(dir);
    const path = join(dir, 'export.jsonl');
    const record = (n: number) => JSON.stringify({ title: `Record ${n}`, text: articleText(100 + n) });
    writeFileSync(path, [record(1), record(2), '{"title": "Record 3", "text": "cut off', record(4), ''].join('\n'));
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [path, good.path]);
    assert.equal(summary.ingested, 4);
    assert.equal(summary.failed.length, 1);
    const failure = summary.failed[0];
    assert.ok(failure.source.endsWith(':3'), failure.source);
    assert.equal(failure.source, `${path}:3`);
    assert.match(failure.reason, /line 3\b/);
    assertFailed(summary, store, `${path}:3`, 'parse', path);
    const sources = store.list().articles.map((a) => a.source).sort();
    assert.deepEqual(sources, [good.path, `${path}:1`, `${path}:2`, `${path}:4`].sort());
    assert.deepEqual(
      [1, 2, 4].map((n) => storedFrom(store, `${path}:${n}`)?.meta.title),
      ['Record 1', 'Record 2', 'Record 4'],
    );
    assertStored(store, good);
    store.close();
  });

  test('gzip-compressed inputs are read; a gzip bomb fails as too-large and a damaged one as parse', async () => {
    const dir = folder('gzip');
    const good = goodArticle(dir);
    const page = join(dir, 'page.html.gz');
    writeFileSync(page, gzipSync(`<html><head><title>Compressed page</title></head><body><article><p>${articleText(301)}</p></article></body></html>`));
    const jsonl = join(dir, 'export.jsonl.gz');
    writeFileSync(jsonl, gzipSync([302, 303].map((n) => JSON.stringify({ title: `Record ${n}`, text: articleText(n) })).join('\n')));
    // 12 KB on disk, 11 MiB of text once decompressed: over the 10 MiB limit for one article
    const bomb = join(dir, 'bomb.txt.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(11 * 1024 * 1024, 0x61)));
    const damaged = join(dir, 'damaged.html.gz');
    writeFileSync(damaged, gzipSync(`<p>${articleText(304)}</p>`).subarray(0, 60));
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [dir]);
    assert.equal(summary.ingested, 4, JSON.stringify(summary.failed));
    assertFailed(summary, store, bomb, 'too-large');
    assert.match(assertFailed(summary, store, damaged, 'parse'), /gzip-compressed, but damaged/);
    assert.ok(storedFrom(store, page)?.text.includes('flood plan number 301,'));
    assert.deepEqual([1, 2].map((n) => storedFrom(store, `${jsonl}:${n}`)?.meta.title), ['Record 302', 'Record 303']);
    assertStored(store, good);
    store.close();
  });

  test('files of kinds Dossier does not read are counted in a warning, not silently dropped', async () => {
    const dir = folder('kinds');
    const good = goodArticle(dir);
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'sheet.csv'), 'a,b');
    writeFileSync(join(dir, 'sheet2.csv'), 'a,b');
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [dir]);
    assert.equal(summary.ingested, 1);
    assert.deepEqual(summary.warnings, [`${dir}: passed over 3 files of kinds Dossier does not read (.csv 2, .pdf 1)`]);
    assertStored(store, good);
    store.close();
  });

  test('a path that does not exist fails as not-found; the other inputs are stored', async () => {
    const dir = folder('missing');
    const a = goodArticle(dir, 1);
    const b = goodArticle(dir, 2);
    const missing = join(dir, 'no-such-file.txt');
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [a.path, missing, b.path]);
    assert.equal(summary.ingested, 2);
    assert.equal(summary.failed.length, 1);
    assertFailed(summary, store, missing, 'not-found');
    assertStored(store, a);
    assertStored(store, b);
    store.close();
  });
});

describe('bad URLs', () => {
  const GOOD_PAGE = (n: number) => `<!doctype html><html><head><title>Lorvane page ${n}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lorvane bridge reopens after repairs ${n}</h1>
<p>The old bridge over the Lorvane river reopened on Friday after ${n + 3} months of repairs, the city said in a statement.</p>
<p>Engineers replaced ${n * 4 + 12} steel beams and strengthened the piers against future floods, according to the works department.</p>
<p>Traffic is expected to return to normal by the end of the week, officials added.</p></article>
<footer>Copyright Lorvane Courier</footer></body></html>`;
  const ENDLESS_CAP = 256 * 1024 * 1024;
  let server: Server;
  let base: string;
  const endless = { sent: 0, clientGone: false };

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/slow') {
        // never answers; the connection is closed in after()
        return;
      }
      if (path.startsWith('/missing')) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
        return;
      }
      if (path === '/endless') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.on('close', () => {
          endless.clientGone = true;
        });
        const chunk = Buffer.from(`<p>${'and the river kept rising '.repeat(600)}</p>\n`);
        const pump = () => {
          // bounded: stops when the client goes away, or at the cap in any case
          while (!endless.clientGone && endless.sent < ENDLESS_CAP) {
            endless.sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!endless.clientGone) res.end();
        };
        pump();
        return;
      }
      if (path === '/archive/page.html.gz') {
        res.writeHead(200, { 'content-type': 'application/gzip' });
        res.end(gzipSync(GOOD_PAGE(7)));
        return;
      }
      if (path === '/bomb.html.gz') {
        res.writeHead(200, { 'content-type': 'application/x-gzip' });
        res.end(gzipSync(Buffer.alloc(11 * 1024 * 1024, 0x20)));
        return;
      }
      const good = /^\/good(\d)$/.exec(path);
      if (good) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(GOOD_PAGE(Number(good[1])));
        return;
      }
      res.writeHead(500);
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  test('timeout, 404 and an endless body each fail with their code; the good page and file are stored', { timeout: 30_000 }, async () => {
    const dir = folder('urls');
    const good = goodArticle(dir);
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [`${base}/slow`, `${base}/missing`, `${base}/endless`, `${base}/good1`, good.path], {
      fetch: { timeoutMs: 300, maxBytes: 100_000 },
    });
    assert.equal(summary.ingested, 2, JSON.stringify(summary.failed));
    assert.equal(summary.failed.length, 3);
    assert.match(assertFailed(summary, store, `${base}/slow`, 'timeout'), /timed out after 300 ms/);
    assert.match(assertFailed(summary, store, `${base}/missing`, 'http-status'), /HTTP 404/);
    assert.match(assertFailed(summary, store, `${base}/endless`, 'too-large'), /limit/);
    assertStored(store, good);
    const page = storedFrom(store, `${base}/good1`);
    assert.ok(page, 'the good page is stored');
    assert.equal(page.meta.url, `${base}/good1`);
    assert.ok(page.text.includes('Engineers replaced 16 steel beams'), page.text);
    // the client cut the endless body off: the server saw it go away long before its cap
    for (let i = 0; i < 100 && !endless.clientGone; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(endless.clientGone, 'the client closed the endless response');
    assert.ok(endless.sent < ENDLESS_CAP, `sent ${endless.sent} bytes`);
    store.close();
  });

  test('a gzip-compressed page at a URL is stored; one that decompresses past the limit fails as too-large', async () => {
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [`${base}/archive/page.html.gz`, `${base}/bomb.html.gz`]);
    assert.equal(summary.ingested, 1, JSON.stringify(summary.failed));
    assert.match(assertFailed(summary, store, `${base}/bomb.html.gz`, 'too-large'), /decompresses to more than the limit of 10 MB/);
    const page = storedFrom(store, `${base}/archive/page.html.gz`);
    assert.ok(page?.text.includes('Engineers replaced 40 steel beams'), page?.text);
    store.close();
  });

  test('a .urls file: its good URLs are stored, its bad ones fail, the rest of the batch is kept', { timeout: 30_000 }, async () => {
    const dir = folder('url-list');
    const good = goodArticle(dir);
    const list = join(dir, 'reading.urls');
    writeFileSync(list, `# to read\n${base}/good2\n${base}/missing-from-list\n\n${base}/good3\n`);
    const store = openSqliteStore(':memory:');
    const summary = await ingest(store, [list, good.path], { fetch: { timeoutMs: 5_000 } });
    assert.equal(summary.ingested, 3, JSON.stringify(summary.failed));
    assert.equal(summary.failed.length, 1);
    assert.match(assertFailed(summary, store, `${base}/missing-from-list`, 'http-status'), /HTTP 404/);
    const sources = store.list().articles.map((a) => a.source).sort();
    assert.deepEqual(sources, [`${base}/good2`, `${base}/good3`, good.path].sort());
    store.close();
  });
});

describe('bad databases', () => {
  test('a file that is not SQLite: StoreError not-a-database naming the file, and the file is untouched', () => {
    const dir = folder('not-a-db');
    const path = join(dir, 'x.db');
    const content = Array.from({ length: 200 }, (_, i) => `line ${i}: ${Math.random().toString(36).slice(2)} these are notes, not a database`).join('\n');
    writeFileSync(path, content);
    assert.throws(
      () => openSqliteStore(path),
      (e: unknown) => {
        assert.ok(e instanceof StoreError, String(e));
        assert.equal(e.code, 'not-a-database');
        assert.ok(e.message.includes(path), e.message);
        return true;
      },
    );
    assert.equal(readFileSync(path, 'utf8'), content);
    assert.deepEqual(readdirSync(dir), ['x.db'], 'no journal or WAL files left behind');
  });

  /** A Dossier database with one article that SQLite will only open read-only. */
  async function readOnlyDatabase(dir: string): Promise<{ path: string; first: { path: string; phrase: string } }> {
    const path = join(dir, 'ro.db');
    const first = goodArticle(dir, 1);
    const store = openSqliteStore(path);
    const summary = await ingest(store, [first.path]);
    assert.equal(summary.ingested, 1);
    store.close();
    // "file format write version" above 2: SQLite opens the file read-only (chmod means nothing to root)
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, Buffer.from([3]), 0, 1, 18);
    } finally {
      closeSync(fd);
    }
    return { path, first };
  }

  function countReadonly(path: string): number {
    const store = openSqliteStore(path, { readonly: true });
    try {
      return store.count();
    } finally {
      store.close();
    }
  }

  test('a read-only database: ingest refuses with StoreError read-only and the stored articles remain', async () => {
    const dir = folder('read-only');
    const { path, first } = await readOnlyDatabase(dir);
    const second = goodArticle(dir, 2);
    let store: Store | undefined;
    await assert.rejects(
      async () => {
        store = openSqliteStore(path);
        await ingest(store, [second.path]);
      },
      (e: unknown) => {
        assert.ok(e instanceof StoreError, `expected a StoreError, got ${String(e)}`);
        assert.equal(e.code, 'read-only');
        assert.match(e.message, /read-only/);
        return true;
      },
    );
    (store as Store | undefined)?.close();
    assert.equal(countReadonly(path), 1);
    const check = openSqliteStore(path, { readonly: true });
    assertStored(check, first);
    check.close();
  });

  test(
    'a read-only database refuses with StoreError read-only even when the first input fails',
    async () => {
      const dir = folder('read-only-failure-first');
      const { path } = await readOnlyDatabase(dir);
      const second = goodArticle(dir, 2);
      // refused when the database is opened for writing, or at the latest on the first write
      await assert.rejects(
        async () => {
          const store = openSqliteStore(path);
          try {
            await ingest(store, [join(dir, 'no-such-file.txt'), second.path]);
          } finally {
            store.close();
          }
        },
        (e: unknown) => {
          assert.ok(e instanceof StoreError, `expected a StoreError, got ${String(e)}`);
          assert.equal(e.code, 'read-only');
          return true;
        },
      );
      assert.equal(countReadonly(path), 1);
    },
  );
  test(
    'a database from an older Dossier opened read-only (ls, show, search, export, serve): it works or a clear StoreError, never a crash',
    () => {
      const dir = folder('older-schema');
      const path = join(dir, 'v1.db');
      // the first release's schema, as `dossier ingest` of that release left it
      const conn = new Database(path);
      conn.pragma('journal_mode = WAL');
      conn.exec(MIGRATIONS[0]);
      conn.pragma('user_version = 1');
      conn.close();
      let store: Store | undefined;
      try {
        store = openSqliteStore(path, { readonly: true });
      } catch (e) {
        assert.ok(e instanceof StoreError, `expected a StoreError, got ${String(e)}`);
        assert.ok(e.message.includes(path), e.message);
        return;
      }
      try {
        assert.equal(store.count(), 0);
        assert.deepEqual(store.list().articles, []);
      } finally {
        store.close();
      }
    },
  );
});

describe('a killed ingest', () => {
  const TOTAL = 300;

  function countArticles(db: string): number {
    if (!existsSync(db)) return 0;
    try {
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
      } finally {
        conn.close();
      }
    } catch {
      return 0; // not created yet, or the schema is still being written
    }
  }

  test('SIGKILL mid-ingest leaves a consistent database, and a rerun stores the rest', { timeout: 120_000 }, async (t) => {
    const dir = folder('kill');
    const articles = folder('kill/articles');
    for (let i = 0; i < TOTAL; i++) writeFileSync(join(articles, `a-${String(i).padStart(3, '0')}.txt`), articleText(1000 + i));
    const db = join(dir, 'killed.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', `import('./src/cli/main.ts').then((m) => m.main(['node', 'dossier', 'ingest', ${JSON.stringify(articles)}, '--db', ${JSON.stringify(db)}]))`],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = once(child, 'exit');
    // never leave the child running, whatever an assertion below does
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && child.exitCode === null) {
      seen = countArticles(db);
      if (seen >= 20) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(child.exitCode, null, `the ingest ended before it could be killed:\n${output}`);
    assert.ok(seen >= 20, `no articles appeared within 60 s:\n${output}`);
    child.kill('SIGKILL');
    const [code, signal] = await exited;
    assert.equal(signal, 'SIGKILL', `exit code ${code}`);

    const conn = new Database(db);
    let stored: number;
    try {
      assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
      stored = conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
      assert.ok(stored >= seen && stored < TOTAL, `stored ${stored} of ${TOTAL} (seen ${seen} before the kill)`);
      const perArticle = conn.prepare('SELECT count(*) FROM layers GROUP BY article').pluck().all() as number[];
      assert.equal(perArticle.length, stored, 'every article has layers');
      assert.ok(perArticle.every((n) => n === LAYER_NAMES.length), `layers per article: ${[...new Set(perArticle)].join(', ')}`);
      const orphans = conn.prepare('SELECT count(*) FROM layers WHERE article NOT IN (SELECT rowid FROM articles)').pluck().get();
      assert.equal(orphans, 0);
      // any other per-article table must not outlive its article either
      const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES articles(rowid)%'").pluck().all() as string[];
      assert.ok(tables.includes('layers'), tables.join(', '));
      for (const table of tables) {
        assert.equal(conn.prepare(`SELECT count(*) FROM ${table} WHERE article NOT IN (SELECT rowid FROM articles)`).pluck().get(), 0, `orphan rows in ${table}`);
      }
      assert.equal(conn.prepare('SELECT count(*) FROM articles_fts_docsize').pluck().get(), stored, 'FTS rows = articles');
      assert.equal(conn.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Lorvane'").pluck().get(), stored);
      conn.exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
    } finally {
      conn.close();
    }

    const store = openSqliteStore(db);
    try {
      const summary = await ingest(store, [articles]);
      assert.deepEqual(summary.failed, []);
      assert.equal(summary.skipped, stored);
      assert.equal(summary.ingested, TOTAL - stored);
      assert.equal(store.count(), TOTAL);
    } finally {
      store.close();
    }
  });
});
