import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareEvents, eventBlockKeys, placesApart, type ActorView, type ResolvedView } from './event-match.ts';

const person = (fold: string): ActorView => ({ entity: 0, fold, country: null, isCountry: false });
const country = (code: string): ActorView => ({ entity: 0, fold: code.toLowerCase(), country: code, isCountry: true });

/** A meeting of two parties (clusters 1 and 2 unless given) on stated days. */
function meeting(over: Partial<ResolvedView> = {}): ResolvedView {
  return {
    type: 'CONSULT',
    status: 'asserted',
    days: { first: '2026-03-11', last: '2026-03-11', stated: true },
    place: { entity: null, fold: 'ostmar', name: 'Ostmar', country: 'KLS', isCountry: false },
    source: [person('solvane')],
    target: [person('dastevi')],
    sourceClusters: [1],
    targetClusters: [2],
    placeCluster: null,
    ...over,
  };
}

test('two reports of one meeting compare, and say why', () => {
  const c = compareEvents(meeting(), meeting({ source: [person('solvan')] }))!;
  assert.ok(c);
  assert.match(c.evidence, /source same entity; target same entity; same date 2026-03-11; same place Ostmar/);
  assert.deepEqual(c.disagreements, []);
});

test('another type, a denial, another party or days apart are not the same event', () => {
  assert.equal(compareEvents(meeting(), meeting({ type: 'AGREE' })), undefined);
  assert.equal(compareEvents(meeting(), meeting({ status: 'negated' })), undefined);
  assert.equal(compareEvents(meeting(), meeting({ status: 'hypothetical' })), undefined);
  assert.equal(compareEvents(meeting(), meeting({ target: [person('korvath')], targetClusters: [3] })), undefined, 'a different person on one side');
  assert.equal(compareEvents(meeting(), meeting({ days: { first: '2026-03-14', last: '2026-03-14', stated: true } })), undefined);
  // a month-wide date is not precise enough to disagree with a day, but must still meet it
  assert.ok(compareEvents(meeting(), meeting({ days: { first: '2026-03-01', last: '2026-03-31', stated: true } })));
  assert.equal(compareEvents(meeting(), meeting({ days: { first: '2026-04-01', last: '2026-04-30', stated: true } })), undefined);
});

test('a day apart, or another place on the same stated day, is a disagreement; another place on other days is another event', () => {
  assert.deepEqual(compareEvents(meeting(), meeting({ days: { first: '2026-03-12', last: '2026-03-12', stated: true } }))!.disagreements, ['date: 2026-03-11 or 2026-03-12']);
  const drevin = { entity: null, fold: 'drevin', name: 'Drevin', country: 'VRN', isCountry: false };
  assert.deepEqual(compareEvents(meeting(), meeting({ place: drevin }))!.disagreements, ['place: Ostmar or Drevin']);
  assert.equal(compareEvents(meeting(), meeting({ place: drevin, days: { first: '2026-03-12', last: '2026-03-12', stated: true } })), undefined);
  // a country holds its cities
  const kalesh = { entity: null, fold: 'kalesh', name: 'Kalesh', country: 'KLS', isCountry: true };
  assert.match(compareEvents(meeting(), meeting({ place: kalesh }))!.evidence, /Ostmar is in Kalesh/);
  // a place its sentence puts in another ("at Skarholm House in Halvik") holds no disagreement with that other
  const house = { entity: null, fold: 'skarholm house', name: 'Skarholm House', country: null, isCountry: false, nearby: ['ostmar'] };
  const c = compareEvents(meeting(), meeting({ place: house, days: { first: '2026-03-12', last: '2026-03-12', stated: true } }))!;
  assert.match(c.evidence, /Skarholm House is in Ostmar/);
  assert.deepEqual(c.disagreements, ['date: 2026-03-11 or 2026-03-12']);
});

test('a symmetric act matches either way round; an asymmetric one does not', () => {
  const reversed = { source: [person('dastevi')], target: [person('solvane')], sourceClusters: [2], targetClusters: [1] };
  assert.ok(compareEvents(meeting(), meeting(reversed)));
  assert.equal(compareEvents(meeting({ type: 'COERCE' }), meeting({ type: 'COERCE', ...reversed })), undefined);
});

test('reports from different articles need days on both; one article (or copies) need not', () => {
  const undated = meeting({ days: null });
  assert.equal(compareEvents(meeting(), undated), undefined);
  assert.ok(compareEvents(meeting(), undated, true));
  assert.ok(compareEvents(meeting({ days: null }), undated, true));
});

test('a country is no conflict with a person, but unnamed parties of the same countries are not enough', () => {
  const russia = { source: [country('RUS')], sourceClusters: [7] };
  // the target matches: the sides agree
  assert.ok(compareEvents(meeting(), meeting(russia)));
  // role phrases of one country on both sides ("Russian officials"): no link
  const officials = (code: string): ActorView => ({ entity: null, fold: null, country: code, isCountry: false });
  const unnamed = { source: [officials('RUS')], target: [officials('UKR')], sourceClusters: [null], targetClusters: [null] };
  assert.equal(compareEvents(meeting(unnamed), meeting(unnamed)), undefined);
});

test('keys: a mention is found by its type, week and actors; two days a week boundary apart share a week', () => {
  const keys = eventBlockKeys(meeting(), { source: [1], target: [2] });
  assert.ok(keys.includes(`CONSULT|w${Math.floor(Date.parse('2026-03-11T00:00:00Z') / 86_400_000 / 7)}|e1`), keys.join(' '));
  assert.ok(keys.some((k) => k.endsWith('|nsolvane')));
  const sunday = meeting({ days: { first: '2026-03-15', last: '2026-03-15', stated: true } });
  const monday = meeting({ days: { first: '2026-03-16', last: '2026-03-16', stated: true } });
  const a = new Set(eventBlockKeys(sunday, { source: [1], target: [2] }));
  assert.ok(eventBlockKeys(monday, { source: [1], target: [2] }).some((k) => a.has(k)));
  assert.deepEqual(eventBlockKeys(meeting({ status: 'hypothetical' }), { source: [1], target: [2] }), []);
});

test('places apart: neither the same nor one holding the other', () => {
  const place = (name: string, over: object = {}) => ({ entity: null, fold: name.toLowerCase(), name, country: null, isCountry: false, ...over });
  assert.equal(placesApart(place('Ostmar'), place('Drevin')), true);
  assert.equal(placesApart(place('Ostmar'), place('Ostmar')), false);
  assert.equal(placesApart(place('Skarholm House', { nearby: ['halvik'] }), place('Halvik')), false);
  assert.equal(placesApart(place('Brena', { country: 'KLS' }), place('Kalesh', { country: 'KLS', isCountry: true })), false);
});
