import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateCandidates, htmlMeta, isoDate, languageOf, urlDate, withoutSiteName } from './html-meta.ts';
import { parseDocument } from './parse-document.ts';

test('isoDate keeps ISO dates as written and converts other parseable dates', () => {
  assert.equal(isoDate('2024-05-01'), '2024-05-01');
  assert.equal(isoDate('2024-05-01 09:30:00+02:00'), '2024-05-01T09:30:00+02:00');
  assert.equal(isoDate('Wed, 01 May 2024 07:30:00 GMT'), '2024-05-01T07:30:00.000Z');
  assert.equal(isoDate('yesterday'), undefined);
});

test('languageOf takes the primary subtag of tags and locales', () => {
  assert.equal(languageOf('de-DE'), 'de');
  assert.equal(languageOf('pt_BR'), 'pt');
  assert.equal(languageOf(' EN '), 'en');
  assert.equal(languageOf('x'), undefined);
  assert.equal(languageOf(null), undefined);
});

test('htmlMeta survives broken JSON-LD and resolves a relative canonical link', () => {
  const doc = parseDocument(
    '<html lang="sv"><head><title> Rubrik </title><script type="application/ld+json">{ not json</script>' +
      '<link rel="canonical" href="/a/1"><meta property="og:locale" content="fr_FR"></head><body></body></html>',
  );
  assert.deepEqual(htmlMeta(doc, 'https://example.se/x'), { title: 'Rubrik', outlet: 'example.se', language: 'sv', url: 'https://example.se/a/1' });
  assert.deepEqual(htmlMeta(parseDocument('<p>no head</p>')), {});
});

test('urlDate reads the day an address files an article under, and only real days', () => {
  assert.equal(urlDate('https://example.org/news/2024/05/01/talks-resume'), '2024-05-01');
  assert.equal(urlDate('https://example.org/2024/5/1/talks'), '2024-05-01');
  assert.equal(urlDate('https://example.org/politik/2024-05-01-talks-resume.html'), '2024-05-01');
  assert.equal(urlDate('https://example.org/archiv/20240501/talks'), '2024-05-01');
  assert.equal(urlDate('/2024/05/01/'), '2024-05-01');
  assert.equal(urlDate('https://example.org/2023/02/29/x'), undefined);
  assert.equal(urlDate('https://example.org/2024/13/01/x'), undefined);
  assert.equal(urlDate('https://example.org/story/2024/x'), undefined);
  assert.equal(urlDate('https://example.org/id/120240501999/x'), undefined);
  assert.equal(urlDate(undefined), undefined);
});

test('without a date in the head, the date comes from other JSON-LD, microdata, a <time> element, then the address', () => {
  const page = (head: string, body: string, url = 'https://example.org/2021/03/04/story') =>
    htmlMeta(parseDocument(`<html><head>${head}<link rel="canonical" href="${url}"></head><body>${body}</body></html>`)).published;
  const webPage = '<script type="application/ld+json">{"@type":"WebPage","datePublished":"2024-01-02T10:00:00Z"}</script>';
  const micro = '<span itemprop="datePublished" content="2024-02-03">3 Feb</span>';
  const times = '<aside><time datetime="2030-01-01">latest</time></aside><div class="teaser"><time datetime="2030-01-02">x</time></div><header><time datetime="2024-03-04T08:00:00+01:00">4 March</time></header>';
  assert.equal(page('<meta property="article:published_time" content="2020-12-31T23:00:00Z">' + webPage, micro + times), '2020-12-31T23:00:00Z');
  assert.equal(page(webPage, micro + times), '2024-01-02T10:00:00Z');
  assert.equal(page('', micro + times), '2024-02-03');
  assert.equal(page('', times), '2024-03-04T08:00:00+01:00');
  assert.equal(page('', '<aside><time datetime="2030-01-01">latest</time></aside>'), '2021-03-04');
  assert.equal(page('', '<p>no date</p>', 'https://example.org/story'), undefined);
  assert.deepEqual(dateCandidates(parseDocument(`<html><head>${webPage}</head><body>${times}</body></html>`), 'https://example.org/2021/03/04/x'), {
    articleJsonLd: undefined,
    metaTag: undefined,
    otherJsonLd: '2024-01-02T10:00:00Z',
    microdata: undefined,
    timeElement: '2024-03-04T08:00:00+01:00',
    address: '2021-03-04',
    dateLine: undefined,
    microdataText: undefined,
    dateMeta: undefined,
    formField: undefined,
    modified: undefined,
  });
});

const dated = (head: string, body = '', url?: string) => {
  const meta = htmlMeta(parseDocument(`<html lang="en"><head>${head}</head><body>${body}</body></html>`), url);
  return [meta.published, meta.publishedSource];
};

test('any <meta> whose name says publication dates a page; one that says modified only when nothing else does, and expiry never', () => {
  assert.deepEqual(dated('<meta name="sn-post-date" content="2024-05-01T09:00:00Z">'), ['2024-05-01T09:00:00Z', 'dateMeta']);
  assert.deepEqual(dated('<meta name="citation_publication_date" content="2024/05/01">'), ['2024-05-01', 'dateMeta']);
  // a name that says publication wins over one that only says date, whatever the page order
  assert.deepEqual(dated('<meta name="displaydate" content="2024-04-30"><meta name="cXenseParse:recs:publishtime" content="2024-05-01T09:00:00Z">'), ['2024-05-01T09:00:00Z', 'dateMeta']);
  assert.deepEqual(dated('<meta name="article:expiration_time" content="2030-01-01"><meta name="postid" content="12345">'), [undefined, undefined]);
  assert.deepEqual(dated('<meta property="article:modified_time" content="2024-05-02T10:00:00Z">'), ['2024-05-02T10:00:00Z', 'modified']);
  assert.deepEqual(dated('<meta property="article:modified_time" content="2024-05-02T10:00:00Z">', '', 'https://example.org/2024/05/01/x'), ['2024-05-01', 'address']);
});

test('microdata written as text, hidden form fields and date lines near the title date a page, each named', () => {
  assert.deepEqual(dated('', '<p>Jan Berg, <span itemprop="datePublished">May 17, 2019</span></p>'), ['2019-05-17', 'microdataText']);
  assert.deepEqual(dated('', '<input type="hidden" name="display_date" value="20170217">'), ['2017-02-17', 'formField']);
  // a search form's date is the query's, not the page's
  assert.deepEqual(dated('', '<form action="/search"><input name="q"><input type="hidden" name="date" value="20160526"></form>'), [undefined, undefined]);
  assert.deepEqual(dated('', '<h1>Talks resume in Halvik</h1><div class="meta"><span>By Ana Ruiz</span> | <span>12 March 2026</span></div><p>Text.</p>'), ['2026-03-12', 'dateLine']);
  // the order: a <time datetime> before the address, the address before a date line
  const both = '<h1>Talks resume</h1><p>12 March 2026</p><time datetime="2026-03-11">yesterday</time>';
  assert.deepEqual(dated('', both, 'https://example.org/2026/03/10/x'), ['2026-03-11', 'timeElement']);
  assert.deepEqual(dated('', '<h1>Talks resume</h1><p>12 March 2026</p>', 'https://example.org/2026/03/10/x'), ['2026-03-10', 'address']);
});

test("the outlet is never a place, and is the address's host where nothing names it", () => {
  const outlet = (head: string, url = 'https://www.apnews.com/article/x') => htmlMeta(parseDocument(`<html><head>${head}</head><body></body></html>`), url).outlet;
  assert.equal(outlet('<meta property="og:site_name" content="U.S.">'), 'apnews.com');
  assert.equal(outlet('<meta property="og:site_name" content="U.S."><meta name="application-name" content="AP News">'), 'AP News');
  assert.equal(outlet('<meta property="og:site_name" content="Middle East">'), 'apnews.com');
  assert.equal(outlet('<meta property="og:site_name" content="Deutschland">'), 'apnews.com');
  assert.equal(outlet('<meta property="og:site_name" content="The Australian">'), 'The Australian');
  assert.equal(outlet('', 'https://news.example.co.uk/a'), 'news.example.co.uk');
  assert.equal(outlet('', 'file:///tmp/a.html'), undefined);
});

const metaOf = (head: string, body = '', url?: string) => htmlMeta(parseDocument(`<html><head>${head}</head><body>${body}</body></html>`), url);

test('meta tags that name several properties count for each; DC. and dc: are one prefix; Dublin Core leads title and author', () => {
  const head =
    '<title>Title Element</title><meta property="x:title dc:title" content="Preferred title"><meta property="og:title twitter:title" content="Card title">' +
    '<meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="Other Name">';
  assert.deepEqual([metaOf(head).title, metaOf(head).byline], ['Preferred title', 'Creator Name']);
  assert.equal(metaOf('<meta name="DC.Creator" content="Dostal, A.">').byline, 'Dostal, A.');
  assert.equal(metaOf('<meta name="dcterm:title" content="Term title">').title, 'Term title');
  // a Twitter handle is not the outlet's name
  assert.equal(metaOf('<meta name="twitter:site" content="@halvikpost">').outlet, undefined);
  assert.equal(metaOf('<meta name="DC.date.issued" content="2024-05-01">').published, '2024-05-01');
  assert.equal(metaOf('<meta property="og:title" content="Card title"><title>Page</title>').title, 'Card title');
});

test('a JSON-LD article is titled by its headline, or by a different name the page title matches better, never by its publisher', () => {
  const ld = (obj: object) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', ...obj })}</script>`;
  assert.equal(metaOf(ld({ name: 'Tamsk Dam', headline: 'hydroelectric dam on the Selka river' }) + '<title>Tamsk Dam - Encyclopedia</title>').title, 'Tamsk Dam');
  assert.equal(metaOf(ld({ name: 'Talks', headline: 'Talks resume in Halvik' }) + '<title>Talks resume in Halvik</title>').title, 'Talks resume in Halvik');
  const publisher = { '@type': 'Organization', name: 'Halvik Post' };
  assert.equal(metaOf(ld({ name: 'Halvik Post', headline: 'Talks resume', publisher }) + '<title>Other story | Halvik Post</title>').title, 'Talks resume');
});

test('bylines lose the word that introduces them; double-escaped references in metadata are decoded', () => {
  assert.equal(metaOf('<meta name="author" content="By Amira Dostal">').byline, 'Amira Dostal');
  assert.equal(metaOf('<meta name="author" content="Von Jan Berg">').byline, 'Jan Berg');
  assert.equal(metaOf('<meta name="author" content="Byron Lake">').byline, 'Byron Lake');
  assert.equal(metaOf('<meta property="og:title" content="Via &amp;#8216;Game&amp;#8217; links &amp;amp; AT&amp;T">').title, 'Via \u2018Game\u2019 links & AT&T');
});

test("withoutSiteName drops the site's name at either end, by the outlet, the address or the page's <h1>", () => {
  assert.equal(withoutSiteName('Talks resume in Halvik - BBC News', { outlet: 'BBC News' }), 'Talks resume in Halvik');
  assert.equal(withoutSiteName('WMA | Neue Regeln für den Staudamm', { outlet: 'WMA' }), 'Neue Regeln für den Staudamm');
  assert.equal(withoutSiteName('Schleusen bleiben zu | halvikpost.ch', { url: 'https://www.halvikpost.ch/a/1' }), 'Schleusen bleiben zu');
  assert.equal(withoutSiteName('Ein Albtraum - Westmark', { url: 'https://www.westmark.de/x' }), 'Ein Albtraum');
  assert.equal(withoutSiteName('La trêve | Orren média - Analyse Opinion Critique', { outlet: 'Orren média - Analyse Opinion Critique' }), 'La trêve');
  assert.equal(withoutSiteName('Orren média - Analyse - La trêve', { outlet: 'Orren média - Analyse' }), 'La trêve');
  // the heading confirms where the title ends; what follows may be an author or a section
  const headings = () => ['Whales strand on the coast'];
  assert.equal(withoutSiteName('Whales strand on the coast | Ana Ruiz | Environment', { headings }), 'Whales strand on the coast');
  // a heading that is the site's logo does not take the title's place
  assert.equal(withoutSiteName('My site - Whales strand on the coast', { headings: () => ['My site'] }), 'My site - Whales strand on the coast');
  // no separator, nothing known about the site, or nothing left: the title as it is
  assert.equal(withoutSiteName('Russia-Ukraine talks resume', { outlet: 'Ukraine talks resume' }), 'Russia-Ukraine talks resume');
  assert.equal(withoutSiteName('Ceasefire talks: day five - live', {}), 'Ceasefire talks: day five - live');
  assert.equal(withoutSiteName('Varnian Rowing Union - VRU', { outlet: 'Varnian Rowing Union - VRU' }), 'Varnian Rowing Union - VRU');
  assert.equal(metaOf('<meta property="og:site_name" content="Halvik Post"><title>Talks resume | Halvik Post</title>').title, 'Talks resume');
  assert.equal(metaOf('<title>Talks resume in Halvik - Updates</title>', '<h1>Talks resume in Halvik</h1>').title, 'Talks resume in Halvik');
  const long = 'a | '.repeat(100_000) + 'Halvik Post';
  assert.equal(withoutSiteName(long, { outlet: 'Halvik Post', headings: () => ['a'] }), long);
});

test('a description cut short for a link preview yields to a tag or JSON-LD that has it in full', () => {
  const full = 'Stocks fell on Monday as a gauge of stock market fear rose to its highest level in a year.';
  const cut = 'Stocks fell on Monday as a gauge of stoc…';
  const describe = (head: string) => htmlMeta(parseDocument(`<html><head>${head}</head><body></body></html>`)).description;
  const og = (content: string) => `<meta property="og:description" content="${content}">`;
  assert.equal(describe(og(cut) + `<meta name="description" content="${full}">`), full);
  assert.equal(describe(og('Stocks fell on Monday as a gauge of stoc...') + `<meta name="twitter:description" content="${full}">`), full, 'three dots cut too');
  assert.equal(describe(og(cut) + `<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","description":"${full}"}</script>`), full);
  assert.equal(describe(og(cut)), cut, 'nothing fuller: the cut one stays (extractHtml may complete it from the text)');
  assert.equal(describe(og('Markets slide.') + `<meta name="description" content="${full}">`), 'Markets slide.', 'a complete description is taken as it is');
});
