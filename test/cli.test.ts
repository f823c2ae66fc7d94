// The command line as a user meets it: each case spawns a real process (TypeScript through
// tsx) and checks its exit code, standard output and standard error.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { CommanderError } from 'commander';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { program } from '../src/cli/main.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { articleWithEvents, meetingReport } from './support/event-fixture.ts';
import { assertNoStack, CLI_MAIN, dossier, finished, TSX_LOADER, type Run } from './support/dossier-process.ts';
import { spawn } from 'node:child_process';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(REPO, 'sample');
/** Three sample articles: plain text with repeated blocks, plain text, and an HTML page. */
const CORPUS_FILES = ['basinwatch-truce-72-hours.txt', 'brena-river-rises.txt', 'halvikpost-talks-open.html'];
const SUMMARY_LINE = /^ingested (\d+), skipped (\d+) as duplicates, failed (\d+) \(/m;

function summaryOf(run: Run): { ingested: number; skipped: number; failed: number } {
  const m = SUMMARY_LINE.exec(run.stdout);
  assert.ok(m, `no summary line in:\n${run.stdout}\n${run.stderr}`);
  return { ingested: Number(m[1]), skipped: Number(m[2]), failed: Number(m[3]) };
}

/** Runs `read` on the database opened read-only, and closes it. */
function readStore<T>(db: string, read: (store: Store) => T): T {
  const store = openSqliteStore(db, { readonly: true });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

function countIn(db: string): number {
  return readStore(db, (store) => store.count());
}

/** A short article; `n` makes its content unique. */
function smallArticle(n: number): string {
  return `Lorvane market report ${n}\n\nTraders in Lorvane said on Monday that grain prices rose by ${n + 2} percent after the floods. The harbour master expects ${n * 3 + 10} ships this week.\n`;
}

let tmp: string;
/** Sample articles with structure, removed parts and messages, for the reading commands. */
let corpus: string;
/** Three short articles: the ingest tests exercise the command, not the pipeline. */
let small: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  corpus = join(tmp, 'corpus');
  mkdirSync(corpus);
  for (const f of CORPUS_FILES) copyFileSync(join(SAMPLE, f), join(corpus, f));
  small = join(tmp, 'small');
  mkdirSync(small);
  for (const n of [1, 2, 3]) writeFileSync(join(small, `report-${n}.txt`), smallArticle(n));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Runs the commander program in this process and returns what it printed: help output is
 * commander's own, so a process per command would only add start-up time.
 */
function helpOf(args: string[]): { code: number; out: string } {
  const cli = program();
  let out = '';
  for (const command of [cli, ...cli.commands]) {
    command.exitOverride().configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (out += s) });
  }
  try {
    cli.parse(['node', 'dossier', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode, out };
    throw e;
  }
  assert.fail(`dossier ${args.join(' ')} did not exit after printing help`);
}

describe('--help', () => {
  const OPTIONS: Record<string, string[]> = {
    ingest: ['<inputs...>', '--db <path>', '--force', '--json', '--timeout <seconds>', '--max-article-mb <mb>', '--workers <n>', 'Exit code 1'],
    ls: ['--db <path>', '--limit <n>', '--offset <n>', '--from <day>', '--to <day>', 'no date', '--failures', '--json'],
    show: ['<id>', '--db <path>', '--no-text', '--json'],
    search: ['<query...>', '--db <path>', '--limit <n>', '--from <day>', '--to <day>', 'no date', '--json'],
    quotes: ['--db <path>', '--speaker <name>', '--via <outlet>', '--doc <id>', '--limit <n>', '--offset <n>', '--json', '--csv'],
    events: ['--db <path>', '--type <type>', '--actor <name>', '--entity <id>', '--country <code>', '--doc <id>', '--from <day>', '--to <day>', '--limit <n>', '--json', '--csv'],
    export: ['--db <path>', '--format <format>', 'jsonl'],
    serve: ['--db <path>', '--host <host>', '--port <port>', '--workers <n>'],
    demo: ['--db <path>', '--host <host>', '--port <port>'],
  };
  for (const [command, options] of Object.entries(OPTIONS)) {
    test(`${command} --help describes the command and its options`, () => {
      const { code, out } = helpOf([command, '--help']);
      assert.equal(code, 0);
      assert.match(out, new RegExp(`^Usage: dossier ${command} \\[options\\]`));
      assert.match(out, /^ {2}-h, --help /m);
      for (const option of options) assert.ok(out.includes(option), `${command} --help should mention ${option}:\n${out}`);
    });
  }

  test('every command, including ones added later, has help with its usage and description', () => {
    for (const command of program().commands) {
      const { code, out } = helpOf([command.name(), '--help']);
      assert.equal(code, 0, command.name());
      assert.match(out, new RegExp(`^Usage: dossier ${command.name()} `), out);
      // commander wraps long descriptions to the terminal width
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      assert.ok(flat(out).includes(flat(command.description())), `${command.name()} --help shows its description:\n${out}`);
    }
  });

  test('dossier --help, as a process, lists every command and exits 0', async () => {
    const run = await dossier(['--help']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Usage: dossier \[options\] \[command\]/);
    for (const command of Object.keys(OPTIONS)) assert.match(run.stdout, new RegExp(`^ {2}${command} `, 'm'));
  });
});

describe('usage errors', () => {
  test('every command, including ones added later, exits 2 on an unknown option or a bad value: one message, no stack trace', async () => {
    const cases: string[][] = [[], ['no-such-command']];
    for (const command of program().commands) {
      const args = [command.name(), ...command.registeredArguments.filter((a) => a.required).map(() => 'x')];
      cases.push([...args, '--no-such-option']);
      if (!command.registeredArguments.some((a) => a.variadic)) cases.push([...args, 'one-argument-too-many', 'and-another']);
      // every option that checks its value (numbers, choices) gets one it must refuse
      for (const option of command.options) if (option.parseArg && option.long) cases.push([...args, option.long, 'not-a-value']);
    }
    assert.ok(cases.some((c) => c[0] === 'export' && c.includes('--format')) && cases.some((c) => c[0] === 'serve' && c.includes('--port')), 'the walk reaches --format and --port');
    // one process runs them all: each is a parse error, over before any command's work begins
    const script = `
      const { main } = await import(${JSON.stringify(CLI_MAIN)});
      process.stdout.setMaxListeners(0);
      const codes = [];
      for (const args of ${JSON.stringify(cases)}) {
        process.stderr.write('@@case\\n');
        process.exitCode = undefined;
        await main(['node', 'dossier', ...args]);
        codes.push(process.exitCode ?? 0);
      }
      process.exitCode = 0;
      process.stdout.write('@@codes ' + JSON.stringify(codes) + '\\n');`;
    // in a folder of its own: a case that ran by mistake must not write ./dossier.db anywhere else
    const cwd = join(tmp, 'usage-errors');
    mkdirSync(cwd);
    const child = spawn(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', script], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdin.end();
    const run = await finished(child);
    assert.equal(run.code, 0, run.stderr);
    const m = /^@@codes (.*)$/m.exec(run.stdout);
    assert.ok(m, run.stdout + run.stderr);
    assert.equal(run.stdout, m[0] + '\n', 'usage errors print nothing on standard output');
    const codes = JSON.parse(m[1]) as number[];
    const messages = run.stderr.split('@@case\n').slice(1);
    assert.equal(messages.length, cases.length);
    assert.equal(existsSync(join(cwd, 'dossier.db')), false, 'no case got as far as opening a database');
    cases.forEach((args, i) => {
      const what = `dossier ${args.join(' ')}`;
      assert.equal(codes[i], 2, `${what} exits 2:\n${messages[i]}`);
      assert.match(messages[i], /^(?:error: |dossier: |Usage: dossier )/, `${what} says what is wrong:\n${messages[i]}`);
      assertNoStack({ stderr: messages[i] });
    });
  });

  test('--help and --version still exit 0', async () => {
    const version = await dossier(['--version']);
    assert.deepEqual([version.code, version.stdout, version.stderr], [0, '0.1.0\n', '']);
    const help = await dossier(['ls', '--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: dossier ls/);
  });
});

describe('ingest', { concurrency: true }, () => {
  test('prints the summary and exits 0; a second run skips everything; --force processes again', async () => {
    const db = join(tmp, 'ingest.db');
    const first = await dossier(['ingest', small, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(summaryOf(first), { ingested: 3, skipped: 0, failed: 0 });
    assert.equal(countIn(db), 3);

    const again = await dossier(['ingest', small, '--db', db]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(summaryOf(again), { ingested: 0, skipped: 3, failed: 0 });

    const forced = await dossier(['ingest', small, '--db', db, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(summaryOf(forced), { ingested: 3, skipped: 0, failed: 0 });
    assert.equal(countIn(db), 3, 'replaced, not duplicated');
  });

  test('rm deletes articles by id prefix with their names and quotes; an unknown id deletes nothing', async () => {
    const db = join(tmp, 'rm.db');
    assert.equal((await dossier(['ingest', small, '--db', db])).code, 0);
    const [first, second, third] = readStore(db, (store) => store.list().articles.map((a) => a.id));
    const refused = await dossier(['rm', first.slice(0, 8), 'zzzz', '--db', db]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'dossier: no article with id "zzzz" (see "dossier ls")\n');
    assert.equal(countIn(db), 3, 'nothing deleted when one id is unknown');

    const run = await dossier(['rm', first.slice(0, 8), second, '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^removed ${first}  Lorvane market report \\d$`, 'm'));
    assert.match(run.stdout, /^2 articles removed, 1 left$/m);
    readStore(db, (store) => {
      assert.deepEqual(store.list().articles.map((a) => a.id), [third]);
      assert.equal(store.search('Lorvane').total, 1);
      assert.ok(store.corpus.listEntities({ withJunk: true, limit: 1000 }).entities.every((e) => e.articles === 1), 'the removed articles left the corpus entities');
    });
    const back = await dossier(['ingest', small, '--db', db]);
    assert.deepEqual(summaryOf(back), { ingested: 2, skipped: 1, failed: 0 }, 'ingesting again brings them back');
  });

  test('--json prints the summary as parsable JSON', async () => {
    const db = join(tmp, 'json.db');
    const run = await dossier(['ingest', small, '--db', db, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as { ingested: number; skipped: number; failed: unknown[]; ids: string[]; seconds: number; processingSeconds: number };
    assert.equal(summary.ingested, 3);
    assert.ok(summary.processingSeconds > 0 && summary.processingSeconds < summary.seconds, `processing ${summary.processingSeconds} s of ${summary.seconds} s`);
    assert.equal(summary.skipped, 0);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.ids.length, 3);
  });

  test('an input that fails: exit code 1, the failure listed, the good inputs kept', async () => {
    const db = join(tmp, 'failing.db');
    const missing = join(tmp, 'no-such-article.txt');
    const binary = join(tmp, 'scan.txt');
    writeFileSync(binary, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0)]));
    const run = await dossier(['ingest', small, missing, binary, '--db', db]);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(summaryOf(run), { ingested: 3, skipped: 0, failed: 2 });
    assert.match(run.stdout, new RegExp(`^  failed: ${escape(missing)}: no such file`, 'm'));
    assert.match(run.stdout, new RegExp(`^  failed: ${escape(binary)}: looks like a PDF document`, 'm'));
    assertNoStack(run);
    assert.equal(countIn(db), 3);

    const listed = await dossier(['ls', '--failures', '--db', db]);
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trim().split('\n');
    assert.equal(lines.length, 3, listed.stdout);
    assert.equal(lines[2], '2 of 2 failed inputs');
    assert.ok(lines.some((l) => l.includes('not-found') && l.includes(missing)), listed.stdout);
    assert.ok(lines.some((l) => l.includes('binary') && l.includes(binary)), listed.stdout);
  });

  test('- reads one article from standard input', async () => {
    const db = join(tmp, 'stdin.db');
    const text = 'Lorvane ferry service resumes\n\nThe ferry between Lorvane and Ostmar resumed on Sunday after a week of storms, the operator said. Tickets bought for cancelled crossings will be refunded.\n';
    const run = await dossier(['ingest', '-', '--db', db], { input: text });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(summaryOf(run), { ingested: 1, skipped: 0, failed: 0 });
    readStore(db, (store) => {
      const [article] = store.list().articles;
      assert.equal(article.source, '-');
      assert.ok(store.get(article.id)?.text.includes('The ferry between Lorvane and Ostmar resumed'));
    });
  });

  test('into a read-only database: one clear line, exit code 2, nothing lost', async () => {
    const db = join(tmp, 'read-only.db');
    await seed(db, [join(small, 'report-1.txt')]);
    makeReadOnly(db);
    const run = await dossier(['ingest', join(small, 'report-2.txt'), '--db', db]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^dossier: .*read-only/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assertNoStack(run);
    assert.equal(countIn(db), 1);
  });

  test(
    'into a read-only database with a failing input: still one clear line and exit code 2',
    async () => {
      const db = join(tmp, 'read-only-2.db');
      await seed(db, [join(small, 'report-1.txt')]);
      makeReadOnly(db);
      const run = await dossier(['ingest', join(tmp, 'no-such-article.txt'), join(small, 'report-2.txt'), '--db', db]);
      assertNoStack(run);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /^dossier: .*read-only/);
    },
  );
});

/** An article whose attributions no reading can miss: one plain, one through an outlet. */
const QUOTED_ARTICLE =
  'Envoy stays in Halvik\n\n“We will not retreat,” said Henrik Solvane.\n\n“The dam stays open,” Ilse Brandoch told the Meridian Wire on Tuesday.\n\nThe talks resume on Friday.\n';

describe('quotes', { concurrency: true }, () => {
  let db: string;
  let quotedId: string;

  before(async () => {
    const dir = join(tmp, 'quoted');
    mkdirSync(dir);
    writeFileSync(join(dir, 'envoy-stays.txt'), QUOTED_ARTICLE);
    copyFileSync(join(small, 'report-1.txt'), join(dir, 'report-1.txt'));
    db = join(tmp, 'quotes.db');
    await seed(db, [dir]);
    quotedId = readStore(db, (store) => store.list().articles.find((a) => a.source?.endsWith('envoy-stays.txt'))!.id);
  });

  test('quotes lists speakers, outlets, kinds and texts, one line each, and a count', async () => {
    const run = await dossier(['quotes', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    const m = /^(\d+) of (\d+) quotes$/.exec(lines.at(-1) ?? '');
    assert.ok(m && Number(m[1]) === lines.length - 1 && Number(m[1]) >= 2, run.stdout);
    const solvane = lines.find((l) => l.includes('Henrik Solvane'));
    assert.ok(solvane, run.stdout);
    // the article has no date, and no sentence names a day
    assert.match(solvane, new RegExp(`^${quotedId.slice(0, 8)}  -{10}  Henrik Solvane  \\[(direct|mixed|partial|indirect)\\]  .*We will not retreat`));
    assert.match(run.stdout, /^\S+  -{10}  Ilse Brandoch · via [^\n]*Meridian Wire[^\n]*  \[\w+\]  .*The dam stays open/m);
  });

  test('quotes --sort orders the whole list by speaker, date or outlet, a leading "-" the other way round', async () => {
    const speakers = async (sort: string) => {
      const run = await dossier(['quotes', '--json', '--sort', sort, '--db', db]);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as { quotes: Array<{ speaker: string }> }).quotes.map((q) => q.speaker);
    };
    const known = (names: string[]) => names.filter(Boolean).map((n) => n.toLowerCase());
    const ascending = await speakers('speaker');
    assert.ok(known(ascending).length >= 2, ascending.join(', '));
    assert.deepEqual(known(ascending), [...known(ascending)].sort());
    assert.deepEqual(known(await speakers('-speaker')), [...known(ascending)].reverse());
    assert.ok(ascending.indexOf('') === -1 || ascending.slice(ascending.indexOf('')).every((n) => n === ''), 'unknown speakers last');
    const bad = await dossier(['quotes', '--sort', 'type', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Allowed choices are date, speaker, outlet, -date, -speaker, -outlet/);
  });

  test('--speaker, --via and --doc filter; --json prints the rows with their spans', async () => {
    const bySpeaker = await dossier(['quotes', '--speaker', 'solvane', '--json', '--db', db]);
    assert.equal(bySpeaker.code, 0, bySpeaker.stderr);
    const found = JSON.parse(bySpeaker.stdout) as { total: number; quotes: { articleId: string; speaker: string; via: string[]; content: string; spans: { content: { start: number; end: number } } }[] };
    assert.ok(found.total >= 1 && found.quotes.every((q) => q.speaker === 'Henrik Solvane'), bySpeaker.stdout);
    const q = found.quotes[0];
    assert.equal(q.articleId, quotedId);
    assert.equal(QUOTED_ARTICLE.slice(q.spans.content.start, q.spans.content.end), q.content);

    const byVia = await dossier(['quotes', '--via', 'MERIDIAN', '--db', db]);
    assert.equal(byVia.code, 0, byVia.stderr);
    assert.match(byVia.stdout, /Ilse Brandoch · via /);
    assert.doesNotMatch(byVia.stdout, /Henrik Solvane/);

    const byDoc = await dossier(['quotes', '--doc', quotedId.slice(0, 6), '--limit', '1', '--db', db]);
    assert.equal(byDoc.code, 0, byDoc.stderr);
    const lines = byDoc.stdout.trim().split('\n');
    assert.equal(lines.length, 2, byDoc.stdout);
    assert.ok(!lines[0].startsWith(quotedId.slice(0, 8)), 'one article: no id column');
    assert.match(lines[1], /^1 of [2-9]\d* quotes$/);
  });

  test('quotes --csv prints every matching quote as a CSV row with its chain of outlets', async () => {
    const run = await dossier(['quotes', '--csv', '--speaker', 'brandoch', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.split('\r\n');
    assert.equal(rows[0], 'date,date_from,speaker,speaker_how,via,kind,cue,content,article_id,article_title,outlet,content_start,content_end');
    assert.equal(rows.at(-1), '', 'every line ends with CRLF');
    assert.ok(rows.length >= 3, run.stdout);
    assert.match(rows[1], new RegExp(`^[^,]*,[^,]*,Ilse Brandoch,named,[^,]*Meridian Wire[^,]*,\\w+,told,"?“The dam stays open,”"?,${quotedId},`));
    assert.equal((await dossier(['quotes', '--csv', '--json', '--db', db])).stderr, 'dossier: choose one of --json and --csv\n');
  });

  test('quotes --doc with an unknown id: one clear line, exit code 2', async () => {
    const run = await dossier(['quotes', '--doc', 'zzzz', '--db', db]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'dossier: no article with id "zzzz" (see "dossier ls")\n');
    assert.equal(run.stdout, '');
  });

  test('show lists the article’s quotes', async () => {
    const run = await dossier(['show', quotedId.slice(0, 8), '--no-text', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^QUOTES: [1-9]\d*$/m);
    assert.match(run.stdout, /^ {2}\[\d+, \d+\) -{10}  Henrik Solvane  \[\w+\]  .*We will not retreat/m);
  });

  test('ingest processes again an article stored before quotes were kept', async () => {
    const old = join(tmp, 'before-quotes.db');
    await seed(old, [join(tmp, 'quoted', 'envoy-stays.txt')]);
    const raw = new Database(old);
    raw.exec("DELETE FROM quotes; DELETE FROM layers WHERE name = 'quotes'");
    raw.close();
    const run = await dossier(['ingest', join(tmp, 'quoted', 'envoy-stays.txt'), '--db', old]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(summaryOf(run), { ingested: 1, skipped: 0, failed: 0 });
    const listed = await dossier(['quotes', '--speaker', 'Solvane', '--db', old]);
    assert.match(listed.stdout, /Henrik Solvane/);
  });
});

describe('events', { concurrency: true }, () => {
  let db: string;
  let id: string;

  before(async () => {
    db = join(tmp, 'events.db');
    // events written by hand, so that the command is tested apart from the events stage
    const doc = articleWithEvents();
    const store = openSqliteStore(db);
    store.put(doc);
    store.close();
    id = doc.id;
  });

  test('events prints one readable line per event, the latest dated first, and a count', async () => {
    const run = await dossier(['events', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      `${id.slice(0, 8)}  0841  Korvath (KVR) — RETREAT, release → two prisoners, 2026-03-14 (the article's date)\n` +
        `${id.slice(0, 8)}  043   Henrik Solvane (KVR GOV) — CONSULT, third-party → Ilse Brandoch (HLV GOV), Skarholm, 2026-03-12\n2 of 2 events\n`,
    );
  });

  test('--type, --country, --actor, --from and --doc filter; --json prints rows; --csv every matching row', async () => {
    const lines = async (args: string[]) => {
      const run = await dossier(['events', ...args, '--db', db]);
      assert.equal(run.code, 0, run.stderr);
      return run.stdout.trim().split('\n');
    };
    assert.equal((await lines(['--type', 'CONSULT'])).length, 2);
    assert.match((await lines(['--country', 'hlv']))[0], /CONSULT/);
    assert.equal((await lines(['--actor', 'brandoch', '--from', '2026-03-13']))[0], 'No events match.');
    assert.match((await lines(['--doc', id.slice(0, 6), '--limit', '1']))[0], /^0841  Korvath/, 'one article: no id column');
    const json = JSON.parse((await dossier(['events', '--json', '--type', 'RETREAT', '--db', db])).stdout) as { total: number; events: { trigger: string; sentence: string }[] };
    assert.deepEqual([json.total, json.events[0].trigger, json.events[0].sentence], [1, 'released', 'Korvath released two prisoners, officials said.']);
    const csv = await dossier(['events', '--csv', '--db', db]);
    assert.equal(csv.code, 0, csv.stderr);
    const rows = csv.stdout.split('\r\n');
    assert.equal(rows.length, 4, 'a header, two events and the last line end');
    assert.match(rows[0], /^date,date_from,source,source_country,source_sector,type,mode,context,cameo,/);
    assert.match(rows[2], /^2026-03-12,timex,Henrik Solvane,KVR,GOV,CONSULT,third-party,,043,asserted,Ilse Brandoch,HLV,GOV,Skarholm,HLV,met,/);
  });

  test('events --sort orders the whole list by a key, a leading "-" the other way round; --fold takes the keys of real-world events', async () => {
    const triggers = async (args: string[]) => {
      const run = await dossier(['events', '--json', ...args, '--db', db]);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as { events: Array<{ trigger: string }> }).events.map((e) => e.trigger);
    };
    assert.deepEqual(await triggers([]), ['released', 'met'], 'the latest dated first');
    assert.deepEqual(await triggers(['--sort', 'date']), ['met', 'released']);
    assert.deepEqual(await triggers(['--sort', 'type']), ['met', 'released'], 'CONSULT before RETREAT');
    assert.deepEqual(await triggers(['--sort', '-type']), ['released', 'met']);
    assert.deepEqual(await triggers(['--sort', 'type', '--limit', '1', '--offset', '1']), ['released'], 'the order of the whole list, paged');
    const csv = await dossier(['events', '--csv', '--sort', 'date', '--db', db]);
    assert.deepEqual(csv.stdout.split('\r\n').slice(1, 3).map((row) => row.slice(0, 10)), ['2026-03-12', '2026-03-14']);
    const bad = await dossier(['events', '--sort', 'speaker', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /argument 'speaker' is invalid\. Allowed choices are date, type, outlet, reports, -date, -type, -outlet, -reports/);
    const folded = await dossier(['events', '--fold', '--sort', 'outlet', '--db', db]);
    assert.equal(folded.code, 2);
    assert.equal(folded.stderr, 'dossier: --sort outlet goes without --fold; with it, sort by date, type, reports\n');
    assertNoStack(folded);
  });

  test('events: a bad filter or unknown article is one clear line and exit code 2', async () => {
    for (const [args, message] of [
      [['--country', 'Russia'], 'dossier: --country takes a three-letter ISO 3166 code such as RUS, got "Russia"\n'],
      [['--doc', 'zzzz'], 'dossier: no article with id "zzzz" (see "dossier ls")\n'],
      [['--json', '--csv'], 'dossier: choose one of --json and --csv\n'],
      [['--from', '2026-03-20', '--to', '2026-03-01'], 'dossier: --from 2026-03-20 is after --to 2026-03-01\n'],
    ] as const) {
      const run = await dossier(['events', ...args, '--db', db]);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr, message);
      assertNoStack(run);
    }
    const bad = await dossier(['events', '--type', 'MEET', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /argument 'MEET' is invalid/);
  });

  test('export --format events writes one JSON line per event', async () => {
    const run = await dossier(['export', '--format', 'events', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'exported 2 events\n');
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { schema: string; articleId: string; type: string; summary: string });
    assert.deepEqual(lines.map((e) => [e.schema, e.articleId, e.type]), [['dossier.event/1', id, 'RETREAT'], ['dossier.event/1', id, 'CONSULT']]);
  });

  test('once connected, entity lists the events its entity takes part in, and --entity filters by it', async () => {
    const connected = join(tmp, 'events-connected.db');
    copyFileSync(db, connected);
    assert.equal((await dossier(['connect', '--db', connected])).code, 0);
    const run = await dossier(['entity', 'Ilse Brandoch', '--db', connected]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Events as who acted or on whom \(1 of 1, the latest dated first\):\n {2}[0-9a-f]{8} {2}043 {3}Henrik Solvane \(KVR GOV\) — CONSULT, third-party → Ilse Brandoch \(HLV GOV\), Skarholm, 2026-03-12$/m);
    const id = /^id (e[0-9a-f]+) /m.exec(run.stdout)?.[1];
    assert.ok(id, run.stdout);
    const filtered = await dossier(['events', '--entity', id, '--db', connected]);
    assert.match(filtered.stdout, /CONSULT[^\n]*\n1 of 1 events\n$/);
  });

  test('events --fold lists one line per real-world event with its reports; event ID shows the reports, where they disagree and why they were joined', async () => {
    const folded = join(tmp, 'events-folded.db');
    const store = openSqliteStore(folded);
    const reports = [
      meetingReport('Envoy meets president\n\nHenrik Solvane met Miran Dastevi in Ostmar on Wednesday.', '2026-03-12', 'Meridian Wire', [
        { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place: 'Ostmar', stated: '2026-03-11' },
      ]),
      meetingReport('Talks in Ostmar\n\nHenrik Solvane held talks with Miran Dastevi in Ostmar on Thursday.', '2026-03-14', 'Ostmar Herald', [
        { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'held talks', place: 'Ostmar', stated: '2026-03-12' },
      ]),
    ];
    for (const r of reports) store.put(r);
    store.close();
    assert.equal((await dossier(['connect', '--db', folded])).code, 0);
    const run = await dossier(['events', '--fold', '--db', folded]);
    assert.equal(run.code, 0, run.stderr);
    const id = /^(v[0-9a-f]{12}\.0) {2}2026-03-11 – 2026-03-12 {2}CONSULT {5}2 reports from (Meridian Wire, Ostmar Herald|Ostmar Herald, Meridian Wire)$/m.exec(run.stdout)?.[1];
    assert.ok(id, run.stdout);
    assert.match(run.stdout, /\n1 of 1 events\n$/);
    // each report's line names its event
    assert.match((await dossier(['events', '--db', folded])).stdout, new RegExp(`\\[2 reports: ${id.replace('.', '\\.')}\\]$`, 'm'));
    const shown = await dossier(['event', id, '--db', folded]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /^id v[0-9a-f.]+ {2}2026-03-11 – 2026-03-12 \(as the reports state it\) {2}2 reports in 2 articles$/m);
    assert.match(shown.stdout, /^The reports disagree:\n {2}date: 2026-03-11 \(1 report\), 2026-03-12 \(1 report\)$/m);
    assert.match(shown.stdout, /^Joined because:\n {2}[0-9a-f]{8}#0 ~ [0-9a-f]{8}#0 {2}1\.20 {2}source same entity; target same entity; dates a day apart; same place Ostmar; disagree on date/m);
    const json = JSON.parse((await dossier(['event', id, '--json', '--db', folded])).stdout) as { reports: number; reportList: unknown[] };
    assert.deepEqual([json.reports, json.reportList.length], [2, 2]);
    const exported = await dossier(['export', '--format', 'corpus-events', '--db', folded]);
    assert.equal(exported.stderr, 'exported 1 corpus-events\n');
    assert.deepEqual(exported.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { schema: string; id: string }).schema), ['dossier.corpus-event/1']);
    // usage errors are one line, exit code 2
    for (const [args, message] of [
      [['event', 'v000', '--db', folded], 'dossier: no corpus event with id "v000" (see "dossier events --fold")\n'],
      [['events', '--fold', '--csv', '--db', folded], 'dossier: --csv writes one row per report; leave out --fold (each row names its corpus event)\n'],
      [['events', '--min-reports', '2', '--db', folded], 'dossier: --min-reports goes with --fold\n'],
    ] as const) {
      const bad = await dossier([...args]);
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stderr, message);
      assertNoStack(bad);
    }
    assert.equal((await dossier(['events', '--fold', '--min-reports', '3', '--db', folded])).stdout, 'No events match.\n');
    // the story of the two reports: its timeline, and what changed since a day
    const storyId = /^(s[0-9a-f]+) /m.exec((await dossier(['stories', '--db', folded])).stdout)?.[1];
    assert.ok(storyId);
    const story = await dossier(['story', storyId, '--since', '2026-03-12', '--db', folded]);
    assert.equal(story.code, 0, story.stderr);
    assert.match(story.stdout, /^Since 2026-03-12: 2 articles published, 1 event dated on it or after$/m);
    assert.match(story.stdout, /^Timeline \(1 event, by day; \* the articles' dates\):\n {2}2026-03-11 – 2026-03-12 +Henrik Solvane .*\[2 reports: v[0-9a-f.]+\]$/m);
    const badDay = await dossier(['story', storyId, '--since', 'yesterday', '--db', folded]);
    assert.equal(badDay.code, 2);
    assert.equal(badDay.stderr, 'dossier: --since must be a day written YYYY-MM-DD, got "yesterday"\n');
  });

  test('show lists the article’s events with their sentences', async () => {
    const run = await dossier(['show', id.slice(0, 8), '--no-text', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^EVENTS: 2$/m);
    assert.match(run.stdout, /^ {2}\[\d+, \d+\) 043   Henrik Solvane \(KVR GOV\) — CONSULT, third-party → Ilse Brandoch \(HLV GOV\), Skarholm, 2026-03-12\n {6}“Henrik Solvane met Ilse Brandoch in Skarholm on 2026-03-12\.”$/m);
  });
});

describe('dates', { concurrency: true }, () => {
  let db: string;
  const stored: Record<string, string> = {};

  before(async () => {
    const dir = join(tmp, 'dated');
    mkdirSync(dir);
    // JSON records carry their publication dates; the tagger finds the ISO dates in the text
    const records = {
      early: { title: 'Envoy named for Halvik talks', text: 'Orrenland named Henrik Solvane its envoy to the Halvik talks.', published: '2026-03-09' },
      truce: {
        title: 'Truce holds in Halvik',
        text: '“The guns fell silent,” Henrik Solvane said on 2026-03-12.\n\nThe Halvik talks resume on 2026-03-20, officials said.',
        published: '2026-03-14T09:30:00+01:00',
      },
      late: { title: 'Halvik framework signed', text: 'Both sides signed the Halvik framework in the afternoon.', published: '2026-03-17' },
      undated: { title: 'Halvik harbour notes', text: 'The harbour in Halvik reopened after the storm.' },
    };
    writeFileSync(join(dir, 'records.jsonl'), Object.values(records).map((r) => JSON.stringify(r)).join('\n'));
    db = join(tmp, 'dates.db');
    await seed(db, [dir]);
    readStore(db, (store) => {
      for (const a of store.list().articles) stored[Object.entries(records).find(([, r]) => r.title === a.title)![0]] = a.id;
    });
  });

  test('ls --from/--to lists the articles published in the range, both days included, and leaves out undated ones', async () => {
    const run = await dossier(['ls', '--from', '2026-03-10', '--to', '2026-03-14', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    assert.match(lines[0], new RegExp(`^${stored.truce}  2026-03-14  en  -  +Truce holds in Halvik`));
    assert.equal(lines[1], '1 of 1 articles');
    const open = await dossier(['ls', '--from', '2026-03-14', '--db', db]);
    assert.deepEqual(open.stdout.trim().split('\n').map((l) => l.slice(0, 16)), [stored.late, stored.truce, '2 of 2 articles']);
    const all = await dossier(['ls', '--db', db]);
    assert.match(all.stdout, /^4 of 4 articles$/m, 'without a range the undated article is listed');
    const none = await dossier(['ls', '--from', '2026-04-01', '--db', db]);
    assert.deepEqual([none.code, none.stdout], [0, 'No articles published in that range.\n']);
    const json = JSON.parse((await dossier(['ls', '--to', '2026-03-14', '--json', '--db', db])).stdout) as { total: number; articles: { id: string }[] };
    assert.deepEqual([json.total, json.articles.map((a) => a.id)], [2, [stored.truce, stored.early]]);
  });

  test('search --from/--to searches the articles published in the range', async () => {
    const all = await dossier(['search', 'Halvik', '--db', db]);
    assert.match(all.stdout, /^4 of 4 matching articles$/m);
    const run = await dossier(['search', 'Halvik', '--from', '2026-03-15', '--to', '2026-03-31', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^${stored.late}  2026-03-17 `, 'm'));
    assert.match(run.stdout, /^1 of 1 matching articles$/m);
  });

  test('a date that is not a day written YYYY-MM-DD, or a --from after the --to: one line, exit code 2', async () => {
    for (const [args, message] of [
      [['ls', '--from', '14.03.2026'], 'dossier: --from must be a day written YYYY-MM-DD, got "14.03.2026"\n'],
      [['ls', '--to', '2026-02-30'], 'dossier: --to must be a day written YYYY-MM-DD, got "2026-02-30"\n'],
      [['search', 'Halvik', '--from', 'yesterday'], 'dossier: --from must be a day written YYYY-MM-DD, got "yesterday"\n'],
      [['search', 'Halvik', '--from', '2026-03-17', '--to', '2026-03-14'], 'dossier: --from 2026-03-17 is after --to 2026-03-14\n'],
    ] as const) {
      const run = await dossier([...args, '--db', db]);
      assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', message], args.join(' '));
    }
  });

  test('show lists the dates in the text with their values; quotes show their dates and where they come from', async () => {
    const show = await dossier(['show', stored.truce.slice(0, 8), '--no-text', '--db', db]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /^DATES: 2$/m);
    assert.match(show.stdout, /^ {2}\[\d+, \d+\) DATE {6}2026-03-12  “2026-03-12”$/m);
    assert.match(show.stdout, /^ {2}\[\d+, \d+\) DATE {6}2026-03-20  “2026-03-20”$/m);
    const quotes = await dossier(['quotes', '--doc', stored.truce, '--db', db]);
    assert.equal(quotes.code, 0, quotes.stderr);
    assert.match(quotes.stdout, /^2026-03-12 \(sentence\)  Henrik Solvane .*The guns fell silent/m, 'the day its sentence names');
    assert.match(quotes.stdout, /^2026-03-14  \S.*The Halvik talks resume/m, "a day inside the quoted words does not count: the article's date");
  });
});

/** Ingests in-process: reading commands are what is under test, not this. */
async function seed(db: string, inputs: string[]): Promise<string[]> {
  const store = openSqliteStore(db);
  try {
    const summary = await ingest(store, inputs);
    assert.deepEqual(summary.failed, []);
    return summary.ids;
  } finally {
    store.close();
  }
}

/** Sets the SQLite header's write version above 2, so that SQLite opens the file read-only. */
function makeReadOnly(db: string): void {
  const fd = openSync(db, 'r+');
  try {
    writeSync(fd, Buffer.from([3]), 0, 1, 18);
  } finally {
    closeSync(fd);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('reading commands', { concurrency: true }, () => {
  let db: string;
  let ids: string[];
  let basinwatch: { id: string; removed: number; messages: string[] };

  before(async () => {
    db = join(tmp, 'read.db');
    ids = await seed(db, [corpus]);
    basinwatch = readStore(db, (store) => {
      const summary = store.list().articles.find((a) => a.source?.endsWith(CORPUS_FILES[0]));
      assert.ok(summary);
      const doc = store.get(summary.id);
      assert.ok(doc && doc.removed.length > 0 && doc.messages.length > 0, 'the test article has removed parts and messages');
      return { id: doc.id, removed: doc.removed.length, messages: doc.messages.map((m) => m.origin) };
    });
  });

  test('ls lists every article, one line each, and a count', async () => {
    const run = await dossier(['ls', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 4, run.stdout);
    assert.equal(lines[3], '3 of 3 articles');
    for (const id of ids) assert.equal(lines.filter((l) => l.startsWith(`${id}  `)).length, 1, `${id} in:\n${run.stdout}`);
  });

  test('show <prefix> prints the article with its structure, removed parts and messages', async () => {
    const prefix = basinwatch.id.slice(0, 6);
    assert.equal(ids.filter((id) => id.startsWith(prefix)).length, 1, 'the prefix is unique');
    const run = await dossier(['show', prefix, '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^id ${basinwatch.id}  format text`, 'm'));
    assert.match(run.stdout, /^STRUCTURE: \d+ blocks, [1-9]\d* sentences, [1-9]\d* tokens$/m);
    assert.match(run.stdout, /^TEXT$/m);
    assert.match(run.stdout, new RegExp(`^REMOVED: ${basinwatch.removed} part\\(s\\)$`, 'm'));
    assert.match(run.stdout, /^ {2}repeated-block \(raw \[\d+, \d+\)\)/m);
    assert.match(run.stdout, /^MESSAGES$/m);
    for (const origin of basinwatch.messages) assert.ok(run.stdout.includes(` ${origin}: `), `message from ${origin}`);
  });

  test('show with an unknown id: one clear line, exit code 2', async () => {
    const run = await dossier(['show', 'zzzz', '--db', db]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'dossier: no article with id "zzzz" (see "dossier ls")\n');
    assert.equal(run.stdout, '');
  });

  test('entities lists names across the corpus and the entities of one article', async () => {
    const all = await dossier(['entities', '--type', 'PER', '--db', db]);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^e[0-9a-f]+ +PER +\S.* +\d+ mentions in \d+ articles?, \d+ forms?$/m);
    assert.match(all.stdout, /^\d+ of \d+ entities$/m);
    assert.doesNotMatch(all.stdout, /^e[0-9a-f]+ +(ORG|LOC) /m, '--type filters');
    const one = await dossier(['entities', '--doc', basinwatch.id.slice(0, 8), '--json', '--db', db]);
    assert.equal(one.code, 0, one.stderr);
    const list = JSON.parse(one.stdout) as { total: number; entities: { articleId: string; name: string; mentions: number }[] };
    assert.ok(list.entities.length > 2 && list.entities.every((e) => e.articleId === basinwatch.id && e.mentions >= 1));
    assert.equal(list.total, list.entities.length);
    const two = await dossier(['entities', '--doc', basinwatch.id.slice(0, 8), '--limit', '2', '--db', db]);
    assert.equal(two.code, 0, two.stderr);
    assert.deepEqual(two.stdout.trim().split('\n').slice(2), [`2 of ${list.total} names`], 'the limit applies to one article too, and the count says so');
  });

  test('search finds articles and marks the hit words', async () => {
    const run = await dossier(['search', 'Tamsk', 'Dam', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const m = /^(\d+) of (\d+) matching articles$/m.exec(run.stdout);
    assert.ok(m, run.stdout);
    assert.ok(Number(m[1]) >= 1, run.stdout);
    assert.ok(run.stdout.includes(basinwatch.id), 'the Basin Watch article mentions the Tamsk Dam');
    assert.match(run.stdout, /»Tamsk«/);
  });

  test('a malformed query: one clear line on stderr, exit code 2, no stack trace', async () => {
    const run = await dossier(['search', '"unclosed', '--db', db]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0].startsWith('dossier: cannot search for '), lines[0]);
    assert.ok(lines[0].includes('"unclosed'), 'the message quotes the query');
    assertNoStack(run);
  });

  test('export --format jsonl prints one object per article, every span inside its text', async () => {
    const run = await dossier(['export', '--format', 'jsonl', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'exported 3 articles\n');
    assert.ok(run.stdout.endsWith('\n'));
    const lines = run.stdout.slice(0, -1).split('\n');
    assert.equal(lines.length, 3);
    const exported = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(exported.map((a) => a.id).sort(), [...ids].sort());
    let found = 0;
    for (const a of exported) {
      for (const field of ['schema', 'id', 'text', 'raw', 'blocks', 'sentences', 'tokens', 'mentions', 'entities', 'quotes', 'removed', 'map', 'messages', 'meta']) {
        assert.ok(field in a, `${String(a.id)} has ${field}`);
      }
      assert.equal(a.schema, 'dossier.article/1');
      const text = a.text as string;
      const raw = a.raw as string;
      const inText = (what: string, s: { start: number; end: number }) =>
        assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length, `${what} ${JSON.stringify(s)} outside text of ${text.length}`);
      const blocks = a.blocks as { start: number; end: number }[];
      const sentences = a.sentences as { start: number; end: number }[];
      const tokens = a.tokens as { start: number; end: number; pos: string }[];
      assert.ok(blocks.length > 0 && sentences.length > 0 && tokens.length > 0, `${String(a.id)} has layers`);
      for (const b of blocks) inText('block', b);
      for (const s of sentences) inText('sentence', s);
      for (const t of tokens) {
        inText('token', t);
        assert.ok(t.end > t.start && text.slice(t.start, t.end).trim() !== '', `token ${JSON.stringify(t)} is not white space`);
      }
      for (const e of a.entries as { start: number; end: number; headline: { start: number; end: number } | null }[]) {
        inText('entry', e);
        if (e.headline) inText('entry headline', e.headline);
      }
      const entities = a.entities as { name: string; mentions: number[] }[];
      (a.mentions as { start: number; end: number; entity: number }[]).forEach((m, i) => {
        inText('mention', m);
        assert.ok(entities[m.entity].mentions.includes(i), `mention ${i} belongs to its entity`);
      });
      type Span = { start: number; end: number };
      for (const q of a.quotes as { content: Span; cue: Span | null; source: Span | null; kind: string; speaker: { name: string; span: Span | null; how: string }; via: (Span & { name: string })[] }[]) {
        inText('quote content', q.content);
        for (const part of [q.cue, q.source, q.speaker.span]) if (part) inText('quote part', part);
        for (const v of q.via) inText('quote outlet', v);
        assert.ok(['direct', 'indirect', 'mixed', 'partial'].includes(q.kind) && typeof q.speaker.name === 'string', JSON.stringify(q));
      }
      for (const m of a.messages as { span?: { start: number; end: number } }[]) if (m.span) inText('message', m.span);
      for (const r of a.removed as { raw: { start: number; end: number } }[]) {
        assert.ok(0 <= r.raw.start && r.raw.start <= r.raw.end && r.raw.end <= raw.length, `removed ${JSON.stringify(r.raw)} outside raw`);
      }
      found += (a.mentions as unknown[]).length;
      for (const seg of a.map as { clean: number; raw: number; length: number; rawLength: number }[]) {
        assert.ok(seg.clean >= 0 && seg.clean + seg.length <= text.length, `map segment ${JSON.stringify(seg)} outside text`);
        assert.ok(seg.raw >= 0 && seg.raw + seg.rawLength <= raw.length, `map segment ${JSON.stringify(seg)} outside raw`);
      }
    }
    assert.ok(found > 10, 'the articles have names, and the export carries them');
    const withRemovals = exported.find((a) => a.id === basinwatch.id);
    assert.equal((withRemovals?.removed as unknown[]).length, basinwatch.removed);
  });

  test('ls --failures says so when nothing has failed', async () => {
    const run = await dossier(['ls', '--failures', '--db', db]);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, 'No input has failed.\n', '']);
    const json = await dossier(['ls', '--failures', '--json', '--db', db]);
    assert.deepEqual(JSON.parse(json.stdout), { total: 0, failures: [] });
  });

  test('ls and search take --outlet, --language, --story, --entity and --type; --facets counts their values over the whole result', async () => {
    type Facets = Record<'outlet' | 'language' | 'story' | 'entity' | 'type', { value: string; label: string | null; count: number }[]>;
    const listed = await dossier(['ls', '--facets', '5', '--limit', '1', '--json', '--db', db]);
    assert.equal(listed.code, 0, listed.stderr);
    const { total, facets } = JSON.parse(listed.stdout) as { total: number; facets: Facets };
    assert.equal(total, 3);
    const outlet = facets.outlet[0];
    const byOutlet = await dossier(['ls', '--outlet', outlet.value, '--db', db]);
    assert.equal(byOutlet.code, 0, byOutlet.stderr);
    assert.match(byOutlet.stdout, new RegExp(`^${outlet.count} of ${outlet.count} articles$`, 'm'));
    assert.equal(byOutlet.stdout.trim().split('\n').length, outlet.count + 1);

    // two filters on a search, and its facets as lines under the count, each after the option that chooses it
    const story = facets.story[0];
    const type = facets.type[0];
    const expected = readStore(db, (store) => store.search('Halvik', { story: story.value, type: type.value as 'CONSULT', limit: 1000 }).total);
    assert.ok(expected >= 1);
    const run = await dossier(['search', 'Halvik', '--story', story.value.slice(0, 7), '--type', type.value, '--facets', '3', '--db', db]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.ok(lines.includes(`${expected} of ${expected} matching articles`), run.stdout);
    assert.deepEqual(lines.slice(-5).map((l) => l.split(' ')[0]), ['--outlet', '--language', '--story', '--entity', '--type']);
    assert.match(lines.at(-3)!, new RegExp(`^--story +.* \\[${story.value}\\] \\(${expected}\\)$`));
    assert.match(lines.at(-1)!, new RegExp(`^--type +.*\\b${type.value} \\(${expected}\\)`));
    const entity = facets.entity[0];
    const both = await dossier(['ls', '--entity', entity.value, '--entity', facets.entity[1].value, '--json', '--db', db]);
    const bothTotal = (JSON.parse(both.stdout) as { total: number }).total;
    assert.ok(bothTotal <= Math.min(entity.count, facets.entity[1].count), 'two entities: the articles naming both');

    // a value that names nothing, or that is not one: one line, exit code 2
    for (const [args, message] of [
      [['ls', '--story', 'szzzz'], 'dossier: --story: no story with id "szzzz"\n'],
      [['search', 'Halvik', '--entity', 'e0000000'], 'dossier: --entity: no corpus entity with id "e0000000"\n'],
      [['ls', '--outlet', 'Nowhere Times'], 'dossier: --outlet: no article has the outlet "Nowhere Times" (outlets are matched as the articles write them)\n'],
      [['ls', '--entity', 'Solvane'], 'dossier: --entity must be a corpus entity id such as e1f0c3 (see "dossier entities"), got "Solvane"\n'],
      [['ls', '--facets', '101'], 'dossier: --facets must be at most 100, got 101\n'],
    ] as const) {
      const refused = await dossier([...args, '--db', db]);
      assert.deepEqual([refused.code, refused.stderr, refused.stdout], [2, message, ''], args.join(' '));
    }
    const badType = await dossier(['ls', '--type', 'consult', '--db', db]);
    assert.equal(badType.code, 2);
    assert.match(badType.stderr, /^dossier: --type must be one of AGREE, CONSULT, .*, got "consult"\n$/);
  });

  test('a search that finds nothing says so', async () => {
    const run = await dossier(['search', 'nothinglikethis', '--db', db]);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, 'No articles match “nothinglikethis”.\n', '']);
  });

  test('a limit over 1000 is refused with a message, as the API refuses it; 1000 itself is taken', async () => {
    for (const command of ['ls', 'entities', 'quotes']) {
      const run = await dossier([command, '--limit', '2000', '--db', db]);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stderr, 'dossier: --limit must be at most 1000, got 2000; page through with --offset\n');
      assert.equal(run.stdout, '');
    }
    const all = await dossier(['entities', '--limit', '1000', '--db', db]);
    assert.equal(all.code, 0, all.stderr);
    const m = /^(\d+) of (\d+) entities$/m.exec(all.stdout);
    assert.ok(m && m[1] === m[2], all.stdout.slice(-200));
  });

  test('rm --db on a missing file: the same message as every command, exit code 2, and no file created', async () => {
    const missing = join(tmp, 'rm-missing.db');
    const run = await dossier(['rm', ids[0], '--db', missing]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `dossier: ${missing}: no database here (run "dossier ingest" first, or pass --db PATH)\n`);
    for (const file of [missing, `${missing}-wal`, `${missing}-shm`]) assert.equal(existsSync(file), false, `${file} was created`);
  });

  test('ls --db on a missing file: a clear message, exit code 2', async () => {
    const missing = join(tmp, 'missing.db');
    const run = await dossier(['ls', '--db', missing]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `dossier: ${missing}: no database here (run "dossier ingest" first, or pass --db PATH)\n`);
  });
});
