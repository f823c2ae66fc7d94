import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { QueryError, type Store } from './store.ts';

/**
 * The behaviour every store backend must have. A backend's test file calls this with a
 * function that opens a fresh, empty store.
 */
export function storeSuite(backend: string, open: () => Store): void {
  describe(`store contract: ${backend}`, () => {
    const live = processArticle(
      'Live: talks in Halvik\n\n09:40 Ministers arrive\n\nThe ministers arrived at Skarholm House.\n\n11:15 Envoy speaks\n\nSolvane said the truce holds.\n\nSolvane said the truce holds.',
      'text',
      { outlet: 'Ostmar Herald', published: '2026-03-17', source: 'live.txt' },
    );
    const page = processArticle(
      '<html><head><title>Observers to Brena</title></head><body><article><h1>Observers to Brena</h1><p>The Continental Council will send twenty observers to the border under the envoy’s plan, its secretary said.</p></article></body></html>',
      'html',
      { published: '2026-03-18', source: 'page.html' },
    );

    test('put then get returns the same article with every layer', () => {
      const store = open();
      store.put(live);
      const back = store.get(live.id)!;
      assert.equal(back.text, live.text);
      assert.equal(back.raw, live.raw);
      assert.deepEqual(back.meta, live.meta);
      assert.deepEqual(back.blocks, live.blocks);
      assert.deepEqual(back.entries, live.entries);
      assert.deepEqual(back.sentences, live.sentences);
      assert.deepEqual(back.tokens, live.tokens);
      assert.deepEqual(back.removed, live.removed);
      assert.deepEqual(back.messages, live.messages);
      assert.deepEqual(back.map, live.map);
      assert.deepEqual(back.quality, live.quality);
      assert.ok(store.has(live.id));
      assert.equal(store.get('0000000000000000'), undefined);
      store.close();
    });

    test('put twice replaces, and the search index follows', () => {
      const store = open();
      store.put(page);
      store.put(page);
      assert.equal(store.count(), 1);
      assert.equal(store.search('observers').total, 1);
      store.close();
    });

    test('list is newest first with summaries', () => {
      const store = open();
      store.put(live);
      store.put(page);
      const { total, articles } = store.list();
      assert.equal(total, 2);
      assert.deepEqual(articles.map((a) => a.id), [page.id, live.id]);
      assert.equal(articles[1].outlet, 'Ostmar Herald');
      assert.ok(articles[1].removed >= 1);
      assert.equal(store.list({ limit: 1, offset: 1 }).articles[0].id, live.id);
      store.close();
    });

    test('search finds words, phrases and prefixes, with plain-text snippets', () => {
      const store = open();
      store.put(live);
      store.put(page);
      const hits = store.search('truce').hits;
      assert.equal(hits.length, 1);
      assert.equal(hits[0].id, live.id);
      assert.ok(hits[0].snippet.some((p) => p.hit && p.text.toLowerCase() === 'truce'));
      assert.equal(store.search('"twenty observers"').total, 1);
      assert.equal(store.search('observ*').total, 1);
      assert.equal(store.search("envoy's plan").total, 1, 'an apostrophe is not query syntax');
      assert.equal(store.search('nothinglikethis').total, 0);
      store.close();
    });

    test('a malformed query is a QueryError with a clear message', () => {
      const store = open();
      store.put(live);
      assert.throws(() => store.search('"unclosed'), (e: unknown) => e instanceof QueryError && /cannot search for/.test(e.message));
      assert.throws(() => store.search('truce AND'), QueryError);
      assert.throws(() => store.search('   '), QueryError);
      store.close();
    });

    test('ids can be found by prefix', () => {
      const store = open();
      store.put(live);
      store.put(page);
      assert.deepEqual(store.idsStartingWith(live.id.slice(0, 6)), [live.id]);
      assert.deepEqual(store.idsStartingWith('zzzz'), []);
      store.close();
    });

    test('failures are recorded until the same source succeeds', () => {
      const store = open();
      store.recordFailure({ source: 'a.txt', code: 'binary', reason: 'a.txt: looks like a PNG image, not text' });
      store.recordFailure({ source: 'a.txt', code: 'empty', reason: 'a.txt: the input is empty' });
      assert.deepEqual(store.failures().map((f) => [f.source, f.code]), [['a.txt', 'empty']]);
      store.clearFailure('a.txt');
      assert.deepEqual(store.failures(), []);
      store.close();
    });

    test('entities are counted across articles and listed per article', () => {
      const store = open();
      store.put(live);
      store.put(page);
      const stored = [...live.entities, ...page.entities];
      assert.ok(stored.length > 0, 'the fixtures have names');
      const all = store.entityCounts();
      assert.equal(all.total, new Set(stored.map((e) => `${e.type}\t${e.name}`)).size);
      assert.equal(all.entities.reduce((n, e) => n + e.mentions, 0), live.mentions.length + page.mentions.length);
      const first = live.entities[0];
      const listed = store.articleEntities(live.id);
      assert.deepEqual(listed.map((e) => e.name), live.entities.map((e) => e.name));
      assert.equal(listed[0].mentions, first.mentions.length);
      assert.deepEqual(listed[0].roles, first.roles.map((r) => r.text));
      const people = store.entityCounts({ type: 'PER' }).entities;
      assert.ok(people.every((e) => e.type === 'PER'));
      assert.deepEqual(store.articleEntities(live.id, { type: 'PER' }).map((e) => e.name), live.entities.filter((e) => e.type === 'PER').map((e) => e.name));
      assert.deepEqual(store.articleEntities('0000000000000000'), []);
      store.close();
    });

    test('all() yields every article in ingest order', () => {
      const store = open();
      store.put(live);
      store.put(page);
      assert.deepEqual([...store.all()].map((d) => d.id), [live.id, page.id]);
      store.close();
    });
  });
}
