/**
 * The connect phase of `npm run bench`: what connecting one more article costs as the corpus
 * grows, what `rebuildConnections` costs, and the bad inputs, over the generated corpus of
 * connect-corpus.ts in a fresh SQLite file. Measures and returns figures; bench.ts runs each
 * part in its own process and prints them. Nothing here asserts a timing.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connect, rebuildConnections } from '../../src/connect/connect.ts';
import type { Doc } from '../../src/doc/doc.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { table } from '../eval/table.ts';
import { aliasCorpus, connectCorpus, copiesOfOne, CORPUS_DEFAULTS, crowdedArticle, storyCorpus } from './connect-corpus.ts';

/** Median, 90th percentile, mean and maximum of some timings, in ms. */
export interface Spread {
  median: number;
  p90: number;
  mean: number;
  max: number;
}

/** Time and calls per article inside one corpus-store method. */
export interface StoreCall {
  name: string;
  calls: number;
  ms: number;
}

/** Bytes of the database file (with its WAL) and, from SQLite's dbstat, of the article tables and of the corpus tables. */
export interface DbBytes {
  file: number;
  articles: number;
  corpus: number;
}

/** What the window of articles after the corpus reached `size` cost, one article at a time. */
export interface SizeFigures {
  size: number;
  window: number;
  connect: Spread;
  /**
   * The corpus reads (`list…` methods) a connect call makes besides connecting, such as the
   * summary's totals: ms per call, and connect without them.
   */
  reads: Spread;
  connectWithoutReads: Spread;
  put: Spread;
  /** Per article, over the window: calls into the corpus store (and Store.get), and ms spent inside them. */
  storeCalls: number;
  storeMs: number;
  /** The store methods that took most time, per article. */
  topCalls: StoreCall[];
  db: DbBytes;
  maxRssKB: number;
  heapUsedMB: number;
  /** How the corpus was filled up to `size` from the previous size: stored, then connected, in batches. */
  fill: { articles: number; putSeconds: number; connectSeconds: number };
}

/** `rebuildConnections` on the whole corpus, beside what connecting the same articles one batch at a time cost in this run. */
export interface RebuildFigures {
  articles: number;
  seconds: number;
  incrementalSeconds: number;
  maxRssKB: number;
}

/** The scale measurement: figures per corpus size, and the rebuild. */
export interface ScaleFigures {
  sizes: SizeFigures[];
  rebuild?: RebuildFigures;
  generateMsPerArticle: number;
  /** The generated articles on average. */
  article: { chars: number; tokens: number; entities: number; quotes: number };
  /** Which size is being filled when the figures were written (for a run that was stopped). */
  reached: number;
}

/** One timed article of a bad-input case that is about a single article. */
export interface SingleFigures {
  label: string;
  /** How many of `unit` the article holds (people named). */
  count: number;
  unit: string;
  connectMs: number;
  putMs: number;
}

/** A bad-input case: every article stored and connected one at a time. */
export interface CaseFigures {
  name: CaseName;
  label: string;
  articles: number;
  putSeconds: number;
  connectSeconds: number;
  /** Connect ms per article over the whole case, and the mean of its first and last tenth (growth within the case). */
  connect?: Spread & { first: number; last: number };
  singles: SingleFigures[];
  notes: string[];
  db: DbBytes;
  maxRssKB: number;
  heapUsedMB: number;
  /** How many articles were done when the figures were written (for a run that was stopped). */
  done: number;
}

/** The bad-input cases, in the order they run. */
export const CASES = ['copies', 'crowded', 'aliases', 'story'] as const;
export type CaseName = (typeof CASES)[number];

/** How big each bad-input case is. */
export interface CaseSizes {
  copies: number;
  crowded: readonly number[];
  aliasForms: number;
  aliasArticles: number;
  story: number;
  /** Ordinary articles stored and connected before the crowded articles. */
  background: number;
}

export const DEFAULT_CASE_SIZES: CaseSizes = { copies: 3000, crowded: [500, 5000], aliasForms: 10_000, aliasArticles: 2500, story: 5000, background: 200 };

const FILL_BATCH = 1000;

export function spread(values: readonly number[]): Spread {
  if (!values.length) return { median: 0, p90: 0, mean: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), mean: values.reduce((s, v) => s + v, 0) / values.length, max: sorted[sorted.length - 1] };
}

function memory(): { maxRssKB: number; heapUsedMB: number } {
  return { maxRssKB: process.resourceUsage().maxRSS, heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024 };
}

/** Tables (and their indexes) that corpus work writes, by name. */
const CORPUS_TABLE = /^(connect_queue|connected|dup_|story_|stories|entity_|word_case|stm_|statements)/;

/** The database's bytes: the file with its WAL, and dbstat's pages split into article tables and corpus tables. */
export function dbBytes(path: string): DbBytes {
  const file = ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
  const db = new Database(path, { readonly: true });
  try {
    const owner = new Map((db.prepare('SELECT name, tbl_name FROM sqlite_schema').all() as Array<{ name: string; tbl_name: string }>).map((r) => [r.name, r.tbl_name]));
    let articles = 0;
    let corpus = 0;
    for (const r of db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{ name: string; bytes: number }>) {
      if (CORPUS_TABLE.test(owner.get(r.name) ?? r.name)) corpus += r.bytes;
      else articles += r.bytes;
    }
    return { file, articles, corpus };
  } finally {
    db.close();
  }
}

/**
 * The store with every corpus-store method (and `get`, which connect uses to read an article)
 * counted and timed into `calls`; `transaction` is left out, since it holds all the rest. Time
 * in corpus reads (`list…`) is added to `reads` as well.
 */
function countingStore(store: Store, calls: Map<string, { calls: number; ms: number }>, reads: { ms: number }): Store {
  const record = (name: string, ms: number) => {
    if (name.startsWith('list')) reads.ms += ms;
    const c = calls.get(name) ?? { calls: 0, ms: 0 };
    c.calls++;
    c.ms += ms;
    calls.set(name, c);
  };
  const wrappers = new Map<PropertyKey, unknown>();
  const corpus = new Proxy(store.corpus, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function' || prop === 'transaction') return value;
      let wrapped = wrappers.get(prop);
      if (!wrapped) {
        const fn = value as (...args: unknown[]) => unknown;
        wrapped = (...args: unknown[]) => {
          const t = performance.now();
          try {
            return fn.apply(target, args);
          } finally {
            record(String(prop), performance.now() - t);
          }
        };
        wrappers.set(prop, wrapped);
      }
      return wrapped;
    },
  });
  const counted = Object.create(store) as Store;
  Object.defineProperty(counted, 'corpus', { value: corpus });
  counted.get = (id) => {
    const t = performance.now();
    try {
      return store.get(id);
    } finally {
      record('get (Store)', performance.now() - t);
    }
  };
  return counted;
}

/** Stores and connects one article, each timed. */
function putAndConnect(store: Store, doc: Doc, connectWith: Store = store): { putMs: number; connectMs: number } {
  const t0 = performance.now();
  store.put(doc);
  const t1 = performance.now();
  connect(connectWith);
  return { putMs: t1 - t0, connectMs: performance.now() - t1 };
}

/** Runs `fn` under the CPU profiler when a profiling hook is given. */
export type Profiler = <T>(fn: () => Promise<T>) => Promise<T>;

export interface ScaleOptions {
  sizes: readonly number[];
  window: number;
  /** The size after whose window the whole corpus is rebuilt (none when absent from `sizes`). */
  rebuildAt: number;
  dir: string;
  /** Called with the figures so far after each size, so that a stopped run still reports them. */
  onProgress: (figures: ScaleFigures) => void;
  /** Profiles the window at the largest size. */
  profile?: Profiler;
}

/**
 * Fills a fresh database with the generated corpus up to each size (stored, then connected, a
 * thousand at a time), then stores and connects the next `window` articles one at a time,
 * timing each put and each connect and counting the store calls connect makes. After the
 * window at `rebuildAt`, rebuilds every connection.
 */
export async function measureScale(opts: ScaleOptions): Promise<ScaleFigures> {
  const sizes = [...opts.sizes].sort((a, b) => a - b);
  const path = join(opts.dir, 'connect-scale.db');
  const store = openSqliteStore(path);
  const total = sizes[sizes.length - 1] + opts.window;
  const docs = connectCorpus(total);
  let generateMs = 0;
  let generated = 0;
  const sum = { chars: 0, tokens: 0, entities: 0, quotes: 0 };
  const next = (): Doc => {
    const t = performance.now();
    const r = docs.next();
    generateMs += performance.now() - t;
    if (r.done) throw new Error('the generated corpus ran out');
    generated++;
    const d = r.value;
    sum.chars += d.text.length;
    sum.tokens += d.tokens.length;
    sum.entities += d.entities.length;
    sum.quotes += d.quotes.length;
    return d;
  };
  const figures: ScaleFigures = { sizes: [], generateMsPerArticle: 0, article: { ...sum }, reached: 0 };
  let stored = 0;
  let connectSeconds = 0;
  try {
    for (const size of sizes) {
      figures.reached = size;
      opts.onProgress(figures);
      const fill = { articles: 0, putSeconds: 0, connectSeconds: 0 };
      while (stored < size) {
        const batch = Math.min(FILL_BATCH, size - stored);
        const t = performance.now();
        for (let i = 0; i < batch; i++) store.put(next());
        const t1 = performance.now();
        connect(store);
        const t2 = performance.now();
        fill.putSeconds += (t1 - t) / 1000;
        fill.connectSeconds += (t2 - t1) / 1000;
        fill.articles += batch;
        stored += batch;
      }
      connectSeconds += fill.connectSeconds;
      const db = dbBytes(path);
      const calls = new Map<string, { calls: number; ms: number }>();
      const readMs = { ms: 0 };
      const counted = countingStore(store, calls, readMs);
      const puts: number[] = [];
      const connects: number[] = [];
      const reads: number[] = [];
      const window = async () => {
        for (let i = 0; i < opts.window; i++) {
          readMs.ms = 0;
          const { putMs, connectMs } = putAndConnect(store, next(), counted);
          puts.push(putMs);
          connects.push(connectMs);
          reads.push(readMs.ms);
        }
      };
      await (opts.profile && size === sizes[sizes.length - 1] ? opts.profile(window) : window());
      stored += opts.window;
      connectSeconds += connects.reduce((s, v) => s + v, 0) / 1000;
      const all = [...calls].map(([name, c]): StoreCall => ({ name, calls: c.calls / opts.window, ms: c.ms / opts.window }));
      figures.sizes.push({
        size,
        window: opts.window,
        connect: spread(connects),
        reads: spread(reads),
        connectWithoutReads: spread(connects.map((c, i) => c - reads[i])),
        put: spread(puts),
        storeCalls: all.reduce((s, c) => s + c.calls, 0),
        storeMs: all.reduce((s, c) => s + c.ms, 0),
        topCalls: all.sort((a, b) => b.ms - a.ms).slice(0, 8),
        db,
        ...memory(),
        fill,
      });
      figures.generateMsPerArticle = generateMs / generated;
      figures.article = { chars: sum.chars / generated, tokens: sum.tokens / generated, entities: sum.entities / generated, quotes: sum.quotes / generated };
      if (size === opts.rebuildAt) {
        opts.onProgress(figures);
        const t = performance.now();
        const summary = rebuildConnections(store);
        figures.rebuild = { articles: summary.connected, seconds: (performance.now() - t) / 1000, incrementalSeconds: connectSeconds, maxRssKB: memory().maxRssKB };
      }
      opts.onProgress(figures);
    }
  } finally {
    store.close();
  }
  return figures;
}

export interface CaseOptions {
  sizes: CaseSizes;
  dir: string;
  onProgress: (figures: CaseFigures) => void;
  profile?: Profiler;
}

/** Stores and connects a case's articles one at a time into a fresh database, timing each. */
export async function measureCase(name: CaseName, opts: CaseOptions): Promise<CaseFigures> {
  const s = opts.sizes;
  const path = join(opts.dir, `connect-${name}.db`);
  const store = openSqliteStore(path);
  const labels: Record<CaseName, string> = {
    copies: `${s.copies.toLocaleString('en-US')} copies of one article`,
    crowded: `one article naming ${s.crowded.map((n) => n.toLocaleString('en-US')).join(' / ')} people`,
    aliases: `one person written ${s.aliasForms.toLocaleString('en-US')} ways over ${s.aliasArticles.toLocaleString('en-US')} articles`,
    story: `one story of ${s.story.toLocaleString('en-US')} articles`,
  };
  const figures: CaseFigures = { name, label: labels[name], articles: 0, putSeconds: 0, connectSeconds: 0, singles: [], notes: [], db: { file: 0, articles: 0, corpus: 0 }, done: 0, ...memory() };
  const connects: number[] = [];
  const run = (doc: Doc) => {
    const { putMs, connectMs } = putAndConnect(store, doc);
    figures.putSeconds += putMs / 1000;
    figures.connectSeconds += connectMs / 1000;
    figures.articles++;
    connects.push(connectMs);
    figures.done = connects.length;
    if (connects.length % 500 === 0) opts.onProgress(figures);
    return { putMs, connectMs };
  };
  let forms: string[] | undefined;
  const timed = async (fn: () => void) => (opts.profile ? opts.profile(async () => fn()) : fn());
  try {
    if (name === 'crowded') {
      for (const doc of connectCorpus(s.background)) run(doc);
      figures.notes.push(`after ${s.background} ordinary articles`);
      await timed(() => {
        s.crowded.forEach((people, i) => {
          const doc = crowdedArticle(people, 5 + i, 1_000_000 + i);
          const { putMs, connectMs } = run(doc);
          figures.singles.push({ label: `${people.toLocaleString('en-US')} people`, count: people, unit: 'person', connectMs, putMs });
        });
      });
    } else {
      const aliases = name === 'aliases' ? aliasCorpus(s.aliasArticles, s.aliasForms) : undefined;
      forms = aliases?.forms;
      const docs = name === 'copies' ? copiesOfOne(s.copies) : name === 'story' ? storyCorpus(s.story) : aliases!.docs;
      await timed(() => {
        for (const doc of docs) run(doc);
      });
      const tenth = Math.max(1, Math.floor(connects.length / 10));
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / (v.length || 1);
      figures.connect = { ...spread(connects), first: mean(connects.slice(0, tenth)), last: mean(connects.slice(-tenth)) };
    }
    figures.notes.push(...caseNotes(name, path, forms));
    figures.db = dbBytes(path);
    Object.assign(figures, memory());
  } finally {
    store.close();
  }
  return figures;
}

/** What the corpus made of a case (duplicate groups, stories, the entities a person's forms ended in), read from its tables. */
function caseNotes(name: CaseName, path: string, forms: readonly string[] = []): string[] {
  const db = new Database(path, { readonly: true });
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  try {
    if (name === 'copies') return [`${one('SELECT count(*) FROM dup_groups')} duplicate group(s), the largest of ${one('SELECT max(size) FROM dup_groups')}; ${one('SELECT count(*) FROM stories')} story(ies)`];
    if (name === 'story') return [`${one('SELECT count(*) FROM stories')} story(ies), the largest of ${one('SELECT max(size) FROM stories')} articles; ${one('SELECT count(*) FROM dup_groups')} duplicate groups`];
    if (name === 'aliases') {
      const wanted = new Set(forms);
      const nodes = new Set<number>();
      const clusters = new Map<number, number>();
      for (const r of db.prepare('SELECT f.form, n.id, n.cluster FROM entity_forms f JOIN entity_nodes n ON n.id = f.node').iterate() as Iterable<{ form: string; id: number; cluster: number }>) {
        if (!wanted.has(r.form) || nodes.has(r.id)) continue;
        nodes.add(r.id);
        clusters.set(r.cluster, (clusters.get(r.cluster) ?? 0) + 1);
      }
      const largest = Math.max(0, ...clusters.values());
      return [`the ${wanted.size.toLocaleString('en-US')} forms are written by ${nodes.size.toLocaleString('en-US')} entity nodes in ${clusters.size.toLocaleString('en-US')} corpus entities, the largest holding ${largest.toLocaleString('en-US')} of those nodes`];
    }
    return [`${one('SELECT count(*) FROM entity_nodes')} entity nodes in ${one('SELECT count(*) FROM entity_clusters')} corpus entities`];
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- printing

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => (n >= 100 ? fmt(n) : n >= 10 ? fmt(n, 1) : fmt(n, 2));
const mb = (kb: number) => fmt(kb / 1024);

/** The lines bench.ts prints for the scale measurement. */
export function scaleReport(f: ScaleFigures, error?: string): string[] {
  const lines: string[] = [];
  const about = CORPUS_DEFAULTS;
  const a = f.article;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  lines.push('Connect: the cost of connecting one more article into a corpus of N (scripts/bench/connect-bench.ts)');
  lines.push(
    `Corpus: processed articles generated from templates (scripts/bench/connect-corpus.ts, seed ${about.seed}; no tagging models run): ${about.articlesPerDay} a day, ` +
      `about ${about.activeStories} stories running at once for ${about.storyDays[0]}–${about.storyDays[1]} days, 12 outlets, ${pct(about.copyShare)} copies of an earlier article, ` +
      `${pct(about.misspeltShare)} with a misspelt name, a head of state in ${pct(about.headOfStateShare)} and the United States in ${pct(about.countryShare)} of articles; ` +
      `an article holds on average ${fmt(a.chars)} characters, ${fmt(a.tokens)} tokens, ${fmt(a.entities, 1)} entities and ${fmt(a.quotes, 1)} quotes ` +
      `(generating one took ${ms(f.generateMsPerArticle)} ms, not timed).`,
  );
  const w = f.sizes[0]?.window ?? 0;
  lines.push(
    `Each size N: a fresh SQLite file (WAL) is filled to N articles (Store.put, then connect(store), ${fmt(FILL_BATCH)} at a time); then each of the next ${w} articles is stored ` +
      `and connected alone, and timed. Baseline, same run and articles: Store.put. "Store calls" and "in store" count the corpus-store methods connect called (and Store.get); ` +
      `"reads" is the part of a connect call spent in corpus reads (list…: the totals of its summary), paid once a call, not once an article.`,
  );
  if (error) lines.push(`Stopped: ${error} (while filling to ${fmt(f.reached)}); the sizes below finished.`);
  lines.push('');
  const rows = f.sizes.map((s) => [
    fmt(s.size),
    ms(s.connect.median),
    ms(s.connect.p90),
    ms(s.reads?.median ?? 0),
    ms(s.connectWithoutReads?.median ?? s.connect.median),
    ms(s.put.median),
    ms(s.put.p90),
    `×${fmt(s.connect.median / (s.put.median || 1), 1)}`,
    fmt(s.storeCalls),
    ms(s.storeMs),
    fmt(s.db.file / s.size / 1024, 1),
    fmt(s.db.corpus / s.size / 1024, 1),
    mb(s.maxRssKB),
  ]);
  lines.push(
    ...table(
      ['corpus N', 'connect ms median', 'p90', 'of it reads', 'without reads', 'put ms median', 'p90', 'connect/put', 'store calls', 'in store ms', 'DB KB/article', 'of it corpus tables', 'max RSS MB'],
      rows,
      1,
    ).split('\n'),
  );
  for (let i = 1; i < f.sizes.length; i++) {
    const a = f.sizes[i - 1];
    const b = f.sizes[i];
    const logRatio = Math.log(b.size) / Math.log(a.size);
    const without = (x: SizeFigures) => x.connectWithoutReads?.median ?? x.connect.median;
    lines.push(
      `Growth ${fmt(a.size)} → ${fmt(b.size)}: connect median ×${fmt(b.connect.median / a.connect.median, 2)}, p90 ×${fmt(b.connect.p90 / a.connect.p90, 2)}, ` +
        `without reads ×${fmt(without(b) / without(a), 2)}, store calls ×${fmt(b.storeCalls / a.storeCalls, 2)}, ` +
        `put median ×${fmt(b.put.median / a.put.median, 2)} (flat: ×1; like log N: ×${fmt(logRatio, 2)}; linear: ×${fmt(b.size / a.size)}).`,
    );
  }
  for (const s of f.sizes) {
    lines.push(`  at ${fmt(s.size)}, the costliest store calls per article: ${s.topCalls.slice(0, 6).map((c) => `${c.name} ${fmt(c.calls, 1)}× ${ms(c.ms)} ms`).join(', ')}`);
  }
  const fills = f.sizes.filter((s) => s.fill.articles);
  if (fills.length) {
    lines.push(
      `Filling, ${fmt(FILL_BATCH)} at a time: ` +
        fills.map((s) => `to ${fmt(s.size)}: connect ${ms((s.fill.connectSeconds * 1000) / s.fill.articles)} ms/article, put ${ms((s.fill.putSeconds * 1000) / s.fill.articles)} ms/article`).join('; ') +
        '.',
    );
  }
  if (f.rebuild) {
    const r = f.rebuild;
    lines.push(
      `rebuildConnections (dossier connect --rebuild) on ${fmt(r.articles)} articles: ${fmt(r.seconds, 1)} s, ${ms((r.seconds * 1000) / r.articles)} ms/article; ` +
        `connecting the same articles incrementally in this run took ${fmt(r.incrementalSeconds, 1)} s (rebuild ×${fmt(r.seconds / r.incrementalSeconds, 2)}); max RSS ${mb(r.maxRssKB)} MB.`,
    );
  }
  return lines;
}

/** The lines bench.ts prints for the bad-input cases. */
export function casesReport(cases: ReadonlyArray<{ name: string; figures?: CaseFigures; error?: string }>): string[] {
  const lines: string[] = [];
  lines.push('Connect, bad inputs: each case in a fresh SQLite file, every article stored and then connected alone, and timed.');
  lines.push('"first/last 10%": mean connect ms of the case\'s first and last tenth of articles (about ×1 when the cost does not grow with the case).');
  lines.push('');
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const c of cases) {
    const f = c.figures;
    if (!f) {
      rows.push([c.name, c.error ?? 'failed', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    const label = c.error ? `${f.label} (${c.error} after ${fmt(f.done)})` : f.label;
    if (f.connect) {
      const k = f.connect;
      rows.push([label, fmt(f.articles), fmt(f.putSeconds, 1), fmt(f.connectSeconds, 1), ms(k.median), ms(k.p90), ms(k.max), ms(k.first), ms(k.last), `×${fmt(k.last / (k.first || 1), 2)}`, mb(f.maxRssKB)]);
    } else rows.push([label, fmt(f.articles), fmt(f.putSeconds, 1), fmt(f.connectSeconds, 1), '', '', '', '', '', '', mb(f.maxRssKB)]);
    if (f.singles.length) {
      const per = f.singles.map((s) => `${s.label}: connect ${fmt(s.connectMs)} ms (${ms(s.connectMs / s.count)} ms a ${s.unit}), put ${fmt(s.putMs)} ms`);
      const [a, b] = [f.singles[0], f.singles[f.singles.length - 1]];
      const growth = f.singles.length > 1 ? `; per ${a.unit} ×${fmt(b.connectMs / b.count / (a.connectMs / a.count), 2)} from ${fmt(a.count)} to ${fmt(b.count)} (≈1 linear, ≈${fmt(b.count / a.count)} quadratic)` : '';
      notes.push(`  ${f.label}: ${per.join('; ')}${growth}.`);
    }
    for (const n of f.notes) notes.push(`  ${f.label}: ${n}.`);
  }
  lines.push(...table(['case', 'articles', 'put s', 'connect s', 'connect ms median', 'p90', 'max', 'first 10%', 'last 10%', 'last/first', 'max RSS MB'], rows, 1).split('\n'));
  lines.push(...notes);
  return lines;
}
