import type { EventActorRow, EventFilter, EventRow, Store } from '../store/store.ts';
import { csvLine, pagedCsvLines } from './csv.ts';

/**
 * Events as CSV in the shape event-data users know from GDELT, ICEWS and PHOENIX: one row per
 * event, its date, source actor with its codes, event type and CAMEO code, target, place, and
 * where it was read (article, outlet, the sentence and its span), and the corpus event it
 * reports with how many reports that has (empty while not connected). Several actors on one side
 * are one cell, joined by "; ". Cells as src/export/csv.ts writes them (RFC 4180, CRLF,
 * formula-looking text defused).
 */
export const EVENT_CSV_COLUMNS = [
  'date', 'date_from', 'source', 'source_country', 'source_sector', 'type', 'mode', 'context', 'cameo', 'status',
  'target', 'target_country', 'target_sector', 'place', 'place_country', 'trigger', 'article_id', 'article_title', 'outlet',
  'sentence_start', 'sentence_end', 'sentence', 'corpus_event', 'corpus_event_reports',
] as const;

/** The cells of one side of an event: names, countries, sectors (each "; "-joined, empty where none is known). */
function side(actors: readonly EventActorRow[]): [string, string, string] {
  const join = (values: Array<string | null>) => (values.some((v) => v) ? values.map((v) => v ?? '').join('; ') : '');
  return [actors.map((a) => a.name ?? a.text).join('; '), join(actors.map((a) => a.country)), join(actors.map((a) => a.sector))];
}

/** One event as a CSV line, with its line end, in EVENT_CSV_COLUMNS' order. */
export function eventCsvLine(e: EventRow): string {
  const cells: Array<string | number | null> = [
    e.date, e.dateFrom, ...side(e.source), e.type, e.mode, e.context, e.cameo, e.status,
    ...side(e.target), e.place?.name ?? null, e.place?.country ?? null, e.trigger, e.articleId, e.articleTitle, e.outlet,
    e.spans.sentence.start, e.spans.sentence.end, e.sentence, e.corpusEvent?.id ?? null, e.corpusEvent?.reports ?? null,
  ];
  return csvLine(cells);
}

/**
 * The header and every event the filter matches, one CSV line each (with its line end): its
 * `limit` and `offset` are taken as the whole window, read from the store a page at a time
 * (pagedRows).
 *
 * @example for (const line of eventsCsvLines(store, { country: 'RUS' })) process.stdout.write(line)
 */
export function eventsCsvLines(store: Pick<Store, 'events'>, filter: EventFilter): Generator<string> {
  return pagedCsvLines(EVENT_CSV_COLUMNS, filter, (page) => store.events({ ...filter, ...page }).events, eventCsvLine);
}
