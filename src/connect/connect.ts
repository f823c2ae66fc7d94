import type { Doc } from '../doc/doc.ts';
import type { ArticleText, CorpusStore } from '../store/corpus-store.ts';
import type { Store } from '../store/store.ts';
import { connectDuplicates, disconnectDuplicates } from './duplicates.ts';
import { connectEntities, disconnectEntities, mergeStoryNodes } from './entities.ts';
import { connectEvents, disconnectEvents } from './events.ts';
import { connectStatements, disconnectStatements } from './statements.ts';
import { connectStory, disconnectStory } from './stories.ts';

/** What a connect run did. */
export interface ConnectSummary {
  /** Articles connected into the corpus. */
  connected: number;
  /** Deleted articles taken out of it. */
  disconnected: number;
  seconds: number;
}

/** What the corpus holds: stories, corpus entities (junk names left out), duplicate groups, statements reported more than once. */
export interface CorpusTotals {
  stories: number;
  entities: number;
  duplicateGroups: number;
  statements: number;
}

/** Counts what the corpus holds (a read over the corpus tables: for a command's summary, not for every article). */
export function corpusTotals(store: Store): CorpusTotals {
  const corpus = store.corpus;
  return {
    stories: corpus.listStories({ limit: 0 }).total,
    entities: corpus.listEntities({ limit: 0 }).total,
    duplicateGroups: corpus.listDuplicateGroups({ limit: 0 }).total,
    statements: corpus.listStatements({ limit: 0 }).total,
  };
}

export interface ConnectOptions {
  onProgress?: (done: number, total: number) => void;
  /** Stop after this many queued changes (the rest stay queued for the next run). */
  limit?: number;
}

/** How many queued changes are read at a time. */
const BATCH = 64;

function textOf(doc: Doc, order: number): ArticleText {
  return {
    id: doc.id,
    text: doc.text,
    sentences: doc.sentences,
    title: doc.meta.title ?? null,
    outlet: doc.meta.outlet ?? null,
    published: doc.meta.published ?? null,
    chars: doc.text.length,
    order,
  };
}

/**
 * Connects one stored article into the corpus, in the order the steps depend on each other:
 * duplicates (a copy joins its original's story), stories (surnames are read within a story),
 * entities, statements, events (their actors are read as corpus entities).
 */
function connectArticle(corpus: CorpusStore, doc: Doc, order: number): void {
  const copies = connectDuplicates(corpus, textOf(doc, order));
  const change = connectStory(corpus, doc, { order, duplicateOf: copies?.copies[0] });
  mergeStoryNodes(corpus, change.merged);
  connectEntities(corpus, doc, change.story);
  connectStatements(corpus, doc);
  connectEvents(corpus, doc, order);
  corpus.setConnected(doc.id, true);
}

/**
 * Takes an article's facts back out of the corpus. With its Doc (before it is deleted) every
 * count goes back exactly; without (deleted by other means) links, groups, stories and
 * statements still do, and only the word statistics and name forms it added stay counted.
 */
function disconnect(corpus: CorpusStore, id: string, doc: Doc | undefined): void {
  if (!corpus.isConnected(id)) return;
  const story = corpus.storyOf(id);
  disconnectEvents(corpus, id);
  disconnectStatements(corpus, id);
  if (doc) disconnectEntities(corpus, doc, story);
  else disconnectEntities(corpus, { id, entities: [], mentions: [], tokens: [], sentences: [], text: '' } as unknown as Doc, story);
  disconnectStory(corpus, id);
  disconnectDuplicates(corpus, id);
  corpus.setConnected(id, false);
}

/**
 * Brings the corpus up to date with the store: every article stored or deleted since the last
 * run is connected or taken out, one at a time in the order it happened, each in its own
 * transaction (a killed run leaves the rest queued, and the next run finishes it). Cost per
 * article depends on its candidates, not on the size of the corpus.
 *
 * @example await ingest(store, ['articles/']); connect(store);
 */
export function connect(store: Store, options: ConnectOptions = {}): ConnectSummary {
  const started = performance.now();
  const corpus = store.corpus;
  const summary: ConnectSummary = { connected: 0, disconnected: 0, seconds: 0 };
  const limit = options.limit ?? Infinity;
  const total = Math.min(limit, corpus.queueLength());
  let done = 0;
  for (let batch = corpus.queue(BATCH); batch.length && done < limit; batch = corpus.queue(BATCH)) {
    for (const item of batch) {
      if (done >= limit) break;
      corpus.transaction(() => {
        if (item.op === 'remove') {
          if (corpus.isConnected(item.article)) summary.disconnected++;
          disconnect(corpus, item.article, undefined);
        } else if (!corpus.isConnected(item.article)) {
          const doc = store.get(item.article);
          const order = corpus.articleText(item.article)?.order;
          if (doc && order !== undefined) {
            connectArticle(corpus, doc, order);
            summary.connected++;
          }
        }
        corpus.dequeue(item.seq);
      });
      options.onProgress?.(++done, total);
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Forgets every corpus fact and connects every stored article again, in ingest order: the same
 * code path as incremental connecting, so the result is the same.
 */
export function rebuildConnections(store: Store, options: ConnectOptions = {}): ConnectSummary {
  store.corpus.transaction(() => store.corpus.resetCorpus());
  return connect(store, options);
}

/**
 * Takes a stored article out of the corpus before it is deleted or stored again, while its
 * Doc can still be read, so that every count it added goes back exactly.
 */
export function disconnectArticle(store: Store, id: string): void {
  const corpus = store.corpus;
  if (!corpus.isConnected(id)) return;
  corpus.transaction(() => disconnect(corpus, id, store.get(id)));
}
