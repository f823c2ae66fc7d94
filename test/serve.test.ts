// `dossier serve` as a user runs it: on a port that is taken, stopped by a signal with a
// browser's connection still open, and run by npm, which does not pass signals on to it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processArticle } from '../src/pipeline/default-pipeline.ts';
import { connect } from '../src/connect/connect.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { assertNoStack, CLI_MAIN, finished, startDossier, TSX_LOADER } from './support/dossier-process.ts';

/** How long a server may take to stop once asked. */
const STOP_MS = 5000;
const SERVING = /^Dossier is serving 1 articles from .* at (http:\/\/\S+) \(process (\d+)\)$/m;

let tmp: string;
let db: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dossier-serve-'));
  db = join(tmp, 'serve.db');
  const store = openSqliteStore(db);
  store.put(processArticle('Harbour report\n\nThe harbour reopened on Monday after the storm, the port authority said.', 'text'));
  connect(store);
  store.close();
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Resolves with the first match of `pattern` in what `child` prints on standard output (which stays open). */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer | string) => {
      out += String(d);
      const m = pattern.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      resolve(m);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer | string) => (err += String(d)));
    child.once('exit', () => reject(new Error(`the process ended without printing ${pattern}:\n${out}\n${err}`)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the process `pid` is gone; kills it and fails when it outlives `ms`. */
async function gone(pid: number, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > until) {
      process.kill(pid, 'SIGKILL');
      assert.fail(`${what}: the server (process ${pid}) was still running ${ms} ms later`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens a keep-alive connection as a browser does, and leaves it open. */
async function keepAliveRequest(url: string): Promise<Agent> {
  const agent = new Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    get(new URL('/api/articles', url), { agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    }).on('error', reject);
  });
  return agent;
}

describe('dossier serve', { concurrency: true }, () => {
  test('on a port that is taken: one line that suggests --port, exit code 2, no stack trace', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const run = await finished(startDossier(['serve', '--port', String(port), '--db', db]));
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, new RegExp(`^dossier: port ${port} on 127\\.0\\.0\\.1 is taken by another program \\(or another Dossier\\); choose another with --port, such as --port ${port + 1}, or --port 0 for any free port\\n$`));
      assertNoStack(run);
    } finally {
      taken.close();
    }
  });

  test('a port out of range is a usage error too', async () => {
    const run = await finished(startDossier(['serve', '--port', '70000', '--db', db]));
    assert.deepEqual([run.code, run.stderr], [2, 'dossier: --port must be at most 65535, got 70000\n']);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`stops cleanly on ${signal}, with a browser's connection still open`, async () => {
      const child: ChildProcessWithoutNullStreams = startDossier(['serve', '--port', '0', '--db', db]);
      const result = finished(child);
      const [, url, pid] = await waitFor(child, SERVING);
      assert.equal(Number(pid), child.pid);
      const agent = await keepAliveRequest(url);
      const started = Date.now();
      child.kill(signal);
      const run = await result;
      agent.destroy();
      assert.equal(run.code, 0, run.stderr);
      assert.ok(Date.now() - started < STOP_MS, `stopped after ${Date.now() - started} ms`);
      assert.match(run.stdout, new RegExp(`^Dossier stopped \\(${signal}\\)\\.$`, 'm'));
      assert.equal(run.stderr, '');
    });
  }
});

test('serve first connects what is still queued (articles an older Dossier or a stopped ingest left unconnected)', async () => {
  const pendingDb = join(tmp, 'pending.db');
  const store = openSqliteStore(pendingDb);
  store.put(processArticle('Harbour report\n\nThe harbour reopened on Monday after the storm, the port authority said.', 'text'));
  store.close();
  const child: ChildProcessWithoutNullStreams = startDossier(['serve', '--port', '0', '--db', pendingDb]);
  const result = finished(child);
  await waitFor(child, SERVING);
  child.kill('SIGTERM');
  const run = await result;
  assert.match(run.stdout, /^connected 1 article \(.*\): 1 story, /m);
  const after = openSqliteStore(pendingDb, { readonly: true });
  assert.equal(after.corpus.queueLength(), 0);
  after.close();
});

const NPM = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0 ? 'npm' : null;

test('run by npm (npm start): signalling npm with SIGTERM stops the server too', { skip: NPM ? false : 'npm is not on the PATH' }, async () => {
  // a package whose start script runs `dossier serve` as `npm start` runs `dossier demo`: npm
  // starts a shell, the shell starts node, and npm passes its signals to the shell only
  const dir = mkdtempSync(join(tmp, 'npm-start-'));
  writeFileSync(join(dir, 'entry.mjs'), `const { main } = await import(${JSON.stringify(CLI_MAIN)});\nawait main(process.argv);\n`);
  const script = `node --import ${TSX_LOADER} entry.mjs serve --port 0 --db ${JSON.stringify(db)}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dossier-npm-start-test', private: true, scripts: { start: script } }));
  const npm = spawn(NPM!, ['start'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const npmExit = once(npm, 'exit');
  const [, url, pid] = await waitFor(npm, SERVING);
  const agent = await keepAliveRequest(url);
  npm.kill('SIGTERM');
  await npmExit;
  await gone(Number(pid), STOP_MS, 'SIGTERM to npm');
  agent.destroy();
});
