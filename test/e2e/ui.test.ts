import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingest } from '../../src/ingest/ingest.ts';
import { articleWithEvents, meetingReport } from '../support/event-fixture.ts';
import { connect } from '../../src/connect/connect.ts';
import { startServer, type RunningServer } from '../../src/serve/server.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { FACET_NAMES, type ArticleFilter, type Store } from '../../src/store/store.ts';

// The web page in a real browser (Debian's Chromium) against a real server and store.
// Run: node --import tsx --test test/e2e/ui.test.ts

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}; install it with "apt-get install chromium" to run the browser tests`;
const SCREENSHOT = '/tmp/dossier-ui.png';

const SCRIPT_TEXT = '<script>window.__xss=1</script>';
const IMG_TEXT = '<img src=x onerror="window.__xss=2">';

const LIVE_BLOG = `Live: Harbour talks, day two – negotiators near a deal
Riverside Gazette live blog, Wednesday 18 March 2026. Updates by Ana Lind.
09:10 Delegations arrive at the harbour office
The two delegations arrived at the harbour office shortly after nine, each with a small team of lawyers.
Neither side spoke to reporters on the way in.
The two delegations arrived at the harbour office shortly after nine, each with a small team of lawyers.
Neither side spoke to reporters on the way in.
11:45 Mediator says gaps have narrowed
The mediator told reporters the remaining gaps were "technical, not political".
Talks are expected to continue through the afternoon.
The mediator told reporters the remaining gaps were "technical, not political".
Talks are expected to continue through the afternoon.
15:30 Agreement initialled
Both negotiators initialled the text at half past three, the mediator's office said.
A signing ceremony is planned for Friday.
Inga kommentarer:
Skicka en kommentar
`;

const MARKUP_TEXT = `Reader letter quoting markup
A reader sent us a letter that contained the string ${SCRIPT_TEXT} in the middle of a sentence.
It also contained an image tag, ${IMG_TEXT}, which we print here as text.
The editors decided to publish the letter as written, because the harbour talks deserve scrutiny.
`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MARKUP_HTML = `<!doctype html>
<html lang="en"><head><title>Escaped markup in an HTML page</title><meta name="author" content="Jo Park"></head>
<body><article>
<h1>Escaped markup in an HTML page</h1>
<p>The page quotes ${escapeHtml(SCRIPT_TEXT)} as text for the readers of the harbour report.</p>
<p>And an image tag too: ${escapeHtml(IMG_TEXT)} shown as text, not as an image.</p>
<p>A third paragraph so that the extractor has enough to keep; the harbour talks continue this week with more meetings.</p>
</article></body></html>
`;

const MARKUP_JSONL = `${JSON.stringify({
  title: 'Wire record with markup',
  text: `The record quotes ${SCRIPT_TEXT} in its text.\n\nIt also has ${IMG_TEXT} inline, and talks about the harbour.`,
  url: 'javascript:window.__xss=3',
  outlet: 'Wire',
  published: '2026-03-17T10:00:00Z',
  language: 'en',
})}\n`;

let dir = '';
let store: Store | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const ids = { live: '', text: '', html: '', jsonl: '' };
const consoleErrors: string[] = [];
const dialogs: string[] = [];

async function ingestOne(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const summary = await ingest(store!, [path]);
  assert.deepEqual(summary.failed, [], `${name} should ingest`);
  assert.equal(summary.ids.length, 1, `${name} should give one article`);
  return summary.ids[0];
}

/** Whether the page has set window.__xss: it must never. */
function xssFired(): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);
}

async function openArticle(id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/article/${encodeURIComponent(id)}`);
  await page.locator(`#reader-content h1`).waitFor();
  await page.waitForFunction(() => !document.getElementById('reader-content')?.hasAttribute('aria-busy'));
}

before(async () => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'dossier-ui-'));
  store = openSqliteStore(join(dir, 'dossier.db'));
  ids.live = await ingestOne('harbour-live.txt', LIVE_BLOG);
  ids.text = await ingestOne('reader-letter.txt', MARKUP_TEXT);
  ids.html = await ingestOne('escaped-markup.html', MARKUP_HTML);
  ids.jsonl = await ingestOne('wire.jsonl', MARKUP_JSONL);
  server = await startServer(store, { port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // the browser logs every non-2xx fetch; the 400 for the malformed query is the API's answer, asked for below
    const url = message.location().url;
    if (/status of 400/.test(message.text()) && url.includes('/api/search')) return;
    // the browser asks for /favicon.ico on its own, and the server has no icon to give (see the report)
    if (/status of 404/.test(message.text()) && new URL(url).pathname === '/favicon.ico') return;
    consoleErrors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the list shows every report once, copies folded, with its outlet, language and badges', { skip: SKIP }, async () => {
  // the three markup articles quote the same strings in near words: corpus work may fold one under another
  const folded = store!.list({ fold: true, limit: 1000 });
  const items = page.locator('#article-list a.item');
  await page.locator('#sidebar-count', { hasText: `${folded.total} articles` }).waitFor();
  assert.equal(await items.count(), folded.total);
  const titles = await page.locator('#article-list .item-title').allTextContents();
  assert.deepEqual([...titles].sort(), folded.articles.map((a) => a.title).sort());
  assert.ok(titles.includes('Live: Harbour talks, day two – negotiators near a deal'));
  for (const a of folded.articles.filter((x) => x.copies)) {
    assert.match((await page.locator(`#article-list a.item[data-id="${a.id}"] .item-meta`).textContent()) ?? '', new RegExp(`and ${a.copies} cop(y|ies)`));
  }

  const live = page.locator(`#article-list a.item[data-id="${ids.live}"]`);
  assert.deepEqual(await live.locator('.badge-flag').allTextContents(), ['repetitive-paragraphs', 'repetitive-ngrams']);
  // the badge gives the share of the article's own text removed; the page's furniture does not count
  const summaries = new Map(store!.list().articles.map((a) => [a.id, a]));
  const liveShare = summaries.get(ids.live)!.removedShare!;
  assert.ok(liveShare >= 0.05, `the live blog repeats entries (removed ${liveShare})`);
  assert.equal(await live.locator('.badge-removed').textContent(), `removed ${Math.round(liveShare * 100)}%`);
  const html = summaries.get(ids.html)!;
  assert.ok(html.removed > 0 && html.removedShare! < 0.05, `the HTML page loses only furniture (${html.removed} parts, ${html.removedShare})`);
  if (folded.articles.some((a) => a.id === ids.html)) assert.equal(await page.locator(`#article-list a.item[data-id="${ids.html}"] .badge-removed`).count(), 0);
  assert.equal(await live.locator('.lang').textContent(), 'EN');

  if (folded.articles.some((a) => a.id === ids.jsonl)) {
    const wire = page.locator(`#article-list a.item[data-id="${ids.jsonl}"]`);
    assert.match((await wire.locator('.item-meta').textContent()) ?? '', /^Wire · .*2026/);
  }
  assert.equal(await page.locator('#pager').isHidden(), true, 'the articles fit on one page');
});

test('a search lists the matching article and highlights the hit', { skip: SKIP }, async () => {
  await page.locator('#search-input').fill('lawyers');
  await page.locator('#search-input').press('Enter');
  await page.locator('#sidebar-count', { hasText: '1 result for “lawyers”' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/search/lawyers');
  const hits = page.locator('#article-list a.item');
  assert.equal(await hits.count(), 1);
  assert.equal(await hits.first().getAttribute('data-id'), ids.live);
  assert.deepEqual(await hits.first().locator('mark').allTextContents(), ['lawyers']);
  assert.match((await hits.first().locator('.item-snippet').textContent()) ?? '', /small team of lawyers/);
});

test('search snippets that quote markup show it as text', { skip: SKIP }, async () => {
  await page.locator('#search-input').fill('quotes');
  await page.locator('#search-input').press('Enter');
  await page.locator('#sidebar-count', { hasText: '2 results for “quotes”' }).waitFor();
  const snippets = (await page.locator('#article-list .item-snippet').allTextContents()).join('\n');
  assert.ok(snippets.includes(SCRIPT_TEXT), `snippets should show ${SCRIPT_TEXT} as text: ${snippets}`);
  assert.equal(await page.locator('#article-list mark').first().textContent(), 'quotes');
  assert.equal(await page.locator('#article-list img, #article-list script').count(), 0);
  assert.equal(await xssFired(), false);
});

test('a malformed query shows the API error message', { skip: SKIP }, async () => {
  const answer = await fetch(new URL('/api/search?q=%22unclosed', server!.url));
  assert.equal(answer.status, 400);
  const { error } = (await answer.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'bad-query');

  await page.locator('#search-input').fill('"unclosed');
  await page.locator('#search-input').press('Enter');
  const alert = page.locator('#sidebar-error');
  await alert.waitFor({ state: 'visible' });
  const shown = (await alert.textContent()) ?? '';
  assert.ok(shown.includes('This search cannot be run.'), shown);
  assert.ok(shown.includes(error.message), `the page should show the API's message: ${shown}`);
  assert.equal(await page.locator('#article-list a.item').count(), 0);
  assert.equal(await page.locator('#sidebar-count').textContent(), '');
});

test('the live blog shows its entries and what cleaning removed; the back button works', { skip: SKIP }, async () => {
  await page.locator('.brand').click();
  await page.locator('#sidebar-count', { hasText: `${store!.list({ fold: true }).total} articles` }).waitFor();
  await page.locator(`#article-list a.item[data-id="${ids.live}"]`).click();
  await page.locator('#reader-content h1', { hasText: 'Live: Harbour talks' }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/article/${ids.live}`);
  assert.equal(await page.locator(`#article-list a.item[data-id="${ids.live}"]`).getAttribute('aria-current'), 'page');

  const entries = page.locator('.doc-body section.entry');
  assert.equal(await entries.count(), 3);
  const headlines = (await entries.locator('.entry-headline').allTextContents()).map((h) => h.replace(/\s+/g, ' '));
  assert.deepEqual(headlines, ['09:10 Delegations arrive at the harbour office', '11:45 Mediator says gaps have narrowed', '15:30 Agreement initialled']);
  assert.equal(await entries.nth(0).locator('p').count(), 2, 'the first entry keeps its two paragraphs once');
  assert.match((await entries.nth(2).textContent()) ?? '', /signing ceremony is planned for Friday/);
  assert.doesNotMatch((await page.locator('.doc-body').textContent()) ?? '', /kommentar/i);

  await page.screenshot({ path: SCREENSHOT });

  const panel = page.locator('details.doc-removed');
  assert.equal(await panel.getAttribute('open'), null, 'the removed panel starts closed');
  await panel.locator('summary').click();
  assert.equal(await panel.getAttribute('open'), '');
  const reasons = await panel.locator('.removal-reason').allTextContents();
  assert.deepEqual(reasons, ['repeated-block', 'repeated-block', 'repeated-block', 'repeated-block', 'boilerplate:comments', 'boilerplate:comments']);
  const removedTexts = await panel.locator('.removal-text').allTextContents();
  assert.ok(removedTexts.includes('Inga kommentarer:') && removedTexts.includes('Skicka en kommentar'), removedTexts.join(' | '));
  assert.ok((await panel.locator('.removal-detail').allTextContents()).includes('sv comment section header'));

  const messages = await page.locator('.doc-messages .message-origin').allTextContents();
  assert.ok(messages.includes('clean:repeated-block') && messages.includes('clean:boilerplate'), messages.join(', '));

  await page.goBack();
  await page.locator('#reader-content .overview').waitFor();
  assert.equal(new URL(page.url()).hash, '#/');
  await page.goForward();
  await page.locator('#reader-content h1', { hasText: 'Live: Harbour talks' }).waitFor();
  assert.equal(await page.locator('.doc-body section.entry').count(), 3);
});

test('names in the text are marked by type, and the names panel lists the entities', { skip: SKIP }, async () => {
  const id = await ingestOne(
    'envoy.txt',
    'Envoy meets president in Halvik\n\nOrrenland envoy Henrik Solvane met President Anselm Korvath in Halvik on Tuesday, the Meridian Wire news agency reported. Solvane later told reporters the talks had been useful.',
  );
  await page.goto(server.url);
  await openArticle(id);
  const people = await page.locator('.doc-body mark.mention-PER').allTextContents();
  assert.ok(people.includes('Henrik Solvane') && people.includes('Solvane'), people.join(', '));
  assert.ok((await page.locator('.doc-body mark.mention-LOC').allTextContents()).includes('Halvik'));
  const title = await page.locator('.doc-body mark.mention-PER', { hasText: /^Solvane$/ }).first().getAttribute('title');
  assert.equal(title, 'Person: Henrik Solvane', 'a surname is shown as its entity');
  const panel = page.locator('.doc-entities');
  assert.match((await panel.textContent()) ?? '', /Henrik Solvane ×2/);
  assert.match((await panel.textContent()) ?? '', /Orrenland envoy/);
});

test('"Why this speaker?" shows the parse of the reporting sentence: the cue\'s subject marked, arcs and a list, text never markup', { skip: SKIP }, async () => {
  const id = await ingestOne(
    'envoy-parse.txt',
    'Envoy parse\n\n“We will stay for <b>talks</b>,” said David Kershaw, division vice president of the Halvik Basin Trust.\n\nThe talks resume on Friday.',
  );
  await page.goto(server!.url);
  await openArticle(id);
  const item = page.locator('section.doc-quotes li.quote', { has: page.locator('.quote-speaker', { hasText: /^David Kershaw$/ }) });
  assert.equal(await item.count(), 1, (await page.locator('section.doc-quotes').textContent()) ?? '');
  const why = item.locator('.quote-why-button');
  assert.equal(await why.getAttribute('aria-expanded'), 'false');
  await why.click();
  const explain = item.locator('.parse-explain');
  await explain.waitFor();
  assert.match((await explain.textContent()) ?? '', /The subject of “said” is “David” \((nsubj)\); the speaker is read from it: David Kershaw\./);
  const words = await item.locator('svg.parse-arcs text.parse-word').allTextContents();
  assert.ok(words.includes('said') && words.includes('Kershaw'), words.join(' '));
  assert.ok((await item.locator('svg.parse-arcs path.parse-arc.is-marked').count()) === 1, 'the arc from the verb to its subject is marked');
  assert.equal(await item.locator('.parse-list li').count(), words.length);
  assert.equal(await page.locator('section.doc-quotes b').count(), 0, 'markup in the text stays text');
  await why.click();
  assert.equal(await item.locator('.parse-panel').isHidden(), true);
  assert.equal(await why.getAttribute('aria-expanded'), 'false');
});

test('"Why this speaker?" on a long sentence scrolls its arcs to the cue\'s verb and subject', { skip: SKIP }, async () => {
  const preamble = 'the dam at Tamsk, the pumping station at Gorran, the crossing at Kessin, the gauge at Brena and the channel below Halvik all stay under joint watch for a season';
  const id = await ingestOne('envoy-long.txt', `Envoy long\n\n“Under the framework ${preamble},” said Henrik Solvane at the border.\n\nThe talks resume on Friday.`);
  await page.goto(server!.url);
  await openArticle(id);
  const item = page.locator('section.doc-quotes li.quote', { has: page.locator('.quote-speaker', { hasText: /^Henrik Solvane$/ }) });
  await item.locator('.quote-why-button').click();
  const verb = item.locator('svg.parse-arcs text.parse-word.is-marked', { hasText: /^said$/ });
  await verb.waitFor();
  await page.waitForTimeout(100);
  const box = await item.locator('.parse-scroll').boundingBox();
  const word = await verb.boundingBox();
  assert.ok(box && word, 'the arcs and the verb are laid out');
  assert.ok(word.x >= box.x && word.x + word.width <= box.x + box.width, `the verb at ${word.x} lies inside the scrolled box [${box.x}, ${box.x + box.width}]`);
});

test('the quotes panel lists each quote with its speaker and outlets, and marks it in the text', { skip: SKIP }, async () => {
  const id = await ingestOne(
    'envoy-stays.txt',
    'Envoy stays in Halvik\n\n“We will not retreat,” said Henrik Solvane.\n\n“The dam stays open,” Ilse Brandoch told the Meridian Wire on Tuesday.\n\nThe talks resume on Friday.',
  );
  await page.goto(server!.url);
  await openArticle(id);
  const panel = page.locator('section.doc-quotes');
  assert.match((await panel.locator('.section-title').textContent()) ?? '', /^Quotes \([1-9]\d*\)$/);
  const solvane = panel.locator('.quote-item', { has: page.locator('.quote-speaker', { hasText: /^Henrik Solvane$/ }) });
  assert.equal(await solvane.count(), 1, (await panel.textContent()) ?? '');
  assert.match((await solvane.locator('.quote-text').textContent()) ?? '', /We will not retreat/);
  assert.match((await solvane.locator('.badge').textContent()) ?? '', /^(direct|indirect|mixed|partial)$/);
  const brandoch = panel.locator('.quote-item', { has: page.locator('.quote-speaker', { hasText: /^Ilse Brandoch$/ }) });
  assert.match((await brandoch.locator('.quote-via').textContent()) ?? '', /^ · via .*Meridian Wire/);

  // the content is marked in the text, around the names inside it; choosing the quote marks it as current
  const spans = page.locator('.doc-body .quote-span');
  assert.ok((await spans.allTextContents()).some((t) => t.includes('We will not retreat')), (await spans.allTextContents()).join(' | '));
  assert.equal(await page.locator('.doc-body .quote-span.is-current').count(), 0);
  await solvane.click();
  const current = page.locator('.doc-body .quote-span.is-current');
  await current.first().waitFor();
  assert.match((await current.allTextContents()).join(''), /We will not retreat/);
  assert.equal(await solvane.getAttribute('aria-current'), 'true');
  await brandoch.click();
  assert.match((await current.allTextContents()).join(''), /The dam stays open/);
  assert.doesNotMatch((await current.allTextContents()).join(''), /not retreat/, 'only the chosen quote is current');
  assert.equal(await solvane.getAttribute('aria-current'), null);
  // ?quote=N opens the article with that quote chosen (the timeline's statements link so)
  const index = Number(await brandoch.getAttribute('data-quote'));
  await page.evaluate(() => (location.hash = '#/'));
  await page.evaluate((hash) => (location.hash = hash), `#/article/${id}?quote=${index}`);
  await page.locator('section.doc-quotes .quote-item[aria-current="true"]').waitFor();
  assert.match((await page.locator('section.doc-quotes .quote-item[aria-current="true"] .quote-speaker').textContent()) ?? '', /^Ilse Brandoch$/);
  assert.match((await page.locator('.doc-body .quote-span.is-current').allTextContents()).join(''), /The dam stays open/);
});

test("an article's events are listed as readable lines, and choosing one marks its act, actors and place; the events table filters and links back", { skip: SKIP }, async () => {
  // events written by hand, so that the page is tested apart from the events stage
  const doc = articleWithEvents({ status: 'future' });
  store!.put(doc);
  await page.evaluate((hash) => (location.hash = hash), `#/article/${doc.id}?event=0`);
  await page.locator('#reader-content h1').waitFor();
  const panel = page.locator('section.doc-events');
  assert.equal(await panel.locator('.section-title').textContent(), 'Events (2)');
  const items = panel.locator('.event-item');
  assert.deepEqual(await items.locator('.event-summary').allTextContents(), [
    'Henrik Solvane (KVR GOV) — CONSULT, third-party → Ilse Brandoch (HLV GOV), Skarholm, 2026-03-12',
    'Korvath (KVR) — RETREAT, release → two prisoners, 2026-03-14 (planned)',
  ]);
  assert.match((await items.nth(1).locator('.event-head').textContent()) ?? '', /RETREAT CAMEO 0841 planned · dated by the article's date/);
  // ?event=0 opened the article with its first event chosen
  await page.locator('.doc-body .event-part.is-current').first().waitFor();
  const roleText = async (role: string) => (await page.locator(`.doc-body .event-part.is-current.role-${role}`).allTextContents()).join('');
  assert.deepEqual([await roleText('trigger'), await roleText('source'), await roleText('target'), await roleText('place')], ['met', 'Henrik Solvane', 'Ilse Brandoch', 'Skarholm']);
  assert.equal(await items.nth(0).getAttribute('aria-current'), 'true');
  await items.nth(1).click();
  assert.deepEqual([await roleText('trigger'), await roleText('source'), await roleText('target'), await roleText('place')], ['released', 'Korvath', 'two prisoners', '']);
  assert.equal(await items.nth(0).getAttribute('aria-current'), null, 'one event is current at a time');
  // triggers are marked, and the Events toggle turns the marks off
  assert.match((await page.locator('.doc-body .event-trigger').first().getAttribute('title')) ?? '', /^Event: Henrik Solvane \(KVR GOV\) — CONSULT/);
  await page.locator('#toggle-events').uncheck();
  assert.equal(await page.locator('article.doc.hide-events').count(), 1);
  await page.locator('#toggle-events').check();

  // the events table: filters in the address, rows with their codes, a link to each event's article, a CSV of the view
  await page.locator('.topnav a', { hasText: 'Events' }).click();
  await page.locator('table.events-table').waitFor();
  await page.locator('#events-type').selectOption('CONSULT');
  await page.locator('#events-country').fill('hlv');
  await page.locator('.events-filter button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/events?type=CONSULT&country=HLV');
  await page.locator('.events-count', { hasText: /^1–1 of 1 events/ }).waitFor();
  const row = page.locator('table.events-table tbody tr');
  assert.equal(await row.count(), 1);
  assert.deepEqual((await row.locator('td').allTextContents()).slice(0, 5), ['2026-03-12', 'Henrik Solvane KVR GOV', 'CONSULT 043 · third-party', 'Ilse Brandoch HLV GOV', 'Skarholm HLV']);
  assert.equal(await page.locator('a.events-csv').getAttribute('href'), '/api/events?type=CONSULT&country=HLV&format=csv');
  await row.locator('td a', { hasText: 'Envoy meets minister' }).click();
  await page.waitForFunction((id) => location.hash === `#/article/${id}?event=0`, doc.id);
  await page.locator('.doc-body .event-part.is-current.role-trigger').waitFor();
  await page.goBack();
  await page.locator('table.events-table').waitFor();
});

test('an event two articles report is one real-world event: its reports link to a page that compares them, and the table folds them', { skip: SKIP }, async () => {
  const first = await ingestOne('ostmar-meeting.txt', 'Envoy arrives in Ostmar\n\nThe envoy Ingmar Tollvik met President Oskar Bremmel in Ostmar on 2026-04-02, officials said.\n');
  const second = await ingestOne('ostmar-talks.txt', 'Talks held in Ostmar\n\nPresident Oskar Bremmel met the envoy Ingmar Tollvik in Ostmar on 2026-04-02 to discuss the dam.\n');
  await openArticle(first);
  const reports = page.locator('.doc-events .event-reports', { hasText: 'Reported 2 times' });
  await reports.click();
  await page.waitForFunction(() => location.hash.startsWith('#/event/'));
  await page.locator('.corpus-event h1').waitFor();
  assert.match((await page.locator('.corpus-event .doc-byline').textContent()) ?? '', /^Apr 2, 2026 · 2 reports in 2 articles$/);
  const links = page.locator('.corpus-event-reports li a');
  assert.equal(await links.count(), 2);
  assert.match((await page.locator('.corpus-event-links').textContent()) ?? '', /same date 2026-04-02; same place Ostmar/);
  // a report opens its article with the event chosen
  await links.filter({ hasText: 'Talks held in Ostmar' }).click();
  await page.waitForFunction((id) => new RegExp(`^#/article/${id}\\?event=\\d+$`).test(location.hash), second);
  await page.locator('.doc-body .event-part.is-current.role-trigger').waitFor();
  // the events table, one row per real-world event: the two reports are one row
  await page.evaluate(() => (location.hash = '#/events?actor=tollvik'));
  await page.locator('.events-fold', { hasText: 'One row per real-world event' }).click();
  await page.waitForFunction(() => location.hash === '#/events?actor=tollvik&fold=1');
  const folded = page.locator('table.events-folded tbody tr', { hasText: 'Ingmar Tollvik' });
  await folded.first().waitFor();
  assert.equal(await folded.count(), 1);
  assert.equal(await folded.locator('td.event-reports-count').textContent(), '2');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/events?actor=tollvik');
  await page.locator('table.events-table tbody tr').first().waitFor();
});

test("a story's page shows its timeline of events and what changed since a day picked in its form", { skip: SKIP }, async () => {
  const first = await ingestOne('kessin-talks.txt', 'Envoy in Kessin\n\nThe envoy Runa Haldvik met President Tomas Verrel in Kessin on 2026-05-04, officials said.\n');
  await ingestOne('kessin-talks-again.txt', 'Talks in Kessin\n\nPresident Tomas Verrel met the envoy Runa Haldvik in Kessin on 2026-05-04 to discuss the border.\n');
  const story = store!.corpus.storyOf(first)!;
  await page.evaluate((hash) => (location.hash = hash), `#/story/${story}`);
  const item = page.locator('.story-timeline li', { hasText: 'Runa Haldvik' }).filter({ hasText: '2 reports' });
  await item.waitFor();
  assert.match((await item.locator('.story-event-days').textContent()) ?? '', /^May 4, 2026$/);
  await page.locator('#story-since').fill('2026-05-05');
  await page.locator('.story-since button[type=submit]').click();
  await page.waitForFunction((id) => location.hash === `#/story/${id}?since=2026-05-05`, story);
  await page.locator('.doc-header .notice', { hasText: /^Since May 5, 2026: 0 articles published, 0 events on that day or after\.$/ }).waitFor();
  assert.equal(await page.locator('.story-timeline').count(), 0);
  await page.goBack();
  await page.locator('.story-timeline li', { hasText: 'Runa Haldvik' }).first().waitFor();
});

test('the timeline puts events and statements on a time axis: filter by type, zoom by dragging and by its links, open an event by keyboard, Back', { skip: SKIP }, async () => {
  // a meeting two outlets report, its events written by hand, so that the page is tested apart from the events stage
  const reports = [
    meetingReport('Envoy meets premier\n\nAlva Rensk met Premier Odo Marhal in Tarrow on Monday, officials said.', '2026-06-09', 'Meridian Wire', [
      { source: 'Alva Rensk', target: 'Odo Marhal', trigger: 'met', place: 'Tarrow', stated: '2026-06-08' },
    ]),
    meetingReport('Talks in Tarrow\n\nPremier Odo Marhal met the envoy Alva Rensk in Tarrow on Monday.', '2026-06-10', 'Basin Watch', [
      { source: 'Odo Marhal', target: 'Alva Rensk', trigger: 'met', place: 'Tarrow', stated: '2026-06-08' },
    ]),
  ];
  for (const r of reports) store!.put(r);
  connect(store!);
  const meeting = page.locator('.timeline-events .timeline-link', { hasText: 'Alva Rensk' }).filter({ has: page.locator('.timeline-reports', { hasText: '×2' }) });

  await page.locator('.topnav a', { hasText: 'Timeline' }).click();
  await page.waitForFunction(() => location.hash === '#/timeline');
  await meeting.waitFor();
  assert.match((await page.locator('.timeline-statements h2').textContent()) ?? '', /^Statements \(\d+\)$/);
  assert.match((await meeting.getAttribute('title')) ?? '', /^CONSULT: .*Alva Rensk[^]*Jun 8, 2026 · 2 reports · (Meridian Wire, Basin Watch|Basin Watch, Meridian Wire)$/);

  // filter by type and days: the address holds them; statements have no type, so only events are shown
  await page.locator('#timeline-type').selectOption('CONSULT');
  await page.locator('#timeline-from').fill('2026-06-01');
  await page.locator('#timeline-to').fill('2026-06-30');
  await page.locator('.timeline .events-filter button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/timeline?type=CONSULT&from=2026-06-01&to=2026-06-30');
  await meeting.waitFor();
  assert.equal(await page.locator('.timeline-statements').count(), 0);
  assert.match((await page.locator('.timeline-count').textContent()) ?? '', /only events are shown/);
  assert.match((await page.locator('.timeline-range').textContent()) ?? '', /^Jun 1, 2026 – Jun 30, 2026/);

  // drag across the axis from the middle of 5 June to the middle of 12 June: those days are the range
  const box = (await page.locator('.timeline-axis').boundingBox())!;
  const x = (day: number) => box.x + ((day - 1 + 0.5) / 30) * box.width;
  await page.mouse.move(x(5), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x(9), box.y + box.height / 2);
  await page.mouse.move(x(12), box.y + box.height / 2);
  await page.mouse.up();
  await page.waitForFunction(() => location.hash === '#/timeline?type=CONSULT&from=2026-06-05&to=2026-06-12');
  await meeting.waitFor();
  // and out again by its link: the meeting stays in sight
  await page.locator('.timeline-zoom-out').click();
  // eight days around the same middle become sixteen
  await page.waitForFunction(() => location.hash === '#/timeline?type=CONSULT&from=2026-06-01&to=2026-06-16');
  await meeting.waitFor();

  // an event told twice opens its page, by keyboard; Back returns to the same range
  const zoomed = await page.evaluate(() => location.hash);
  await meeting.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/event/'));
  await page.locator('.corpus-event h1').waitFor();
  await page.goBack();
  await page.waitForFunction((hash) => location.hash === hash, zoomed);
  await meeting.waitFor();

  // the story's page links its timeline
  const story = store!.corpus.storyOf(reports[0].id)!;
  await page.evaluate((hash) => (location.hash = hash), `#/story/${story}`);
  await page.locator('.story-timeline-link a', { hasText: 'Timeline of this story' }).click();
  await page.waitForFunction((id) => location.hash === `#/timeline?story=${id}`, story);
  await meeting.waitFor();
  assert.match((await page.locator('.timeline-scope').textContent()) ?? '', /^Story: /);
});

test('the quotes table lists who said what, filters by speaker in the address, and downloads the view as CSV', { skip: SKIP }, async () => {
  await page.evaluate(() => (location.hash = '#/'));
  await page.locator('.topnav a', { hasText: 'Quotes' }).click();
  await page.locator('table.quotes-list').waitFor();
  const total = store!.quotes().total;
  assert.match((await page.locator('.events-count').textContent()) ?? '', new RegExp(`^1–${Math.min(total, 50)} of ${total} quotes`));
  await page.locator('#quotes-speaker').fill('brandoch');
  await page.locator('.events-filter button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/quotes?speaker=brandoch');
  await page.locator('.events-count', { hasText: /quotes/ }).waitFor();
  const speakers = await page.locator('table.quotes-list tbody tr td:nth-child(2)').allTextContents();
  assert.ok(speakers.length >= 1 && speakers.every((s) => s === 'Ilse Brandoch'), speakers.join(' | '));
  assert.equal(await page.locator('a.quotes-csv').getAttribute('href'), '/api/quotes?speaker=brandoch&format=csv');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/quotes');
});

test('ingested markup is shown as text and never runs', { skip: SKIP }, async () => {
  for (const [name, id] of [['text file', ids.text], ['HTML page with escaped entities', ids.html], ['JSONL record', ids.jsonl]] as const) {
    await openArticle(id);
    const body = (await page.locator('.doc-body').innerText()) ?? '';
    assert.ok(body.includes(SCRIPT_TEXT), `${name}: ${SCRIPT_TEXT} should be on the page as text`);
    assert.ok(body.includes(IMG_TEXT), `${name}: ${IMG_TEXT} should be on the page as text`);
    assert.equal(await page.locator('#reader img').count(), 0, `${name}: no img element in the article view`);
    assert.equal(await page.locator('img[onerror], [onerror]').count(), 0, `${name}: no element with onerror`);
    // the page's own module and its import map (index.html), nothing else
    assert.deepEqual(await page.evaluate(() => [...document.scripts].map((s) => `${s.type} ${s.getAttribute('src') ?? 'inline'}`)), ['importmap inline', 'module /app.js'], `${name}: the page's own scripts only`);
    assert.equal(await xssFired(), false, `${name}: window.__xss must stay undefined`);
  }
  // the JSONL record's javascript: URL is shown, never linked
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
  assert.equal(await page.locator('.doc-url.not-a-link').textContent(), 'javascript:window.__xss=3');
  // a moment for anything deferred (an image error handler would fire by now)
  await page.waitForTimeout(200);
  assert.equal(await xssFired(), false);
});

test('an unknown article id shows the API message', { skip: SKIP }, async () => {
  await page.evaluate(() => (location.hash = '#/article/0000000000000000'));
  const box = page.locator('#reader-content .notice-error');
  await box.waitFor();
  assert.match((await box.textContent()) ?? '', /No such article\..*no article with id "0000000000000000"/);
  // the 404 is the API's answer; take it out of the error log like the 400 above
  const i = consoleErrors.findIndex((e) => /status of 404/.test(e) && e.includes('/api/articles/0000000000000000'));
  if (i >= 0) consoleErrors.splice(i, 1);
});

test('a search hit is marked whole: a dotted abbreviation keeps its dots', { skip: SKIP }, async () => {
  await ingestOne('us-envoy.txt', 'Envoy meets officials\n\nThe envoy met officials of the U.S. delegation in Halvik on Monday to discuss the dam.');
  await page.goto(server!.url);
  await page.locator('#search-input').fill('"U.S."');
  await page.locator('#search-input').press('Enter');
  await page.locator('#sidebar-count', { hasText: '1 result for “"U.S."”' }).waitFor();
  assert.deepEqual(await page.locator('#article-list mark').allTextContents(), ['U.S.']);
  assert.match((await page.locator('#article-list .item-snippet').textContent()) ?? '', /officials of the U\.S\. delegation/);
});

test('a search that finds nothing says no articles match', { skip: SKIP }, async () => {
  await page.locator('#search-input').fill('nothinglikethis');
  await page.locator('#search-input').press('Enter');
  await page.locator('#sidebar-status', { hasText: 'No articles match “nothinglikethis”.' }).waitFor();
  assert.equal(await page.locator('#article-list a.item').count(), 0);
});

test('the standfirst is the full description, never one cut short for a preview, and is not shown twice', { skip: SKIP }, async () => {
  const summary = 'Cranes repaired, the northern quay is open again after a week, the harbour authority says.';
  const first = 'The harbour authority reopened the northern quay on Monday after a week of repairs to its cranes.';
  const page1 = (og: string, description: string, ships: string) =>
    `<!doctype html><html lang="en"><head><title>Quay reopens</title><meta property="og:description" content="${og}">${description}</head>` +
    `<body><article><h1>Quay reopens</h1><p>${first}</p><p>${ships} waiting outside the harbour began to enter in the afternoon, the pilots' office said.</p>` +
    '<p>The southern quay stays closed until the end of the month while its cranes are tested.</p></article></body></html>';
  const described = await ingestOne('quay-described.html', page1(`${summary.slice(0, 40)}…`, `<meta name="description" content="${summary}">`, 'Ships'));
  await openArticle(described);
  assert.equal(await page.locator('.doc-standfirst').textContent(), summary);
  const completed = await ingestOne('quay-cut.html', page1(`${first.slice(0, 60)}…`, '', 'Boats'));
  await openArticle(completed);
  assert.equal(await page.locator('.doc-standfirst').count(), 0, 'completed from the first paragraph, which the text shows');
  assert.equal((await page.locator('.doc-body').textContent())?.split(first).length, 2, 'the first paragraph once');
});

test('every name links to its entity page, which shows the spellings joined and why; the article links its story', { skip: SKIP }, async () => {
  const first = await ingestOne(
    'harbour-envoy.txt',
    'Envoy Marit Vallenkov arrives for harbour talks\n\nThe mediator Marit Vallenkov arrived at the harbour office on Monday, officials said.\n\nVallenkov will meet both delegations on Tuesday to discuss the harbour agreement.\n',
  );
  await ingestOne(
    'harbour-envoy-rewritten.txt',
    'Mediator Valenkoff begins harbour talks\n\nThe mediator Marit Valenkoff started the harbour talks on Tuesday with both delegations, officials said.\n\nValenkoff said the harbour agreement could be signed within days.\n',
  );
  await openArticle(first);
  const nameLink = page.locator('#reader-content .doc-body a.entity-link', { hasText: 'Marit Vallenkov' }).first();
  await nameLink.click();
  // the article's own headline holds the name too: wait for the entity page's list, not a headline
  await page.waitForFunction(() => location.hash.startsWith('#/entity/'));
  await page.locator('.corpus-aliases li').first().waitFor();
  await page.waitForFunction(() => !document.getElementById('reader-content')?.hasAttribute('aria-busy'));
  const aliases = await page.locator('.corpus-aliases li').allTextContents();
  assert.ok(aliases.some((a) => a.startsWith('Marit Vallenkov')) && aliases.some((a) => a.startsWith('Marit Valenkoff')), `both spellings: ${aliases}`);
  assert.match((await page.locator('.corpus-links').textContent()) ?? '', /surname/);
  assert.equal(await page.locator('.corpus-articles li').count(), 2);
  await page.screenshot({ path: '/tmp/dossier-ui-entity.png' });
  // back to the article, then to its story
  await page.locator('.corpus-articles a').first().click();
  await page.locator('#reader-content .doc-facts .story-link').click();
  await page.locator('#reader-content .doc-outlet', { hasText: 'Story' }).waitFor();
  const size = (await page.locator('#reader-content .doc-byline').textContent()) ?? '';
  assert.ok(Number(/(\d+) articles/.exec(size)?.[1]) >= 2, `the story holds both reports: ${size}`);
});

/** A dated record whose text names a day: the tagger finds ISO dates. */
const DATED_JSONL = `${JSON.stringify({
  title: 'Harbour deal signed',
  text: 'The harbour agreement initialled on 2026-03-11 was signed this morning.\n\n“The quay is open to both fleets,” the mediator said on 2026-03-11.',
  outlet: 'Riverside Gazette',
  published: '2026-03-12T08:00:00Z',
  language: 'en',
})}\n`;

test('a date in the text is marked with its value, shown on hover and on keyboard focus; the Dates toggle turns the marks off', { skip: SKIP }, async () => {
  const id = await ingestOne('harbour-deal.jsonl', DATED_JSONL);
  await page.goto(server!.url);
  await openArticle(id);
  const marks = page.locator('.doc-body mark.timex');
  assert.deepEqual((await marks.allTextContents()).filter((t) => /^\d{4}-/.test(t)), ['2026-03-11', '2026-03-11'], 'both written days are marked (among other dates)');
  const first = marks.first();
  assert.equal(await first.getAttribute('data-value'), '2026-03-11');
  const tipOf = () => first.evaluate((node) => getComputedStyle(node, '::after').content);
  assert.equal(await tipOf(), 'none', 'no tooltip until asked for');
  // by keyboard: the Events toggle is the last control before the text, so one Tab reaches the first date
  await page.locator('#toggle-events').focus();
  await page.keyboard.press('Tab');
  assert.equal(await first.evaluate((node) => node === document.activeElement), true, 'a date mark takes the focus');
  assert.match(await tipOf(), /DATE 2026-03-11/);
  await page.screenshot({ path: '/tmp/dossier-ui-dates.png' });
  const described = await first.getAttribute('aria-describedby');
  assert.match((await page.locator(`#${described}`).textContent()) ?? '', /^DATE 2026-03-11/, 'screen readers get the same description');
  await page.locator('#reader-content h1').focus();
  await first.hover();
  assert.match(await tipOf(), /DATE 2026-03-11/, 'and by hovering');
  assert.match((await page.locator('.doc-body').textContent()) ?? '', /initialled on 2026-03-11 was signed/, 'the text reads as written');
  // the quotes panel gives the day the quote's sentence names
  assert.match((await page.locator('section.doc-quotes .quote-date').allTextContents()).join(' '), /said on/);

  await page.locator('#toggle-dates').uncheck();
  assert.equal(await first.getAttribute('tabindex'), '-1', 'marks off: out of the tab order');
  await first.hover();
  assert.equal(await first.evaluate((node) => getComputedStyle(node, '::after').display), 'none');
  await page.locator('#toggle-dates').check();
  assert.equal(await first.getAttribute('tabindex'), '0');
});

test('the list filters by publication date, keeps the filter in the address, and Back undoes it', { skip: SKIP }, async () => {
  await page.goto(server!.url);
  const all = store!.list({ fold: true, limit: 1000 });
  await page.locator('#sidebar-count', { hasText: `${all.total} articles` }).waitFor();
  const range = { from: '2026-03-10', to: '2026-03-12' };
  const inRange = store!.list({ fold: true, limit: 1000, ...range });
  assert.ok(inRange.total >= 1 && inRange.total < all.total, `the range holds some articles, not all (${inRange.total} of ${all.total})`);

  await page.locator('#date-from').fill(range.from);
  await page.locator('#date-to').fill(range.to);
  await page.locator('#date-filter button[type="submit"]').click();
  await page.locator('#sidebar-count', { hasText: new RegExp(`^${inRange.total} articles?$`) }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/?from=2026-03-10&to=2026-03-12');
  const ids = async () => page.locator('#article-list a.item').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.id));
  assert.deepEqual(await ids(), inRange.articles.map((a) => a.id));
  assert.equal(await page.locator('#date-filter-note').isVisible(), true, 'the page says undated articles are left out');

  // an article opened from the filtered list comes back to it
  await page.locator('#article-list a.item').first().click();
  await page.locator('#reader-content h1').waitFor();
  assert.match(await page.locator('#back-link').getAttribute('href') ?? '', /\?from=2026-03-10&to=2026-03-12$/);

  await page.goBack();
  await page.goBack();
  await page.locator('#sidebar-count', { hasText: `${all.total} articles` }).waitFor();
  assert.equal(await page.locator('#date-from').inputValue(), '', 'the inputs follow the address');
  await page.goForward();
  await page.goForward();
  await page.locator('#reader-content h1').waitFor();
  await page.locator('#sidebar-count', { hasText: new RegExp(`^${inRange.total} articles?$`) }).waitFor();
  assert.equal(await page.locator('#date-to').inputValue(), range.to);

  // opening the filtered address directly gives the same list; Clear takes the filter off
  await page.goto(`${server!.url}#/?from=2026-03-10&to=2026-03-12`);
  await page.locator('#sidebar-count', { hasText: new RegExp(`^${inRange.total} articles?$`) }).waitFor();
  assert.deepEqual(await ids(), inRange.articles.map((a) => a.id));
  await page.locator('#date-clear').click();
  await page.locator('#sidebar-count', { hasText: `${all.total} articles` }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/');
});

test('the landing view is the overview: stories, leading names, articles over time, languages, outlets, failures; its links open pages and Back returns', { skip: SKIP }, async () => {
  // a failure whose source and reason quote markup: shown as text
  store!.recordFailure({ source: `letter-${IMG_TEXT}.txt`, code: 'binary', reason: `looks like an image, not text: ${SCRIPT_TEXT}` });
  await page.goto(server!.url);
  const overview = page.locator('#reader-content .overview');
  await overview.locator('h1').waitFor();
  await page.waitForFunction(() => !document.getElementById('reader-content')?.hasAttribute('aria-busy'));
  assert.equal(await page.title(), 'Overview – Dossier');
  const facets = store!.facets();
  assert.match((await overview.locator('.doc-byline').textContent()) ?? '', new RegExp(`^${facets.articles} articles`));

  // articles over time: one bar for each day that has articles, their counts adding up
  const bars = overview.locator('.overview-time .histogram-bar rect');
  assert.equal(await bars.count(), facets.days.length);
  const counted = await bars.evaluateAll((rects) => rects.reduce((n, r) => n + Number((r as SVGElement).dataset.count), 0));
  assert.equal(counted, facets.articles - facets.undated);
  // events over time and by type: each type opens the events table for that type
  const events = store!.eventFacets();
  assert.ok(events.events > 0, 'the articles above have events');
  assert.equal(await overview.locator('.overview-events .section-title').textContent(), `Events over time (${events.events})`);
  const typeLinks = overview.locator('.overview-event-types a');
  assert.deepEqual(await typeLinks.allTextContents(), events.types.map((t) => `${t.type} ${t.events}`));
  assert.equal(await typeLinks.first().getAttribute('href'), `#/events?type=${events.types[0].type}`);
  assert.ok((await overview.locator('.overview-events .histogram-bar rect').count()) >= 1);
  assert.equal(await overview.locator('.overview-languages li').count(), facets.languages.length);
  assert.equal(await overview.locator('.overview-outlets li').count(), facets.outlets.length);

  // what failed, as text
  const failures = (await overview.locator('.overview-failures').innerText()) ?? '';
  assert.ok(failures.includes(IMG_TEXT) && failures.includes(SCRIPT_TEXT), failures);
  assert.equal(await page.locator('#reader img, #reader script').count(), 0);
  assert.equal(await xssFired(), false);

  // a story opens its page, and Back comes back to the overview
  const stories = store!.corpus.listStories({ limit: 10 });
  assert.ok(stories.total >= 1, 'the articles above make a story');
  const storyLinks = overview.locator('.overview-stories a');
  assert.equal(await storyLinks.count(), stories.stories.length);
  await storyLinks.first().click();
  await page.locator('#reader-content .doc-outlet', { hasText: 'Story' }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/story/${stories.stories[0].id}`);
  await page.goBack();
  await overview.locator('h1').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the address the page was opened at');

  // so does a person
  const person = store!.corpus.topEntities('PER', 10)[0];
  const personLink = overview.locator('.overview-people a').first();
  assert.equal(await personLink.textContent(), person.name);
  await personLink.click();
  await page.locator('#reader-content h1', { hasText: person.name }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/entity/${person.id}`);
  await page.goBack();
  await overview.locator('h1').waitFor();

  // a bar lists its day's articles in the sidebar, and the overview stays
  const day = facets.days[0];
  await overview.locator('.histogram-bar').first().click();
  await page.locator('#sidebar-count', { hasText: new RegExp(`^${store!.list({ fold: true, from: day.day, to: day.day }).total} articles?$`) }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/?from=${day.day}&to=${day.day}`);
  assert.equal(await overview.count(), 1);
  await page.screenshot({ path: '/tmp/dossier-ui-overview.png' });
  store!.clearFailure(`letter-${IMG_TEXT}.txt`);
});

/** Five reports that name Kettleness, in two outlets and two languages, for the facets. */
const KETTLENESS_JSONL = [
  { outlet: 'Coast Courier', language: 'en', title: 'Kettleness lighthouse reopens', text: 'The lighthouse at Kettleness reopened on Monday after a winter of repairs, the harbour board said.' },
  { outlet: 'Bay Herald', language: 'en', title: 'Ferries return to Kettleness', text: 'Ferries returned to Kettleness on Tuesday, and the harbour board expects a busy summer.' },
  { outlet: 'Coast Courier', language: 'de', title: 'Leuchtturm von Kettleness wieder offen', text: 'Der Leuchtturm von Kettleness ist seit Montag wieder geöffnet, teilte die Hafenbehörde mit. Die Reparaturen dauerten den ganzen Winter.' },
  { outlet: 'Bay Herald', language: 'de', title: 'Fähren fahren wieder nach Kettleness', text: 'Die Fähren fahren seit Dienstag wieder nach Kettleness, und die Hafenbehörde erwartet einen vollen Sommer.' },
  { outlet: 'Coast Courier', language: 'en', title: 'Kettleness harbour fees rise', text: 'Mooring fees in Kettleness harbour will rise in April, the harbour board announced on Wednesday.' },
].map((r, i) => JSON.stringify({ ...r, published: `2026-04-0${i + 1}` })).join('\n');

test('search with two facets, bookmark (reload) keeps the state, Back undoes', { skip: SKIP }, async () => {
  writeFileSync(join(dir, 'kettleness.jsonl'), `${KETTLENESS_JSONL}\n`);
  const ingested = await ingest(store!, [join(dir, 'kettleness.jsonl')]);
  assert.deepEqual([ingested.failed, ingested.ids.length], [[], 5]);
  const query = 'Kettleness';
  const searched = (filter: ArticleFilter = {}) => store!.search(query, { ...filter, limit: 1000, facets: 5 });
  const all = searched();
  assert.equal(all.total, 5);
  assert.deepEqual(all.facets!.outlet.map((v) => [v.value, v.count]), [['Coast Courier', 3], ['Bay Herald', 2]]);
  const first = { name: 'outlet', value: 'Coast Courier', count: 3 } as const;
  const once = searched({ outlet: first.value });
  assert.deepEqual(once.facets!.language.map((v) => [v.value, v.count]), [['en', 2], ['de', 1]], 'the German reports read as German');
  const second = { name: 'language', value: 'de', count: 1 } as const;
  const twice = searched({ outlet: first.value, language: second.value });
  assert.equal(twice.total, second.count);

  const facet = (name: string, value: string) => page.locator(`#facets .facet[data-facet="${name}"] a.facet-value[data-value="${value.replace(/["\\]/g, '\\$&')}"]`);
  const count = (n: number) => page.locator('#sidebar-count', { hasText: new RegExp(`^${n} results? for “${query}”$`) });
  const listed = () => page.locator('#article-list a.item').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.id).sort());

  await page.goto(server!.url);
  await page.locator('#search-input').fill(query);
  await page.locator('#search-input').press('Enter');
  await count(all.total).waitFor();
  // every facet of the result, its values with their counts, as the store counts them
  for (const name of FACET_NAMES) {
    const shown = await page.locator(`#facets .facet[data-facet="${name}"] a.facet-value`).evaluateAll((links) =>
      links.map((a) => [(a as HTMLElement).dataset.value, a.querySelector('.facet-count')?.textContent]),
    );
    assert.deepEqual(shown, all.facets![name].map((v) => [v.value, v.count.toLocaleString('en-US')]), name);
  }
  assert.equal(await page.locator('#facets img, #facets script').count(), 0, 'names and outlets are text');

  // the first facet by mouse
  await facet(first.name, first.value).click();
  await count(first.count).waitFor();
  assert.deepEqual(await listed(), once.hits.map((h) => h.id).sort());
  const firstHash = new URL(page.url()).hash;
  assert.equal(firstHash, `#/search/${query}?${new URLSearchParams([[first.name, first.value]])}`);
  assert.equal(await facet(first.name, first.value).getAttribute('class'), 'facet-value is-chosen');
  assert.match((await facet(first.name, first.value).textContent()) ?? '', /\(chosen; drops the filter\)$/);

  // the second by keyboard: the focus is seen, Enter chooses
  const link = facet(second.name, second.value);
  await page.locator('#search-input').focus();
  for (let i = 0; i < 80 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  assert.equal(await link.evaluate((a) => a === document.activeElement), true, 'Tab reaches the facet');
  assert.notEqual(await link.evaluate((a) => getComputedStyle(a).outlineStyle), 'none', 'a focused facet shows its focus');
  await page.keyboard.press('Enter');
  await count(twice.total).waitFor();
  assert.deepEqual(await listed(), twice.hits.map((h) => h.id).sort());
  const secondHash = new URL(page.url()).hash;
  const params = new URLSearchParams(secondHash.slice(secondHash.indexOf('?') + 1));
  assert.deepEqual([params.getAll(first.name), params.getAll(second.name)], [[first.value], [second.value]], secondHash);
  assert.equal(await page.locator('#facets a.facet-value.is-chosen').count(), 2);
  assert.ok((await page.locator('#article-list mark').count()) >= 1, 'the hits are marked');
  await page.screenshot({ path: '/tmp/dossier-ui-facets.png' });

  // a bookmark: the address alone gives the same view
  await page.reload();
  await count(twice.total).waitFor();
  assert.equal(new URL(page.url()).hash, secondHash);
  assert.equal(await page.locator('#search-input').inputValue(), query);
  assert.deepEqual(await listed(), twice.hits.map((h) => h.id).sort());
  assert.equal(await page.locator('#facets a.facet-value.is-chosen').count(), 2);
  assert.equal(await page.locator('#facets-clear').isVisible(), true);

  // Back undoes one facet at a time
  await page.goBack();
  await count(first.count).waitFor();
  assert.equal(new URL(page.url()).hash, firstHash);
  assert.equal(await page.locator('#facets a.facet-value.is-chosen').count(), 1);
  await page.goBack();
  await count(all.total).waitFor();
  assert.equal(await page.locator('#facets a.facet-value.is-chosen').count(), 0);
  assert.equal(await page.locator('#facets-clear').isVisible(), false);

  // a chosen value's link drops it; Clear drops every facet filter
  await page.goForward();
  await page.goForward();
  await count(twice.total).waitFor();
  await facet(second.name, second.value).click();
  await count(first.count).waitFor();
  await page.locator('#facets-clear').click();
  await count(all.total).waitFor();
  assert.equal(new URL(page.url()).hash, `#/search/${query}`);

  // an address with a filter that names nothing: the API's message, and the way out
  await page.evaluate((hash) => (location.hash = hash), `#/search/${query}?story=snothing`);
  const alert = page.locator('#sidebar-error');
  await alert.waitFor({ state: 'visible' });
  assert.match((await alert.textContent()) ?? '', /These filters cannot be used\..*no story with id "snothing"/);
  await page.locator('#facets-clear').click();
  await count(all.total).waitFor();
});

test('Add articles: a picked file is ingested and listed, a dropped broken file is listed with its reason', { skip: SKIP }, async () => {
  const before = store!.count();
  // the sidebar lists every article (earlier tests leave a search in it), so that the new one shows there
  await page.evaluate(() => (location.hash = '#/'));
  await page.locator('#sidebar-count', { hasText: `${store!.list({ fold: true }).total} articles` }).waitFor();
  await page.locator('.topnav a', { hasText: 'Add articles' }).click();
  await page.locator('#add-title').waitFor();
  assert.equal(new URL(page.url()).hash, '#/add');

  // the file picker is reached by keyboard from the view's heading, and shows its focus
  await page.locator('#add-title').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-files', 'Tab goes to the file picker');
  assert.notEqual(await page.locator('#add-files').evaluate((node) => getComputedStyle(node).outlineStyle), 'none');
  assert.equal(await page.getByLabel('Drop files here, or choose them:').getAttribute('id'), 'add-files', 'the picker has its name');
  assert.equal(await page.getByLabel('Web addresses, one a line').getAttribute('id'), 'add-urls');

  // one picked, one dropped onto the zone
  const ferry = 'Ferry to Halvik runs again\n\nThe ferry to Halvik ran again on Sunday after the storm, the operator said.\nPassengers waited at the harbour office for the first crossing of the week.\n';
  await page.locator('#add-files').setInputFiles({ name: 'ferry-news.txt', mimeType: 'text/plain', buffer: Buffer.from(ferry) });
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array(200).fill(0)];
  const dropped = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'scan<b>.txt', { type: 'text/plain' }));
    return data;
  }, png);
  await page.locator('#add-drop').dispatchEvent('dragover', { dataTransfer: dropped });
  assert.equal(await page.locator('#add-drop').evaluate((node) => node.classList.contains('is-over')), true, 'the zone shows a file over it');
  await page.locator('#add-drop').dispatchEvent('drop', { dataTransfer: dropped });
  assert.deepEqual(await page.locator('.add-chosen .add-file-name').allTextContents(), ['ferry-news.txt', 'scan<b>.txt']);
  assert.equal(await page.getByRole('button', { name: 'Remove scan<b>.txt' }).count(), 1);

  // the progress is shown from the job's first answer; then the summary
  await page.evaluate(() => {
    const status = document.querySelector('.add-status')!;
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Add articles' }).click();
  const heading = page.locator('#add-result-title');
  await heading.waitFor();
  const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  assert.ok(statuses.some((s) => /^Reading 0 of 2 inputs: 0 articles added, 0 skipped, 0 failed\.$/.test(s)), statuses.join(' | '));
  assert.equal(await heading.textContent(), 'Added 1 article');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-result-title', 'the summary takes the focus');
  assert.match((await page.locator('.add-counts').textContent()) ?? '', /^1 article added, 0 skipped as already stored, 1 failed \(\d+\.\d s\)\.$/);
  const failures = page.locator('.add-failures li');
  assert.equal(await failures.count(), 1);
  assert.equal(await failures.first().textContent(), 'scan<b>.txt: looks like a PNG image, not text (binary)');
  assert.equal(await page.locator('.add-failures b, .add-result script, .add-result img').count(), 0, 'the name is text, not markup');

  // the new article: linked, stored, and in the list, which was loaded again
  assert.equal(store!.count(), before + 1);
  const added = store!.list({ limit: 1000 }).articles.find((a) => a.source === 'ferry-news.txt');
  assert.ok(added, 'stored under its file name');
  const linkToIt = page.locator('.add-new a', { hasText: 'Ferry to Halvik runs again' });
  assert.equal(await linkToIt.getAttribute('href'), `#/article/${added.id}`);
  await page.locator(`#article-list a.item[data-id="${added.id}"]`).waitFor();
  assert.equal(await page.locator('.add-chosen li').count(), 0, 'the form is empty again');
  assert.equal(await page.locator('.add-submit').isEnabled(), true);
  assert.equal(await xssFired(), false);

  // nothing chosen: a message, no request
  await page.getByRole('button', { name: 'Add articles' }).click();
  assert.match((await page.locator('.add-error').textContent()) ?? '', /Choose or drop files, or give web addresses, first/);

  // the overview, shown again, counts the failure
  await linkToIt.click();
  await page.locator('#reader-content h1', { hasText: 'Ferry to Halvik runs again' }).waitFor();
  await page.evaluate(() => (location.hash = '#/'));
  await page.locator('#reader-content .overview').waitFor();
  assert.match((await page.locator('#reader-content').textContent()) ?? '', /scan<b>\.txt: looks like a PNG image, not text/);
});

test('the page logged no errors and opened no dialogs', { skip: SKIP }, () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(dialogs, []);
});
