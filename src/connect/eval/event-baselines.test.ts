import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from '../../doc/doc.ts';
import { eventBaselines, eventsOf, triggerLemma, type ProductEvent } from './event-baselines.ts';
import { productArticle } from './entity-baselines.ts';

/** Tokens of a text split at spaces, each tagged in turn with `tags`. */
function tokens(text: string, tags: string[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ start: m.index, end: m.index + m[0].length, pos: tags[out.length], type: 'word' });
  return out;
}

const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

test('triggerLemma looks the trigger up in the events lexicon as a verb or a noun, else lower-cases it', () => {
  const text = 'Brandoch met hunger strikers after Meetings and Xyzzying';
  const doc = { text, tokens: tokens(text, ['PROPN', 'VERB', 'NOUN', 'NOUN', 'ADP', 'NOUN', 'CCONJ', 'VERB']) };
  assert.equal(triggerLemma(doc, { trigger: span(text, 'met') }), 'meet');
  assert.equal(triggerLemma(doc, { trigger: span(text, 'Meetings') }), 'meeting');
  assert.equal(triggerLemma(doc, { trigger: span(text, 'Xyzzying') }), 'xyzzying');
  // "met" read as a noun is no lexicon noun: the word itself
  const asNoun = { text, tokens: tokens(text, ['PROPN', 'NOUN']) };
  assert.equal(triggerLemma(asNoun, { trigger: span(text, 'met') }), 'met');
});

test('eventsOf gives the article’s events as trigger spans of the whole ECB+ text, in the article’s order', () => {
  const url = 'http://halvik.org/brena-arrest';
  const text = `${url}\nBrena mayor arrested\nMarch 10, 2026\nPolice arrested Mayor Ilse Brandoch in Brena on Monday, March 9. The Halvik Port Authority condemned the arrest.`;
  const doc = { id: 'invented', text, url, bodyStart: url.length + 1 };
  const article = productArticle(doc);
  const events = eventsOf(doc, article);
  assert.equal(events.length, article.events.length);
  assert.ok(events.length >= 2, JSON.stringify(events));
  events.forEach((e, i) => {
    assert.equal(text.slice(e.start, e.end).toLowerCase(), e.word);
    assert.equal(e.type, article.events[i].type);
    assert.ok(e.start > url.length);
  });
  const arrested = events.find((e) => e.start === text.indexOf('arrested Mayor'));
  assert.deepEqual(arrested && [arrested.word, arrested.lemma, arrested.type], ['arrested', 'arrest', 'COERCE']);
});

test('eventBaselines cluster aligned gold mentions alone, by type, word, lemma and lemma within a story', () => {
  const e = (type: ProductEvent['type'], word: string, lemma: string, start = 0): ProductEvent => ({ start, end: start + word.length, type, word, lemma });
  const predicted = new Map([
    ['d1', [e('COERCE', 'arrested', 'arrest'), e('CONSULT', 'met', 'meet', 20)]],
    ['d2', [e('COERCE', 'arrest', 'arrest')]],
    ['d3', [e('COERCE', 'detained', 'detain'), e('COERCE', 'arrests', 'arrest', 30)]],
  ]);
  const alignment = new Map([
    ['d1/1', { doc: 'd1', predicted: 0, how: 'exact' as const }],
    ['d1/2', { doc: 'd1', predicted: 1, how: 'exact' as const }],
    ['d2/7', { doc: 'd2', predicted: 0, how: 'head' as const }],
    ['d3/4', { doc: 'd3', predicted: 0, how: 'exact' as const }],
    ['d3/5', { doc: 'd3', predicted: 1, how: 'overlap' as const }],
  ]);
  const stories = new Map([
    ['d1', 's1'],
    ['d2', 's1'],
    ['d3', 's2'],
  ]);
  const b = eventBaselines(alignment, predicted, stories);
  assert.deepEqual(Object.keys(b), ['each mention alone', 'same type', 'same word', 'same lemma', 'same lemma in story']);
  const groups = (c: Map<string, string>) => {
    const by = new Map<string, string[]>();
    for (const [id, k] of c) by.set(k, [...(by.get(k) ?? []), id]);
    return [...by.values()];
  };
  assert.deepEqual(groups(b['each mention alone']), [['d1/1'], ['d1/2'], ['d2/7'], ['d3/4'], ['d3/5']]);
  assert.deepEqual(groups(b['same type']), [['d1/1', 'd2/7', 'd3/4', 'd3/5'], ['d1/2']]);
  assert.deepEqual(groups(b['same word']), [['d1/1'], ['d1/2'], ['d2/7'], ['d3/4'], ['d3/5']]);
  assert.deepEqual(groups(b['same lemma']), [['d1/1', 'd2/7', 'd3/5'], ['d1/2'], ['d3/4']]);
  assert.deepEqual(groups(b['same lemma in story']), [['d1/1', 'd2/7'], ['d1/2'], ['d3/4'], ['d3/5']]);
  // a document the product put in no story is a story of its own
  const apart = eventBaselines(alignment, predicted, new Map([['d1', 's1']]));
  assert.deepEqual(groups(apart['same lemma in story']), [['d1/1'], ['d1/2'], ['d2/7'], ['d3/4'], ['d3/5']]);
});
