import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc, type Timex } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import { quoteDate } from './quote-date.ts';

const TEXT = '“We will not retreat before 2026-04-01,” Solvane said on 2026-03-12. Talks went on. Brandoch told reporters the dam stays open.';

/** A doc over TEXT with its sentences and the given timexes, written by hand so that the rule is tested apart from the tagger. */
function docWith(timexes: Timex[], published?: string): Doc {
  const doc = createDoc(TEXT, 'text', published ? { published } : {});
  let start = 0;
  for (const end of [TEXT.indexOf('Talks') - 1, TEXT.indexOf('Brandoch') - 1, TEXT.length]) {
    doc.sentences.push({ start, end });
    start = end + 1;
  }
  doc.timexes = timexes;
  return doc;
}

const at = (words: string): Span => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const day = (value: string, over: Partial<Timex> = {}): Timex => ({ ...at(value), type: 'DATE', value, anchor: null, ...over });

const solvane = { content: at('“We will not retreat before 2026-04-01,”'), cue: at('said') };
const brandoch = { content: at('the dam stays open'), cue: at('told') };

test("a full day in the quote's sentence dates it, before the article's date", () => {
  const doc = docWith([day('2026-04-01'), day('2026-03-12')], '2026-03-14T09:00:00+01:00');
  assert.deepEqual(quoteDate(doc, solvane), { date: '2026-03-12', dateFrom: 'sentence' }, 'the day outside the quoted words');
  assert.deepEqual(quoteDate(doc, brandoch), { date: '2026-03-14', dateFrom: 'article' }, 'another sentence names no day: the article date, as a day');
});

test('a day inside the quoted words is what the quote talks about, not when it was said', () => {
  const doc = docWith([day('2026-04-01')], '2026-03-14');
  assert.deepEqual(quoteDate(doc, solvane), { date: '2026-03-14', dateFrom: 'article' });
});

test('of several days around the quote, the one nearest its cue', () => {
  const text = 'On 2026-03-10 talks began; “We stay,” Solvane said on 2026-03-12.';
  const doc = createDoc(text, 'text', { published: '2026-03-14' });
  doc.sentences = [{ start: 0, end: text.length }];
  const span = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  doc.timexes = ['2026-03-10', '2026-03-12'].map((value) => ({ ...span(value), type: 'DATE' as const, value, anchor: null }));
  assert.deepEqual(quoteDate(doc, { content: span('“We stay,”'), cue: span('said') }), { date: '2026-03-12', dateFrom: 'sentence' });
});

test("the cue's sentence counts as well as the content's", () => {
  const doc = docWith([day('2026-03-12')], '2026-03-14');
  const split = { content: at('the dam stays open'), cue: at('said') };
  assert.deepEqual(quoteDate(doc, split), { date: '2026-03-12', dateFrom: 'sentence' });
});

test('only DATE timexes of a whole day that mods do not move away from', () => {
  const month = { ...at('2026-03-12'), type: 'DATE' as const, value: '2026-03', anchor: null };
  const before = day('2026-03-12', { mod: 'BEFORE' });
  const time = day('2026-03-12', { type: 'TIME', value: '2026-03-12T10:00' });
  const unknownYear = day('2026-03-12', { value: 'XXXX-03-12' });
  for (const t of [month, before, time, unknownYear]) {
    assert.deepEqual(quoteDate(docWith([t], '2026-03-14'), solvane), { date: '2026-03-14', dateFrom: 'article' }, JSON.stringify(t));
  }
  assert.deepEqual(quoteDate(docWith([day('2026-03-12', { mod: 'END' })], '2026-03-14'), solvane), { date: '2026-03-12', dateFrom: 'sentence' });
});

test('an article date as coarse as it is given, and nothing when nothing dates the quote', () => {
  assert.deepEqual(quoteDate(docWith([], '2026-03'), brandoch), { date: '2026-03', dateFrom: 'article' });
  assert.deepEqual(quoteDate(docWith([]), brandoch), { date: null, dateFrom: null });
  assert.deepEqual(quoteDate(docWith([], 'last Friday'), brandoch), { date: null, dateFrom: null });
});
