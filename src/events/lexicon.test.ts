import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EVENT_LEXICON_PATH, isActorNoun, isContextNoun, isPersonNoun, lookupTrigger } from './lexicon.ts';
import { lemmaCandidates } from './morphology.ts';

test('morphology: regular, doubled and irregular forms reach their lemma', () => {
  assert.ok(lemmaCandidates('shelled', 'verb').includes('shell'));
  assert.ok(lemmaCandidates('stopped', 'verb').includes('stop'));
  assert.ok(lemmaCandidates('agreed', 'verb').includes('agree'));
  assert.ok(lemmaCandidates('met', 'verb').includes('meet'));
  assert.ok(lemmaCandidates('withdrew', 'verb').includes('withdraw'));
  assert.ok(lemmaCandidates('ceasefires', 'noun').includes('ceasefire'));
  assert.deepEqual(lemmaCandidates('is', 'verb'), ['is'], 'a two-letter word keeps its form');
});

test('lexicon: inflected triggers find their PLOVER type; speech verbs are no event type', () => {
  assert.equal(lookupTrigger('met', 'verb')?.entries[0].type, 'CONSULT');
  assert.equal(lookupTrigger('threatened', 'verb')?.entries[0].type, 'THREATEN');
  assert.equal(lookupTrigger('rejects', 'verb')?.entries[0].type, 'REJECT');
  assert.equal(lookupTrigger('released', 'verb')?.entries[0].type, 'RETREAT');
  assert.equal(lookupTrigger('Cease-fire', 'noun')?.entries[0].type, 'RETREAT');
  assert.equal(lookupTrigger('said', 'verb')?.entries[0].type, null);
  assert.equal(lookupTrigger('table', 'noun'), null);
});

test('lexicon file: generated, with the command that rebuilds it, every entry a known type and code', () => {
  const file = JSON.parse(readFileSync(EVENT_LEXICON_PATH, 'utf8'));
  assert.match(file['//'], /npm run build:event-lexicon/);
  assert.ok(Object.keys(file.verb).length > 500 && Object.keys(file.noun).length > 500);
  for (const part of [file.verb, file.noun]) {
    for (const [w, entries] of Object.entries(part) as [string, [string | null, string, number][]][]) {
      for (const [, cameo, score] of entries) assert.ok(/^\d{2,4}$/.test(cameo) && score >= 1 && score <= 4, w);
    }
  }
});

test('lexicon: a seed of an event code stays an event where a statement code\'s name holds it too ("decline comment")', () => {
  assert.deepEqual(lookupTrigger('declined', 'verb')?.entries.map((e) => e.type), ['REJECT']);
});

test('lexicon: the codebook\'s nouns of economic aid are triggers as nouns only ("a grant", not "to grant")', () => {
  assert.equal(lookupTrigger('grants', 'noun')?.entries[0].type, 'AID');
  assert.equal(lookupTrigger('granted', 'verb'), null);
});

test('lexicon: the noun of a seed verb WordNet does not link to it is a seed too ("suspension" of "suspend")', () => {
  assert.equal(lookupTrigger('suspension', 'noun')?.entries[0].cameo, '162');
});

test('lexicon: context nouns are triggers, CAMEO\'s words and WordNet\'s nouns of acts, states, possessions…; not bodies, foods or times', () => {
  for (const w of ['ceasefire', 'tariffs', 'crisis', 'weapons', 'sanctions']) assert.ok(isContextNoun(w), w);
  for (const w of ['face', 'tomato', 'week', 'kilometres']) assert.ok(!isContextNoun(w), w);
});

test('lexicon: nouns of people and groups, from WordNet\'s first senses', () => {
  for (const w of ['farmers', 'militiamen', 'fundamentalists', 'workers', 'militia']) assert.ok(isActorNoun(w), w);
  for (const w of ['guns', 'cuts', 'shooting', 'numbers']) assert.ok(!isActorNoun(w), w);
  assert.ok(isPersonNoun('detainees') && !isPersonNoun('patrols') && isActorNoun('patrols'));
});
