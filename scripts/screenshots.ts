/**
 * Screenshots of every view of the page, for the README: ingests the bundled sample corpus
 * (sample/) into a temporary database, serves it on a free port, opens each view in headless
 * Chromium (Debian's /usr/bin/chromium through playwright-core; no browser is downloaded) and
 * saves one PNG per view. The article, event, entity, story and search shown are chosen from
 * the API's answers (scripts/screenshots/showcase.ts), never from ids written here.
 *
 *   npm run screenshots -- [--out docs/screenshots] [--chromium /usr/bin/chromium] [--width 1280] [--height 860]
 *
 * Desktop shots are the viewport (the page scrolled to what the view is about), not the whole
 * page, so each PNG stays small; the landing page, an article and the events table are taken at
 * phone width (390 px) too.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingest } from '../src/ingest/ingest.ts';
import { startServer } from '../src/serve/server.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { eventShowcase, showcaseArticle, type ArticleLayers } from './screenshots/showcase.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The sample folder, relative to the repository, so that the articles' sources read `sample/…` in the shots, not this machine's path. */
const SAMPLE = 'sample';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The phone viewport of the phone shots (an iPhone 12–15's CSS width). */
const PHONE = { width: 390, height: 844 };
/** How long the page must have no request in flight before a shot is taken. */
const QUIET_MS = 250;
const VIEW_TIMEOUT_MS = 15_000;

interface Options {
  out: string;
  chromium: string;
  width: number;
  height: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { out: join(REPO, 'docs/screenshots'), chromium: '/usr/bin/chromium', width: 1280, height: 860 };
  const size = (flag: string, value: string | undefined) => {
    const x = Number(value);
    if (!Number.isInteger(x) || x < 320 || x > 4000) fail(`${flag} takes a whole number of pixels from 320 to 4000 (got ${value})`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') opts.out = resolve(argv[++i] ?? '');
    else if (arg === '--chromium') opts.chromium = resolve(argv[++i] ?? '');
    else if (arg === '--width') opts.width = size(arg, argv[++i]);
    else if (arg === '--height') opts.height = size(arg, argv[++i]);
    else fail(`unknown option ${arg}`);
  }
  return opts;
}

function fail(message: string): never {
  console.error(`screenshots: ${message}`);
  process.exit(2);
}

/** GETs JSON from the running server, failing the script on any error answer. */
async function getJson<T>(base: string, path: string): Promise<T> {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** What the script shows, each chosen from the API. */
interface Choices {
  article: ArticleLayers & { meta: { title?: string } };
  eventArticle: ArticleLayers;
  event: number;
  entity: { id: string; name: string };
  story: { id: string; title: string };
  search: string;
}

async function choose(base: string): Promise<Choices> {
  const list = await getJson<{ articles: Array<{ id: string }> }>(base, '/api/articles?limit=1000');
  const articles = await Promise.all(list.articles.map((a) => getJson<Choices['article']>(base, `/api/articles/${a.id}`)));
  const article = showcaseArticle(articles);
  if (!article) throw new Error('no article of the sample has names, quotes and dates together');
  const withEvent = eventShowcase(articles);
  if (!withEvent) throw new Error('no article of the sample has an event');
  const people = await getJson<{ entities: Array<{ id: string; name: string }> }>(base, '/api/entities?type=PER&limit=1');
  const stories = await getJson<{ stories: Array<{ id: string; title: string }> }>(base, '/api/stories?limit=1');
  if (!people.entities.length || !stories.stories.length) throw new Error('the sample gave no person or no story');
  const entity = people.entities[0];
  // a phrase search for the most mentioned person's name: hits in several articles, highlighted
  return { article, eventArticle: withEvent.article, event: withEvent.event, entity, story: stories.stories[0], search: `"${entity.name}"` };
}

/** Counts the page's requests in flight, so that a shot waits for late loads (an entity's events). */
function trackRequests(page: Page): () => number {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  return () => inFlight;
}

/** Opens a hash of the page and waits until the main pane and the sidebar have loaded and no request is in flight. */
async function open(page: Page, inFlight: () => number, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator(ready).first().waitFor({ timeout: VIEW_TIMEOUT_MS });
  await page.waitForFunction(() => !document.getElementById('reader-content')?.hasAttribute('aria-busy') && document.getElementById('sidebar-count')?.textContent !== '', undefined, { timeout: VIEW_TIMEOUT_MS });
  let quietSince = performance.now();
  const deadline = performance.now() + VIEW_TIMEOUT_MS;
  while (performance.now() - quietSince < QUIET_MS) {
    if (performance.now() > deadline) throw new Error(`${hash} kept loading for ${VIEW_TIMEOUT_MS} ms`);
    if (inFlight() > 0) quietSince = performance.now();
    await page.waitForTimeout(50);
  }
}

/** Waits until neither the window nor the main pane has scrolled for a while (a smooth scroll has ended). */
async function scrolled(page: Page): Promise<void> {
  const position = () => page.evaluate(() => `${window.scrollY} ${document.getElementById('reader')?.scrollTop ?? 0}`);
  let last = await position();
  for (let still = 0; still < 4; ) {
    await page.waitForTimeout(100);
    const now = await position();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

async function shoot(page: Page, out: string, name: string): Promise<string> {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.chromium)) {
    console.error(`screenshots: no Chromium at ${opts.chromium}; install Debian's with "apt-get install chromium" (or give --chromium PATH). No browser is downloaded.`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'dossier-screenshots-'));
  const store = openSqliteStore(join(work, 'dossier.db'));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    process.chdir(REPO);
    const summary = await ingest(store, [SAMPLE]);
    if (summary.failed.length) throw new Error(`the sample failed to ingest: ${summary.failed.map((f) => `${f.source}: ${f.reason}`).join('; ')}`);
    server = await startServer(store, { port: 0 });
    const c = await choose(server.url);
    browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS });
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: { width: opts.width, height: opts.height } });
    page.on('console', (m) => m.type() === 'error' && !/favicon\.ico/.test(m.location().url) && errors.push(`${m.text()} (${m.location().url})`));
    page.on('pageerror', (e) => errors.push(e.message));
    const inFlight = trackRequests(page);
    mkdirSync(opts.out, { recursive: true });
    const saved: Array<[string, string]> = [];
    const take = async (name: string, what: string) => saved.push([await shoot(page, opts.out, name), what]);

    await page.goto(server.url);
    await open(page, inFlight, '#/', '#reader-content .overview');
    await take('overview', 'the overview');

    await open(page, inFlight, `#/article/${c.article.id}`, '#reader-content .doc-body');
    await take('article', `an article with its names, quotes and dates marked: ${c.article.meta.title ?? c.article.id}`);

    await open(page, inFlight, `#/article/${c.eventArticle.id}?event=${c.event}`, '#reader-content .doc-body');
    // the page scrolls the chosen event's trigger into view, smoothly: wait until it stands still
    await page.locator('.doc-body .event-part.is-current').first().waitFor();
    await scrolled(page);
    await take('article-event', `an article with its event ${c.event} chosen`);

    await open(page, inFlight, `#/entity/${c.entity.id}`, '#reader-content .corpus-entity');
    await take('entity', `the entity page of ${c.entity.name}`);

    await open(page, inFlight, `#/story/${c.story.id}`, '#reader-content .corpus-story');
    await take('story', `the story page of "${c.story.title}"`);

    await open(page, inFlight, '#/timeline', '#reader-content .timeline');
    await take('timeline', 'the timeline of events and statements');

    await open(page, inFlight, '#/events', '#reader-content .corpus-events');
    await take('events', 'the events table');

    await open(page, inFlight, '#/quotes', '#reader-content .corpus-quotes');
    await take('quotes', 'the quotes table');

    await open(page, inFlight, `#/search/${encodeURIComponent(c.search)}`, '#article-list a.item mark');
    await take('search', `the search ${c.search}`);

    // at phone width the panes stand one under the other: the landing address shows the overview, then the articles
    await page.setViewportSize(PHONE);
    await open(page, inFlight, '#/', '#article-list a.item');
    await page.evaluate(() => window.scrollTo(0, 0));
    await take('landing-phone', `the landing page at phone width (${PHONE.width} px)`);

    await open(page, inFlight, `#/article/${c.article.id}`, '#reader-content .doc-body');
    await page.evaluate(() => window.scrollTo(0, 0));
    await take('article-phone', `the article at phone width`);

    await open(page, inFlight, '#/events', '#reader-content .corpus-events');
    await page.evaluate(() => window.scrollTo(0, 0));
    await take('events-phone', 'the events table at phone width: its filters, and the table that scrolls sideways in its own box');

    for (const [path, what] of saved) console.log(`${relative(REPO, path).padEnd(36)} ${String(Math.round(statSync(path).size / 1024)).padStart(5)} KB  ${what}`);
    if (errors.length) {
      console.error(`screenshots: the page logged ${errors.length} error(s):\n${errors.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await server?.close();
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`screenshots: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
