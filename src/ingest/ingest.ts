import { readFileSync, statSync } from 'node:fs';
import { connect, disconnectArticle, type ConnectSummary } from '../connect/connect.ts';
import { createDoc, report, type Doc } from '../doc/doc.ts';
import { createArticlePool, type ArticlePool } from '../pipeline/article-pool.ts';
import type { Pipeline } from '../pipeline/stage.ts';
import { StoreError, type Store } from '../store/store.ts';
import { fetchUrl, type FetchLimits } from './fetch-url.ts';
import { gunzipInput, withoutGz } from './gunzip.ts';
import { IngestError } from './ingest-error.ts';
import { DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_MAX_FILE_BYTES, sizeLabel } from './limits.ts';
import { loadInput, type InputOrigin, type InputRecord } from './records.ts';
import { expandInputs, sourceName, type IngestInput, type PassedOver, type Source } from './sources.ts';

/** How far an ingest run has come. */
export interface IngestProgress {
  inputsDone: number;
  inputsTotal: number;
  ingested: number;
  skipped: number;
  failed: number;
  /** Seconds since the run started. */
  elapsed: number;
}

/** One input or record that could not be ingested. */
export interface IngestFailure {
  source: string;
  code: string;
  reason: string;
}

/** The outcome of an ingest run. */
export interface IngestSummary {
  ingested: number;
  skipped: number;
  failed: IngestFailure[];
  warnings: string[];
  /** Content ids of the articles stored in this run. */
  ids: string[];
  /** Seconds the whole run took. */
  seconds: number;
  /**
   * Seconds during which articles were being processed or stored: the time from sending an
   * article to the pipeline until it and those sent with it were stored, summed (not reading
   * inputs between articles, skipping duplicates or loading the models).
   */
  processingSeconds: number;
  /** What connecting the batch into the corpus did (duplicates, stories, entities, statements), unless `connect: false`. */
  connected?: ConnectSummary;
}

export interface IngestOptions {
  /** Process again and replace articles whose content is already stored. */
  force?: boolean;
  maxArticleBytes?: number;
  maxFileBytes?: number;
  fetch?: Partial<FetchLimits>;
  /** Reads all of standard input; the CLI passes process.stdin. */
  readStdin?: () => Promise<Uint8Array>;
  onProgress?: (progress: IngestProgress) => void;
  /** The pipeline to run in this thread (tests); the default pipeline unless given. Not with `workers` above 1 or `pool`. */
  pipeline?: Pipeline;
  /**
   * How many worker threads run the per-article pipeline (createArticlePool) while this thread
   * reads the inputs and writes the store, in the order the articles were read whatever the
   * number; 1, the default, runs the pipeline in this thread. The CLI's default is the
   * machine's cores.
   */
  workers?: number;
  /** A pool of workers started by the caller, used instead of `workers` and left open (runs that share warm workers). */
  pool?: ArticlePool;
  /** Connect the batch into the corpus after storing it (the default); `false` leaves it queued for `connect`. */
  connect?: boolean;
  onConnectProgress?: (done: number, total: number) => void;
  /** Called with each article once it is stored (not with those skipped). */
  onStored?: (doc: Doc) => void;
  /**
   * Await the event loop's turn (setImmediate) after each input and each article: the pipeline is
   * synchronous work, and a server running an ingest must go on answering while it runs.
   */
  yieldToEventLoop?: boolean;
  /**
   * The most URLs one run fetches, those named and those that lists of URLs hold; the URLs a list
   * holds beyond it are left out, and the list is recorded as failed (`too-many-urls`) saying how
   * many. No limit unless given.
   */
  maxUrls?: number;
}

const ARTICLE_CONTAINERS = /\.(?:txt|text|md|markdown|html?|xhtml)$/i;

/** The most bytes an input may hold: a text, Markdown or HTML file is one article; others hold many. */
function inputLimit(name: string, options: IngestOptions): { bytes: number; what: string } {
  return ARTICLE_CONTAINERS.test(withoutGz(name))
    ? { bytes: options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES, what: 'article' }
    : { bytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, what: 'input file' };
}

function passedOverWarning(folder: string, files: PassedOver): string {
  const total = [...files.values()].reduce((a, b) => a + b, 0);
  const kinds = [...files].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ending, n]) => `${ending} ${n}`);
  return `${folder}: passed over ${total} file${total === 1 ? '' : 's'} of kinds Dossier does not read (${kinds.join(', ')})`;
}

/** Refuses an input larger than its limit (inputLimit), before it is read or decoded. */
function checkSize(name: string, size: number, options: IngestOptions): void {
  const limit = inputLimit(name, options);
  if (size > limit.bytes) throw new IngestError('too-large', `${name}: ${sizeLabel(size)} is over the limit of ${sizeLabel(limit.bytes)} for one ${limit.what}`);
}

function readFile(path: string, options: IngestOptions): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new IngestError('not-found', `${path}: no such file`);
  }
  // the limit applies before reading
  checkSize(path, size, options);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new IngestError('not-found', `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Lets the event loop run what waits (a server's requests) before the next piece of synchronous work. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What became of an article sent to the pipeline. */
type Outcome = { doc: Doc } | { error: unknown };

/**
 * An input or article whose result is yet to be written, in the order they were read: an
 * article on its way through the pipeline, or a failure met while reading.
 */
type Pending = { source: string; id: string; outcome: Promise<Outcome> } | { source: string; failure: unknown };

/**
 * Ingests files, folders, globs, URLs, standard input and uploaded files (IngestInput) into the store: each article is
 * decoded, processed by the pipeline and stored in its own transaction. Content already
 * stored with every layer is skipped unless `force`; an input or record that fails is recorded with its reason
 * and the batch goes on. Only a store that cannot be written stops the run (a StoreError). Then
 * the batch is connected into the corpus (src/connect/), unless `connect: false`.
 *
 * With `workers` above 1 (or a `pool`), worker threads run the pipeline while this thread goes
 * on reading; this thread alone writes the store, and writes results and failures in the order
 * the inputs were read, so that the store ends the same whatever the number of workers.
 *
 * @example const summary = await ingest(store, ['sample/']); summary.failed.length === 0
 */
export async function ingest(store: Store, inputs: readonly IngestInput[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new TypeError(`ingest needs a whole number of workers from 1 (got ${workers})`);
  if (options.pipeline && (workers > 1 || options.pool)) throw new TypeError('ingest runs options.pipeline in this thread: it cannot go with workers above 1 or a pool');
  // started when the first article needs it: a run that only skips or fails loads no models
  let ownPool: ArticlePool | undefined;
  const startPool = options.pool ? () => options.pool! : workers > 1 ? () => (ownPool ??= createArticlePool({ threads: workers })) : undefined;
  try {
    return await run(store, inputs, options, started, startPool);
  } finally {
    await ownPool?.close();
  }
}

/**
 * The default pipeline once a run has needed it in this thread: imported then, not with this
 * module, so that with a pool the models load in the workers only and a run that only skips
 * loads none (and awaited once only: the import lets the event loop turn).
 */
let inThisThread: Pipeline | undefined;

async function run(store: Store, inputs: readonly IngestInput[], options: IngestOptions, started: number, startPool: (() => ArticlePool) | undefined): Promise<IngestSummary> {
  let pipeline = options.pipeline;
  const summary: IngestSummary = { ingested: 0, skipped: 0, failed: [], warnings: [], ids: [], seconds: 0, processingSeconds: 0 };
  const seenInRun = new Set<string>();
  const fail = (source: string, error: unknown) => {
    const code = error instanceof IngestError ? error.code : 'processing';
    const reason = error instanceof Error ? error.message : String(error);
    summary.failed.push({ source, code, reason });
    store.recordFailure({ source, code, reason });
  };
  const queue: Source[] = await expandInputs(inputs, {
    missing: (input, error) => fail(input, error),
    passedOver: (folder, files) => summary.warnings.push(passedOverWarning(folder, files)),
  });
  let done = 0;
  let urls = queue.filter((s) => s.kind === 'url').length;
  const progress = () =>
    options.onProgress?.({
      inputsDone: done,
      inputsTotal: queue.length,
      ingested: summary.ingested,
      skipped: summary.skipped,
      failed: summary.failed.length,
      elapsed: (performance.now() - started) / 1000,
    });

  // results wait here until those read before them are written
  const pending: Pending[] = [];
  const inFlight = new Map<string, number>();
  let pool: ArticlePool | undefined;
  /** How many results may wait to be written: a few per worker keep the workers busy. */
  const ahead = () => (pool ? pool.threads * 2 : 1);
  let busySince = 0;

  const store1 = (doc: Doc, source: string) => {
    // an article stored again takes its old facts out of the corpus first, while they can be read
    if (store.has(doc.id)) disconnectArticle(store, doc.id);
    store.put(doc);
    seenInRun.add(doc.id);
    summary.ingested++;
    summary.ids.push(doc.id);
    store.clearFailure(source);
    options.onStored?.(doc);
  };

  /** Writes the oldest pending result: the article, or why it failed. */
  const writeNext = async () => {
    const item = pending.shift()!;
    if ('failure' in item) return fail(item.source, item.failure);
    const outcome = await item.outcome;
    const left = inFlight.get(item.id)! - 1;
    if (left) inFlight.set(item.id, left);
    else inFlight.delete(item.id);
    try {
      if ('error' in outcome) throw outcome.error;
      store1(outcome.doc, item.source);
    } catch (e) {
      if (e instanceof StoreError || e instanceof TypeError) throw e;
      fail(item.source, e);
    }
    if (!inFlight.size) summary.processingSeconds += (performance.now() - busySince) / 1000;
  };
  /** Writes pending results, oldest first, until at most `keep` wait. */
  const writeUntil = async (keep: number) => {
    while (pending.length > keep) await writeNext();
  };

  const send = async (record: InputRecord, source: string, warnings: readonly string[]) => {
    const doc: Doc = createDoc(record.raw, record.format, { ...record.meta, source });
    for (const w of warnings) report(doc, 'ingest:decode', w, undefined, 'warning');
    // the same content read earlier in this run: whether it is skipped depends on how that one ends
    while (inFlight.has(doc.id)) await writeNext();
    // an article stored by an older Dossier, without a layer added since, is processed again
    if (seenInRun.has(doc.id) || (!options.force && store.isComplete(doc.id))) {
      summary.skipped++;
      return;
    }
    if (Buffer.byteLength(record.raw) > (options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES)) {
      throw new IngestError('too-large', `${source}: the article is over the limit of ${sizeLabel(options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES)}`);
    }
    if (startPool && !pool) {
      const starting = startPool();
      // loading the models is not processing time
      await starting.ready();
      pool = starting;
    } else if (!startPool) pipeline ??= inThisThread ??= (await import('../pipeline/default-pipeline.ts')).defaultPipeline();
    if (!inFlight.size) busySince = performance.now();
    inFlight.set(doc.id, (inFlight.get(doc.id) ?? 0) + 1);
    let outcome: Promise<Outcome>;
    if (pool) outcome = pool.run(doc).then((d) => ({ doc: d }), (error: unknown) => ({ error }));
    else {
      try {
        outcome = Promise.resolve({ doc: pipeline!(doc) });
      } catch (error) {
        outcome = Promise.resolve({ error });
      }
    }
    pending.push({ source, id: doc.id, outcome });
    await writeUntil(ahead() - 1);
  };

  for (let i = 0; i < queue.length; i++, done++, progress()) {
    const source = queue[i];
    const name = sourceName(source);
    let loaded;
    try {
      let bytes: Uint8Array;
      const origin: InputOrigin = { name };
      if (source.kind === 'file') bytes = readFile(source.path, options);
      else if (source.kind === 'upload') {
        checkSize(name, source.bytes.length, options);
        bytes = source.bytes;
      } else if (source.kind === 'stdin') {
        if (!options.readStdin) throw new TypeError('ingest from standard input needs options.readStdin');
        bytes = await options.readStdin();
      } else {
        const page = await fetchUrl(source.url, options.fetch);
        bytes = page.bytes;
        origin.url = page.url;
        origin.contentType = page.contentType;
      }
      loaded = loadInput(gunzipInput(bytes, name, inputLimit(name, options).bytes), origin);
    } catch (e) {
      if (e instanceof TypeError) throw e;
      pending.push({ source: name, failure: e });
      await writeUntil(ahead() - 1);
      if (options.yieldToEventLoop) await nextTurn();
      continue;
    }
    summary.warnings.push(...loaded.warnings);
    const room = Math.max(0, (options.maxUrls ?? Infinity) - urls);
    for (const url of loaded.urls.slice(0, room)) queue.push({ kind: 'url', url });
    urls += Math.min(room, loaded.urls.length);
    if (loaded.urls.length > room) {
      const left = loaded.urls.length - room;
      pending.push({ source: name, failure: new IngestError('too-many-urls', `${name}: lists ${loaded.urls.length} URLs; ${left} of them ${left === 1 ? 'was' : 'were'} left out, over the limit of ${options.maxUrls} URLs in one run (ingest them in another)`) });
    }
    for (const item of loaded.records) {
      if ('error' in item) {
        pending.push({ source: item.where, failure: item.error });
        await writeUntil(ahead() - 1);
        continue;
      }
      try {
        await send(item.record, item.where, loaded.warnings);
      } catch (e) {
        if (e instanceof StoreError || e instanceof TypeError) throw e;
        pending.push({ source: item.where, failure: e });
        await writeUntil(ahead() - 1);
      }
      if (options.yieldToEventLoop) {
        progress();
        await nextTurn();
      }
    }
    await writeUntil(ahead() - 1);
  }
  await writeUntil(0);
  if (pool) progress();
  if (options.yieldToEventLoop) await nextTurn();
  if (options.connect !== false) summary.connected = connect(store, options.onConnectProgress ? { onProgress: options.onConnectProgress } : {});
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
