/**
 * Ingest on worker threads (issue 18, item 2): the same plain texts ingested by a pool of 1 and
 * of 2 worker threads, and in the main thread alone (today's path with --workers 1) for
 * reference. Each configuration runs in a process of its own that loads only what ingest loads
 * (this file, not the bench's), so that its peak memory is what `dossier ingest --workers N`
 * would take. Timing starts warm: the workers have loaded their models and processed WARM_UP
 * generated articles first. Ingest runs end to end without connecting the batch (corpus work
 * runs in the main thread, whatever the number of workers).
 *
 *   npm run bench -- --only workers [--n 400]
 *   node --import tsx scripts/bench/workers-bench.ts [--n 400]     (the same figures on their own)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../../src/doc/doc.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { createArticlePool } from '../../src/pipeline/article-pool.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { generatedTexts, textCorpus } from './corpus.ts';

const SCRIPT = fileURLToPath(import.meta.url);
const CONFIG_TIMEOUT_MS = 900_000;

/** The most articles a configuration ingests (the bench's --n when smaller). */
export const WORKERS_ARTICLES = 400;
/** The configurations: worker threads, 0 for the main thread alone. */
export const WORKER_COUNTS = [1, 2, 0] as const;
const WARM_UP = 20;

/** What one configuration measured. */
export interface WorkersFigures {
  /** Worker threads; 0: the pipeline ran in the main thread. */
  threads: number;
  articles: number;
  ingested: number;
  failed: number;
  seconds: number;
  /** User + system CPU of the whole process (every thread). */
  cpuSeconds: number;
  /** Seconds from starting the pool to every worker having loaded its models and run the warm-up (not timed). */
  startSeconds: number;
  maxRssKB: number;
}

/** Ingests the first `n` bench texts with `threads` workers (0: in this thread) into a fresh database under `work`. */
export async function measureWorkers(dataDir: string, n: number, threads: number, work: string): Promise<WorkersFigures> {
  const corpus = textCorpus(dataDir, Math.min(n, WORKERS_ARTICLES));
  const folder = join(work, `workers-${threads}`);
  mkdirSync(folder, { recursive: true });
  corpus.texts.forEach((t, i) => writeFileSync(join(folder, `${String(i).padStart(5, '0')}-${t.name}.txt`), t.text));
  const warm = generatedTexts(WARM_UP, 99);
  const starting = performance.now();
  const pool = threads ? createArticlePool({ threads }) : undefined;
  // imported only here: a pool's process must not load the models in its main thread
  const pipeline = pool ? undefined : (await import('../../src/pipeline/default-pipeline.ts')).defaultPipeline();
  if (pool) {
    await pool.ready();
    await Promise.all(warm.map((t) => pool.run(createDoc(t.text, 'text'))));
  } else for (const t of warm) pipeline!(createDoc(t.text, 'text'));
  const startSeconds = (performance.now() - starting) / 1000;
  const store = openSqliteStore(join(work, `workers-${threads}.db`));
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await ingest(store, [folder], pool ? { pool, connect: false } : { pipeline, connect: false });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      threads,
      articles: corpus.texts.length,
      ingested: summary.ingested,
      failed: summary.failed.length,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      startSeconds,
      maxRssKB: process.resourceUsage().maxRSS,
    };
  } finally {
    store.close();
    await pool?.close();
  }
}

const rate = (f: WorkersFigures) => (f.seconds > 0 ? f.ingested / f.seconds : 0);

/** The report's lines: a row per configuration, then the ratio of 2 workers to 1. */
export function workersReport(figures: readonly WorkersFigures[], errors: readonly string[], cores: number, load: readonly number[]): string[] {
  const lines = ['', `Worker threads: the same ${figures[0]?.articles ?? 0} plain texts ingested (no connect) by a pool of 1 and of 2 workers, and in the main thread alone, each in its own process, warm.`];
  lines.push(`  ${'configuration'.padEnd(22)} ${'articles'.padStart(8)} ${'wall s'.padStart(7)} ${'articles/s'.padStart(10)} ${'CPU s'.padStart(7)} ${'start s'.padStart(7)} ${'peak RSS MB'.padStart(11)}`);
  for (const f of figures) {
    const name = f.threads ? `${f.threads} worker${f.threads === 1 ? '' : 's'}` : 'main thread (no pool)';
    lines.push(`  ${name.padEnd(22)} ${String(f.ingested).padStart(8)} ${f.seconds.toFixed(2).padStart(7)} ${rate(f).toFixed(1).padStart(10)} ${f.cpuSeconds.toFixed(1).padStart(7)} ${f.startSeconds.toFixed(1).padStart(7)} ${(f.maxRssKB / 1024).toFixed(0).padStart(11)}${f.failed ? `  (${f.failed} failed)` : ''}`);
  }
  for (const e of errors) lines.push(`  ${e}`);
  const one = figures.find((f) => f.threads === 1);
  const two = figures.find((f) => f.threads === 2);
  if (one && two && rate(one) > 0) {
    lines.push(`  2 workers / 1 worker: ${(rate(two) / rate(one)).toFixed(2)}× articles/s (target ≥1.8× on 2 cores). Machine: ${cores} cores shared with other work, load average ${load.map((l) => l.toFixed(2)).join(' ')} at the start: a busy machine lowers the ratio.`);
  }
  const alone = figures.find((f) => f.threads === 0);
  if (two && alone && rate(alone) > 0) lines.push(`  2 workers / main thread alone (dossier ingest --workers 1): ${(rate(two) / rate(alone)).toFixed(2)}× articles/s.`);
  return lines;
}

/**
 * Measures every configuration (WORKER_COUNTS), each in a child process running this file, and
 * returns their figures and what failed.
 */
export function runWorkersBench(dataDir: string, n: number, log: (line: string) => void = () => {}): { figures: WorkersFigures[]; errors: string[] } {
  const work = mkdtempSync(join(tmpdir(), 'dossier-workers-bench-'));
  const figures: WorkersFigures[] = [];
  const errors: string[] = [];
  try {
    for (const threads of WORKER_COUNTS) {
      log(`  running workers:${threads}…`);
      const out = join(work, `figures-${threads}.json`);
      const child = spawnSync(process.execPath, [...process.execArgv, SCRIPT, '--threads', String(threads), '--n', String(n), '--data', dataDir, '--work', work, '--out', out], {
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: CONFIG_TIMEOUT_MS,
        killSignal: 'SIGKILL',
      });
      if (child.status === 0 && existsSync(out)) figures.push(JSON.parse(readFileSync(out, 'utf8')) as WorkersFigures);
      else errors.push(`workers:${threads}: ${child.signal === 'SIGKILL' ? `timed out after ${CONFIG_TIMEOUT_MS / 1000} s` : `failed (${child.error ?? child.signal ?? `exit ${child.status}`})`}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { figures, errors };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === SCRIPT) {
  const args = process.argv.slice(2);
  const n = Number(flag(args, '--n') ?? WORKERS_ARTICLES);
  const dataDir = resolve(flag(args, '--data') ?? join(SCRIPT, '../../../../shared/data'));
  const threads = flag(args, '--threads');
  if (threads !== undefined) {
    // one configuration, for runWorkersBench
    const figures = await measureWorkers(dataDir, n, Number(threads), flag(args, '--work') ?? tmpdir());
    writeFileSync(flag(args, '--out') ?? join(tmpdir(), 'workers-figures.json'), JSON.stringify(figures));
  } else {
    const load = loadavg();
    const { figures, errors } = runWorkersBench(dataDir, n, (line) => process.stderr.write(`${line}\n`));
    console.log(workersReport(figures, errors, cpus().length, load).join('\n'));
  }
}
