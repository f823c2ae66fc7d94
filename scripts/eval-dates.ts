/**
 * Measures where Dossier finds a web page's publication date, on trafilatura's 990 benchmark
 * pages (which carry no date annotations): how many pages each source dates, and, where the
 * page's head dates it too (article JSON-LD or a `<meta>` tag, the sources trusted most), how
 * often each other source agrees with the head on the day. The agreement estimates a
 * fallback's precision on the pages whose heads say nothing.
 *
 *   npm run eval:dates -- [--data PATH] [--json]
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATE_SOURCES, dateCandidates, htmlMeta, type DateCandidates } from '../src/clean/html/html-meta.ts';
import { parseDocument } from '../src/clean/html/parse-document.ts';
import { loadTrafilatura } from './eval/extraction-data.ts';
import { table } from './eval/table.ts';

interface Row {
  source: keyof DateCandidates;
  /** Pages this source gives a date for. */
  pages: number;
  /** Of those, pages whose head gives a date too, and how many of them agree with it on the day. */
  withHead: number;
  agree: number;
  /** Pages dated by this source and by no source trusted more: what it adds. */
  adds: number;
}

function parseArgs(argv: string[]): { data: string; json: boolean } {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opts = { data: resolve(repo, '../shared/data/extraction'), json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') opts.data = resolve(argv[++i] ?? '');
    else if (argv[i] === '--json') opts.json = true;
    else {
      console.error(`eval:dates: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  return opts;
}

const HEAD: ReadonlyArray<keyof DateCandidates> = ['articleJsonLd', 'metaTag'];
const day = (iso: string | undefined) => iso?.slice(0, 10);

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const folder = join(opts.data, 'trafilatura');
  if (!existsSync(folder)) {
    console.error(`eval:dates: no trafilatura data at ${folder}; pass --data PATH to the folder holding trafilatura/`);
    process.exit(2);
  }
  const pages = loadTrafilatura(folder);
  const rows: Row[] = DATE_SOURCES.map((source) => ({ source, pages: 0, withHead: 0, agree: 0, adds: 0 }));
  let dated = 0;
  for (const page of pages) {
    const doc = parseDocument(page.html);
    const found = dateCandidates(doc, page.url);
    const head = HEAD.map((s) => found[s]).find((d) => d !== undefined);
    let earlier = false;
    for (const row of rows) {
      const date = found[row.source];
      if (date === undefined) continue;
      row.pages++;
      if (!earlier) row.adds++;
      earlier = true;
      if (head !== undefined && !HEAD.includes(row.source)) {
        row.withHead++;
        if (day(date) === day(head)) row.agree++;
      }
    }
    if (htmlMeta(doc, page.url).published) dated++;
  }
  if (opts.json) {
    console.log(JSON.stringify({ data: opts.data, pages: pages.length, dated, sources: rows }, null, 2));
    return;
  }
  console.log(`data: ${folder}\n${pages.length} pages; dated by Dossier: ${dated} (${((100 * dated) / pages.length).toFixed(1)}%)\n`);
  const lines = rows.map((r) => [
    r.source,
    r.pages,
    r.adds,
    HEAD.includes(r.source) ? '—' : r.withHead,
    HEAD.includes(r.source) ? '—' : r.withHead ? `${((100 * r.agree) / r.withHead).toFixed(1)}%` : 'n/a',
  ]);
  console.log(table(['source (in order of trust)', 'pages', 'adds', 'head also dates', 'agrees on the day'], lines, 1));
}

main();
