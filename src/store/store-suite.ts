import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Doc, EventActor, EventMention, Quote, Timex } from '../doc/doc.ts';
import { processArticle } from '../pipeline/default-pipeline.ts';
import type { EventType } from '../doc/doc.ts';
import { connect } from '../connect/connect.ts';
import { ArticleIdError, FACET_NAMES, FACET_SAMPLE, FilterError, MAX_PAGE_SIZE, QueryError, quoteChain, type ArticleFilter, type FacetName, type FacetValue, type ResultFacets, type Store } from './store.ts';

/**
 * A quote written by hand over `doc`'s text, so that the store's behaviour is tested apart from
 * what the attribution model finds: each part is located by its words.
 */
function handQuote(doc: Doc, parts: { content: string; cue: string; source: string; speaker: string; via?: string[]; kind?: Quote['kind'] }): Quote {
  const at = (words: string) => {
    const start = doc.text.indexOf(words);
    assert.ok(start >= 0, `fixture text has “${words}”`);
    return { start, end: start + words.length };
  };
  const source = at(parts.source);
  return {
    content: at(parts.content),
    cue: at(parts.cue),
    source,
    kind: parts.kind ?? 'direct',
    speaker: { name: parts.speaker, entity: null, span: source, how: 'named' },
    via: (parts.via ?? []).map((name) => ({ ...at(name), name, entity: null })),
  };
}

/** A span of `doc`'s text located by its words (the first place they occur). */
function spanOf(doc: Doc, words: string): { start: number; end: number } {
  const start = doc.text.indexOf(words);
  assert.ok(start >= 0, `fixture text has “${words}”`);
  return { start, end: start + words.length };
}

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

    const quoted = processArticle(
      'Envoy stays in Halvik\n\n“We will not retreat,” said Henrik Solvane.\n\n“The dam stays open,” Ilse Brandoch told Meridian Wire, quoted by the Ostmar Herald.\n\nÅsa Ørn said the talks would resume.',
      'text',
      { title: 'Envoy stays in Halvik', published: '2026-03-19', source: 'quoted.txt' },
    );
    quoted.quotes = [
      handQuote(quoted, { content: '“We will not retreat,”', cue: 'said', source: 'Henrik Solvane', speaker: 'Henrik Solvane' }),
      handQuote(quoted, { content: '“The dam stays open,”', cue: 'told', source: 'Ilse Brandoch', speaker: 'Ilse Brandoch', via: ['Meridian Wire', 'Ostmar Herald'] }),
      handQuote(quoted, { content: 'the talks would resume', cue: 'said', source: 'Åsa Ørn', speaker: 'Åsa Ørn', kind: 'indirect' }),
    ];

    // dates written by hand, with every field a timex has, so that storage is tested apart from the tagger
    const dated = processArticle(
      'Truce holds in Halvik\n\n“The guns fell silent,” Henrik Solvane said on 2026-03-12.\n\nThe talks resume next week and will last three days, officials said.',
      'text',
      { title: 'Truce holds in Halvik', published: '2026-03-14T09:30:00+01:00', source: 'dated.txt' },
    );
    const timex = (words: string, rest: Omit<Timex, 'start' | 'end'>): Timex => ({ ...spanOf(dated, words), ...rest });
    dated.timexes = [
      timex('2026-03-12', { type: 'DATE', value: '2026-03-12', anchor: null }),
      timex('next week', { type: 'DATE', value: '2026-W12', anchor: { kind: 'document', value: '2026-03-14' } }),
      timex('three days', { type: 'DURATION', value: 'P3D', mod: 'APPROX', anchor: { kind: 'text', value: '2026-03-12', span: spanOf(dated, '2026-03-12') } }),
    ];
    dated.quotes = [
      handQuote(dated, { content: '“The guns fell silent,”', cue: 'said', source: 'Henrik Solvane', speaker: 'Henrik Solvane' }),
      handQuote(dated, { content: 'The talks resume next week and will last three days', cue: 'said.', source: 'officials', speaker: 'officials', kind: 'indirect' }),
    ];
    // events written by hand, with every field an event has, so that storage is tested apart from the events stage
    const acted = processArticle(
      'Envoy meets minister\n\nHenrik Solvane met Ilse Brandoch in Skarholm on 2026-03-12.\n\nKorvath released two prisoners last month.\n\nThe Halvik government will not attend the talks, officials said.',
      'text',
      { title: 'Envoy meets minister', outlet: 'Meridian Wire', published: '2026-03-14', source: 'acted.txt' },
    );
    const actor = (words: string, rest: Partial<Omit<EventActor, 'start' | 'end' | 'text'>> = {}): EventActor => ({ ...spanOf(acted, words), text: words, entity: null, country: null, sector: null, ...rest });
    const entityNamed = (name: string) => {
      const i = acted.entities.findIndex((e) => e.name === name);
      assert.ok(i >= 0, `the fixture's names include ${name}`);
      return i;
    };
    acted.timexes = [
      { ...spanOf(acted, '2026-03-12'), type: 'DATE', value: '2026-03-12', anchor: null },
      { ...spanOf(acted, 'last month'), type: 'DATE', value: '2026-02', anchor: { kind: 'document', value: '2026-03-14' } },
    ];
    const event = (trigger: string, sentence: number, rest: Partial<EventMention>): EventMention => ({
      type: 'CONSULT', mode: null, context: null, cameo: '040', trigger: spanOf(acted, trigger), source: [], target: [], where: null,
      when: { value: '2026-03-14', from: 'article', timex: null }, status: 'asserted', reportedBy: null, sentence, ...rest,
    });
    acted.events = [
      event('met', 1, {
        mode: 'third-party', cameo: '043',
        source: [actor('Henrik Solvane', { entity: entityNamed('Henrik Solvane'), country: 'KVR', sector: 'GOV' })],
        target: [actor('Ilse Brandoch', { entity: entityNamed('Ilse Brandoch'), country: 'HLV', sector: 'GOV' })],
        where: { ...spanOf(acted, 'Skarholm'), name: 'Skarholm', entity: null, country: 'HLV' },
        when: { value: '2026-03-12', from: 'timex', timex: 0 },
      }),
      event('released', 2, { type: 'RETREAT', mode: 'release', context: 'prisoner exchange', cameo: '0841', source: [actor('Korvath', { country: 'KVR', sector: null })], when: { value: '2026-02', from: 'timex', timex: 1 } }),
      event('attend', 3, { status: 'negated', source: [actor('The Halvik government', { country: 'HLV', sector: 'GOV' })], when: { value: null, from: 'none', timex: null } }),
    ];
    const undated = processArticle('Harbour notes\n\nThe harbour in Halvik reopened after the storm, the port authority said.', 'text', { source: 'undated.txt' });

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
      assert.deepEqual(back.mentions, live.mentions);
      assert.deepEqual(back.entities, live.entities);
      assert.deepEqual(back.quotes, live.quotes);
      assert.deepEqual(back.timexes, live.timexes);
      store.put(quoted);
      assert.deepEqual(store.get(quoted.id)!.quotes, quoted.quotes);
      store.put(dated);
      assert.deepEqual(store.get(dated.id)!.timexes, dated.timexes, 'every field of a timex: type, value, mod, anchor with its span');
      assert.ok(store.has(live.id));
      assert.ok(store.isComplete(live.id), 'stored with every layer');
      assert.equal(store.isComplete('0000000000000000'), false);
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
      // the live blog's repeated entry is a share of its own text; the page's furniture is not counted
      assert.ok(articles[1].removedShare! > 0 && articles[1].removedShare! < 0.5, `live removedShare ${articles[1].removedShare}`);
      assert.equal(articles[0].removedShare, 0);
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

    test('failures page oldest first, and are counted', () => {
      const store = open();
      for (const name of ['a.txt', 'b.txt', 'c.txt']) store.recordFailure({ source: name, code: 'empty', reason: `${name}: the input is empty` });
      assert.equal(store.failureCount(), 3);
      assert.equal(store.failures().length, 3);
      assert.deepEqual(store.failures({ limit: 2, offset: 1 }).length, 2);
      assert.deepEqual(store.failures({ limit: 0 }), []);
      store.close();
    });

    test('facets count articles by publication day, language and outlet, undated ones apart', () => {
      const store = open();
      const text = (n: number) => `Harbour report ${n}\n\nThe harbour office reopened the northern quay on day ${n} after repairs to its cranes.`;
      const docs = [
        processArticle(text(1), 'text', { published: '2026-03-14T08:00:00Z', outlet: 'Halvik Post', language: 'en' }),
        processArticle(text(2), 'text', { published: '2026-03-14T21:30:00+02:00', outlet: 'Halvik Post', language: 'en' }),
        processArticle(text(3), 'text', { published: '2026-03-16', outlet: 'Meridian Wire', language: 'de' }),
        processArticle(text(4), 'text', { language: 'en' }),
      ];
      for (const d of docs) store.put(d);
      const f = store.facets();
      assert.equal(f.articles, 4);
      assert.equal(f.reports, 4, 'no copies');
      assert.equal(f.undated, 1);
      assert.deepEqual(f.days, [{ day: '2026-03-14', articles: 2 }, { day: '2026-03-16', articles: 1 }], 'the day as the article gives it, oldest first');
      assert.deepEqual(f.outlets, [{ outlet: 'Halvik Post', articles: 2 }, { outlet: 'Meridian Wire', articles: 1 }]);
      assert.equal(f.outletTotal, 2);
      assert.deepEqual(f.languages.map((l) => [l.language, l.articles]), [[docs[0].meta.language, 3], [docs[2].meta.language, 1]].sort((a, b) => Number(b[1]) - Number(a[1])));
      assert.equal(f.languageTotal, 2);
      assert.deepEqual(store.facets({ top: 1 }).outlets, [{ outlet: 'Halvik Post', articles: 2 }]);
      assert.throws(() => store.facets({ top: MAX_PAGE_SIZE + 1 }), TypeError);
      store.close();
    });

    test('entities are listed per article, with their mentions, roles and corpus entity', () => {
      const store = open();
      store.put(live);
      store.put(page);
      assert.ok(live.entities.length + page.entities.length > 0, 'the fixtures have names');
      for (const d of [live, page]) {
        const listed = store.articleEntities(d.id);
        assert.equal(listed.entities.reduce((n, e) => n + e.mentions, 0), d.mentions.length);
        assert.ok(listed.entities.every((e) => e.corpusEntity === null), 'not connected yet');
      }
      const first = live.entities[0];
      const listed = store.articleEntities(live.id);
      assert.equal(listed.total, live.entities.length);
      assert.deepEqual(listed.entities.map((e) => e.name), live.entities.map((e) => e.name));
      assert.equal(listed.entities[0].mentions, first.mentions.length);
      assert.deepEqual(listed.entities[0].roles, first.roles.map((r) => r.text));
      assert.ok(store.articleEntities(live.id, { type: 'PER' }).entities.every((e) => e.type === 'PER'));
      const livePeople = live.entities.filter((e) => e.type === 'PER').map((e) => e.name);
      assert.deepEqual(store.articleEntities(live.id, { type: 'PER' }), { total: livePeople.length, entities: store.articleEntities(live.id, { type: 'PER' }).entities });
      assert.deepEqual(store.articleEntities(live.id, { type: 'PER' }).entities.map((e) => e.name), livePeople);
      assert.deepEqual(store.articleEntities('0000000000000000'), { total: 0, entities: [] });
      store.close();
    });

    test("an article's entities page like every list, with their total", () => {
      const store = open();
      store.put(quoted);
      assert.ok(quoted.entities.length >= 3, 'the fixture has three names or more');
      const page = store.articleEntities(quoted.id, { limit: 1, offset: 1 });
      assert.equal(page.total, quoted.entities.length);
      assert.deepEqual(page.entities.map((e) => e.name), [quoted.entities[1].name]);
      assert.deepEqual(store.articleEntities(quoted.id, { limit: 0 }).entities, []);
      store.close();
    });

    test('a page larger than MAX_PAGE_SIZE is refused, not cut down in silence', () => {
      const store = open();
      store.put(live);
      assert.equal(store.list({ limit: MAX_PAGE_SIZE }).total, 1);
      const tooMany = (e: unknown) => e instanceof TypeError && e.message.includes(String(MAX_PAGE_SIZE));
      assert.throws(() => store.list({ limit: MAX_PAGE_SIZE + 1 }), tooMany);
      assert.throws(() => store.search('truce', { limit: MAX_PAGE_SIZE + 1 }), tooMany);
      assert.throws(() => store.articleEntities(live.id, { limit: 2000 }), tooMany);
      assert.throws(() => store.quotes({ limit: 2000 }), tooMany);
      assert.throws(() => store.list({ offset: -1 }), TypeError);
      store.close();
    });

    test('a search hit marks whole words: a dotted abbreviation or number keeps its dots', () => {
      const store = open();
      const doc = processArticle(
        'Talks resume\n\nTalks with the U.S. envoy resume at 9 a.m. on Friday, with water flows of 3.5 cubic metres a second agreed in Halvik.',
        'text',
      );
      store.put(doc);
      const marked = (query: string) =>
        store.search(query).hits.flatMap((h) => h.snippet.filter((p) => p.hit).map((p) => p.text));
      const shown = (query: string) => store.search(query).hits[0].snippet.map((p) => (p.hit ? `»${p.text}«` : p.text)).join('');
      assert.deepEqual(marked('"U.S."'), ['U.S.']);
      assert.match(shown('"U.S."'), /the »U\.S\.« envoy/);
      assert.deepEqual(marked('"a.m."'), ['a.m.']);
      assert.deepEqual(marked('3.5'), ['3.5']);
      assert.deepEqual(marked('S'), ['U.S.'], 'a hit inside the form marks all of it');
      assert.deepEqual(marked('Halvik'), ['Halvik'], 'a full stop after a word is not part of it');
      assert.match(shown('Halvik'), /»Halvik«\.$/);
      store.close();
    });

    test('quotes are listed across articles with their texts, spans, speakers and outlets', () => {
      const store = open();
      store.put(live);
      store.put(quoted);
      const mine = store.quotes({ doc: quoted.id });
      assert.equal(mine.total, 3);
      assert.deepEqual(mine.quotes.map((q) => [q.index, q.speaker, q.how, q.kind, q.via]), [
        [0, 'Henrik Solvane', 'named', 'direct', []],
        [1, 'Ilse Brandoch', 'named', 'direct', ['Meridian Wire', 'Ostmar Herald']],
        [2, 'Åsa Ørn', 'named', 'indirect', []],
      ]);
      const [first, second] = mine.quotes;
      assert.equal(first.articleId, quoted.id);
      assert.equal(first.articleTitle, 'Envoy stays in Halvik');
      assert.equal(first.content, '“We will not retreat,”');
      assert.equal(first.cue, 'said');
      assert.equal(first.source, 'Henrik Solvane');
      assert.deepEqual(first.spans.content, quoted.quotes[0].content);
      assert.deepEqual(first.spans.speaker, quoted.quotes[0].speaker.span);
      assert.deepEqual(second.spans.via, quoted.quotes[1].via.map((v) => ({ start: v.start, end: v.end })));
      for (const q of mine.quotes) assert.equal(quoted.text.slice(q.spans.content.start, q.spans.content.end), q.content);

      const all = store.quotes();
      assert.equal(all.total, quoted.quotes.length + live.quotes.length);
      assert.ok(all.quotes.slice(0, 3).every((q) => q.articleId === quoted.id), 'the newest article first, its quotes in text order');
      store.close();
    });

    test('quote filters: speaker and outlet by a part of the name in any case, article by id prefix, with paging', () => {
      const store = open();
      store.put(live);
      store.put(quoted);
      assert.deepEqual(store.quotes({ speaker: 'solVANE', doc: quoted.id }).quotes.map((q) => q.speaker), ['Henrik Solvane']);
      assert.deepEqual(store.quotes({ speaker: 'åsa ør' }).quotes.map((q) => q.speaker), ['Åsa Ørn'], 'case folding beyond ASCII');
      assert.deepEqual(store.quotes({ via: 'herald', doc: quoted.id }).quotes.map((q) => q.speaker), ['Ilse Brandoch'], 'any outlet of the chain');
      assert.deepEqual(store.quotes({ via: 'wire\nostmar' }).quotes, [], 'a filter does not run across two outlet names');
      assert.deepEqual(store.quotes({ via: 'meridian', speaker: 'solvane' }).quotes, [], 'filters combine');
      assert.equal(store.quotes({ speaker: '%' }).total, 0, 'no wildcards');
      assert.equal(store.quotes({ speaker: '' }).total, store.quotes().total, 'an empty filter is no filter');
      assert.equal(store.quotes({ doc: quoted.id.slice(0, 6) }).total, 3, 'a unique id prefix is enough');

      const page = store.quotes({ doc: quoted.id, limit: 1, offset: 1 });
      assert.equal(page.total, 3);
      assert.deepEqual(page.quotes.map((q) => q.speaker), ['Ilse Brandoch']);
      assert.throws(() => store.quotes({ doc: 'zzzz' }), (e: unknown) => e instanceof ArticleIdError && e.code === 'not-found' && e.message.includes('zzzz'));
      store.close();
    });

    test('the publishing outlet ends every quote\'s chain, and --via matches it', () => {
      const store = open();
      const wired = processArticle('Envoy hopeful\n\n“The river will be shared,” said Henrik Solvane on Friday.', 'text', {
        title: 'Envoy hopeful',
        outlet: 'Méridian Wire',
        source: 'wired.txt',
      });
      wired.quotes = [handQuote(wired, { content: '“The river will be shared,”', cue: 'said', source: 'Henrik Solvane', speaker: 'Henrik Solvane' })];
      store.put(wired);
      store.put(quoted);
      const [row] = store.quotes({ doc: wired.id }).quotes;
      assert.deepEqual([row.via, row.outlet, quoteChain(row)], [[], 'Méridian Wire', ['Méridian Wire']]);
      assert.deepEqual(store.quotes({ via: 'MÉRIDIAN wire' }).quotes.map((q) => [q.articleId, q.speaker]), [[wired.id, 'Henrik Solvane']], 'the publishing outlet, in any case');
      assert.deepEqual(store.quotes({ via: 'meridian wire' }).quotes.map((q) => q.speaker), ['Ilse Brandoch'], 'a named outlet still counts');
      assert.deepEqual(quoteChain({ via: ['TASS', 'Meridian Wire'], outlet: 'meridian wire' }), ['TASS', 'Meridian Wire'], 'the outlet is not repeated');
      assert.deepEqual(quoteChain({ via: ['TASS'], outlet: null }), ['TASS']);
      assert.deepEqual(quoteChain({ via: ['Halvik Post'], outlet: 'The Halvik Post – Selka crisis' }), ['Halvik Post'], 'nor when one name holds the other');
      store.close();
    });

    test('putting an article again replaces its quotes', () => {
      const store = open();
      store.put(quoted);
      const fewer = { ...quoted, quotes: quoted.quotes.slice(0, 1) };
      store.put(fewer);
      assert.deepEqual(store.quotes({ doc: quoted.id }).quotes.map((q) => q.speaker), ['Henrik Solvane']);
      assert.equal(store.get(quoted.id)!.quotes.length, 1);
      store.close();
    });

    test('remove deletes an article with its layers, names, quotes, dates and index entries, and nothing else', () => {
      const store = open();
      store.put(live);
      store.put(quoted);
      store.put(dated);
      assert.equal(store.remove(dated.id), true);
      assert.equal(store.timexes().total, live.timexes.length, 'its timexes went with it');
      assert.deepEqual(store.quotes({ speaker: 'officials' }).quotes, []);
      assert.ok(quoted.entities.length > 0 && quoted.quotes.length > 0, 'the fixture has names and quotes');
      assert.equal(store.remove(quoted.id), true);
      assert.equal(store.count(), 1);
      assert.equal(store.get(quoted.id), undefined);
      assert.equal(store.has(quoted.id), false);
      assert.equal(store.search('Brandoch').total, 0);
      assert.deepEqual(store.articleEntities(quoted.id).entities, []);
      assert.equal(store.quotes().total, live.quotes.length);
      assert.equal(store.articleEntities(live.id).entities.reduce((n, e) => n + e.mentions, 0), live.mentions.length);
      assert.equal(store.search('truce').total, 1, 'the other article stays searchable');
      assert.equal(store.remove(quoted.id), false, 'removing twice finds nothing');
      store.put(quoted);
      assert.equal(store.quotes({ doc: quoted.id }).total, quoted.quotes.length, 'an article removed can be stored again');
      store.close();
    });

    test("timexes are listed per article in text order, with their words, type, value, mod and anchor", () => {
      const store = open();
      store.put(live);
      store.put(dated);
      const mine = store.timexes({ doc: dated.id.slice(0, 6) });
      assert.equal(mine.total, 3);
      assert.deepEqual(
        mine.timexes.map((t) => [t.index, t.text, t.type, t.value, t.mod, t.anchor?.kind ?? null]),
        [
          [0, '2026-03-12', 'DATE', '2026-03-12', null, null],
          [1, 'next week', 'DATE', '2026-W12', null, 'document'],
          [2, 'three days', 'DURATION', 'P3D', 'APPROX', 'text'],
        ],
      );
      const [first, , last] = mine.timexes;
      assert.equal(first.articleId, dated.id);
      assert.equal(first.articleTitle, 'Truce holds in Halvik');
      assert.deepEqual([first.start, first.end], [dated.timexes[0].start, dated.timexes[0].end]);
      assert.deepEqual(last.anchor, dated.timexes[2].anchor);
      assert.deepEqual(store.timexes({ doc: dated.id, type: 'DURATION' }).timexes.map((t) => t.value), ['P3D']);
      const page = store.timexes({ doc: dated.id, limit: 1, offset: 1 });
      assert.deepEqual([page.total, page.timexes.map((t) => t.value)], [3, ['2026-W12']]);
      assert.equal(store.timexes().total, dated.timexes.length + live.timexes.length, 'across the corpus');
      assert.throws(() => store.timexes({ doc: 'zzzz' }), (e: unknown) => e instanceof ArticleIdError && e.code === 'not-found');
      assert.throws(() => store.timexes({ limit: MAX_PAGE_SIZE + 1 }), TypeError);
      store.put({ ...dated, timexes: dated.timexes.slice(0, 1) });
      assert.equal(store.timexes({ doc: dated.id }).total, 1, 'putting an article again replaces its timexes');
      store.close();
    });

    test('events are stored with every field and listed latest first, each with its actors, place, date, sentence and a readable line', () => {
      const store = open();
      store.put(live);
      store.put(acted);
      assert.deepEqual(store.get(acted.id)!.events, acted.events, 'every field of an event comes back');
      const all = store.events();
      assert.equal(all.total, 3);
      assert.deepEqual(all.events.map((e) => [e.index, e.type, e.trigger, e.date, e.dateFrom]), [
        [0, 'CONSULT', 'met', '2026-03-12', 'timex'],
        [1, 'RETREAT', 'released', '2026-02', 'timex'],
        [2, 'CONSULT', 'attend', null, 'none'],
      ], 'the latest dated first, undated last');
      const [met, released, attend] = all.events;
      assert.equal(met.articleId, acted.id);
      assert.equal(met.articleTitle, 'Envoy meets minister');
      assert.equal(met.outlet, 'Meridian Wire');
      assert.equal(met.sentence, 'Henrik Solvane met Ilse Brandoch in Skarholm on 2026-03-12.');
      assert.deepEqual(met.spans.trigger, spanOf(acted, 'met'));
      assert.deepEqual(met.spans.sentence, acted.sentences[1]);
      assert.deepEqual(met.source.map((a) => [a.text, a.name, a.country, a.sector, a.corpusEntity]), [['Henrik Solvane', 'Henrik Solvane', 'KVR', 'GOV', null]]);
      assert.deepEqual(met.place, { name: 'Skarholm', country: 'HLV', ...spanOf(acted, 'Skarholm') });
      assert.equal(met.summary, 'Henrik Solvane (KVR GOV) — CONSULT, third-party → Ilse Brandoch (HLV GOV), Skarholm, 2026-03-12');
      assert.equal(released.summary, 'Korvath (KVR) — RETREAT, release (prisoner exchange), 2026-02');
      assert.equal(attend.summary, 'The Halvik government (HLV GOV) — CONSULT (did not happen)');
      store.close();
    });

    test('event facets count events by day (those dated to one day) and by type', () => {
      const store = open();
      assert.deepEqual(store.eventFacets(), { events: 0, undated: 0, days: [], types: [] });
      store.put(acted);
      assert.deepEqual(store.eventFacets(), {
        events: 3,
        undated: 2,
        days: [{ day: '2026-03-12', events: 1 }],
        types: [{ type: 'CONSULT', events: 2 }, { type: 'RETREAT', events: 1 }],
      });
      store.close();
    });

    test('event filters: type, actor words or name in any case, country of either side, days the date overlaps, article, with paging', () => {
      const store = open();
      store.put(acted);
      const types = (f: Parameters<Store['events']>[0]) => store.events(f).events.map((e) => e.trigger);
      assert.deepEqual(types({ type: 'RETREAT' }), ['released']);
      assert.deepEqual(types({ actor: 'brandoch' }), ['met'], 'a target counts');
      assert.deepEqual(types({ actor: 'solvane ' }), ['met'], 'the filter is trimmed');
      assert.deepEqual(types({ country: 'hlv' }), ['met', 'attend'], 'a source or a target, any case');
      assert.deepEqual(types({ country: 'KVR', type: 'CONSULT' }), ['met']);
      assert.deepEqual(types({ from: '2026-02-20', to: '2026-03-01' }), ['released'], 'a month overlaps the range');
      assert.deepEqual(types({ from: '2026-03-12' }), ['met']);
      assert.deepEqual(types({ to: '2026-03-11' }), ['released'], 'events without a date are left out of a range');
      assert.deepEqual(types({ doc: acted.id.slice(0, 6) }), ['met', 'released', 'attend']);
      assert.deepEqual(types({ entity: 'no-such-entity' }), []);
      const page = store.events({ limit: 1, offset: 1 });
      assert.deepEqual([page.total, page.events.map((e) => e.trigger)], [3, ['released']]);
      assert.throws(() => store.events({ doc: 'zzzz' }), (e: unknown) => e instanceof ArticleIdError && e.code === 'not-found');
      assert.throws(() => store.events({ from: '12 March' }), TypeError);
      assert.throws(() => store.events({ limit: MAX_PAGE_SIZE + 1 }), TypeError);
      store.put({ ...acted, events: acted.events.slice(0, 1) });
      assert.equal(store.events().total, 1, 'putting an article again replaces its events');
      assert.equal(store.remove(acted.id), true);
      assert.equal(store.events().total, 0, 'its events went with it');
      store.close();
    });

    test("each quote carries its date: the day its sentence names, else the article's, and says which", () => {
      const store = open();
      store.put(dated);
      store.put(undated);
      assert.deepEqual(
        store.quotes({ doc: dated.id }).quotes.map((q) => [q.speaker, q.date, q.dateFrom]),
        [
          ['Henrik Solvane', '2026-03-12', 'sentence'],
          ['officials', '2026-03-14', 'article'],
        ],
        'the second sentence names a week, not a day',
      );
      const wired = { ...undated, quotes: [handQuote(undated, { content: 'The harbour in Halvik reopened after the storm', cue: 'said', source: 'the port authority', speaker: 'the port authority', kind: 'indirect' })] };
      store.put(wired);
      assert.deepEqual(store.quotes({ doc: undated.id }).quotes.map((q) => [q.date, q.dateFrom]), [[null, null]], 'nothing dates it');
      store.close();
    });

    test('lists and search take a range of publication days, both ends inclusive, and leave out undated articles', () => {
      const store = open();
      for (const d of [live, page, quoted, dated, undated]) store.put(d);
      const ids = (r: { articles: { id: string }[] }) => r.articles.map((a) => a.id);
      assert.deepEqual(ids(store.list({ from: '2026-03-17', to: '2026-03-18' })), [page.id, live.id]);
      assert.deepEqual(ids(store.list({ from: '2026-03-18' })), [quoted.id, page.id]);
      assert.deepEqual(ids(store.list({ to: '2026-03-14' })), [dated.id], 'a timestamp on the last day is in');
      assert.deepEqual(ids(store.list({ from: '2026-03-14', to: '2026-03-14' })), [dated.id]);
      assert.deepEqual(store.list({ from: '2026-03-20' }), { total: 0, articles: [] });
      assert.equal(store.list().total, 5, 'no range, every article, the undated one too');
      assert.equal(store.list({ from: '2026-01-01' }).total, 4, 'any range leaves out the undated article');
      const folded = store.list({ from: '2026-03-17', to: '2026-03-18', fold: true });
      assert.deepEqual([folded.total, ids(folded)], [2, [page.id, live.id]]);
      const paged = store.list({ from: '2026-03-14', limit: 1, offset: 1 });
      assert.deepEqual([paged.total, ids(paged)], [4, [page.id]]);

      assert.equal(store.search('Halvik').total, 4);
      const found = store.search('Halvik', { from: '2026-03-17', to: '2026-03-19' });
      assert.deepEqual([found.total, found.hits.map((h) => h.id).sort()], [2, [live.id, quoted.id].sort()]);
      assert.ok(found.hits.every((h) => h.snippet.some((p) => p.hit)));
      assert.deepEqual(store.search('Halvik', { from: '2026-03-14', limit: 1 }).total, 3, 'the total counts the range, not the page');
      assert.equal(store.search('Halvik', { to: '2026-03-13' }).total, 0);
      assert.throws(() => store.list({ from: '17 March' }), TypeError);
      assert.throws(() => store.search('Halvik', { to: '2026-02-30' }), TypeError);
      store.close();
    });

    test('lists and search filter by outlet, language, story, entity and event type, and count the facets of the whole result', () => {
      const store = open();
      const german = processArticle(
        'Waffenruhe in Halvik hält\n\nDie Waffenruhe in Halvik hält seit drei Tagen, sagte der Gesandte Henrik Solvane am Montag in Skarholm. Die Gespräche sollen am Freitag weitergehen.',
        'text',
        { title: 'Waffenruhe in Halvik hält', outlet: 'Westmark Zeitung', published: '2026-03-16', language: 'de', source: 'waffenruhe.txt' },
      );
      const docs = [live, page, quoted, dated, acted, undated, german];
      for (const d of docs) store.put(d);
      connect(store);
      assert.equal(store.get(german.id)!.meta.language, 'de', 'the fixture declares German');

      // what each article has, read article by article: the oracle the facets are checked against
      const factsOf = new Map(
        docs.map((d) => {
          const facts = store.corpus.articleFacts(d.id);
          const summary = store.list({ limit: MAX_PAGE_SIZE }).articles.find((a) => a.id === d.id)!;
          return [
            d.id,
            {
              outlet: summary.outlet,
              language: summary.language,
              story: facts.story?.id ?? null,
              entities: new Set(facts.entities.filter((e): e is string => e !== null)),
              types: new Set(store.events({ doc: d.id, limit: MAX_PAGE_SIZE }).events.map((e) => e.type)),
            },
          ] as const;
        }),
      );
      const has = (id: string, name: FacetName, value: string): boolean => {
        const f = factsOf.get(id)!;
        if (name === 'entity') return f.entities.has(value);
        if (name === 'type') return f.types.has(value as EventType);
        return f[name] === value;
      };
      const stories = new Set([...factsOf.values()].map((f) => f.story).filter((x) => x !== null));
      assert.ok(stories.size >= 1, 'connecting made stories');
      const solvane = store.corpus.entityDetail('Henrik Solvane')!;
      assert.ok(solvane, 'connecting made a corpus entity of Henrik Solvane');

      /** A filter with a facet's value chosen as well: entities and types add up, the others are one value each. */
      const choose = (filter: ArticleFilter, name: FacetName, value: string): ArticleFilter => {
        if (name !== 'entity' && name !== 'type') return { ...filter, [name]: value };
        const before = filter[name];
        return { ...filter, [name]: [...(before === undefined ? [] : typeof before === 'string' ? [before] : before), value] };
      };
      /** Checks a result's facets against the oracle: every count is the articles of the result that have the value, and choosing the value gives that total. */
      const checkFacets = (label: string, ids: string[], facets: ResultFacets | undefined, narrowed: (name: FacetName, value: string) => { total: number; ids: string[] }) => {
        assert.ok(facets, `${label}: facets asked for`);
        assert.deepEqual(Object.keys(facets), [...FACET_NAMES]);
        for (const name of FACET_NAMES) {
          const values: FacetValue[] = facets![name];
          assert.deepEqual(values.map((v) => v.count), values.map((v) => v.count).sort((a, b) => b - a), `${label}: ${name} most first`);
          for (const v of values) {
            const expected = ids.filter((id) => has(id, name, v.value));
            assert.equal(v.count, expected.length, `${label}: ${name} ${v.value}`);
            const chosen = narrowed(name, v.value);
            assert.equal(chosen.total, v.count, `${label}: choosing ${name} ${v.value} gives its count`);
            assert.deepEqual([...chosen.ids].sort(), [...expected].sort(), `${label}: choosing ${name} ${v.value} keeps the articles that have it`);
          }
          if (name === 'outlet' || name === 'language' || name === 'story' || name === 'type') {
            // every value the result's articles have is listed (there are fewer than the top asked for)
            const all = new Set(ids.flatMap((id) => { const f = factsOf.get(id)!; return name === 'type' ? [...f.types] : [f[name]]; }).filter((x) => x !== null));
            assert.deepEqual(values.map((v) => v.value).sort(), [...all].sort(), `${label}: every ${name} of the result`);
          }
        }
      };

      const everything = store.list({ limit: MAX_PAGE_SIZE, facets: 50 });
      assert.equal(everything.total, docs.length);
      checkFacets('list', everything.articles.map((a) => a.id), everything.facets, (name, value) => {
        const r = store.list({ ...choose({}, name, value), limit: MAX_PAGE_SIZE });
        return { total: r.total, ids: r.articles.map((a) => a.id) };
      });
      const facets = everything.facets!;
      assert.deepEqual(facets.outlet.map((v) => [v.value, v.label, v.count]).sort(), [['Meridian Wire', 'Meridian Wire', 1], ['Ostmar Herald', 'Ostmar Herald', 1], ['Westmark Zeitung', 'Westmark Zeitung', 1]]);
      assert.deepEqual(facets.language.find((v) => v.value === 'de'), { value: 'de', label: 'de', count: 1 });
      assert.equal(store.events({ doc: acted.id, type: 'CONSULT' }).total, 2);
      const consult = facets.type.find((v) => v.value === 'CONSULT')!;
      assert.equal(consult.count, [...factsOf.values()].filter((f) => f.types.has('CONSULT')).length, 'an article with two CONSULT events counts once');
      const solvaneFacet = facets.entity.find((v) => v.value === solvane.id);
      assert.ok(solvaneFacet, 'Henrik Solvane is among the entities');
      assert.deepEqual([solvaneFacet.label, solvaneFacet.entityType], ['Henrik Solvane', 'PER']);
      for (const v of facets.story) assert.equal(v.label, store.corpus.storyDetail(v.value)!.title);
      assert.deepEqual(store.list({ facets: 1 }).facets!.entity.length, 1, 'the first `facets` values of each');
      assert.equal(store.list({ limit: 1 }).facets, undefined, 'no facets unless asked for');

      // a search: the facets count every hit, not one page
      const found = store.search('Halvik', { limit: 1, facets: 50 });
      const hitIds = store.search('Halvik', { limit: MAX_PAGE_SIZE }).hits.map((h) => h.id);
      assert.equal(found.total, hitIds.length);
      assert.ok(hitIds.length >= 4 && hitIds.length < docs.length, `some articles, not all (${hitIds.length})`);
      checkFacets('search', hitIds, found.facets, (name, value) => {
        const r = store.search('Halvik', { ...choose({}, name, value), limit: MAX_PAGE_SIZE });
        return { total: r.total, ids: r.hits.map((h) => h.id) };
      });

      // filters combine with each other and with the dates; the facets follow
      const solvaneArticles = store.list({ entity: solvane.id, limit: MAX_PAGE_SIZE }).articles.map((a) => a.id);
      assert.ok(solvaneArticles.includes(acted.id) && solvaneArticles.includes(quoted.id), solvaneArticles.join(', '));
      const both = store.list({ entity: solvane.id, language: 'en', facets: 50 });
      const bothIds = solvaneArticles.filter((id) => factsOf.get(id)!.language === 'en');
      assert.deepEqual(both.articles.map((a) => a.id).sort(), [...bothIds].sort());
      checkFacets('entity and language', bothIds, both.facets, (name, value) => {
        const r = store.list({ ...choose({ entity: solvane.id, language: 'en' }, name, value), limit: MAX_PAGE_SIZE });
        return { total: r.total, ids: r.articles.map((a) => a.id) };
      });
      const ids = (r: { articles: { id: string }[] } | { hits: { id: string }[] }) => ('articles' in r ? r.articles : r.hits).map((a) => a.id).sort();
      const where = (ok: (id: string, published: string) => boolean, among = docs.map((d) => d.id)) => among.filter((id) => ok(id, store.get(id)!.meta.published ?? '')).sort();
      assert.deepEqual(ids(store.list({ type: 'CONSULT', outlet: 'Meridian Wire' })), [acted.id]);
      assert.deepEqual(ids(store.list({ type: ['CONSULT', 'RETREAT'] })), where((id) => has(id, 'type', 'CONSULT') && has(id, 'type', 'RETREAT')), 'two types: articles with both');
      assert.ok(ids(store.list({ type: ['CONSULT', 'RETREAT'] })).includes(acted.id));
      assert.deepEqual(ids(store.list({ type: 'CONSULT', from: '2026-03-15' })), where((id, day) => has(id, 'type', 'CONSULT') && day >= '2026-03-15'));
      const retreats = ids(store.search('Halvik', { type: 'RETREAT', to: '2026-03-14', limit: MAX_PAGE_SIZE }));
      assert.deepEqual(retreats, where((id, day) => has(id, 'type', 'RETREAT') && day !== '' && day.slice(0, 10) <= '2026-03-14', hitIds));
      assert.ok(retreats.includes(acted.id));
      const prefix = solvane.id.slice(0, 6);
      assert.deepEqual(store.list({ entity: prefix }).total, solvaneArticles.length, 'a unique prefix of an id is enough');
      const folded = store.list({ fold: true, entity: solvane.id, facets: 5 });
      assert.equal(folded.facets!.entity.find((v) => v.value === solvane.id)?.count, folded.total, 'folded, the facets count what the list counts');

      // a value that names nothing is a FilterError naming the filter; a malformed one a TypeError
      const refused = (filter: ArticleFilter, name: FacetName, message: RegExp) =>
        assert.throws(() => store.list(filter), (e: unknown) => e instanceof FilterError && e.filter === name && message.test(e.message), JSON.stringify(filter));
      refused({ story: 'snothing' }, 'story', /^no story with id "snothing"$/);
      refused({ entity: 'enothing' }, 'entity', /^no corpus entity with id "enothing"$/);
      refused({ outlet: 'Nowhere Times' }, 'outlet', /no article has the outlet "Nowhere Times"/);
      refused({ language: 'xx' }, 'language', /no article is in the language "xx"/);
      assert.throws(() => store.search('Halvik', { story: 'snothing' }), FilterError);
      if (facets.entity.length > 1) refused({ entity: 'e' }, 'entity', /several corpus entities/);
      assert.throws(() => store.list({ type: 'consult' as EventType }), TypeError);
      assert.throws(() => store.list({ facets: -1 }), TypeError);
      assert.throws(() => store.search('Halvik', { facets: MAX_PAGE_SIZE + 1 }), TypeError);
      assert.deepEqual(store.list({ outlet: '', story: '' }).total, docs.length, 'an empty value is no filter');
      store.close();
    });

    test(`a result longer than ${FACET_SAMPLE} articles has its facets counted over its first ${FACET_SAMPLE}, and says so`, () => {
      const store = open();
      const base = processArticle('Talks in Halvik\n\nHenrik Solvane met Ilse Brandoch in Halvik on Thursday.', 'text', { published: '2026-03-14' });
      const newest = 7;
      const n = FACET_SAMPLE + 25;
      // the same article under other ids: the newest few from one outlet, the rest from another
      for (let i = 0; i < n; i++) {
        const published = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
        store.put({ ...base, id: `${i.toString(16).padStart(16, '0')}`, meta: { ...base.meta, published, outlet: i >= n - newest ? 'Halvik Post' : 'Meridian Wire' } });
      }
      const listed = store.list({ limit: 5, facets: 5 });
      assert.equal(listed.total, n);
      assert.equal(listed.facetsCounted, FACET_SAMPLE);
      assert.deepEqual(listed.facets!.outlet, [
        { value: 'Meridian Wire', label: 'Meridian Wire', count: FACET_SAMPLE - newest },
        { value: 'Halvik Post', label: 'Halvik Post', count: newest },
      ]);
      const found = store.search('Solvane', { limit: 5, facets: 5 });
      assert.equal(found.total, n);
      assert.equal(found.facetsCounted, FACET_SAMPLE);
      assert.equal(found.facets!.outlet.reduce((sum, v) => sum + v.count, 0), FACET_SAMPLE);
      // narrowed to fewer, every article is counted
      const narrow = store.list({ outlet: 'Halvik Post', facets: 5 });
      assert.equal(narrow.facetsCounted, newest);
      assert.deepEqual(narrow.facets!.outlet, [{ value: 'Halvik Post', label: 'Halvik Post', count: newest }]);
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
