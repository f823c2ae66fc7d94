import type { Doc, EntityType, EventStatus, EventType, EventWhen, QuoteKind, Speaker, TimexAnchor, TimexMod, TimexType } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import type { QuoteDateSource } from '../quotes/quote-date.ts';
import type { CorpusEventDetail, CorpusEventSummary, CorpusReads } from './corpus-reads.ts';
import type { CorpusStore } from './corpus-store.ts';
import type { DateRange } from './date-range.ts';
import type { CorpusEventSort, EventSort, QuoteSort } from './list-sort.ts';
import type { Timeline, TimelineFilter } from './timeline.ts';

/** One line of the article list. */
export interface ArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  source: string | null;
  url: string | null;
  format: Doc['format'];
  chars: number;
  words: number;
  flags: string[];
  /** How many parts cleaning removed, page text around an HTML article included. */
  removed: number;
  /**
   * Share of the article's own text that cleaning removed (repeated blocks, comment sections,
   * footers), not counting the page text around an HTML article; null where the article was
   * stored without it.
   */
  removedShare: number | null;
  ingestedAt: string;
  /** The first words of the cleaned text. */
  excerpt: string;
  /** How many copies of it a folded list left out (lists with `fold` only). */
  copies?: number;
}

/** A piece of a search snippet: `hit` pieces matched the query. Plain text, never markup. */
export interface SnippetPiece {
  text: string;
  hit: boolean;
}

/** One search result. */
export interface SearchHit extends ArticleSummary {
  snippet: SnippetPiece[];
  score: number;
}

/** An entity of one article, as `dossier entities --doc` lists it. */
export interface ArticleEntity {
  articleId: string;
  /** Its place in the article's `entities` layer. */
  index: number;
  type: string;
  name: string;
  mentions: number;
  aliases: string[];
  roles: string[];
  /** The corpus entity it joined (CorpusReads.entityDetail), null while its article is not connected. */
  corpusEntity: string | null;
}

/**
 * One attribution as corpus lists show it: its article, who said it (and how the speaker was
 * found), the outlets it came through in order, its kind, the texts of its cue, source and
 * content, and their spans in the article's cleaned text. `index` is its place in the
 * article's `quotes` layer. `via` holds the outlets the article names for it; `outlet` is the
 * article's publishing outlet, the last link of the chain a reader got it through (quoteChain).
 */
export interface QuoteRow {
  articleId: string;
  articleTitle: string | null;
  index: number;
  speaker: string;
  how: Speaker['how'];
  via: string[];
  outlet: string | null;
  kind: QuoteKind;
  cue: string | null;
  source: string | null;
  content: string;
  spans: { content: Span; cue: Span | null; source: Span | null; speaker: Span | null; via: Span[] };
  /** When it was said (quoteDate): the day its sentence names, else the article's date; null when nothing dates it. */
  date: string | null;
  /** Where `date` comes from: `sentence` (a full day named in the quote's or its cue's sentence) or `article`. */
  dateFrom: QuoteDateSource | null;
}

/**
 * One temporal expression of an article as lists show it: its article, its place in the
 * article's `timexes` layer, its span and words, and its TIMEX3 type, value, mod and anchor.
 */
export interface TimexRow {
  articleId: string;
  articleTitle: string | null;
  index: number;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod: TimexMod | null;
  anchor: TimexAnchor | null;
}

/**
 * A party to an event as lists show it: the words that name it, the in-article entity's name
 * and index where it is linked (`entity`), the corpus entity that entity joined (null while
 * the article is not connected, and in the rows a store writes), its codes, and its span.
 */
export interface EventActorRow extends Span {
  text: string;
  name: string | null;
  entity: number | null;
  corpusEntity: string | null;
  country: string | null;
  sector: string | null;
}

/**
 * One event as lists show it (src/doc/doc.ts EventMention): its article, its place in the
 * article's `events` layer, its PLOVER type, mode and context, CAMEO code and status, the
 * words of its trigger, its actors, its place, its date (`date`: a TIMEX3 value; `dateFrom`
 * says whether its sentence names it or it is the article's date), the sentence that reports
 * it, and `summary`, the event in one readable line (eventSummary).
 */
export interface EventRow {
  articleId: string;
  articleTitle: string | null;
  outlet: string | null;
  index: number;
  type: EventType;
  mode: string | null;
  context: string | null;
  cameo: string;
  status: EventStatus;
  trigger: string;
  source: EventActorRow[];
  target: EventActorRow[];
  place: { name: string; country: string | null; start: number; end: number } | null;
  date: string | null;
  dateFrom: EventWhen['from'];
  /** The quote (index into the article's quotes) whose content reports the event, if any. */
  reportedBy: number | null;
  sentence: string;
  spans: { trigger: Span; sentence: Span };
  summary: string;
  /** The corpus event it reports (src/connect/events.ts) and how many reports that has; null while the article is not connected, and in the rows a store writes. */
  corpusEvent: { id: string; reports: number } | null;
}

/**
 * Filters for event lists: `type` a PLOVER type; `actor` a case-insensitive part of a source's
 * or target's words or entity name; `entity` a corpus entity id (source or target); `country`
 * an actor's ISO 3166 alpha-3 code (source or target); `from`/`to` days that the event's date
 * overlaps (events without a date in days left out); `doc` an article id or unique prefix;
 * `corpusEvent` a corpus event's id (its reports).
 */
export interface EventFilter extends Page {
  type?: EventType;
  actor?: string;
  entity?: string;
  country?: string;
  from?: string;
  to?: string;
  doc?: string;
  corpusEvent?: string;
  /** The order over the whole result (list-sort.ts): `-date`, the latest dated first, unless given. */
  sort?: EventSort;
}

/**
 * Filters for corpus event lists: those of EventFilter, kept when some report of the event
 * passes them (`from`/`to` against the event's days), and `minReports`, the fewest reports an
 * event must have (1 by default).
 */
export interface CorpusEventFilter extends Omit<EventFilter, 'corpusEvent' | 'sort'> {
  minReports?: number;
  /** The order over the whole result (list-sort.ts): `-date`, the latest first, unless given. */
  sort?: CorpusEventSort;
}

/** Filters for timex lists: `doc` is an article id or a unique prefix of one, `type` a TIMEX3 type. */
export interface TimexFilter extends Page {
  doc?: string;
  type?: TimexType;
}

/**
 * Filters for quote lists: `speaker` matches a case-insensitive part of the speaker's name,
 * `via` of any outlet's name in the quote's whole chain (quoteChain: the outlets named in the
 * article, then the outlet that published it); `doc` is an article id or a unique prefix of one.
 */
export interface QuoteFilter extends Page {
  speaker?: string;
  via?: string;
  doc?: string;
  /** The order over the whole result (list-sort.ts); unless given, the articles newest first and each article's quotes in its order. */
  sort?: QuoteSort;
}

/**
 * The articles counted by publication day, language and outlet, for the page's overview
 * (Store.facets). Counts are of articles, copies included, unless they say otherwise.
 */
export interface ArticleFacets {
  articles: number;
  /** Articles with copies folded: a group of copies counts once, as its original. */
  reports: number;
  /** Articles with no publication date; `days` leaves them out. */
  undated: number;
  /** Articles by the day of their publication date as the article gives it (YYYY-MM-DD), oldest first. */
  days: Array<{ day: string; articles: number }>;
  /** Articles by language, most first; `null` where none was found. */
  languages: Array<{ language: string | null; articles: number }>;
  /** How many languages there are; `languages` holds the first `top`. */
  languageTotal: number;
  /** The outlets with most articles, most first (articles without an outlet are not counted). */
  outlets: Array<{ outlet: string; articles: number }>;
  /** How many outlets there are; `outlets` holds the first `top`. */
  outletTotal: number;
}

/**
 * The events counted by day and by type, for the page's overview (Store.eventFacets): `days`
 * counts the events dated to one day (YYYY-MM-DD, oldest first), `undated` the others (dated
 * to a week, a month or more, or not at all); `types` every PLOVER type with events, most first.
 */
export interface EventFacets {
  events: number;
  undated: number;
  days: Array<{ day: string; events: number }>;
  types: Array<{ type: EventType; events: number }>;
}

/**
 * What narrows an article list or a search besides its publication days (DateRange), each
 * filter a facet of the result (ResultFacets): `outlet` and `language` as the articles give
 * them (exact, as facets list them); `story` a story id and `entity` a corpus entity id, each
 * the full id or a unique prefix (the articles of that story; the articles naming that entity
 * under any of its spellings); `type` a PLOVER event type (the articles with an event of that
 * type). An article must pass every filter given; an article names many entities and has
 * events of many types, so `entity` and `type` may each be several values, all of which it
 * must have ("Solvane and Brandoch"). A value that names nothing in the store is a FilterError,
 * not an empty list; an empty string is no filter.
 */
export interface ArticleFilter extends DateRange {
  outlet?: string;
  language?: string;
  story?: string;
  entity?: string | readonly string[];
  type?: EventType | readonly EventType[];
}

/** The facets of a result (ResultFacets), in the order the page shows them; each is also a filter of ArticleFilter. */
export const FACET_NAMES = ['outlet', 'language', 'story', 'entity', 'type'] as const;

/** One of FACET_NAMES. */
export type FacetName = (typeof FACET_NAMES)[number];

/**
 * One value of a facet: the filter value that chooses it (`value`: an outlet, a language code,
 * a story or corpus entity id, an event type), what a reader reads (`label`: the same, a
 * story's title, an entity's name; null for an untitled story), an entity's type, and how
 * many articles of the result have it: the total the result would have with it chosen as
 * well (a value already chosen counts the whole result).
 */
export interface FacetValue {
  value: string;
  label: string | null;
  count: number;
  entityType?: EntityType;
}

/**
 * The facets of a list or search result: for each filter of ArticleFilter, its values with
 * most articles in the result (the first `top`), most first. Counted over the whole result,
 * not one page of it; an entity's count leaves out names that are probably not names (as
 * entity lists do); articles without an outlet or a language are not counted there.
 */
export type ResultFacets = Record<FacetName, FacetValue[]>;

/**
 * How many articles of a result its facets are counted over at most: the first of the result in
 * its order (the newest; the best matches of a search). Counting every article of a large
 * result would read every name and event of most of the corpus for each page; a result this
 * long is narrowed with filters before its counts matter, and counts over its first part say
 * which filters will narrow it. The result says how many were counted (`facetsCounted`).
 */
export const FACET_SAMPLE = 1000;

/**
 * Options of Store.list and Store.search: a page, the filters, and `facets`, how many values
 * of each facet to count (ResultFacets, from 0 to MAX_PAGE_SIZE; none are counted without it).
 */
export interface ResultOptions extends Page, ArticleFilter {
  facets?: number;
}

/** An input that could not be ingested, kept until the same source succeeds. */
export interface Failure {
  source: string;
  code: string;
  reason: string;
  failedAt: string;
}

/**
 * Paging for lists: `limit` from 0 to MAX_PAGE_SIZE (a larger one is a TypeError, never cut
 * down in silence; the CLI and the API say so to users first), `offset` from 0.
 */
export interface Page {
  limit?: number;
  offset?: number;
}

/** The TIMEX3 types, which timex lists take as a filter. */
export const TIMEX_TYPES: readonly TimexType[] = ['DATE', 'TIME', 'DURATION', 'SET'];

/** The entity types that entity lists take as a filter (Doc's EntityType), in the order users see them. */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'NORP', 'EVENT', 'MISC'];

/** The most items one page of a list may hold. */
export const MAX_PAGE_SIZE = 1000;

/**
 * The chain of outlets a quote reached the reader through: those the article names for it, in
 * order, then the article's publishing outlet unless the chain already ends with it (one name
 * holding the other: "Halvik Post", "The Halvik Post – Selka crisis").
 *
 * @example quoteChain({ via: ['TASS'], outlet: 'Meridian Wire' }) // ['TASS', 'Meridian Wire']
 */
export function quoteChain(q: Pick<QuoteRow, 'via' | 'outlet'>): string[] {
  if (!q.outlet) return q.via;
  const outlet = q.outlet.toLowerCase();
  const last = q.via.at(-1)?.toLowerCase();
  if (last !== undefined && (last.includes(outlet) || outlet.includes(last))) return q.via;
  return [...q.via, q.outlet];
}

/**
 * Where articles live. SQLite (embedded, the default) implements it first; every backend
 * passes the same test suite.
 */
export interface Store {
  /** What corpus work (src/connect/) keeps: duplicate groups, stories, corpus entities, statements; and the product's reads of them. */
  readonly corpus: CorpusStore & CorpusReads;
  /** True when an article with this content id is stored. */
  has(id: string): boolean;
  /** Stores a processed article with all its layers in one transaction, replacing one with the same id. */
  put(doc: Doc): void;
  /** The stored article, or undefined. */
  get(id: string): Doc | undefined;
  /** Deletes an article with everything stored for it (layers, names, quotes, dates, search index); false when there was none. */
  remove(id: string): boolean;
  /** Ids that start with `prefix` (at most `limit`), so that users may type a short id. */
  idsStartingWith(prefix: string, limit?: number): string[];
  /**
   * Articles, newest published first. With `fold`, copies are folded under their originals:
   * only originals and articles without copies are listed, each with how many `copies` it has.
   * `from` and `to` (DateRange: days, inclusive) keep the articles published in that range,
   * leaving out those without a date; the other filters of ArticleFilter narrow it further (with
   * `fold`, each listed article must pass them itself). With `facets`, the result's facets
   * (ResultFacets), counted in the same read over its first FACET_SAMPLE articles in this order
   * (every article of the result when it has no more), and `facetsCounted`, how many that was.
   */
  list(options?: ResultOptions & { fold?: boolean }): { total: number; articles: ArticleSummary[]; facets?: ResultFacets; facetsCounted?: number };
  /**
   * Full-text search over titles and cleaned text, best first, filtered as list is; throws a
   * QueryError on a malformed query. With `facets`, the facets of the hits, not only this page's:
   * of the best FACET_SAMPLE (every hit when there are no more), and `facetsCounted`, how many.
   */
  search(query: string, options?: ResultOptions): { total: number; hits: SearchHit[]; facets?: ResultFacets; facetsCounted?: number };
  /** The entities of one article, in order of first mention, a page of them and how many there are; `type` filters. */
  articleEntities(articleId: string, filter?: { type?: string } & Page): { total: number; entities: ArticleEntity[] };
  /**
   * Attributions across the corpus, articles newest published first and each article's in text
   * order. A `doc` that matches no article, or several, throws an ArticleIdError.
   */
  quotes(filter?: QuoteFilter): { total: number; quotes: QuoteRow[] };
  /**
   * Temporal expressions, articles newest published first and each article's in text order;
   * `doc` one article's (a `doc` that matches no article, or several, throws an ArticleIdError).
   */
  timexes(filter?: TimexFilter): { total: number; timexes: TimexRow[] };
  /**
   * Events, the latest dated first (then articles newest published first, each in text order),
   * filtered by EventFilter; a `doc` that matches no article, or several, throws an
   * ArticleIdError; an `entity` that names no corpus entity gives an empty list.
   */
  events(filter?: EventFilter): { total: number; events: EventRow[] };
  /** Corpus events (one real-world event behind its reports), latest first, undated last. */
  corpusEvents(filter?: CorpusEventFilter): { total: number; events: CorpusEventSummary[] };
  /** A corpus event by id, with a page of its reports, how they disagree and why they were joined. */
  corpusEvent(id: string, page?: Page): CorpusEventDetail | undefined;
  /**
   * The dated real-world events and statements that pass the filters (TimelineFilter), the most
   * reported of each kind, with how many there are; a story, entity or outlet that names nothing
   * is a FilterError.
   */
  timeline(filter?: TimelineFilter): Timeline;
  /**
   * False when the article is absent or was stored without a layer this Dossier keeps (by an
   * older version, before that layer existed): ingest then processes it again.
   */
  isComplete(id: string): boolean;
  /** Every stored article, in ingest order. */
  all(): Iterable<Doc>;
  recordFailure(failure: Omit<Failure, 'failedAt'>): void;
  clearFailure(source: string): void;
  /** What failed to ingest, oldest first; a page of them when `page` is given. */
  failures(page?: Page): Failure[];
  /** How many inputs failed to ingest (and have not been ingested since). */
  failureCount(): number;
  /**
   * The articles counted by day, language and outlet (ArticleFacets), the first `top` (at most
   * MAX_PAGE_SIZE, 20 by default) languages and outlets. Reads indexes, not articles.
   */
  facets(options?: { top?: number }): ArticleFacets;
  /** The events counted by day and by type (EventFacets), from indexes. */
  eventFacets(): EventFacets;
  count(): number;
  close(): void;
}

/** A database that cannot be used: not a Dossier database, read-only, missing. */
export class StoreError extends Error {
  readonly code: 'not-a-database' | 'read-only' | 'missing' | 'newer-schema' | 'io';
  constructor(code: StoreError['code'], message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** A search query the full-text engine cannot parse. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/**
 * A filter value (ArticleFilter) that names nothing the store holds: no story or corpus entity
 * has that id, or several start with it; no article has that outlet or language.
 */
export class FilterError extends Error {
  readonly filter: FacetName;
  readonly value: string;
  constructor(filter: FacetName, value: string, message: string) {
    super(message);
    this.name = 'FilterError';
    this.filter = filter;
    this.value = value;
  }
}

/** An article id (or id prefix) that names no stored article, or several. */
export class ArticleIdError extends Error {
  readonly code: 'not-found' | 'ambiguous';
  readonly id: string;
  constructor(code: ArticleIdError['code'], id: string) {
    super(code === 'not-found' ? `no article with id "${id}"` : `"${id}" matches several articles; give more of the id`);
    this.name = 'ArticleIdError';
    this.code = code;
    this.id = id;
  }
}

/**
 * The full id of the one article whose id is `id` or starts with it, so that users may type a
 * short id; throws an ArticleIdError when none or several match.
 *
 * @example resolveArticleId(store, '7aa135') // '7aa1352f0c9d4e11'
 */
export function resolveArticleId(store: Pick<Store, 'has' | 'idsStartingWith'>, id: string): string {
  if (typeof id !== 'string') throw new TypeError('resolveArticleId needs an id string');
  if (store.has(id)) return id;
  const ids = id ? store.idsStartingWith(id, 2) : [];
  if (ids.length === 1) return ids[0];
  throw new ArticleIdError(ids.length ? 'ambiguous' : 'not-found', id);
}
