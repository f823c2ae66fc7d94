// The page's ingest jobs on worker threads: the jobs share one pool for the server's life, and
// its idle workers do not keep the process open (this file's process must end for the test to).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uploadSource } from '../ingest/sources.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { ingestJobs, type IngestJob, type IngestJobs } from './ingest-jobs.ts';

const report = (n: number) =>
  uploadSource(`report-${n}.txt`, new TextEncoder().encode(`Ferry report ${n}\n\nThe ferry to Halvik ran again on day ${n} after the storm, the operator said on Sunday.\n`));

async function finished(jobs: IngestJobs, job: IngestJob): Promise<IngestJob> {
  for (;;) {
    const now = jobs.get(job.id)!;
    if (now.state !== 'running') return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('ingest jobs with 2 workers store every article, job after job, through one pool', async () => {
  const store = openSqliteStore(':memory:');
  try {
    const jobs = ingestJobs(store, { workers: 2 });
    const first = await finished(jobs, jobs.start([1, 2, 3].map(report)));
    assert.equal(first.state, 'done', JSON.stringify(first.error));
    assert.equal(first.summary?.ingested, 3);
    assert.deepEqual(first.summary?.articles.map((a) => a.source), ['report-1.txt', 'report-2.txt', 'report-3.txt']);
    const second = await finished(jobs, jobs.start([4, 5, 1].map(report)));
    assert.equal(second.state, 'done', JSON.stringify(second.error));
    assert.deepEqual([second.summary?.ingested, second.summary?.skipped], [2, 1]);
    assert.equal(store.count(), 5);
  } finally {
    store.close();
  }
});
