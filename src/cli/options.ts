import { Option, type Command } from 'commander';
import { once } from 'node:events';
import { isIsoDay, type DateRange } from '../store/date-range.ts';
import { openSqliteStore, type SqliteOptions } from '../store/sqlite/sqlite-store.ts';
import type { EventType } from '../doc/doc.ts';
import { EVENT_TYPES } from '../events/plover.ts';
import { MAX_PAGE_SIZE, type ArticleFilter, type Store } from '../store/store.ts';

/** Options and helpers that every command shares. */

const DEFAULT_DB = 'dossier.db';
const DEFAULT_PORT = 8700;
const MAX_PORT = 65535;

/** A problem the user can fix; printed without a stack trace. */
export class UsageError extends Error {}

/** `--db PATH`, the database file. */
export function dbOption(): Option {
  return new Option('--db <path>', 'database file').default(DEFAULT_DB);
}

/** Runs `fn` on the store at `path`, closing it afterwards. */
export function withStore<T>(path: string, options: SqliteOptions, fn: (store: Store) => T): T {
  const store = openSqliteStore(path, options);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** A commander parser for a whole number from 0 to `max`, with a usage error otherwise. */
export function positiveInt(name: string, max = Number.MAX_SAFE_INTEGER, hint = '') {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(value)}`);
    if (n > max) throw new UsageError(`${name} must be at most ${max}, got ${n}${hint}`);
    return n;
  };
}

/** `--limit`, at most one page of MAX_PAGE_SIZE: a larger one is refused, never cut down in silence. */
export function limitOption(what: string, fallback: number): Option {
  return new Option('--limit <n>', `${what} (at most ${MAX_PAGE_SIZE})`).argParser(positiveInt('--limit', MAX_PAGE_SIZE, '; page through with --offset')).default(fallback);
}

/** `--offset N`, for paging. */
export function offsetOption(): Option {
  return new Option('--offset <n>', 'skip this many').argParser(positiveInt('--offset')).default(0);
}

/** `--port N` (0 picks a free one). */
export function portOption(): Option {
  return new Option('--port <port>', 'port (0 picks a free one)').argParser(positiveInt('--port', MAX_PORT)).default(DEFAULT_PORT);
}

/**
 * `--from DAY` and `--to DAY`: publication days written YYYY-MM-DD, both inclusive; any other
 * value is a usage error. Articles without a date are left out once either is given.
 */
export function dateRangeOptions(what: { items: string; dated: string } = { items: 'articles', dated: 'published' }): Option[] {
  const day = (name: string) => (value: string): string => {
    if (!isIsoDay(value)) throw new UsageError(`${name} must be a day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  };
  const undated = `${what.items} with no date are left out`;
  return [
    new Option('--from <day>', `only ${what.items} ${what.dated} on or after this day (YYYY-MM-DD); ${undated}`).argParser(day('--from')),
    new Option('--to <day>', `only ${what.items} ${what.dated} on or before this day (YYYY-MM-DD); ${undated}`).argParser(day('--to')),
  ];
}

/** The range of `--from` and `--to`, refusing a `--from` after the `--to`. */
export function dateRangeOf(flags: DateRange): DateRange {
  if (flags.from && flags.to && flags.from > flags.to) throw new UsageError(`--from ${flags.from} is after --to ${flags.to}`);
  return { ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) };
}

/** What a corpus entity id (or a prefix of one) looks like: "e" and hexadecimal digits (entityPublicId), "-2" after a clash. */
const ENTITY_ID = /^e[0-9a-f]+(?:-\d+)?$/;

/**
 * `--outlet`, `--language`, `--story`, `--entity` and `--type`, the article filters of `ls`
 * and `search` (ArticleFilter; `--entity` and `--type` may be given again, for articles with
 * each), and `--facets N`, which counts the first N values of each over the whole result.
 */
export function articleFilterOptions(): Option[] {
  const again = <T extends string>(check: (value: string) => T) => (value: string, previous: T[] | undefined): T[] => [...(previous ?? []), check(value)];
  const entityId = (value: string): string => {
    if (!ENTITY_ID.test(value)) throw new UsageError(`--entity must be a corpus entity id such as e1f0c3 (see "dossier entities"), got ${JSON.stringify(value)}`);
    return value;
  };
  const eventType = (value: string): EventType => {
    if (!EVENT_TYPES.includes(value as EventType)) throw new UsageError(`--type must be one of ${EVENT_TYPES.join(', ')}, got ${JSON.stringify(value)}`);
    return value as EventType;
  };
  return [
    new Option('--outlet <name>', 'only articles of this outlet, written as the articles write it'),
    new Option('--language <code>', 'only articles in this language (en, de, …)'),
    new Option('--story <id>', 'only the articles of this story (a unique id prefix is enough; see "dossier stories")'),
    new Option('--entity <id>', 'only articles that name this corpus entity under any spelling (a unique id prefix is enough; see "dossier entities"); again for articles naming each').argParser(again(entityId)),
    new Option('--type <type>', `only articles with an event of this PLOVER type (${EVENT_TYPES.join(', ')}); again for articles with each`).argParser(again(eventType)),
    new Option('--facets <n>', 'count the first N outlets, languages, stories, entities and event types of the whole result (at most 100), each with how many articles choosing it keeps').argParser(positiveInt('--facets', 100)),
  ];
}

/** The filters of articleFilterOptions' flags, with `--from` and `--to` (dateRangeOf), and how many facets to count. */
export function articleFilterOf(flags: DateRange & { outlet?: string; language?: string; story?: string; entity?: string[]; type?: EventType[]; facets?: number }): ArticleFilter & { facets?: number } {
  return {
    ...dateRangeOf(flags),
    ...(flags.outlet !== undefined ? { outlet: flags.outlet } : {}),
    ...(flags.language !== undefined ? { language: flags.language } : {}),
    ...(flags.story !== undefined ? { story: flags.story } : {}),
    ...(flags.entity?.length ? { entity: flags.entity } : {}),
    ...(flags.type?.length ? { type: flags.type } : {}),
    ...(flags.facets ? { facets: flags.facets } : {}),
  };
}

/** Writes a line (with its line end) to standard output, waiting while the reader catches up. */
export async function writeOut(line: string): Promise<void> {
  if (!process.stdout.write(line)) await once(process.stdout, 'drain');
}

/** Writes every line (each with its line end) to standard output, as writeOut does. */
export async function writeLines(lines: Iterable<string>): Promise<void> {
  for (const line of lines) await writeOut(line);
}

/**
 * The window a whole-list output (CSV) takes: from `--offset`, and only as many as `--limit`
 * when the user gave one (its default is for pages of lines, not for an export).
 */
export function exportWindow(command: Command, flags: { limit: number; offset: number }): { limit?: number; offset: number } {
  return { offset: flags.offset, ...(command.getOptionValueSource('limit') === 'cli' ? { limit: flags.limit } : {}) };
}
