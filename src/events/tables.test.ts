import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAMEO_CODES, CAMEO_OF_TYPE, cameoFor, cameoRoot, ploverOfCameo } from './cameo.ts';
import { EVENT_TYPES, PLOVER_CATEGORIES } from './plover.ts';
import { SECTOR_OF_WORD, SECTORS, STRONG_SECTOR_WORDS } from './sectors.ts';
import { createDoc } from '../doc/doc.ts';

test('PLOVER: 18 types, each with a gloss, and every type reached from some CAMEO code', () => {
  assert.equal(PLOVER_CATEGORIES.length, 18);
  assert.equal(new Set(EVENT_TYPES).size, 18);
  for (const c of PLOVER_CATEGORIES) assert.ok(c.gloss.length > 20, c.type);
  const reached = new Set([...CAMEO_CODES.values()].map((c) => c.type));
  for (const t of EVENT_TYPES) assert.ok(reached.has(t), `${t} has a CAMEO code`);
});

test('CAMEO: a code maps as its root does, but for the documented exceptions (release and de-escalation are RETREAT)', () => {
  const exceptions: string[] = [];
  for (const c of CAMEO_CODES.values()) {
    if (c.code.length === 2) continue;
    assert.ok(CAMEO_CODES.has(cameoRoot(c.code)), `${c.code} has its root in the table`);
    if (c.type !== CAMEO_CODES.get(cameoRoot(c.code))!.type) exceptions.push(c.code);
  }
  assert.deepEqual(exceptions.filter((c) => !c.startsWith('084') && !c.startsWith('087')), []);
  assert.ok(exceptions.includes('0841') && exceptions.includes('0871'));
  assert.equal(ploverOfCameo('0841'), 'RETREAT');
  assert.equal(ploverOfCameo('1129'), 'DISAPPROVE', 'an unknown four-digit code maps as its parent');
  assert.equal(ploverOfCameo('013'), null, 'statements are no PLOVER event');
  assert.throws(() => cameoRoot('A12'), TypeError);
});

test('CAMEO: each type has a base code that maps back to it; intentions and announced acts of force', () => {
  for (const t of EVENT_TYPES) assert.equal(ploverOfCameo(CAMEO_OF_TYPE[t]), t, t);
  assert.equal(cameoFor('CONSULT', '042', 'asserted'), '042');
  assert.equal(cameoFor('CONSULT', '042', 'negated'), '042');
  assert.equal(cameoFor('CONSULT', '042', 'future'), '036', 'a planned visit is an intent to meet');
  assert.equal(ploverOfCameo(cameoFor('AID', null, 'future')), 'AGREE');
  assert.equal(ploverOfCameo(cameoFor('SANCTION', null, 'future')), 'THREATEN', 'an announced sanction is a threat');
  assert.equal(cameoFor('DISAPPROVE', null, 'future'), '110', 'verbal conflict keeps its code');
  assert.equal(cameoFor('FIGHT', '173', 'asserted'), '190', 'a finer code of another type is not taken');
});

test('sectors: every sector word names a known sector; strong words are sector words', () => {
  for (const [w, s] of SECTOR_OF_WORD) assert.ok(s in SECTORS, `${w} → ${s}`);
  for (const w of STRONG_SECTOR_WORDS) assert.ok(SECTOR_OF_WORD.has(w), w);
});

test('a new Doc has an empty events layer', () => {
  assert.deepEqual(createDoc('Putin met Witkoff.', 'text').events, []);
});
