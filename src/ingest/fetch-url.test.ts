import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { decodeBytes } from './decode.ts';
import { fetchUrl } from './fetch-url.ts';
import { IngestError, type IngestErrorCode } from './ingest-error.ts';

/** Runs `body` against a server on 127.0.0.1 with a free port, and always closes the server. */
async function withServer(handler: RequestListener, body: (base: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await body(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Asserts that a promise rejects with an IngestError of this code, and returns the error. */
async function rejectsWith(promise: Promise<unknown>, code: IngestErrorCode): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IngestError, `expected an IngestError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected an IngestError "${code}", but the promise resolved`);
}

test('a 200 HTML page comes back with its bytes, type and final URL', async () => {
  await withServer(
    (req, res) => {
      assert.match(String(req.headers['user-agent']), /Dossier/);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>Hello</p></body></html>');
    },
    async (base) => {
      const page = await fetchUrl(`${base}/article`);
      assert.equal(page.url, `${base}/article`);
      assert.equal(page.status, 200);
      assert.equal(page.contentType, 'text/html; charset=utf-8');
      assert.equal(new TextDecoder().decode(page.bytes), '<html><body><p>Hello</p></body></html>');
      assert.ok(Math.abs(Date.parse(page.fetchedAt) - Date.now()) < 60_000);
    },
  );
});

test('the charset in the Content-Type header reaches decodeBytes', async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-2' });
      res.end(Buffer.from([0x50, 0xb3, 0xf3, 0x64, 0xbc])); // "Płódź" in ISO-8859-2
    },
    async (base) => {
      const page = await fetchUrl(`${base}/`);
      assert.equal(page.contentType, 'text/plain; charset=iso-8859-2');
      const decoded = decodeBytes(page.bytes, { contentType: page.contentType });
      assert.equal(decoded.encoding, 'iso-8859-2');
      assert.equal(decoded.text, 'Płódź');
    },
  );
});

test('a 404 is an http-status error naming the URL and status', async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not here</h1>');
    },
    async (base) => {
      const error = await rejectsWith(fetchUrl(`${base}/gone`), 'http-status');
      assert.equal(error.status, 404);
      assert.equal(error.message, `${base}/gone: HTTP 404 Not Found`);
    },
  );
});

/** `/hop/N` redirects (relatively) to `/hop/N-1`; `/hop/0` is the article. */
const redirectChain: RequestListener = (req, res) => {
  const hops = Number(/^\/hop\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
  if (hops > 0) {
    res.writeHead(hops % 2 ? 302 : 301, { location: `/hop/${hops - 1}` });
    res.end();
  } else if (hops === 0) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('arrived');
  } else {
    res.writeHead(404);
    res.end();
  }
};

test('a redirect chain within the limit is followed to the final URL', async () => {
  await withServer(redirectChain, async (base) => {
    const page = await fetchUrl(`${base}/hop/3`, { maxRedirects: 3 });
    assert.equal(page.url, `${base}/hop/0`);
    assert.equal(new TextDecoder().decode(page.bytes), 'arrived');
  });
});

test('a redirect chain longer than the limit is too-many-redirects', async () => {
  await withServer(redirectChain, async (base) => {
    const error = await rejectsWith(fetchUrl(`${base}/hop/6`), 'too-many-redirects');
    assert.equal(error.message, `${base}/hop/6: more than 5 redirects`);
    await rejectsWith(fetchUrl(`${base}/hop/1`, { maxRedirects: 0 }), 'too-many-redirects');
  });
});

test('a redirect loop ends at the limit', async () => {
  let requests = 0;
  await withServer(
    (_req, res) => {
      requests++;
      res.writeHead(307, { location: '/loop' });
      res.end();
    },
    async (base) => {
      await rejectsWith(fetchUrl(`${base}/loop`, { maxRedirects: 4 }), 'too-many-redirects');
      assert.equal(requests, 5);
    },
  );
});

test('a redirect to a non-http URL is refused', async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    },
    async (base) => {
      const error = await rejectsWith(fetchUrl(`${base}/`), 'bad-url');
      assert.match(error.message, /redirects to file:\/\/\/etc\/passwd; only http and https are followed/);
    },
  );
});

test('a server that never answers times out', { timeout: 10_000 }, async () => {
  await withServer(
    () => {},
    async (base) => {
      const started = Date.now();
      const error = await rejectsWith(fetchUrl(`${base}/slow`, { timeoutMs: 200 }), 'timeout');
      assert.equal(error.message, `${base}/slow: timed out after 200 ms`);
      assert.ok(Date.now() - started < 5000);
    },
  );
});

test('the timeout also covers a body that stalls after the headers', { timeout: 10_000 }, async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>'); // and nothing more
    },
    async (base) => {
      await rejectsWith(fetchUrl(`${base}/`, { timeoutMs: 300 }), 'timeout');
    },
  );
});

test('an endless chunked body stops at maxBytes', { timeout: 10_000 }, async () => {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Bounded, in case the client never hangs up: 4000 × 16 KB.
      let written = 0;
      const timer = setInterval(() => {
        if (written++ >= 4000 || res.destroyed) clearInterval(timer);
        else res.write(chunk);
      }, 1);
      res.on('close', () => clearInterval(timer));
    },
    async (base) => {
      const error = await rejectsWith(fetchUrl(`${base}/endless`, { maxBytes: 100_000, timeoutMs: 10_000 }), 'too-large');
      assert.equal(error.message, `${base}/endless: the response is larger than the limit of 97.7 KB`);
    },
  );
});

test('a Content-Length over maxBytes is refused before reading', async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' });
      res.end('x'.repeat(5000));
    },
    async (base) => {
      await rejectsWith(fetchUrl(`${base}/`, { maxBytes: 1000 }), 'too-large');
      assert.equal((await fetchUrl(`${base}/`, { maxBytes: 5000 })).bytes.length, 5000);
    },
  );
});

test('an image content type is refused', async () => {
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    },
    async (base) => {
      const error = await rejectsWith(fetchUrl(`${base}/photo`), 'content-type');
      assert.equal(error.message, `${base}/photo: content type image/png is not an article, text or feed`);
    },
  );
});

test('feeds, JSON, XHTML and gzip content types are accepted, whatever their case and parameters', async () => {
  const types = ['application/rss+xml', 'Application/Atom+XML; charset=UTF-8', 'application/json', 'application/xhtml+xml', 'application/gzip', 'application/x-gzip'];
  await withServer(
    (req, res) => {
      res.writeHead(200, { 'content-type': types[Number(req.url?.slice(1))] });
      res.end('<x/>');
    },
    async (base) => {
      for (let i = 0; i < types.length; i++) assert.equal((await fetchUrl(`${base}/${i}`)).contentType, types[i]);
    },
  );
});

test('a body without a Content-Type is accepted as text or gzip but refused when otherwise binary', async () => {
  await withServer(
    (req, res) => {
      res.removeHeader('content-type');
      res.writeHead(200);
      res.end(req.url === '/pdf' ? '%PDF-1.4\n%\u00e2\u00e3' : req.url === '/gz' ? gzipSync('plain words') : 'plain words');
    },
    async (base) => {
      const page = await fetchUrl(`${base}/text`);
      assert.equal(page.contentType, '');
      assert.equal(new TextDecoder().decode(page.bytes), 'plain words');
      const error = await rejectsWith(fetchUrl(`${base}/pdf`), 'content-type');
      assert.match(error.message, /looks like a PDF document/);
      assert.deepEqual((await fetchUrl(`${base}/gz`)).bytes, new Uint8Array(gzipSync('plain words')));
    },
  );
});

test('only http and https URLs are fetched', async () => {
  await rejectsWith(fetchUrl('ftp://example.com/a.txt'), 'bad-url');
  await rejectsWith(fetchUrl('file:///etc/passwd'), 'bad-url');
  const error = await rejectsWith(fetchUrl('not a url'), 'bad-url');
  assert.equal(error.message, '"not a url" is not a valid URL');
});

test('a refused connection is a network error', async () => {
  // A port that was free a moment ago and is now closed.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const error = await rejectsWith(fetchUrl(`http://127.0.0.1:${port}/`), 'network');
  assert.match(error.message, /^http:\/\/127\.0\.0\.1:\d+\/: could not be fetched \(.*ECONNREFUSED/);
});

test('bad limits are a programming error', async () => {
  await assert.rejects(fetchUrl('http://127.0.0.1/', { timeoutMs: -1 }), TypeError);
  await assert.rejects(fetchUrl('http://127.0.0.1/', { maxBytes: Number.NaN }), TypeError);
});
