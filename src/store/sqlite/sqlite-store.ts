import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { createDoc, type Doc } from '../../doc/doc.ts';
import { LAYER_CODECS, LAYER_NAMES } from '../layer-codec.ts';
import { packText, unpackText } from '../packed-text.ts';
import { matchKey, quoteRows } from '../quote-rows.ts';
import { timexRows } from '../timex-rows.ts';
import { eventRows } from '../event-rows.ts';
import { valueDays } from '../../time/calendar.ts';
import { hasRange, publishedBounds, type DateRange } from '../date-range.ts';
import type { CorpusEventDetail, CorpusEventSummary, CorpusReads } from '../corpus-reads.ts';
import type { CorpusStore } from '../corpus-store.ts';
import type { Timeline, TimelineFilter } from '../timeline.ts';
import {
  MAX_PAGE_SIZE,
  QueryError,
  StoreError,
  resolveArticleId,
  type ArticleEntity,
  type ArticleFacets,
  type ArticleSummary,
  type CorpusEventFilter,
  type EventFacets,
  type EventFilter,
  type EventRow,
  type Failure,
  type Page,
  type QuoteFilter,
  type ResultFacets,
  type ResultOptions,
  type QuoteRow,
  type SearchHit,
  type SnippetPiece,
  type Store,
  type TimexFilter,
  type TimexRow,
} from '../store.ts';
import { MIGRATIONS } from './migrations.ts';
import { sqliteCorpus } from './sqlite-corpus.ts';
import { sqliteCorpusReads } from './sqlite-corpus-reads.ts';
import { sqliteCorpusEvents, type CorpusEventReads } from './sqlite-corpus-events.ts';
import { sqliteArticleFilter } from './sqlite-article-filter.ts';
import { NEWEST_FIRST, eventOrder, quoteOrder } from './sqlite-list-order.ts';
import { sqliteTimeline } from './sqlite-timeline.ts';
import { eventSql, keyedFilter, quoteSql, whereOf, type EventSqlParams } from './sqlite-list-filters.ts';

const DEFAULT_LIMIT = 50;
/**
 * How many events a country, an entity or a real-world event may have before a page of them is
 * walked in the list's order instead of read by key and sorted (eventSql's `walk`): on the
 * 10,000-article bench store the most named entity's 17,880 events took 50 ms a page read by
 * key, 18 ms walked, and an entity's 10 events 0.1 ms by key, 11.5 ms walked.
 */
export const EVENT_READ = { WALK_FROM: 1000 };
/** Snippet markers: control characters that cleaned text never contains around words. */
const HIT_OPEN = '\u0002';
const HIT_CLOSE = '\u0003';
/** Separates the outlet names in `quotes.via_key`, so that a filter cannot match across two names. */
const VIA_SEPARATOR = '\n';
/** The rank of a search hit, lowest best: BM25 with a title's words five times a text's. */
const SEARCH_RANK = 'bm25(articles_fts, 5.0, 1.0)';
const FTS_OPERATORS = /["()*:^]|\b(?:AND|OR|NOT|NEAR)\b/;

export interface SqliteOptions {
  /** Open for reading only: no schema changes, no writes. */
  readonly?: boolean;
  /** Create the database when there is none (the default); false makes a missing file a StoreError, as readonly does. */
  create?: boolean;
}

interface ArticleRow {
  rowid: number;
  id: string;
  format: Doc['format'];
  source: string | null;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  meta: string;
  /** Text, or packed bytes (packText). */
  raw: string | Uint8Array;
  text: string;
  quality: string | null;
  chars: number;
  words: number;
  removed: number;
  ingested_at: string;
}

/** The WHERE clause of timex lists: each filter is NULL when not given. */
const TIMEX_FILTER = '(@article IS NULL OR a.id = @article) AND (@type IS NULL OR t.type = @type)';

/** Separates the names in `events.actor_key`, so that a filter cannot match across two names. */
const ACTOR_SEPARATOR = '\n';

/** A page of a quote list in the order given (quoteOrder), with the conditions given (quoteSql). */
const quoteListSql = (where: string, order: string) => `SELECT a.id AS articleId, a.title AS articleTitle, q.idx AS "index", q.speaker, q.how, q.via, a.outlet, q.kind, q.cue, q.source, q.content, q.spans,
  q.date, q.date_from AS dateFrom
  FROM quotes q JOIN articles a ON a.rowid = q.article
  WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;

/** A page of an event list in the order given (eventOrder), with the conditions given (eventSql). */
const eventListSql = (where: string, order: string) => `SELECT a.id AS articleId, a.title AS articleTitle, a.outlet, e.idx AS "index", e.data
  FROM events e JOIN articles a ON a.rowid = e.article
  WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;

/**
 * The condition a date filter adds to an article list (DateRange), over articles_published:
 * `@from` and `@until` are publishedBounds' bounds, each clause there only when its bound is.
 */
function publishedClause(range: DateRange): string {
  const { from, until } = publishedBounds(range);
  return [from !== null ? 'a.published >= @from' : '', until !== null ? 'a.published < @until' : ''].filter(Boolean).join(' AND ') || '1';
}

/** NEWEST_FIRST where a date range leaves out undated articles: the index on published then gives the order, without a sort. */
function newestFirst(range: DateRange): string {
  return hasRange(range) ? 'a.published DESC, a.rowid DESC' : NEWEST_FIRST;
}

/** How much of the text an article summary carries, for untitled articles. */
const EXCERPT_CHARS = 200;
const SUMMARY_COLUMNS = `a.id, a.title, a.outlet, a.published, a.language, a.source, a.url, a.format, a.chars, a.words, a.removed, a.quality, a.ingested_at, substr(a.text, 1, ${EXCERPT_CHARS}) AS excerpt`;

function summaryOf(row: Record<string, unknown>): ArticleSummary {
  const quality = row.quality ? (JSON.parse(row.quality as string) as { flags?: string[]; removedShare?: number; articleRemovedShare?: number }) : null;
  // before articleRemovedShare existed, removedShare counted an HTML page's furniture too
  const removedShare = quality?.articleRemovedShare ?? (row.format === 'html' ? undefined : quality?.removedShare);
  return {
    id: row.id as string,
    title: (row.title as string | null) ?? null,
    outlet: (row.outlet as string | null) ?? null,
    published: (row.published as string | null) ?? null,
    language: (row.language as string | null) ?? null,
    source: (row.source as string | null) ?? null,
    url: (row.url as string | null) ?? null,
    format: row.format as Doc['format'],
    chars: row.chars as number,
    words: row.words as number,
    flags: quality?.flags ?? [],
    removed: row.removed as number,
    removedShare: removedShare ?? null,
    ingestedAt: row.ingested_at as string,
    excerpt: row.excerpt as string,
  };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (text: string, i: number): boolean => i >= 0 && i < text.length && WORD_CHAR.test(text[i]);
/** A dotted abbreviation without its last dot: "U.S", "a.m", "e.g" (not a number such as "3.5"). */
const ABBREVIATION = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;

/**
 * The hit at [start, end) of `text` widened to the whole word it stands in. The full-text
 * index reads "U.S." as the words "u" and "s", so its marks would cut a dotted form ("»U.S«.",
 * "»3«.5"); the tokenizer reads it as one token, and so does a reader.
 */
function wholeWord(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (;;) {
    if (isWordChar(text, s - 1)) s--;
    else if (text[s - 1] === '.' && isWordChar(text, s - 2) && isWordChar(text, s)) s--;
    else break;
  }
  for (;;) {
    if (isWordChar(text, e)) e++;
    else if (text[e] === '.' && isWordChar(text, e + 1) && isWordChar(text, e - 1)) e++;
    else break;
  }
  // an abbreviation keeps its last dot, also where it ends a sentence
  if (text[e] === '.' && ABBREVIATION.test(text.slice(s, e))) e++;
  return [s, e];
}

/**
 * SQLite's snippet as plain-text pieces: the markers become `hit` pieces, each widened to
 * whole words (wholeWord), touching hits joined.
 */
export function snippetPieces(snippet: string): SnippetPiece[] {
  let text = '';
  const hits: Array<[number, number]> = [];
  const re = new RegExp(`${HIT_OPEN}([^${HIT_CLOSE}]*)${HIT_CLOSE}`, 'g');
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    text += snippet.slice(last, m.index);
    hits.push([text.length, text.length + m[1].length]);
    text += m[1];
    last = m.index + m[0].length;
  }
  text += snippet.slice(last);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of hits) {
    const [s, e] = wholeWord(text, start, end);
    const prev = merged.at(-1);
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else merged.push([s, e]);
  }
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) pieces.push({ text: text.slice(at, s), hit: false });
    pieces.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}

function pageOf(page: Page = {}): { limit: number; offset: number } {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) throw new TypeError(`a page's limit must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new TypeError(`a page's offset must be a whole number from 0, got ${offset}`);
  return { limit, offset };
}

function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as unknown as { code?: unknown }).code === 'string' && String((e as unknown as { code: string }).code).startsWith('SQLITE_');
}

/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode, with versioned
 * migrations and an FTS5 index over titles and cleaned text. Each article is written in one
 * transaction, so a killed process leaves every article either fully stored or absent.
 *
 * @example const store = openSqliteStore('dossier.db'); store.put(doc); store.close();
 */
export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  if (typeof path !== 'string' || !path) throw new TypeError('openSqliteStore needs a file path');
  if ((options.readonly || options.create === false) && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError('missing', `${path}: no database here (run "dossier ingest" first, or pass --db PATH)`);
  }
  if (path !== ':memory:' && existsSync(path) && statSync(path).isDirectory()) {
    throw new StoreError('io', `${path} is a folder, not a database file`);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly === true || options.create === false });
    db.pragma('foreign_keys = ON');
    // a page cache of 64 MiB instead of SQLite's 2 MiB: connecting an article reads index pages
    // all over the corpus tables, which at 10,000 articles hold some 150 MB (npm run bench -- --only connect)
    db.pragma('cache_size = -65536');
    // reading the schema version is the first real read: it fails on a file that is not SQLite
    db.pragma('user_version', { simple: true });
  } catch (e) {
    throw translateOpenError(path, e);
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, path);
      // rewriting the schema version is a write: a database that cannot be written says so now
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    } else {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === 0) throw new StoreError('not-a-database', `${path} is an SQLite file but not a Dossier database`);
      if (version > MIGRATIONS.length) throw newerSchema(path, version);
      if (version < MIGRATIONS.length) {
        // an older schema: bring it up to date once, then read as asked
        db.close();
        openSqliteStore(path).close();
        return openSqliteStore(path, options);
      }
    }
  } catch (e) {
    db.close();
    throw translateOpenError(path, e);
  }
  return new SqliteStore(db);
}

function newerSchema(path: string, version: number): StoreError {
  return new StoreError('newer-schema', `${path} has schema version ${version}, newer than this Dossier knows (${MIGRATIONS.length}): upgrade Dossier`);
}

function translateOpenError(path: string, e: unknown): Error {
  if (e instanceof StoreError) return e;
  if (isSqliteError(e)) {
    if (e.code === 'SQLITE_NOTADB') return new StoreError('not-a-database', `${path} is not a Dossier database (not an SQLite file)`);
    if (e.code.startsWith('SQLITE_READONLY')) return new StoreError('read-only', `${path} is read-only: Dossier cannot write to it (check the file's and its folder's permissions)`);
    if (e.code.startsWith('SQLITE_CANTOPEN')) return new StoreError('io', `${path}: cannot open the database file (does its folder exist, and may it be written?)`);
    if (e.code === 'SQLITE_CORRUPT') return new StoreError('not-a-database', `${path} is damaged: ${e.message}`);
  }
  return e instanceof Error ? e : new Error(String(e));
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw newerSchema(path, version);
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new StoreError('not-a-database', `${path} is an SQLite file but not a Dossier database`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Runs a write, turning SQLite's read-only errors into a StoreError. */
function writing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isSqliteError(e) && e.code.startsWith('SQLITE_READONLY')) throw new StoreError('read-only', `the database is read-only: ${e.message}`);
    throw e;
  }
}

class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;
  /** Statements whose SQL depends on the filters given (prepared). */
  private readonly variants = new Map<string, Database.Statement>();
  /** The filters and facets of lists and search (sqliteArticleFilter). */
  private readonly filters;
  readonly corpus: CorpusStore & CorpusReads;
  private readonly corpusEventReads: CorpusEventReads;
  /** Store.timeline (sqliteTimeline). */
  private readonly timelineRead: (filter: TimelineFilter) => Timeline;

  constructor(db: Database.Database) {
    this.db = db;
    this.corpusEventReads = sqliteCorpusEvents(db, (sql) => this.prepared(sql), (filter) => this.events(filter));
    this.corpus = { ...sqliteCorpus(db), ...sqliteCorpusReads(db, this.corpusEventReads) };
    this.filters = sqliteArticleFilter(db, (sql) => this.prepared(sql));
    this.timelineRead = sqliteTimeline(db);
    // for quoteSql: SQLite's own lower() folds ASCII only, and outlets are stored as written
    db.function('match_key', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? matchKey(name) : null));
    this.statements = {
      has: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
      prefix: db.prepare("SELECT id FROM articles WHERE id >= ? AND id < ? || x'ff' ORDER BY id LIMIT ?").pluck(),
      remove: db.prepare('DELETE FROM articles WHERE id = ?'),
      insert: db.prepare(`INSERT INTO articles (id, format, source, url, title, outlet, published, language, meta, raw, text, quality, chars, words, removed, ingested_at)
        VALUES (@id, @format, @source, @url, @title, @outlet, @published, @language, @meta, @raw, @text, @quality, @chars, @words, @removed, @ingested_at)`),
      insertLayer: db.prepare('INSERT INTO layers (article, name, data) VALUES (?, ?, ?)'),
      insertEntity: db.prepare('INSERT INTO entities (article, idx, type, name, mentions, aliases, roles) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      articleEntities: db.prepare(`SELECT a.id AS articleId, e.idx AS "index", e.type, e.name, e.mentions, e.aliases, e.roles, c.public_id AS corpusEntity
        FROM entities e JOIN articles a ON a.rowid = e.article
        LEFT JOIN entity_members m ON m.article = a.id AND m.idx = e.idx LEFT JOIN entity_nodes n ON n.id = m.node LEFT JOIN entity_clusters c ON c.id = n.cluster
        WHERE a.id = @id AND (@type IS NULL OR e.type = @type) ORDER BY e.idx LIMIT @limit OFFSET @offset`),
      articleEntityTotal: db.prepare(`SELECT count(*) FROM entities e JOIN articles a ON a.rowid = e.article WHERE a.id = @id AND (@type IS NULL OR e.type = @type)`).pluck(),
      insertQuote: db.prepare(`INSERT INTO quotes (article, idx, kind, speaker, speaker_key, how, via, via_key, cue, source, content, spans, date, date_from)
        VALUES (@article, @idx, @kind, @speaker, @speaker_key, @how, @via, @via_key, @cue, @source, @content, @spans, @date, @date_from)`),
      insertTimex: db.prepare(`INSERT INTO timexes (article, idx, start, "end", text, type, value, mod, anchor) VALUES (@article, @idx, @start, @end, @text, @type, @value, @mod, @anchor)`),
      timexes: db.prepare(`SELECT a.id AS articleId, a.title AS articleTitle, t.idx AS "index", t.start, t."end", t.text, t.type, t.value, t.mod, t.anchor
        FROM timexes t JOIN articles a ON a.rowid = t.article
        WHERE ${TIMEX_FILTER} ORDER BY ${NEWEST_FIRST}, t.idx LIMIT @limit OFFSET @offset`),
      timexTotal: db.prepare(`SELECT count(*) FROM timexes t JOIN articles a ON a.rowid = t.article WHERE ${TIMEX_FILTER}`).pluck(),
      insertEvent: db.prepare(`INSERT INTO events (article, idx, type, first_day, last_day, published, actor_key, data) VALUES (@article, @idx, @type, @first_day, @last_day, @published, @actor_key, @data)`),
      insertEventActor: db.prepare(`INSERT INTO event_actors (article, idx, n, role, entity, country) VALUES (?, ?, ?, ?, ?, ?)`),
      eventCorpus: db.prepare('SELECT m.event AS id, c.reports FROM cev_mentions m JOIN corpus_events c ON c.id = m.event WHERE m.article = ? AND m.idx = ?'),
      articleRowid: db.prepare('SELECT rowid FROM articles WHERE id = ?').pluck(),
      layerCount: db.prepare(`SELECT count(*) FROM layers l JOIN articles a ON a.rowid = l.article WHERE a.id = ? AND l.name IN (${LAYER_NAMES.map(() => '?').join(', ')})`).pluck(),
      get: db.prepare('SELECT * FROM articles WHERE id = ?'),
      layers: db.prepare('SELECT name, data FROM layers WHERE article = ?'),
      count: db.prepare('SELECT count(*) FROM articles').pluck(),
      all: db.prepare('SELECT id FROM articles ORDER BY rowid').pluck(),
      recordFailure: db.prepare(`INSERT INTO failures (source, code, reason, failed_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(source) DO UPDATE SET code = excluded.code, reason = excluded.reason, failed_at = excluded.failed_at`),
      clearFailure: db.prepare('DELETE FROM failures WHERE source = ?'),
      failures: db.prepare('SELECT source, code, reason, failed_at AS failedAt FROM failures ORDER BY failed_at, source LIMIT ? OFFSET ?'),
      failureCount: db.prepare('SELECT count(*) FROM failures').pluck(),
      // one pass over the articles_published index: the day is the first ten characters of the date as the article gives it
      days: db.prepare('SELECT substr(published, 1, 10) AS day, count(*) AS articles FROM articles WHERE published IS NOT NULL GROUP BY day ORDER BY day'),
      undated: db.prepare('SELECT count(*) FROM articles WHERE published IS NULL').pluck(),
      languages: db.prepare('SELECT language, count(*) AS articles FROM articles GROUP BY language ORDER BY articles DESC, language LIMIT ?'),
      languageTotal: db.prepare('SELECT count(DISTINCT language) + (SELECT count(*) > 0 FROM articles WHERE language IS NULL) FROM articles').pluck(),
      outlets: db.prepare('SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet LIMIT ?'),
      outletTotal: db.prepare('SELECT count(DISTINCT outlet) FROM articles').pluck(),
      // over events_days and events_type, reading no event's row: events dated to one day, and every event by type
      eventDays: db.prepare('SELECT first_day AS day, count(*) AS events FROM events WHERE first_day IS NOT NULL AND first_day = last_day GROUP BY first_day ORDER BY first_day'),
      eventTypes: db.prepare('SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY events DESC, type'),
      // each group of copies holds one original: the copies are its size less one
      copies: db.prepare('SELECT coalesce(sum(size - 1), 0) FROM dup_groups').pluck(),
    };
  }

  has(id: string): boolean {
    return this.statements.has.get(id) !== undefined;
  }

  put(doc: Doc): void {
    const s = this.statements;
    const write = this.db.transaction(() => {
      s.remove.run(doc.id);
      const info = s.insert.run({
        id: doc.id,
        format: doc.format,
        source: doc.meta.source ?? null,
        url: doc.meta.url ?? null,
        title: doc.meta.title ?? null,
        outlet: doc.meta.outlet ?? null,
        published: doc.meta.published ?? null,
        language: doc.meta.language ?? null,
        meta: JSON.stringify(doc.meta),
        raw: packText(doc.raw),
        text: doc.text,
        quality: doc.quality ? JSON.stringify(doc.quality) : null,
        chars: doc.text.length,
        words: doc.quality?.words ?? 0,
        removed: doc.removed.length,
        ingested_at: new Date().toISOString(),
      });
      for (const name of LAYER_NAMES) s.insertLayer.run(info.lastInsertRowid, name, packText(JSON.stringify(LAYER_CODECS[name].encode(doc))));
      doc.entities.forEach((e, i) => {
        s.insertEntity.run(info.lastInsertRowid, i, e.type, e.name, e.mentions.length, JSON.stringify(e.aliases), JSON.stringify(e.roles.map((r) => r.text)));
      });
      for (const q of quoteRows(doc)) {
        s.insertQuote.run({
          article: info.lastInsertRowid,
          idx: q.index,
          kind: q.kind,
          speaker: q.speaker,
          speaker_key: matchKey(q.speaker),
          how: q.how,
          via: JSON.stringify(q.via),
          via_key: q.via.map(matchKey).join(VIA_SEPARATOR),
          cue: q.cue,
          source: q.source,
          content: q.content,
          spans: JSON.stringify(q.spans),
          date: q.date,
          date_from: q.dateFrom,
        });
      }
      for (const t of timexRows(doc)) {
        s.insertTimex.run({ article: info.lastInsertRowid, idx: t.index, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod, anchor: t.anchor ? JSON.stringify(t.anchor) : null });
      }
      for (const e of eventRows(doc)) {
        const { articleId: _id, articleTitle: _title, outlet: _outlet, index: _index, ...data } = e;
        const days = e.date ? valueDays(e.date) : null;
        const actors = [...e.source, ...e.target];
        const names = actors.flatMap((a) => (a.name && a.name !== a.text ? [a.text, a.name] : [a.text]));
        s.insertEvent.run({
          article: info.lastInsertRowid,
          idx: e.index,
          type: e.type,
          first_day: days?.first ?? null,
          last_day: days?.last ?? null,
          published: doc.meta.published ?? null,
          actor_key: names.map(matchKey).join(ACTOR_SEPARATOR),
          data: JSON.stringify(data),
        });
        actors.forEach((a, n) => s.insertEventActor.run(info.lastInsertRowid, e.index, n, n < e.source.length ? 'source' : 'target', a.entity, a.country));
      }
    });
    writing(() => write.immediate());
  }

  remove(id: string): boolean {
    // layers, entities, quotes and timexes go with the article (ON DELETE CASCADE), the index by trigger
    return writing(() => this.statements.remove.run(id)).changes > 0;
  }

  get(id: string): Doc | undefined {
    const row = this.statements.get.get(id) as ArticleRow | undefined;
    if (!row) return undefined;
    const doc = createDoc(unpackText(row.raw), row.format, JSON.parse(row.meta) as Doc['meta']);
    doc.id = row.id;
    doc.text = row.text;
    doc.quality = row.quality ? (JSON.parse(row.quality) as Doc['quality']) : null;
    for (const layer of this.statements.layers.all(row.rowid) as { name: string; data: string | Uint8Array }[]) {
      const codec = LAYER_CODECS[layer.name as keyof typeof LAYER_CODECS];
      if (codec) codec.decode(JSON.parse(unpackText(layer.data)), doc);
    }
    return doc;
  }

  idsStartingWith(prefix: string, limit = 10): string[] {
    if (!prefix) return [];
    return this.statements.prefix.all(prefix, prefix, limit) as string[];
  }

  /** A statement for SQL that depends on the filters given, prepared once for each form it takes. */
  private prepared(sql: string): Database.Statement {
    let statement = this.variants.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.variants.set(sql, statement);
    }
    return statement;
  }

  list(options: ResultOptions & { fold?: boolean } = {}): { total: number; articles: ArticleSummary[]; facets?: ResultFacets } {
    const { limit, offset } = pageOf(options);
    const { where, params } = this.resultWhere(options);
    // copies folded under their originals: an article in a group of copies is listed only if it is the original
    const from = options.fold
      ? `FROM articles a LEFT JOIN dup_members dm ON dm.article = a.id LEFT JOIN dup_groups g ON g.id = dm.grp WHERE (dm.grp IS NULL OR g.original = a.id) AND ${where}`
      : `FROM articles a WHERE ${where}`;
    const copies = options.fold ? ', coalesce(g.size - 1, 0) AS copies' : '';
    const read = this.db.transaction(() => {
      const rows = this.prepared(`SELECT ${SUMMARY_COLUMNS}${copies} ${from} ORDER BY ${newestFirst(options)} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as Record<string, unknown>[];
      const total = where === '1' && !options.fold ? this.count() : (this.prepared(`SELECT count(*) ${from}`).pluck().get(params) as number);
      const articles = rows.map((r) => (options.fold ? { ...summaryOf(r), copies: r.copies as number } : summaryOf(r)));
      return { total, articles, ...(options.facets !== undefined ? this.filters.facets(from, newestFirst(options), params, options.facets) : {}) };
    });
    // one read: the page, the total and the facets agree while ingest writes
    return read.deferred();
  }

  search(query: string, options: ResultOptions = {}): { total: number; hits: SearchHit[]; facets?: ResultFacets } {
    const { limit, offset } = pageOf(options);
    const q = query.trim();
    if (!q) throw new QueryError('empty search query');
    const { where, params } = this.resultWhere(options);
    const from = `FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH @match AND ${where}`;
    // unfiltered, the index alone counts the matches
    const count = this.prepared(where === '1' ? 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH @match' : `SELECT count(*) ${from}`).pluck();
    const search = this.prepared(`SELECT ${SUMMARY_COLUMNS}, snippet(articles_fts, 1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', 24) AS snippet, ${SEARCH_RANK} AS score
      ${from} ORDER BY score LIMIT @limit OFFSET @offset`);
    const run = this.db.transaction((match: string) => {
      const total = count.get({ ...params, match }) as number;
      const rows = search.all({ ...params, match, limit, offset }) as Record<string, unknown>[];
      return {
        total,
        hits: rows.map((row): SearchHit => ({ ...summaryOf(row), snippet: snippetPieces(row.snippet as string), score: Number((-(row.score as number)).toFixed(4)) })),
        ...(options.facets !== undefined ? this.filters.facets(from, SEARCH_RANK, { ...params, match }, options.facets) : {}),
      };
    });
    try {
      return run.deferred(q);
    } catch (e) {
      if (!isSqliteError(e) || e.code !== 'SQLITE_ERROR') throw e;
      // words the user typed, not query syntax: search them as quoted terms
      if (!FTS_OPERATORS.test(q)) {
        const quoted = q.split(/\s+/).map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
        try {
          return run.deferred(quoted);
        } catch {
          // fall through to the message about the original query
        }
      }
      throw new QueryError(`cannot search for “${q}”: ${e.message.replace(/^fts5: /, '')}. Put phrases in double quotes; AND, OR and NOT must stand between two terms.`);
    }
  }

  /**
   * The WHERE clause of a list or search over `articles a` (its publication days and
   * ArticleFilter's filters; '1' when there are none) and its parameters. Checks every filter
   * first: a bad day is a TypeError, a value that names nothing a FilterError.
   */
  private resultWhere(options: ResultOptions): { where: string; params: Record<string, unknown> } {
    const bounds = publishedBounds(options);
    const filter = this.filters.where(options);
    const dated = publishedClause(options);
    const where = [...(dated === '1' ? [] : [dated]), ...filter.conditions].join(' AND ') || '1';
    return { where, params: { ...bounds, ...filter.params } };
  }

  articleEntities(articleId: string, filter: { type?: string } & Page = {}): { total: number; entities: ArticleEntity[] } {
    const { limit, offset } = pageOf(filter);
    const params = { id: articleId, type: filter.type ?? null };
    const rows = this.statements.articleEntities.all({ ...params, limit, offset }) as Array<Omit<ArticleEntity, 'aliases' | 'roles'> & { aliases: string; roles: string }>;
    return {
      total: this.statements.articleEntityTotal.get(params) as number,
      entities: rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[], roles: JSON.parse(r.roles) as string[] })),
    };
  }

  quotes(filter: QuoteFilter = {}): { total: number; quotes: QuoteRow[] } {
    const { limit, offset } = pageOf(filter);
    const key = (value: string | undefined) => (value?.trim() ? matchKey(value.trim()) : null);
    const article = filter.doc !== undefined && filter.doc !== '' ? resolveArticleId(this, filter.doc) : null;
    const { conditions, params } = quoteSql({
      article: article === null ? null : (this.statements.articleRowid.get(article) as number),
      speaker: key(filter.speaker),
      via: key(filter.via),
    });
    const where = whereOf(conditions);
    const rows = this.prepared(quoteListSql(where, quoteOrder(filter.sort))).all({ ...params, limit, offset }) as Array<Omit<QuoteRow, 'via' | 'spans'> & { via: string; spans: string }>;
    return {
      total: this.prepared(`SELECT count(*) FROM quotes q WHERE ${where}`).pluck().get(params) as number,
      quotes: rows.map((r) => ({ ...r, via: JSON.parse(r.via) as string[], spans: JSON.parse(r.spans) as QuoteRow['spans'] })),
    };
  }

  timexes(filter: TimexFilter = {}): { total: number; timexes: TimexRow[] } {
    const { limit, offset } = pageOf(filter);
    const params = {
      article: filter.doc !== undefined && filter.doc !== '' ? resolveArticleId(this, filter.doc) : null,
      type: filter.type ?? null,
    };
    const rows = this.statements.timexes.all({ ...params, limit, offset }) as Array<Omit<TimexRow, 'anchor'> & { anchor: string | null }>;
    return {
      total: this.statements.timexTotal.get(params) as number,
      timexes: rows.map((r) => ({ ...r, anchor: r.anchor === null ? null : (JSON.parse(r.anchor) as TimexRow['anchor']) })),
    };
  }

  /**
   * The values of an event filter as eventSql takes them: the article's rowid, the actor's match key, the
   * country in capitals; a TypeError on a day that is not YYYY-MM-DD, an ArticleIdError on an
   * article that is not one.
   */
  private eventParams(filter: EventFilter): EventSqlParams {
    publishedBounds(filter);
    const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
    const article = filter.doc !== undefined && filter.doc !== '' ? resolveArticleId(this, filter.doc) : null;
    const actor = text(filter.actor);
    return {
      article: article === null ? null : (this.statements.articleRowid.get(article) as number),
      type: filter.type ?? null,
      actor: actor === null ? null : matchKey(actor),
      country: text(filter.country)?.toUpperCase() ?? null,
      entity: text(filter.entity),
      from: filter.from ?? null,
      to: filter.to ?? null,
      cevent: text(filter.corpusEvent),
    };
  }

  events(filter: EventFilter = {}): { total: number; events: EventRow[] } {
    const { limit, offset } = pageOf(filter);
    const given = this.eventParams(filter);
    const { conditions, params } = eventSql(given);
    const where = whereOf(conditions);
    const order = eventOrder(filter.sort);
    const read = this.db.transaction(() => {
      const total = this.prepared(`SELECT count(*) FROM events e WHERE ${where}`).pluck().get(params) as number;
      // many events of a country, an entity or a real-world event, in the order of events_latest:
      // walked in that order until the page is full rather than all read and sorted
      const walk = keyedFilter(given) && total > EVENT_READ.WALK_FROM && order === eventOrder(undefined);
      const page = walk ? whereOf(eventSql(given, { walk }).conditions) : where;
      const rows = this.prepared(eventListSql(page, order)).all({ ...params, limit, offset }) as Array<{ articleId: string; articleTitle: string | null; outlet: string | null; index: number; data: string }>;
      // each actor's corpus entity, read once for each article on the page
      const corpusIds = new Map<string, Array<string | null>>();
      const corpusOf = (articleId: string) => {
        let ids = corpusIds.get(articleId);
        if (!ids) {
          ids = this.corpus.corpusEntitiesOf(articleId);
          corpusIds.set(articleId, ids);
        }
        return ids;
      };
      const events = rows.map((r): EventRow => {
        const data = JSON.parse(r.data) as Omit<EventRow, 'articleId' | 'articleTitle' | 'outlet' | 'index'>;
        const withCorpus = (actors: EventRow['source']) => actors.map((a) => ({ ...a, corpusEntity: a.entity === null ? null : (corpusOf(r.articleId)[a.entity] ?? null) }));
        const corpusEvent = (this.statements.eventCorpus.get(r.articleId, r.index) as EventRow['corpusEvent'] | undefined) ?? null;
        return { articleId: r.articleId, articleTitle: r.articleTitle, outlet: r.outlet, index: r.index, ...data, source: withCorpus(data.source), target: withCorpus(data.target), corpusEvent };
      });
      return { total, events };
    });
    return read.deferred();
  }

  corpusEvents(filter: CorpusEventFilter = {}): { total: number; events: CorpusEventSummary[] } {
    const { limit, offset } = pageOf(filter);
    const minReports = filter.minReports ?? 1;
    if (!Number.isInteger(minReports) || minReports < 1) throw new TypeError(`the fewest reports must be a whole number from 1, got ${minReports}`);
    const params = { ...this.eventParams(filter), cevent: null, min: minReports };
    return this.db.transaction(() => this.corpusEventReads.list(params, limit, offset, filter.sort)).deferred();
  }

  timeline(filter: TimelineFilter = {}): Timeline {
    return this.timelineRead(filter);
  }

  corpusEvent(id: string, page: Page = {}): CorpusEventDetail | undefined {
    const { limit, offset } = pageOf(page);
    return this.db.transaction(() => this.corpusEventReads.detail(id.trim(), limit, offset)).deferred();
  }

  isComplete(id: string): boolean {
    return this.statements.layerCount.get(id, ...LAYER_NAMES) === LAYER_NAMES.length;
  }

  *all(): Iterable<Doc> {
    for (const id of this.statements.all.all() as string[]) {
      const doc = this.get(id);
      if (doc) yield doc;
    }
  }

  recordFailure(failure: Omit<Failure, 'failedAt'>): void {
    writing(() => this.statements.recordFailure.run(failure.source, failure.code, failure.reason, new Date().toISOString()));
  }

  clearFailure(source: string): void {
    writing(() => this.statements.clearFailure.run(source));
  }

  failures(page?: Page): Failure[] {
    const { limit, offset } = page ? pageOf(page) : { limit: -1, offset: 0 };
    return this.statements.failures.all(limit, offset) as Failure[];
  }

  failureCount(): number {
    return this.statements.failureCount.get() as number;
  }

  facets(options: { top?: number } = {}): ArticleFacets {
    const top = options.top ?? 20;
    if (!Number.isInteger(top) || top < 0 || top > MAX_PAGE_SIZE) throw new TypeError(`facets' top must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${top}`);
    const s = this.statements;
    const read = this.db.transaction((): ArticleFacets => {
      const articles = this.count();
      return {
        articles,
        reports: articles - (s.copies.get() as number),
        undated: s.undated.get() as number,
        days: s.days.all() as ArticleFacets['days'],
        languages: s.languages.all(top) as ArticleFacets['languages'],
        languageTotal: s.languageTotal.get() as number,
        outlets: s.outlets.all(top) as ArticleFacets['outlets'],
        outletTotal: s.outletTotal.get() as number,
      };
    });
    // one read transaction: the counts agree with each other while ingest writes
    return read.deferred();
  }

  eventFacets(): EventFacets {
    const read = this.db.transaction((): EventFacets => {
      const days = this.statements.eventDays.all() as EventFacets['days'];
      const types = this.statements.eventTypes.all() as EventFacets['types'];
      const events = types.reduce((n, t) => n + t.events, 0);
      return { events, undated: events - days.reduce((n, d) => n + d.events, 0), days, types };
    });
    return read.deferred();
  }

  count(): number {
    return this.statements.count.get() as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
