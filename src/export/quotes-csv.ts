import { quoteChain, type QuoteFilter, type QuoteRow, type Store } from '../store/store.ts';
import { csvLine, pagedCsvLines } from './csv.ts';

/**
 * Quotes as CSV, one row per attribution: when it was said, who said it and how the speaker
 * was found, the chain of outlets it came through (the article's own last, " → "-joined), its
 * kind, cue and words, and where it was read (article, outlet, the content's span). Written as
 * the events CSV is (src/export/csv.ts: RFC 4180, CRLF, formula-looking cells defused).
 */
export const QUOTE_CSV_COLUMNS = ['date', 'date_from', 'speaker', 'speaker_how', 'via', 'kind', 'cue', 'content', 'article_id', 'article_title', 'outlet', 'content_start', 'content_end'] as const;

/** One quote as a CSV line, with its line end, in QUOTE_CSV_COLUMNS' order. */
export function quoteCsvLine(q: QuoteRow): string {
  const cells: Array<string | number | null> = [
    q.date, q.dateFrom, q.speaker || null, q.how, quoteChain(q).join(' → ') || null, q.kind, q.cue, q.content,
    q.articleId, q.articleTitle, q.outlet, q.spans.content.start, q.spans.content.end,
  ];
  return csvLine(cells);
}

/**
 * The header and every quote the filter matches, one CSV line each, paged through the store
 * as eventsCsvLines pages events.
 *
 * @example for (const line of quotesCsvLines(store, { speaker: 'peskov' })) process.stdout.write(line)
 */
export function quotesCsvLines(store: Pick<Store, 'quotes'>, filter: QuoteFilter): Generator<string> {
  return pagedCsvLines(QUOTE_CSV_COLUMNS, filter, (page) => store.quotes({ ...filter, ...page }).quotes, quoteCsvLine);
}
