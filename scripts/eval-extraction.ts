/**
 * Evaluates the HTML main-text extractor against two public data sets and prints figures for
 * Dossier and for plain Readability on linkedom, on a dev split, a held-out test split and all
 * pages (split by the SHA-1 of each page's file or case name).
 *
 *   npm run eval:extraction -- [--data PATH] [--json] [--split dev|test|all] [--set trafilatura|readability]
 *                              [--no-baseline] [--verbose]
 *
 * - trafilatura/: per-page `with`/`without` segments, scored as trafilatura's own benchmark
 *   (whitespace-normalised substring search, micro-averaged precision/recall/F1/accuracy).
 * - readability/: 4-gram word-shingle F1 against the text of expected.html (mean per page, and micro),
 *   and the title, byline, site name and date against expected-metadata.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractHtml } from '../src/clean/html/extract-html.ts';
import { parseDocument } from '../src/clean/html/parse-document.ts';
import { visibleText } from '../src/clean/html/visible-text.ts';
import { loadReadability, loadTrafilatura } from './eval/extraction-data.ts';
import { table } from './eval/table.ts';
import {
  addConfusion,
  countSegments,
  isTitleCut,
  METADATA_FIELDS,
  metadataMatches,
  segmentScores,
  shingleScore,
  splitOf,
  type Confusion,
  type MetadataField,
  type PageMetadata,
  type ShingleScore,
} from './eval/extraction-scoring.ts';

type Split = 'dev' | 'test';
type System = 'dossier' | 'readability';
const SPLITS = ['dev', 'test', 'all'] as const;
const SYSTEM_NAMES: Record<System, string> = { dossier: 'Dossier', readability: 'Readability' };

interface Options {
  data: string;
  json: boolean;
  split: 'dev' | 'test' | 'all';
  sets: Array<'trafilatura' | 'readability'>;
  baseline: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opts: Options = { data: resolve(repo, '../shared/data/extraction'), json: false, split: 'all', sets: ['trafilatura', 'readability'], baseline: true, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') opts.data = resolve(argv[++i] ?? '');
    else if (arg === '--json') opts.json = true;
    else if (arg === '--no-baseline') opts.baseline = false;
    else if (arg === '--verbose') opts.verbose = true;
    else if (arg === '--split') {
      const v = argv[++i];
      if (v !== 'dev' && v !== 'test' && v !== 'all') fail(`--split takes dev, test or all (got ${v})`);
      opts.split = v;
    } else if (arg === '--set') {
      const v = argv[++i];
      if (v !== 'trafilatura' && v !== 'readability') fail(`--set takes trafilatura or readability (got ${v})`);
      opts.sets = [v];
    } else fail(`unknown option ${arg}`);
  }
  return opts;
}

function fail(message: string): never {
  console.error(`eval:extraction: ${message}`);
  process.exit(2);
}

interface Timed<T> {
  value: T;
  ms: number;
}

function timed<T>(fn: () => T): Timed<T> {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** What a system made of a page: its main text (null when it threw) and its metadata. */
interface Run {
  text: string | null;
  metadata: PageMetadata;
}

function dossierRun(html: string): Run {
  try {
    const { text, meta } = extractHtml(html);
    return { text, metadata: { title: meta.title, byline: meta.byline, siteName: meta.outlet, publishedTime: meta.published } };
  } catch {
    return { text: null, metadata: {} };
  }
}

/** Plain Readability on linkedom: the article's `textContent` ('' when it finds none) and its metadata. */
function readabilityRun(html: string): Run {
  try {
    const article = new Readability(parseDocument(html)).parse();
    if (!article) return { text: '', metadata: {} };
    const { textContent, title, byline, siteName, publishedTime } = article;
    return { text: textContent ?? '', metadata: { title, byline, siteName, publishedTime } };
  } catch {
    return { text: '', metadata: {} };
  }
}

const RUNS: Record<System, (html: string) => Run> = { dossier: dossierRun, readability: readabilityRun };

interface SegmentRow {
  set: 'trafilatura';
  split: string;
  system: string;
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pagesPerSecond: number;
  errors: number;
}

/** Per metadata field: on how many pages the expected metadata gives it, and how many a system got right. */
type MetadataTally = Record<MetadataField, { right: number; of: number }>;

function emptyTally(): MetadataTally {
  return Object.fromEntries(METADATA_FIELDS.map((f) => [f, { right: 0, of: 0 }])) as MetadataTally;
}

interface ShingleRow {
  set: 'readability';
  split: string;
  system: string;
  pages: number;
  meanF1: number;
  meanPrecision: number;
  meanRecall: number;
  microPrecision: number;
  microRecall: number;
  microF1: number;
  pagesPerSecond: number;
  metadata: MetadataTally;
  /** Titles that differ from the expected one only by a cut at a separator (a site's name, section or author dropped). */
  titleCuts: number;
}

function wanted(opts: Options, split: Split): boolean {
  return opts.split === 'all' || opts.split === split;
}

function evalTrafilatura(opts: Options, systems: System[]): SegmentRow[] {
  const pages = loadTrafilatura(join(opts.data, 'trafilatura')).filter((p) => wanted(opts, splitOf(p.file)));
  const acc = new Map<string, { c: Confusion; ms: number; pages: number; errors: number }>();
  const bucket = (split: string, system: System) => {
    const key = `${split}/${system}`;
    if (!acc.has(key)) acc.set(key, { c: { tp: 0, fp: 0, fn: 0, tn: 0 }, ms: 0, pages: 0, errors: 0 });
    return acc.get(key)!;
  };
  for (const page of pages) {
    const split = splitOf(page.file);
    for (const system of systems) {
      const run = timed(() => RUNS[system](page.html).text);
      const counts = countSegments(page, run.value);
      if (opts.verbose && system === 'dossier' && (counts.fn || counts.fp)) {
        const text = run.value ?? '';
        const norm = text.replace(/\s+/g, ' ');
        const missing = page.with.filter((s) => !norm.includes(s.replace(/\s+/g, ' ').trim()));
        const leaked = page.without.filter((s) => norm.includes(s.replace(/\s+/g, ' ').trim()));
        console.log(`${split} ${page.file} chars=${text.length} missing=${JSON.stringify(missing)} leaked=${JSON.stringify(leaked)}`);
      }
      for (const s of [split, 'all']) {
        const b = bucket(s, system);
        addConfusion(b.c, counts);
        b.ms += run.ms;
        b.pages++;
        if (run.value === null) b.errors++;
      }
    }
  }
  const rows: SegmentRow[] = [];
  for (const split of SPLITS) {
    for (const system of systems) {
      const b = acc.get(`${split}/${system}`);
      if (!b) continue;
      rows.push({ set: 'trafilatura', split, system: SYSTEM_NAMES[system], pages: b.pages, ...segmentScores(b.c), pagesPerSecond: b.pages / (b.ms / 1000), errors: b.errors });
    }
  }
  return rows;
}

function evalReadability(opts: Options, systems: System[]): ShingleRow[] {
  const pages = loadReadability(join(opts.data, 'readability')).filter((p) => wanted(opts, splitOf(p.name)));
  const acc = new Map<string, { scores: ShingleScore[]; ms: number; metadata: MetadataTally; titleCuts: number }>();
  for (const page of pages) {
    const split = splitOf(page.name);
    const expected = visibleText(page.expectedHtml).text;
    for (const system of systems) {
      const run = timed(() => RUNS[system](page.html));
      const score = shingleScore(run.value.text ?? '', expected);
      const matches = metadataMatches(run.value.metadata, page.expectedMetadata);
      if (opts.verbose && system === 'dossier') {
        for (const [field, ok] of Object.entries(matches)) {
          if (!ok) console.log(`${split} ${page.name} ${field}: expected ${JSON.stringify(page.expectedMetadata[field as MetadataField])}, got ${JSON.stringify(run.value.metadata[field as MetadataField] ?? null)}`);
        }
      }
      if (opts.verbose && system === 'dossier' && score.f1 < 0.8) {
        console.log(`${split} ${page.name} f1=${score.f1.toFixed(3)} p=${score.precision.toFixed(3)} r=${score.recall.toFixed(3)}`);
      }
      for (const s of [split, 'all']) {
        const key = `${s}/${system}`;
        if (!acc.has(key)) acc.set(key, { scores: [], ms: 0, metadata: emptyTally(), titleCuts: 0 });
        const b = acc.get(key)!;
        b.scores.push(score);
        if (isTitleCut(run.value.metadata.title, page.expectedMetadata.title)) b.titleCuts++;
        for (const [field, ok] of Object.entries(matches) as Array<[MetadataField, boolean]>) {
          b.metadata[field].of++;
          if (ok) b.metadata[field].right++;
        }
        b.ms += run.ms;
      }
    }
  }
  const rows: ShingleRow[] = [];
  for (const split of SPLITS) {
    for (const system of systems) {
      const b = acc.get(`${split}/${system}`);
      if (!b) continue;
      const n = b.scores.length;
      const mean = (f: (s: ShingleScore) => number) => b.scores.reduce((x, s) => x + f(s), 0) / n;
      const overlap = b.scores.reduce((x, s) => x + s.overlap, 0);
      const predicted = b.scores.reduce((x, s) => x + s.predicted, 0);
      const expected = b.scores.reduce((x, s) => x + s.expected, 0);
      const microPrecision = predicted ? overlap / predicted : 0;
      const microRecall = expected ? overlap / expected : 0;
      rows.push({
        set: 'readability',
        split,
        system: SYSTEM_NAMES[system],
        pages: n,
        meanF1: mean((s) => s.f1),
        meanPrecision: mean((s) => s.precision),
        meanRecall: mean((s) => s.recall),
        microPrecision,
        microRecall,
        microF1: microPrecision + microRecall ? (2 * microPrecision * microRecall) / (microPrecision + microRecall) : 0,
        pagesPerSecond: n / (b.ms / 1000),
        metadata: b.metadata,
        titleCuts: b.titleCuts,
      });
    }
  }
  return rows;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  for (const set of opts.sets) {
    if (!existsSync(join(opts.data, set))) {
      fail(`no ${set} data at ${join(opts.data, set)}; pass --data PATH to the folder holding trafilatura/ and readability/`);
    }
  }
  const systems: System[] = opts.baseline ? ['dossier', 'readability'] : ['dossier'];
  const segmentRows = opts.sets.includes('trafilatura') ? evalTrafilatura(opts, systems) : [];
  const shingleRows = opts.sets.includes('readability') ? evalReadability(opts, systems) : [];
  if (opts.json) {
    console.log(JSON.stringify({ data: opts.data, trafilatura: segmentRows, readability: shingleRows }, null, 2));
    return;
  }
  console.log(`data: ${opts.data}`);
  if (segmentRows.length) {
    console.log('\ntrafilatura benchmark: with/without segments, micro-averaged (trafilatura 0.924 F1, readability-lxml 0.826)');
    console.log(
      table(
        ['split', 'system', 'pages', 'precision', 'recall', 'F1', 'accuracy', 'pages/s', 'errors'],
        segmentRows.map((r) => [r.split, r.system, r.pages, r.precision, r.recall, r.f1, r.accuracy, r.pagesPerSecond.toFixed(1), r.errors]),
      ),
    );
  }
  if (shingleRows.length) {
    console.log('\nReadability test pages: 4-gram word-shingle overlap with expected.html (mean of pages; micro)');
    console.log(
      table(
        ['split', 'system', 'pages', 'mean F1', 'mean P', 'mean R', 'micro P', 'micro R', 'micro F1', 'pages/s'],
        shingleRows.map((r) => [r.split, r.system, r.pages, r.meanF1, r.meanPrecision, r.meanRecall, r.microPrecision, r.microRecall, r.microF1, r.pagesPerSecond.toFixed(1)]),
      ),
    );
    console.log('\nReadability test pages: metadata equal to expected-metadata.json (right/pages that give the field; dates by day;');
    console.log("(cut): of the titles that differ, those that are the expected title cut at a separator ('Talks | Post' -> 'Talks'))");
    const cell = (t: { right: number; of: number }) => `${t.right}/${t.of}`;
    console.log(
      table(
        ['split', 'system', 'title', '(cut)', 'byline', 'site name', 'date', 'all fields'],
        shingleRows.map((r) => {
          const all = METADATA_FIELDS.reduce((x, f) => ({ right: x.right + r.metadata[f].right, of: x.of + r.metadata[f].of }), { right: 0, of: 0 });
          const title = r.metadata.title;
          return [r.split, r.system, cell(title), `${r.titleCuts}/${title.of - title.right}`, cell(r.metadata.byline), cell(r.metadata.siteName), cell(r.metadata.publishedTime), `${cell(all)} (${((100 * all.right) / Math.max(1, all.of)).toFixed(1)}%)`];
        }),
      ),
    );
  }
}

main();
