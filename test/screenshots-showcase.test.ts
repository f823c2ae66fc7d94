// What the screenshot script (scripts/screenshots.ts) shows: chosen from the articles' layers,
// the same on every run, and never an article that lacks what its shot is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventShowcase, eventShowing, showcaseArticle, type ArticleLayers, type EventLayer } from '../scripts/screenshots/showcase.ts';

const article = (id: string, chars: number, counts: { mentions?: number; quotes?: number; timexes?: number }, events: EventLayer[] = []): ArticleLayers => ({
  id,
  text: 'x'.repeat(chars),
  mentions: Array(counts.mentions ?? 0).fill({}),
  quotes: Array(counts.quotes ?? 0).fill({}),
  timexes: Array(counts.timexes ?? 0).fill({}),
  events,
});

test('the article shot is the densest article that has names, quotes and dates', () => {
  const noQuotes = article('a', 100, { mentions: 50, timexes: 50 });
  const sparse = article('b', 2000, { mentions: 10, quotes: 2, timexes: 2 });
  const dense = article('c', 1000, { mentions: 10, quotes: 2, timexes: 2 });
  assert.equal(showcaseArticle([noQuotes, sparse, dense])?.id, 'c');
  assert.equal(showcaseArticle([noQuotes]), undefined);
  // equals go to the lower id, whatever the order given
  assert.equal(showcaseArticle([article('e', 100, { mentions: 1, quotes: 1, timexes: 1 }), article('d', 100, { mentions: 1, quotes: 1, timexes: 1 })])?.id, 'd');
});

test('an event shows more with both sides, named parties, a place and an assertion, in that order', () => {
  const named = { entity: 3 };
  const unnamed = { entity: null };
  const full = eventShowing({ source: [named], target: [named], where: { name: 'Ostmar' }, status: 'asserted' });
  assert.ok(full > eventShowing({ source: [named], target: [named], where: { name: 'Ostmar' }, status: 'negated' }));
  assert.ok(eventShowing({ source: [named], target: [named], status: 'negated' }) > eventShowing({ source: [named], target: [unnamed], where: {}, status: 'asserted' }));
  assert.ok(eventShowing({ source: [unnamed], target: [unnamed] }) > eventShowing({ source: [named], target: [], where: {}, status: 'asserted' }));
});

test('the event shot takes the best event across articles, the first among equals, and none when there are no events', () => {
  const named = { entity: 0 };
  const oneSided: EventLayer = { source: [named], target: [], status: 'asserted' };
  const twoSided: EventLayer = { source: [named], target: [named], status: 'asserted' };
  const chosen = eventShowcase([article('b', 10, {}, [oneSided, twoSided]), article('a', 10, {}, [oneSided, twoSided, twoSided])]);
  assert.deepEqual({ id: chosen?.article.id, event: chosen?.event }, { id: 'a', event: 1 });
  assert.equal(eventShowcase([article('a', 10, {})]), undefined);
});
