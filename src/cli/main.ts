import { Command, Option } from 'commander';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { exportJsonl } from '../export/jsonl.ts';
import { IngestError } from '../ingest/ingest-error.ts';
import { DEFAULT_FETCH_LIMITS } from '../ingest/fetch-url.ts';
import type { IngestOptions } from '../ingest/ingest.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../ingest/limits.ts';
import { startServer } from '../serve/server.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { ArticleIdError, QueryError, StoreError, resolveArticleId, type Store } from '../store/store.ts';
import { progressBar } from './progress.ts';
import { articleLine, entityLine, hitLines, ingestReport, quoteLine, showArticle } from './render.ts';

/** The sample corpus shipped with Dossier. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));
const DEFAULT_DB = 'dossier.db';
const DEFAULT_PORT = 8700;
const MIB = 1024 * 1024;

/** A problem the user can fix; printed without a stack trace. */
class UsageError extends Error {}

function dbOption(): Option {
  return new Option('--db <path>', 'database file').default(DEFAULT_DB);
}

function withStore<T>(path: string, readonly: boolean, fn: (store: Store) => T): T {
  const store = openSqliteStore(path, { readonly });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(value)}`);
    return n;
  };
}

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
}

async function runIngest(inputs: string[], flags: IngestFlags): Promise<number> {
  // the pipeline loads its models on import: only the commands that process articles pay for it
  const { ingest } = await import('../ingest/ingest.ts');
  const store = openSqliteStore(flags.db);
  const bar = flags.json ? undefined : progressBar();
  try {
    const options: IngestOptions = {
      force: flags.force ?? false,
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
    }
    return summary.failed.length ? 1 : 0;
  } finally {
    bar?.done();
    store.close();
  }
}

async function serveUntilStopped(db: string, host: string, port: number): Promise<void> {
  const store = openSqliteStore(db, { readonly: true });
  const server = await startServer(store, { host, port });
  process.stdout.write(`Dossier is serving ${store.count()} articles from ${db} at ${server.url}\nPress Ctrl+C to stop.\n`);
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await server.close();
  store.close();
}

/** The `dossier` command line, as a commander program (exported for tests). */
export function program(): Command {
  const cli = new Command('dossier')
    .description('Turn a pile of news articles into a clean, sourced record of a developing story.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });

  cli
    .command('ingest')
    .description('ingest files, folders, globs, URLs, files listing URLs, or - for standard input')
    .argument('<inputs...>', 'what to ingest')
    .addOption(dbOption())
    .option('--force', 'process again articles whose content is already stored')
    .option('--json', 'print the summary as JSON')
    .option('--timeout <seconds>', `time limit for each URL (default: ${DEFAULT_FETCH_LIMITS.timeoutMs / 1000})`, positiveInt('--timeout'))
    .option('--max-article-mb <mb>', `largest article to accept (default: ${DEFAULT_MAX_ARTICLE_BYTES / MIB})`, positiveInt('--max-article-mb'))
    .addHelpText('after', '\nFormats: .txt .md .html .htm .json .jsonl .ndjson, RSS/Atom feeds (.xml .rss .atom), lists of URLs.\nExit code 1 when any input failed; everything else is kept.')
    .action(async (inputs: string[], flags: IngestFlags) => {
      process.exitCode = await runIngest(inputs, flags);
    });

  cli
    .command('ls')
    .description('list stored articles, newest first')
    .addOption(dbOption())
    .option('--limit <n>', 'how many', positiveInt('--limit'), 50)
    .option('--offset <n>', 'skip this many', positiveInt('--offset'), 0)
    .option('--failures', 'list the inputs that failed instead')
    .option('--json', 'print JSON')
    .action((flags: { db: string; limit: number; offset: number; json?: boolean; failures?: boolean }) =>
      withStore(flags.db, true, (store) => {
        if (flags.failures) {
          const failures = store.failures();
          if (flags.json) process.stdout.write(`${JSON.stringify(failures, null, 2)}\n`);
          else for (const f of failures) process.stdout.write(`${f.failedAt}  ${f.code}  ${f.reason}\n`);
          return;
        }
        const page = store.list({ limit: flags.limit, offset: flags.offset });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const a of page.articles) process.stdout.write(`${articleLine(a)}\n`);
        process.stdout.write(`${page.articles.length} of ${page.total} articles\n`);
      }),
    );

  cli
    .command('show')
    .description('show one article: metadata, structure, names, quotes, text, removed parts and messages')
    .argument('<id>', 'article id (a unique prefix is enough)')
    .addOption(dbOption())
    .option('--no-text', 'leave out the cleaned text')
    .option('--json', 'print the article with all its layers as JSON')
    .action((id: string, flags: { db: string; text: boolean; json?: boolean }) =>
      withStore(flags.db, true, (store) => {
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
      withStore(flags.db, false, (store) => {
        const found = [...new Set(ids.map((id) => resolveArticleId(store, id)))];
        const titles = found.map((id) => store.get(id)?.meta.title ?? null);
        for (const id of found) store.remove(id);
        if (flags.json) return void process.stdout.write(`${JSON.stringify({ removed: found }, null, 2)}\n`);
        found.forEach((id, i) => process.stdout.write(`removed ${id}  ${titles[i] ?? '(untitled)'}\n`));
        process.stdout.write(`${found.length} ${found.length === 1 ? 'article' : 'articles'} removed, ${store.count()} left\n`);
      }),
    );

  cli
    .command('search')
    .description('full-text search over titles and cleaned text (SQLite FTS5 syntax: "a phrase", AND, OR, NOT, prefix*)')
    .argument('<query...>', 'what to look for')
    .addOption(dbOption())
    .option('--limit <n>', 'how many results', positiveInt('--limit'), 20)
    .option('--json', 'print JSON')
    .action((query: string[], flags: { db: string; limit: number; json?: boolean }) =>
      withStore(flags.db, true, (store) => {
        const found = store.search(query.join(' '), { limit: flags.limit });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        for (const h of found.hits) process.stdout.write(`${hitLines(h)}\n`);
        process.stdout.write(`${found.hits.length} of ${found.total} matching articles\n`);
      }),
    );

  cli
    .command('entities')
    .description('names across the corpus (most mentioned first), or the entities of one article with --doc')
    .addOption(dbOption())
    .addOption(new Option('--type <type>', 'only this entity type').choices(['PER', 'ORG', 'LOC', 'NORP', 'EVENT', 'MISC']))
    .option('--doc <id>', 'the entities of one article (a unique id prefix is enough)')
    .option('--limit <n>', 'how many', positiveInt('--limit'), 50)
    .option('--offset <n>', 'skip this many', positiveInt('--offset'), 0)
    .option('--json', 'print JSON')
    .action((flags: { db: string; type?: string; doc?: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, true, (store) => {
        const filter = flags.type ? { type: flags.type } : {};
        if (flags.doc) {
          const list = store.articleEntities(resolveArticleId(store, flags.doc), filter);
          if (flags.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          for (const e of list) process.stdout.write(`${entityLine(e)}\n`);
          return;
        }
        const page = store.entityCounts({ ...filter, limit: flags.limit, offset: flags.offset });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const e of page.entities) process.stdout.write(`${e.type.padEnd(5)} ${e.name.padEnd(36)} ${String(e.mentions).padStart(5)} mentions in ${e.articles} article(s)\n`);
        process.stdout.write(`${page.entities.length} of ${page.total} names\n`);
      }),
    );

  cli
    .command('quotes')
    .description('attributions across the corpus (who said what, through which outlets), newest articles first')
    .addOption(dbOption())
    .option('--speaker <name>', 'only speakers whose name contains this (any case)')
    .option('--via <outlet>', 'only quotes that came through an outlet whose name contains this (any case)')
    .option('--doc <id>', 'only the quotes of one article (a unique id prefix is enough)')
    .option('--limit <n>', 'how many', positiveInt('--limit'), 50)
    .option('--offset <n>', 'skip this many', positiveInt('--offset'), 0)
    .option('--json', 'print JSON')
    .action((flags: { db: string; speaker?: string; via?: string; doc?: string; limit: number; offset: number; json?: boolean }) =>
      withStore(flags.db, true, (store) => {
        const page = store.quotes({ speaker: flags.speaker, via: flags.via, doc: flags.doc, limit: flags.limit, offset: flags.offset });
        if (flags.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const q of page.quotes) process.stdout.write(`${quoteLine(q, !flags.doc)}\n`);
        process.stdout.write(`${page.quotes.length} of ${page.total} quotes\n`);
      }),
    );

  cli
    .command('export')
    .description('export every article with all its layers and offsets (schema: docs/export-schema.md)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .action(async (flags: { db: string }) => {
      const store = openSqliteStore(flags.db, { readonly: true });
      try {
        const n = await exportJsonl(store, async (line) => {
          if (!process.stdout.write(line)) await once(process.stdout, 'drain');
        });
        process.stderr.write(`exported ${n} articles\n`);
      } finally {
        store.close();
      }
    });

  cli
    .command('serve')
    .description('serve the web page and the HTTP API')
    .addOption(dbOption())
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', positiveInt('--port'), DEFAULT_PORT)
    .action((flags: { db: string; host: string; port: number }) => serveUntilStopped(flags.db, flags.host, flags.port));

  cli
    .command('demo')
    .description('ingest the bundled sample corpus, then serve it')
    .addOption(dbOption())
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', positiveInt('--port'), DEFAULT_PORT)
    .action(async (flags: { db: string; host: string; port: number }) => {
      await runIngest([SAMPLE_DIR], { db: flags.db });
      await serveUntilStopped(flags.db, flags.host, flags.port);
    });

  return cli;
}

/** Runs the command line; user errors print one clear line and set exit code 2. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // `dossier ls | head` closes the pipe early: that is the reader's choice, not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await program().parseAsync(argv);
  } catch (e) {
    if (e instanceof ArticleIdError) {
      process.stderr.write(`dossier: ${e.message}${e.code === 'not-found' ? ' (see "dossier ls")' : ''}\n`);
      process.exitCode = 2;
      return;
    }
    if (e instanceof UsageError || e instanceof StoreError || e instanceof QueryError || e instanceof IngestError) {
      process.stderr.write(`dossier: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}
