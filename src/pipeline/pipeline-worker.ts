import { parentPort, workerData } from 'node:worker_threads';
import { createDoc, type Doc } from '../doc/doc.ts';
import { toTransfer, type TransferredDoc } from './doc-transfer.ts';
import type { Pipeline } from './stage.ts';

/**
 * The worker-thread side of the article pool (article-pool.ts): each worker builds the
 * pipeline once, runs it over a short text so that the models load before the first article
 * (they load on first use), says it is ready, then processes one article per task.
 */

/**
 * Where a worker finds its pipeline: a module (a file URL) and the name of its export, a
 * function that returns a Pipeline. The default pipeline unless given; tests give one with a
 * stage that fails on purpose.
 */
export interface PipelineSource {
  module: string;
  name: string;
}

/** What the pool sends a worker: the Doc as it is before the first stage. */
export interface ArticleTask {
  raw: string;
  format: Doc['format'];
  meta: Doc['meta'];
  messages: Doc['messages'];
}

/** An error as a worker sends it back: enough to raise the same kind of error in the pool's thread. */
export interface SentError {
  name: string;
  message: string;
  /** An IngestError's code. */
  code?: string;
}

/** What a worker sends back for one task: the processed Doc, or why the pipeline threw. */
export type ArticleOutcome = { doc: TransferredDoc } | { error: SentError };

/** The messages a worker posts to the pool once, on its own port (the pool's 'message' event). */
export type WorkerStatus = { dossierWorker: 'ready' } | { dossierWorker: 'load-failed'; error: SentError };

/** A text that reaches every model of the default pipeline (names, quotes, dates, events). */
const WARM_UP = 'Vladimir Putin met the US envoy in Moscow on Monday. "We are ready to talk," he told reporters, the Kremlin said.';

function sentError(e: unknown): SentError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? { name: e.name, message: e.message, code } : { name: e.name, message: e.message };
}

async function loadPipeline(source: PipelineSource | undefined): Promise<Pipeline> {
  if (source) {
    const make = (await import(source.module))[source.name] as unknown;
    if (typeof make !== 'function') throw new TypeError(`${source.module} has no function "${source.name}"`);
    return make() as Pipeline;
  }
  return (await import('./default-pipeline.ts')).defaultPipeline();
}

// no top-level await: the pool may load this file with require() first
const loading: Promise<Pipeline> = loadPipeline((workerData as { pipeline?: PipelineSource } | null)?.pipeline).then(
  (pipeline) => {
    pipeline(createDoc(WARM_UP, 'text'));
    parentPort?.postMessage({ dossierWorker: 'ready' } satisfies WorkerStatus);
    return pipeline;
  },
  (e: unknown) => {
    parentPort?.postMessage({ dossierWorker: 'load-failed', error: sentError(e) } satisfies WorkerStatus);
    throw e;
  },
);
// a failed load is reported above and again with every task; it must not end the thread
loading.catch(() => {});

/**
 * Runs the pipeline over one article. An error the pipeline throws comes back as a value, so
 * that the pool can tell it from a worker that died (a rejected task).
 */
export async function processArticle(task: ArticleTask): Promise<ArticleOutcome> {
  let pipeline: Pipeline;
  try {
    pipeline = await loading;
  } catch (e) {
    return { error: sentError(e) };
  }
  const doc = createDoc(task.raw, task.format, task.meta);
  doc.messages = task.messages;
  try {
    pipeline(doc);
  } catch (e) {
    return { error: sentError(e) };
  }
  return { doc: toTransfer(doc) };
}
