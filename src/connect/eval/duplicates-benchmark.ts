/**
 * The duplicate benchmark: PolNeAR news articles (2016 US election, seven outlets), some of
 * them copied in known ways (`rewrite.ts`), the rest left as distractors; and the scorer that
 * reads a detector's grouping against it, per kind of copy and per size.
 *
 * A split's benchmark is built by a fixed seed from `polnear/<split>/text/*.txt` under the
 * shared data folder, never stored: `dev` for tuning, `test` for reporting. Articles of the
 * same split often cover the same event and the same people, so the originals and the
 * distractors are hard negatives for each other.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dataDir } from '../../learn/script-options.ts';
import { parseArticle, sentenceCount } from './article-parts.ts';
import { COPY_KINDS, COPY_SIZES, makeCopies, type CopyKind } from './rewrite.ts';
import { deriveSeed, seededRandom } from './seeded-random.ts';

/** The splits a benchmark is built from. */
export const BENCHMARK_SPLITS = ['dev', 'test'] as const;
export type BenchmarkSplit = (typeof BENCHMARK_SPLITS)[number];

/** The fixed seed of each split's benchmark. */
export const SPLIT_SEEDS: Readonly<Record<BenchmarkSplit, number>> = { dev: 20160926, test: 20161108 };

/** How many articles of a split are copied (the rest are distractors). */
export const DEFAULT_ORIGINALS = 60;

/** An article an original may be: enough paragraphs and sentences for its sizes to differ. */
const MIN_PARAGRAPHS = 4;
const MIN_SENTENCES = 8;

/** A source article: its name (the file name without `.txt`) and its text. */
export interface SourceArticle {
  name: string;
  text: string;
}

/** What a detector is given of an item: no hint of where it came from. */
export interface DetectorItem {
  /** An opaque id (`dev-0412`); item order and ids are shuffled. */
  id: string;
  /** The first line of the text. */
  title: string;
  text: string;
}

/** An item of the benchmark with its truth. */
export interface BenchmarkItem extends DetectorItem {
  /** `original`: an article that has copies; `copy`: one of them; `distractor`: an article with none. */
  role: 'original' | 'copy' | 'distractor';
  /** The source article's name (for a copy, its original's). */
  article: string;
  /** For a copy: the id of its original. */
  original?: string;
  kind?: CopyKind;
  /** For a copy: the share of sentences asked for. */
  size?: number;
  /** For a copy: the share of the original's body sentences it holds. */
  kept?: number;
}

/** A built benchmark. */
export interface DuplicateBenchmark {
  name: string;
  seed: number;
  items: BenchmarkItem[];
}

/** Options for `buildDuplicateBenchmark`. */
export interface BuildOptions {
  /** The name, also the ids' prefix (`dev`). */
  name: string;
  seed: number;
  /** How many articles to copy (fewer where fewer are long enough); default 60. */
  originals?: number;
  /** The kinds and sizes of copy to make of each original; default `COPY_SIZES`. */
  sizes?: Readonly<Record<CopyKind, readonly number[]>>;
}

/**
 * The PolNeAR texts of a split, sorted by name, or null when the folder is absent.
 * `data` is the shared data folder (default `../shared/data` from the repository root).
 */
export function readPolnearTexts(split: BenchmarkSplit, data = dataDir()): SourceArticle[] | null {
  const dir = join(data, 'polnear', split, 'text');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: basename(f, '.txt'), text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Builds a benchmark from source articles: `originals` of them, drawn by the seed among
 * those with at least 4 paragraphs and 8 sentences, each with a copy of every kind at every
 * size; every other article is a distractor. Items are shuffled and numbered by the seed, so
 * neither order nor id tells a detector anything. The same articles and options give the same
 * benchmark.
 */
export function buildDuplicateBenchmark(articles: readonly SourceArticle[], options: BuildOptions): DuplicateBenchmark {
  const { name, seed } = options;
  const sizes = options.sizes ?? COPY_SIZES;
  const sorted = [...articles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (new Set(sorted.map((a) => a.name)).size !== sorted.length) throw new TypeError('buildDuplicateBenchmark: article names must be unique');
  const rng = seededRandom(seed);
  const eligible = sorted.filter((a) => {
    const parts = parseArticle(a.text);
    return parts.paragraphs.length >= MIN_PARAGRAPHS && sentenceCount(parts) >= MIN_SENTENCES;
  });
  const picked = new Set(rng.shuffle(eligible).slice(0, options.originals ?? DEFAULT_ORIGINALS).map((a) => a.name));
  type Draft = Omit<BenchmarkItem, 'id' | 'original'> & { originalKey?: string; key: string };
  const drafts: Draft[] = [];
  for (const a of sorted) {
    if (!picked.has(a.name)) {
      drafts.push({ key: a.name, role: 'distractor', article: a.name, title: titleOf(a.text), text: a.text });
      continue;
    }
    drafts.push({ key: a.name, role: 'original', article: a.name, title: titleOf(a.text), text: a.text });
    for (const copy of makeCopies(a.text, (kind, size) => deriveSeed(seed, a.name, kind, size), sizes)) {
      drafts.push({
        key: `${a.name}\u0001${copy.kind}\u0001${copy.size}`,
        originalKey: a.name,
        role: 'copy',
        article: a.name,
        title: titleOf(copy.text),
        text: copy.text,
        kind: copy.kind,
        size: copy.size,
        kept: copy.kept,
      });
    }
  }
  const shuffled = rng.shuffle(drafts);
  const width = String(shuffled.length - 1).length;
  const idOf = new Map(shuffled.map((d, i) => [d.key, `${name}-${String(i).padStart(width, '0')}`]));
  const items = shuffled.map(({ key, originalKey, ...rest }): BenchmarkItem => {
    const item: BenchmarkItem = { id: idOf.get(key)!, ...rest };
    if (originalKey !== undefined) item.original = idOf.get(originalKey)!;
    return item;
  });
  return { name, seed, items };
}

/**
 * A split's benchmark as the evaluation reports it: the split's PolNeAR texts, its fixed
 * seed, 60 originals. Null when the data is absent.
 */
export function loadDuplicateBenchmark(split: BenchmarkSplit, data = dataDir()): DuplicateBenchmark | null {
  const articles = readPolnearTexts(split, data);
  return articles && articles.length > 0 ? buildDuplicateBenchmark(articles, { name: split, seed: SPLIT_SEEDS[split] }) : null;
}

function titleOf(text: string): string {
  return text.replace(/^\s+/, '').split('\n', 1)[0].trim();
}

/** A grouping of items: item id → group id. Items it leaves out are groups of their own. */
export type Grouping = Map<string, string>;

/** A duplicate detector as the benchmark runs it. */
export type DuplicateDetector = (items: readonly DetectorItem[]) => Grouping | Promise<Grouping>;

/** The size bands copies are reported in: holding half the original's sentences or more, or less. */
export type SizeBand = 'half+' | 'under half';

/** The band of a kept share. */
export function sizeBand(kept: number): SizeBand {
  return kept >= 0.5 ? 'half+' : 'under half';
}

/** Pair counts and the precision and recall they give (null where nothing was counted). */
export interface PairScore {
  /** True pairs counted for recall, and how many of them the grouping puts together. */
  truePairs: number;
  found: number;
  recall: number | null;
  /** Predicted pairs counted for precision, and how many of them are true. */
  predicted: number;
  correct: number;
  precision: number | null;
}

/** One row of a score: a kind (or all kinds) and a size band (or both). */
export interface KindScore extends PairScore {
  kind: CopyKind | 'all';
  band: SizeBand | 'all';
  /** The number of copies in the row. */
  copies: number;
}

/** A grouping's score on a benchmark. */
export interface DuplicateScore {
  /** Per kind and band, then per kind over both bands, then all kinds per band and over both. */
  rows: KindScore[];
  /** Over every pair of items. */
  overall: PairScore;
}

/**
 * Scores a grouping against the benchmark's truth, by pairs of items.
 *
 * True groups: an original with all its copies; every distractor alone. A true pair is any
 * two items of one true group, so copies of the same original are true pairs with each
 * other as well as with their original. A predicted pair is any two items the grouping gives
 * the same group id (items it leaves out are alone).
 *
 * - `overall`: recall = true pairs predicted / all true pairs; precision = predicted pairs
 *   that are true / all predicted pairs. Two different originals grouped together, or a
 *   distractor grouped with anything, are false positives (with every pair they bring along).
 * - A row for kind K and band B counts the copies of kind K whose kept share falls in B.
 *   Recall = (original, copy) pairs of those copies that are predicted / those pairs (one per
 *   copy; pairs between copies do not count here). Precision = predicted pairs with at least
 *   one of those copies in them that are true / all predicted pairs with one of them in them;
 *   a pair of two copies of different rows counts in both rows, once in each.
 *
 * A grouping that names an id the benchmark lacks is a programming error (TypeError).
 *
 * @example scoreGrouping(benchmark.items, new Map()) // nothing grouped: recall 0, precision null
 */
export function scoreGrouping(items: readonly BenchmarkItem[], predicted: Grouping): DuplicateScore {
  const byId = new Map(items.map((it) => [it.id, it]));
  for (const id of predicted.keys()) if (!byId.has(id)) throw new TypeError(`scoreGrouping: unknown item id ${id}`);
  const truthGroup = (it: BenchmarkItem) => it.original ?? it.id;
  const predictedGroup = (it: BenchmarkItem) => {
    const g = predicted.get(it.id);
    return g === undefined ? `\u0000${it.id}` : `\u0001${g}`;
  };
  const rowKeys = (it: BenchmarkItem): string[] => {
    if (it.role !== 'copy') return [];
    const band = sizeBand(it.kept!);
    return [`${it.kind}|${band}`, `${it.kind}|all`, `all|${band}`, 'all|all'];
  };
  const tallies = new Map<string, { copies: number; truePairs: number; found: number; predicted: number; correct: number }>();
  const tally = (key: string) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { copies: 0, truePairs: 0, found: 0, predicted: 0, correct: 0 }));
    return t;
  };
  // recall of rows: one (original, copy) pair per copy
  for (const it of items) {
    if (it.role !== 'copy') continue;
    const original = byId.get(it.original!);
    if (!original) throw new TypeError(`scoreGrouping: copy ${it.id} names a missing original ${it.original}`);
    const together = predictedGroup(it) === predictedGroup(original);
    for (const key of rowKeys(it)) {
      const t = tally(key);
      t.copies++;
      t.truePairs++;
      if (together) t.found++;
    }
  }
  // overall recall: pairs within true groups
  const truthSizes = countBy(items, truthGroup);
  let truePairs = 0;
  for (const n of truthSizes.values()) truePairs += (n * (n - 1)) / 2;
  // predicted pairs, enumerated within predicted groups
  const groups = new Map<string, BenchmarkItem[]>();
  for (const it of items) {
    const g = predictedGroup(it);
    const list = groups.get(g);
    if (list) list.push(it);
    else groups.set(g, [it]);
  }
  let predictedPairs = 0;
  let correct = 0;
  for (const members of groups.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i];
        const b = members[j];
        const isTrue = truthGroup(a) === truthGroup(b);
        predictedPairs++;
        if (isTrue) correct++;
        for (const key of new Set([...rowKeys(a), ...rowKeys(b)])) {
          const t = tally(key);
          t.predicted++;
          if (isTrue) t.correct++;
        }
      }
    }
  }
  const rows: KindScore[] = [];
  const bands: Array<SizeBand | 'all'> = ['half+', 'under half', 'all'];
  for (const kind of [...COPY_KINDS, 'all' as const]) {
    for (const band of bands) {
      const t = tallies.get(`${kind}|${band}`);
      if (t) rows.push({ kind, band, copies: t.copies, ...pairScore(t.truePairs, t.found, t.predicted, t.correct) });
    }
  }
  return { rows, overall: pairScore(truePairs, correct, predictedPairs, correct) };
}

function pairScore(truePairs: number, found: number, predicted: number, correct: number): PairScore {
  return {
    truePairs,
    found,
    recall: truePairs > 0 ? found / truePairs : null,
    predicted,
    correct,
    precision: predicted > 0 ? correct / predicted : null,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  return counts;
}

/** One cell of a benchmark's composition: the copies of a kind at a size. */
export interface CompositionRow {
  kind: CopyKind;
  size: number;
  copies: number;
  /** The kept shares: lowest, mean, highest; and how many copies hold half or more. */
  minKept: number;
  meanKept: number;
  maxKept: number;
  halfOrMore: number;
}

/** What a benchmark holds: items by role, true pairs, and copies per kind and size. */
export interface Composition {
  items: number;
  originals: number;
  copies: number;
  distractors: number;
  truePairs: number;
  rows: CompositionRow[];
}

/** Counts what a benchmark holds. */
export function benchmarkComposition(benchmark: DuplicateBenchmark): Composition {
  const items = benchmark.items;
  const copies = items.filter((it) => it.role === 'copy');
  const cells = new Map<string, BenchmarkItem[]>();
  for (const c of copies) {
    const key = `${c.kind}|${c.size}`;
    const cell = cells.get(key);
    if (cell) cell.push(c);
    else cells.set(key, [c]);
  }
  const rows: CompositionRow[] = [];
  for (const kind of COPY_KINDS) {
    const sizes = [...new Set(copies.filter((c) => c.kind === kind).map((c) => c.size!))].sort((a, b) => b - a);
    for (const size of sizes) {
      const kept = cells.get(`${kind}|${size}`)!.map((c) => c.kept!);
      rows.push({
        kind,
        size,
        copies: kept.length,
        minKept: Math.min(...kept),
        meanKept: kept.reduce((a, b) => a + b, 0) / kept.length,
        maxKept: Math.max(...kept),
        halfOrMore: kept.filter((k) => k >= 0.5).length,
      });
    }
  }
  let truePairs = 0;
  for (const n of countBy(items, (it) => it.original ?? it.id).values()) truePairs += (n * (n - 1)) / 2;
  return {
    items: items.length,
    originals: items.filter((it) => it.role === 'original').length,
    copies: copies.length,
    distractors: items.filter((it) => it.role === 'distractor').length,
    truePairs,
    rows,
  };
}

/** One detector's result on a benchmark. */
export interface DetectorResult {
  name: string;
  score: DuplicateScore;
  /** Wall-clock time of the detector's call, in milliseconds. */
  ms: number;
}

/** A benchmark run: the benchmark, what it holds, and each detector's score. */
export interface BenchmarkRun {
  benchmark: DuplicateBenchmark;
  composition: Composition;
  results: DetectorResult[];
}

/**
 * Runs named detectors on a benchmark (a split's, built from the data folder, or one given)
 * and scores each. Detectors see only ids, titles and texts. The product's detector joins as
 * one more entry: `runDuplicateBenchmark('dev', { ...BASELINE_DETECTORS, product: detect })`.
 * Throws an Error naming the folder when a split's data is absent.
 */
export async function runDuplicateBenchmark(
  benchmark: BenchmarkSplit | DuplicateBenchmark,
  detectors: Readonly<Record<string, DuplicateDetector>>,
  options: { data?: string } = {},
): Promise<BenchmarkRun> {
  let built: DuplicateBenchmark;
  if (typeof benchmark === 'string') {
    const data = options.data ?? dataDir();
    const loaded = loadDuplicateBenchmark(benchmark, data);
    if (!loaded) throw new Error(`PolNeAR texts not found under ${join(data, 'polnear', benchmark, 'text')}`);
    built = loaded;
  } else {
    built = benchmark;
  }
  const input: DetectorItem[] = built.items.map(({ id, title, text }) => ({ id, title, text }));
  const results: DetectorResult[] = [];
  for (const [name, detect] of Object.entries(detectors)) {
    const started = performance.now();
    const grouping = await detect(input);
    const ms = performance.now() - started;
    results.push({ name, score: scoreGrouping(built.items, grouping), ms });
  }
  return { benchmark: built, composition: benchmarkComposition(built), results };
}
