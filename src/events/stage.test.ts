import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc, type EventMention } from '../doc/doc.ts';
import { defaultStages } from '../pipeline/default-pipeline.ts';
import { createPipeline } from '../pipeline/stage.ts';
import { events, type EventOptions } from './stage.ts';

function coded(text: string, published = '2025-04-11', options: EventOptions = {}, language?: string): Doc {
  const run = createPipeline([...defaultStages().filter((s) => s.name !== 'events'), events(options)]);
  return run(createDoc(text, 'text', language ? { published, language } : { published }));
}

const words = (doc: Doc, e: EventMention) => doc.text.slice(e.trigger.start, e.trigger.end);

test('a meeting: type, CAMEO code, actors with their codes, place and date from the sentence', () => {
  const doc = coded('US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Friday.');
  assert.equal(doc.events.length, 1);
  const [e] = doc.events;
  assert.equal(e.type, 'CONSULT');
  assert.equal(e.cameo.slice(0, 2), '04');
  assert.equal(words(doc, e), 'met');
  assert.deepEqual(e.source.map((a) => [a.country, a.sector]), [['USA', 'GOV']]);
  assert.match(e.source[0].text, /Witkoff/);
  assert.deepEqual(e.target.map((a) => [a.country, a.sector]), [['RUS', 'GOV']]);
  assert.equal(e.where?.name, 'Moscow');
  assert.equal(e.when.from, 'timex');
  assert.equal(e.status, 'asserted');
  assert.equal(e.reportedBy, null);
});

test('the date of an event is the one that follows its act, not the day of writing a dateline gives', () => {
  const doc = coded('HALVIK, 31 March 2026 (Meridian Wire) – Varnian President Anselm Korvath met Kaleshi President Miran Dastevi in Halvik on Monday, officials said.', '2026-03-31');
  const met = doc.events.find((e) => words(doc, e) === 'met');
  assert.ok(met, doc.events.map((e) => words(doc, e)).join(', '));
  assert.equal(met.when.from, 'timex');
  assert.equal(met.when.value, '2026-03-30');
  // a dateline alone still dates what its sentence tells
  const only = coded('HALVIK, 31 March 2026 (Meridian Wire) – Varnian President Anselm Korvath met Kaleshi President Miran Dastevi in Halvik.', '2026-03-31');
  assert.equal(only.events.find((e) => words(only, e) === 'met')?.when.value, '2026-03-31');
});

test('one event per pattern: "agreed to cooperate" is one AGREE with its context; a compound source', () => {
  const doc = coded('Russia and Ukraine agreed to cooperate on energy.');
  assert.equal(doc.events.length, 1);
  assert.equal(doc.events[0].type, 'AGREE');
  assert.equal(doc.events[0].context, 'cooperate');
  assert.deepEqual(doc.events[0].source.map((a) => a.country), ['RUS', 'UKR']);
  assert.equal(doc.events[0].when.from, 'article');
});

test('status: negated, hypothetical and future; an announced sanction is coded as a threat', () => {
  const [attend] = coded('Kellogg did not attend the meeting with Russian officials.').events;
  assert.equal(attend.type, 'CONSULT');
  assert.equal(attend.status, 'negated');
  const doc = coded('If Russia attacks Ukraine, the United States will impose sanctions.');
  assert.deepEqual(doc.events.map((e) => [e.type, e.status]), [['FIGHT', 'hypothetical'], ['SANCTION', 'future']]);
  assert.equal(doc.events[1].cameo.slice(0, 2), '13', 'CAMEO codes an announced sanction as a threat');
});

test('stopping an act: ending cooperation reduces relations, lifting a restriction yields', () => {
  const doc = coded('The United States suspended aid to the rebels. The government lifted the curfew in the capital.');
  assert.deepEqual(doc.events.map((e) => [e.type, e.cameo]), [['SANCTION', '162'], ['CONCEDE', '0813']]);
  assert.deepEqual(doc.events[0].target.map((a) => a.sector), ['REB']);
});

test('speech verbs are no event; an event inside a quotation is reported by that quote', () => {
  assert.deepEqual(coded('The minister said the weather was fine.').events, []);
  const doc = coded('“Russia attacked our cities,” Zelensky said.');
  assert.equal(doc.events.length, 1);
  assert.equal(doc.events[0].reportedBy, 0);
  assert.deepEqual(doc.events[0].target, [], 'the clause ends at the quotation mark');
});

test('the source and target finder is one swappable function', () => {
  const none = coded('US envoy Steve Witkoff met Russian President Vladimir Putin.', '2025-04-11', { findArguments: () => ({ source: null, target: null }) });
  assert.deepEqual(none.events, [], 'an act with no party is not coded');
  const swapped = coded('US envoy Steve Witkoff met Russian President Vladimir Putin.', '2025-04-11', {
    findArguments: ({ phrases }) => ({ source: phrases[phrases.length - 1], target: phrases[0] }),
  });
  assert.match(swapped.events[0].source[0].text, /Putin/);
});

test('no English lexicon over German text: nothing is coded', () => {
  const doc = coded('Russland und die Ukraine haben sich auf einen Waffenstillstand geeinigt. Die Regierung kritisierte den Angriff.', '2025-04-11', {}, 'de');
  assert.ok(doc.tokens.length > 0);
  assert.deepEqual(doc.events, []);
});
