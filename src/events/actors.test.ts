import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc, type EntityType } from '../doc/doc.ts';
import { codeActor, countryIn, countryOfCapital, sectorIn } from './actors.ts';

/** A Doc with one entity of a type, roles and aliases, for coding its actor. */
function withEntity(name: string, type: EntityType, roles: string[] = [], aliases: string[] = []): Doc {
  const doc = createDoc(name, 'text');
  doc.entities.push({ type, name, aliases, mentions: [], roles: roles.map((text) => ({ text, start: 0, end: 0 })) });
  return doc;
}

test('the issue examples: role phrases, seats of power, outlets', () => {
  const lavrov = withEntity('Sergei Lavrov', 'PER');
  assert.deepEqual(codeActor(lavrov, 'Russian Foreign Minister Sergei Lavrov', 0), { country: 'RUS', sector: 'GOV' });
  assert.deepEqual(codeActor(withEntity('Kremlin', 'ORG'), 'the Kremlin', 0), { country: 'RUS', sector: 'GOV' });
  assert.deepEqual(codeActor(withEntity('Steve Witkoff', 'PER', ['US envoy']), 'Witkoff', 0), { country: 'USA', sector: 'GOV' }, 'from the roles the article gives');
  assert.deepEqual(codeActor(createDoc('', 'text'), 'Ukrainian troops', null), { country: 'UKR', sector: 'MIL' });
  assert.deepEqual(codeActor(withEntity('TASS', 'ORG'), 'TASS', 0), { country: 'RUS', sector: 'MED' });
});

test('countries, capitals, international bodies; strong sector words win', () => {
  assert.deepEqual(codeActor(withEntity('Russia', 'LOC'), 'Russia', 0), { country: 'RUS', sector: null });
  assert.deepEqual(codeActor(withEntity('Moscow', 'LOC'), 'Moscow', 0), { country: 'RUS', sector: 'GOV' });
  assert.equal(countryOfCapital('Washington'), 'USA');
  assert.deepEqual(codeActor(withEntity('NATO', 'ORG'), 'NATO', 0), { country: 'IGO', sector: null });
  assert.deepEqual(codeActor(createDoc('', 'text'), 'US and Russian officials', null), { country: 'USA', sector: 'GOV' });
  assert.equal(sectorIn('the rebel commander'), 'REB');
  assert.equal(sectorIn('opposition leader'), 'OPP');
  assert.equal(sectorIn('state media'), 'MED');
  assert.equal(sectorIn('Vladimir Putin'), null);
  assert.equal(countryIn('Taiwan’s Vice Foreign Minister'), 'TWN');
  assert.equal(countryIn('Russian-American Xenia Karelina'), 'RUS');
  assert.equal(countryIn('a man from nowhere'), null);
  assert.equal(countryIn('us'), null, 'a lower-case "us" is a pronoun');
});

test('a secretary-general is a civil office, not a general: the phrase\'s word wins over a role split at its hyphen', () => {
  assert.equal(codeActor(withEntity('Kofi Annan', 'PER', ['General']), 'U.N. Secretary-General Kofi Annan', 0).sector, 'GOV');
});
