import { MAX_PAGE_SIZE, type Store } from '../store/store.ts';
import { pagedRows } from './csv.ts';
import { articleJson } from './article-json.ts';

/**
 * Writes every stored article as one JSON line (raw input included), in ingest order, and
 * returns how many were written. `write` receives each line with its newline.
 *
 * @example exportJsonl(store, (line) => process.stdout.write(line))
 */
export async function exportJsonl(store: Store, write: (line: string) => boolean | Promise<unknown> | void): Promise<number> {
  let n = 0;
  for (const doc of store.all()) {
    await write(`${JSON.stringify(articleJson(doc, { raw: true, corpus: store.corpus.articleFacts(doc.id) }))}\n`);
    n++;
  }
  return n;
}

/** The version of the corpus export forms; bumped when a field changes meaning. */
export const ENTITY_SCHEMA = 'dossier.entity/1';
export const STORY_SCHEMA = 'dossier.story/1';
export const EVENT_SCHEMA = 'dossier.event/1';
export const CORPUS_EVENT_SCHEMA = 'dossier.corpus-event/1';

/**
 * Writes every corpus entity (most mentioned first), every story (oldest first), every event
 * report (the latest dated first) or every corpus event (the latest first) as one JSON line with everything its page or list shows
 * (docs/export-schema.md), and returns how many.
 *
 * @example exportCorpusJsonl(store, 'entities', (line) => process.stdout.write(line))
 */
export async function exportCorpusJsonl(store: Store, what: 'entities' | 'stories' | 'events' | 'corpus-events', write: (line: string) => boolean | Promise<unknown> | void): Promise<number> {
  let n = 0;
  if (what === 'corpus-events') {
    // every corpus event (the latest first) with its reports (the first MAX_PAGE_SIZE), disagreements and links
    for (const e of pagedRows({}, (page) => store.corpusEvents(page).events)) {
      const detail = store.corpusEvent(e.id, { limit: MAX_PAGE_SIZE });
      if (!detail) continue;
      await write(`${JSON.stringify({ schema: CORPUS_EVENT_SCHEMA, ...detail })}\n`);
      n++;
    }
    return n;
  }
  if (what === 'events') {
    // every event row (Store.events: the latest dated first), a page at a time
    for (const e of pagedRows({}, (page) => store.events(page).events)) {
      await write(`${JSON.stringify({ schema: EVENT_SCHEMA, ...e })}\n`);
      n++;
    }
    return n;
  }
  const items = what === 'entities' ? store.corpus.allEntities() : store.corpus.allStories();
  const schema = what === 'entities' ? ENTITY_SCHEMA : STORY_SCHEMA;
  for (const item of items) {
    await write(`${JSON.stringify({ schema, ...item })}\n`);
    n++;
  }
  return n;
}
