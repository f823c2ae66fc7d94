import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcbDocument, EcbMention } from './ecbplus.ts';
import { alignGoldMentions, documentKey, goldKey, responseFromPredicted, scoreMentionClusterings, scoreStoryClusterings, summariseAlignment } from './ecbplus-scores.ts';

/** A gold mention of `doc` at [start, end) with its cluster; an entity in a complete sentence unless told. */
function mention(doc: string, id: string, start: number, end: number, cluster: string, extra: Partial<EcbMention> = {}): EcbMention {
  return { id: `${doc}/${id}`, doc, kind: 'entity', type: 'HUMAN_PART_PER', tokens: [], start, end, head: { start, end }, sentence: 1, complete: true, cluster, clusterSource: 'cross-doc', ...extra };
}

function document(id: string, topic: number, subtopic: 'ecb' | 'ecbplus', mentions: EcbMention[]): EcbDocument {
  return { id, topic, subtopic, split: 'test', text: '', url: null, bodyStart: 0, tokens: [], sentences: [], mentions };
}

// Two documents about one person (cluster P) and a place (cluster L); one event and one
// mention outside the complete sentences, which are never scored
const DOCS = [
  document('9_1ecb', 9, 'ecb', [
    mention('9_1ecb', '1', 0, 13, 'P'),
    mention('9_1ecb', '2', 20, 25, 'L'),
    mention('9_1ecb', '3', 30, 35, 'E', { kind: 'event', type: 'ACTION_OCCURRENCE' }),
    mention('9_1ecb', '4', 40, 48, 'P', { complete: false }),
  ]),
  document('9_2ecb', 9, 'ecb', [mention('9_2ecb', '1', 0, 8, 'P'), mention('9_2ecb', '2', 10, 13, 'P')]),
  document('9_1ecbplus', 9, 'ecbplus', []),
  document('10_1ecb', 10, 'ecb', []),
];

test('goldKey holds the mentions of one kind in complete sentences only', () => {
  assert.deepEqual([...goldKey(DOCS, 'event')], [['9_1ecb/3', 'E']]);
  assert.deepEqual([...goldKey(DOCS, 'entity')], [
    ['9_1ecb/1', 'P'],
    ['9_1ecb/2', 'L'],
    ['9_2ecb/1', 'P'],
    ['9_2ecb/2', 'P'],
  ]);
});

test('alignGoldMentions aligns per document, and responseFromPredicted carries predicted clusters over', () => {
  const predicted = new Map([
    ['9_1ecb', [{ start: 8, end: 13 }, { start: 40, end: 48 }]], // a head-less overlap of P; the incomplete mention's span
    ['9_2ecb', [{ start: 0, end: 8 }]],
  ]);
  const alignment = alignGoldMentions(DOCS, predicted, 'entity');
  assert.deepEqual([...alignment], [
    ['9_1ecb/1', { doc: '9_1ecb', predicted: 0, how: 'head' }],
    ['9_2ecb/1', { doc: '9_2ecb', predicted: 0, how: 'exact' }],
  ]);
  const response = responseFromPredicted(alignment, (doc, i) => (doc === '9_1ecb' && i === 0 ? 'x' : doc === '9_2ecb' ? 'x' : undefined));
  assert.deepEqual([...response], [
    ['9_1ecb/1', 'x'],
    ['9_2ecb/1', 'x'],
  ]);
});

test('alignGoldMentions of events aligns event mentions only; summariseAlignment counts what is left over', () => {
  // sentence 1 (complete) holds P, L and the event E; sentence 2 (not complete) the other P
  const doc: EcbDocument = { ...DOCS[0], sentences: [{ number: 1, start: 0, end: 36, complete: true }, { number: 2, start: 37, end: 48, complete: false }] };
  const predicted = new Map([['9_1ecb', [{ start: 30, end: 35 }, { start: 0, end: 13 }, { start: 40, end: 48 }]]]);
  const alignment = alignGoldMentions([doc], predicted, 'event');
  assert.deepEqual([...alignment], [['9_1ecb/3', { doc: '9_1ecb', predicted: 0, how: 'exact' }]]);
  assert.deepEqual(summariseAlignment([doc], 'event', alignment, predicted), {
    gold: 1,
    aligned: 1,
    byHow: { exact: 1, head: 0, overlap: 0 },
    byType: { ACTION_OCCURRENCE: { gold: 1, aligned: 1 } },
    predicted: 3,
    unaligned: 2,
    unalignedInComplete: 1, // the entity's span in sentence 1; the span in sentence 2 is outside the complete list
  });
  const entities = summariseAlignment([doc], 'entity', alignGoldMentions([doc], predicted, 'entity'), predicted);
  assert.deepEqual([entities.gold, entities.aligned, entities.unalignedInComplete], [2, 1, 1]);
});

test('scoreMentionClusterings scores over all gold entity mentions and over the aligned ones', () => {
  const alignment = new Map([
    ['9_1ecb/1', { doc: '9_1ecb', predicted: 0, how: 'exact' as const }],
    ['9_2ecb/1', { doc: '9_2ecb', predicted: 0, how: 'exact' as const }],
  ]);
  const response = new Map([
    ['9_1ecb/1', 'x'],
    ['9_2ecb/1', 'x'],
  ]);
  const rows = scoreMentionClusterings(DOCS, 'entity', alignment, { found: response });
  assert.deepEqual(rows.map((r) => [r.clustering, r.scope, r.mentions, r.clusters]), [
    ['found', 'all', 4, 2],
    ['found', 'aligned', 2, 1],
  ]);
  // all: key {1_1, 2_1, 2_2} {1_2}; response {1_1, 2_1} {2_2} {1_2}
  //   MUC recall (3 − 2) / 2 = 1/2, precision 1/1 → F1 2/3
  //   B³ recall (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3, precision 1 → F1 0.8
  const all = rows[0].scores;
  assert.ok(Math.abs(all.muc.f1 - 2 / 3) < 1e-12);
  assert.ok(Math.abs(all.bcubed.f1 - 0.8) < 1e-12);
  // aligned: key {1_1, 2_1}, response the same → 1
  assert.equal(rows[1].scores.conll, 1);
});

test('scoreStoryClusterings scores documents against subtopics and topics', () => {
  assert.deepEqual([...documentKey(DOCS, 'subtopic').values()], ['9/ecb', '9/ecb', '9/ecbplus', '10/ecb']);
  const byTopicGuess = new Map([
    ['9_1ecb', 'a'],
    ['9_2ecb', 'a'],
    ['9_1ecbplus', 'a'],
  ]); // 10_1ecb unclustered: a singleton
  const rows = scoreStoryClusterings(DOCS, { guess: byTopicGuess });
  assert.deepEqual(rows.map((r) => [r.clustering, r.against, r.documents, r.goldGroups, r.responseClusters]), [
    ['guess', 'subtopic', 4, 3, 2],
    ['guess', 'topic', 4, 2, 2],
  ]);
  // against topics the guess is exact; against subtopics, B³ precision of the three topic-9
  // documents is 2/3, 2/3, 1/3 and of 10_1ecb 1: (8/3) / 4 = 2/3, recall 1 → F1 0.8
  assert.equal(rows[1].bcubed.f1, 1);
  assert.ok(Math.abs(rows[0].bcubed.precision - 2 / 3) < 1e-12);
  assert.ok(Math.abs(rows[0].bcubed.f1 - 0.8) < 1e-12);
});
