import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brownClusters } from './brown.ts';
import { tokenizeForClusters } from './build-clusters.ts';

const corpus: string[][] = [];
for (const animal of ['cat', 'dog', 'cow']) {
  for (const verb of ['sat', 'ran', 'ate']) {
    corpus.push(['the', animal, verb, '.']);
    corpus.push(['a', animal, verb, 'today', '.']);
  }
}

test('brownClusters puts words with the same neighbours together', () => {
  const clusters = brownClusters(corpus, { clusters: 4, minCount: 1 });
  assert.equal(clusters.size, 10);
  assert.equal(clusters.get('cat'), clusters.get('dog'));
  assert.equal(clusters.get('dog'), clusters.get('cow'));
  assert.equal(clusters.get('sat'), clusters.get('ran'));
  assert.notEqual(clusters.get('cat'), clusters.get('sat'));
  for (const path of clusters.values()) assert.match(path, /^[01]+$/);
  // Leaves of one binary tree: no path is a prefix of another.
  const paths = [...new Set(clusters.values())];
  for (const p of paths) for (const r of paths) if (p !== r) assert.ok(!r.startsWith(p));
});

test('brownClusters is deterministic and drops rare words', () => {
  assert.deepEqual(brownClusters(corpus, { clusters: 3, minCount: 1 }), brownClusters(corpus, { clusters: 3, minCount: 1 }));
  const clusters = brownClusters([...corpus, ['the', 'yak', 'sat']], { clusters: 3, minCount: 2 });
  assert.equal(clusters.has('yak'), false);
  assert.deepEqual(brownClusters([], { clusters: 3, minCount: 1 }), new Map());
});

test('tokenizeForClusters splits text the way CoNLL does', () => {
  assert.deepEqual(tokenizeForClusters("The U.S. team didn't win, Peter's 3,000-strong O'Neill club said.\nNew line"), [
    ['The', 'U.S.', 'team', 'did', "n't", 'win', ',', 'Peter', "'s", '3,000-strong', "O'Neill", 'club', 'said', '.'],
    ['New', 'line'],
  ]);
});
