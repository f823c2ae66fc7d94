import { randomBytes } from 'node:crypto';
import type { IngestFailure, IngestOptions, IngestProgress } from '../ingest/ingest.ts';
import { createArticlePool, type ArticlePool } from '../pipeline/article-pool.ts';
import type { Source } from '../ingest/sources.ts';
import { StoreError, type Store } from '../store/store.ts';

/** How many finished jobs the server remembers, the oldest forgotten first. */
const KEPT_JOBS = 20;
/** How many of a job's new articles its summary lists (all are counted). */
const LISTED_ARTICLES = 200;

/** An article a job stored, for a link to it. */
export interface IngestedArticle {
  id: string;
  title: string | null;
  source: string;
}

/** What a finished job did: the run's IngestSummary, with the new articles instead of their ids. */
export interface IngestJobSummary {
  ingested: number;
  skipped: number;
  /** Every input or record that failed, with its source, code and reason. */
  failed: IngestFailure[];
  warnings: string[];
  /** The first LISTED_ARTICLES articles stored, in ingest order. */
  articles: IngestedArticle[];
  seconds: number;
  /** How many articles connecting the batch into the corpus took in. */
  connected: number;
}

/**
 * An ingest run started from the page: `running` until `done` (with its summary), or `failed`
 * when the run stopped as a whole (a store that cannot be written), with why.
 */
export interface IngestJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  /** ISO 8601 date-times. */
  started: string;
  finished?: string;
  progress: Omit<IngestProgress, 'elapsed'>;
  summary?: IngestJobSummary;
  error?: { code: string; message: string };
}

/** A job asked for while another runs: one ingest at a time writes to the store. */
export class IngestBusyError extends Error {
  readonly job: IngestJob;
  constructor(job: IngestJob) {
    super(`an ingest is already running (job ${job.id}: ${job.progress.inputsDone} of ${job.progress.inputsTotal} inputs done); wait until it has finished, then send this again`);
    this.name = 'IngestBusyError';
    this.job = job;
  }
}

/** How jobs write and what they may take. */
export interface IngestJobsOptions {
  /**
   * Opens the store a job writes to, closed when the job ends; by default jobs write to the store
   * they were given (`dossier serve` reads through a read-only connection and writes through its own).
   */
  openStore?: () => Store;
  /** The CLI's limits (per file, per article, fetching, URLs that lists may add). */
  limits?: Pick<IngestOptions, 'maxArticleBytes' | 'maxFileBytes' | 'fetch' | 'maxUrls'>;
  /**
   * Worker threads that run the jobs' pipeline. 1, the default, runs it in the server's thread,
   * between requests; more start a pool at the first job, which later jobs share for the
   * server's life (its workers keep their models loaded, and do not hold the process open while
   * idle).
   */
  workers?: number;
}

/** The jobs of one server: start one, read one, the one running. */
export interface IngestJobs {
  /** Starts a job over the sources and returns it at once; throws an IngestBusyError while another runs, a StoreError when the store cannot be opened for writing. */
  start(sources: Source[]): IngestJob;
  get(id: string): IngestJob | undefined;
  running(): IngestJob | undefined;
}

/**
 * Runs ingest jobs one at a time, in the background of a server: the job is answered at once,
 * and the run yields to the event loop after every input and article (yieldToEventLoop), so
 * that the server goes on answering (its progress among others). The pipeline is loaded when the
 * first job runs, not with the server.
 *
 * @example const jobs = ingestJobs(store); const job = jobs.start([uploadSource('a.txt', bytes)]); jobs.get(job.id)?.state
 */
export function ingestJobs(store: Store, options: IngestJobsOptions = {}): IngestJobs {
  const jobs = new Map<string, IngestJob>();
  let current: IngestJob | undefined;
  let pool: ArticlePool | undefined;

  const run = async (job: IngestJob, writer: Store, sources: Source[]) => {
    const articles: IngestedArticle[] = [];
    try {
      // the answer that names the job goes out first
      await new Promise((resolve) => setImmediate(resolve));
      const { ingest } = await import('../ingest/ingest.ts');
      if ((options.workers ?? 1) > 1) pool ??= createArticlePool({ threads: options.workers });
      const summary = await ingest(writer, sources, {
        ...options.limits,
        ...(pool ? { pool } : {}),
        yieldToEventLoop: true,
        onProgress: (p) => (job.progress = { inputsDone: p.inputsDone, inputsTotal: p.inputsTotal, ingested: p.ingested, skipped: p.skipped, failed: p.failed }),
        onStored: (doc) => {
          if (articles.length < LISTED_ARTICLES) articles.push({ id: doc.id, title: doc.meta.title ?? null, source: doc.meta.source ?? '' });
        },
      });
      job.progress = { ...job.progress, inputsDone: job.progress.inputsTotal, ingested: summary.ingested, skipped: summary.skipped, failed: summary.failed.length };
      job.summary = {
        ingested: summary.ingested,
        skipped: summary.skipped,
        failed: summary.failed,
        warnings: summary.warnings,
        articles,
        seconds: summary.seconds,
        connected: summary.connected?.connected ?? 0,
      };
      job.state = 'done';
    } catch (e) {
      job.state = 'failed';
      if (e instanceof StoreError) job.error = { code: e.code, message: e.message };
      else {
        // a pool that failed is not kept: the next job starts another
        void pool?.close();
        pool = undefined;
        console.error(e);
        job.error = { code: 'internal', message: 'the ingest stopped on an internal error; the server log has the details' };
      }
    } finally {
      job.finished = new Date().toISOString();
      if (writer !== store) writer.close();
      current = undefined;
    }
  };

  return {
    start(sources) {
      if (current) throw new IngestBusyError(current);
      const writer = options.openStore ? options.openStore() : store;
      const job: IngestJob = {
        id: randomBytes(6).toString('hex'),
        state: 'running',
        started: new Date().toISOString(),
        progress: { inputsDone: 0, inputsTotal: sources.length, ingested: 0, skipped: 0, failed: 0 },
      };
      jobs.set(job.id, job);
      for (const old of jobs.keys()) if (jobs.size > KEPT_JOBS && old !== job.id) jobs.delete(old);
      current = job;
      void run(job, writer, sources);
      return job;
    },
    get: (id) => jobs.get(id),
    running: () => current,
  };
}
