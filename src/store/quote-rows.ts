import { textOf, type Doc } from '../doc/doc.ts';
import { quoteDate } from '../quotes/quote-date.ts';
import type { QuoteRow } from './store.ts';

/**
 * The attributions of one article as list rows, in the order of its `quotes` layer, each with
 * its date (quoteDate): what a store keeps for corpus queries and what `dossier show` prints.
 *
 * @example quoteRows(doc).map((q) => `${q.speaker}: ${q.content}`)
 */
export function quoteRows(doc: Doc): QuoteRow[] {
  return doc.quotes.map((q, index) => ({
    articleId: doc.id,
    articleTitle: doc.meta.title ?? null,
    index,
    speaker: q.speaker.name,
    how: q.speaker.how,
    via: q.via.map((v) => v.name),
    outlet: doc.meta.outlet ?? null,
    kind: q.kind,
    cue: q.cue ? textOf(doc, q.cue) : null,
    source: q.source ? textOf(doc, q.source) : null,
    content: textOf(doc, q.content),
    spans: {
      content: { start: q.content.start, end: q.content.end },
      cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
      source: q.source ? { start: q.source.start, end: q.source.end } : null,
      speaker: q.speaker.span ? { start: q.speaker.span.start, end: q.speaker.span.end } : null,
      via: q.via.map((v) => ({ start: v.start, end: v.end })),
    },
    ...quoteDate(doc, q),
  }));
}

/**
 * The form of a name that quote filters compare: lower case with every run of white space one
 * space, so that "tass" finds "TASS" (and a line break can separate names in an index).
 */
export function matchKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ');
}
