import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc } from '../doc/doc.ts';
import { tokenizeText } from '../text/tokenize.ts';
import { findTimexes, tagTimexes } from './timexes.ts';

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

test('the tense of the nearer verb: a past verb beside the date outweighs a farther "expected"', () => {
  // 2025-04-11 is a Friday
  assert.equal(tag('Better-than-expected earnings came after the market closed Wednesday.')[0].value, '2025-04-09');
  assert.equal(tag('The shares fell Thursday.')[0].value, '2025-04-10');
  assert.equal(tag('Trading is to resume Tuesday.')[0].value, '2025-04-15');
  // no tense to go by: the nearer of the two years
  assert.equal(tag('The deal is subject to approval by Dec. 15.', '2025-11-03')[0].value, '2025-12-15');
  assert.equal(tag('The rate is 5% in January under the plan.', '2025-11-03')[0].value, '2026-01');
});

test('an earnings report: "the quarter" and "a year earlier" count from the quarter it reports on', () => {
  const report = tag('Net income rose 5% in the third quarter. Sales were $3 million, up from $2 million a year earlier. ' +
    'In the quarter, costs fell; the year-ago quarter had a charge. Profit for the latest period beat last year\'s second quarter.', '2025-11-03');
  assert.deepEqual(report.map((t) => [t.text, t.value]), [
    ['the third quarter', '2025-Q3'], ['a year earlier', '2024-Q3'], ['the quarter', '2025-Q3'], ['the year-ago quarter', '2024-Q3'],
    ['the latest period', '2025-Q3'], ["last year's second quarter", '2024-Q2'],
  ]);
  // without a quarter named, "a year earlier" is a year
  assert.equal(tag('Sales were up from a year earlier.', '2025-11-03')[0].value, '2024');
  assert.deepEqual(tag('For the fiscal year ended Sept. 30, it earned $4 million.', '2025-11-03')[0], { text: 'the fiscal year', type: 'DURATION', value: 'P1Y', mod: undefined, anchor: null });
});

test('named days, spoken years, a month of a named year, "May" as a month', () => {
  assert.equal(tag('Shops were busy on Thanksgiving Day.', '2025-12-01')[0].value, '2025-11-27');
  assert.equal(tag('He will come home at Easter.', '2025-12-01')[0].value, '2026-04-05');
  assert.equal(tag('Putin spoke on Victory Day.')[0].value, '2024-05-09');
  assert.equal(tag('In nineteen ninety-one he was convicted.')[0].value, '1991');
  assert.equal(tag('by the year two thousand')[0].value, '2000');
  assert.deepEqual(tag('Nineteen people died.'), []);
  assert.equal(tag('Talks began in June last year.')[0].value, '2024-06');
  assert.equal(tag('The treaty was signed last May.')[0].value, '2024-05');
  assert.deepEqual(tag('You may go now.').map((t) => t.text), ['now']);
  assert.deepEqual(tag('It pays a quarterly dividend.'), []);
  assert.equal(tag('Interest is paid quarterly.')[0].value, 'P1Q');
  assert.deepEqual(tag('90 days after the merger').map((t) => [t.text, t.type]), [['90 days', 'DURATION']]);
});

test('a live-blog entry whose headline names a day anchors the expressions inside it, and only there', () => {
  const first = 'Monday 16 March: talks resume';
  const firstBody = 'Envoys met yesterday and will meet again tomorrow.';
  const second = 'Latest: a deal is signed';
  const secondBody = 'The deal was signed yesterday.';
  const text = [first, firstBody, second, secondBody].join('\n\n');
  const doc = createDoc(text, 'text', { published: '2026-03-18', language: 'en' });
  tokenizeText(text, [], doc.sentences, doc.tokens);
  const at = (s: string) => text.indexOf(s);
  doc.entries = [
    { start: 0, end: at(second) - 2, headline: { start: 0, end: first.length } },
    { start: at(second), end: text.length, headline: { start: at(second), end: at(second) + second.length } },
  ];
  const found = tagTimexes(doc).map((t) => [text.slice(t.start, t.end), t.value, t.anchor?.kind ?? null]);
  assert.deepEqual(found, [
    ['Monday 16 March', '2026-03-16', 'document'], // its year from the article's date
    ['yesterday', '2026-03-15', 'entry'],
    ['tomorrow', '2026-03-17', 'entry'],
    ['yesterday', '2026-03-17', 'document'],
  ]);
});

test('half a unit is written in the next smaller one', () => {
  assert.deepEqual(tag('It took a minute and a half, then 2 hours and a half.').map((t) => t.value), ['PT1M30S', 'PT2H30M']);
});
