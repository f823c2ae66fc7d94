import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from '../store/store.ts';
import { articleLine, countLine, ingestReport } from './render.ts';

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
