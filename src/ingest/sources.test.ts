import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { IngestError } from './ingest-error.ts';
import { expandInputs, sourceName, type PassedOver } from './sources.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-sources-'));
  const files = [
    'a.txt', 'b.md', 'c.html', 'd.json', 'e.jsonl', 'f.ndjson', 'g.xml', 'h.urls', 'page.html.gz', 'export.JSONL.GZ',
    'README.md', 'LICENSE', '.hidden.txt', 'notes.pdf', 'table.csv', 'table2.csv', 'archive.tar.gz', 'Makefile',
    'sub/deeper/i.htm', 'sub/j.txt', 'node_modules/k.txt', '.git/l.txt',
  ];
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x');
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function expand(inputs: string[]) {
  const missing: Array<[string, IngestError]> = [];
  const passed: Array<[string, PassedOver]> = [];
  const sources = await expandInputs(inputs, { missing: (i, e) => missing.push([i, e]), passedOver: (f, files) => passed.push([f, files]) });
  return { names: sources.map(sourceName), sources, missing, passed };
}

test('a folder is walked recursively for known endings, compressed ones too, in name order', async () => {
  const { names, passed } = await expand([dir]);
  assert.deepEqual(
    names.map((n) => n.slice(dir.length + 1)),
    ['a.txt', 'b.md', 'c.html', 'd.json', 'e.jsonl', 'export.JSONL.GZ', 'f.ndjson', 'g.xml', 'h.urls', 'page.html.gz', 'sub/deeper/i.htm', 'sub/j.txt'],
  );
  // README and LICENSE, hidden files and folders, node_modules: not articles, not counted
  assert.deepEqual(passed, [[dir, new Map([['.csv', 2], ['.pdf', 1], ['.gz', 1], ['no ending', 1]])]]);
});

test('globs, files, URLs and standard input; each source once; what names nothing is reported', async () => {
  const { names, missing, sources } = await expand([
    join(dir, 'sub', '**', '*.htm'),
    join(dir, 'a.txt'),
    join(dir, 'a.txt'),
    join(dir, 'notes.pdf'),
    'https://example.org/story',
    '-',
    join(dir, 'nothing-*.txt'),
    join(dir, 'no-such-file.txt'),
  ]);
  assert.deepEqual(names, [join(dir, 'sub', 'deeper', 'i.htm'), join(dir, 'a.txt'), join(dir, 'notes.pdf'), 'https://example.org/story', '-']);
  assert.deepEqual(sources.map((s) => s.kind), ['file', 'file', 'file', 'url', 'stdin']);
  assert.deepEqual(missing.map(([input, e]) => [input, e.code]), [
    [join(dir, 'nothing-*.txt'), 'not-found'],
    [join(dir, 'no-such-file.txt'), 'not-found'],
  ]);
  assert.match(missing[0][1].message, /no file matches this pattern/);
  assert.match(missing[1][1].message, /no such file or folder/);
});

test('a relative pattern gives paths relative to the working folder, as typed', async () => {
  const { names } = await expand(['sample/*.md']);
  assert.ok(names.length > 0 && names.every((n) => n.startsWith('sample/') && n.endsWith('.md')), names.join(', '));
});
