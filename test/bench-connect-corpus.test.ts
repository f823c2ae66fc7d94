// The connect benchmark's generated corpus (scripts/bench/connect-corpus.ts): the same articles
// for the same seed, and layers a real pipeline could have produced (every span inside the
// text, layers sorted, indexes pointing where they should).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSpan, type Span } from '../src/doc/span.ts';
import type { Doc } from '../src/doc/doc.ts';
import { aliasCorpus, connectCorpus, copiesOfOne, crowdedArticle, storyCorpus } from '../scripts/bench/connect-corpus.ts';

const SAMPLE = 400;

/** Throws unless a layer is sorted by start and its items do not overlap. */
function assertSortedApart(name: string, items: readonly Span[]): void {
  for (let i = 1; i < items.length; i++) {
    assert.ok(items[i - 1].end <= items[i].start, `${name} ${i - 1} [${items[i - 1].start}, ${items[i - 1].end}) and ${i} [${items[i].start}, ${items[i].end}) overlap or are out of order`);
  }
}

/** Every check the generated layers must pass, for one Doc. */
function assertConsistent(doc: Doc): void {
  const n = doc.text.length;
  for (const layer of [doc.blocks, doc.sentences, doc.tokens, doc.mentions] as const) for (const s of layer) assertSpan(s, n);
  assertSortedApart('blocks', doc.blocks);
  assertSortedApart('sentences', doc.sentences);
  assertSortedApart('tokens', doc.tokens);
  assertSortedApart('mentions', doc.mentions);
  assert.equal(doc.meta.title, doc.text.slice(doc.blocks[0].start, doc.blocks[0].end));
  assert.ok(!Number.isNaN(Date.parse(doc.meta.published ?? '')), 'a publication date');
  assert.ok(doc.meta.outlet, 'an outlet');

  // tokens: no white space inside, none outside a sentence, every word or number of the text a token
  const tokenStarts = new Set(doc.tokens.map((t) => t.start));
  const tokenEnds = new Set(doc.tokens.map((t) => t.end));
  let sentence = 0;
  for (const t of doc.tokens) {
    const text = doc.text.slice(t.start, t.end);
    assert.ok(text.length > 0 && !/\s/.test(text), `token "${text}"`);
    assert.match(t.pos, /^(PROPN|NOUN|VERB|ADJ|ADV|ADP|DET|PRON|AUX|CCONJ|SCONJ|NUM|PUNCT|PART)$/);
    assert.equal(t.type, /^\p{P}+$/u.test(text) ? 'punctuation' : /^\d/.test(text) ? 'number' : 'word', `type of "${text}"`);
    while (doc.sentences[sentence].end < t.end) sentence++;
    assert.ok(doc.sentences[sentence].start <= t.start, `token "${text}" at ${t.start} outside every sentence`);
  }
  const covered = doc.tokens.reduce((sum, t) => sum + t.end - t.start, 0);
  assert.equal(covered, doc.text.replace(/\s/g, '').length, 'tokens cover every character but white space');

  // mentions and entities point to each other; a mention is whole tokens and writes its entity's name or an alias
  doc.mentions.forEach((m, i) => {
    assert.ok(tokenStarts.has(m.start) && tokenEnds.has(m.end), `mention ${i} is whole tokens`);
    const e = doc.entities[m.entity];
    assert.ok(e, `mention ${i} has an entity`);
    assert.equal(m.type, e.type);
    assert.ok(e.mentions.includes(i), `entity ${m.entity} lists mention ${i}`);
    const form = doc.text.slice(m.start, m.end);
    assert.ok(form === e.name || e.aliases.includes(form), `"${form}" is a form of ${e.name}`);
  });
  doc.entities.forEach((e, i) => {
    assert.ok(e.mentions.length > 0, `entity ${i} is mentioned`);
    assert.deepEqual(e.mentions, [...e.mentions].sort((a, b) => a - b));
    for (const m of e.mentions) assert.equal(doc.mentions[m].entity, i);
    if (i > 0) assert.ok(doc.mentions[doc.entities[i - 1].mentions[0]].start < doc.mentions[e.mentions[0]].start, 'entities in order of first mention');
    for (const r of e.roles) {
      assertSpan(r, n);
      assert.equal(doc.text.slice(r.start, r.end), r.text);
    }
  });

  // quotes: in text order, content, cue and source inside the text, the speaker the source's entity
  assert.deepEqual(doc.quotes.map((q) => q.content.start), doc.quotes.map((q) => q.content.start).sort((a, b) => a - b));
  for (const q of doc.quotes) {
    for (const s of [q.content, q.cue, q.source, q.speaker.span]) if (s) assertSpan(s, n);
    assert.equal(doc.text.slice(q.cue!.start, q.cue!.end), 'said');
    const source = doc.mentions.find((m) => m.start === q.source!.start && m.end === q.source!.end);
    assert.ok(source, 'the source is a mention');
    assert.equal(q.speaker.entity, source.entity);
    assert.equal(q.speaker.name, doc.entities[source.entity].name);
  }
}

test('the same seed gives the same articles; another seed gives others', () => {
  const a = [...connectCorpus(150, { seed: 7 })];
  const b = [...connectCorpus(150, { seed: 7 })];
  assert.deepEqual(a, b);
  const c = [...connectCorpus(150, { seed: 8 })];
  assert.notDeepEqual(c.map((d) => d.text), a.map((d) => d.text));
  assert.deepEqual([...copiesOfOne(20)], [...copiesOfOne(20)]);
  assert.deepEqual(crowdedArticle(30), crowdedArticle(30));
});

test('every span is inside its text and every layer is sorted and consistent', () => {
  const docs = [...connectCorpus(SAMPLE)];
  for (const doc of docs) assertConsistent(doc);
  for (const doc of copiesOfOne(30)) assertConsistent(doc);
  assertConsistent(crowdedArticle(100));
  for (const doc of aliasCorpus(20, 60).docs) assertConsistent(doc);
  for (const doc of storyCorpus(50)) assertConsistent(doc);
});

test('the corpus reads like news: unique articles, dates in order, several outlets, copies, quotes and common names', () => {
  const docs = [...connectCorpus(SAMPLE)];
  assert.equal(new Set(docs.map((d) => d.id)).size, docs.length, 'every article has its own id');
  const dates = docs.map((d) => Date.parse(d.meta.published!));
  assert.deepEqual(dates, [...dates].sort((x, y) => x - y), 'published in order');
  assert.ok(new Set(docs.map((d) => d.meta.outlet)).size >= 8, 'several outlets');
  assert.ok(docs.filter((d) => d.quotes.length).length > docs.length / 2, 'most articles quote someone');
  const share = (name: string) => docs.filter((d) => d.entities.some((e) => e.name === name)).length / docs.length;
  assert.ok(share('Helen Marsh') > 0.1 && share('United States') > 0.15, 'a head of state and a country in a large share');
  // copies: articles whose body sentences mostly appear in an earlier article
  const seen = new Set<string>();
  let copies = 0;
  for (const d of docs) {
    const body = d.sentences.map((s) => d.text.slice(s.start, s.end)).filter((s) => s.split(' ').length > 6);
    if (body.filter((s) => seen.has(s)).length >= body.length / 2) copies++;
    for (const s of body) seen.add(s);
  }
  assert.ok(copies > docs.length * 0.05, `copies among the articles (${copies})`);
});

test('the bad inputs hold what they promise', () => {
  const copies = [...copiesOfOne(50)];
  assert.equal(new Set(copies.map((d) => d.id)).size, 50);
  const crowded = crowdedArticle(500);
  assert.ok(new Set(crowded.entities.filter((e) => e.type === 'PER').map((e) => e.name)).size >= 500);
  const aliases = aliasCorpus(40, 200);
  assert.equal(aliases.forms.length, 200);
  const written = new Set<string>();
  for (const d of aliases.docs) for (const m of d.mentions) if (aliases.forms.includes(d.text.slice(m.start, m.end))) written.add(d.text.slice(m.start, m.end));
  assert.equal(written.size, 200, 'every form written in some article');
});

test('generated articles carry events between the names of their sentences, and copies tell the same ones', () => {
  const docs = [...connectCorpus(300, { seed: 7 })];
  const withEvents = docs.filter((d) => d.events.length);
  assert.ok(withEvents.length > docs.length / 2, `${withEvents.length} of ${docs.length} articles have events`);
  for (const d of withEvents) {
    for (const e of d.events) {
      assert.ok(e.source[0].entity !== null && e.target[0].entity !== null && e.source[0].entity !== e.target[0].entity);
      assert.equal(d.text.slice(e.source[0].start, e.source[0].end), e.source[0].text);
      const s = d.sentences[e.sentence];
      assert.ok(e.trigger.start >= s.start && e.trigger.end <= s.end);
    }
  }
  // an event's sentence told twice (a copy) is the same event
  const byText = new Map<string, string>();
  let repeated = 0;
  for (const d of withEvents) {
    for (const e of d.events) {
      const s = d.sentences[e.sentence];
      const key = d.text.slice(s.start, s.end);
      const what = `${e.type} ${e.source[0].text} ${e.target[0].text}`;
      if (byText.has(key)) {
        repeated++;
        assert.equal(byText.get(key), what);
      } else byText.set(key, what);
    }
  }
  assert.ok(repeated > 0, 'some sentences are told again by copies');
});
