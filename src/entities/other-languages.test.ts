import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('English text keeps what the model found', () => {
  const doc = processArticle(SPANISH, 'text');
  const ruled = findMentions(doc).length;
  doc.meta.language = 'en';
  assert.ok(findMentions(doc).length >= ruled);
});
