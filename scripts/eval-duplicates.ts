/**
 * Measures duplicate detection on the duplicate benchmark (src/connect/eval/): PolNeAR
 * articles of one split, 60 of them copied in eight known ways at known sizes, the rest as
 * distractors. Prints what the benchmark holds, then pairwise recall and precision per kind
 * of copy and per size band (copies holding half the original's sentences or more, and
 * fewer) for each detector, and over all pairs.
 *
 *   npm run eval:duplicates -- [--split dev|test] [--data PATH] [--json] [--isolated]
 *
 * `dev` is for tuning, `test` (the default) for reporting. In the full benchmark every
 * original has 18 copies, so a detector that groups by connected components may reach a hard
 * copy through an easy one; `--isolated` builds one benchmark per kind and size in which each
 * original has that one copy, and scores each copy's direct detection.
 */
import { join } from 'node:path';
import { BASELINE_DETECTORS } from '../src/connect/eval/duplicate-baselines.ts';
import { productDuplicates } from '../src/connect/eval/product-detectors.ts';
import { BENCHMARK_SPLITS, SPLIT_SEEDS, buildDuplicateBenchmark, loadDuplicateBenchmark, readPolnearTexts, runDuplicateBenchmark, type BenchmarkRun, type BenchmarkSplit } from '../src/connect/eval/duplicates-benchmark.ts';
import { COPY_KINDS, COPY_SIZES, type CopyKind } from '../src/connect/eval/rewrite.ts';
import { dataDir, parseOptions } from '../src/learn/script-options.ts';
import { table } from './eval/table.ts';

const fixed = (x: number | null) => (x === null ? '-' : x.toFixed(3));

function print(run: BenchmarkRun): void {
  const c = run.composition;
  console.log(`benchmark ${run.benchmark.name} (seed ${run.benchmark.seed}): ${c.items} items — ${c.originals} originals, ${c.copies} copies, ${c.distractors} distractors; ${c.truePairs} true pairs\n`);
  console.log(
    table(
      ['kind', 'size', 'copies', 'kept min', 'kept mean', 'kept max', 'half+'],
      c.rows.map((r) => [r.kind, r.size.toFixed(2), r.copies, fixed(r.minKept), fixed(r.meanKept), fixed(r.maxKept), r.halfOrMore]),
    ),
  );
  console.log('\nPairwise recall (R) and precision (P) per detector; rows by kind and kept share (see scoreGrouping).\n');
  const names = run.results.map((r) => r.name);
  const headers = ['kind', 'kept', 'copies', ...names.flatMap((n) => [`${n} R`, `${n} P`])];
  const rows = run.results[0].score.rows.map((row, i) => [
    row.kind,
    row.band,
    row.copies,
    ...run.results.flatMap((r) => [fixed(r.score.rows[i].recall), fixed(r.score.rows[i].precision)]),
  ]);
  const overall = run.results.map((r) => r.score.overall);
  // over every pair of items: the count is of true pairs, copies of one original with each other included
  rows.push(['all pairs', 'pairs', overall[0].truePairs, ...overall.flatMap((o) => [fixed(o.recall), fixed(o.precision)])]);
  console.log(table(headers, rows, 2));
  console.log(`\n${run.results.map((r) => `${r.name}: ${r.score.overall.predicted} predicted pairs, ${Math.round(r.ms)} ms`).join('; ')}`);
}

/** One benchmark per kind and size, each original with that one copy: direct detection, no help from other copies. */
async function isolated(split: BenchmarkSplit, data: string): Promise<void> {
  const articles = readPolnearTexts(split, data);
  if (!articles) {
    console.error(`eval:duplicates: no PolNeAR texts at ${join(data, 'polnear', split, 'text')}`);
    process.exit(2);
  }
  const detectors = { ...BASELINE_DETECTORS, dossier: productDuplicates };
  const names = Object.keys(detectors);
  const rows: Array<Array<string | number>> = [];
  const totals = new Map<string, { found: number; copies: number }>();
  const pairs = new Map<string, { tp: number; predicted: number }>();
  for (const kind of COPY_KINDS) {
    for (const size of COPY_SIZES[kind]) {
      const sizes = Object.fromEntries(COPY_KINDS.map((k) => [k, k === kind ? [size] : []])) as unknown as Record<CopyKind, number[]>;
      const benchmark = buildDuplicateBenchmark(articles, { name: `${split}-${kind}-${size}`, seed: SPLIT_SEEDS[split], sizes });
      const run = await runDuplicateBenchmark(benchmark, detectors);
      for (const r of run.results) {
        const p = pairs.get(r.name) ?? { tp: 0, predicted: 0 };
        p.tp += r.score.overall.correct;
        p.predicted += r.score.overall.predicted;
        pairs.set(r.name, p);
      }
      for (const band of ['half+', 'under half'] as const) {
        const first = run.results[0].score.rows.find((r) => r.kind === kind && r.band === band);
        if (!first || !first.copies) continue;
        const cells = run.results.flatMap((r) => {
          const row = r.score.rows.find((x) => x.kind === kind && x.band === band)!;
          const t = totals.get(`${r.name}\u0001${band}`) ?? { found: 0, copies: 0 };
          t.found += Math.round((row.recall ?? 0) * row.copies);
          t.copies += row.copies;
          totals.set(`${r.name}\u0001${band}`, t);
          return [fixed(row.recall), fixed(row.precision)];
        });
        rows.push([kind, size.toFixed(2), band, first.copies, ...cells]);
      }
    }
  }
  for (const band of ['half+', 'under half'] as const) {
    rows.push(['all', '', band, totals.get(`${names[0]}\u0001${band}`)?.copies ?? 0, ...names.flatMap((n) => {
      const t = totals.get(`${n}\u0001${band}`)!;
      const p = pairs.get(n)!;
      return [fixed(t.copies ? t.found / t.copies : null), fixed(p.predicted ? p.tp / p.predicted : null)];
    })]);
  }
  console.log(`Isolated benchmarks (${split}): one per kind and size, 60 originals each with that one copy, the split's other articles as distractors.\n`);
  console.log(table(['kind', 'size', 'kept', 'copies', ...names.flatMap((n) => [`${n} R`, `${n} P`])], rows, 3));
  console.log('\nP in the "all" rows is over every predicted pair of every benchmark, both bands together.');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const split = (options.get('split') ?? 'test') as BenchmarkSplit;
  if (!BENCHMARK_SPLITS.includes(split)) {
    console.error(`eval:duplicates: --split must be one of ${BENCHMARK_SPLITS.join(', ')}`);
    process.exit(2);
  }
  const data = dataDir(options.get('data'));
  if (options.get('isolated') === 'true') return isolated(split, data);
  const benchmark = loadDuplicateBenchmark(split, data);
  if (!benchmark) {
    console.error(`eval:duplicates: no PolNeAR texts at ${join(data, 'polnear', split, 'text')}; pass --data PATH to the folder holding polnear/`);
    process.exit(2);
  }
  const run = await runDuplicateBenchmark(benchmark, { ...BASELINE_DETECTORS, dossier: productDuplicates });
  if (options.get('json') === 'true') {
    const { benchmark: b, ...rest } = run;
    console.log(JSON.stringify({ benchmark: b.name, seed: b.seed, ...rest }, null, 2));
    return;
  }
  print(run);
}

await main();
