/**
 * Ingest throughput and peak memory, on one core, storage included; and the cost of connecting
 * articles across the corpus as it grows. Prints figures; asserts nothing about timings.
 *
 *   npm run bench -- [--n N] [--data PATH] [--json] [--only PHASES] [--profile] [--skip-stages STAGES]
 *                    [--connect-sizes 1000,10000|none] [--connect-window 200] [--connect-cases copies,crowded,aliases,story] [--connect-story 5000]
 *
 * Phases, each in its own child process (single-threaded but for workers) so that each peak memory is its own:
 * - wink:        wink-nlp alone (`wink().readDoc(text)`, tokens read out) over the plain texts: the baseline
 * - text:        `ingest(store, [folder])` over N .txt files into a fresh SQLite database
 * - html:        the same texts wrapped in news-page templates (nav, sidebar, comments, footer), N .html files
 * - trafilatura: the extraction benchmark's real web pages (990, gunzipped), as .html files
 * - linear:      the pipeline alone on 50 KB, 500 KB and 5 MB articles (one long line; many paragraphs; one paragraph crowded with
 *                 unbalanced quotation marks; one line with no punctuation)
 * - time:        the temporal-expression stage (timexes) alone, ms per article on the first 300 plain texts, beside the whole
 *                pipeline's ms per article on the same texts (the baseline); and the stage on one text of 1x, 4x and 16x 25k
 *                characters, with the ratios, beside tokenizing the same texts (scripts/bench/time-bench.ts)
 * - parse:       the dependency-parse stage alone, ms per article on the first 300 plain texts, beside the whole pipeline's
 *                ms per article on the same texts; and one sentence of 5k, 20k and 80k tokens, beside tokenizing it
 *                (scripts/bench/parse-bench.ts)
 * - events:      the events stage alone, ms per article on the first 300 plain texts, beside the pipeline before it; and
 *                one text of 1x, 4x and 16x 25k characters, beside tokenizing it (scripts/bench/events-bench.ts)
 * - workers:     the same plain texts (up to 400) ingested by a pool of 1 and of 2 worker threads, and in the main thread
 *                alone, each in its own process: articles/s, the ratio of 2 workers to 1, peak RSS (scripts/bench/workers-bench.ts)
 * - connect:     not in the default run (about 45 minutes on a shared two-core machine at the default sizes; `--only connect`):
 *                generated processed articles (scripts/bench/connect-corpus.ts, no tagging models) stored into a fresh SQLite file
 *                and connected; at each size of `--connect-sizes` (default 1,000 and 10,000; 100,000 on request, since filling
 *                to it takes an hour or more; `none` skips this part) the next `--connect-window` articles are stored and
 *                connected one at a time, and connect's median and p90 ms per article are printed beside Store.put's (the
 *                baseline), with their growth between sizes, the store calls connect makes, database bytes per article and
 *                peak memory; then `rebuildConnections` on the corpus at the largest size up to 10,000. Then the bad inputs
 *                (`--connect-cases`), each in its own database: 3,000 copies of one article; one article naming 500, then 5,000
 *                people; one person written 10,000 ways over 2,500 articles; one story of `--connect-story` articles (5,000:
 *                50,000 would take hours here).
 *
 * `--only text,html` runs some phases; `--profile` samples the CPU during each timed ingest
 * (V8's profiler through node:inspector, as `node --cpu-prof` does, but only over the timed part)
 * and prints the top self-time functions and modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Session } from 'node:inspector/promises';
import { createDoc } from '../src/doc/doc.ts';
import { defaultStages } from '../src/pipeline/default-pipeline.ts';
import { createPipeline, type Pipeline, type Stage } from '../src/pipeline/stage.ts';
import type { Store } from '../src/store/store.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { wink } from '../src/text/tokenize.ts';
import { generatedTexts, htmlPage, longArticle, LONG_SHAPES, textCorpus, type LongShape, type TextCorpus } from './bench/corpus.ts';
import { summariseProfile, type ProfileSummary } from './bench/cpu-profile.ts';
import { measureTimeStage, timeReport, type TimeStageFigures } from './bench/time-bench.ts';
import { measureParseStage, parseReport, type ParseStageFigures } from './bench/parse-bench.ts';
import { eventsReport, measureEventsStage, type EventsStageFigures } from './bench/events-bench.ts';
import { runWorkersBench, workersReport, type WorkersFigures } from './bench/workers-bench.ts';
import { CASES, casesReport, DEFAULT_CASE_SIZES, measureCase, measureScale, scaleReport, type CaseFigures, type CaseName, type ScaleFigures } from './bench/connect-bench.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = fileURLToPath(import.meta.url);
const PHASES = ['wink', 'text', 'html', 'trafilatura', 'linear', 'time', 'parse', 'events', 'workers', 'connect'] as const;
type PhaseName = (typeof PHASES)[number];
/** The phases of a run without `--only`: connect is left out for its time (see the doc comment). */
const DEFAULT_PHASES: PhaseName[] = ['wink', 'text', 'html', 'trafilatura', 'linear', 'time', 'parse', 'events', 'workers'];
/**
 * A connect measurement's time limit: this much per article of its largest size, and ten minutes
 * more (filling to 100,000 averaged about 45 ms an article on a shared two-core machine, and the
 * cost grows with the corpus).
 */
const CONNECT_MS_PER_ARTICLE_LIMIT = 150;
const CONNECT_CASE_TIMEOUT_MS = 1_200_000;
const TARGETS: Partial<Record<PhaseName, number>> = { text: 200, html: 40, trafilatura: 40 };
const LINEAR_SIZES = [50 * 1024, 500 * 1024, 5 * 1024 * 1024];
const WARM_UP_ARTICLES = 20;
/** A linear-time case that runs longer than this is reported as timed out. */
const LINEAR_TIMEOUT_MS = 180_000;
const PHASE_TIMEOUT_MS = 900_000;

interface Options {
  n: number;
  data: string;
  json: boolean;
  only: PhaseName[];
  profile: boolean;
  /** Stages left out of the pipeline (e.g. `entities`, to measure the foundation alone). */
  skipStages: string[];
  /** Corpus sizes at which connect is measured, the window of articles timed at each, the bad-input cases and the long story's size. */
  connectSizes: number[];
  connectWindow: number;
  connectCases: CaseName[];
  connectStory: number;
  /** Internal: run one phase in this process. */
  phase?: string;
  work?: string;
  out?: string;
  profileOut?: string;
}

/** What a child process measured in one phase. */
interface PhaseResult {
  phase: string;
  label: string;
  items: number;
  seconds: number;
  cpuSeconds: number;
  tokens: number;
  chars: number;
  inputBytes: number;
  ingested?: number;
  skipped?: number;
  failed?: number;
  failures?: string[];
  dbBytes?: number;
  modelLoadMs: number;
  maxRssKB: number;
  heapUsedMB: number;
  corpus?: Omit<TextCorpus, 'texts'> & { bytes: number };
  linear?: { shape: string; bytes: number };
  /** Milliseconds per pipeline stage, and in the store's `has` and `put`, summed over the timed run. */
  breakdown?: Record<string, number>;
  stages?: string[];
  profile?: ProfileSummary;
  /** The connect phase's figures: the scale measurement, or one bad-input case. */
  connectScale?: ScaleFigures;
  connectCase?: CaseFigures;
  /** The time phase's figures. */
  timeStage?: TimeStageFigures;
  /** The parse phase's figures. */
  parseStage?: ParseStageFigures;
  /** The events phase's figures. */
  eventsStage?: EventsStageFigures;
  /** One configuration of the workers phase. */
  workers?: WorkersFigures;
  error?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    n: 2000,
    data: resolve(REPO, '../shared/data'),
    json: false,
    only: [...DEFAULT_PHASES],
    profile: false,
    skipStages: [],
    connectSizes: [1000, 10_000],
    connectWindow: 200,
    connectCases: [...CASES],
    connectStory: DEFAULT_CASE_SIZES.story,
  };
  const count = (flag: string, value: string | undefined, min = 1): number => {
    const x = Number(value);
    if (!Number.isInteger(x) || x < min) fail(`${flag} takes a whole number from ${min} (got ${value})`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--n') {
      opts.n = Number(argv[++i]);
      if (!Number.isInteger(opts.n) || opts.n < 1) fail(`--n takes a positive whole number (got ${argv[i]})`);
    } else if (arg === '--data') opts.data = resolve(argv[++i] ?? '');
    else if (arg === '--json') opts.json = true;
    else if (arg === '--profile') opts.profile = true;
    else if (arg === '--skip-stages') {
      opts.skipStages = (argv[++i] ?? '').split(',').filter(Boolean);
      const known = defaultStages().map((st) => st.name);
      for (const name of opts.skipStages) if (!known.includes(name)) fail(`--skip-stages takes stages from ${known.join(', ')} (got ${name})`);
    }
    else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      for (const name of names) if (!PHASES.includes(name as PhaseName)) fail(`--only takes phases from ${PHASES.join(', ')} (got ${name})`);
      opts.only = names as PhaseName[];
    } else if (arg === '--connect-sizes') {
      const value = argv[++i] ?? '';
      opts.connectSizes = value === 'none' ? [] : value.split(',').map((x) => count('--connect-sizes', x, 100));
    }
    else if (arg === '--connect-window') opts.connectWindow = count('--connect-window', argv[++i]);
    else if (arg === '--connect-story') opts.connectStory = count('--connect-story', argv[++i]);
    else if (arg === '--connect-cases') {
      const names = (argv[++i] ?? '').split(',').filter((x) => x && x !== 'none');
      for (const name of names) if (!CASES.includes(name as CaseName)) fail(`--connect-cases takes cases from ${CASES.join(', ')}, or none (got ${name})`);
      opts.connectCases = names as CaseName[];
    } else if (arg === '--phase') opts.phase = argv[++i];
    else if (arg === '--work') opts.work = argv[++i];
    else if (arg === '--out') opts.out = argv[++i];
    else if (arg === '--profile-out') opts.profileOut = argv[++i];
    else fail(`unknown option ${arg}`);
  }
  return opts;
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------- child: one phase

function memory(): { maxRssKB: number; heapUsedMB: number } {
  return { maxRssKB: process.resourceUsage().maxRSS, heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024 };
}

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Loads the wink model and runs a few generated articles through the pipeline, so timing starts warm. */
function warmUp(format: 'text' | 'html', pipeline: Pipeline): number {
  const started = performance.now();
  wink();
  const modelLoadMs = performance.now() - started;
  const texts = generatedTexts(WARM_UP_ARTICLES, 99);
  texts.forEach((t, i) => pipeline(createDoc(format === 'html' ? htmlPage(t, i, texts) : t.text, format)));
  return modelLoadMs;
}

/** The default stages, each timed into `times` (a few performance.now() calls per article). */
function timedPipeline(times: Record<string, number>, skip: readonly string[]): Pipeline {
  const stages = defaultStages().filter((stage) => !skip.includes(stage.name)).map((stage): Stage => {
    times[stage.name] = 0;
    return {
      ...stage,
      run(doc) {
        const t = performance.now();
        stage.run(doc);
        times[stage.name] += performance.now() - t;
      },
    };
  });
  return createPipeline(stages);
}

/** The store with `isComplete` (ingest's already-stored check) and `put` timed into `times`. */
function timedStore(store: Store, times: Record<string, number>): Store {
  times['store.isComplete'] = 0;
  times['store.put'] = 0;
  const timed = Object.create(store) as Store;
  timed.isComplete = (id) => {
    const t = performance.now();
    const complete = store.isComplete(id);
    times['store.isComplete'] += performance.now() - t;
    return complete;
  };
  timed.put = (doc) => {
    const t = performance.now();
    store.put(doc);
    times['store.put'] += performance.now() - t;
  };
  return timed;
}

/** Samples the CPU (V8's profiler, 1 ms interval) while `fn` runs, when `out` names a file to write. */
async function profiled<T>(out: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!out) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
  }
}

function dbSize(path: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

function writeFiles(dir: string, files: { name: string; content: string | Uint8Array }[]): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.content);
    bytes += typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.length;
  }
  return bytes;
}

/** Times `ingest(store, [folder])` into a fresh database, then reads the stored articles back to count tokens. */
async function timeIngest(opts: Options, phase: PhaseName, label: string, folder: string, work: string, inputBytes: number): Promise<PhaseResult> {
  const breakdown: Record<string, number> = {};
  const pipeline = timedPipeline(breakdown, opts.skipStages);
  const modelLoadMs = warmUp(phase === 'text' ? 'text' : 'html', pipeline);
  for (const key of Object.keys(breakdown)) breakdown[key] = 0;
  const dbPath = join(work, `${phase}.db`);
  const store = openSqliteStore(dbPath);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await profiled(opts.profileOut, () => ingest(timedStore(store, breakdown), [folder], { pipeline }));
  const seconds = (performance.now() - started) / 1000;
  const cpuS = cpuSeconds(cpu);
  const mem = memory();
  let tokens = 0;
  let chars = 0;
  for (const id of summary.ids) {
    const doc = store.get(id);
    tokens += doc?.tokens.length ?? 0;
    chars += doc?.text.length ?? 0;
  }
  store.close();
  return {
    phase,
    label,
    items: summary.ingested + summary.skipped + summary.failed.length,
    seconds,
    cpuSeconds: cpuS,
    tokens,
    chars,
    inputBytes,
    ingested: summary.ingested,
    skipped: summary.skipped,
    failed: summary.failed.length,
    failures: summary.failed.slice(0, 5).map((f) => `${f.code}: ${f.reason}`),
    dbBytes: dbSize(dbPath),
    modelLoadMs,
    breakdown,
    stages: pipeline.stages.map((st) => st.name),
    ...mem,
  };
}

/**
 * A phase that times one stage beside the default pipeline (without the stages `--skip-stages`
 * names and, where `leaveOut` is given, without that stage), after warm-up: `measure` gets the
 * bench texts and that pipeline, `shape` turns its figures into the phase's result.
 */
function stagePhase<F>(
  opts: Options,
  phase: PhaseName,
  label: string,
  leaveOut: string | null,
  measure: (texts: ReturnType<typeof textCorpus>['texts'], pipeline: Pipeline) => F,
  shape: (figures: F) => Pick<PhaseResult, 'items' | 'tokens' | 'chars'> & Partial<PhaseResult>,
): PhaseResult {
  const corpus = textCorpus(opts.data, opts.n);
  const pipeline = createPipeline(defaultStages().filter((stage) => !opts.skipStages.includes(stage.name) && stage.name !== leaveOut));
  const modelLoadMs = warmUp('text', pipeline);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const figures = measure(corpus.texts, pipeline);
  return { phase, label, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu), inputBytes: 0, modelLoadMs, ...shape(figures), ...memory() };
}

async function runPhase(opts: Options): Promise<PhaseResult> {
  const work = opts.work ?? fail('--phase needs --work');
  const [name, shape, size] = (opts.phase ?? '').split(':');
  if (name === 'wink') {
    const corpus = textCorpus(opts.data, opts.n);
    const modelLoadMs = warmUp('text', createPipeline(defaultStages()));
    const nlp = wink();
    const its = nlp.its;
    const cpu = process.cpuUsage();
    const started = performance.now();
    let tokens = 0;
    for (const { text } of corpus.texts) {
      const values = nlp.readDoc(text).tokens().out(its.value) as string[];
      for (const v of values) if (v.trim() !== '') tokens++;
    }
    const seconds = (performance.now() - started) / 1000;
    const { texts, ...about } = corpus;
    const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t.text), 0);
    return {
      phase: 'wink',
      label: 'wink-nlp alone (readDoc + tokens out)',
      items: texts.length,
      seconds,
      cpuSeconds: cpuSeconds(cpu),
      tokens,
      chars: texts.reduce((s, t) => s + t.text.length, 0),
      inputBytes: bytes,
      modelLoadMs,
      corpus: { ...about, bytes },
      ...memory(),
    };
  }
  if (name === 'text' || name === 'html') {
    const corpus = textCorpus(opts.data, opts.n);
    const { texts, ...about } = corpus;
    const folder = join(work, name);
    const bytes = writeFiles(
      folder,
      texts.map((t, i) => ({ name: `${String(i).padStart(5, '0')}-${t.name}.${name === 'text' ? 'txt' : 'html'}`, content: name === 'text' ? t.text : htmlPage(t, i, texts) })),
    );
    const label = name === 'text' ? 'Dossier ingest, plain text → SQLite' : 'Dossier ingest, HTML (templated) → SQLite';
    const result = await timeIngest(opts, name, label, folder, work, bytes);
    return { ...result, corpus: { ...about, bytes: texts.reduce((s, t) => s + Buffer.byteLength(t.text), 0) } };
  }
  if (name === 'trafilatura') {
    const source = join(opts.data, 'extraction', 'trafilatura', 'html');
    if (!existsSync(source)) throw new Error(`${source} is absent`);
    const files = readdirSync(source).filter((f) => f.endsWith('.html.gz')).sort().slice(0, opts.n);
    const folder = join(work, name);
    const bytes = writeFiles(folder, files.map((f) => ({ name: f.replace(/\.gz$/, ''), content: gunzipSync(readFileSync(join(source, f))) })));
    return timeIngest(opts, 'trafilatura', 'Dossier ingest, HTML (trafilatura pages) → SQLite', folder, work, bytes);
  }
  if (name === 'connect') return runConnect(opts, work, shape);
  if (name === 'time') {
    return stagePhase(opts, 'time', 'timexes stage beside the pipeline', null, measureTimeStage, (f) => ({ items: f.articles, tokens: 0, chars: f.chars, timeStage: f }));
  }
  if (name === 'parse') {
    return stagePhase(opts, 'parse', 'parse stage beside the pipeline', 'parse', measureParseStage, (f) => ({ items: f.articles, tokens: f.tokens, chars: 0, parseStage: f }));
  }
  if (name === 'events') {
    return stagePhase(opts, 'events', 'events stage beside the pipeline', 'events', (texts, pipeline) => measureEventsStage(texts, pipeline), (f) => ({ items: f.articles, tokens: 0, chars: f.chars, eventsStage: f }));
  }
  if (name === 'linear') {
    const bytes = Number(size);
    if (!(LONG_SHAPES as readonly string[]).includes(shape) || !bytes) throw new TypeError(`bad linear case ${opts.phase}`);
    const text = longArticle(bytes, shape as LongShape);
    const pipeline = createPipeline(defaultStages().filter((stage) => !opts.skipStages.includes(stage.name)));
    const modelLoadMs = warmUp('text', pipeline);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const doc = pipeline(createDoc(text, 'text'));
    const seconds = (performance.now() - started) / 1000;
    return {
      phase: opts.phase ?? name,
      label: `pipeline only, ${shape}, ${kb(bytes)}`,
      items: 1,
      seconds,
      cpuSeconds: cpuSeconds(cpu),
      tokens: doc.tokens.length,
      chars: doc.text.length,
      inputBytes: bytes,
      modelLoadMs,
      linear: { shape, bytes },
      ...memory(),
    };
  }
  throw new TypeError(`unknown phase ${opts.phase}`);
}

/** A result as the connect phase reports it: its figures, with the rest of PhaseResult for the common table. */
function connectResult(phase: string, label: string, items: number, seconds: number, extra: Partial<PhaseResult>): PhaseResult {
  return { phase, label, items, seconds, cpuSeconds: 0, tokens: 0, chars: 0, inputBytes: 0, modelLoadMs: 0, ...memory(), ...extra };
}

/**
 * One part of the connect phase in this process: `scale` (the sizes and the rebuild) or a
 * bad-input case. Figures are written to --out as they come, so a part stopped by its time
 * limit still reports the sizes it finished.
 */
async function runConnect(opts: Options, work: string, part: string): Promise<PhaseResult> {
  const out = opts.out ?? fail('--phase needs --out');
  const profile = opts.profileOut ? <T>(fn: () => Promise<T>) => profiled(opts.profileOut, fn) : undefined;
  if (part === 'scale') {
    const sizes = [...opts.connectSizes].sort((a, b) => a - b);
    const rebuildAt = [...sizes].reverse().find((s) => s <= 10_000) ?? 0;
    const result = (f: ScaleFigures) => connectResult('connect:scale', 'connect: one more article at each corpus size', f.sizes.length, 0, { connectScale: f });
    const figures = await measureScale({ sizes, window: opts.connectWindow, rebuildAt, dir: work, profile, onProgress: (f) => writeFileSync(out, JSON.stringify(result(f))) });
    return result(figures);
  }
  if (!(CASES as readonly string[]).includes(part)) throw new TypeError(`unknown connect case ${part}`);
  const result = (f: CaseFigures) => connectResult(`connect:${part}`, f.label, f.articles, f.connectSeconds, { connectCase: f });
  const figures = await measureCase(part as CaseName, {
    sizes: { ...DEFAULT_CASE_SIZES, story: opts.connectStory },
    dir: work,
    profile,
    onProgress: (f) => writeFileSync(out, JSON.stringify(result(f))),
  });
  return result(figures);
}

// ---------------------------------------------------------------- parent: run the phases, print

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

function spawnPhase(opts: Options, phase: string, work: string, timeout: number): PhaseResult {
  const out = join(work, `result-${phase.replace(/:/g, '-')}.json`);
  const prof = join(work, `${phase.replace(/:/g, '-')}.cpuprofile`);
  const args = [
    ...process.execArgv,
    SCRIPT,
    '--phase', phase, '--work', work, '--out', out, '--n', String(opts.n), '--data', opts.data,
    ...(opts.profile ? ['--profile-out', prof] : []),
    ...(opts.skipStages.length ? ['--skip-stages', opts.skipStages.join(',')] : []),
    '--connect-sizes', opts.connectSizes.join(',') || 'none', '--connect-window', String(opts.connectWindow), '--connect-story', String(opts.connectStory),
  ];
  if (!opts.json) process.stderr.write(`  running ${phase}…\n`);
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], timeout, killSignal: 'SIGKILL', cwd: REPO });
  const failed = (error: string): PhaseResult => ({ phase, label: phase, items: 0, seconds: 0, cpuSeconds: 0, tokens: 0, chars: 0, inputBytes: 0, modelLoadMs: 0, maxRssKB: 0, heapUsedMB: 0, error });
  if (child.error || child.signal || child.status !== 0) {
    const error = child.signal === 'SIGKILL' ? `timed out after ${timeout / 1000} s` : child.error || child.signal ? String(child.error ?? child.signal) : `child exited with ${child.status}`;
    // a phase that writes its figures as it goes (connect) still reports what it finished
    if (!existsSync(out)) return failed(error);
    return { ...(JSON.parse(readFileSync(out, 'utf8')) as PhaseResult), error };
  }
  if (!existsSync(out)) return failed(`child exited with ${child.status}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as PhaseResult;
  if (opts.profile && existsSync(prof)) result.profile = summariseProfile(prof, REPO);
  return result;
}

function pad(s: string | number, width: number, left = false): string {
  const text = String(s);
  return left ? text.padEnd(width) : text.padStart(width);
}

function rate(n: number, seconds: number): number {
  return seconds > 0 ? n / seconds : 0;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function report(opts: Options, results: PhaseResult[], started: { load: number[] }): void {
  const lines: string[] = [];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const ingestResults = results.filter((r) => !r.phase.startsWith('connect') && !r.phase.startsWith('workers') && r.phase !== 'time' && r.phase !== 'parse' && r.phase !== 'events');
  const workerResults = results.filter((r) => r.phase.startsWith('workers'));
  const connectResults = results.filter((r) => r.phase.startsWith('connect'));
  const time = results.find((r) => r.phase === 'time');
  const parsed = results.find((r) => r.phase === 'parse');
  const coded = results.find((r) => r.phase === 'events');
  const what = [ingestResults.length ? 'ingest' : '', workerResults.length ? 'worker threads' : '', time ? 'time stage' : '', parsed ? 'parse stage' : '', coded ? 'events stage' : '', connectResults.length ? 'connect' : ''].filter(Boolean).join(', ');
  lines.push(`Dossier ${what} benchmark — Node ${process.version}, ${process.platform} ${process.arch}, ${cpu}`);
  if (results.length > workerResults.length) {
    lines.push('One core: every phase (and each part of connect) runs in its own single-threaded Node process (one JS thread; better-sqlite3 writes');
    lines.push('synchronously on it; only V8 GC helpers run beside it). "CPU/s" rates use the process\'s user+sys time.');
  }
  lines.push(`Machine: ${cpus().length} cores shared with other work; load average at start ${started.load.map((l) => l.toFixed(2)).join(' ')}. Wall-clock figures are noisy.`);
  if (ingestResults.length) reportIngest(opts, ingestResults, lines);
  if (workerResults.length) {
    const figures = workerResults.flatMap((r) => (r.workers ? [r.workers] : []));
    lines.push(...workersReport(figures, workerResults.flatMap((r) => (r.error ? [r.error] : [])), cpus().length, started.load));
  }
  if (time) lines.push(...(time.timeStage ? timeReport(time.timeStage, time.error) : ['', `Time stage (timexes): ${time.error ?? 'no figures'}`]));
  if (parsed) lines.push(...(parsed.parseStage ? parseReport(parsed.parseStage, parsed.error) : ['', `Parse stage: ${parsed.error ?? 'no figures'}`]));
  if (coded) lines.push(...(coded.eventsStage ? eventsReport(coded.eventsStage) : ['', `Events stage: ${coded.error ?? 'no figures'}`]));
  if (connectResults.length) reportConnect(connectResults, lines);
  for (const r of results.filter((x) => x.profile)) {
    const p = r.profile as ProfileSummary;
    lines.push('');
    lines.push(`CPU profile of ${r.phase} (${fmt(p.totalMs)} ms sampled; profiling slows the run, so its rates above are not comparable):`);
    lines.push('  by module:');
    for (const m of p.modules.slice(0, 12)) lines.push(`    ${pad((m.share * 100).toFixed(1), 5)}%  ${pad(fmt(m.ms), 7)} ms  ${m.name}`);
    lines.push('  top functions by self time:');
    for (const f of p.functions.slice(0, 20)) lines.push(`    ${pad((f.share * 100).toFixed(1), 5)}%  ${pad(fmt(f.ms), 7)} ms  ${f.name}`);
  }
  console.log(lines.join('\n'));
}

/** The ingest phases' lines: the corpus, the table of rates, the breakdowns, the baseline and the linear-time cases. */
function reportIngest(opts: Options, results: PhaseResult[], lines: string[]): void {
  const byPhase = new Map(results.map((r) => [r.phase, r]));
  const wink = byPhase.get('wink');
  const corpus = (wink ?? byPhase.get('text') ?? byPhase.get('html'))?.corpus;
  if (corpus) {
    lines.push(
      corpus.origin === 'polnear'
        ? `Texts: ${fmt(corpus.originals)} PolNeAR articles (${opts.data}/polnear, duplicates dropped) + ${fmt(corpus.variants)} variants with body paragraphs shuffled (fixed seed) = ${fmt(corpus.originals + corpus.variants)} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB.`
        : `Texts: ${opts.data}/polnear is absent; ${fmt(opts.n)} generated articles (fixed-seed generator), ${(corpus.bytes / 1e6).toFixed(1)} MB.`,
    );
  }
  lines.push(`HTML (templated): the same texts in news-page templates (cookie banner, nav, header, sidebar, inline links, comments, newsletter, footer; fixed seed).`);
  lines.push(`Timing starts warm: wink model loaded and ${WARM_UP_ARTICLES} generated articles run through the pipeline first (not stored). Ingest times are end to end:`);
  lines.push('folder walk, read, decode, extract/clean, tokenize, write to a fresh temp SQLite database (WAL). Tokens = sum of doc.tokens, read back from the store.');
  const stages = results.find((r) => r.stages)?.stages;
  if (stages) lines.push(`Pipeline stages (as of this run): ${stages.join(' → ')}.`);
  lines.push('');
  const head = `${pad('phase', 50, true)} ${pad('items', 6)} ${pad('wall s', 7)} ${pad('items/s', 8)} ${pad('tokens/s', 9)} ${pad('CPU/s', 7)} ${pad('target', 11)} ${pad('maxRSS KB', 10)} ${pad('heap MB', 8)}`;
  lines.push(head);
  lines.push('-'.repeat(head.length));
  for (const r of results.filter((x) => !x.linear && !x.phase.startsWith('linear') && !x.phase.startsWith('connect') && x.phase !== 'time' && x.phase !== 'parse' && x.phase !== 'events')) {
    if (r.error) {
      lines.push(`${pad(r.label, 50, true)} ${r.error}`);
      continue;
    }
    const perS = rate(r.items, r.seconds);
    const target = TARGETS[r.phase as PhaseName];
    const mark = target ? `≥${target} ${perS >= target ? '✓' : '✗'}` : '';
    lines.push(
      `${pad(r.label, 50, true)} ${pad(fmt(r.items), 6)} ${pad(r.seconds.toFixed(2), 7)} ${pad(fmt(perS, 1), 8)} ${pad(fmt(rate(r.tokens, r.seconds)), 9)} ${pad(fmt(rate(r.items, r.cpuSeconds), 1), 7)} ${pad(mark, 11)} ${pad(fmt(r.maxRssKB), 10)} ${pad(r.heapUsedMB.toFixed(1), 8)}`,
    );
  }
  lines.push('');
  for (const r of results.filter((x) => x.ingested !== undefined && !x.error)) {
    const notes = [`${fmt(r.ingested ?? 0)} stored`, `${r.skipped} skipped`, `${r.failed} failed`, `input ${(r.inputBytes / 1e6).toFixed(1)} MB`, `database ${(((r.dbBytes ?? 0) / 1e6)).toFixed(1)} MB`, `CPU ${r.cpuSeconds.toFixed(1)} s`];
    lines.push(`  ${r.phase}: ${notes.join(', ')}${r.failures?.length ? `; first failures: ${r.failures.join(' | ')}` : ''}`);
    if (r.breakdown) {
      const total = r.seconds * 1000;
      const parts = Object.entries(r.breakdown).map(([k, ms]) => [k, ms] as const);
      const rest = total - parts.reduce((sum, [, ms]) => sum + ms, 0);
      const shown = [...parts, ['rest (walk, read, decode, ids)', rest] as const].map(([k, ms]) => `${k} ${(ms / r.items).toFixed(2)} ms (${((ms / total) * 100).toFixed(0)}%)`);
      lines.push(`    per article: ${shown.join(', ')}`);
    }
  }
  if (wink && !wink.error) {
    const winkRate = rate(wink.items, wink.seconds);
    lines.push('');
    lines.push(`Baseline (wink-nlp alone, same ${fmt(wink.items)} texts): ${fmt(winkRate, 1)} articles/s, ${fmt(rate(wink.tokens, wink.seconds))} tokens/s (model load ${fmt(wink.modelLoadMs)} ms, not timed).`);
    for (const phase of ['text', 'html'] as const) {
      const r = byPhase.get(phase);
      if (r && !r.error) lines.push(`  Dossier ${phase === 'text' ? 'plain text' : 'HTML (templated)'} / wink-nlp alone: ${(rate(r.items, r.seconds) / winkRate).toFixed(2)}× articles/s (wall), ${(rate(r.items, r.cpuSeconds) / rate(wink.items, wink.cpuSeconds)).toFixed(2)}× (CPU).`);
    }
  }
  const linear = results.filter((r) => r.phase.startsWith('linear'));
  if (linear.length) {
    lines.push('');
    lines.push('Linear time: the pipeline alone (no storage) on one synthetic article, once, after warm-up');
    const lh = `${pad('shape', 11, true)} ${pad('size', 7)} ${pad('ms', 9)} ${pad('ms/KB', 7)} ${pad('tokens', 9)} ${pad('maxRSS KB', 10)} ${pad('heap MB', 8)}`;
    lines.push(lh);
    lines.push('-'.repeat(lh.length));
    for (const shape of LONG_SHAPES) {
      const rows = linear.filter((r) => r.phase.startsWith(`linear:${shape}:`));
      for (const r of rows) {
        const bytes = Number(r.phase.split(':')[2]);
        if (r.error) {
          lines.push(`${pad(shape, 11, true)} ${pad(kb(bytes), 7)} ${r.error}`);
          continue;
        }
        const ms = r.seconds * 1000;
        lines.push(`${pad(shape, 11, true)} ${pad(kb(bytes), 7)} ${pad(fmt(ms, 1), 9)} ${pad((ms / (bytes / 1024)).toFixed(3), 7)} ${pad(fmt(r.tokens), 9)} ${pad(fmt(r.maxRssKB), 10)} ${pad(r.heapUsedMB.toFixed(1), 8)}`);
      }
      const ok = rows.filter((r) => !r.error);
      if (ok.length >= 2) {
        const perKb = (r: PhaseResult) => (r.seconds * 1000) / (Number(r.phase.split(':')[2]) / 1024);
        lines.push(`${pad('', 11, true)} ms/KB at ${kb(Number(ok[ok.length - 1].phase.split(':')[2]))} ÷ ms/KB at ${kb(Number(ok[0].phase.split(':')[2]))}: ${(perKb(ok[ok.length - 1]) / perKb(ok[0])).toFixed(2)} (≈1 is linear; ≈100 would be quadratic)`);
      }
    }
  }
}

/** The connect phase's lines: the scale measurement and the bad-input cases. */
function reportConnect(results: PhaseResult[], lines: string[]): void {
  const scale = results.find((r) => r.phase === 'connect:scale');
  if (scale) {
    lines.push('');
    if (scale.connectScale) lines.push(...scaleReport(scale.connectScale, scale.error));
    else lines.push(`Connect, one more article at each corpus size: ${scale.error ?? 'no figures'}`);
  }
  const cases = results.filter((r) => r.phase !== 'connect:scale');
  if (cases.length) {
    lines.push('');
    lines.push(...casesReport(cases.map((r) => ({ name: r.phase.replace(/^connect:/, ''), figures: r.connectCase, error: r.error }))));
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.phase) {
    let result: PhaseResult;
    try {
      result = await runPhase(opts);
    } catch (e) {
      console.error(`bench: phase ${opts.phase} failed: ${(e as Error).stack ?? e}`);
      process.exit(1);
    }
    writeFileSync(opts.out ?? fail('--phase needs --out'), JSON.stringify(result));
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  const started = { load: loadavg() };
  const results: PhaseResult[] = [];
  try {
    for (const phase of opts.only) {
      if (phase === 'linear') {
        for (const shape of LONG_SHAPES) {
          let timedOut = false;
          for (const bytes of LINEAR_SIZES) {
            const name = `linear:${shape}:${bytes}`;
            // after a timeout, a case ten times longer would only time out again
            const r: PhaseResult = timedOut ? spawnSkipped(name) : spawnPhase({ ...opts, profile: false }, name, work, LINEAR_TIMEOUT_MS);
            timedOut ||= Boolean(r.error);
            results.push(r);
          }
        }
      } else if (phase === 'connect') {
        const largest = Math.max(0, ...opts.connectSizes);
        if (largest) results.push(spawnPhase(opts, 'connect:scale', work, 600_000 + (largest + opts.connectWindow) * CONNECT_MS_PER_ARTICLE_LIMIT));
        for (const c of opts.connectCases) results.push(spawnPhase(opts, `connect:${c}`, work, CONNECT_CASE_TIMEOUT_MS));
      } else if (phase === 'workers') {
        // each configuration in a process of its own that loads what ingest loads, not this script's imports
        const { figures, errors } = runWorkersBench(opts.data, opts.n, (line) => !opts.json && process.stderr.write(`${line}\n`));
        for (const f of figures) results.push({ phase: `workers:${f.threads}`, label: `workers ${f.threads}`, items: f.articles, seconds: f.seconds, cpuSeconds: f.cpuSeconds, tokens: 0, chars: 0, inputBytes: 0, modelLoadMs: 0, maxRssKB: f.maxRssKB, heapUsedMB: 0, workers: f });
        for (const e of errors) results.push(spawnSkipped('workers', e));
      } else results.push(spawnPhase(opts, phase, work, PHASE_TIMEOUT_MS));
    }
  } finally {
    cleanUp();
  }
  if (opts.json) console.log(JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, loadavg: started.load, n: opts.n, targets: TARGETS, results }, null, 2));
  else report(opts, results, started);
}

function spawnSkipped(phase: string, error = 'skipped: the smaller case failed or timed out'): PhaseResult {
  return { phase, label: phase, items: 0, seconds: 0, cpuSeconds: 0, tokens: 0, chars: 0, inputBytes: 0, modelLoadMs: 0, maxRssKB: 0, heapUsedMB: 0, error };
}

await main();
