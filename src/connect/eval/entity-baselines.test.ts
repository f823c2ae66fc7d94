import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityBaselines, headWord, normalisedName, productMentions, type ProductMention } from './entity-baselines.ts';

test('normalisedName and headWord', () => {
  assert.equal(normalisedName('The  Halvik Port   Authority'), 'halvik port authority');
  assert.equal(normalisedName('Brena’s'), "brena's");
  assert.equal(headWord('the Halvik Port Authority'), 'authority');
  assert.equal(headWord('Brena'), 'brena');
});

test('entityBaselines cluster aligned gold mentions by string, head and article entity', () => {
  const m = (text: string, entity: string): ProductMention => ({ start: 0, end: text.length, head: { start: 0, end: text.length }, text, type: 'PER', entity });
  const predicted = new Map([
    ['d1', [m('Ilse Brandoch', 'Ilse Brandoch'), m('Brandoch', 'Ilse Brandoch')]],
    ['d2', [m('Mayor Brandoch', 'Mayor Brandoch'), m('the Port Authority', 'Port Authority')]],
  ]);
  const alignment = new Map([
    ['d1/1', { doc: 'd1', predicted: 0, how: 'exact' as const }],
    ['d1/2', { doc: 'd1', predicted: 1, how: 'exact' as const }],
    ['d2/5', { doc: 'd2', predicted: 0, how: 'head' as const }],
    ['d2/6', { doc: 'd2', predicted: 1, how: 'overlap' as const }],
  ]);
  const b = entityBaselines(alignment, predicted);
  assert.deepEqual(Object.keys(b), ['same string', 'same head', 'same article entity']);
  assert.deepEqual([...b['same string']], [
    ['d1/1', 'ilse brandoch'],
    ['d1/2', 'brandoch'],
    ['d2/5', 'mayor brandoch'],
    ['d2/6', 'port authority'],
  ]);
  assert.deepEqual([...b['same head'].values()], ['brandoch', 'brandoch', 'brandoch', 'authority']);
  assert.deepEqual([...b['same article entity'].values()], ['ilse brandoch', 'ilse brandoch', 'mayor brandoch', 'port authority']);
});

test('productMentions gives the pipeline’s names as spans of the text it was given', () => {
  // the pipeline sets lines apart with blank lines; spans must still point into this text
  const url = 'http://halvik.org/brena-port';
  const text = `${url}\nBrena port closes\nMayor Ilse Brandoch closed the port of Brena on Monday.\nBrandoch said the Halvik Port Authority agreed.`;
  const found = productMentions({ id: 'invented', text, url, bodyStart: url.length + 1 });
  assert.ok(found.length > 0);
  for (const m of found) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.head.start >= m.start && m.head.end <= m.end);
  }
  assert.ok(found.every((m) => m.start > url.length));
  assert.ok(found.some((m) => m.text.includes('Brandoch')), JSON.stringify(found.map((m) => m.text)));
});
