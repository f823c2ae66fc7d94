import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataDir } from '../../learn/script-options.ts';
import { parseArticle } from './article-parts.ts';
import {
  benchmarkComposition,
  buildDuplicateBenchmark,
  loadDuplicateBenchmark,
  runDuplicateBenchmark,
  scoreGrouping,
  sizeBand,
  type BenchmarkItem,
  type DetectorItem,
  type SourceArticle,
} from './duplicates-benchmark.ts';
import { COPY_SIZES } from './rewrite.ts';

const COPIES_PER_ORIGINAL = Object.values(COPY_SIZES).flat().length;
const TOPICS = ['ferry', 'bridge', 'harbour', 'orchard', 'railway', 'library', 'market', 'dam'];
const PLACES = ['Vantbrook', 'Orrisford', 'Quillmore', 'Tallowmere', 'Kestrelmouth', 'Brackwater', 'Ferrisport', 'Hollin'];

/** Invented articles: five paragraphs of two sentences each, plus one too short to be an original. */
function articles(): SourceArticle[] {
  const out = TOPICS.map((topic, i) => {
    const place = PLACES[i];
    const paragraphs = [1, 2, 3, 4, 5].map(
      (p) => `Council member Ada Rinn said the ${topic} in ${place} needs repair number ${p}. The work on the ${topic} would take ${p + 2} months, officials said.`,
    );
    return { name: `story-${topic}`, text: [`${place} ${topic} plan`, ...paragraphs].join('\n\n') + '\n' };
  });
  out.push({ name: 'story-short', text: 'Short note\n\nOnly one paragraph. It has two sentences.\n' });
  return out;
}

test('the same articles and seed give the same benchmark; another seed another', () => {
  const a = buildDuplicateBenchmark(articles(), { name: 'x', seed: 5, originals: 3 });
  const b = buildDuplicateBenchmark([...articles()].reverse(), { name: 'x', seed: 5, originals: 3 });
  assert.deepEqual(a, b);
  const c = buildDuplicateBenchmark(articles(), { name: 'x', seed: 6, originals: 3 });
  assert.notDeepEqual(c.items, a.items);
});

test('a benchmark holds originals with every copy, distractors, and opaque shuffled ids', () => {
  const bench = buildDuplicateBenchmark(articles(), { name: 'x', seed: 5, originals: 3 });
  const byId = new Map(bench.items.map((it) => [it.id, it]));
  const originals = bench.items.filter((it) => it.role === 'original');
  const copies = bench.items.filter((it) => it.role === 'copy');
  assert.equal(originals.length, 3);
  assert.equal(copies.length, 3 * COPIES_PER_ORIGINAL);
  assert.equal(bench.items.filter((it) => it.role === 'distractor').length, 6);
  assert.ok(!originals.some((o) => o.article === 'story-short'), 'a short article is never an original');
  for (const c of copies) {
    const o = byId.get(c.original!)!;
    assert.equal(o.role, 'original');
    assert.equal(o.article, c.article);
    assert.equal(c.title, c.text.split('\n')[0]);
    assert.ok(c.kept! > 0 && c.kept! <= 1);
  }
  assert.ok(bench.items.every((it) => /^x-\d{2}$/.test(it.id)));
  // shuffled: an original's copies are not all next to it
  const positions = copies.filter((c) => c.original === originals[0].id).map((c) => bench.items.indexOf(c));
  assert.ok(Math.max(...positions) - Math.min(...positions) > COPIES_PER_ORIGINAL);
  const composition = benchmarkComposition(bench);
  assert.equal(composition.items, bench.items.length);
  assert.equal(composition.truePairs, 3 * ((COPIES_PER_ORIGINAL + 1) * COPIES_PER_ORIGINAL) / 2);
  assert.deepEqual(
    composition.rows.map((r) => `${r.kind}/${r.size}/${r.copies}`).sort(),
    Object.entries(COPY_SIZES).flatMap(([k, sizes]) => sizes.map((s) => `${k}/${s}/3`)).sort(),
  );
});

/** A hand-made benchmark: O1 with copies A (exact) and B (truncated to 0.3), O2 with copy C (dropped to 0.5), distractor D. */
function tiny(): BenchmarkItem[] {
  const item = (id: string, rest: Partial<BenchmarkItem>): BenchmarkItem => ({ id, title: id, text: id, role: 'copy', article: id, ...rest });
  return [
    item('O1', { role: 'original' }),
    item('A', { original: 'O1', kind: 'exact', size: 1, kept: 1 }),
    item('B', { original: 'O1', kind: 'truncated', size: 0.3, kept: 0.3 }),
    item('O2', { role: 'original' }),
    item('C', { original: 'O2', kind: 'dropped', size: 0.5, kept: 0.5 }),
    item('D', { role: 'distractor' }),
  ];
}

test('scoreGrouping counts pairs as its doc comment says, on a hand-made example', () => {
  // predicted groups {O1, A, D} and {B, O2, C}
  const predicted = new Map([['O1', 'g1'], ['A', 'g1'], ['D', 'g1'], ['B', 'g2'], ['O2', 'g2'], ['C', 'g2']]);
  const score = scoreGrouping(tiny(), predicted);
  // predicted pairs: O1-A (true), O1-D, A-D, B-O2, B-C, O2-C (true); true pairs: O1-A, O1-B, A-B, O2-C
  assert.deepEqual(score.overall, { truePairs: 4, found: 2, recall: 0.5, predicted: 6, correct: 2, precision: 2 / 6 });
  const row = (kind: string, band: string) => {
    const r = score.rows.find((x) => x.kind === kind && x.band === band);
    assert.ok(r, `${kind} ${band}`);
    return [r.copies, r.found, r.predicted, r.correct];
  };
  assert.deepEqual(row('exact', 'half+'), [1, 1, 2, 1]); // A with O1 (true) and D
  assert.deepEqual(row('truncated', 'under half'), [1, 0, 2, 0]); // B with O2 and C, neither its own
  assert.deepEqual(row('dropped', 'half+'), [1, 1, 2, 1]); // C with B and O2 (true)
  assert.deepEqual(row('all', 'half+'), [2, 2, 4, 2]);
  assert.deepEqual(row('all', 'under half'), [1, 0, 2, 0]);
  assert.deepEqual(row('all', 'all'), [3, 2, 5, 2]); // B-C counted once
  assert.equal(score.rows.find((r) => r.kind === 'exact' && r.band === 'under half'), undefined);
});

test('scoreGrouping: items left out are alone; unknown ids are a TypeError', () => {
  const score = scoreGrouping(tiny(), new Map());
  assert.deepEqual(score.overall, { truePairs: 4, found: 0, recall: 0, predicted: 0, correct: 0, precision: null });
  // the same group id given only to the original and one copy
  const partial = scoreGrouping(tiny(), new Map([['O1', 'same'], ['B', 'same']]));
  assert.equal(partial.overall.found, 1);
  assert.equal(partial.overall.precision, 1);
  assert.throws(() => scoreGrouping(tiny(), new Map([['Z', 'g']])), TypeError);
  assert.equal(sizeBand(0.5), 'half+');
  assert.equal(sizeBand(0.49), 'under half');
});

test('runDuplicateBenchmark gives detectors ids, titles and texts only, and scores each', async () => {
  const bench = buildDuplicateBenchmark(articles(), { name: 'x', seed: 5, originals: 2 });
  const truth = new Map(bench.items.map((it) => [it.id, it.original ?? it.id]));
  const run = await runDuplicateBenchmark(bench, {
    oracle: (items: readonly DetectorItem[]) => {
      for (const it of items) assert.deepEqual(Object.keys(it).sort(), ['id', 'text', 'title']);
      return new Map(items.map((it) => [it.id, truth.get(it.id)!]));
    },
    nothing: async () => new Map(),
  });
  const [oracle, nothing] = run.results;
  assert.equal(oracle.name, 'oracle');
  assert.equal(oracle.score.overall.recall, 1);
  assert.equal(oracle.score.overall.precision, 1);
  assert.equal(nothing.score.overall.recall, 0);
  assert.equal(run.composition.originals, 2);
});

test('the PolNeAR dev benchmark: 60 originals with every copy, the other articles as distractors, reproducible', (t) => {
  const bench = loadDuplicateBenchmark('dev');
  if (!bench) {
    t.skip(`PolNeAR texts not found under ${dataDir()}/polnear/dev/text: ../shared/data is absent`);
    return;
  }
  const composition = benchmarkComposition(bench);
  assert.equal(composition.originals, 60);
  assert.equal(composition.copies, 60 * COPIES_PER_ORIGINAL);
  assert.equal(composition.originals + composition.distractors, 84);
  const half = bench.items.find((it) => it.kind === 'dropped' && it.size === 0.5)!;
  assert.ok(Math.abs(half.kept! - 0.5) < 0.2);
  assert.ok(parseArticle(half.text).paragraphs.length > 0);
  assert.deepEqual(loadDuplicateBenchmark('dev'), bench);
});
