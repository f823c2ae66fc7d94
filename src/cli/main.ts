import { Command, CommanderError, Option } from 'commander';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { connect, corpusTotals, disconnectArticle } from '../connect/connect.ts';
import { exportCorpusJsonl, exportJsonl } from '../export/jsonl.ts';
import { quotesCsvLines } from '../export/quotes-csv.ts';
import { IngestError } from '../ingest/ingest-error.ts';
import { DEFAULT_FETCH_LIMITS } from '../ingest/fetch-url.ts';
import type { IngestOptions } from '../ingest/ingest.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../ingest/limits.ts';
import { ListenError, startServer } from '../serve/server.ts';
import { QUOTE_SORT_KEYS, sortChoices, type QuoteSort } from '../store/list-sort.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { ArticleIdError, FilterError, QueryError, StoreError, resolveArticleId } from '../store/store.ts';
import { articleFilterOf, articleFilterOptions, dateRangeOf, dateRangeOptions, dbOption, exportWindow, limitOption, offsetOption, portOption, positiveInt, UsageError, withStore, writeLines, writeOut } from './options.ts';
import { addCorpusCommands } from './corpus-commands.ts';
import { progressBar } from './progress.ts';
import { articleLine, connectReport, countLine, facetLines, hitLines, ingestReport, quoteLine, showArticle } from './render.ts';
import { parentToWatch, whenStopped } from './stop-signals.ts';

/** The sample corpus shipped with Dossier. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));
const MIB = 1024 * 1024;
/** The exit code of a usage error: a bad option, argument, id, query or database path. */
const USAGE_EXIT = 2;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface IngestFlags {
  db: string;
  force?: boolean;
  json?: boolean;
  timeout?: number;
  maxArticleMb?: number;
  workers?: number;
}

/** The most worker threads `--workers` takes: each holds its own copy of the models (a few hundred MB). */
const MAX_WORKERS = 64;

function workerCount(value: string): number {
  const n = positiveInt('--workers', MAX_WORKERS)(value);
  if (n === 0) throw new UsageError('--workers must be at least 1 (1 processes the articles in the main thread)');
  return n;
}

async function runIngest(inputs: string[], flags: IngestFlags): Promise<number> {
  // the pipeline loads its models on import: only the commands that process articles pay for it
  const { ingest } = await import('../ingest/ingest.ts');
  const store = openSqliteStore(flags.db);
  const bar = flags.json ? undefined : progressBar();
  try {
    const options: IngestOptions = {
      force: flags.force ?? false,
      workers: flags.workers ?? availableParallelism(),
      readStdin,
      ...(flags.timeout !== undefined ? { fetch: { timeoutMs: flags.timeout * 1000 } } : {}),
      ...(flags.maxArticleMb !== undefined ? { maxArticleBytes: flags.maxArticleMb * MIB } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    };
    const summary = await ingest(store, inputs, options);
    bar?.done(); // clear the bar before the summary line
    if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      for (const w of summary.warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(`${ingestReport(summary)}\n`);
      if (summary.connected) process.stdout.write(`${connectReport(summary.connected, corpusTotals(store))}\n`);
    }
    return summary.failed.length ? 1 : 0;
  } finally {
    bar?.done();
    store.close();
  }
}

/** The flags of articleFilterOptions and dateRangeOptions, as commander gives them. */
type FilterFlags = Parameters<typeof articleFilterOf>[0];

/** Options of program(). */
export interface ProgramOptions {
  /** A parent process whose exit stops `serve` and `demo` (parentToWatch); null watches none. */
  parent?: number | null;
}

/** Serves until SIGINT, SIGTERM or the watched parent's exit, then closes every connection and the store. */
/**
 * Connects what is still queued (articles stored by an older Dossier, or by an ingest run that
 * was stopped), so that the page shows the corpus whole; a database that cannot be written is
 * served as it is.
 */
function connectPending(db: string): void {
  let store;
  try {
    store = openSqliteStore(db, { create: false });
  } catch (e) {
    if (e instanceof StoreError && e.code === 'read-only') return;
    throw e;
  }
  try {
    const pending = store.corpus.queueLength();
    if (!pending) return;
    const summary = connect(store);
    process.stdout.write(`${connectReport(summary, corpusTotals(store))}\n`);
  } catch (e) {
    if (!(e instanceof StoreError && e.code === 'read-only')) throw e;
  } finally {
    store.close();
  }
}

async function serveUntilStopped(db: string, host: string, port: number, parent: number | null, workers = 1): Promise<void> {
  connectPending(db);
  const store = openSqliteStore(db, { readonly: true });
  try {
    // the page's ingest writes through a connection of its own, opened for each run
    const server = await startServer(store, { host, port, ingest: { openStore: () => openSqliteStore(db), workers } });
    process.stdout.write(`Dossier is serving ${store.count()} articles from ${db} at ${server.url} (process ${process.pid})\nPress Ctrl+C to stop.\n`);
    const reason = await whenStopped(parent);
    await server.close();
    process.stdout.write(`Dossier stopped (${reason === 'parent-exited' ? 'the npm process that started it has gone' : reason}).\n`);
  } finally {
    store.close();
  }
}

/** The `dossier` command line, as a commander program (exported for tests). */
export function program(options: ProgramOptions = {}): Command {
  const parent = options.parent ?? null;
  const cli = new Command('dossier')
    .description('Turn a pile of news articles into a clean, sourced record of a developing story.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) })
    // commander's own errors (an unknown option, a missing argument, a value not among the
    // choices) are thrown to main, which exits 2 as for every usage error; subcommands inherit it
    .exitOverride();

  cli
    .command('ingest')
    .description('ingest files, folders, globs, URLs, files listing URLs, or - for standard input')
    .argument('<inputs...>', 'what to ingest')
    .addOption(dbOption())
    .option('--force', 'process again articles whose content is already stored')
    .option('--json', 'print the summary as JSON')
    .option('--timeout <seconds>', `time limit for each URL (default: ${DEFAULT_FETCH_LIMITS.timeoutMs / 1000})`, positiveInt('--timeout'))
    .option('--max-article-mb <mb>', `largest article to accept (default: ${DEFAULT_MAX_ARTICLE_BYTES / MIB})`, positiveInt('--max-article-mb'))
    .option('--workers <n>', `worker threads that process articles, each with its own copy of the models; 1 processes them in the main thread (default: the machine's cores, ${availableParallelism()} here)`, workerCount)
    .addHelpText('after', '\nFormats: .txt .md .html .htm .json .jsonl .ndjson, RSS/Atom feeds (.xml .rss .atom), lists of URLs.\nExit code 1 when any input failed; everything else is kept.')
    .action(async (inputs: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(inputs, flags);
    });

  const ls = cli
    .command('ls')
    .description('list stored articles, newest first')
    .addOption(dbOption())
    .addOption(limitOption('how many', 50))
    .addOption(offsetOption());
  for (const option of [...dateRangeOptions(), ...articleFilterOptions()]) ls.addOption(option);
  ls.option('--fold', 'fold copies under their originals: one line per report, with how many copies it has')
    .option('--failures', 'list the inputs that failed instead (each is kept until the same input is ingested)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nWith --from or --to, only articles whose publication date is known and in that range (both days included).')
    .action((flags: { db: string; limit: number; offset: number; json?: boolean; failures?: boolean; fold?: boolean } & FilterFlags) =>
      withStore(flags.db, { readonly: true }, (store) => {
        if (flags.failures) {
          const all = store.failures();
          const page = { total: all.length, failures: all.slice(flags.offset, flags.offset + flags.limit) };
          if (flags.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
          for (const f of page.failures) process.stdout.write(`${f.failedAt}  ${f.code}  ${f.reason}\n`);
          process.stdout.write(`${countLine(page.failures.length, page.total, 'failed inputs', 'No input has failed.')}\n`);
          return;
        }
        const filter = articleFilterOf(flags);
        const page = store.list({ limit: flags.limit, offset: flags.offset, fold: flags.fold ?? false, ...filter });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const a of page.articles) process.stdout.write(`${articleLine(a)}\n`);
        const filters = Object.keys(filter).filter((k) => k !== 'facets');
        const none = !filters.length
          ? 'No articles yet: add some with "dossier ingest FILES".'
          : filters.every((k) => k === 'from' || k === 'to')
            ? 'No articles published in that range.'
            : 'No articles match.';
        process.stdout.write(`${countLine(page.articles.length, page.total, 'articles', none)}\n`);
        if (page.facets) for (const line of facetLines(page.facets)) process.stdout.write(`${line}\n`);
      }),
    );

  cli
    .command('show')
    .description('show one article: metadata, structure, names, quotes, dates, text, removed parts and messages')
    .argument('<id>', 'article id (a unique prefix is enough)')
    .addOption(dbOption())
    .option('--no-text', 'leave out the cleaned text')
    .option('--json', 'print the article with all its layers as JSON')
    .action((id: string, flags: { db: string; text: boolean; json?: boolean }) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const doc = store.get(resolveArticleId(store, id));
        if (!doc) throw new UsageError(`no article with id "${id}"`);
        if (flags.json) return void process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        process.stdout.write(`${showArticle(doc, { text: flags.text, structure: true, removed: true, messages: true })}\n`);
      }),
    );

  cli
    .command('rm')
    .description('delete articles with everything stored for them (names, quotes, search index); ingesting the same content again brings them back')
    .argument('<id...>', 'article ids (a unique prefix is enough); nothing is deleted unless every one is found')
    .addOption(dbOption())
    .option('--json', 'print the deleted ids as JSON')
    .action((ids: string[], flags: { db: string; json?: boolean }) =>
      // a database that is not there has nothing to delete: say so, and create none
      withStore(flags.db, { create: false }, (store) => {
        const found = [...new Set(ids.map((id) => resolveArticleId(store, id)))];
        const titles = found.map((id) => store.get(id)?.meta.title ?? null);
        for (const id of found) {
          // its facts leave the corpus first, while they can still be read
          disconnectArticle(store, id);
          store.remove(id);
        }
        if (flags.json) return void process.stdout.write(`${JSON.stringify({ removed: found }, null, 2)}\n`);
        found.forEach((id, i) => process.stdout.write(`removed ${id}  ${titles[i] ?? '(untitled)'}\n`));
        process.stdout.write(`${found.length} ${found.length === 1 ? 'article' : 'articles'} removed, ${store.count()} left\n`);
      }),
    );

  const search = cli
    .command('search')
    .description('full-text search over titles and cleaned text (SQLite FTS5 syntax: "a phrase", AND, OR, NOT, prefix*)')
    .argument('<query...>', 'what to look for')
    .addOption(dbOption())
    .addOption(limitOption('how many results', 20))
    .addOption(offsetOption());
  for (const option of [...dateRangeOptions(), ...articleFilterOptions()]) search.addOption(option);
  search
    .option('--json', 'print JSON')
    .addHelpText('after', '\nWith --from or --to, only articles whose publication date is known and in that range (both days included).')
    .action((query: string[], flags: { db: string; limit: number; offset: number; json?: boolean } & FilterFlags) =>
      withStore(flags.db, { readonly: true }, (store) => {
        const q = query.join(' ');
        const found = store.search(q, { limit: flags.limit, offset: flags.offset, ...articleFilterOf(flags) });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        for (const h of found.hits) process.stdout.write(`${hitLines(h)}\n`);
        process.stdout.write(`${countLine(found.hits.length, found.total, 'matching articles', `No articles match “${q}”.`)}\n`);
        if (found.facets) for (const line of facetLines(found.facets)) process.stdout.write(`${line}\n`);
      }),
    );

  const quotes = cli
    .command('quotes')
    .description('attributions across the corpus (who said what, when, through which outlets), newest articles first')
    .addOption(dbOption())
    .option('--speaker <name>', 'only speakers whose name contains this (any case)')
    .option('--via <outlet>', 'only quotes that came through an outlet whose name contains this (any case): one the article names, or the article\'s own outlet, which ends every chain')
    .option('--doc <id>', 'only the quotes of one article (a unique id prefix is enough)')
    .addOption(limitOption('how many', 50))
    .addOption(offsetOption())
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV, one row per quote (date, speaker, outlets, kind, cue, words, article): every matching quote unless --limit is given')
    .addOption(
      new Option('--sort <key>', `the order of the whole list: ${QUOTE_SORT_KEYS.join(', ')} (the article's outlet), a leading "-" for descending; the articles newest first unless given`).choices(sortChoices(QUOTE_SORT_KEYS)),
    )
    .addHelpText('after', '\nEach quote\'s date is its article\'s publication date, or the day its own sentence names, marked "(sentence)".')
    .action(async (flags: { db: string; speaker?: string; via?: string; doc?: string; limit: number; offset: number; json?: boolean; csv?: boolean; sort?: QuoteSort }) => {
      if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
      if (flags.csv) {
        const store = openSqliteStore(flags.db, { readonly: true });
        try {
          await writeLines(quotesCsvLines(store, { speaker: flags.speaker, via: flags.via, doc: flags.doc, sort: flags.sort, ...exportWindow(quotes, flags) }));
        } finally {
          store.close();
        }
        return;
      }
      withStore(flags.db, { readonly: true }, (store) => {
        const page = store.quotes({ speaker: flags.speaker, via: flags.via, doc: flags.doc, sort: flags.sort, limit: flags.limit, offset: flags.offset });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const q of page.quotes) process.stdout.write(`${quoteLine(q, !flags.doc)}\n`);
        const filtered = flags.speaker || flags.via || flags.doc;
        process.stdout.write(`${countLine(page.quotes.length, page.total, 'quotes', filtered ? 'No quotes match.' : 'No quotes stored.')}\n`);
      });
    });

  cli
    .command('export')
    .description('export every article with all its layers and offsets, or the corpus entities, stories or events (schema: docs/export-schema.md)')
    .addOption(dbOption())
    .addOption(
      new Option('--format <format>', 'jsonl: articles; entities, stories, events, corpus-events: corpus entities, stories, event reports or real-world events (reports folded), one JSON line each (events as CSV: dossier events --csv)')
        .choices(['jsonl', 'entities', 'stories', 'events', 'corpus-events'])
        .default('jsonl'),
    )
    .action(async (flags: { db: string; format: 'jsonl' | 'entities' | 'stories' | 'events' | 'corpus-events' }) => {
      const store = openSqliteStore(flags.db, { readonly: true });
      try {
        if (flags.format === 'jsonl') process.stderr.write(`exported ${await exportJsonl(store, writeOut)} articles\n`);
        else process.stderr.write(`exported ${await exportCorpusJsonl(store, flags.format, writeOut)} ${flags.format}\n`);
      } finally {
        store.close();
      }
    });

  addCorpusCommands(cli);

  cli
    .command('serve')
    .description('serve the web page and the HTTP API')
    .addOption(dbOption())
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(portOption())
    .option('--workers <n>', "worker threads for the page's ingest, started at its first run and kept (default: 1, in the server's thread)", workerCount)
    .addHelpText('after', '\nStops on Ctrl+C (SIGINT) or SIGTERM.')
    .action((flags: { db: string; host: string; port: number; workers?: number }) => serveUntilStopped(flags.db, flags.host, flags.port, parent, flags.workers));

  cli
    .command('demo')
    .description('ingest the bundled sample corpus, then serve it')
    .addOption(dbOption())
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(portOption())
    .addHelpText('after', '\nStops on Ctrl+C (SIGINT) or SIGTERM, and when run by npm, when npm goes away.')
    .action(async (flags: { db: string; host: string; port: number }) => {
      await runIngest([SAMPLE_DIR], { db: flags.db });
      await serveUntilStopped(flags.db, flags.host, flags.port, parent);
    });

  return cli;
}

/**
 * What the user sees of an error, and the exit code: one line each, never a stack trace.
 * Usage errors (commander's, a bad value, id, query or database) exit 2; help and --version
 * exit 0; anything else is a defect of Dossier and exits 1, with its stack only under
 * DOSSIER_DEBUG=1.
 */
function reportError(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE_EXIT; // commander printed it
  if (e instanceof FilterError) {
    process.stderr.write(`dossier: --${e.filter}: ${e.message}\n`);
    return USAGE_EXIT;
  }
  if (e instanceof ArticleIdError) {
    process.stderr.write(`dossier: ${e.message}${e.code === 'not-found' ? ' (see "dossier ls")' : ''}\n`);
    return USAGE_EXIT;
  }
  if (e instanceof UsageError || e instanceof StoreError || e instanceof QueryError || e instanceof IngestError || e instanceof ListenError) {
    process.stderr.write(`dossier: ${e.message}\n`);
    return USAGE_EXIT;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`dossier: unexpected error: ${message} (a defect of Dossier; DOSSIER_DEBUG=1 shows where it happened)\n`);
  if (process.env.DOSSIER_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return 1;
}

/** Runs the command line; user errors print one clear line and set exit code 2. */
export async function main(argv: string[] = process.argv): Promise<void> {
  const parent = parentToWatch();
  // `dossier ls | head` closes the pipe early: that is the reader's choice, not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await program({ parent }).parseAsync(argv);
  } catch (e) {
    process.exitCode = reportError(e);
  }
}
