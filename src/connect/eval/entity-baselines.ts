import type { Doc, EntityType } from '../../doc/doc.ts';
import { spanToRaw } from '../../doc/offset-map.ts';
import type { Span } from '../../doc/span.ts';
import { nameKey } from '../../entities/link.ts';
import { processArticle } from '../../pipeline/default-pipeline.ts';
import { bodyText, type EcbDocument } from './ecbplus.ts';
import { responseFromPredicted, type MentionAlignment } from './ecbplus-scores.ts';
import { lastWordSpan } from './mention-alignment.ts';

/**
 * The product's own names in ECB+ texts, and the cross-document entity baselines built from
 * them alone: mentions with the same normalised string, or the same head word, are one entity.
 */

/** A name the product found in an ECB+ text, as a span of that text. */
export interface ProductMention extends Span {
  /** The last word, a crude head for alignment. */
  head: Span;
  text: string;
  type: EntityType;
  /** The fullest name of the per-article entity the mention belongs to ("Lindsay Lohan" for "Lohan"). */
  entity: string;
}

/**
 * Runs the product's per-article pipeline on a document's article text (as plain text, with
 * its source address, if it has one, as the address rather than a line of text) and returns
 * its name mentions as spans of the document's whole text. The pipeline's cleaned text sets
 * paragraphs apart with blank lines, so spans are mapped back through its offset map.
 *
 * @example productMentions(doc).map((m) => m.text) // ['Lindsay Lohan', 'Betty Ford Center', …]
 */
export function productMentions(doc: Pick<EcbDocument, 'id' | 'text' | 'url' | 'bodyStart'>): ProductMention[] {
  return mentionsOf(doc, productArticle(doc));
}

/** The product's processed article for an ECB+ document: its article text as plain text, its address as metadata. */
export function productArticle(doc: Pick<EcbDocument, 'id' | 'text' | 'url' | 'bodyStart'>): Doc {
  return processArticle(bodyText(doc), 'text', doc.url ? { source: doc.id, url: doc.url } : { source: doc.id });
}

/** The name mentions of a processed ECB+ article as spans of the document's whole text, in the article's mention order. */
export function mentionsOf(doc: Pick<EcbDocument, 'text' | 'bodyStart'>, out: Doc): ProductMention[] {
  return out.mentions.map((m) => {
    const raw = spanToRaw(out.map, m);
    const span = { start: raw.start + doc.bodyStart, end: raw.end + doc.bodyStart };
    return {
      ...span,
      head: lastWordSpan(doc.text, span),
      text: doc.text.slice(span.start, span.end),
      type: m.type,
      entity: out.entities[m.entity]?.name ?? doc.text.slice(span.start, span.end),
    };
  });
}

/** The baselines' comparison form of a name: lower case, no leading "the", single spaces (the product's own nameKey). */
export function normalisedName(name: string): string {
  return nameKey(name);
}

/** The last word of a name, lower-cased: "Betty Ford Center" → "center". */
export function headWord(name: string): string {
  const words = nameKey(name).split(' ');
  return words[words.length - 1];
}

/**
 * The baseline clusterings of aligned gold mentions from the product's mentions, each over
 * the whole set of documents given (no topic is told): `same string` (normalised mention
 * text), `same head` (last word) and `same article entity` (the normalised fullest name of
 * the product's per-article entity, so "Lohan" joins "Lindsay Lohan" where one article has
 * both). Gold mentions the product did not find are absent: response singletons.
 */
export function entityBaselines(alignment: MentionAlignment, predicted: ReadonlyMap<string, readonly ProductMention[]>): Record<string, Map<string, string>> {
  const by = (key: (m: ProductMention) => string) =>
    responseFromPredicted(alignment, (doc, i) => {
      const m = predicted.get(doc)?.[i];
      return m && key(m);
    });
  return {
    'same string': by((m) => normalisedName(m.text)),
    'same head': by((m) => headWord(m.text)),
    'same article entity': by((m) => normalisedName(m.entity)),
  };
}
