import { readFileSync, statSync } from 'node:fs';
import { connect, disconnectArticle, type ConnectSummary } from '../connect/connect.ts';
import { createDoc, report, type Doc } from '../doc/doc.ts';
import { defaultPipeline } from '../pipeline/default-pipeline.ts';
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
  /** Seconds spent processing and storing the `ingested` articles (not reading inputs, skipping duplicates or loading the models). */
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
  pipeline?: Pipeline;
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

/**
 * Ingests files, folders, globs, URLs, standard input and uploaded files (IngestInput) into the store: each article is
 * decoded, processed by the pipeline and stored in its own transaction. Content already
 * stored with every layer is skipped unless `force`; an input or record that fails is recorded with its reason
 * and the batch goes on. Only a store that cannot be written stops the run (a StoreError). Then
 * the batch is connected into the corpus (src/connect/), unless `connect: false`.
 *
 * @example const summary = await ingest(store, ['sample/']); summary.failed.length === 0
 */
export async function ingest(store: Store, inputs: readonly IngestInput[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const pipeline = options.pipeline ?? defaultPipeline();
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

  const storeRecord = (record: InputRecord, source: string, warnings: readonly string[]) => {
    const doc: Doc = createDoc(record.raw, record.format, { ...record.meta, source });
    for (const w of warnings) report(doc, 'ingest:decode', w, undefined, 'warning');
    // an article stored by an older Dossier, without a layer added since, is processed again
    if (seenInRun.has(doc.id) || (!options.force && store.isComplete(doc.id))) {
      summary.skipped++;
      return;
    }
    if (Buffer.byteLength(record.raw) > (options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES)) {
      throw new IngestError('too-large', `${source}: the article is over the limit of ${sizeLabel(options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES)}`);
    }
    const processing = performance.now();
    pipeline(doc);
    // an article stored again takes its old facts out of the corpus first, while they can be read
    if (store.has(doc.id)) disconnectArticle(store, doc.id);
    store.put(doc);
    summary.processingSeconds += (performance.now() - processing) / 1000;
    seenInRun.add(doc.id);
    summary.ingested++;
    summary.ids.push(doc.id);
    store.clearFailure(source);
    options.onStored?.(doc);
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
      fail(name, e);
      if (options.yieldToEventLoop) await nextTurn();
      continue;
    }
    summary.warnings.push(...loaded.warnings);
    const room = Math.max(0, (options.maxUrls ?? Infinity) - urls);
    for (const url of loaded.urls.slice(0, room)) queue.push({ kind: 'url', url });
    urls += Math.min(room, loaded.urls.length);
    if (loaded.urls.length > room) {
      const left = loaded.urls.length - room;
      fail(name, new IngestError('too-many-urls', `${name}: lists ${loaded.urls.length} URLs; ${left} of them ${left === 1 ? 'was' : 'were'} left out, over the limit of ${options.maxUrls} URLs in one run (ingest them in another)`));
    }
    for (const item of loaded.records) {
      if ('error' in item) {
        fail(item.where, item.error);
        continue;
      }
      try {
        storeRecord(item.record, item.where, loaded.warnings);
      } catch (e) {
        if (e instanceof StoreError || e instanceof TypeError) throw e;
        fail(item.where, e);
      }
      if (options.yieldToEventLoop) {
        progress();
        await nextTurn();
      }
    }
  }
  if (options.yieldToEventLoop) await nextTurn();
  if (options.connect !== false) summary.connected = connect(store, options.onConnectProgress ? { onProgress: options.onConnectProgress } : {});
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
