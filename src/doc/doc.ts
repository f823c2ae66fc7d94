import { createHash } from 'node:crypto';
import { identityMap, spanToRaw, type OffsetMap } from './offset-map.ts';
import { itemAt, type Span } from './span.ts';

/** How the raw input was written. */
export type SourceFormat = 'text' | 'markdown' | 'html';

/** What is known about an article besides its text. Every field is optional. */
export interface DocMeta {
  url?: string;
  title?: string;
  byline?: string;
  outlet?: string;
  /** ISO 8601 date or date-time, as found in the source. */
  published?: string;
  /** Where `published` came from: an HTML date source (DATE_SOURCES: `metaTag`, `dateLine`, `address`…), `readability`, a plain-text `header` or `opening` line, or the `input` record itself. */
  publishedSource?: string;
  /** ISO 639-1 code where one exists (`en`, `sv`), else ISO 639-3; `und` when unknown. */
  language?: string;
  /** How sure the language guess is, in [0, 1]; absent when the source declared the language. */
  languageConfidence?: number;
  description?: string;
  /** Where the article came from: a file path, `path:line` for a JSONL record, a URL, `-` for stdin. */
  source?: string;
}

/** A block of the cleaned text: a paragraph, a heading, a list item... */
export interface Block extends Span {
  kind: 'title' | 'heading' | 'paragraph' | 'list-item' | 'quote' | 'preformatted';
  /** Heading level 1–6, for headings. */
  level?: number;
}

/** A live-blog entry: its whole extent and the span of its headline, if it has one. */
export interface Entry extends Span {
  headline: Span | null;
}

/** A sentence of the cleaned text. */
export type Sentence = Span;

/** A token with wink-nlp's part of speech (Universal POS tags) and token type. */
export interface Token extends Span {
  pos: string;
  type: string;
}

/**
 * A token's place in its sentence's dependency tree (Universal Dependencies): `head` is the
 * index in Doc.tokens of the token it depends on, -1 for its sentence's root; `rel` is the
 * relation (`nsubj`, `obj`, `nsubj:pass`, `root`…). Doc.deps[i] is token i's.
 */
export interface Dep {
  head: number;
  rel: string;
}

/**
 * Entity types in the product. CoNLL's PER, ORG and LOC are kept; its MISC is split into
 * NORP (nationalities, religious and political groups: "Russian", "Ukrainians"), EVENT
 * ("the Winter Olympics") and MISC (everything else: works, products, laws).
 */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'NORP' | 'EVENT' | 'MISC';

/** A role or title said of an entity in the text ("Kremlin spokesman", "US envoy"), with its span. */
export interface Role extends Span {
  text: string;
}

/**
 * A name in the text. The span holds the name only: possessive endings, surrounding quotes
 * and titles are outside it. `entity` indexes Doc.entities.
 */
export interface Mention extends Span {
  type: EntityType;
  entity: number;
}

/**
 * One person, organisation, place... inside one article, behind all its mentions: `name` is
 * the fullest form the article uses ("Vladimir Putin" for "Putin", "President Putin"),
 * `aliases` the other forms, `mentions` indexes Doc.mentions, `roles` the titles and roles
 * the article gives it.
 */
export interface Entity {
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number[];
  roles: Role[];
}

/** TIMEX3's types: a calendar date or period, a time of day, a length of time, a recurrence. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** TIMEX3's `mod` values. */
export type TimexMod =
  | 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER'
  | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE';

/**
 * What a relative expression ("on Friday", "last month") was resolved against: the article's
 * date (`document`), an earlier date in the text (`text`, with its span), a live-blog entry's
 * time (`entry`, with the entry's span), or nothing (`none`: the value stays underspecified,
 * `XXXX-…`). An expression complete in itself ("14 March 2025") has no anchor (null).
 */
export interface TimexAnchor {
  kind: 'document' | 'text' | 'entry' | 'none';
  /** The anchor's own value (`2025-03-14`), when there is one. */
  value?: string;
  span?: Span;
}

/**
 * A temporal expression (TimeML TIMEX3 in substance): its span, type, normalised value
 * (`2025-03-14`, `2025-W11`, `P30D`, `XXXX-03-14`, `PAST_REF`…), mod and anchor.
 */
export interface Timex extends Span {
  type: TimexType;
  value: string;
  mod?: TimexMod;
  anchor: TimexAnchor | null;
}

/** How an attribution gives what was said: in quotation marks, reported, or both. */
export type QuoteKind = 'direct' | 'indirect' | 'mixed' | 'partial';

/**
 * Who an attribution says is speaking. `name` is the entity's fullest name, or the source's
 * own words for a role phrase ("a Russian source", "analysts"); `entity` indexes
 * Doc.entities; `span` is where the speaker is named (for a pronoun or a quote continued
 * from an earlier paragraph, the earlier naming).
 */
export interface Speaker {
  name: string;
  entity: number | null;
  span: Span | null;
  how: 'named' | 'role' | 'pronoun' | 'continued' | 'unknown';
}

/** An outlet or channel a statement came through ("quoted by TASS", "told NBC News"), nearest the speaker first. */
export interface Via extends Span {
  name: string;
  entity: number | null;
}

/**
 * An attribution: what was said (`content`), the verb or phrase that reports it (`cue`),
 * who is said to have said it (`source`, the words in the text), the resolved `speaker`
 * and the outlets it came through.
 */
export interface Quote {
  content: Span;
  cue: Span | null;
  source: Span | null;
  kind: QuoteKind;
  speaker: Speaker;
  via: Via[];
}

/**
 * PLOVER event types, as the PLOVER gold records (version 0.5b1) name them; later PLOVER
 * drafts call DEMAND "REQUEST" and DISAPPROVE "ACCUSE". One line on each: src/events/plover.ts.
 */
export type EventType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'COOPERATE' | 'AID' | 'CONCEDE' | 'RETREAT' | 'INVESTIGATE' | 'DEMAND'
  | 'DISAPPROVE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'MOBILIZE' | 'SANCTION' | 'COERCE' | 'ASSAULT' | 'FIGHT';

/**
 * Whether the text reports an event as having happened (`asserted`), as not having happened
 * ("did not attend": `negated`), as planned or to come ("will be determined": `future`), or
 * under a condition or as a possibility ("if Russia and I can't stop…": `hypothetical`).
 */
export type EventStatus = 'asserted' | 'negated' | 'future' | 'hypothetical';

/**
 * A party to an event: the words that name it (a name, or a role phrase such as "US and
 * Russian officials"), the in-article entity it is linked to where there is one, and its
 * codes: `country` ISO 3166 alpha-3 (or `IGO` for an international body, as event data codes
 * it), `sector` a code of src/events/sectors.ts (`GOV`, `MIL`, `REB`, `MED`…). Null where the
 * text does not say.
 */
export interface EventActor extends Span {
  text: string;
  entity: number | null;
  country: string | null;
  sector: string | null;
}

/** Where an event took place: a place named in its sentence, its entity and its country. */
export interface EventPlace extends Span {
  name: string;
  entity: number | null;
  country: string | null;
}

/**
 * When an event took place: the value of a timex of its sentence (`from: 'timex'`, `timex`
 * indexing Doc.timexes), or else the article's date (`from: 'article'`), or nothing known
 * (`from: 'none'`, value null).
 */
export interface EventWhen {
  value: string | null;
  from: 'timex' | 'article' | 'none';
  timex: number | null;
}

/**
 * One event mention: who did what to whom, where and when, coded in PLOVER (`type`, `mode`,
 * `context`) and CAMEO (`cameo`: the root code at least, two digits, or three or four where the
 * text supports it), with the trigger that justifies it. `source` and `target` are lists: a
 * compound actor ("Russia and Ukraine agreed") is one entry each. `sentence` indexes
 * Doc.sentences; `reportedBy` indexes Doc.quotes when the event is someone's claim.
 */
export interface EventMention {
  type: EventType;
  mode: string | null;
  context: string | null;
  cameo: string;
  trigger: Span;
  source: EventActor[];
  target: EventActor[];
  where: EventPlace | null;
  when: EventWhen;
  status: EventStatus;
  reportedBy: number | null;
  sentence: number;
}

/**
 * Text the cleaner took out. `raw` points into Doc.raw; `text` is the removed text as it
 * read at the time; `reason` is a stable code such as `repeated-block` or
 * `boilerplate:comments`, `detail` a human explanation.
 */
export interface Removal {
  raw: Span;
  text: string;
  reason: string;
  detail?: string;
}

/** The removal reasons that later stages read back (quality measures the text before cleaning). */
export const REMOVAL_REASONS = {
  /** A block that repeats an earlier one. */
  repeatedBlock: 'repeated-block',
  /** Page text around an HTML article (navigation, comments, footers), not in Doc.text. */
  outsideMainContent: 'html:outside-main-content',
} as const;

/** Something a stage noticed about this article. `origin` reads like `clean:repeated-block`. */
export interface Message {
  origin: string;
  severity: 'info' | 'warning' | 'error';
  text: string;
  span?: Span;
}

/**
 * Quality signals in the manner of the Gopher and FineWeb filters, plus what the cleaner
 * removed. Ratios are in [0, 1]. `flags` name the signals that crossed their thresholds.
 */
export interface Quality {
  chars: number;
  words: number;
  /** Share of the raw input's visible text that cleaning removed, page furniture around an HTML article included. */
  removedShare: number;
  /**
   * Share of the article's own text that cleaning removed (repeated blocks, boilerplate
   * lines): as removedShare, but without the page text outside an HTML article's main content,
   * which is most of a typical news page.
   */
  articleRemovedShare: number;
  /** Gopher: share of lines that are duplicates of an earlier line (before cleaning). */
  duplicateLineShare: number;
  /** Gopher: share of characters in duplicated paragraphs (before cleaning). */
  duplicateParagraphCharShare: number;
  /** Gopher: share of characters covered by the most frequent word 2-gram. */
  top2gramCharShare: number;
  /** Gopher: share of characters in duplicated word 5-grams. */
  duplicate5gramCharShare: number;
  /** FineWeb: share of lines ending in terminal punctuation. */
  lineEndPunctuationShare: number;
  /** FineWeb: share of characters in lines shorter than 30 characters. */
  shortLineCharShare: number;
  meanWordLength: number;
  /** Share of words containing at least one letter. */
  alphabeticWordShare: number;
  /** Confidence of the language guess (0 when the text is too short to tell). */
  languageConfidence: number;
  flags: string[];
}

/**
 * One article on its way through the pipeline: the raw input exactly as decoded, the
 * cleaned text, the map between them, metadata, and flat layers of spans into the
 * cleaned text. Stages fill it in; nothing is nested.
 */
export interface Doc {
  /** Derived from the raw content: re-ingesting the same content gives the same id. */
  id: string;
  raw: string;
  format: SourceFormat;
  text: string;
  map: OffsetMap;
  meta: DocMeta;
  blocks: Block[];
  entries: Entry[];
  sentences: Sentence[];
  tokens: Token[];
  /** One per token when the parse stage ran (src/grammar/), else empty; not stored: computed again on demand. */
  deps: Dep[];
  mentions: Mention[];
  entities: Entity[];
  quotes: Quote[];
  timexes: Timex[];
  /**
   * Event mentions (src/events/), in text order; empty until the events stage runs. Not stored
   * yet: a stored article comes back with none (storage, export and views of events are the
   * next step of the events issue).
   */
  events: EventMention[];
  removed: Removal[];
  messages: Message[];
  quality: Quality | null;
}

/** The content id of a raw input: the first 16 hex digits of its SHA-256. */
export function contentId(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex').slice(0, 16);
}

/**
 * A new Doc whose cleaned text is still the raw input, ready for the pipeline.
 *
 * @example const doc = createDoc('Putin met Witkoff.', 'text', { source: 'a.txt' });
 */
export function createDoc(raw: string, format: SourceFormat, meta: DocMeta = {}): Doc {
  if (typeof raw !== 'string') throw new TypeError('createDoc needs the raw input as a string');
  return {
    id: contentId(raw),
    raw,
    format,
    text: raw,
    map: identityMap(raw.length),
    meta: { ...meta },
    blocks: [],
    entries: [],
    sentences: [],
    tokens: [],
    deps: [],
    mentions: [],
    entities: [],
    quotes: [],
    timexes: [],
    events: [],
    removed: [],
    messages: [],
    quality: null,
  };
}

/** The cleaned text under a span. */
export function textOf(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** The raw input that a span of cleaned text came from. */
export function rawTextOf(doc: Doc, span: Span): string {
  const raw = spanToRaw(doc.map, span);
  return doc.raw.slice(raw.start, raw.end);
}

/** The sentence containing a cleaned-text offset, or undefined. */
export function sentenceAt(doc: Doc, offset: number): Sentence | undefined {
  return itemAt(doc.sentences, offset);
}

/** Adds a message to the Doc. */
export function report(doc: Doc, origin: string, text: string, span?: Span, severity: Message['severity'] = 'info'): void {
  doc.messages.push(span ? { origin, severity, text, span } : { origin, severity, text });
}
