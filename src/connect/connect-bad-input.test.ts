import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createDoc, type Doc, type Entity, type Mention } from '../doc/doc.ts';
import { defaultStages } from '../pipeline/default-pipeline.ts';
import { createPipeline } from '../pipeline/stage.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { connect, rebuildConnections } from './connect.ts';

// Corpus work on input that could blow up: every article a copy of one, one article naming
// thousands of people, arbitrary text. Behaviour only: speed is measured by `npm run bench`.

const clean = createPipeline(defaultStages().filter((s) => s.name !== 'entities' && s.name !== 'quotes'));

test('hundreds of copies of one article become one group, whatever furniture each carries', () => {
  const body = [
    'The ministers of Varnia and Kalesh met at Skarholm House on Monday for a third round of talks.',
    'Both sides said the truce along the border near Brena had held overnight.',
    'The envoy of Orrenland told reporters that a deal on the Tamsk Dam was within reach.',
    'Observers will report on the water released from the dam each morning.',
  ].join('\n\n');
  const store = openSqliteStore(':memory:');
  const ids: string[] = [];
  for (let i = 0; i < 300; i++) {
    const d = clean(createDoc(`Talks, day ${i}\n\n${body}\n\nShared ${i} times. Reader number ${i * 7}.`, 'text', { source: `copy-${i}.txt` }));
    store.put(d);
    ids.push(d.id);
  }
  connect(store);
  const groups = new Set(ids.map((id) => store.corpus.dupMemberOf(id)?.group));
  assert.equal(groups.size, 1);
  const [group] = groups;
  assert.equal(store.corpus.dupGroup(group!)!.size, 300);
  assert.equal(new Set(ids.map((id) => store.corpus.storyOf(id))).size, 1, 'copies share one story');
  store.close();
});

test('an article naming 5,000 people gives 5,000 corpus entities and no error', () => {
  const people = Array.from({ length: 5000 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${i} Name${i}`);
  const text = `Casualty list\n\n${people.map((p) => `${p} was named.`).join(' ')}`;
  const d: Doc = clean(createDoc(text, 'text', { source: 'list.txt' }));
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  let from = 0;
  for (const p of people) {
    const start = d.text.indexOf(p, from);
    from = start + p.length;
    mentions.push({ start, end: start + p.length, type: 'PER', entity: entities.length });
    entities.push({ type: 'PER', name: p, aliases: [], mentions: [mentions.length - 1], roles: [] });
  }
  d.mentions = mentions;
  d.entities = entities;
  const store = openSqliteStore(':memory:');
  store.put(d);
  connect(store);
  assert.equal(store.corpus.listEntities({ type: 'PER', limit: 1 }).total, 5000);
  store.close();
});

test('connecting any short texts neither throws nor depends on batch boundaries', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), (texts, cut) => {
      const store = openSqliteStore(':memory:');
      try {
        const docs = texts.map((t, i) => clean(createDoc(`${t}\n\n${i}`, 'text', { source: `${i}.txt` })));
        for (const d of docs) if (!store.has(d.id)) store.put(d);
        connect(store, { limit: cut });
        connect(store);
        const groupsOf = () => docs.map((d) => `${store.corpus.dupMemberOf(d.id)?.group}|${store.corpus.storyOf(d.id)}`).join(',');
        const incremental = groupsOf();
        rebuildConnections(store);
        return groupsOf() === incremental;
      } finally {
        store.close();
      }
    }),
    { numRuns: 25 },
  );
});

test('hundreds of copies reporting one meeting are one corpus event, and taking one out keeps the rest together', () => {
  const body = 'Henrik Solvane met Miran Dastevi in Ostmar on Wednesday for talks on the dam.\n\nBoth men said the truce near Brena had held overnight.';
  const store = openSqliteStore(':memory:');
  const ids: string[] = [];
  for (let i = 0; i < 300; i++) {
    const d = clean(createDoc(`Talks, day ${i}\n\n${body}\n\nShared ${i} times.`, 'text', { source: `copy-${i}.txt`, published: '2026-03-12' }));
    // the names and the meeting written by hand, so that only corpus work is tested
    const span = (words: string) => ({ start: d.text.indexOf(words), end: d.text.indexOf(words) + words.length });
    d.mentions = [{ ...span('Henrik Solvane'), type: 'PER', entity: 0 }, { ...span('Miran Dastevi'), type: 'PER', entity: 1 }];
    d.entities = [
      { type: 'PER', name: 'Henrik Solvane', aliases: [], mentions: [0], roles: [] },
      { type: 'PER', name: 'Miran Dastevi', aliases: [], mentions: [1], roles: [] },
    ];
    const actor = (words: string, entity: number) => ({ ...span(words), text: words, entity, country: null, sector: null });
    d.events = [
      {
        type: 'CONSULT', mode: null, context: null, cameo: '040', trigger: span('met'), source: [actor('Henrik Solvane', 0)], target: [actor('Miran Dastevi', 1)],
        where: { ...span('Ostmar'), name: 'Ostmar', entity: null, country: null }, when: { value: '2026-03-11', from: 'timex', timex: null },
        status: 'asserted', reportedBy: null, sentence: 1,
      },
    ];
    store.put(d);
    ids.push(d.id);
  }
  connect(store);
  const events = new Set(ids.map((id) => store.corpus.cevMention(id, 0)?.event));
  assert.equal(events.size, 1);
  const [event] = events;
  assert.equal(store.corpus.corpusEvent(event!)!.reports, 300);
  assert.equal(store.corpusEvent(event!, { limit: 5 })!.reportTotal, 300);
  store.remove(ids[0]);
  connect(store);
  const after = new Set(ids.slice(1).map((id) => store.corpus.cevMention(id, 0)?.event));
  assert.equal(after.size, 1);
  assert.equal(store.corpus.corpusEvent([...after][0]!)!.reports, 299);
  store.close();
});
