import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingest } from '../../src/ingest/ingest.ts';
import { startServer, type RunningServer } from '../../src/serve/server.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { eventShowcase, showcaseArticle, type ArticleLayers } from '../../scripts/screenshots/showcase.ts';

// Every view of the page over the sample corpus in a real browser (Debian's Chromium):
// accessibility by axe-core, keyboard focus, and phone width (390 px).
// Run: node --import tsx --test test/e2e/views.test.ts

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}; install it with "apt-get install chromium" to run the browser tests`;
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** axe-core's browser build, from node_modules (a dev dependency). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
/** What a Tab walk reaches at most on one view before it gives up waiting for the focus to come round. */
const MAX_TABS = 400;

let dir = '';
let store: Store | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

/** A view of the page: its address, what shows it has loaded, and what to open in it before it is checked. */
interface View {
  name: string;
  hash: string;
  ready: string;
  prepare?: (page: Page) => Promise<void>;
}
let views: View[] = [];

async function getJson<T>(path: string): Promise<T> {
  const answer = await fetch(new URL(path, server!.url));
  assert.equal(answer.status, 200, path);
  return (await answer.json()) as T;
}

/** Opens a hash and waits until the main pane and the sidebar have loaded. */
async function open(view: View): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), view.hash);
  await page.locator(view.ready).first().waitFor();
  await page.waitForFunction(() => !document.getElementById('reader-content')?.hasAttribute('aria-busy') && document.getElementById('sidebar-count')?.textContent !== '');
  await view.prepare?.(page);
}

/**
 * axe-core's serious and critical violations on the page as it is, one line each. The script is
 * evaluated through the DevTools protocol: the page's Content-Security-Policy (script-src 'self')
 * refuses the inline script tag page.addScriptTag would add (tested below), and rightly.
 */
async function seriousViolations(): Promise<string[]> {
  if ((await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)) === 'undefined') await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} – ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`).join('; ')}`);
}

before(async () => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'dossier-views-'));
  store = openSqliteStore(join(dir, 'dossier.db'));
  const summary = await ingest(store, [join(REPO, 'sample')]);
  assert.deepEqual(summary.failed, [], 'the sample ingests');
  server = await startServer(store, { port: 0 });

  // the article, event, entity, story and search of the views, chosen from the API as the screenshots choose them
  const list = await getJson<{ articles: Array<{ id: string }> }>('/api/articles?limit=1000');
  const articles = await Promise.all(list.articles.map((a) => getJson<ArticleLayers>(`/api/articles/${a.id}`)));
  const article = showcaseArticle(articles);
  const withEvent = eventShowcase(articles);
  const person = (await getJson<{ entities: Array<{ id: string; name: string }> }>('/api/entities?type=PER&limit=1')).entities[0];
  const story = (await getJson<{ stories: Array<{ id: string }> }>('/api/stories?limit=1')).stories[0];
  const reported = (await getJson<{ events: Array<{ id: string }> }>('/api/corpus-events?min=2&limit=1')).events[0];
  assert.ok(article && withEvent && person && story && reported, 'the sample has an article with names, quotes and dates, an event, a person, a story and an event reported twice');
  views = [
    { name: 'overview', hash: '#/', ready: '#reader-content .overview' },
    {
      name: 'article with its panels',
      hash: `#/article/${article.id}`,
      ready: '#reader-content .doc-body',
      prepare: async (p) => {
        // every panel open: what cleaning removed, a quote's parse, a date's explanation
        await p.locator('details.doc-removed summary').click();
        const why = p.locator('.quote-why-button').first();
        if (await why.count()) {
          await why.click();
          await p.locator('.parse-panel').first().waitFor();
        }
        await p.locator('.doc-body mark.timex').first().focus();
      },
    },
    { name: 'article with an event chosen', hash: `#/article/${withEvent.article.id}?event=${withEvent.event}`, ready: '.doc-body .event-part.is-current' },
    { name: 'entity', hash: `#/entity/${person.id}`, ready: '#reader-content .corpus-entity' },
    { name: 'story', hash: `#/story/${story.id}`, ready: '#reader-content .corpus-story' },
    { name: 'event', hash: `#/event/${reported.id}`, ready: '#reader-content .corpus-event' },
    { name: 'events table', hash: '#/events', ready: 'table.events-table' },
    { name: 'events table folded', hash: '#/events?fold=1', ready: 'table.events-folded' },
    { name: 'quotes table', hash: '#/quotes', ready: 'table.quotes-list' },
    { name: 'timeline', hash: `#/timeline?story=${story.id}`, ready: '.timeline-events .timeline-link' },
    { name: 'add articles', hash: '#/add', ready: '#add-drop' },
    { name: 'search with a facet', hash: `#/search/${encodeURIComponent(`"${person.name}"`)}?language=en`, ready: '#facets a.facet-value.is-chosen' },
  ];

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: DESKTOP });
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // the script tag the CSP test adds on purpose
    if (/Content Security Policy/.test(message.text()) && /script-src/.test(message.text())) return;
    consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the page's Content-Security-Policy refuses an injected script tag; axe-core is evaluated instead", { skip: SKIP }, async () => {
  await page.setViewportSize(DESKTOP);
  await open(views[0]);
  await assert.rejects(page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') }), /Content Security Policy/);
  assert.equal(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe), 'undefined', 'the tag ran nothing');
  await page.evaluate(AXE_SOURCE);
  assert.equal(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run), 'function');
});

test('axe-core finds no serious or critical violation on any view', { skip: SKIP }, async () => {
  await page.setViewportSize(DESKTOP);
  const found: string[] = [];
  for (const view of views) {
    await open(view);
    for (const v of await seriousViolations()) found.push(`${view.name}: ${v}`);
  }
  assert.deepEqual(found, []);
});

test('Tab reaches every control of each view, and each shows its focus', { skip: SKIP }, async () => {
  await page.setViewportSize(DESKTOP);
  for (const view of views) {
    await open(view);
    // from wherever the view put the focus (its heading) round the whole page and back: a date
    // input takes several presses (its day, month and year) without losing the focus
    await page.evaluate(() => {
      for (const node of document.querySelectorAll('[data-tabbed]')) node.removeAttribute('data-tabbed');
    });
    const unseen: string[] = [];
    let first = '';
    let last = '';
    for (let i = 0; i < MAX_TABS; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const node = document.activeElement;
        if (!node || node === document.body) return null;
        const name = `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.getAttribute('class') ? `.${node.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''} "${(node.textContent ?? '').trim().slice(0, 40)}"`;
        const again = node.hasAttribute('data-tabbed');
        node.setAttribute('data-tabbed', '');
        const style = getComputedStyle(node);
        const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        // an SVG bar shows its focus by the stroke of its rectangle
        const stroked = [...node.querySelectorAll('rect')].some((r) => getComputedStyle(r).stroke !== 'none' && parseFloat(getComputedStyle(r).strokeWidth) > 0);
        const box = node.getBoundingClientRect();
        return { name, again, seen: (ring || stroked) && box.width > 0 && box.height > 0 };
      });
      if (!stop || stop.name === last) continue;
      last = stop.name;
      if (stop.again) break;
      first ||= stop.name;
      if (!stop.seen) unseen.push(stop.name);
    }
    assert.ok(first, `${view.name}: Tab reaches something`);
    assert.deepEqual(unseen, [], `${view.name}: every focused control shows its focus`);
    const missed = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
        .filter((node) => (node as HTMLElement).checkVisibility?.() !== false && node.getBoundingClientRect().width > 0 && !(node as HTMLButtonElement).disabled)
        .filter((node) => !node.hasAttribute('data-tabbed'))
        .map((node) => `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''} "${(node.textContent ?? '').trim().slice(0, 40)}"`),
    );
    assert.deepEqual(missed, [], `${view.name}: Tab reaches every visible control`);
  }
});

test('at phone width (390 px) no view scrolls sideways, the top bar and the main actions are in reach, and axe finds nothing serious', { skip: SKIP }, async () => {
  await page.setViewportSize(PHONE);
  const within = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `${selector} lies inside the screen's width: ${JSON.stringify(box)}`);
  };
  const found: string[] = [];
  for (const view of views) {
    await open(view);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= innerWidth, `${view.name}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen`);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const selector of ['.brand', '#search-input', '#search-form button', '.topnav a >> nth=-1']) await within(selector);
    if (view.hash !== '#/' && !view.hash.startsWith('#/search')) await within('#back-link');
    if (view.name.startsWith('article')) for (const panel of ['section.doc-quotes', 'section.doc-events', 'details.doc-removed']) if (await page.locator(panel).count()) await within(panel);
    if (view.name.includes('table')) {
      await within('.events-filter button[type="submit"]');
      // a table wider than the screen scrolls inside its own box
      const wrap = await page.locator('.events-table-wrap').evaluate((node) => ({ overflow: getComputedStyle(node).overflowX, right: node.getBoundingClientRect().right }));
      assert.ok(wrap.overflow === 'auto' && wrap.right <= PHONE.width, `${view.name}: the table scrolls in its box (${JSON.stringify(wrap)})`);
    }
    for (const v of await seriousViolations()) found.push(`${view.name}: ${v}`);
  }
  assert.deepEqual(found, []);

  // the landing address shows the overview first and the articles under it; a search its results first
  await page.evaluate(() => (location.hash = '#/'));
  await page.locator('#reader-content .overview').waitFor();
  const top = (selector: string) => page.locator(selector).evaluate((node) => node.getBoundingClientRect().top);
  assert.ok((await top('#reader')) < (await top('#article-list')), 'the overview comes before the list');
  assert.equal(await page.locator('#article-list a.item').first().isVisible(), true, 'and the list is there');
  await page.locator('#search-input').fill('Halvik');
  await page.locator('#search-input').press('Enter');
  await page.locator('#sidebar-count', { hasText: /results? for “Halvik”/ }).waitFor();
  assert.ok((await top('#article-list')) < (await top('#reader')), 'search results come first');
  // an article opened from the results: the article alone, with the way back
  await page.locator('#article-list a.item').first().click();
  await page.locator('#reader-content .doc-body').waitFor();
  assert.equal(await page.locator('#article-list').isVisible(), false);
  await page.locator('#back-link').click();
  await page.locator('#sidebar-count', { hasText: /results? for “Halvik”/ }).waitFor();
  await page.setViewportSize(DESKTOP);
});

test('the events and quotes tables sort by a column over the whole result: the header is a button, the order goes to the address, aria-sort tells it, Back undoes it', { skip: SKIP }, async () => {
  await page.setViewportSize(DESKTOP);
  const header = (label: string) => page.locator('table.events-table thead th', { has: page.locator(`button.sort-button:text-is("${label}")`) });
  const button = (label: string) => header(label).locator('button');
  const loaded = async (hash: string) => {
    await page.waitForFunction((h) => location.hash === h, hash);
    await page.waitForFunction(() => !document.getElementById('reader-content')?.hasAttribute('aria-busy'));
    await page.locator('table.events-table').waitFor();
  };
  /** Each row's report, from the link to its article (`#/article/ID?event=N`). */
  const reportsShown = () => page.locator('table.events-list tbody tr td:nth-child(6) a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const reportsOf = (events: Array<{ articleId: string; index: number }>) => events.map((e) => `#/article/${e.articleId}?event=${e.index}`);

  await open({ name: 'events', hash: '#/events', ready: 'table.events-list' });
  assert.equal(await header('Date').getAttribute('aria-sort'), 'descending', 'the latest dated first');
  assert.equal(await page.locator('table.events-table th[aria-sort]').count(), 1);
  assert.deepEqual(await reportsShown(), reportsOf(store!.events({ limit: 50 }).events));

  await button('Did').click();
  await loaded('#/events?sort=type');
  assert.equal(await header('Did').getAttribute('aria-sort'), 'ascending');
  assert.equal(await header('Date').getAttribute('aria-sort'), null);
  assert.deepEqual(await reportsShown(), reportsOf(store!.events({ sort: 'type', limit: 50 }).events));
  // the second page is the second page of the whole sorted list
  const total = store!.events().total;
  assert.ok(total > 50, `the sample has more than a page of events (${total})`);
  await page.locator('.pager a', { hasText: 'Older' }).click();
  await loaded('#/events?sort=type&page=2');
  assert.deepEqual(await reportsShown(), reportsOf(store!.events({ sort: 'type', limit: 50, offset: 50 }).events));

  // by keyboard: the focus comes back to the button pressed, Enter turns the order round
  await button('Did').focus();
  await page.keyboard.press('Enter');
  await loaded('#/events?sort=-type');
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.sort), 'type', 'the focus stays on the header pressed');
  assert.equal(await header('Did').getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await reportsShown(), reportsOf(store!.events({ sort: '-type', limit: 50 }).events));
  assert.equal(await page.locator('a.events-csv').getAttribute('href'), '/api/events?sort=-type&format=csv', 'the CSV comes in the same order');
  await page.goBack();
  await loaded('#/events?sort=type&page=2');
  assert.equal(await header('Did').getAttribute('aria-sort'), 'ascending');

  // one row per real-world event: the most reported first
  await page.evaluate(() => (location.hash = '#/events?fold=1'));
  await page.locator('table.events-folded').waitFor();
  await button('Reports').click();
  await loaded('#/events?fold=1&sort=-reports');
  const counts = (await page.locator('table.events-folded td.event-reports-count').allTextContents()).map(Number);
  assert.deepEqual(counts, store!.corpusEvents({ sort: '-reports', limit: 50 }).events.map((e) => e.reports));
  assert.ok(counts[0] > 1 && counts.every((n, i) => i === 0 || n <= counts[i - 1]), counts.join(' '));

  // quotes: no column's order until one is chosen
  await page.evaluate(() => (location.hash = '#/quotes'));
  await page.locator('table.quotes-list').waitFor();
  assert.equal(await page.locator('table.events-table th[aria-sort]').count(), 0);
  await button('Speaker').click();
  await loaded('#/quotes?sort=speaker');
  assert.equal(await header('Speaker').getAttribute('aria-sort'), 'ascending');
  const speakers = await page.locator('table.quotes-list tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(speakers, store!.quotes({ sort: 'speaker', limit: 50 }).quotes.map((q) => q.speaker || 'unknown'));
});

test('the page logged no errors', { skip: SKIP }, () => {
  assert.deepEqual(consoleErrors, []);
});
