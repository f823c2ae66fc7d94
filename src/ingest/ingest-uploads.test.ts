// Uploaded files (a name and its bytes, as the page sends them) go through ingest's one code
// path: the same format detection, limits and failures as files on disk, recorded in the store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { ingest, type IngestSummary } from './ingest.ts';
import { uploadSource } from './sources.ts';

const ARTICLE = `Harbour talks resume in Lorvane

By Ana Lind

The two delegations met again on Tuesday at the harbour office, the mediator said.
Both sides said the remaining gaps were technical and could be closed within a week.
`;

const HTML = `<!doctype html><html lang="en"><head><title>Bridge reopens | Lorvane Post</title></head>
<body><article><h1>Bridge reopens</h1><p>The old bridge over the Brena reopened on Monday after four months of repairs, the city said.</p>
<p>Engineers replaced sixteen steel beams and the whole deck; traffic is back to normal.</p></article></body></html>`;

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array(600).fill(0)]);

let dir: string;
let store: Store;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-uploads-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function failure(summary: IngestSummary, source: string) {
  const found = summary.failed.find((f) => f.source === source);
  assert.ok(found, `expected a failure of ${source}; got ${JSON.stringify(summary.failed)}`);
  // recorded in the store as a file's failure is, with the same code and reason
  const stored = store.failures().find((f) => f.source === source);
  assert.deepEqual(stored && { code: stored.code, reason: stored.reason }, { code: found.code, reason: found.reason });
  return found;
}

describe('uploads', () => {
  before(() => {
    store = openSqliteStore(':memory:');
  });
  after(() => store.close());

  test('a text and an HTML upload are stored under their names, the format told by the name', async () => {
    const summary = await ingest(store, [uploadSource('talks.txt', bytes(ARTICLE)), uploadSource('bridge.html', bytes(HTML))]);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.ingested, 2);
    const [talks, bridge] = summary.ids.map((id) => store.get(id)!);
    assert.equal(talks.meta.source, 'talks.txt');
    assert.equal(talks.format, 'text');
    assert.equal(talks.meta.title, 'Harbour talks resume in Lorvane');
    assert.equal(bridge.meta.source, 'bridge.html');
    assert.equal(bridge.format, 'html');
    assert.equal(bridge.meta.title, 'Bridge reopens');
    assert.ok(!bridge.text.includes('<p>'), 'the HTML is reduced to its text');
    assert.ok(summary.connected, 'the batch is connected');

    // the same bytes again are duplicates, as files are
    const again = await ingest(store, [uploadSource('copy-of-talks.txt', bytes(ARTICLE))]);
    assert.deepEqual([again.ingested, again.skipped], [0, 1]);
  });

  test('an upload without a telling name is read by its content', async () => {
    const summary = await ingest(store, [uploadSource('clipboard', bytes(HTML.replace('sixteen', 'seventeen')))]);
    assert.deepEqual(summary.failed, []);
    assert.equal(store.get(summary.ids[0])!.format, 'html');
  });

  test('broken, binary and empty uploads fail with the codes and reasons files get; the good one in the batch is kept', async () => {
    const jsonl = `${JSON.stringify({ title: 'Wire one', text: 'The wire reported that the ferry to Halvik ran again on Sunday after the storm.' })}\n{"title": broken\n`;
    const summary = await ingest(store, [
      uploadSource('photo.txt', PNG),
      uploadSource('empty.md', new Uint8Array()),
      uploadSource('wire.jsonl', bytes(jsonl)),
      uploadSource('feed.json', bytes('{"items": [1, 2')),
    ]);
    assert.equal(summary.ingested, 1, JSON.stringify(summary.failed));
    assert.match(failure(summary, 'photo.txt').reason, /^photo\.txt: looks like a PNG image, not text$/);
    assert.equal(failure(summary, 'photo.txt').code, 'binary');
    assert.equal(failure(summary, 'empty.md').code, 'empty');
    assert.equal(failure(summary, 'wire.jsonl:2').code, 'parse');
    assert.match(failure(summary, 'wire.jsonl:2').reason, /line 2 is not valid JSON/);
    assert.equal(failure(summary, 'feed.json').code, 'parse');
    assert.equal(store.get(summary.ids[0])!.meta.title, 'Wire one');
  });

  test('the size limits are the same as for a file, with the same message', async () => {
    const big = bytes(`${ARTICLE}\n${'More words about the harbour talks. '.repeat(100)}`);
    const onDisk = join(dir, 'big.txt');
    writeFileSync(onDisk, big);
    const options = { maxArticleBytes: 1000, maxFileBytes: 2000, connect: false };
    const fromUpload = await ingest(store, [uploadSource('big.txt', big)], options);
    const fromFile = await ingest(store, [onDisk], options);
    const upload = failure(fromUpload, 'big.txt');
    const file = failure(fromFile, onDisk);
    assert.equal(upload.code, 'too-large');
    assert.equal(upload.code, file.code);
    assert.equal(upload.reason, file.reason.replace(onDisk, 'big.txt'));
    assert.match(upload.reason, /^big\.txt: 3\.\d KB is over the limit of 1000 bytes for one article$/);

    // a JSONL export is one input file: the file limit, then each record's article limit
    const records = `${JSON.stringify({ text: `Short record about the harbour talks.` })}\n${JSON.stringify({ text: 'x'.repeat(1200) })}\n`;
    const jsonl = await ingest(store, [uploadSource('export.jsonl', bytes(records))], options);
    assert.equal(jsonl.ingested, 1);
    assert.equal(failure(jsonl, 'export.jsonl:2').code, 'too-large');
    const huge = await ingest(store, [uploadSource('huge.jsonl', bytes(records.repeat(2)))], options);
    assert.match(failure(huge, 'huge.jsonl').reason, /^huge\.jsonl: .* is over the limit of 2 KB for one input file$/);

    // compressed: the limit applies to what it decompresses to
    const gz = await ingest(store, [uploadSource('bomb.txt.gz', gzipSync(Buffer.alloc(5000, 0x61)))], options);
    assert.match(failure(gz, 'bomb.txt.gz').reason, /decompresses to more than the limit of 1000 bytes/);
    const page = await ingest(store, [uploadSource('page.html.gz', gzipSync(HTML.replace('sixteen', 'eighteen')))], options);
    assert.deepEqual(page.failed, []);
    assert.equal(store.get(page.ids[0])!.format, 'html');
  });

  test('a pasted URL is fetched as a URL, never read as a path; a list of URLs is held to maxUrls', async () => {
    const summary = await ingest(store, [{ kind: 'url', url: '/etc/hostname' }, uploadSource('reading.urls', bytes('http://127.0.0.1:9/a\nhttp://127.0.0.1:9/b\nhttp://127.0.0.1:9/c\n'))], {
      maxUrls: 1,
      fetch: { timeoutMs: 2000 },
      connect: false,
    });
    assert.equal(summary.ingested, 0);
    assert.equal(failure(summary, '/etc/hostname').code, 'bad-url');
    assert.equal(failure(summary, 'reading.urls').code, 'too-many-urls');
    assert.match(failure(summary, 'reading.urls').reason, /^reading\.urls: lists 3 URLs; 3 of them were left out, over the limit of 1 URLs in one run/);
    assert.ok(!summary.failed.some((f) => f.source.startsWith('http://127.0.0.1:9/')), 'no URL of the list was fetched');

    const one = await ingest(store, [uploadSource('two.urls', bytes('http://127.0.0.1:9/a\nhttp://127.0.0.1:9/b\n'))], { maxUrls: 1, fetch: { timeoutMs: 2000 }, connect: false });
    assert.deepEqual(one.failed.map((f) => [f.source, f.code]).sort(), [['http://127.0.0.1:9/a', 'network'], ['two.urls', 'too-many-urls']]);
  });

  test('with yieldToEventLoop, what waits on the event loop runs between inputs', async () => {
    const order: string[] = [];
    const texts = ['one', 'two', 'three'].map((n) => uploadSource(`${n}.txt`, bytes(`Report ${n} on the ferry\n\nThe ferry number ${n} to Halvik ran again on Sunday after the storm, the operator said.\n`)));
    const run = async (yieldToEventLoop: boolean) => {
      order.length = 0;
      const s = openSqliteStore(':memory:');
      setImmediate(() => order.push('tick'));
      await ingest(s, texts, { yieldToEventLoop, connect: false, onStored: (doc) => order.push(String(doc.meta.source)) });
      await new Promise((resolve) => setImmediate(resolve));
      s.close();
      return order.join(' ');
    };
    // the first run imports the pipeline, a wait that lets the event loop turn: the order is read on the runs after it
    await run(false);
    assert.equal(await run(false), 'one.txt two.txt three.txt tick');
    assert.equal(await run(true), 'one.txt tick two.txt three.txt');
  });

  test('an upload is named by its file name alone', () => {
    const source = uploadSource('C:\\Users\\ana\\notes\\talks.html', new Uint8Array());
    assert.equal(source.kind === 'upload' && source.name, 'talks.html');
    const odd = uploadSource('../x/\u0000-', new Uint8Array());
    assert.equal(odd.kind === 'upload' && odd.name, 'upload');
    const long = uploadSource(`${'a'.repeat(400)}.html.gz`, new Uint8Array());
    assert.ok(long.kind === 'upload' && long.name.length <= 200 && long.name.endsWith('….html.gz'), long.kind === 'upload' ? long.name : '');
  });
});
