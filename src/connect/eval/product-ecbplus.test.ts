import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcbDocument } from './ecbplus.ts';
import { productArticle } from './entity-baselines.ts';
import { eventsOf } from './event-baselines.ts';
import { connectProduct, productEventClustering } from './product-ecbplus.ts';

const doc = (id: string, text: string): EcbDocument => ({ id, topic: 9, subtopic: 'ecb', split: 'test', text, url: null, bodyStart: 0, tokens: [], sentences: [], mentions: [] });

// two reports of one arrest (same day, place and person), and a meeting weeks later
const DOCS = [
  doc('9_1ecb', 'Brena mayor arrested\nMarch 10, 2026\nPolice arrested Mayor Ilse Brandoch in Brena on Monday, March 9. The Halvik Port Authority condemned the arrest.'),
  doc('9_2ecb', 'Mayor of Brena held\nMarch 10, 2026\nHalvik police arrested Ilse Brandoch in Brena on March 9, her lawyer said.'),
  doc('9_3ecb', 'Minister visits Tarnov\nApril 2, 2026\nThe foreign minister Anselm Korvath met Ilse Brandoch in Tarnov on April 1.'),
];

test('connectProduct reads the corpus event of each article event, and productEventClustering carries it to aligned gold mentions', () => {
  const articles = new Map(DOCS.map((d) => [d.id, productArticle(d)]));
  const corpus = connectProduct(DOCS, articles);
  for (const d of DOCS) {
    const events = corpus.events.get(d.id);
    assert.equal(events?.length, articles.get(d.id)!.events.length, d.id);
    assert.ok(events.every((e) => typeof e === 'string'), d.id);
  }
  // the index among the article's events of the event whose trigger opens `words`
  const eventAt = (d: EcbDocument, words: string) => eventsOf(d, articles.get(d.id)!).findIndex((e) => e.start === d.text.indexOf(words));
  const [a1, a2, met] = [eventAt(DOCS[0], 'arrested Mayor'), eventAt(DOCS[1], 'arrested Ilse'), eventAt(DOCS[2], 'met Ilse')];
  assert.ok(a1 >= 0 && a2 >= 0 && met >= 0);
  const alignment = new Map([
    ['9_1ecb/1', { doc: '9_1ecb', predicted: a1, how: 'exact' as const }],
    ['9_2ecb/1', { doc: '9_2ecb', predicted: a2, how: 'exact' as const }],
    ['9_3ecb/1', { doc: '9_3ecb', predicted: met, how: 'exact' as const }],
  ]);
  const response = productEventClustering(corpus, alignment);
  assert.equal(response.size, 3);
  assert.equal(response.get('9_1ecb/1'), response.get('9_2ecb/1'));
  assert.notEqual(response.get('9_1ecb/1'), response.get('9_3ecb/1'));
  assert.equal(response.get('9_1ecb/1'), corpus.events.get('9_1ecb')![a1]);
});
