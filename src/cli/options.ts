import { Option, type Command } from 'commander';
import { once } from 'node:events';
import { isIsoDay, type DateRange } from '../store/date-range.ts';
import { openSqliteStore, type SqliteOptions } from '../store/sqlite/sqlite-store.ts';
import { MAX_PAGE_SIZE, type Store } from '../store/store.ts';

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
