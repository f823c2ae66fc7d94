import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { findMentions } from './mentions.ts';

const names = (raw: string, language?: string) => {
  const doc = processArticle(raw, 'text', language ? { language } : {});
  return doc.mentions.map((m) => doc.text.slice(m.start, m.end));
};

const GERMAN =
  'Die Waffenruhe hält seit drei Tagen. Haben Sie die Zeit gefunden, mit den Menschen in der Grenzstadt Brena zu sprechen? ' +
  'Außenministerin Ilse Brandoch sagte am Samstag in Berlin, die Gespräche würden Ende Februar fortgesetzt. ' +
  'Nach Angaben der Nachrichtenagentur VNA reist Brandoch danach in die Schweiz und nach Russland. ' +
  'In Brena blieb es ruhig, und am Ende des Tages öffnete das Pumpwerk wieder.';

test('in German text, capitalised nouns are not names; names, acronyms, countries and places stay', () => {
  const found = names(GERMAN, 'de');
  for (const name of ['Ilse Brandoch', 'Brandoch', 'Brena', 'Berlin', 'VNA', 'Schweiz', 'Russland']) assert.ok(found.includes(name), `${name} is a name: ${found.join(', ')}`);
  for (const noun of ['Zeit', 'Menschen', 'Sie', 'Haben Sie', 'Ende', 'Ende Februar', 'Februar', 'Tagen', 'Waffenruhe', 'Pumpwerk', 'Angaben'])
    assert.ok(!found.includes(noun), `${noun} is not a name: ${found.join(', ')}`);
  // "Außenministerin" is her title, not part of her name
  assert.ok(!found.some((n) => n.includes('Außenministerin')));
  assert.equal(found.filter((n) => n === 'Brena').length, 2, 'the town named beside "Grenzstadt" is found again alone');
});

test('the German rules leave English text alone', () => {
  const english = 'Foreign Minister Ilse Brandoch said on Saturday in Berlin that the talks would resume. Time will tell, she said.';
  const found = names(english, 'en');
  assert.ok(found.includes('Ilse Brandoch') && found.includes('Berlin'));
  // the rules follow the article's language: the same German text taken as English keeps the tagger's nouns
  const doc = processArticle(GERMAN, 'text');
  assert.equal(doc.meta.language, 'de');
  doc.meta.language = 'en';
  const asEnglish = findMentions(doc).map((c) => doc.text.slice(doc.tokens[c.first].start, doc.tokens[c.last - 1].end));
  assert.ok(asEnglish.length > names(GERMAN, 'de').length, asEnglish.join(', '));
});
