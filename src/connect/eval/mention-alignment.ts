import type { Span } from '../../doc/span.ts';

/**
 * Matching predicted mentions to gold mentions of the same text, one to one, so that a
 * clustering of predicted mentions can be scored against gold clusters.
 */

/** A mention to align: its span and, where known, its head's span (the whole span stands in otherwise). */
export interface AlignableMention extends Span {
  head?: Span;
}

/** How a pair was matched, from strictest to loosest. */
export type AlignHow = 'exact' | 'head' | 'overlap';

/** A gold mention (index into the gold list) matched to a predicted one. */
export interface MentionPair {
  gold: number;
  predicted: number;
  how: AlignHow;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const headOf = (m: AlignableMention): Span => m.head ?? m;

/**
 * Matches each predicted mention to at most one gold mention and each gold mention to at most
 * one predicted mention, in three passes over what is still unmatched: the same span; then
 * heads that overlap (the gold "Lindsay Lohan" and a predicted "Lohan"); then spans that
 * overlap. Within the last two passes the pairs with the larger overlap of their whole spans
 * go first, ties in text order. Spans must point into the same text.
 *
 * @example alignMentions([{ start: 0, end: 13, head: { start: 8, end: 13 } }], [{ start: 8, end: 13 }]) // [{ gold: 0, predicted: 0, how: 'head' }]
 */
export function alignMentions(gold: readonly AlignableMention[], predicted: readonly AlignableMention[]): MentionPair[] {
  const goldTaken = new Uint8Array(gold.length);
  const predTaken = new Uint8Array(predicted.length);
  const pairs: MentionPair[] = [];
  const take = (g: number, p: number, how: AlignHow) => {
    goldTaken[g] = 1;
    predTaken[p] = 1;
    pairs.push({ gold: g, predicted: p, how });
  };

  const exact = new Map<string, number[]>();
  gold.forEach((g, i) => {
    const k = `${g.start}:${g.end}`;
    exact.set(k, [...(exact.get(k) ?? []), i]);
  });
  predicted.forEach((p, j) => {
    const g = exact.get(`${p.start}:${p.end}`)?.find((i) => !goldTaken[i]);
    if (g !== undefined) take(g, j, 'exact');
  });

  const pass = (how: AlignHow, matches: (g: AlignableMention, p: AlignableMention) => boolean) => {
    const candidates: Array<{ g: number; p: number; size: number }> = [];
    gold.forEach((g, i) => {
      if (goldTaken[i]) return;
      predicted.forEach((p, j) => {
        if (!predTaken[j] && matches(g, p)) candidates.push({ g: i, p: j, size: overlap(g, p) });
      });
    });
    candidates.sort((a, b) => b.size - a.size || gold[a.g].start - gold[b.g].start || a.g - b.g || a.p - b.p);
    for (const c of candidates) if (!goldTaken[c.g] && !predTaken[c.p]) take(c.g, c.p, how);
  };
  pass('head', (g, p) => overlap(headOf(g), headOf(p)) > 0);
  pass('overlap', (g, p) => overlap(g, p) > 0);
  return pairs.sort((a, b) => a.gold - b.gold);
}

/**
 * The span of the last word inside `span` of `text` (letters and digits, with inner
 * apostrophes, hyphens and points; a possessive 's left out), a crude head for a predicted
 * mention; the span itself when it holds no word.
 *
 * @example lastWordSpan('the Betty Ford Center.', { start: 4, end: 22 }) // { start: 15, end: 21 } ("Center")
 */
export function lastWordSpan(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  let last: Span | undefined;
  for (const m of slice.matchAll(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu)) {
    const word = m[0].replace(/['’]s$/i, '');
    last = { start: span.start + m.index, end: span.start + m.index + word.length };
  }
  return last ?? { start: span.start, end: span.end };
}
