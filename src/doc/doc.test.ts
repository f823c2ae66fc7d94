import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { createDoc, rawTextOf, sentenceAt, textOf, type Doc } from './doc.ts';
import { assertSpan } from './span.ts';

function allSpans(doc: Doc) {
  return [
    ...doc.blocks,
    ...doc.entries,
    ...doc.entries.flatMap((e) => (e.headline ? [e.headline] : [])),
    ...doc.sentences,
    ...doc.tokens,
  ];
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Decodes the few entities the generator below writes. */
function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9’'“”.,!?&<>-]{1,12}$/);
const paragraph = fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' '));
const article = fc.array(paragraph, { minLength: 1, maxLength: 12 });

test('the content id depends on the content only', () => {
  assert.equal(createDoc('Putin met Witkoff.', 'text').id, createDoc('Putin met Witkoff.', 'text', { source: 'b.txt' }).id);
  assert.notEqual(createDoc('Putin met Witkoff.', 'text').id, createDoc('Putin met Witkov.', 'text').id);
  assert.match(createDoc('x', 'text').id, /^[0-9a-f]{16}$/);
});

test('createDoc rejects a non-string input at once', () => {
  assert.throws(() => createDoc(42 as unknown as string, 'text'), TypeError);
});

test('property: plain text — every span lies inside the text and maps back to the same words in the raw input', () => {
  fc.assert(
    fc.property(article, fc.constantFrom('\n', '\n\n', '\r\n', '\n  \n'), (paras, sep) => {
      const doc = processArticle(paras.join(sep), 'text');
      for (const span of allSpans(doc)) assertSpan(span, doc.text.length);
      for (const span of [...doc.blocks, ...doc.sentences, ...doc.tokens]) {
        assert.deepEqual(words(rawTextOf(doc, span)), words(textOf(doc, span)));
      }
      for (const r of doc.removed) assertSpan(r.raw, doc.raw.length);
    }),
    { numRuns: 60 },
  );
});

test('property: HTML — spans lie inside the text and map back to the same words in the page', () => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  fc.assert(
    fc.property(article, (paras) => {
      const body = paras.map((p) => `<p>${escape(p)}</p>`).join('\n');
      const html = `<html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><article>${body}</article></body></html>`;
      const doc = processArticle(html, 'html');
      for (const span of allSpans(doc)) assertSpan(span, doc.text.length);
      for (const span of [...doc.blocks, ...doc.sentences]) {
        assert.deepEqual(words(htmlToText(rawTextOf(doc, span))), words(textOf(doc, span)));
      }
    }),
    { numRuns: 40 },
  );
});

test('sentenceAt finds the sentence around an offset', () => {
  const doc = processArticle('First sentence here. Second one follows.\n\nA new paragraph.', 'text');
  const at = doc.text.indexOf('Second');
  assert.equal(textOf(doc, sentenceAt(doc, at)!), 'Second one follows.');
  assert.equal(sentenceAt(doc, doc.text.length + 5), undefined);
});
