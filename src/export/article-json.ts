import type { Doc } from '../doc/doc.ts';
import { quoteDate } from '../quotes/quote-date.ts';
import { eventRows } from '../store/event-rows.ts';
import type { ArticleCorpusFacts } from '../store/corpus-reads.ts';

/** The version of the article JSON form; bumped when a field changes meaning. */
export const ARTICLE_SCHEMA = 'dossier.article/1';

/**
 * The JSON form of an article with all its layers, used by `dossier export` and the HTTP API
 * alike (documented in docs/export-schema.md). Spans are UTF-16 offsets into `text`, end
 * exclusive; `map` turns them into offsets into `raw`. `raw` is left out unless asked for, and
 * `map` goes with it unless asked for on its own: on an HTML page the map is most of the
 * weight (an offset pair for each stretch of text between tags), and of use only with `raw`.
 *
 * Each quote carries its date and where that comes from (quoteDate), each event its readable
 * line (`summary`).
 *
 * `corpus` adds what corpus work knows of the article (its story, its group of copies, each
 * entity's corpus entity, each quote's statement, each event's corpus event).
 *
 * @example articleJson(doc) // no raw, no map; articleJson(doc, { raw: true }) // both
 */
export function articleJson(doc: Doc, options: { raw?: boolean; map?: boolean; corpus?: ArticleCorpusFacts } = {}) {
  const corpus = options.corpus;
  return {
    schema: ARTICLE_SCHEMA,
    id: doc.id,
    format: doc.format,
    meta: doc.meta,
    text: doc.text,
    ...(options.raw ? { raw: doc.raw } : {}),
    ...((options.map ?? options.raw) ? { map: doc.map.segments } : {}),
    blocks: doc.blocks,
    entries: doc.entries,
    sentences: doc.sentences,
    tokens: doc.tokens,
    mentions: doc.mentions,
    // each entity with the corpus entity it joined, where the article has been connected
    entities: corpus ? doc.entities.map((e, i) => ({ ...e, corpusEntity: corpus.entities[i] ?? null })) : doc.entities,
    quotes: doc.quotes.map((q) => ({ ...q, ...quoteDate(doc, q) })),
    timexes: doc.timexes,
    // each event with its readable line (eventSummary), as event lists give it, and the corpus event it reports
    events: eventRows(doc).map((row, i) => ({ ...doc.events[i], summary: row.summary, ...(corpus ? { corpusEvent: corpus.events[i] ?? null } : {}) })),
    removed: doc.removed,
    messages: doc.messages,
    quality: doc.quality,
    ...(corpus
      ? { corpus: { story: corpus.story, duplicates: corpus.duplicates, statements: corpus.statements.map((st, i) => (st ? { quote: i, ...st } : null)).filter((x) => x !== null) } }
      : {}),
  };
}

/** The type of articleJson's result. */
export type ArticleJson = ReturnType<typeof articleJson>;
