import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { spanToRaw } from '../../doc/offset-map.ts';
import { BLOCK_SEPARATOR } from '../../doc/rebuild.ts';
import { parseHTML } from 'linkedom';
import type { DomBlock } from './dom-blocks.ts';
import { chooseMainText, extractHtml, type Candidates, type HtmlExtraction } from './extract-html.ts';
import { decodeEntities } from './html-entities.ts';

const PROSE = [
  'The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its piers.',
  'Residents who cross it every day said they had warned the city for years that the structure was failing.',
  'A temporary ferry will run from next week, and the mayor promised a new crossing within three years.',
  'Opposition members asked why the inspection report had been kept from the public for eleven months.',
];

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Bridge closed | The Daily Example</title>
  <meta name="description" content="The old bridge is closed after engineers found cracks.">
  <meta property="og:site_name" content="The Daily Example">
  <meta name="author" content="Meta Author">
  <meta property="article:published_time" content="2024-03-05T08:30:00Z">
  <link rel="canonical" href="/news/bridge-closed">
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Example Site"},
      {"@type": "NewsArticle", "headline": "Old bridge closed after cracks found",
       "author": [{"@type": "Person", "name": "Ada Reporter"}, {"@type": "Person", "name": "Bo Writer"}],
       "datePublished": "2024-03-05T09:00:00+01:00", "publisher": {"@type": "Organization", "name": "Daily Example"}}
    ]}
  </script>
  <style>.x { color: red }</style>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies?</div>
  <header class="site-header"><a href="/">The Daily Example</a></header>
  <nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/money">Money</a></li></ul></nav>
  <main>
    <article>
      <h1>Old bridge closed after cracks found</h1>
      <p>${PROSE[0]}</p>
      <p>${PROSE[1]} <a href="/more">Engineers</a> agreed.</p>
      <h2>What happens next</h2>
      <ul>
        <li>A ferry will run every twenty minutes during the day.</li>
        <li>Buses will be rerouted over the northern ring road.</li>
      </ul>
      <blockquote><p>We cannot take any risk with people&rsquo;s safety, the mayor said.</p></blockquote>
      <p>${PROSE[2]}</p>
      <p>${PROSE[3]}</p>
    </article>
  </main>
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity wedding pictures</a></li><li><a href="/b">Ten best beaches</a></li></ul></aside>
  <section id="comments" class="comments-area">
    <h3>3 comments</h3>
    <div class="comment"><p>Typical council, always too late! Nobody listens to the residents here.</p></div>
    <div class="comment"><p>My grandfather helped build that bridge in 1952 and he would be sad today.</p></div>
  </section>
  <div class="newsletter-signup"><p>Sign up to our newsletter for the morning briefing.</p></div>
  <footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
</body>
</html>`;

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** The visible words of a piece of raw HTML, by a deliberately simple route: inline tags join, others separate. */
function rawWords(html: string): string[] {
  const stripped = html.replace(/<\/?(a|b|em|i|span|strong)\b[^>]*>/gi, '').replace(/<[^>]*>/g, ' ');
  return wordsOf(decodeEntities(stripped));
}

function assertMapsBack(html: string, result: HtmlExtraction): void {
  for (const block of result.blocks) {
    const raw = spanToRaw(result.map, block);
    assert.ok(raw.start >= 0 && raw.end <= html.length && raw.start <= raw.end, 'raw span inside the page');
    assert.deepEqual(rawWords(html.slice(raw.start, raw.end)), wordsOf(result.text.slice(block.start, block.end)));
  }
}

test('keeps the article and leaves navigation, sidebar, comments, cookie banner and footer outside', () => {
  const result = extractHtml(NEWS_PAGE);
  for (const p of PROSE) assert.ok(result.text.includes(p), `keeps: ${p.slice(0, 30)}`);
  assert.ok(result.text.includes('We cannot take any risk with people\u2019s safety, the mayor said.'));
  for (const junk of ['cookies', 'Sport', 'Celebrity wedding', 'Typical council', 'grandfather', 'newsletter', 'Copyright']) {
    assert.ok(!result.text.includes(junk), `drops: ${junk}`);
  }
  const outside = result.outside.map((o) => o.text).join('\n');
  for (const junk of ['Accept all cookies?', 'Typical council', 'Celebrity wedding pictures', 'Copyright 2024']) {
    assert.ok(outside.includes(junk), `reports as outside: ${junk}`);
  }
  for (const o of result.outside) assert.deepEqual(rawWords(NEWS_PAGE.slice(o.raw.start, o.raw.end)), wordsOf(o.text));
});

test('keeps headings, list items and quotes as blocks of their own', () => {
  const result = extractHtml(NEWS_PAGE);
  const kinds = result.blocks.map((b) => [b.kind, b.level, result.text.slice(b.start, b.end)]);
  assert.deepEqual(kinds.find(([, , t]) => t === 'What happens next'), ['heading', 2, 'What happens next']);
  assert.deepEqual(kinds.find(([, , t]) => String(t).startsWith('A ferry')), ['list-item', undefined, 'A ferry will run every twenty minutes during the day.']);
  assert.equal(kinds.filter(([k]) => k === 'list-item').length, 2);
  assert.ok(kinds.some(([k, , t]) => k === 'quote' && String(t).startsWith('We cannot')));
  // blocks are sorted, disjoint, and joined by the separator
  for (let i = 1; i < result.blocks.length; i++) {
    assert.equal(result.text.slice(result.blocks[i - 1].end, result.blocks[i].start), BLOCK_SEPARATOR);
  }
  assert.equal(result.text, result.text.trim());
  assert.doesNotMatch(result.text, /[ \t]{2,}|\n{3,}/);
});

test('reads metadata from JSON-LD first, then meta tags, html lang and the canonical link', () => {
  const { meta } = extractHtml(NEWS_PAGE, { url: 'https://example.org/x?utm=1' });
  assert.deepEqual(meta, {
    title: 'Old bridge closed after cracks found',
    byline: 'Ada Reporter, Bo Writer',
    published: '2024-03-05T09:00:00+01:00',
    publishedSource: 'articleJsonLd',
    outlet: 'Daily Example',
    language: 'en',
    description: 'The old bridge is closed after engineers found cracks.',
    url: 'https://example.org/news/bridge-closed',
  });
});

test('falls back to meta tags when there is no JSON-LD', () => {
  const page = NEWS_PAGE.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
  const { meta } = extractHtml(page);
  assert.equal(meta.byline, 'Meta Author');
  assert.equal(meta.published, '2024-03-05T08:30:00Z');
  assert.equal(meta.publishedSource, 'metaTag');
  assert.equal(meta.outlet, 'The Daily Example');
});

test("a place is no outlet, in the page's tags or Readability's; the address's host stands in for it", () => {
  const withSite = (site: string) => NEWS_PAGE.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '').replace('content="The Daily Example"', `content="${site}"`);
  assert.equal(extractHtml(withSite('U.S.')).meta.outlet, undefined, "Readability's site name is the same tag, and no host is known");
  assert.equal(extractHtml(withSite('U.S.'), { url: 'https://www.apnews.com/article/x' }).meta.outlet, 'apnews.com');
  assert.equal(extractHtml(withSite('Europe'), { url: 'https://www.apnews.com/article/x' }).meta.outlet, 'apnews.com');
  assert.equal(extractHtml(withSite('The Australian'), { url: 'https://www.apnews.com/article/x' }).meta.outlet, 'The Australian');
});

test('maps every block back to the raw HTML it came from, entities included', () => {
  const page = NEWS_PAGE.replace('deep cracks', 'deep cracks &amp; fissures &#8212; &eacute;normes');
  const result = extractHtml(page);
  assert.ok(result.text.includes('deep cracks & fissures \u2014 \u00e9normes'));
  assertMapsBack(page, result);
});

test('never throws on hostile input and degrades to an empty or plain-text extraction', () => {
  const inputs = [
    '',
    '   ',
    '<div>'.repeat(10_000) + 'deep text' + '</div>'.repeat(10_000),
    '<span>'.repeat(10_000) + 'unclosed',
    Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(''),
    '<<<<>>>>&&&&;;;&#xFFFFFFFF;&#0;<!--',
    '<html><body><p>' + 'word '.repeat(200_000) + '</p></body></html>',
  ];
  for (const html of inputs) {
    const result = extractHtml(html);
    assert.equal(typeof result.text, 'string');
    for (const block of result.blocks) {
      const raw = spanToRaw(result.map, block);
      assert.ok(raw.start >= 0 && raw.start <= raw.end && raw.end <= html.length);
    }
  }
  assert.deepEqual(extractHtml('').blocks, []);
  const deep = extractHtml('<div>'.repeat(10_000) + 'deep text' + '</div>'.repeat(10_000));
  assert.equal(deep.text, 'deep text');
  assert.ok(deep.messages.some((m) => m.origin === 'clean:html'));
});

test('Readability reads long pages, and pages nested too deep in all skip it', () => {
  // about 20,000 elements, as in a long Wikipedia article: more than news pages have
  const rows = Array.from({ length: 5_000 }, (_, i) => `<p>Row ${i} of the long list <span>of works</span> and <a href="/w/${i}">sources</a>.</p>`);
  const long = extractHtml(`<html><body><nav><a href="/">Home</a></nav><div id="main">${PROSE.map((p) => `<p>${p}</p>`).join('')}${rows.join('')}</div></body></html>`);
  assert.ok(!long.messages.some((m) => m.text.includes('skipped Readability')), JSON.stringify(long.messages));
  assert.ok(long.text.includes(PROSE[0]) && long.text.includes('Row 4999 of the long list'));
  // some 4,000 elements, in 20 chains 200 deep: Readability's walks up and down them are what cost
  const chains = Array.from({ length: 20 }, (_, i) => '<div>'.repeat(200) + `<p>${PROSE[i % PROSE.length]}</p>` + '</div>'.repeat(200));
  const deep = extractHtml(`<html><body>${chains.join('')}</body></html>`);
  assert.ok(deep.messages.some((m) => m.text.includes('levels deep in all; skipped Readability')), JSON.stringify(deep.messages));
  assert.ok(deep.text.includes(PROSE[1]));
});

test('a programming error (not a string) is a TypeError', () => {
  assert.throws(() => extractHtml(undefined as unknown as string), TypeError);
});

const WORD = fc.oneof(
  fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'river', 'council', 'bridge', 'Tuesday', '1952', 'it\u2019s'),
  fc.constantFrom('caf&eacute;', 'A&amp;B', '&lt;tag&gt;', '&#8220;quoted&#8221;', 'x&#x2014;y', 'na&iuml;ve', '&pound;5', 'fish&nbsp;chips'),
);
const INLINE = fc.tuple(WORD, fc.constantFrom('', 'b', 'em', 'a href="/x"', 'span class="k"')).map(([w, tag]) =>
  tag ? `<${tag}>${w}</${tag.split(' ')[0]}>` : w,
);
const SENTENCE = fc.array(INLINE, { minLength: 12, maxLength: 40 }).map((ws) => ws.join(' ') + '.');
const BLOCK = fc.oneof(
  SENTENCE.map((s) => `<p>${s}</p>`),
  fc.array(INLINE, { minLength: 2, maxLength: 8 }).map((ws) => `<h2>${ws.join(' ')}</h2>`),
  fc.array(SENTENCE, { minLength: 1, maxLength: 3 }).map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`),
  SENTENCE.map((s) => `<blockquote><p>${s}</p></blockquote>`),
  fc.constantFrom('<!-- a comment with words -->', '<script>var words = "not text";</script>', '<nav><a href="/">Home</a> <a href="/b">Other</a></nav>'),
);

test('property: each block equals the decoded text of its raw span', () => {
  fc.assert(
    fc.property(fc.array(BLOCK, { minLength: 1, maxLength: 12 }), fc.boolean(), (blocks, wrap) => {
      const body = blocks.join('\n');
      const html = wrap ? `<!DOCTYPE html><html><head><title>t</title></head><body><article>${body}</article></body></html>` : body;
      const result = extractHtml(html);
      assertMapsBack(html, result);
      for (let i = 1; i < result.blocks.length; i++) assert.ok(result.blocks[i - 1].end < result.blocks[i].start);
    }),
    { numRuns: 60, seed: 20240305 },
  );
});

function domBlock(text: string): DomBlock {
  const words = text.split(' ');
  const { document } = parseHTML('<html><body></body></html>');
  return { kind: 'paragraph', words, chars: words.join('').length, linkChars: 0, element: document.body as unknown as Element };
}

test('chooseMainText trusts article mark-up (articleBody, article-body classes, <article>) that holds the article and much more', () => {
  const article = [domBlock(PROSE[0])];
  const body = [domBlock(PROSE[0]), domBlock(PROSE[1]), domBlock(PROSE[2])];
  const found = (tier: number): Candidates => ({
    meta: {},
    container: { blocks: body, rule: 'test', tier },
    readability: { blocks: article, textContent: PROSE[0], meta: {} },
    density: [],
  });
  assert.equal(chooseMainText(found(1))?.blocks.length, 3);
  assert.equal(chooseMainText(found(2))?.blocks.length, 3);
  // a container found only by a loose main-content rule does not overrule Readability
  assert.deepEqual(chooseMainText(found(3))?.blocks.map((b) => b.words.join(' ')), [PROSE[0]]);
});

test('chooseMainText takes the container when Readability settled on a small box outside it', () => {
  const notice = [domBlock('Readers send us their questions about travel cards, and our partners answer them every week.')];
  const story = [...PROSE, ...PROSE.map((p) => p.replace('.', ', they said.'))].map(domBlock);
  const found: Candidates = { meta: {}, container: { blocks: story, rule: 'main-element', tier: 3 }, readability: { blocks: notice, textContent: '', meta: {} }, density: [] };
  const chosen = chooseMainText(found);
  assert.equal(chosen?.method, 'stray:main-element');
  assert.equal(chosen?.blocks.length, story.length);
});

test("a description the page cut short is completed from the article's first paragraph", () => {
  const page = (description: string) => `<!DOCTYPE html><html lang="en"><head><title>Bridge closed</title>
    <meta property="og:description" content="${description}"></head>
    <body><article><h1>Bridge closed</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  assert.equal(extractHtml(page('The council voted on Tuesday to close the old bridge after engi…')).meta.description, PROSE[0]);
  assert.equal(extractHtml(page('The bridge is closed.')).meta.description, 'The bridge is closed.', 'a complete description stays');
  assert.equal(extractHtml(page('Cracks in the piers of the old…')).meta.description, 'Cracks in the piers of the old…', 'a paragraph that does not continue it is not taken');
});
