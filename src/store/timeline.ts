import type { EventType } from '../doc/doc.ts';
import type { CorpusEventSummary } from './corpus-reads.ts';
import type { DateRange } from './date-range.ts';

/**
 * What a timeline shows (Store.timeline): the real-world events and the statements (one
 * quotation, with every article that reports it) that some report of which passes every filter
 * given. `story` a story id, `entity` a corpus entity id (each the full id or a unique prefix):
 * an event's source or target, a statement's speaker; `outlet` the publishing outlet of a
 * report, as the articles write it; `type` a PLOVER type and `country` an actor's ISO 3166
 * alpha-3 code, which only events have (given either, no statement is listed); `from` and `to`
 * days that an event's days or a report's date overlap. Only dated items are on a time axis:
 * undated ones are left out. `minReports` the fewest reports an item must have (1 by default);
 * `limit` how many of each kind to list (the most reported first, at most MAX_PAGE_SIZE).
 * A story, entity or outlet that names nothing is a FilterError.
 */
export interface TimelineFilter extends DateRange {
  story?: string;
  entity?: string;
  outlet?: string;
  type?: EventType;
  country?: string;
  minReports?: number;
  limit?: number;
}

/** A statement on a timeline: its day (the earliest of its reports that pass the filters) and the report to open, with that report's speaker and wording. */
export interface TimelineStatement {
  id: string;
  day: string;
  /** How many quotes report it across the corpus, and how many of them pass the filters. */
  reports: number;
  matching: number;
  speaker: string;
  content: string;
  shown: { articleId: string; index: number; articleTitle: string | null; outlet: string | null; dateFrom: 'article' | 'sentence' | null };
}

/**
 * A timeline (Store.timeline): for events and for statements, how many pass the filters
 * (`total`) and the `limit` most reported of them (`items`, the most reported first; the rest
 * are left out, and a narrower range shows them). When every filter given holds a great many
 * reports (a story of 50,000 articles), the items are read from the most reported down and the
 * count stops at a bound: `capped` then says that `total` is at least that many, and the items
 * are the most reported among the most reported of the corpus. `story` and `entity` are the title and name
 * of the story and entity filtered by, for a reader; `statementsApply` is false when a filter
 * only events have (type, country) left statements out.
 */
export interface Timeline {
  events: { total: number; capped: boolean; items: CorpusEventSummary[] };
  statements: { total: number; capped: boolean; items: TimelineStatement[] };
  statementsApply: boolean;
  story: { id: string; title: string | null } | null;
  entity: { id: string; name: string } | null;
}

/** How many items of each kind a timeline lists unless told. */
export const TIMELINE_ITEMS = 150;
