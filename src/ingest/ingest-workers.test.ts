// Ingest with worker threads (the article pool): the store ends the same whatever the number
// of workers, and an article that makes the pipeline throw, or kills its worker, fails alone.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createArticlePool, type ArticlePool } from '../pipeline/article-pool.ts';
import { createPipeline } from '../pipeline/stage.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { EXIT, EXIT_ONCE, FAULT_PIPELINE, OUT_OF_MEMORY, THROW, THROWN } from '../../test/support/fault-pipeline.ts';
import { ingest } from './ingest.ts';
import { uploadSource } from './sources.ts';

const SAMPLE = new URL('../../sample/', import.meta.url).pathname;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-workers-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, in rowid order, without the columns that hold the time of writing (`…_at`). */
function tables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => !c.endsWith('_at'));
      out[name] = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}"`).raw().all();
    }
    return out;
  } finally {
    db.close();
  }
}

describe('ingest with worker threads', () => {
  test('the sample corpus with 2 workers stores exactly what 1 worker (in this thread) stores', async () => {
    const run = async (workers: number) => {
      const path = join(dir, `sample-${workers}.db`);
      const store = openSqliteStore(path);
      try {
        const summary = await ingest(store, [SAMPLE], { workers });
        return { summary, tables: tables(path) };
      } finally {
        store.close();
      }
    };
    const one = await run(1);
    const two = await run(2);
    assert.ok(one.summary.ingested >= 20 && one.summary.failed.length === 0, JSON.stringify(one.summary.failed));
    assert.deepEqual(two.summary.ids, one.summary.ids, 'the same articles, stored in the same order');
    assert.equal(two.summary.skipped, one.summary.skipped);
    assert.deepEqual(two.summary.warnings, one.summary.warnings);
    for (const table of ['articles', 'layers', 'entities', 'quotes', 'timexes', 'events', 'stories', 'entity_clusters', 'corpus_events']) {
      assert.ok(one.tables[table]?.length, `the sample fills ${table}`);
    }
    for (const table of Object.keys(one.tables)) assert.deepEqual(two.tables[table], one.tables[table], `table ${table}`);
    assert.deepEqual(Object.keys(two.tables), Object.keys(one.tables));
  });

  describe('faults in the workers', () => {
    let pool: ArticlePool;
    before(async () => {
      pool = createArticlePool({ threads: 2, pipeline: FAULT_PIPELINE });
      await pool.ready();
    });
    after(() => pool.close());

    const article = (name: string, words: string) => uploadSource(`${name}.txt`, new TextEncoder().encode(`${name}\n\nThe harbour office reopened on ${name}, the mediator said. ${words}\n`));

    const runFaults = async (inputs: ReturnType<typeof article>[]) => {
      const store = openSqliteStore(':memory:');
      try {
        const summary = await ingest(store, inputs, { pool, connect: false });
        return { summary, failures: store.failures(), sources: store.list({ limit: 50 }).articles.map((a) => a.source).sort() };
      } finally {
        store.close();
      }
    };

    test('an article that makes the pipeline throw fails with its reason; the rest of the batch is stored', async () => {
      const { summary, failures, sources } = await runFaults([article('Monday', ''), article('Tuesday', THROW), article('Wednesday', ''), article('Thursday', '')]);
      assert.equal(summary.ingested, 3);
      assert.deepEqual(summary.failed, [{ source: 'Tuesday.txt', code: 'processing', reason: THROWN }]);
      assert.deepEqual(failures.map((f) => [f.source, f.code, f.reason]), [['Tuesday.txt', 'processing', THROWN]]);
      assert.deepEqual(sources, ['Monday.txt', 'Thursday.txt', 'Wednesday.txt']);
    });

    test('an article that kills its worker every time fails as worker-stopped after one retry; the pool replaces the workers and goes on', async () => {
      const { summary, sources } = await runFaults([article('Monday', ''), article('Tuesday', EXIT), article('Wednesday', ''), article('Thursday', ''), article('Friday', '')]);
      assert.equal(summary.ingested, 4);
      assert.equal(summary.failed.length, 1);
      assert.equal(summary.failed[0].source, 'Tuesday.txt');
      assert.equal(summary.failed[0].code, 'worker-stopped');
      assert.match(summary.failed[0].reason, /^Tuesday\.txt: the worker thread processing it stopped, 2 times \(worker exited with code: 7\)$/);
      assert.deepEqual(sources, ['Friday.txt', 'Monday.txt', 'Thursday.txt', 'Wednesday.txt']);
      assert.equal(pool.running(), 2, 'the two dead workers were replaced');
    });

    test('an article whose worker dies once is tried again and stored: nothing lost, nothing stored twice', async () => {
      const marker = join(dir, 'exited-once');
      const { summary, failures, sources } = await runFaults([article('Monday', ''), article('Tuesday', `${EXIT_ONCE} ${marker}`), article('Wednesday', '')]);
      assert.ok(existsSync(marker), 'the worker did exit on the first try');
      assert.deepEqual(summary.failed, []);
      assert.deepEqual(failures, []);
      assert.equal(summary.ingested, 3);
      assert.deepEqual(sources, ['Monday.txt', 'Tuesday.txt', 'Wednesday.txt']);
    });

    test('the same content twice while the first is in a worker: the second is skipped, as in one thread', async () => {
      const { summary } = await runFaults([article('Monday', ''), article('Monday', ''), article('Tuesday', '')]);
      assert.equal(summary.ingested, 2);
      assert.equal(summary.skipped, 1);
    });
  });

  test('an article that runs its worker out of memory fails as worker-stopped; the process and the rest of the batch go on', async () => {
    const pool = createArticlePool({ threads: 1, pipeline: FAULT_PIPELINE, heapLimitMb: 96 });
    const store = openSqliteStore(':memory:');
    try {
      await pool.ready();
      const article = (name: string, words: string) => uploadSource(`${name}.txt`, new TextEncoder().encode(`${name}\n\nThe ferry ran again on ${name}. ${words}\n`));
      const summary = await ingest(store, [article('Monday', ''), article('Tuesday', OUT_OF_MEMORY), article('Wednesday', '')], { pool, connect: false });
      assert.deepEqual(summary.failed.map((f) => [f.source, f.code]), [['Tuesday.txt', 'worker-stopped']]);
      assert.match(summary.failed[0].reason, /memory/i);
      assert.equal(summary.ingested, 2);
      assert.equal(pool.running(), 1);
    } finally {
      store.close();
      await pool.close();
    }
  });

  test('a pipeline function runs in this thread: with workers above 1 it is a TypeError', async () => {
    const store = openSqliteStore(':memory:');
    try {
      await assert.rejects(ingest(store, [], { workers: 2, pipeline: createPipeline([]) }), TypeError);
      await assert.rejects(ingest(store, [], { workers: 0 }), TypeError);
    } finally {
      store.close();
    }
  });
});
