import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Doc } from '../doc/doc.ts';
import { IngestError, type IngestErrorCode } from '../ingest/ingest-error.ts';
import { fromTransfer } from './doc-transfer.ts';
import type { ArticleOutcome, ArticleTask, PipelineSource, SentError, WorkerStatus } from './pipeline-worker.ts';

/*
 * Worker threads through piscina. tinypool was tried first (no dependencies, ESM): a worker
 * thread that exits in the middle of a task leaves that task waiting forever there (its thread
 * runtime listens for 'error' only), where piscina rejects the task ("worker exited with code:
 * N") and starts a new worker. Piscina loads the worker file with require() and, failing that,
 * import(); results come back by structured clone (doc-transfer.ts keeps that cheap).
 */

/**
 * The worker file: pipeline-worker.js when compiled; from the TypeScript sources (tsx), a
 * small entry that registers tsx in the worker thread first (pipeline-worker-tsx.mjs says why).
 */
const WORKER_FILE = fileURLToPath(new URL(extname(fileURLToPath(import.meta.url)) === '.ts' ? './pipeline-worker-tsx.mjs' : './pipeline-worker.js', import.meta.url));

/** How many times a task is sent again after the worker running it died. */
const RETRIES = 1;

export interface ArticlePoolOptions {
  /** How many worker threads (each loads the models once); the machine's cores by default. */
  threads?: number;
  /** The pipeline each worker builds (PipelineSource); the default pipeline unless given. */
  pipeline?: PipelineSource;
  /**
   * The most MB a worker's heap may grow to (V8's old generation); an article that needs more
   * ends that worker alone, and fails as `worker-stopped`. DEFAULT_HEAP_LIMIT_MB unless given.
   */
  heapLimitMb?: number;
}

/**
 * A worker's heap limit unless given: the models take a few hundred MB, and the largest article
 * ingest accepts (DEFAULT_MAX_ARTICLE_BYTES, 10 MB) fits in the rest many times over. A limit of
 * its own makes running out of memory end the worker, not the whole process.
 */
export const DEFAULT_HEAP_LIMIT_MB = 4096;

/** A pool of worker threads that run the per-article pipeline. */
export interface ArticlePool {
  readonly threads: number;
  /** How many worker threads are running now: `threads`, but for a moment after one died. */
  running(): number;
  /** Resolves once every worker has loaded its pipeline and models; rejects if one could not. */
  ready(): Promise<void>;
  /**
   * Runs the pipeline over `doc` in a worker and fills `doc` in. Rejects as the pipeline did
   * (an IngestError with its code, a TypeError, an Error with the message); a worker that dies
   * on it is replaced and the article tried once more, then it fails as `worker-stopped`.
   */
  run(doc: Doc): Promise<Doc>;
  /** Ends the workers; tasks still waiting fail. */
  close(): Promise<void>;
}

/** The error a worker sent back, raised again as the same kind in this thread. */
function raised(e: SentError): Error {
  // the code comes from an IngestError the worker caught
  if (e.name === 'IngestError' && e.code) return new IngestError(e.code as IngestErrorCode, e.message);
  if (e.name === 'TypeError') return new TypeError(e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/**
 * Starts a pool of worker threads that run the per-article pipeline. The thread that calls
 * `run` keeps everything else: reading inputs, the store, the order of results.
 *
 * @example const pool = createArticlePool({ threads: 2 }); await pool.ready(); const doc = await pool.run(createDoc(raw, 'text')); await pool.close();
 */
export function createArticlePool(options: ArticlePoolOptions = {}): ArticlePool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) throw new TypeError(`an article pool needs a whole number of threads from 1 (got ${threads})`);
  const piscina = new Piscina<ArticleTask, ArticleOutcome>({
    filename: WORKER_FILE,
    name: 'processArticle',
    minThreads: threads,
    maxThreads: threads,
    // the workers never sit idle for long in a run, and loading the models again costs seconds
    idleTimeout: Number.POSITIVE_INFINITY,
    // piscina's default ('sync') blocks an idle worker's thread in Atomics.wait, which would stop
    // the worker loading its pipeline in the background before its first task; an article takes
    // milliseconds, far more than a message through the port
    atomics: 'disabled',
    workerData: options.pipeline ? { pipeline: options.pipeline } : {},
    resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb ?? DEFAULT_HEAP_LIMIT_MB },
  });
  let readyCount = 0;
  let failure: Error | undefined;
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const settle = () => {
    if (!failure && readyCount < threads) return;
    for (const w of waiting.splice(0)) {
      if (failure) w.reject(failure);
      else w.resolve();
    }
  };
  piscina.on('message', (m: WorkerStatus) => {
    if (m?.dossierWorker === 'ready') readyCount++;
    else if (m?.dossierWorker === 'load-failed') failure ??= new Error(`a worker thread could not load the pipeline: ${m.error.message}`);
    settle();
  });
  // a worker that fails with no task running: its replacement reports again; tasks see their own errors
  piscina.on('error', (e: Error) => {
    if (readyCount < threads) failure ??= new Error(`a worker thread stopped while loading the pipeline: ${e.message}`);
    settle();
  });

  const attempt = async (task: ArticleTask, source: string, left: number): Promise<ArticleOutcome> => {
    try {
      return await piscina.run(task);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (left > 0) return attempt(task, source, left - 1);
      return { error: { name: 'IngestError', code: 'worker-stopped', message: `${source}: the worker thread processing it stopped, ${RETRIES + 1} times (${why})` } };
    }
  };

  return {
    threads,
    running: () => piscina.threads.length,
    ready: () =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        if (readyCount >= threads) return resolve();
        // piscina does not hold the process open for a worker that has no task: this does, until the workers answer
        const open = setInterval(() => {}, 60_000);
        waiting.push({
          resolve: () => (clearInterval(open), resolve()),
          reject: (e) => (clearInterval(open), reject(e)),
        });
      }),
    async run(doc) {
      const task: ArticleTask = { raw: doc.raw, format: doc.format, meta: doc.meta, messages: doc.messages };
      const outcome = await attempt(task, doc.meta.source ?? doc.id, RETRIES);
      if ('error' in outcome) throw raised(outcome.error);
      return fromTransfer(doc, outcome.doc);
    },
    close: () => piscina.destroy(),
  };
}
