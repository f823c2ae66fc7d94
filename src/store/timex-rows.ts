import { textOf, type Doc } from '../doc/doc.ts';
import type { TimexRow } from './store.ts';

/**
 * The temporal expressions of one article as list rows, in the order of its `timexes` layer:
 * what a store keeps for corpus queries and what `dossier show` prints.
 *
 * @example timexRows(doc).map((t) => `${textOf(doc, t)} = ${t.value}`)
 */
export function timexRows(doc: Doc): TimexRow[] {
  return doc.timexes.map((t, index) => ({
    articleId: doc.id,
    articleTitle: doc.meta.title ?? null,
    index,
    start: t.start,
    end: t.end,
    text: textOf(doc, t),
    type: t.type,
    value: t.value,
    mod: t.mod ?? null,
    anchor: t.anchor,
  }));
}
