// The README's examples, as written, against the sample corpus: each `npx dossier …` line of
// the "Using it" section runs (through tsx rather than the built bin/) in a folder laid out as
// the first example expects, one after another as a new user would type them, and must exit 0
// with the output that command gives. A new example is run too, with the general checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoStack, finished, startDossier, type Run } from './support/dossier-process.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(REPO, 'sample');
/** The sample file that stands in for the first example's `notes.txt`, read from standard input. */
const NOTES = 'brena-river-rises.txt';
const FEED = 'halvikpost-selka-feed.xml';

/** One README example: its words after `npx dossier`, and its redirections. */
interface Example {
  line: string;
  args: string[];
  stdin?: string;
  stdout?: string;
}

/** Splits a shell line into words (single and double quotes; a `#` comment ends it), taking `< file` and `> file` out. */
function parseExample(line: string): Example {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '#' && !started) break;
    else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  assert.deepEqual(words.slice(0, 2), ['npx', 'dossier'], line);
  const example: Example = { line, args: [] };
  for (let i = 2; i < words.length; i++) {
    if (words[i] === '<') example.stdin = words[++i];
    else if (words[i] === '>') example.stdout = words[++i];
    else example.args.push(words[i]);
  }
  return example;
}

/** The `npx dossier` lines of the README's "Using it" section. */
function readmeExamples(): Example[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using it'), readme.indexOf('\n## ', readme.indexOf('## Using it') + 1));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the "Using it" section opens with a sh block');
  return block[1].split('\n').filter((l) => l.startsWith('npx dossier ')).map(parseExample);
}

let cwd: string;
before(() => {
  // the first example's inputs, made of the sample corpus: together they hold all of it
  cwd = mkdtempSync(join(tmpdir(), 'dossier-readme-'));
  mkdirSync(join(cwd, 'articles'));
  mkdirSync(join(cwd, 'more'));
  for (const file of readdirSync(SAMPLE)) {
    if (file === NOTES) copyFileSync(join(SAMPLE, file), join(cwd, 'notes.txt'));
    else if (file === FEED) copyFileSync(join(SAMPLE, file), join(cwd, 'feed.xml'));
    else copyFileSync(join(SAMPLE, file), join(cwd, file.endsWith('.html') ? 'more' : 'articles', file));
  }
});
after(() => rmSync(cwd, { recursive: true, force: true }));

/** How many articles the sample corpus holds. */
const SAMPLE_ARTICLES = 23;
let stored = 0;

/** The value of `--name` among an example's words, if any. */
function optionOf(example: Example, name: string): string | undefined {
  const i = example.args.indexOf(name);
  return i >= 0 ? example.args[i + 1] : undefined;
}

/**
 * With --from or --to, every article line of a list (id, then its date) is dated within the
 * range, and there is at least one: the sample corpus has articles on every day of its story.
 */
function assertInRange(run: Run, example: Example): void {
  const from = optionOf(example, '--from') ?? '0000-00-00';
  const to = optionOf(example, '--to') ?? '9999-99-99';
  const dates = [...run.stdout.matchAll(/^[0-9a-f]{16} {2}(\S+) {2}/gm)].map((m) => m[1]);
  assert.ok(dates.length > 0, run.stdout);
  for (const date of dates) assert.ok(date >= from && date <= to, `${date} is not from ${from} to ${to}:\n${run.stdout}`);
}

/** What each command's output must show, beyond exit code 0 and no error on stderr. */
const CHECKS: Record<string, (run: Run, example: Example) => void> = {
  ingest(run) {
    const m = /^ingested (\d+), skipped (\d+) as duplicates, failed 0 \(/m.exec(run.stdout);
    assert.ok(m, run.stdout);
    stored = Number(m[1]);
    assert.equal(stored, SAMPLE_ARTICLES, 'the whole sample corpus');
  },
  ls(run, example) {
    if (!example.args.includes('--from') && !example.args.includes('--to')) return void assert.match(run.stdout, new RegExp(`^${stored} of ${stored} articles$`, 'm'));
    assertInRange(run, example);
    const m = /^(\d+) of (\d+) articles$/m.exec(run.stdout);
    assert.ok(m && m[1] === m[2] && Number(m[2]) < stored, `a range lists some of the ${stored} articles:\n${run.stdout}`);
  },
  show(run, example) {
    assert.match(run.stdout, new RegExp(`^id ${example.args[1]}[0-9a-f]+  format `, 'm'));
    assert.match(run.stdout, /^TEXT$/m);
  },
  search(run, example) {
    assert.match(run.stdout, /^[1-9]\d* of [1-9]\d* matching articles$/m);
    assert.match(run.stdout, /»(?:Halvik framework|observers)«/i);
    if (example.args.includes('--from') || example.args.includes('--to')) assertInRange(run, example);
  },
  entities(run, example) {
    const type = example.args[example.args.indexOf('--type') + 1];
    assert.match(run.stdout, new RegExp(`^e[0-9a-f]+ +${type} +\\S`, 'm'));
    assert.match(run.stdout, /^[1-9]\d* of [1-9]\d* entities$/m);
  },
  stories(run) {
    assert.match(run.stdout, /^s[0-9a-f]{12} /m);
    assert.match(run.stdout, /^[1-9]\d* of [1-9]\d* stories$/m);
  },
  story(run, example) {
    assert.match(run.stdout, new RegExp(`^id ${example.args[1]}[0-9a-f]* `, 'm'));
    assert.match(run.stdout, /^Articles \(\d+ of \d+/m);
  },
  entity(run) {
    assert.match(run.stdout, /^id e[0-9a-f]+ +PER /m);
    assert.match(run.stdout, /^written as +.*Solvane/m);
  },
  duplicates(run) {
    assert.match(run.stdout, /^  copy [0-9a-f]+ /m);
    assert.match(run.stdout, /^[1-9]\d* of [1-9]\d* groups? of copies$/m);
  },
  statements(run) {
    assert.match(run.stdout, /^[1-9]\d* of [1-9]\d* statements$/m);
  },
  connect(run) {
    assert.match(run.stdout, new RegExp(`^connected ${stored} articles \\(`, 'm'));
  },
  quotes(run, example) {
    const speaker = example.args[example.args.indexOf('--speaker') + 1];
    const via = example.args[example.args.indexOf('--via') + 1];
    const lines = run.stdout.trim().split('\n');
    assert.match(lines.at(-1) ?? '', /^[1-9]\d* of [1-9]\d* quotes$/, run.stdout);
    for (const line of lines.slice(0, -1)) {
      const [who, chain] = line.split('  [')[0].split(' · via ');
      assert.ok(who.toLowerCase().includes(speaker) && chain?.toLowerCase().includes(via), `${line} should be ${speaker}'s, via ${via}`);
    }
  },
  events(run, example) {
    if (example.args.includes('--fold')) {
      const min = Number(optionOf(example, '--min-reports') ?? '1');
      const heads = [...run.stdout.matchAll(/^v[0-9a-f]{12}\.\d+ {2}.* (\d+) reports?\b/gm)];
      assert.ok(heads.length > 0, run.stdout);
      for (const h of heads) assert.ok(Number(h[1]) >= min, h[0]);
      if (optionOf(example, '--sort') === '-reports') assert.ok(heads.every((h, i) => i === 0 || Number(h[1]) <= Number(heads[i - 1][1])), 'the most reported first');
      assert.match(run.stdout, new RegExp(`^${heads.length} of ${heads.length} events$`, 'm'));
      return;
    }
    if (example.args.includes('--csv')) {
      assert.equal(example.stdout, 'events.csv');
      const rows = run.stdout.split('\r\n');
      assert.match(rows[0], /^date,date_from,source,source_country,source_sector,type,mode,context,cameo,status,target,/);
      assert.ok(rows.length > 2 && rows.at(-1) === '', `a header and at least one event:\n${run.stdout}`);
      return;
    }
    const type = example.args[example.args.indexOf('--type') + 1];
    const lines = run.stdout.trim().split('\n');
    assert.match(lines.at(-1) ?? '', /^[1-9]\d* of [1-9]\d* events$/, run.stdout);
    for (const line of lines.slice(0, -1)) assert.match(line, new RegExp(`^[0-9a-f]{8}  \\d{2,4} +.*\\b${type}\\b`), line);
  },
  event(run, example) {
    assert.match(run.stdout, new RegExp(`^id ${example.args[1].replace('.', '\\.')} `, 'm'));
    assert.match(run.stdout, /^Reports \([2-9]\d* of [2-9]\d*\):$/m);
    assert.match(run.stdout, /^Joined because:$/m);
  },
  rm(run, example) {
    const ids = example.args.filter((a) => /^[0-9a-f]{4,}$/.test(a));
    assert.match(run.stdout, new RegExp(`^${ids.length} articles removed, ${stored - ids.length} left$`, 'm'));
    stored -= ids.length;
  },
  export(run, example) {
    const lines = run.stdout.trim().split('\n');
    if (example.args.includes('entities')) {
      assert.equal(example.stdout, 'entities.jsonl');
      for (const l of lines) assert.equal((JSON.parse(l) as { schema: string }).schema, 'dossier.entity/1');
      assert.equal(run.stderr, `exported ${lines.length} entities\n`);
      return;
    }
    assert.equal(example.stdout, 'dossier.jsonl');
    assert.equal(lines.length, stored);
    for (const l of lines) assert.equal((JSON.parse(l) as { schema: string }).schema, 'dossier.article/1');
    assert.equal(run.stderr, `exported ${stored} articles\n`);
  },
};

test('the README has the examples this test knows', () => {
  const commands = readmeExamples().map((e) => e.args[0]);
  for (const command of [...Object.keys(CHECKS), 'serve']) assert.ok(commands.includes(command), `an example of ${command}`);
});

test("every example of the README's \"Using it\" section runs on the sample corpus", async (t) => {
  for (const example of readmeExamples()) {
    await t.test(example.line.replace(/\s+#.*$/, ''), async () => {
      const args = example.args.filter((a) => {
        // no network in tests: fetching URLs has tests of its own (src/ingest/fetch-url.test.ts)
        return !/^https?:\/\//.test(a);
      });
      if (args[0] === 'serve') return serveExample(args);
      const input = example.stdin ? readFileSync(join(cwd, example.stdin), 'utf8') : '';
      const run = await finished(startDossier(args, { cwd, input }));
      assert.equal(run.code, 0, `${example.line}\n${run.stderr}`);
      assertNoStack(run);
      if (args[0] !== 'export') assert.equal(run.stderr.replace(/^warning: .*\n/gm, ''), '', 'nothing on stderr but warnings');
      assert.ok(run.stdout.trim(), 'some output');
      if (example.stdout) writeFileSync(join(cwd, example.stdout), run.stdout);
      CHECKS[args[0]]?.(run, example);
    });
  }
});

/** `serve` runs until stopped: it must serve the stored articles, then stop on SIGTERM. Port 8700 may be taken here, so it asks for any free port. */
async function serveExample(args: string[]): Promise<void> {
  const port = args.indexOf('--port');
  const free = port >= 0 ? [...args.slice(0, port + 1), '0', ...args.slice(port + 2)] : [...args, '--port', '0'];
  const child = startDossier(free, { cwd });
  const result = finished(child);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`serve ended early:\n${out}`)));
  });
  const list = (await (await fetch(new URL('/api/articles', url))).json()) as { total: number };
  assert.equal(list.total, stored);
  assert.equal((await fetch(url)).status, 200, 'the page');
  child.kill('SIGTERM');
  const run = await result;
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
}
