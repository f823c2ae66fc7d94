import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { findMentions } from './mentions.ts';

const SPANISH = [
  'La tregua en la represa de Tamsk se mantiene desde hace tres días, según el gobierno de Orrenland.',
  'Estamos ante un momento decisivo, dijo la canciller Ilse Brandoch en la ciudad de Brena.',
  'Brandoch viajará después a Madrid. ¿Cómo responderá la oposición? Nadie lo sabe todavía en Brena.',
  'Mientras tanto, los observadores de la Cruz Roja llegaron a la frontera y hablaron con los vecinos de la zona sobre los daños.',
].join(' ');

test('in a language the model was not trained on, words that open sentences and lower-case openings are not names', () => {
  const doc = processArticle(SPANISH, 'text');
  assert.equal(doc.meta.language, 'es');
  const names = doc.mentions.map((m) => doc.text.slice(m.start, m.end));
  for (const word of ['Estamos', 'Cómo', 'Mientras', 'La']) assert.ok(!names.includes(word), `${word}: ${names.join(', ')}`);
  assert.ok(!names.some((n) => /^\p{Ll}/u.test(n)), `no name starts in lower case: ${names.join(', ')}`);
  for (const name of ['Ilse Brandoch', 'Brandoch', 'Madrid', 'Brena']) assert.ok(names.includes(name), `${name}: ${names.join(', ')}`);
});

test("the rules follow the article's language: taken as English, the same text keeps what the model found", () => {
  const doc = processArticle(SPANISH, 'text');
  doc.meta.language = 'en';
  const names = findMentions(doc).map((c) => doc.text.slice(doc.tokens[c.first].start, doc.tokens[c.last - 1].end));
  assert.ok(names.includes('Estamos') && names.some((n) => /^\p{Ll}/u.test(n)), names.join(', '));
});

test('property: in German and Spanish articles, any text gives valid names and quotes', () => {
  const word = fc.constantFrom('Die', 'der', 'Zeit', 'Ilse', 'Brandoch', 'sagte', 'er', ':', ',', '.', '„', '“', '«', '»', '"', 'de', 'la', '¿Cómo', 'dijo', 'Brena', 'EU', 'Haben', 'Sie');
  const text = fc.array(fc.oneof(word, fc.string({ maxLength: 8 })), { maxLength: 80 }).map((ws) => ws.join(' '));
  fc.assert(
    fc.property(text, fc.constantFrom('de', 'es'), (raw, language) => {
      const doc = processArticle(raw, 'text', { language });
      for (const m of doc.mentions) assert.ok(m.start >= 0 && m.start < m.end && m.end <= doc.text.length);
      for (const q of doc.quotes) {
        for (const span of [q.content, q.cue, q.source, q.speaker.span]) {
          if (span) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.text.length);
        }
      }
    }),
    { numRuns: 60 },
  );
});
