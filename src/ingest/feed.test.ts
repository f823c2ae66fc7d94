import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { IngestError } from './ingest-error.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>The Daily &amp; Weekly</title>
    <link>https://news.example.com/</link>
    <item>
      <title>Talks resume in Geneva</title>
      <link>https://news.example.com/2025/talks</link>
      <description>&lt;p&gt;Short &lt;b&gt;teaser&lt;/b&gt;&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Full text with <a href="/x">a link</a> &amp; more.</p>]]></content:encoded>
      <dc:creator>Ann Reporter</dc:creator>
      <dc:creator>Bo Writer</dc:creator>
      <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
    </item>
    <item>
      <title>Minister&amp;#8217;s &lt;em&gt;statement&lt;/em&gt;</title>
      <guid isPermaLink="true">https://news.example.com/2025/statement</guid>
      <description>&lt;p&gt;Escaped &lt;i&gt;HTML&lt;/i&gt; teaser&lt;/p&gt;</description>
      <author>desk@example.com (News Desk)</author>
      <pubDate>Wed, 2 Apr 2025 18:30 +0200</pubDate>
    </item>
    <item>
      <title>Plain one</title>
      <link>/relative/path</link>
      <description>Just words
on two lines.</description>
      <pubDate>Thu, 03 Apr 2025 07:15:00 EST</pubDate>
    </item>
    <item>
      <guid isPermaLink="false">tag:example.com,2025:4</guid>
      <pubDate>yesterday-ish</pubDate>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Wire &lt;em&gt;Service&lt;/em&gt;</title>
  <link rel="self" href="https://wire.example.org/feed.atom"/>
  <link rel="alternate" href="https://wire.example.org/"/>
  <author><name>Wire Staff</name></author>
  <entry>
    <title>Ceasefire holds</title>
    <link rel="edit" href="https://wire.example.org/edit/1"/>
    <link rel="alternate" type="text/html" href="/stories/1"/>
    <id>urn:uuid:1</id>
    <published>2025-03-01T09:30:00+01:00</published>
    <updated>2025-03-02T10:00:00Z</updated>
    <author><name>Cara Correspondent</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;Escaped &amp;amp; body&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>XHTML</b> title</div></title>
    <link href="https://wire.example.org/stories/2"/>
    <updated>2025-03-04</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>XHTML</b>.</p></div></content>
  </entry>
  <entry>
    <title>Only a summary</title>
    <updated>2025-03-05T12:00:00.250-05:00</updated>
    <summary type="text">Plain summary text.</summary>
  </entry>
</feed>`;

test('RSS 2.0: channel title and item fields', () => {
  const feed = parseFeed(RSS);
  assert.equal(feed.title, 'The Daily & Weekly');
  assert.equal(feed.items.length, 4);
  assert.deepEqual(feed.items[0], {
    title: 'Talks resume in Geneva',
    url: 'https://news.example.com/2025/talks',
    published: '2003-06-10T04:00:00Z',
    html: '<p>Full text with <a href="/x">a link</a> &amp; more.</p>',
    author: 'Ann Reporter, Bo Writer',
  });
});

test('RSS: escaped HTML in description and title, guid as link, author e-mail with name', () => {
  assert.deepEqual(parseFeed(RSS).items[1], {
    title: 'Minister’s statement',
    url: 'https://news.example.com/2025/statement',
    published: '2025-04-02T18:30:00+02:00',
    html: '<p>Escaped <i>HTML</i> teaser</p>',
    author: 'News Desk',
  });
});

test('RSS: plain description is text, relative link resolved, named zone', () => {
  assert.deepEqual(parseFeed(RSS).items[2], {
    title: 'Plain one',
    url: 'https://news.example.com/relative/path',
    published: '2025-04-03T07:15:00-05:00',
    text: 'Just words\non two lines.',
  });
});

test('RSS: an item with nothing usable is kept but empty; bad dates and non-permalink guids are dropped', () => {
  assert.deepEqual(parseFeed(RSS).items[3], {});
});

test('RSS 1.0 (RDF): items beside the channel, dc:date', () => {
  const feed = parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example/"><title>RDF Site</title><link>https://r.example/</link></channel>
  <item rdf:about="https://r.example/1">
    <title>First</title><link>https://r.example/1</link>
    <description>Hello there.</description>
    <dc:date>2024-12-31T23:59:59Z</dc:date>
    <dc:creator>Dee</dc:creator>
  </item>
</rdf:RDF>`);
  assert.deepEqual(feed, {
    title: 'RDF Site',
    items: [{ title: 'First', url: 'https://r.example/1', published: '2024-12-31T23:59:59Z', text: 'Hello there.', author: 'Dee' }],
  });
});

test('RSS with its modules under other prefixes', () => {
  const feed = parseFeed(`<rss xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:a="http://www.w3.org/2005/Atom"><channel>
    <item><a:link rel="alternate" href="https://p.example/a"/><c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded></item>
  </channel></rss>`);
  assert.deepEqual(feed.items, [{ url: 'https://p.example/a', html: '<p>Body</p>' }]);
});

test('Atom: entries with html content, alternate links, published over updated, authors', () => {
  const feed = parseFeed(ATOM);
  assert.equal(feed.title, 'Wire Service');
  assert.deepEqual(feed.items[0], {
    title: 'Ceasefire holds',
    url: 'https://wire.example.org/stories/1',
    published: '2025-03-01T09:30:00+01:00',
    html: '<p>Escaped &amp; body</p>',
    author: 'Cara Correspondent',
  });
});

test('Atom: XHTML title and content, date-only updated, feed author inherited', () => {
  assert.deepEqual(parseFeed(ATOM).items[1], {
    title: 'An XHTML title',
    url: 'https://wire.example.org/stories/2',
    published: '2025-03-04',
    html: '<p>Inline <b>XHTML</b>.</p>',
    author: 'Wire Staff',
  });
});

test('Atom: summary used when there is no content, fractional seconds kept', () => {
  assert.deepEqual(parseFeed(ATOM).items[2], {
    title: 'Only a summary',
    published: '2025-03-05T12:00:00.250-05:00',
    text: 'Plain summary text.',
    author: 'Wire Staff',
  });
});

test('Atom: out-of-line content falls back to the summary', () => {
  const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <content src="https://x.example/body.html" type="text/html"/>
    <summary type="html">&lt;p&gt;S&lt;/p&gt;</summary>
  </entry></feed>`);
  assert.deepEqual(feed.items, [{ html: '<p>S</p>' }]);
});

test('dates: RFC 822 variants and ISO forms', () => {
  const dateOf = (pubDate: string): string | undefined =>
    parseFeed(`<rss><channel><item><pubDate>${pubDate}</pubDate></item></channel></rss>`).items[0].published;
  assert.equal(dateOf('Sat, 07 Sep 2002 00:00:01 GMT'), '2002-09-07T00:00:01Z');
  assert.equal(dateOf('07 Sep 02 09:05 PDT'), '2002-09-07T09:05:00-07:00');
  assert.equal(dateOf('Monday, 1 September 2025 14:00:00 +0530'), '2025-09-01T14:00:00+05:30');
  assert.equal(dateOf('Mon, 1 Sep 2025 14:00:00 XYZ'), '2025-09-01T14:00:00');
  assert.equal(dateOf('2025-09-01 14:00:00+0200'), '2025-09-01T14:00:00+02:00');
  assert.equal(dateOf('Mon, 31 Feb 2025 10:00:00 GMT'), undefined);
  assert.equal(dateOf('Mon, 1 Foo 2025 10:00:00 GMT'), undefined);
  assert.equal(dateOf('2025-13-01'), undefined);
});

test('a feed without items has an empty item list', () => {
  assert.deepEqual(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>'), { title: 'Quiet', items: [] });
  assert.deepEqual(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"/>'), { items: [] });
});

test('malformed and non-feed input is a parse error with a clear reason', () => {
  const cases: [string, RegExp][] = [
    ['', /no XML root element/],
    ['just some words', /no XML root element/],
    ['{"items": []}', /no XML root element/],
    ['<!doctype html><html><body>News</body></html>', /the root element is <html>/],
    ['<rss version="2.0"><channel><item><title>Cut off in the mid', /<rss> is never closed/],
    ['<?xml version="1.0"?><!-- unterminated comment <rss>', /no XML root element/],
    ['<rss version="2.0"></rss>', /without a <channel>/],
  ];
  for (const [input, reason] of cases) {
    assert.throws(
      () => parseFeed(input),
      (error: unknown) => error instanceof IngestError && error.code === 'parse' && reason.test(error.message),
      `for ${JSON.stringify(input)}`,
    );
  }
});

test('parseFeed never throws anything but a parse IngestError', () => {
  const prefixes = ['', '<rss><channel><item>', '<feed xmlns="http://www.w3.org/2005/Atom"><entry>', '<?xml version="1.0"?>'];
  const suffixes = ['', '</item></channel></rss>', '</entry></feed>'];
  fc.assert(
    fc.property(fc.constantFrom(...prefixes), fc.string({ maxLength: 200 }), fc.constantFrom(...suffixes), (start, middle, end) => {
      try {
        const feed = parseFeed(start + middle + end);
        assert.ok(Array.isArray(feed.items));
      } catch (error) {
        assert.ok(error instanceof IngestError && error.code === 'parse', String(error));
      }
    }),
  );
});

test('parseFeed rejects a non-string argument at once', () => {
  assert.throws(() => parseFeed(undefined as unknown as string), TypeError);
});

test('looksLikeFeed recognises rss, rdf:RDF and feed roots after any prolog', () => {
  assert.equal(looksLikeFeed(RSS), true);
  assert.equal(looksLikeFeed(ATOM), true);
  assert.equal(looksLikeFeed('\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?><rdf:RDF>'), true);
  assert.equal(looksLikeFeed('<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss version="0.91">'), true);
  assert.equal(looksLikeFeed('<!doctype html><html><head><link rel="alternate" type="application/rss+xml">'), false);
  assert.equal(looksLikeFeed('<?xml version="1.0"?><sitemap/>'), false);
  assert.equal(looksLikeFeed('rss feed, but prose'), false);
  assert.equal(looksLikeFeed(''), false);
});

test('looksLikeFeed stays fast on a long prolog that never reaches a root', () => {
  const started = Date.now();
  assert.equal(looksLikeFeed('<?a?>'.repeat(20_000) + ' !'), false);
  assert.equal(looksLikeFeed(' '.repeat(100_000) + '<rss>'), false); // root beyond the 64 KB window
  assert.ok(Date.now() - started < 2000);
});
