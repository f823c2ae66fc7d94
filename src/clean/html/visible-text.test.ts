import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { spanToRaw, toRaw } from '../../doc/offset-map.ts';
import { decodeEntities, decodeEntityAt } from './html-entities.ts';
import { visibleText } from './visible-text.ts';

function words(html: string): string[] {
  const v = visibleText(html);
  return Array.from({ length: v.wordCount }, (_, i) => v.text.slice(v.wordStart[i], v.wordEnd[i]));
}

test('skips tags, comments and invisible elements, and breaks lines at block tags', () => {
  const html =
    '<html><head><title>Title</title><style>p{}</style></head><body><!-- note --><p>One <b>two</b></p>' +
    '<script>var x = "<p>no</p>";</script><div>three<br>four</div><noscript>hidden</noscript><template><p>t</p></template>' +
    '<SCRIPT type="x">also hidden</SCRIPT >five</body></html>';
  const v = visibleText(html);
  assert.equal(v.text, 'One two\nthree\nfour\nfive');
  assert.deepEqual(Array.from(v.wordLine), [0, 0, 1, 2, 3]);
});

test('inline tags do not split words; attributes with > in quotes are skipped whole', () => {
  assert.deepEqual(words('<p>Hel<b>lo</b> <a title="a > b" href=x>world</a></p>'), ['Hello', 'world']);
});

test('decodes entities into atomic segments that map back to the whole reference', () => {
  const html = '<p>Fish &amp; chips &eacute;t&#233; &#x1F600;&nbsp;x</p>';
  const v = visibleText(html);
  assert.equal(v.text, 'Fish & chips \u00e9t\u00e9 \u{1F600} x');
  const amp = v.text.indexOf('&');
  assert.deepEqual(spanToRaw(v.map, { start: amp, end: amp + 1 }), { start: html.indexOf('&amp;'), end: html.indexOf('&amp;') + 5 });
  const ete = v.text.indexOf('\u00e9t\u00e9');
  assert.equal(html.slice(toRaw(v.map, ete, 'start'), toRaw(v.map, ete + 3, 'end')), '&eacute;t&#233;');
});

test('entity decoding follows the browser rules that matter here', () => {
  assert.equal(decodeEntities('&amp &lt;b&gt; &notit; &copy; &unknown; &#0; &#x80; AT&T'), '& <b> \u00acit; \u00a9 &unknown; \ufffd \u20ac AT&T');
  assert.equal(decodeEntityAt('x', 0), null);
  assert.deepEqual(decodeEntityAt('&#1234567890123;', 0), { text: '\ufffd', rawLength: 16 });
});

test('every word maps back to raw text that decodes to it', () => {
  const chunk = fc.oneof(
    fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<br>', '<!-- c -->', ' ', '\n', '&amp;', '&lt;', '&#233;', '&nbsp;', '<script>x</script>'),
    fc.string({ maxLength: 8 }).map((s) => s.replace(/[<&]/g, '')),
  );
  fc.assert(
    fc.property(fc.array(chunk, { maxLength: 40 }), (chunks) => {
      const html = chunks.join('');
      const v = visibleText(html);
      for (let i = 0; i < v.wordCount; i++) {
        const span = spanToRaw(v.map, { start: v.wordStart[i], end: v.wordEnd[i] });
        const raw = html.slice(span.start, span.end).replace(/<script>[^<]*<\/script>/g, '').replace(/<[^>]*>/g, '');
        assert.equal(decodeEntities(raw), v.text.slice(v.wordStart[i], v.wordEnd[i]));
      }
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('never throws and stays fast on pathological input', () => {
  for (const html of ['', '<', '<!--', '<a href="', '&#', '<'.repeat(50_000), '<div>'.repeat(20_000)]) {
    const v = visibleText(html);
    assert.ok(v.text.length <= html.length);
  }
  assert.equal(visibleText('<div>'.repeat(1000) + 'x').maxDepth, 1000);
  assert.equal(visibleText('<p>a<p>b<li>c<br><img src=x>').maxDepth, 0);
});

test('depthSum adds up the depth at which each start tag opens', () => {
  // div 0, div 1, span 2, then a second span again at 2 (html and body, whose end tags are optional, count nothing)
  assert.equal(visibleText('<html><body><div><div><span>a</span><span>b</span></div></div></body></html>').depthSum, 0 + 1 + 2 + 2);
  assert.equal(visibleText('<div>'.repeat(4)).depthSum, 0 + 1 + 2 + 3);
});
