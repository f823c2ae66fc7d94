import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTimexes } from './timexes.ts';

const tag = (text: string, dct: string | null = '2025-04-11') =>
  findTimexes(text, { dct }).map((t) => ({ text: text.slice(t.start, t.end), type: t.type, value: t.value, mod: t.mod, anchor: t.anchor?.kind ?? null }));

test('weekdays follow the tense: the Friday before a past report, the one after in a future sentence', () => {
  // 2025-04-11 is a Friday, 2025-04-09 a Wednesday
  assert.deepEqual(tag('The envoy met the president on Thursday.').map((t) => t.value), ['2025-04-10']);
  assert.deepEqual(tag('The envoy will meet the president on Thursday.').map((t) => t.value), ['2025-04-17']);
  assert.deepEqual(tag('Officials held talks on Friday.').map((t) => t.value), ['2025-04-11']);
  assert.deepEqual(tag('Talks ended on Thursday evening.', '2025-03-14')[0], { text: 'Thursday evening', type: 'TIME', value: '2025-03-13TEV', mod: undefined, anchor: 'document' });
});

test('relative months and the end of a month', () => {
  assert.deepEqual(tag('Last month, the talks stalled.')[0], { text: 'Last month', type: 'DATE', value: '2025-03', mod: undefined, anchor: 'document' });
  assert.deepEqual(tag('At the end of March, he was angry.')[0], { text: 'the end of March', type: 'DATE', value: '2025-03', mod: 'END', anchor: 'document' });
  assert.equal(tag('They will meet in June.')[0].value, '2025-06');
  assert.equal(tag('They met in June.')[0].value, '2024-06');
});

test('explicit dates in several languages are complete in themselves', () => {
  assert.deepEqual(tag('Signed on 14 March 2025 in Riyadh.')[0], { text: '14 March 2025', type: 'DATE', value: '2025-03-14', mod: undefined, anchor: null });
  assert.equal(tag('Am 14. März 2025 begann es.')[0].value, '2025-03-14');
  assert.equal(tag('Le 14 mars 2025, il a dit.')[0].value, '2025-03-14');
  assert.equal(tag('El 14 de marzo de 2025 llegó.')[0].value, '2025-03-14');
  assert.equal(tag('Den 14 mars 2025 kom han.')[0].value, '2025-03-14');
  assert.equal(tag('14 марта 2025 года он приехал.')[0].value, '2025-03-14');
  assert.equal(tag('Gestern sagte er.')[0].value, '2025-04-10');
});

test('lengths, approximations and references', () => {
  assert.deepEqual(tag('The truce lasts 30 days.')[0], { text: '30 days', type: 'DURATION', value: 'P30D', mod: undefined, anchor: null });
  assert.equal(tag('It took nearly forty years.')[0].mod, 'EQUAL_OR_LESS');
  const ago = tag('They met a few weeks ago.')[0];
  assert.equal(ago.text, 'a few weeks ago');
  assert.equal(ago.mod, 'APPROX');
  assert.equal(tag('Prices are falling now.')[0].value, 'PRESENT_REF');
  assert.equal(tag('the 1990s were calm')[0].value, '199');
});

test('without a document date the value stays underspecified and the anchor says so, never the clock', () => {
  const [friday] = tag('They met on Friday.', null);
  assert.equal(friday.value, 'XXXX-WXX-5');
  assert.equal(friday.anchor, 'none');
  assert.equal(tag('Yesterday he left.', null)[0].value, 'XXXX-XX-XX');
});

test('"the same day" is anchored on the last day named in the text', () => {
  const found = findTimexes('They met on 2 April 2025. The same day, prices fell.', { dct: '2025-04-11' });
  assert.equal(found[1].value, '2025-04-02');
  assert.equal(found[1].anchor?.kind, 'text');
  assert.deepEqual(found[1].anchor?.span, { start: found[0].start, end: found[0].end });
});

test('numbers that are not years are not dates', () => {
  assert.deepEqual(tag('He sent 1,000 troops and 2025 soldiers.'), []);
  assert.deepEqual(tag('February 30 and 32 March are no days.').filter((t) => t.type === 'DATE' && /-\d\d-\d\d$/.test(t.value)), []);
});
