import type { EntityType, EventType } from '../doc/doc.ts';
import type { ArticleSummary, EventRow, Page, QuoteRow } from './store.ts';

/**
 * What the product reads of corpus work: stories, corpus entities, duplicate groups,
 * statements, and the corpus facts of one article. Every list is paged and carries a total.
 */

/** An article as a corpus list shows it, with the copies folded under it. */
export interface CorpusArticle {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  excerpt: string;
  /** Its duplicate group, if it has copies (or is one). */
  group: string | null;
  /** True when it is its group's original (or has no group). */
  original: boolean;
  /** How many other articles of its group the list folded under it (0 when not folded). */
  copies: number;
}

/** A story in lists. */
export interface StorySummary {
  id: string;
  title: string | null;
  first: string | null;
  last: string | null;
  /** Articles, copies included. */
  articles: number;
  /** Reports: articles with copies folded (a wire story in 20 outlets counts once). */
  reports: number;
  outlets: string[];
  /** Its most present corpus entities. */
  entities: Array<{ id: string; name: string; type: EntityType; articles: number }>;
}

/** A statement reported by several articles. */
export interface StatementSummary {
  id: string;
  /** The wording of its longest report. */
  content: string;
  reports: number;
  /** Each report: article, outlet, the speaker the article gives and the wording it uses. */
  items: Array<{ articleId: string; articleTitle: string | null; outlet: string | null; published: string | null; index: number; speaker: string; speakerEntity: string | null; content: string }>;
}

/** One story with its articles (copies folded), entities, outlets and statements. */
export interface StoryDetail extends StorySummary {
  /** Its articles, newest first, copies folded under their originals. */
  articleList: CorpusArticle[];
  /** How many articles `articleList` pages through. */
  articleTotal: number;
  statements: StatementSummary[];
  /** Stories whose texts are alike (the same kind of event, the same actors in another episode), most similar first. */
  related: Array<{ id: string; title: string | null; first: string | null; last: string | null; articles: number; similarity: number }>;
  /** Its timeline: the real-world events its articles report, dated ones in order of their days (the most reported STORY_EVENTS when it has more), then undated ones. */
  events: CorpusEventSummary[];
  /** How many events its articles report (of `events`' kind: dated from `since` when given). */
  eventTotal: number;
  /** With `since`: the day, and how many of its articles were published and how many of its events happened on it or after (the lists hold only those). */
  since: { day: string; articles: number; events: number } | null;
}

/** How many events a story's timeline shows. */
export const STORY_EVENTS = 100;

/** A page of a story, and the day from which to show what changed (YYYY-MM-DD). */
export interface StoryPage extends Page {
  since?: string;
}

/** A corpus entity in lists. */
export interface CorpusEntitySummary {
  id: string;
  type: EntityType;
  name: string;
  country: string | null;
  articles: number;
  mentions: number;
  /** Distinct written forms. */
  aliases: number;
}

/** Why a one-word name is probably not a name, from how the corpus writes the word. */
export interface JunkEvidence {
  reason: string;
  lower: number;
  capMid: number;
  capInitial: number;
}

/** A corpus entity with everything about it. */
export interface CorpusEntityDetail extends CorpusEntitySummary {
  /** Every way the corpus writes it, with mention counts, most written first. */
  aliasList: Array<{ form: string; mentions: number }>;
  roles: Array<{ role: string; count: number }>;
  /** The names that were joined into it, with where they occur. */
  nodes: Array<{ name: string; kind: string; articles: number; mentions: number; story: string | null; sample: string[] }>;
  /** Why the names were joined: the edges inside it, with their evidence. */
  links: Array<{ a: string; b: string; score: number; evidence: string }>;
  articleList: CorpusArticle[];
  articleTotal: number;
  quotesBy: QuoteRow[];
  quotesAbout: QuoteRow[];
  cooccurring: Array<{ id: string; name: string; type: EntityType; articles: number }>;
  stories: Array<{ id: string; title: string | null; articles: number }>;
  firstSeen: string | null;
  lastSeen: string | null;
  junk: JunkEvidence | null;
}

/** A group of copies. */
export interface DuplicateGroupSummary {
  id: string;
  size: number;
  original: CorpusArticle;
  members: Array<CorpusArticle & { share: number }>;
}

/** A corpus event in lists: one real-world event and the reports that tell of it (src/connect/events.ts). */
export interface CorpusEventSummary {
  id: string;
  type: EventType;
  /** Its days: the dates its reports state where any does (`stated`), else its articles' dates; null when neither is known. */
  first: string | null;
  last: string | null;
  stated: boolean;
  reports: number;
  articles: number;
  /** The readable line of the report it is shown by (the one that says most of who, where and when). */
  summary: string;
  shown: { articleId: string; index: number };
  /** The outlets of its reports (the first ten). */
  outlets: string[];
}

/** A value that reports of one event disagree on, with how many reports give it. */
export interface EventDisagreement {
  field: 'date' | 'place';
  values: Array<{ value: string; reports: number }>;
}

/** A corpus event with its reports, where they disagree, and why they were joined. */
export interface CorpusEventDetail extends CorpusEventSummary {
  /** A page of its reports, in the order they were ingested. */
  reportList: EventRow[];
  reportTotal: number;
  /** The dates its reports state and the places they give, where they differ (over its first 500 reports). */
  disagreements: EventDisagreement[];
  /** The links between its reports (of its first 100), with their score and evidence. */
  links: Array<{ a: { articleId: string; index: number }; b: { articleId: string; index: number }; score: number; evidence: string }>;
}

/** The corpus facts of one article. */
export interface ArticleCorpusFacts {
  story: { id: string; title: string | null } | null;
  duplicates: { group: string; original: string; members: Array<{ id: string; title: string | null; outlet: string | null; share: number; kind: string | null }> } | null;
  /** For each in-article entity (by index), its corpus entity id; null where not connected. */
  entities: Array<string | null>;
  /** For each quote (by index), its statement and how many reports the statement has. */
  statements: Array<{ id: string; reports: number } | null>;
  /** For each event (by index), its corpus event and how many reports that has. */
  events: Array<{ id: string; reports: number } | null>;
}

export interface EntityFilter extends Page {
  type?: string;
  /** Names containing this, in any case. */
  q?: string;
  /** Keep one-word names the corpus writes like ordinary words (dropped by default). */
  withJunk?: boolean;
}

export interface CorpusReads {
  listStories(page?: Page): { total: number; stories: StorySummary[] };
  /** A story by its id or a unique prefix of it. */
  storyDetail(id: string, page?: StoryPage): StoryDetail | undefined;
  listEntities(filter?: EntityFilter): { total: number; entities: CorpusEntitySummary[] };
  /**
   * The `limit` most mentioned entities of a type, names that are probably not names left out,
   * as listEntities orders them but without counting them all: the overview's, bounded by `limit`.
   */
  topEntities(type: EntityType, limit: number): CorpusEntitySummary[];
  /** An entity by id (or a unique prefix of one), or by a name the corpus writes (the most mentioned entity of that name). */
  entityDetail(idOrName: string, page?: Page): CorpusEntityDetail | undefined;
  listDuplicateGroups(page?: Page): { total: number; groups: DuplicateGroupSummary[] };
  listStatements(page?: Page & { minReports?: number }): { total: number; statements: StatementSummary[] };
  articleFacts(articleId: string): ArticleCorpusFacts;
  /** For each of an article's entities (by index), the corpus entity it joined; null where not connected (ArticleCorpusFacts.entities). */
  corpusEntitiesOf(articleId: string): Array<string | null>;
  /** Every corpus entity, for export (most mentioned first). */
  allEntities(): Iterable<CorpusEntityDetail>;
  allStories(): Iterable<StoryDetail>;
}

/** An ArticleSummary's fields that corpus lists carry. */
export type ArticleLite = Pick<ArticleSummary, 'id' | 'title' | 'outlet' | 'published' | 'language' | 'excerpt'>;
