/**
 * Scores Dossier's temporal expressions (`findTimexes`) against TimeML and TIMEX2 gold, beside a
 * chrono-node baseline run on the same documents, with TempEval-3's measures on character
 * spans (src/time/eval/score.ts): strict and relaxed span P/R/F1, type and value accuracy over
 * relaxed matches, type and value F1.
 *
 *   npm run eval:time -- [--data PATH] [--set train|test|wikiwars]... [--errors N] [--json]
 *
 * Sets: `test` the 20 TempEval-3 platinum documents, `wikiwars` the 22 WikiWars histories (both
 * by default); `train` TimeBank + AQUAINT (256 documents), the set to tune on. `--errors N`
 * prints up to N sample errors of each kind per set (missed gold, spurious, span mismatch,
 * wrong type, wrong value), spread over the set's documents.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTimexes } from '../src/time/timexes.ts';
import { chronoTimexes } from '../src/time/eval/chrono-baseline.ts';
import type { EvalDoc } from '../src/time/eval/inline-gold.ts';
import { addCounts, compareTimexes, emptyCounts, measures, type Comparison, type Counts, type Measures, type ScoredTimex } from '../src/time/eval/score.ts';
import { loadTempEval } from '../src/time/eval/tempeval.ts';
import { loadWikiWars, timex2Value } from '../src/time/eval/wikiwars.ts';
import { table } from './eval/table.ts';

const SETS = ['train', 'test', 'wikiwars'] as const;
type SetName = (typeof SETS)[number];
const ERROR_KINDS = ['missed', 'spurious', 'span', 'type', 'value'] as const;
type ErrorKind = (typeof ERROR_KINDS)[number];

const SET_LABELS: Record<SetName, string> = {
  train: 'TempEval-3 train (TimeBank + AQUAINT, the tuning set)',
  test: 'TempEval-3 test (platinum)',
  wikiwars: 'WikiWars 1.0.4 (TIMEX2 keys)',
};

/** The target on TempEval-3 test, in percent. */
const TARGET = { relaxedF1: 90, valueF1: 78 };

/** Published figures (not measured here): percent, on the same data, with the official token-based scorers. */
const PUBLISHED: Array<{ data: string; system: string; strictF1?: number; relaxedF1?: number; valueF1?: number }> = [
  { data: 'TempEval-3 platinum', system: 'HeidelTime', strictF1: 81.3, relaxedF1: 90.3, valueF1: 77.6 },
  { data: 'TempEval-3 platinum', system: 'SUTime', strictF1: 79.6, relaxedF1: 90.3, valueF1: 67.4 },
  { data: 'TempEval-3 platinum', system: 'ClearTK', strictF1: 82.7 },
  { data: 'WikiWars', system: 'HeidelTime', strictF1: 83.6, relaxedF1: 91.4 },
];
const PUBLISHED_SOURCES = 'TempEval-3: UzZaman et al. 2013 (task results, TIMEX3 extraction and normalisation); WikiWars: as reported for HeidelTime, not re-checked here.';

interface Options {
  data: string;
  sets: SetName[];
  errors: number;
  json: boolean;
}

/** One error, for the samples: where it is and what gold and system said. */
interface ErrorSample {
  kind: ErrorKind;
  doc: string;
  context: string;
  gold?: { text: string; type?: string; value?: string; mod?: string };
  system?: { text: string; type?: string; value?: string; mod?: string };
}

interface SystemResult {
  counts: Counts;
  measures: Measures;
  ms: number;
}

interface SetResult {
  set: SetName;
  label: string;
  docs: number;
  chars: number;
  gold: number;
  /** Gold timexes inside another (TIMEX2 nests) and gold timexes with no value. */
  nestedGold: number;
  goldWithoutValue: number;
  dossier: SystemResult;
  chrono: SystemResult;
  errors: Record<ErrorKind, { total: number; samples: ErrorSample[] }>;
}

const USAGE = 'usage: npm run eval:time -- [--data PATH] [--set train|test|wikiwars]... [--errors N] [--json]';

function fail(message: string): never {
  console.error(`eval:time: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opts: Options = { data: resolve(repo, '../shared/data'), sets: [], errors: 0, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') opts.data = resolve(argv[++i] ?? fail('--data takes a path'));
    else if (arg === '--set') {
      const name = argv[++i];
      if (!SETS.includes(name as SetName)) fail(`--set takes one of ${SETS.join(', ')} (got ${name})`);
      if (!opts.sets.includes(name as SetName)) opts.sets.push(name as SetName);
    } else if (arg === '--errors') {
      opts.errors = Number(argv[++i]);
      if (!Number.isInteger(opts.errors) || opts.errors < 0) fail(`--errors takes a whole number (got ${argv[i]})`);
    } else if (arg === '--json') opts.json = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  if (!opts.sets.length) opts.sets = ['test', 'wikiwars'];
  return opts;
}

function loadSet(data: string, set: SetName): EvalDoc[] {
  const folder = set === 'wikiwars' ? join(data, 'wikiwars', 'keyinline') : join(data, 'tempeval3');
  if (!existsSync(folder)) fail(`no ${set === 'wikiwars' ? 'WikiWars' : 'TempEval-3'} data at ${folder}`);
  return set === 'wikiwars' ? loadWikiWars(folder) : loadTempEval(folder, set);
}

/** The text around `span`, on one line, the span in [brackets]. */
function contextOf(text: string, span: { start: number; end: number }, width = 50): string {
  const from = Math.max(0, span.start - width);
  const to = Math.min(text.length, span.end + width);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, span.start))}[${flat(text.slice(span.start, span.end))}]${flat(text.slice(span.end, to))}${to < text.length ? '…' : ''}`;
}

/** Every error of one document's comparison, by kind. */
function errorsOf(doc: EvalDoc, system: ReadonlyArray<ScoredTimex & { mod?: string }>, cmp: Comparison): ErrorSample[] {
  const about = (t: ScoredTimex & { mod?: string }) => ({
    text: doc.text.slice(t.start, t.end),
    ...(t.type ? { type: t.type } : {}),
    ...(t.value !== undefined ? { value: t.value } : {}),
    ...(t.mod ? { mod: t.mod } : {}),
  });
  const out: ErrorSample[] = [];
  for (const g of cmp.missed) out.push({ kind: 'missed', doc: doc.id, context: contextOf(doc.text, doc.gold[g]), gold: about(doc.gold[g]) });
  for (const s of cmp.spurious) out.push({ kind: 'spurious', doc: doc.id, context: contextOf(doc.text, system[s]), system: about(system[s]) });
  for (const p of cmp.pairs) {
    const g = doc.gold[p.gold];
    const s = system[p.system];
    const sample = (kind: ErrorKind, span: { start: number; end: number } = g) => ({ kind, doc: doc.id, context: contextOf(doc.text, span), gold: about(g), system: about(s) });
    if (g.start !== s.start || g.end !== s.end) out.push(sample('span', { start: Math.min(g.start, s.start), end: Math.max(g.end, s.end) }));
    if (g.type !== undefined && g.type !== s.type) out.push(sample('type'));
    if (g.value !== undefined && g.value !== s.value) out.push(sample('value'));
  }
  return out;
}

/** `n` items spread evenly over `items` (the first, then every len/n-th). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

function evaluateSet(opts: Options, set: SetName): SetResult {
  const docs = loadSet(opts.data, set);
  // WikiWars keys write decades and centuries as duration units; read system values the same way (see wikiwars.ts)
  const asGold = (value: string) => (set === 'wikiwars' ? timex2Value(value) : value);
  let dossierCounts = emptyCounts();
  let chronoCounts = emptyCounts();
  let dossierMs = 0;
  let chronoMs = 0;
  const all: ErrorSample[] = [];
  for (const doc of docs) {
    let t = performance.now();
    const found = findTimexes(doc.text, { dct: doc.dct, language: 'en' });
    dossierMs += performance.now() - t;
    const system = found.map((x) => ({ ...x, value: asGold(x.value) }));
    const cmp = compareTimexes(doc.gold, system);
    dossierCounts = addCounts(dossierCounts, cmp.counts);
    if (opts.errors > 0 || opts.json) all.push(...errorsOf(doc, system, cmp));
    t = performance.now();
    const baseline = chronoTimexes(doc.text, doc.dct).map((x) => ({ ...x, value: x.value === undefined ? undefined : asGold(x.value) }));
    chronoMs += performance.now() - t;
    chronoCounts = addCounts(chronoCounts, compareTimexes(doc.gold, baseline).counts);
  }
  const errors = Object.fromEntries(
    ERROR_KINDS.map((kind) => {
      const ofKind = all.filter((e) => e.kind === kind);
      return [kind, { total: ofKind.length, samples: spread(ofKind, opts.errors) }];
    }),
  ) as SetResult['errors'];
  return {
    set,
    label: SET_LABELS[set],
    docs: docs.length,
    chars: docs.reduce((sum, d) => sum + d.text.length, 0),
    gold: dossierCounts.gold,
    nestedGold: docs.reduce((sum, d) => sum + d.gold.filter((g) => g.depth > 0).length, 0),
    goldWithoutValue: docs.reduce((sum, d) => sum + d.gold.filter((g) => g.value === undefined).length, 0),
    dossier: { counts: dossierCounts, measures: measures(dossierCounts), ms: dossierMs },
    chrono: { counts: chronoCounts, measures: measures(chronoCounts), ms: chronoMs },
    errors,
  };
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : (100 * x).toFixed(1));

function measureRow(name: string, m: Measures): string[] {
  return [
    name,
    pct(m.strict.p), pct(m.strict.r), pct(m.strict.f1),
    pct(m.relaxed.p), pct(m.relaxed.r), pct(m.relaxed.f1),
    pct(m.typeAccuracy), pct(m.typeF1?.f1),
    pct(m.valueAccuracy), pct(m.valueF1.f1),
  ];
}

const HEADERS = ['system', 'strict P', 'strict R', 'strict F1', 'relaxed P', 'relaxed R', 'relaxed F1', 'type acc', 'type F1', 'value acc', 'value F1'];

function targetLine(r: Pick<SetResult, 'dossier'>): string {
  const m = r.dossier.measures;
  const met = 100 * m.relaxed.f1 >= TARGET.relaxedF1 && 100 * m.valueF1.f1 >= TARGET.valueF1;
  return `target: relaxed F1 >= ${TARGET.relaxedF1} and value F1 >= ${TARGET.valueF1} on TempEval-3 test: ${met ? 'met' : 'not met'} (relaxed F1 ${pct(m.relaxed.f1)}, value F1 ${pct(m.valueF1.f1)})`;
}

function describe(side: ErrorSample['gold']): string {
  if (!side) return '';
  return `${JSON.stringify(side.text)} ${[side.type, side.value ?? '(no value)', side.mod && `mod=${side.mod}`].filter(Boolean).join(' ')}`;
}

function printSet(r: SetResult, opts: Options): void {
  console.log(`\n${r.label}: ${r.docs} documents, ${r.gold} gold timexes${r.nestedGold ? ` (${r.nestedGold} inside another)` : ''}${r.goldWithoutValue ? `, ${r.goldWithoutValue} without a value` : ''}`);
  console.log(table(HEADERS, [measureRow('Dossier', r.dossier.measures), measureRow('chrono-node baseline', r.chrono.measures)], 1));
  const c = r.dossier.counts;
  console.log(`Dossier (findTimexes, tokenizing included): ${c.system} found, ${c.strict} exact, ${c.relaxed} overlapping; ${r.dossier.ms.toFixed(0)} ms, ${(r.dossier.ms / r.docs).toFixed(2)} ms per document (${((r.dossier.ms * 1000) / r.chars).toFixed(2)} ms per 1,000 characters). chrono-node: ${r.chrono.counts.system} found, ${r.chrono.ms.toFixed(0)} ms.`);
  if (r.set === 'wikiwars') {
    const m = r.dossier.measures;
    console.log(`WikiWars: relaxed span F1 ${pct(m.relaxed.f1)}, value accuracy on matched spans ${pct(m.valueAccuracy)} (of ${c.valued} matches whose key has a value; TIMEX2 has no type).`);
  }
  if (r.set === 'test') console.log(targetLine(r));
  if (opts.errors > 0) {
    for (const kind of ERROR_KINDS) {
      const { total, samples } = r.errors[kind];
      console.log(`\n  ${kind}: ${total} in all${samples.length < total ? `, ${samples.length} shown` : ''}`);
      for (const e of samples) {
        const what = e.gold && e.system ? `gold ${describe(e.gold)}  vs  system ${describe(e.system)}` : e.gold ? `gold ${describe(e.gold)}` : `system ${describe(e.system)}`;
        console.log(`    ${e.doc}: ${what}\n      ${e.context}`);
      }
    }
  }
}

function printPublished(): void {
  console.log('\nPublished figures (NOT measured here; F1 in percent, official token-based scorers):');
  const rows = PUBLISHED.map((p) => [p.data, p.system, p.strictF1?.toFixed(1) ?? '—', p.relaxedF1?.toFixed(1) ?? '—', p.valueF1?.toFixed(1) ?? '—']);
  console.log(table(['data', 'system', 'strict F1', 'relaxed F1', 'value F1'], rows, 2));
  console.log(PUBLISHED_SOURCES);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.data)) {
    console.error(`eval:time: no data folder at ${opts.data}. It holds tempeval3/ and wikiwars/ (see ../shared/data/README.md); pass --data PATH.`);
    process.exit(2);
  }
  // load wink's model and warm both taggers before timing
  const warmUp = 'The talks resumed on 2025-03-14, a week after the truce, at 5 pm on Friday.';
  findTimexes(warmUp, { dct: '2025-03-15' });
  chronoTimexes(warmUp, '2025-03-15');
  const results = opts.sets.map((set) => evaluateSet(opts, set));
  if (opts.json) {
    const json = results.map(({ errors, ...r }) => ({
      ...r,
      ...(r.set === 'test' ? { target: { ...TARGET, met: targetLine(r).includes(': met') } } : {}),
      errors: Object.fromEntries(ERROR_KINDS.map((k) => [k, { total: errors[k].total, ...(opts.errors ? { samples: errors[k].samples } : {}) }])),
    }));
    console.log(JSON.stringify({ data: opts.data, sets: json, published: PUBLISHED }, null, 2));
    return;
  }
  console.log(`data: ${opts.data}`);
  console.log('Measures in percent, on character spans, micro-averaged over the documents (src/time/eval/score.ts); the chrono-node');
  console.log('baseline keeps chrono\'s certain components only (src/time/eval/chrono-baseline.ts).');
  for (const r of results) printSet(r, opts);
  printPublished();
}

main();
