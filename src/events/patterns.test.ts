import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc, type EventMention } from '../doc/doc.ts';
import { defaultStages } from '../pipeline/default-pipeline.ts';
import { createPipeline } from '../pipeline/stage.ts';
import { ploverOfCameo } from './cameo.ts';
import { actorPhrases, nameIndex } from './phrases.ts';
import { events } from './stage.ts';

/**
 * The patterns of the events stage, one test each, on sentences written for the test: which
 * trigger is a clause's event, how it is typed, and who its parties are.
 */

// the rules alone: the learned classifier's part is tested in classifier.test.ts
const run = createPipeline([...defaultStages().filter((s) => s.name !== 'events'), events({ classifier: null })]);
function coded(text: string): Doc {
  return run(createDoc(text, 'text', { published: '2025-04-11', language: 'en' }));
}
const trigger = (doc: Doc, e: EventMention) => doc.text.slice(e.trigger.start, e.trigger.end);
/** The first event's trigger and its type as the PLOVER records code it (an intention to meet is AGREE). */
function first(text: string): [string, string] | null {
  const doc = coded(text);
  const e = doc.events[0];
  return e ? [trigger(doc, e), ploverOfCameo(e.cameo) ?? e.type] : null;
}

test('a date is no part of an actor phrase: "said on Tuesday their troops…" leaves "their troops" a subject', () => {
  const doc = coded('The rebels said on Tuesday their fighters had attacked the convoy.');
  const phrases = actorPhrases(doc, 0, doc.tokens.length, nameIndex(doc)).map((p) => doc.text.slice(p.start, p.end));
  assert.ok(!phrases.some((p) => p.includes('Tuesday')), phrases.join(' | '));
  assert.equal(doc.events[0]?.source[0]?.text, 'fighters');
});

test('a light verb passes the event to the noun it governs, and only to that one', () => {
  assert.deepEqual(first('The two ministers held lengthy talks in the capital.'), ['talks', 'CONSULT']);
  // "offered" governs no event noun: it is the event, with "negotiate" its complement, an intention to meet
  assert.deepEqual(first('The president offered to negotiate with the rebels after the invasion of the valley.'), ['offered', 'AGREE']);
});

test('a participle after an actor\'s noun is its verb, not a reduced relative clause', () => {
  assert.deepEqual(first('Senior officials agreed on Friday that both countries should cooperate on trade.'), ['agreed', 'AGREE']);
  // after another noun it still is one
  const doc = coded('The curfew imposed in the capital angered the students.');
  assert.notEqual(doc.events[0] && trigger(doc, doc.events[0]), 'imposed');
});

test('a participle joined by a hyphen is a modifier, not a trigger', () => {
  assert.deepEqual(first('The army mounted its long-threatened invasion of the valley.'), ['invasion', 'FIGHT']);
  // "an open-ended strike": "ended" stops nothing
  assert.deepEqual(first('Dock workers began an open-ended strike against the port company.'), ['strike', 'PROTEST']);
});

test('a stopping verb reaches its object past a date, a span of time and "part of"', () => {
  const lifted = coded('The army lifted on Friday the curfew in the northern towns.').events[0];
  assert.deepEqual([lifted?.type, lifted?.cameo], ['CONCEDE', '0813']);
  const shortened = coded('The governor shortened by two hours the curfew in the capital.').events[0];
  assert.equal(shortened?.type, 'CONCEDE');
  const suspended = coded('The United States suspended part of its military aid to the rebels.').events[0];
  assert.deepEqual([suspended?.type, suspended?.cameo], ['SANCTION', '162']);
});

test('a gerund after "on" or "about" is a topic, not the act', () => {
  assert.deepEqual(first('Negotiators from both countries came to Geneva for talks on limiting missiles.'), ['talks', 'CONSULT']);
});

test('a verb whose act needs an object and has none leaves the clause to the next trigger', () => {
  // "returned to Geneva" returns nothing to anyone
  assert.deepEqual(first('Negotiators from both countries returned to Geneva for talks on trade.'), ['talks', 'CONSULT']);
  assert.deepEqual(first('The rebels returned the helicopter to the army.'), ['returned', 'RETREAT']);
});

test('a killing by armed forces is their use of force (FIGHT); by guerrillas it stays an assault', () => {
  assert.deepEqual(first('Government troops killed four villagers near the border.')?.[1], 'FIGHT');
  assert.deepEqual(first('Rebel guerrillas killed four villagers near the border.')?.[1], 'ASSAULT');
  // a beating stays ASSAULT whoever beats
  assert.deepEqual(first('Soldiers beat the detainees in the prison.')?.[1], 'ASSAULT');
});

test('the toll of an act named before it is that act: "air strikes … killed" codes the strikes', () => {
  assert.deepEqual(first('Recent bombardments by the army have killed ten rebel leaders.'), ['bombardments', 'FIGHT']);
});

test('a noun trigger\'s source stands before the verb that governs it', () => {
  const doc = coded('Angry farmers continued their hunger strike in the prison.');
  assert.equal(doc.events[0]?.type, 'PROTEST');
  assert.equal(doc.events[0]?.source[0]?.text, 'Angry farmers');
});

test('a noun naming people by role ("negotiator") is no act; a seed word naming the act is ("peacekeeping")', () => {
  assert.deepEqual(coded('State television released footage of the chief negotiator at the airport.').events, []);
  assert.equal(coded('Germany will send troops for peacekeeping in the region.').events[0]?.type, 'AID');
});

test('a word of several senses takes its military one where armed forces act or are acted on', () => {
  const troops = coded('The government withdrew its troops from the border region.').events[0];
  assert.deepEqual([troops?.type, troops?.cameo], ['RETREAT', '0874']);
  const envoy = coded('The government withdrew its ambassador from the capital.').events[0];
  assert.deepEqual([envoy?.type, envoy?.cameo], ['SANCTION', '166']);
  const lifted = coded('The army lifted the blockade of the port.').events[0];
  assert.deepEqual([lifted?.type, lifted?.cameo], ['RETREAT', '0872']);
});

test('"between A and B" names a noun trigger\'s parties only right after it', () => {
  const doc = coded('The army lifted a blockade on lorries passing through a crossing between Gaza and Israel.');
  assert.deepEqual(doc.events[0]?.source.map((a) => a.text), ['army']);
  const talks = coded('The talks between Serbia and Albania resumed in Geneva.');
  assert.deepEqual(talks.events[0]?.source.map((a) => a.text), ['Serbia', 'Albania']);
});

test('a light verb of saying ("issued a statement") is no act; the act it reports is', () => {
  assert.deepEqual(first('The rebels issued a statement demanding that the government free their leader.'), ['demanding', 'DEMAND']);
});

test('what a demand says ("its demand that Israel ease…") is no act of its own', () => {
  const doc = coded('The union repeated its demand that the government ease restrictions on workers.');
  assert.deepEqual(doc.events.map((e) => [trigger(doc, e), e.type]), [['demand', 'DEMAND']]);
});

test('a gerund after a preposition or a participle after a comma yields to the act before it', () => {
  const doc = coded('Serbia lodged an official protest with Albania, charging it with supporting the rebels.');
  assert.equal(trigger(doc, doc.events[0]), 'protest');
  // with no other act before it, the gerund is the act, its object noun the context
  const demand = coded('The opposition tried to delay the vote by demanding new talks.').events[0];
  assert.deepEqual([demand?.type, demand?.context], ['DEMAND', 'talks']);
});

test('a state\'s protest is an official complaint (DISAPPROVE 114); a people\'s is a protest', () => {
  const state = coded('Serbia lodged an official protest with Albania.').events[0];
  assert.deepEqual([state?.type, state?.cameo], ['DISAPPROVE', '114']);
  assert.equal(coded('Thousands of students staged a protest against the government.').events[0]?.type, 'PROTEST');
});

test('a role word used as an adjective before another noun ("an official protest") is no actor', () => {
  const doc = coded('Serbia lodged an official protest with Albania.');
  assert.deepEqual(doc.events[0]?.source.map((a) => a.text), ['Serbia']);
});

test('the act of an infinitive after "failed", "began", "voted"…; failing to cooperate is a refusal', () => {
  assert.deepEqual(first('The two sides failed to reach an agreement on the border.')?.[1], 'REJECT');
  assert.deepEqual(first('The army began to shell the northern villages.'), ['shell', 'FIGHT']);
});

test('a verb and its particle mean what the verb means where the verb alone is the stronger trigger ("beat up")', () => {
  assert.deepEqual(first('Police beat up the protesters in the main square.')?.[1], 'ASSAULT');
});

test('a context is a noun the lexicon knows as one: "threatened tariffs", not "meet face to face" or "talked about tomato farmers"', () => {
  assert.equal(coded('The president threatened tariffs on steel imports.').events[0]?.context, 'tariffs');
  assert.equal(coded('The two presidents will meet face to face in Geneva.').events[0]?.context, null);
  assert.equal(coded('Farmers discussed the water crisis with the governor.').events[0]?.context, 'crisis');
});

test('"we" and "I" in a quote are its speaker; a pronoun that stands for no one named is no party', () => {
  const doc = coded('"We agreed to keep talking," the Orrenlandic envoy Henrik Solvane told reporters.');
  assert.deepEqual(doc.events.map((e) => [e.type, e.source.map((a) => a.text).join('+')]), [['AGREE', 'Henrik Solvane']]);
  assert.deepEqual(coded('"Today they talked about farmers," he said.').events, []);
});

test('a subject that is a thing leaves the act without a source, not to the sentence\'s subject', () => {
  // "the shooting" stops; the envoy did not stop anything
  assert.deepEqual(coded('The envoy said talks could go on once the shooting had stopped.').events.filter((e) => e.type === 'SANCTION'), []);
  const guns = coded('"Our guns are moving back," the colonel said.');
  assert.ok(!guns.events.some((e) => e.source.some((a) => a.text === 'guns')), 'guns are no actor');
});

test('the subject of a reporting verb is not the source of the act it reports', () => {
  const doc = coded('The spokesman was quoted by the agency as saying that armed groups had an interest in wrecking the talks.');
  assert.ok(!doc.events.some((e) => e.source.some((a) => /spokesman/.test(a.text))), JSON.stringify(doc.events.map((e) => e.source)));
});

test('a noun naming a person ("detainees") is no act; a noun first a group, then an act ("patrols") still is', () => {
  assert.deepEqual(coded('The exchange of detainees and soldiers was well advanced, an official told the newspaper.').events.filter((e) => e.type === 'COERCE'), []);
  assert.equal(coded('The governor ordered patrols by police in the capital.').events[0]?.type, 'MOBILIZE');
});

test('an act named as a time ("said after the talks") is not the clause\'s event', () => {
  assert.deepEqual(coded('"The envoy brought ideas," the spokesman said after the meeting.').events, []);
});

test('a verbal act held rather than done ("kept every promise", "brought ideas, not demands") is no event', () => {
  assert.deepEqual(coded('The president said Varnia had kept every promise it made.').events, []);
  assert.deepEqual(coded('The envoy brought ideas, not demands.').events, []);
  // done by a light or uttering verb it is one
  assert.equal(coded('The union repeated its demand for higher wages.').events[0]?.type, 'DEMAND');
});

test('the subject of "be" is talked about, not an act reported ("the truce was a door, not a house")', () => {
  assert.deepEqual(coded('The minister said the truce was a door, not a house.').events, []);
  // nor is a reporting verb's clause its object: "said the truce holds" tells a state, and the speaker did nothing
  assert.deepEqual(coded('Solvane said the truce holds.').events, []);
  // the passive of a light verb still reports the act
  assert.equal(coded('A meeting between the two presidents was held in Geneva on Friday.').events[0]?.type, 'CONSULT');
});

test('a gerund after a temporal preposition names a time ("since fighting broke out"), no act', () => {
  assert.deepEqual(coded('The ministers met for the first time since fighting broke out.').events.map((e) => e.type), ['CONSULT']);
});

test('a question ("asked about the Front") and a refusal to comment ("declined to give details") are statements, no events', () => {
  assert.deepEqual(coded('Asked about the rebels, the president repeated his position.').events, []);
  assert.deepEqual(coded('The president declined to give details.').events, []);
  assert.equal(coded('The president declined to meet the envoy.').events[0]?.type, 'REJECT');
});
