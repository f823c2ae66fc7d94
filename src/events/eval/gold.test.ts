import assert from 'node:assert/strict';
import { test } from 'node:test';
import { needsSharedData, SHARED_DATA } from '../../../test/support/shared-data.ts';
import { parsePetrarchRecords, readPetrarchRecords, splitActorCode } from './petrarch-gold.ts';
import { parsePloverGold, readMarks, readPloverGold } from './plover-gold.ts';

test('PLOVER: DOCUMENT records are skipped; actors, mode, context, location and marks are read', () => {
  const json = JSON.stringify([
    { id: 'D-1', event: 'DOCUMENT', eventText: 'about the file' },
    {
      id: 'R-1', event: 'CONSULT', eventText: 'telephoned', mode: 'phone', context: 'diplomatic',
      source: [{ actorText: 'U.S. Secretary', code: 'USA', sector: 'GOV' }, { actorText: 'Kozyrev', code: 'RUS' }],
      target: '',
      text: 'U.S. Secretary telephoned Kozyrev in Geneva.',
      textInfo: { markup: '(SRC/TAR: U.S. Secretary) (EVT: telephoned) (SRC/TAR: Kozyrev) in (LOC: Geneva).' },
      eventLoc: { name: 'Geneva', 'country code': 'CH' },
    },
  ]);
  const [r, ...rest] = parsePloverGold(json);
  assert.equal(rest.length, 0);
  assert.equal(r.event, 'CONSULT');
  assert.equal(r.mode, 'phone');
  assert.deepEqual(r.source, [{ text: 'U.S. Secretary', code: 'USA', sector: 'GOV' }, { text: 'Kozyrev', code: 'RUS' }]);
  assert.deepEqual(r.target, [], 'an empty string is no actor');
  assert.deepEqual(r.location, { name: 'Geneva', country: 'CH' });
  assert.deepEqual(r.marks.map((m) => [m.kind, r.text.slice(m.start, m.end)]), [['SRC/TAR', 'U.S. Secretary'], ['EVT', 'telephoned'], ['SRC/TAR', 'Kozyrev'], ['LOC', 'Geneva']]);
});

test('PLOVER: a mark the sentence does not hold is left out; a record without text is refused with its id', () => {
  assert.deepEqual(readMarks('(EVT: went) (SRC: nowhere)', 'They went.').map((m) => m.text), ['went']);
  assert.throws(() => parsePloverGold(JSON.stringify([{ id: 'X-9', event: 'AGREE' }])), /X-9/);
  assert.throws(() => parsePloverGold('{}'), /not a JSON array/);
});

test('PETRARCH: self-closed and open <Sentence> tags, codings, noevents, comments dropped', () => {
  const xml = `<Validation>
## a header with <EventCoding...> in its prose
<Sentences>
<!-- <Sentence date="1" id="C-0"><Text>commented out</Text></Sentence> -->
<Sentence category="AFP" date="20080804" id="A-1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USAGOV" />
<Text>
The US leader &amp; the
Chinese.
</Text>
<Parse>1 The the</Parse>
</Sentence>
<Sentence date="19950101" id="B-2" category="DEMO" sentence="true">
<EventCoding noevents = "True">
<EventCoding error="dateline">
<Text>Nothing here.</Text>
</Sentence>
</Validation>`;
  const records = parsePetrarchRecords(xml);
  assert.deepEqual(records.map((r) => r.id), ['A-1', 'B-2']);
  assert.equal(records[0].text, 'The US leader & the Chinese.');
  assert.deepEqual(records[0].codings, [{ source: 'USA', target: 'CHN', cameo: '042' }, { source: 'BRA', target: 'USAGOV', cameo: '031' }]);
  assert.equal(records[0].noEvents, false);
  assert.equal(records[1].noEvents, true);
  assert.deepEqual(records[1].codings, []);
  assert.deepEqual(records[1].errors, ['dateline']);
  const fromParse = parsePetrarchRecords('<Sentence id="E-3" date="1"/><EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGA" />\n<Text>\n</Text>\n<Parse>\n1\tBoko\tBoko\tPROPN\tNNP\t_\t2\tname\t_\t_\n2\tHaram\tHaram\tPROPN\tNNP\t_\t3\tnsubj\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n</Parse></Sentence>');
  assert.equal(fromParse[0].text, 'Boko Haram.', 'an empty <Text> is spelt from the parse');
  assert.deepEqual(splitActorCode('SYROPPHRI'), { country: 'SYR', roles: ['OPP', 'HRI'] });
  assert.deepEqual(splitActorCode('---REB'), { country: '---', roles: ['REB'] });
});

const PLOVER = 'events/plover/PLOVER_GSR_CAMEO.txt';
const PETR = 'events/petrarch2/';

test('the PLOVER gold file: 322 coded sentences in 18 types, every one with a source or a mark', needsSharedData(PLOVER), () => {
  const records = readPloverGold(SHARED_DATA + PLOVER);
  assert.equal(records.length, 322);
  assert.equal(new Set(records.map((r) => r.event)).size, 18);
  assert.ok(records.every((r) => r.source.length > 0 || r.marks.length > 0));
  const withEvt = records.filter((r) => r.marks.some((m) => m.kind === 'EVT')).length;
  assert.ok(withEvt > 300, `${withEvt} records with an event mark found in their sentence`);
});

test('the PETRARCH files: 284 unit-test sentences with 385 codings, noevents or expected errors; 78 validation records', needsSharedData(PETR), () => {
  const unit = readPetrarchRecords(SHARED_DATA + PETR + 'PETR.UnitTest.records.xml');
  assert.equal(unit.length, 284);
  assert.equal(unit.reduce((n, r) => n + r.codings.length + (r.noEvents ? 1 : 0) + r.errors.length, 0), 385);
  assert.equal(unit.reduce((n, r) => n + r.codings.length, 0), 359);
  const validation = readPetrarchRecords(SHARED_DATA + PETR + 'PETR2_GSR_validation.xml');
  assert.equal(validation.length, 78);
  assert.ok(validation.every((r) => r.text.length > 0 && (r.noEvents || r.codings.length > 0)));
  assert.ok(validation.every((r) => r.codings.every((c) => /^\d{2,4}$/.test(c.cameo))));
});
