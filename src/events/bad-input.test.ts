import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createDoc, type Doc } from '../doc/doc.ts';
import { defaultStages } from '../pipeline/default-pipeline.ts';
import { createPipeline } from '../pipeline/stage.ts';
import { events, findEvents } from './stage.ts';

const run = createPipeline([...defaultStages().filter((s) => s.name !== 'events'), events()]);
const coded = (text: string, language?: string): Doc => run(createDoc(text, 'text', language ? { published: '2025-04-11', language } : { published: '2025-04-11' }));

/** Every event's spans lie inside the text and point to real layers. */
function wellFormed(doc: Doc): void {
  for (const e of doc.events) {
    for (const s of [e.trigger, ...e.source, ...e.target, ...(e.where ? [e.where] : [])]) {
      assert.ok(s.start >= 0 && s.start < s.end && s.end <= doc.text.length, `span ${s.start}-${s.end} inside the text`);
    }
    assert.ok(e.sentence >= 0 && e.sentence < doc.sentences.length);
    assert.ok(e.reportedBy === null || e.reportedBy < doc.quotes.length);
    assert.ok(e.when.timex === null || e.when.timex < doc.timexes.length);
    for (const a of [...e.source, ...e.target]) assert.ok(a.entity === null || a.entity < doc.entities.length);
  }
}

const NAMES = ['Anna Berg', 'Omar Haddad', 'Li Wei', 'Jonas Falk', 'Maria Costa', 'Ivan Petrov', 'Sara Holm', 'Yusuf Kaya'];

test('a sentence naming 200 people met by one verb: no exception, one event with a bounded source', () => {
  const people = Array.from({ length: 200 }, (_, i) => `${NAMES[i % NAMES.length]}${i > 7 ? ` ${String.fromCharCode(65 + (i % 26))}.` : ''}`);
  const doc = coded(`${people.join(', ')} and President Putin met in Moscow on Friday.`);
  wellFormed(doc);
  assert.ok(doc.events.length <= 3, `${doc.events.length} events from one sentence`);
});

test('verbs without subjects, headlines without verbs, casualty lists: no exception, nothing without a party', () => {
  for (const text of [
    'Attacked. Met. Rejected the plan. Agreed. Threatened!',
    'Talks in Moscow\n\nCeasefire hopes\n\nSanctions: the latest',
    'Killed: Anna Berg, 34; Omar Haddad, 21; Li Wei, 56; Jonas Falk, 8.\nWounded: 12.\nMissing: 3.',
    '',
    '.',
    '— — — “ ” „ “ ,,, ;;; !!!',
  ]) {
    const doc = coded(text);
    wellFormed(doc);
    for (const e of doc.events) assert.ok(e.source.length + e.target.length > 0, 'every event names a party');
  }
});

test('German and French text: no English lexicon is applied', () => {
  assert.deepEqual(coded('Russland und die Ukraine haben sich auf einen Waffenstillstand geeinigt. Putin traf Witkoff in Moskau.', 'de').events, []);
  assert.deepEqual(coded('La Russie a rejeté le plan de cessez-le-feu. Poutine a rencontré Witkoff à Moscou.', 'fr').events, []);
});

test('a long text of one run-on sentence of clauses: no exception, events bounded by clauses', () => {
  const clause = 'Russia attacked Ukraine while NATO condemned the attack and Turkey offered to mediate';
  const doc = coded(Array.from({ length: 400 }, () => clause).join(', but '));
  wellFormed(doc);
  assert.ok(doc.events.length > 0 && doc.events.length <= 400 * 4);
});

test('findEvents on a Doc with no tokens is empty', () => {
  assert.deepEqual(findEvents(createDoc('Putin met Witkoff.', 'text')), []);
});

test('any string: no exception, events well formed (property)', () => {
  const piece = fc.constantFrom('Putin', 'met', 'Witkoff', 'in', 'Moscow', 'not', 'will', 'if', 'rejected', 'the', 'plan', ',', '.', '“', '”', 'and', 'Russian', 'troops', 'attacked', 'by', 'said', 'must', '\n\n');
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(piece, { maxLength: 60 }).map((w) => w.join(' '))), (text) => {
      wellFormed(coded(text));
    }),
    { numRuns: 150, seed: 16 },
  );
});
