import { createDoc } from '../../doc/doc.ts';
import { defaultStages } from '../../pipeline/default-pipeline.ts';
import { createPipeline } from '../../pipeline/stage.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { connect } from '../connect.ts';
import type { DetectorItem, Grouping } from './duplicates-benchmark.ts';

/**
 * The product's duplicate detection as a benchmark detector: every item is cleaned and split
 * into sentences by the product's own stages (names and quotes left out: duplicates do not read
 * them), stored in a fresh in-memory store in the order given, and connected; an item's group is
 * its article's duplicate group. Items with the same text are one article (the store keys
 * articles by content), so they share a group as they would in the product.
 */
export function productDuplicates(items: readonly DetectorItem[]): Grouping {
  const pipeline = createPipeline(defaultStages().filter((s) => s.name !== 'entities' && s.name !== 'quotes'));
  const store = openSqliteStore(':memory:');
  try {
    const docOf = new Map<string, string>();
    for (const item of items) {
      const doc = pipeline(createDoc(item.text, 'text', { source: item.id }));
      if (!store.has(doc.id)) store.put(doc);
      docOf.set(item.id, doc.id);
    }
    connect(store);
    const grouping: Grouping = new Map();
    for (const item of items) {
      const doc = docOf.get(item.id)!;
      grouping.set(item.id, store.corpus.dupMemberOf(doc)?.group ?? `doc:${doc}`);
    }
    return grouping;
  } finally {
    store.close();
  }
}
