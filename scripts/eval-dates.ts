/**
 * Measures where Dossier finds a web page's publication date, on trafilatura's 990 benchmark
 * pages (which carry no date annotations): how many pages each source dates, and, where the
 * page's head dates it too (article JSON-LD or a `<meta>` tag, the sources trusted most), how
 * often each other source agrees with the head on the day. The agreement estimates a
 * fallback's precision on the pages whose heads say nothing; the lower bound of its 95%
 * Wilson interval orders the fallbacks in DATE_SOURCES (a source seen on few pages does not
 * outrank one seen on many), and the script says whether DATE_SOURCES follows that order.
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
/** Sources whose place is not set by measurement: the last modification dates a page only when nothing else does. */
const LAST: ReadonlyArray<keyof DateCandidates> = ['modified'];
const day = (iso: string | undefined) => iso?.slice(0, 10);

/** The lower bound of the 95% Wilson score interval of `agree` successes in `n` trials (0 when n is 0). */
function wilsonLower(agree: number, n: number): number {
  if (!n) return 0;
  const z = 1.96;
  const p = agree / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

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
  const ranked = rows
    .filter((r) => !HEAD.includes(r.source) && !LAST.includes(r.source))
    .map((r) => ({ source: r.source, lower: wilsonLower(r.agree, r.withHead) }))
    .sort((a, b) => b.lower - a.lower);
  const measuredOrder = [...HEAD, ...ranked.map((r) => r.source), ...LAST];
  const follows = measuredOrder.every((s, i) => DATE_SOURCES[i] === s);
  if (opts.json) {
    console.log(JSON.stringify({ data: opts.data, pages: pages.length, dated, sources: rows, measuredOrder, follows }, null, 2));
    return;
  }
  console.log(`data: ${folder}\n${pages.length} pages; dated by Dossier: ${dated} (${((100 * dated) / pages.length).toFixed(1)}%)\n`);
  const lines = rows.map((r) => {
    const head = HEAD.includes(r.source);
    return [
      r.source,
      r.pages,
      r.adds,
      head ? '—' : r.withHead,
      head ? '—' : r.withHead ? percent(r.agree / r.withHead) : 'n/a',
      head ? '—' : r.withHead ? percent(wilsonLower(r.agree, r.withHead)) : 'n/a',
    ];
  });
  console.log(table(['source (in order of trust)', 'pages', 'adds', 'head also dates', 'agrees on the day', '95% lower bound'], lines, 1));
  console.log(`\norder by measurement (head first, then by lower bound, ${LAST.join(', ')} last): ${measuredOrder.join(' > ')}`);
  console.log(follows ? 'DATE_SOURCES follows it.' : `DATE_SOURCES differs: ${DATE_SOURCES.join(' > ')}`);
}

main();
