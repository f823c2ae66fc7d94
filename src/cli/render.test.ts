import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from '../store/store.ts';
import { articleLine } from './render.ts';

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
