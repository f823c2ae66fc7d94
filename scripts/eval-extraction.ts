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
 * - readability/: 4-gram word-shingle F1 against the text of expected.html (mean per page, and micro).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractHtml } from '../src/clean/html/extract-html.ts';
import { readabilityText } from '../src/clean/html/readability-content.ts';
import { visibleText } from '../src/clean/html/visible-text.ts';
import { loadReadability, loadTrafilatura } from './eval/extraction-data.ts';
import {
  addConfusion,
  countSegments,
  segmentScores,
  shingleScore,
  splitOf,
  type Confusion,
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

function dossierText(html: string): string | null {
  try {
    return extractHtml(html).text;
  } catch {
    return null;
  }
}

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
      const run = timed(() => (system === 'dossier' ? dossierText(page.html) : readabilityText(page.html)));
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
  const acc = new Map<string, { scores: ShingleScore[]; ms: number }>();
  for (const page of pages) {
    const split = splitOf(page.name);
    const expected = visibleText(page.expectedHtml).text;
    for (const system of systems) {
      const run = timed(() => (system === 'dossier' ? dossierText(page.html) : readabilityText(page.html)));
      const score = shingleScore(run.value ?? '', expected);
      if (opts.verbose && system === 'dossier' && score.f1 < 0.8) {
        console.log(`${split} ${page.name} f1=${score.f1.toFixed(3)} p=${score.precision.toFixed(3)} r=${score.recall.toFixed(3)}`);
      }
      for (const s of [split, 'all']) {
        const key = `${s}/${system}`;
        if (!acc.has(key)) acc.set(key, { scores: [], ms: 0 });
        const b = acc.get(key)!;
        b.scores.push(score);
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
      });
    }
  }
  return rows;
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
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
  }
}

main();
