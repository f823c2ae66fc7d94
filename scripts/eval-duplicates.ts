/**
 * Measures duplicate detection on the duplicate benchmark (src/connect/eval/): PolNeAR
 * articles of one split, 60 of them copied in eight known ways at known sizes, the rest as
 * distractors. Prints what the benchmark holds, then pairwise recall and precision per kind
 * of copy and per size band (copies holding half the original's sentences or more, and
 * fewer) for each detector, and over all pairs.
 *
 *   npm run eval:duplicates -- [--split dev|test] [--data PATH] [--json]
 *
 * `dev` is for tuning, `test` (the default) for reporting.
 */
import { join } from 'node:path';
import { BASELINE_DETECTORS } from '../src/connect/eval/duplicate-baselines.ts';
import { BENCHMARK_SPLITS, loadDuplicateBenchmark, runDuplicateBenchmark, type BenchmarkRun, type BenchmarkSplit } from '../src/connect/eval/duplicates-benchmark.ts';
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

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const split = (options.get('split') ?? 'test') as BenchmarkSplit;
  if (!BENCHMARK_SPLITS.includes(split)) {
    console.error(`eval:duplicates: --split must be one of ${BENCHMARK_SPLITS.join(', ')}`);
    process.exit(2);
  }
  const data = dataDir(options.get('data'));
  const benchmark = loadDuplicateBenchmark(split, data);
  if (!benchmark) {
    console.error(`eval:duplicates: no PolNeAR texts at ${join(data, 'polnear', split, 'text')}; pass --data PATH to the folder holding polnear/`);
    process.exit(2);
  }
  const run = await runDuplicateBenchmark(benchmark, BASELINE_DETECTORS);
  if (options.get('json') === 'true') {
    const { benchmark: b, ...rest } = run;
    console.log(JSON.stringify({ benchmark: b.name, seed: b.seed, ...rest }, null, 2));
    return;
  }
  print(run);
}

await main();
