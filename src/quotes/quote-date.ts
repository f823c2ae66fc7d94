import type { Doc, Quote, Timex } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';

/** Where a quote's date comes from: the day its own sentence names, or the article's date. */
export type QuoteDateSource = 'article' | 'sentence';

/** A quote's date (`YYYY-MM-DD`, or the article's date as coarse as it is given), and where it comes from; both null when nothing dates it. */
export interface QuoteDate {
  date: string | null;
  dateFrom: QuoteDateSource | null;
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An article date as given: a day (with or without a time), a month or a year. */
const ARTICLE_DATE = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}$|\d{4}$)/;
/** Mods that still name the day itself (its start, middle, end); the others move away from it. */
const SAME_DAY_MODS = new Set<Timex['mod']>([undefined, 'START', 'MID', 'END']);

/**
 * When a quote was said, as far as the article tells: a `DATE` timex whose value is a full day,
 * in the sentence of the quote's content or of its cue ("…,” Solvane said on 12 March.), outside
 * the quoted words (a date inside them is what the quote talks about: "the talks resume on 20
 * March, officials said"), the one nearest the cue; else the article's publication date.
 *
 * @example quoteDate(doc, doc.quotes[0]) // { date: '2026-03-12', dateFrom: 'sentence' }
 */
export function quoteDate(doc: Pick<Doc, 'sentences' | 'timexes' | 'meta'>, quote: Pick<Quote, 'content' | 'cue'>): QuoteDate {
  const sentences = sentencesOf(doc.sentences, [quote.content, ...(quote.cue ? [quote.cue] : [])]);
  const outside = (t: Timex) => t.end <= quote.content.start || t.start >= quote.content.end;
  const days = doc.timexes.filter(
    (t) => t.type === 'DATE' && FULL_DAY.test(t.value) && SAME_DAY_MODS.has(t.mod) && outside(t) && sentences.some((s) => t.start >= s.start && t.end <= s.end),
  );
  if (days.length) {
    const near = quote.cue ?? quote.content;
    const distance = (t: Timex) => Math.max(0, near.start - t.end, t.start - near.end);
    const best = days.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    return { date: best.value, dateFrom: 'sentence' };
  }
  const published = doc.meta.published ? ARTICLE_DATE.exec(doc.meta.published) : null;
  return published ? { date: published[1], dateFrom: 'article' } : { date: null, dateFrom: null };
}

/** The sentences that overlap any of the spans (a span between sentences touches none). */
function sentencesOf(sentences: readonly Span[], spans: readonly Span[]): Span[] {
  return sentences.filter((s) => spans.some((p) => p.start < s.end && p.end > s.start));
}
