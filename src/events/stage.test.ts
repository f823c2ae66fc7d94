import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { needsSharedData, SHARED_DATA } from '../../test/support/shared-data.ts';
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

const LIVE_BLOG = 'seeds/004_20dca7a36c75680e.txt';
const AGENCY = 'seeds/000_f52f2e6ae05d1052.txt';

function seed(path: string, published: string): Doc {
  return coded(readFileSync(SHARED_DATA + path, 'utf8'), published);
}

const has = (doc: Doc, f: (e: EventMention) => boolean) => doc.events.some(f);
const names = (xs: EventMention['source']) => xs.map((a) => a.text).join(' + ');

test('the live-blog seed: the meeting, the call that did not happen, the planned call, the exclusion', needsSharedData(LIVE_BLOG), () => {
  const doc = seed(LIVE_BLOG, '2025-03-14');
  assert.ok(has(doc, (e) => e.type === 'CONSULT' && /Witkoff/.test(names(e.source)) && /Putin/.test(names(e.target)) && e.when.value === '2025-03-13TEV'), 'Witkoff met Putin on Thursday evening');
  assert.ok(has(doc, (e) => e.type === 'CONSULT' && e.mode === 'phone' && e.status === 'negated' && /Trump/.test(names(e.source))), 'Trump did not speak on the phone with Putin');
  assert.ok(has(doc, (e) => e.type === 'CONSULT' && e.status === 'future' && /phone/.test(doc.text.slice(e.trigger.start, e.trigger.end))), 'a next step is a phone call');
  assert.ok(has(doc, (e) => e.type === 'CONSULT' && e.status === 'negated' && /Kellogg/.test(names(e.source))), 'Kellogg did not attend');
  assert.ok(has(doc, (e) => e.type === 'SANCTION' && /Trump/.test(names(e.source)) && /envoy/.test(names(e.target))), 'Trump kicked out the Ukraine envoy');
  assert.ok(has(doc, (e) => e.type === 'REJECT' && e.context === 'ceasefire'), 'Putin dismisses the ceasefire plan');
  assert.ok(!has(doc, (e) => /Skicka|kommentar/.test(doc.text.slice(e.trigger.start, e.trigger.end))), 'nothing from the comment footer');
});

test('the agency seed: meeting, threat, rejection, agreement, talks and release with their dates', needsSharedData(AGENCY), () => {
  const doc = seed(AGENCY, '2025-04-11');
  assert.ok(has(doc, (e) => e.type === 'CONSULT' && /Witkov/.test(names(e.source)) && /Putin/.test(names(e.target))));
  assert.ok(has(doc, (e) => e.type === 'THREATEN' && /Trump/.test(names(e.source)) && e.context === 'tariffs'));
  assert.ok(has(doc, (e) => e.type === 'REJECT' && /Putin/.test(names(e.source)) && e.context === 'ceasefire' && e.when.value === '2025-03'));
  assert.ok(has(doc, (e) => e.type === 'AGREE' && e.source.map((a) => a.country).join() === 'RUS,UKR'));
  assert.ok(has(doc, (e) => e.type === 'CONSULT' && /officials/.test(names(e.source)) && e.when.value === '2025-04-10' && e.when.from === 'timex'));
  assert.ok(has(doc, (e) => e.type === 'RETREAT' && e.mode === 'release' && e.source[0]?.country === 'RUS' && /Karelina/.test(names(e.target)) && e.context === 'exchange'));
});
