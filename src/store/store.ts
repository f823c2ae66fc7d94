import type { Doc } from '../doc/doc.ts';

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
  removed: number;
  ingestedAt: string;
  /** The first words of the cleaned text. */
  excerpt: string;
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
  type: string;
  name: string;
  mentions: number;
  aliases: string[];
  roles: string[];
}

/** A name across the corpus: how many articles and mentions carry it (one row per type and name). */
export interface EntityCount {
  type: string;
  name: string;
  articles: number;
  mentions: number;
}

/** An input that could not be ingested, kept until the same source succeeds. */
export interface Failure {
  source: string;
  code: string;
  reason: string;
  failedAt: string;
}

/** Paging for lists. */
export interface Page {
  limit?: number;
  offset?: number;
}

/**
 * Where articles live. SQLite (embedded, the default) implements it first; every backend
 * passes the same test suite.
 */
export interface Store {
  /** True when an article with this content id is stored. */
  has(id: string): boolean;
  /** Stores a processed article with all its layers in one transaction, replacing one with the same id. */
  put(doc: Doc): void;
  /** The stored article, or undefined. */
  get(id: string): Doc | undefined;
  /** Ids that start with `prefix` (at most `limit`), so that users may type a short id. */
  idsStartingWith(prefix: string, limit?: number): string[];
  /** Articles, newest published first. */
  list(page?: Page): { total: number; articles: ArticleSummary[] };
  /** Full-text search over titles and cleaned text; throws a QueryError on a malformed query. */
  search(query: string, page?: Page): { total: number; hits: SearchHit[] };
  /** Names across the corpus, most mentioned first; `type` filters by entity type. */
  entityCounts(filter?: { type?: string } & Page): { total: number; entities: EntityCount[] };
  /** The entities of one article, in order of first mention; `type` filters. */
  articleEntities(articleId: string, filter?: { type?: string }): ArticleEntity[];
  /** Every stored article, in ingest order. */
  all(): Iterable<Doc>;
  recordFailure(failure: Omit<Failure, 'failedAt'>): void;
  clearFailure(source: string): void;
  failures(): Failure[];
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
