import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from '../store/store.ts';
import { articleLine, countLine, ingestReport, quoteLine, timexLine } from './render.ts';

const summary = (over: Partial<ArticleSummary>): ArticleSummary => ({
  id: '0fb42b098efd1953', title: null, outlet: null, published: null, language: 'en', source: 'a.txt', url: null, format: 'text',
  chars: 10, words: 2, flags: [], removed: 0, removedShare: 0, ingestedAt: '2026-11-21T00:00:00Z', excerpt: '', ...over,
});

test('an article line names an untitled article by its first words', () => {
  const line = articleLine(summary({ excerpt: 'Orrenland’s special envoy, Henrik Solvane, met with the Kalesh foreign minister in Halvik' }));
  assert.match(line, /\(untitled\) Orrenland’s special envoy, Henrik Solvane, met with the…$/);
  assert.match(articleLine(summary({ excerpt: 'Short\n\ntext' })), /\(untitled\) Short text$/);
  assert.match(articleLine(summary({ excerpt: '' })), /\(untitled\)$/);
  assert.match(articleLine(summary({ title: 'Talks resume', outlet: 'Halvik Post', flags: ['short'] })), /Halvik Post\s+Talks resume {2}\[short\]$/);
});

test('the ingest line gives the rate of the articles processed over the time spent processing them', () => {
  const summary = { ingested: 1, skipped: 61, failed: [], warnings: [], ids: ['0fb42b098efd1953'], seconds: 2.5, processingSeconds: 0.05 };
  assert.equal(ingestReport(summary), 'ingested 1, skipped 61 as duplicates, failed 0 (2.5 s; processed 1 article at 20.0 articles/s)');
  assert.equal(ingestReport({ ...summary, ingested: 0, ids: [], processingSeconds: 0 }), 'ingested 0, skipped 61 as duplicates, failed 0 (2.5 s)', 'no rate when nothing was processed');
  assert.match(ingestReport({ ...summary, ingested: 3, processingSeconds: 0.2 }), /processed 3 articles at 15\.0 articles\/s\)$/);
});

test('a list ends with how many it shows of how many, or says there are none', () => {
  assert.equal(countLine(20, 61, 'articles', 'No articles yet.'), '20 of 61 articles');
  assert.equal(countLine(0, 61, 'articles', 'No articles yet.'), '0 of 61 articles');
  assert.equal(countLine(0, 0, 'matching articles', 'No articles match “x”.'), 'No articles match “x”.');
});

test("a quote line gives the quote's date and says when its sentence gave it", () => {
  const row = { articleId: '0fb42b098efd1953', speaker: 'Ilse Brandoch', how: 'named' as const, via: ['Meridian Wire'], outlet: 'Ostmar Herald', kind: 'direct' as const, content: '“The dam stays open,”' };
  assert.equal(quoteLine({ ...row, date: '2026-03-12', dateFrom: 'sentence' }, true), '0fb42b09  2026-03-12 (sentence)  Ilse Brandoch · via Meridian Wire → Ostmar Herald  [direct]  “The dam stays open,”');
  assert.equal(quoteLine({ ...row, date: '2026-03-14', dateFrom: 'article' }, false), '2026-03-14  Ilse Brandoch · via Meridian Wire → Ostmar Herald  [direct]  “The dam stays open,”');
  assert.equal(quoteLine({ ...row, date: '2026-03', dateFrom: 'article' }, false).slice(0, 12), '2026-03     ', 'a coarse date keeps the column');
  assert.equal(quoteLine({ ...row, date: null, dateFrom: null }, false).slice(0, 12), '----------  ');
});

test('a timex line gives its type, value, mod, words and what it was resolved against', () => {
  assert.equal(timexLine({ type: 'DATE', value: '2026-03-13', mod: null, text: 'on Friday', anchor: { kind: 'document', value: '2026-03-14' } }), "DATE      2026-03-13  “on Friday”  from the article's date, 2026-03-14");
  assert.equal(timexLine({ type: 'DATE', value: '2026-03', mod: 'END', text: 'the end of March', anchor: null }), 'DATE      2026-03 (END)  “the end of March”');
  assert.equal(
    timexLine({ type: 'DATE', value: '2026-03-11', mod: null, text: 'the day before', anchor: { kind: 'text', value: '2026-03-12', span: { start: 40, end: 50 } } }),
    'DATE      2026-03-11  “the day before”  from a date earlier in the text, 2026-03-12 at [40, 50)',
  );
  assert.equal(timexLine({ type: 'DATE', value: 'XXXX-WXX-5', mod: null, text: 'Friday', anchor: { kind: 'none' } }), 'DATE      XXXX-WXX-5  “Friday”  no date to resolve it against');
  assert.equal(timexLine({ type: 'TIME', value: '2026-03-17T09:40', mod: null, text: '09:40', anchor: { kind: 'entry', span: { start: 0, end: 90 } } }), "TIME      2026-03-17T09:40  “09:40”  from its live-blog entry's time");
  assert.equal(timexLine({ type: 'DURATION', value: 'P3D', mod: 'APPROX', text: 'about three days', anchor: null }), 'DURATION  P3D (APPROX)  “about three days”');
});
