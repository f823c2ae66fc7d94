import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlMeta, isoDate, languageOf } from './html-meta.ts';
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
  assert.deepEqual(htmlMeta(doc, 'https://example.se/x'), { title: 'Rubrik', language: 'sv', url: 'https://example.se/a/1' });
  assert.deepEqual(htmlMeta(parseDocument('<p>no head</p>')), {});
});
