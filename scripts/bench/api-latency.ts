/**
 * API latency at scale: every API call behind a view of the page, timed over HTTP against a
 * store of 10,000 articles, with the same calls on a store of 1,000 as the baseline; and the
 * overview's render time in headless Chromium. Prints figures; asserts nothing.
 *
 *   npm run bench:api -- [--db PATH] [--baseline-db PATH] [--n 10000] [--baseline 1000|0] [--requests 100]
 *                        [--renders 10] [--data ../shared/data] [--bases N] [--chromium /usr/bin/chromium]
 *
 * The store (api-corpus.ts): the sample corpus and PolNeAR's news texts (../shared/data; the
 * bench's generated texts without it) are ingested once by the real pipeline into a scratch
 * database; each is then stored about n / bases times as a copy with its own id, outlet,
 * address and publication date (its dates and events found again against that date), at 40
 * articles a day, and the store is connected by the real connect code. The baseline store is
 * the first `--baseline` articles of the same plan. `--db` and `--baseline-db` keep a store for
 * the next run: an existing file with the expected number of articles is used as it is.
 *
 * Each row of the table is one kind of request a view makes (the paths the page's modules
 * build, with the page sizes they use), asked `--requests` times over HTTP after a warm-up, on
 * the measured store and then on the baseline store (so both meet about the same load),
 * cycling through parameters taken from the store's own answers (ids, names, types, pages);
 * a request's time runs from sending it to having read the whole body. The overview's render
 * time is measured in a fresh browser context each time (nothing cached), from navigation
 * start to the overview and the article list both shown.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import Database from 'better-sqlite3';
import { connect } from '../../src/connect/connect.ts';
import type { Doc } from '../../src/doc/doc.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { startServer } from '../../src/serve/server.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { TIMELINE_ITEMS } from '../../src/store/timeline.ts';
import { table } from '../eval/table.ts';
import { copyOf, versionPlan } from './api-corpus.ts';
import { generatedTexts, rng } from './corpus.ts';
import { latency, type Latency } from './latency.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_P95_MS = 200;
const TARGET_RENDER_MS = 1000;
const WARM_UP = 3;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The page sizes the page's modules ask for (ui/views/sidebar.js, overview.js, entity.js, table-page.js, event.js). */
const LIST_PAGE = 50;
const SEARCH_PAGE = 20;
const OVERVIEW_TOP = 10;
const ENTITY_EVENTS = 20;
const TABLE_PAGE = 50;
/** How many values of each facet the sidebar asks for with its list or search (ui/views/sidebar.js FACET_VALUES). */
const SIDEBAR_FACETS = 5;
/** A real-world event's page of reports (ui/views/event.js). */
const REPORTS_PAGE = 50;

interface Options {
  db?: string;
  baselineDb?: string;
  n: number;
  baseline: number;
  requests: number;
  renders: number;
  data: string;
  chromium: string;
  /** How many PolNeAR (or generated) texts to process as bases; 0 for all. */
  bases: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { n: 10_000, baseline: 1000, requests: 100, renders: 10, data: resolve(REPO, '../shared/data'), chromium: '/usr/bin/chromium', bases: 0 };
  const count = (flag: string, value: string | undefined, min: number) => {
    const x = Number(value);
    if (!Number.isInteger(x) || x < min) fail(`${flag} takes a whole number from ${min} (got ${value})`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') opts.db = resolve(argv[++i] ?? '');
    else if (arg === '--baseline-db') opts.baselineDb = resolve(argv[++i] ?? '');
    else if (arg === '--n') opts.n = count(arg, argv[++i], 100);
    else if (arg === '--baseline') opts.baseline = count(arg, argv[++i], 0);
    else if (arg === '--requests') opts.requests = count(arg, argv[++i], 20);
    else if (arg === '--renders') opts.renders = count(arg, argv[++i], 0);
    else if (arg === '--bases') opts.bases = count(arg, argv[++i], 0);
    else if (arg === '--data') opts.data = resolve(argv[++i] ?? '');
    else if (arg === '--chromium') opts.chromium = resolve(argv[++i] ?? '');
    else fail(`unknown option ${arg}`);
  }
  if (opts.baseline >= opts.n) fail(`--baseline (${opts.baseline}) must be smaller than --n (${opts.n})`);
  return opts;
}

function fail(message: string): never {
  console.error(`bench:api: ${message}`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- the stores

/** How the stores were made, for the report. */
interface Provenance {
  bases: number;
  sources: string;
  pipelineSeconds: number;
  copySeconds: number;
  connectSeconds: number;
}

/** The bases: the sample and PolNeAR's texts (or generated texts), processed by the real pipeline into a scratch store. */
async function processBases(opts: Options, work: string): Promise<{ docs: Doc[]; sources: string; seconds: number }> {
  const inputs = [join(REPO, 'sample')];
  const polnear = ['train', 'dev', 'test']
    .map((split) => join(opts.data, 'polnear', split, 'text'))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)));
  let sources = `the sample corpus (sample/) and ${opts.bases ? `${opts.bases} of ` : ''}PolNeAR's news texts (train, dev and test)`;
  if (polnear.length) inputs.push(...(opts.bases ? draw(polnear, opts.bases, rng(5)) : polnear));
  else {
    const dir = join(work, 'generated');
    mkdirSync(dir, { recursive: true });
    for (const t of generatedTexts(opts.bases || 1000)) writeFileSync(join(dir, `${t.name}.txt`), t.text);
    inputs.push(dir);
    sources = `the sample corpus (sample/) and ${opts.bases || 1000} generated texts (no PolNeAR under ${opts.data})`;
  }
  const scratch = openSqliteStore(join(work, 'bases.db'));
  try {
    const started = performance.now();
    let last = 0;
    const summary = await ingest(scratch, inputs, {
      connect: false,
      onProgress: (p) => {
        if (p.ingested - last >= 100) {
          last = p.ingested;
          log(`  pipeline: ${p.ingested} articles, ${p.elapsed.toFixed(0)} s`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (summary.failed.length) log(`  pipeline: ${summary.failed.length} inputs failed (left out), e.g. ${summary.failed[0].source}: ${summary.failed[0].reason}`);
    return { docs: [...scratch.all()], sources, seconds };
  } finally {
    scratch.close();
  }
}

/**
 * Stores the first `n` articles of the plan for `planned` articles into a new store at `path`,
 * and connects it: built under another name and renamed when done, so that a run stopped part
 * way leaves no store that a later run would take for a finished one.
 */
function fillStore(path: string, bases: readonly Doc[], planned: number, n: number): { copySeconds: number; connectSeconds: number } {
  const building = `${path}.building-${process.pid}`;
  const store = openSqliteStore(building);
  let done = false;
  try {
    const started = performance.now();
    for (const slot of versionPlan(bases.length, planned).slice(0, n)) {
      store.put(copyOf(bases[slot.base], slot));
      if ((slot.index + 1) % 1000 === 0) log(`  ${path}: stored ${slot.index + 1} of ${n}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const copySeconds = (performance.now() - started) / 1000;
    const connected = connect(store, { onProgress: (k, total) => k % 1000 === 0 && log(`  ${path}: connected ${k} of ${total}, ${((performance.now() - started) / 1000 - copySeconds).toFixed(0)} s`) });
    done = true;
    return { copySeconds, connectSeconds: connected.seconds };
  } finally {
    store.close();
    if (done) renameSync(building, path);
    for (const suffix of done ? ['-wal', '-shm'] : ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  }
}

function articleCount(path: string): number {
  if (!existsSync(path)) return -1;
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

/** Builds whichever of the two stores is missing (or has another size); a store that is there is used as it is. */
async function prepareStores(opts: Options, work: string): Promise<{ big: string; small?: string; made?: Provenance; reused: string[] }> {
  const big = opts.db ?? join(work, `api-${opts.n}.db`);
  const small = opts.baseline ? (opts.baselineDb ?? join(work, `api-${opts.baseline}.db`)) : undefined;
  const missing = [[big, opts.n] as const, ...(small ? [[small, opts.baseline] as const] : [])].filter(([path, n]) => articleCount(path) !== n);
  const reused = [big, ...(small ? [small] : [])].filter((path) => !missing.some(([m]) => m === path));
  if (!missing.length) return { big, small, reused };
  for (const [path] of missing) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  log(`building ${missing.map(([path, n]) => `${n.toLocaleString('en')} articles at ${path}`).join(' and ')}`);
  const bases = await processBases(opts, work);
  const made: Provenance = { bases: bases.docs.length, sources: bases.sources, pipelineSeconds: bases.seconds, copySeconds: 0, connectSeconds: 0 };
  for (const [path, n] of missing) {
    const t = fillStore(path, bases.docs, opts.n, n);
    if (n === opts.n) Object.assign(made, t);
  }
  return { big, small, made, reused };
}

// ---------------------------------------------------------------- the requests

/** One row of the table: a kind of request a view makes, with the paths it cycles through. */
interface RequestKind {
  name: string;
  view: string;
  paths: string[];
}

type Get = <T>(path: string) => Promise<T>;

interface Named {
  id: string;
  name: string;
  articles?: number;
}

const q = encodeURIComponent;

/** `k` items of `items` drawn with a seeded generator (all of them when there are fewer). */
function draw<T>(items: readonly T[], k: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

/** Page offsets across a list of `total` items, `k` of them, the first and last page among them. */
function pageOffsets(total: number, size: number, k: number, random: () => number): number[] {
  const pages = Math.max(1, Math.ceil(total / size));
  const chosen = new Set([0, pages - 1, ...Array.from({ length: k }, () => Math.floor(random() * pages))]);
  return [...chosen].map((p) => p * size);
}

/** Seven-day windows inside [first, last] (days `YYYY-MM-DD`), `k` of them. */
function weeks(first: string, last: string, k: number, random: () => number): Array<{ from: string; to: string }> {
  const a = Date.parse(first);
  const span = Math.max(0, Date.parse(last) - a - 6 * 86_400_000);
  return Array.from({ length: k }, () => {
    const from = a + Math.floor((random() * span) / 86_400_000) * 86_400_000;
    return { from: new Date(from).toISOString().slice(0, 10), to: new Date(from + 6 * 86_400_000).toISOString().slice(0, 10) };
  });
}

/** The requests of every view, with parameters taken from the store's answers (the same seed on every store). */
async function requestKinds(get: Get): Promise<RequestKind[]> {
  const random = rng(17);
  type Overview = {
    facets: { days: Array<{ day: string }>; outlets: Array<{ outlet: string }> };
    events: { types: Array<{ type: string }> };
    entities: Record<string, Named[]>;
  };
  const overview = await get<Overview>(`/api/overview?top=${OVERVIEW_TOP}`);
  const days = overview.facets.days.map((d) => d.day).sort();
  const [first, last] = [days[0], days[days.length - 1]];
  const folded = await get<{ total: number }>(`/api/articles?fold=1&limit=1`);
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await get<{ total: number; articles: Array<{ id: string }> }>(`/api/articles?limit=1000&offset=${offset}`);
    ids.push(...page.articles.map((a) => a.id));
    if (offset + 1000 >= page.total) break;
  }
  const articleIds = draw(ids, 40, random);
  const cues: string[] = [];
  for (const id of articleIds) {
    const doc = await get<{ quotes: Array<{ cue: { start: number } | null }> }>(`/api/articles/${id}`);
    const cue = doc.quotes.find((x) => x.cue)?.cue;
    if (cue) cues.push(`/api/articles/${id}/parse?at=${cue.start}`);
  }
  const people = overview.entities.PER ?? [];
  const places = overview.entities.LOC ?? [];
  const orgs = overview.entities.ORG ?? [];
  const topEntities = (await get<{ entities: Named[] }>(`/api/entities?limit=10`)).entities;
  const entityTotal = (await get<{ total: number }>(`/api/entities?limit=1`)).total;
  const someEntities: Named[] = [];
  for (const offset of pageOffsets(entityTotal, 1000, 3, random)) someEntities.push(...(await get<{ entities: Named[] }>(`/api/entities?limit=1000&offset=${offset}`)).entities);
  const randomEntities = draw(someEntities, 30, random);
  const stories = (await get<{ total: number; stories: Named[] }>(`/api/stories?limit=1000`)).stories;
  const largest = [...stories].sort((a, b) => (b.articles ?? 0) - (a.articles ?? 0)).slice(0, 10);
  const storyTotal = (await get<{ total: number }>(`/api/stories?limit=1`)).total;
  const events = await get<{ total: number; events: Array<{ source: Array<{ country: string | null }>; target: Array<{ country: string | null }> }> }>(`/api/events?limit=1000`);
  const countries = new Map<string, number>();
  for (const e of events.events) for (const p of [...e.source, ...e.target]) if (p.country) countries.set(p.country, (countries.get(p.country) ?? 0) + 1);
  const topCountries = [...countries].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c]) => c);
  const corpusEvents = await get<{ total: number }>(`/api/corpus-events?limit=1`);
  const mostReported = (await get<{ events: Array<{ id: string }> }>(`/api/corpus-events?sort=-reports&limit=10`)).events;
  const quotes = await get<{ total: number; quotes: Array<{ speaker: string | null; how: string }> }>(`/api/quotes?limit=1000`);
  const speakers = new Map<string, number>();
  for (const x of quotes.quotes) if (x.speaker && x.how !== 'role') speakers.set(x.speaker, (speakers.get(x.speaker) ?? 0) + 1);
  const topSpeakers = [...speakers].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
  const surname = (name: string) => name.split(/\s+/).pop() ?? name;
  const titleWords = (await Promise.all(draw(ids, 5, random).map((id) => get<{ meta: { title?: string } }>(`/api/articles/${id}`))))
    .flatMap((a) => (a.meta.title ?? '').split(/[^\p{L}]+/u).filter((w) => w.length >= 7).slice(0, 1));
  const searches = [
    ...people.slice(0, 3).map((p) => `"${p.name}"`),
    ...places.slice(0, 2).map((p) => `"${p.name}"`),
    ...(people[0] && places[0] ? [`${surname(people[0].name)} AND "${places[0].name}"`] : []),
    ...titleWords,
  ];
  const windows = weeks(first, last, 10, random);
  return [
    { name: 'overview', view: 'overview', paths: [`/api/overview?top=${OVERVIEW_TOP}`] },
    { name: 'article list, first page', view: 'overview (sidebar)', paths: [`/api/articles?fold=1&limit=${LIST_PAGE}&offset=0&facets=${SIDEBAR_FACETS}`] },
    { name: 'article list, other pages', view: 'list', paths: pageOffsets(folded.total, LIST_PAGE, 10, random).map((o) => `/api/articles?fold=1&limit=${LIST_PAGE}&offset=${o}&facets=${SIDEBAR_FACETS}`) },
    { name: 'article list, a week', view: 'list', paths: windows.map((w) => `/api/articles?fold=1&limit=${LIST_PAGE}&offset=0&from=${w.from}&to=${w.to}&facets=${SIDEBAR_FACETS}`) },
    { name: 'search, names and words', view: 'search', paths: searches.flatMap((s) => [0, SEARCH_PAGE].map((o) => `/api/search?q=${q(s)}&limit=${SEARCH_PAGE}&offset=${o}&facets=${SIDEBAR_FACETS}`)) },
    { name: 'search, a common word', view: 'search', paths: [0, SEARCH_PAGE, 10 * SEARCH_PAGE].map((o) => `/api/search?q=said&limit=${SEARCH_PAGE}&offset=${o}&facets=${SIDEBAR_FACETS}`) },
    { name: 'search, a week', view: 'search', paths: windows.slice(0, 5).flatMap((w) => searches.slice(0, 2).map((s) => `/api/search?q=${q(s)}&limit=${SEARCH_PAGE}&offset=0&from=${w.from}&to=${w.to}&facets=${SIDEBAR_FACETS}`)) },
    { name: 'article', view: 'article', paths: articleIds.map((id) => `/api/articles/${id}`) },
    { name: 'article, a sentence parse', view: 'article', paths: cues },
    { name: 'entity, the 10 most named', view: 'entity', paths: topEntities.map((e) => `/api/entities/${e.id}`) },
    { name: 'entity, any', view: 'entity', paths: randomEntities.map((e) => `/api/entities/${e.id}`) },
    { name: "entity's events", view: 'entity', paths: [...topEntities, ...randomEntities.slice(0, 10)].map((e) => `/api/events?entity=${e.id}&limit=${ENTITY_EVENTS}`) },
    { name: 'story, the 10 largest', view: 'story', paths: largest.map((s) => `/api/stories/${s.id}`) },
    { name: 'story, any', view: 'story', paths: draw(stories, 30, random).map((s) => `/api/stories/${s.id}`) },
    { name: 'events table', view: 'events', paths: pageOffsets(events.total, TABLE_PAGE, 8, random).map((o) => `/api/events?limit=${TABLE_PAGE}&offset=${o}`) },
    { name: 'events by type', view: 'events', paths: overview.events.types.map((t) => `/api/events?type=${t.type}&limit=${TABLE_PAGE}&offset=0`) },
    { name: 'events by actor', view: 'events', paths: [...people.slice(0, 5), ...orgs.slice(0, 3)].map((p) => `/api/events?actor=${q(surname(p.name))}&limit=${TABLE_PAGE}&offset=0`) },
    { name: 'events by country', view: 'events', paths: topCountries.map((c) => `/api/events?country=${c}&limit=${TABLE_PAGE}&offset=0`) },
    { name: 'events in a week', view: 'events', paths: windows.map((w) => `/api/events?from=${w.from}&to=${w.to}&limit=${TABLE_PAGE}&offset=0`) },
    { name: 'real-world events table', view: 'events (one row per event)', paths: pageOffsets(corpusEvents.total, TABLE_PAGE, 8, random).map((o) => `/api/corpus-events?limit=${TABLE_PAGE}&offset=${o}`) },
    { name: 'real-world event, the 10 most reported', view: 'event', paths: mostReported.map((e) => `/api/corpus-events/${e.id}?limit=${REPORTS_PAGE}`) },
    { name: 'quotes table', view: 'quotes', paths: pageOffsets(quotes.total, TABLE_PAGE, 8, random).map((o) => `/api/quotes?limit=${TABLE_PAGE}&offset=${o}`) },
    { name: 'quotes by speaker', view: 'quotes', paths: topSpeakers.map((s) => `/api/quotes?speaker=${q(surname(s))}&limit=${TABLE_PAGE}&offset=0`) },
    { name: 'quotes by outlet', view: 'quotes', paths: overview.facets.outlets.slice(0, 5).map((o) => `/api/quotes?via=${q(o.outlet)}&limit=${TABLE_PAGE}&offset=0`) },
    { name: 'timeline', view: 'timeline', paths: [`/api/timeline?limit=${TIMELINE_ITEMS}`] },
    { name: 'timeline, the 10 largest stories', view: 'timeline', paths: largest.map((s) => `/api/timeline?story=${s.id}&limit=${TIMELINE_ITEMS}`) },
    { name: 'timeline, an entity', view: 'timeline', paths: topEntities.map((e) => `/api/timeline?entity=${e.id}&limit=${TIMELINE_ITEMS}`) },
    { name: 'timeline, a week', view: 'timeline', paths: windows.map((w) => `/api/timeline?from=${w.from}&to=${w.to}&limit=${TIMELINE_ITEMS}`) },
    { name: 'timeline, a type in a story', view: 'timeline', paths: largest.slice(0, 5).map((s, i) => `/api/timeline?story=${s.id}&type=${overview.events.types[i % overview.events.types.length]?.type ?? 'CONSULT'}&limit=${TIMELINE_ITEMS}`) },
    { name: 'stories', view: 'stories', paths: pageOffsets(storyTotal, LIST_PAGE, 5, random).map((o) => `/api/stories?limit=${LIST_PAGE}&offset=${o}`) },
    { name: 'entities', view: 'entities', paths: [undefined, 'PER', 'ORG', 'LOC'].flatMap((t) => [0, LIST_PAGE].map((o) => `/api/entities?${t ? `type=${t}&` : ''}limit=${LIST_PAGE}&offset=${o}`)) },
  ].filter((k) => k.paths.length);
}

/** Times `requests` GETs of a kind's paths, in turn, after a warm-up; every answer must be a 200. */
async function timeKind(base: string, kind: RequestKind, requests: number): Promise<Latency> {
  const once = async (path: string) => {
    const t = performance.now();
    const response = await fetch(new URL(path, base));
    const body = await response.text();
    const ms = performance.now() - t;
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
    return ms;
  };
  for (let i = 0; i < WARM_UP; i++) await once(kind.paths[i % kind.paths.length]);
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await once(kind.paths[i % kind.paths.length]));
  return latency(times);
}

/** Loads the page `renders` times, each in a fresh browser context, and times navigation start to the overview and article list shown. */
async function timeRender(url: string, opts: Options): Promise<Latency | undefined> {
  if (!opts.renders) return undefined;
  const browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < opts.renders + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => document.querySelector('#reader-content .overview') && !document.getElementById('reader-content')?.hasAttribute('aria-busy') && document.querySelector('#article-list a.item'),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const ms = await page.evaluate(() => performance.now());
      await context.close();
      // the first load warms the server's caches, as the requests' warm-up does
      if (i > 0) times.push(ms);
    }
    return latency(times);
  } finally {
    await browser.close();
  }
}

/** What one store held and how fast its requests were answered. */
interface StoreFigures {
  articles: number;
  reports: number;
  stories: number;
  entities: number;
  events: number;
  quotes: number;
  dbMB: number;
  kinds: Array<RequestKind & { latency: Latency }>;
  render?: Latency;
}

/** One store being measured: its server, its requests and what it holds. */
interface Served {
  path: string;
  store: Store;
  url: string;
  close: () => Promise<void>;
  get: Get;
  kinds: RequestKind[];
}

async function serve(path: string): Promise<Served> {
  const store: Store = openSqliteStore(path);
  const server = await startServer(store, { port: 0 });
  const get: Get = async <T>(p: string) => {
    const response = await fetch(new URL(p, server.url));
    if (!response.ok) throw new Error(`GET ${p} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  };
  try {
    return { path, store, url: server.url, close: server.close, get, kinds: await requestKinds(get) };
  } catch (e) {
    await server.close();
    store.close();
    throw e;
  }
}

/** What a served store holds, for the report. */
async function contents(s: Served): Promise<Omit<StoreFigures, 'kinds' | 'render'>> {
  const overview = await s.get<{ facets: { articles: number; reports: number }; events: { events: number }; stories: { total: number } }>('/api/overview?top=1');
  const entities = await s.get<{ total: number }>('/api/entities?limit=1');
  const quotes = await s.get<{ total: number }>('/api/quotes?limit=1');
  const dbBytes = ['', '-wal'].reduce((sum, x) => sum + (existsSync(s.path + x) ? statSync(s.path + x).size : 0), 0);
  return {
    articles: overview.facets.articles,
    reports: overview.facets.reports,
    stories: overview.stories.total,
    entities: entities.total,
    events: overview.events.events,
    quotes: quotes.total,
    dbMB: dbBytes / 1024 / 1024,
  };
}

/**
 * Times every kind of request on the store at `bigPath` and, right after each, the same kind on
 * the baseline store, so that both meet about the same load from other work on the machine;
 * then the overview's render on each.
 */
async function measure(bigPath: string, smallPath: string | undefined, opts: Options): Promise<{ big: StoreFigures; small?: StoreFigures }> {
  const served: Served[] = [];
  try {
    served.push(await serve(bigPath));
    if (smallPath) served.push(await serve(smallPath));
    const [big, small] = served;
    const timed: Array<StoreFigures['kinds']> = served.map(() => []);
    for (const kind of big.kinds) {
      const line: string[] = [];
      for (const [i, s] of served.entries()) {
        const same = s.kinds.find((k) => k.name === kind.name);
        if (!same) continue;
        timed[i].push({ ...same, latency: await timeKind(s.url, same, opts.requests) });
        line.push(`${timed[i][timed[i].length - 1].latency.p95.toFixed(1)} ms`);
      }
      log(`  ${kind.name}: p95 ${line.join(' (baseline ')}${line.length > 1 ? ')' : ''}`);
    }
    const figures: StoreFigures[] = [];
    for (const [i, s] of served.entries()) figures.push({ ...(await contents(s)), kinds: timed[i], render: await timeRender(s.url, opts) });
    return { big: figures[0], ...(small ? { small: figures[1] } : {}) };
  } finally {
    for (const s of served) {
      await s.close();
      s.store.close();
    }
  }
}

// ---------------------------------------------------------------- report

const ms = (x: number) => x.toFixed(1);
const loadNow = () => loadavg().map((x) => x.toFixed(2)).join(' ');
/** The load average when the timing began (set by main). */
let loadAtStart = '';

function describe(label: string, f: StoreFigures): string {
  return `${label}: ${f.articles.toLocaleString('en')} articles (${f.reports.toLocaleString('en')} with copies folded), ${f.stories.toLocaleString('en')} stories, ${f.entities.toLocaleString('en')} corpus entities (listed), ${f.events.toLocaleString('en')} events, ${f.quotes.toLocaleString('en')} quotes; database ${f.dbMB.toFixed(0)} MB`;
}

function report(opts: Options, big: StoreFigures, small: StoreFigures | undefined, made: Provenance | undefined, reused: string[]): string {
  const lines: string[] = [];
  lines.push(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; load average when measuring began ${loadAtStart}, at the end ${loadNow()}. Wall-clock figures; other work may share the machine.`);
  if (made) {
    lines.push(
      `Store: ${made.bases.toLocaleString('en')} articles from ${made.sources} processed once by the real pipeline (${made.pipelineSeconds.toFixed(0)} s), ` +
        `each stored about ${Math.ceil(opts.n / made.bases)} times as an exact copy with a new id, outlet, address and publication date (40 articles a day; dates in the text and events found again against the new date; ${made.copySeconds.toFixed(0)} s), ` +
        `then connected by connect() (${made.connectSeconds.toFixed(0)} s). Copies are exact, so connect folds them under their originals.`,
    );
  }
  if (reused.length) lines.push(`Reused store${reused.length > 1 ? 's' : ''} made by an earlier run of this script: ${reused.join(', ')}.`);
  lines.push(describe('Measured', big));
  if (small) lines.push(describe(`Baseline (the first ${opts.baseline.toLocaleString('en')} of the same plan)`, small));
  lines.push(`Each row: ${opts.requests} GETs over HTTP on 127.0.0.1 after ${WARM_UP} warm-up ones, one at a time${small ? ' (on the baseline store right after)' : ''}, cycling through the row's paths (parameters from the store's own answers); ms from sending to the whole body read. Target: p95 ≤ ${TARGET_P95_MS} ms at ${opts.n.toLocaleString('en')} articles.`);
  lines.push('');
  const smallBy = new Map(small?.kinds.map((k) => [k.name, k.latency]) ?? []);
  const headers = ['request', 'view', 'paths', 'p50 ms', 'p95 ms', 'max ms', ...(small ? [`p95 at ${opts.baseline / 1000}k`, 'ratio'] : []), 'target'];
  const rows = big.kinds.map((k) => {
    const base = smallBy.get(k.name);
    return [
      k.name,
      k.view,
      k.paths.length,
      ms(k.latency.p50),
      ms(k.latency.p95),
      ms(k.latency.max),
      ...(small ? [base ? ms(base.p95) : '–', base ? `${(k.latency.p95 / base.p95).toFixed(2)}×` : '–'] : []),
      k.latency.p95 <= TARGET_P95_MS ? '✓' : '✗',
    ];
  });
  lines.push(table(headers, rows, 2));
  lines.push('');
  const example = big.kinds.map((k) => `  ${k.name}: ${k.paths[0]}`);
  lines.push('A path of each row:', ...example);
  if (big.render) {
    lines.push('');
    const baseRender = small?.render ? `; at ${opts.baseline.toLocaleString('en')} articles p50 ${ms(small.render.p50)} ms, p95 ${ms(small.render.p95)} ms (ratio of p95 ${(big.render.p95 / small.render.p95).toFixed(2)}×)` : '';
    lines.push(
      `Overview render in Chromium (${big.render.n} loads, each in a fresh context after one warm-up load; navigation start to the overview and the article list shown): p50 ${ms(big.render.p50)} ms, p95 ${ms(big.render.p95)} ms, max ${ms(big.render.max)} ms, target < ${TARGET_RENDER_MS} ms ${big.render.p95 < TARGET_RENDER_MS ? '✓' : '✗'}${baseRender}.`,
    );
  }
  const missed = big.kinds.filter((k) => k.latency.p95 > TARGET_P95_MS).map((k) => k.name);
  lines.push(missed.length ? `Over the ${TARGET_P95_MS} ms p95 target: ${missed.join(', ')}.` : `Every row is within the ${TARGET_P95_MS} ms p95 target.`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.renders && !existsSync(opts.chromium)) {
    console.error(`bench:api: no Chromium at ${opts.chromium} for the overview's render time; install Debian's with "apt-get install chromium", give --chromium PATH, or --renders 0 to skip it. No browser is downloaded.`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'dossier-api-bench-'));
  try {
    const { big, small, made, reused } = await prepareStores(opts, work);
    log(`measuring ${big}${small ? `, each request beside the same on ${small}` : ''}`);
    loadAtStart = loadNow();
    const figures = await measure(big, small, opts);
    console.log(report(opts, figures.big, figures.small, made, reused));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench:api: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
