import type { Doc } from '../../doc/doc.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { connect } from '../connect.ts';
import { storyThemes } from '../stories.ts';
import type { Clustering } from './coref-metrics.ts';
import { responseFromPredicted, type MentionAlignment } from './ecbplus-scores.ts';
import type { EcbDocument } from './ecbplus.ts';

/** The product's corpus over a set of ECB+ documents: which corpus entity each article entity joined, which corpus event each article event joined, and each article's story. */
export interface ProductCorpus {
  /** ECB+ document id → corpus entity id of each of its article's entities (by index). */
  entities: Map<string, Array<string | null>>;
  /** ECB+ document id → corpus event id of each of its article's events (by index in Doc.events). */
  events: Map<string, Array<string | null>>;
  /** ECB+ document id → story id. */
  stories: Map<string, string>;
  /** ECB+ document id → its story's group of related stories. */
  themes: Map<string, string>;
  /** ECB+ document id → duplicate group, where it has one. */
  duplicates: Map<string, string>;
  seconds: number;
}

/**
 * Stores the product's processed articles of some ECB+ documents in a fresh in-memory store, in
 * the order given, and connects them as `dossier ingest` would: nothing about topics is told.
 */
export function connectProduct(docs: readonly EcbDocument[], articles: ReadonlyMap<string, Doc>): ProductCorpus {
  const store = openSqliteStore(':memory:');
  try {
    for (const d of docs) {
      const a = articles.get(d.id);
      if (a && !store.has(a.id)) store.put(a);
    }
    const started = performance.now();
    connect(store);
    const seconds = (performance.now() - started) / 1000;
    const result: ProductCorpus = { entities: new Map(), events: new Map(), stories: new Map(), themes: new Map(), duplicates: new Map(), seconds };
    for (const d of docs) {
      const a = articles.get(d.id);
      if (!a) continue;
      result.entities.set(d.id, store.corpus.articleFacts(a.id).entities);
      const events: Array<string | null> = a.events.map(() => null);
      for (const m of store.corpus.cevMentionsOf(a.id)) events[m.idx] = m.event;
      result.events.set(d.id, events);
      const story = store.corpus.storyOf(a.id);
      if (story) result.stories.set(d.id, story);
      const group = store.corpus.dupMemberOf(a.id)?.group;
      if (group) result.duplicates.set(d.id, group);
    }
    const themes = storyThemes(store.corpus, [...new Set(result.stories.values())]);
    for (const [doc, story] of result.stories) result.themes.set(doc, themes.get(story) ?? story);
    return result;
  } finally {
    store.close();
  }
}

/** The product's entity clustering of the aligned gold mentions: each takes the corpus entity of its product mention's article entity. */
export function productEntityClustering(corpus: ProductCorpus, articles: ReadonlyMap<string, Doc>, alignment: MentionAlignment): Clustering {
  return responseFromPredicted(alignment, (doc, i) => {
    const mention = articles.get(doc)?.mentions[i];
    return mention ? (corpus.entities.get(doc)?.[mention.entity] ?? undefined) : undefined;
  });
}

/** The product's event clustering of the aligned gold event mentions: each takes the corpus event of its product event (alignment indices are Doc.events indices, as eventsOf gives them). */
export function productEventClustering(corpus: ProductCorpus, alignment: MentionAlignment): Clustering {
  return responseFromPredicted(alignment, (doc, i) => corpus.events.get(doc)?.[i] ?? undefined);
}
