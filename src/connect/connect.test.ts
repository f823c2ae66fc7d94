import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../doc/doc.ts';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { connect, disconnectArticle, rebuildConnections } from './connect.ts';

// Invented articles in the sample corpus's invented world.
const ENVOY = `Orrenland names Henrik Solvane as envoy to the Selka talks

HALVIK, March 9 (Meridian Wire) – Orrenland on Monday named the diplomat Henrik Solvane as its envoy to the dispute between Varnia and Kalesh over the Tamsk Dam.

Solvane, a former foreign minister, will travel to Halvik on Tuesday to meet President Anselm Korvath, officials said.

The United States welcomed the appointment, and the U.S. embassy in Halvik said it would support the talks.

Varnia cut the water released from the dam last month, and Kalesh has accused it of using the river as a weapon.`;

const REWRITTEN = `Envoy Solvan travels to the dam dispute

Orrenland has named diplomat Henrik Solvan as envoy to the quarrel of Varnia and Kalesh about the Tamsk Dam, on Monday.

Solvan, formerly foreign minister, travels to Halvik on Tuesday for meeting President Anselm Korwath, said officials.

America welcomed the appointment, and the U.S. embassy in Halvik said it will support the talks.`;

const FURNITURE = `${ENVOY}

Share this article. Subscribe to our newsletter for the latest from Halvik.`;

const FOOTBALL = `Lessa United win the northern cup final

Lessa United beat Ostmar Rovers 3-1 in the northern cup final on Saturday, with two goals from striker Pavo Linder.

Rovers coach Marta Iversen said her team had been tired after a long season and praised the home crowd.

The club will play in the continental tournament next year for the first time since 2019.`;

const KORVATH_ALONE = `Cup holders parade through Lessa

Fans lined the streets of Lessa on Sunday as the team showed the trophy from an open bus.

Korvath, the club's kit manager, said the parade had been planned for weeks and thanked the city.`;

const doc = (text: string, published: string, outlet: string): Doc => processArticle(text, 'text', { published, outlet, source: `${outlet}.txt` });

function corpus(docs: Doc[]): Store {
  const store = openSqliteStore(':memory:');
  for (const d of docs) store.put(d);
  return store;
}

/** The corpus as partitions that do not depend on ids: who is grouped with whom. */
function snapshot(store: Store, docs: Doc[]) {
  const c = store.corpus;
  const partition = (key: (d: Doc) => string | undefined) => {
    const groups = new Map<string, string[]>();
    for (const d of docs) {
      const k = key(d);
      if (!k) continue;
      groups.set(k, [...(groups.get(k) ?? []), d.id]);
    }
    return [...groups.values()].map((g) => g.sort().join(',')).sort();
  };
  const entities = new Map<string, string[]>();
  for (const d of docs) {
    store.corpus.articleFacts(d.id).entities.forEach((e, i) => {
      if (e) entities.set(e, [...(entities.get(e) ?? []), `${d.id}:${i}`]);
    });
  }
  const statements = new Map<string, string[]>();
  for (const d of docs) {
    store.corpus.articleFacts(d.id).statements.forEach((s, i) => {
      if (s) statements.set(s.id, [...(statements.get(s.id) ?? []), `${d.id}:${i}`]);
    });
  }
  return {
    duplicates: partition((d) => c.dupMemberOf(d.id)?.group),
    stories: partition((d) => c.storyOf(d.id)),
    entities: [...entities.values()].map((g) => g.sort().join(',')).sort(),
    statements: [...statements.values()].map((g) => g.sort().join(',')).sort(),
  };
}

const envoy = doc(ENVOY, '2026-03-09', 'Meridian Wire');
const rewritten = doc(REWRITTEN, '2026-03-10', 'Basin Watch');
const furnished = doc(FURNITURE, '2026-03-11', 'Ostmar Herald');
const football = doc(FOOTBALL, '2026-03-14', 'Lessa Sport');
const korvathAlone = doc(KORVATH_ALONE, '2026-03-15', 'Lessa Sport');
const all = [envoy, rewritten, furnished, football, korvathAlone];

test('one person behind a misspelt name, one country behind its forms, across articles', () => {
  const store = corpus(all);
  connect(store);
  const solvane = store.corpus.entityDetail('Henrik Solvane')!;
  assert.ok(solvane, 'Henrik Solvane is a corpus entity');
  assert.equal(solvane.type, 'PER');
  assert.ok(solvane.aliasList.some((a) => a.form === 'Henrik Solvan'), `aliases: ${solvane.aliasList.map((a) => a.form)}`);
  assert.ok(solvane.links.some((l) => /surname/.test(l.evidence)), 'the join says why');
  const usa = store.corpus.entityDetail('United States')!;
  assert.equal(usa.country, 'USA');
  for (const form of ['United States', 'U.S.', 'America']) assert.ok(usa.aliasList.some((a) => a.form === form), `${form} in ${usa.aliasList.map((a) => a.form)}`);
  store.close();
});

test('copies form one group under the earliest article; an unrelated article starts its own story', () => {
  const store = corpus(all);
  connect(store);
  const group = store.corpus.dupMemberOf(envoy.id)!;
  assert.ok(group, 'the envoy story has copies');
  assert.equal(store.corpus.dupMemberOf(furnished.id)?.group, group.group);
  assert.equal(store.corpus.dupMemberOf(rewritten.id)?.group, group.group);
  assert.equal(store.corpus.dupGroup(group.group)!.original, envoy.id);
  assert.equal(store.corpus.dupMemberOf(football.id), undefined);
  const story = store.corpus.storyOf(envoy.id);
  assert.equal(store.corpus.storyOf(rewritten.id), story);
  assert.notEqual(store.corpus.storyOf(football.id), story);
  // lists fold copies: the story is one report
  const listed = store.corpus.storyDetail(story!)!;
  assert.equal(listed.articles, 3);
  assert.equal(listed.reports, 1);
  assert.equal(listed.articleList.length, 1);
  assert.equal(listed.articleList[0].copies, 2);
  store.close();
});

test('a surname alone in an unrelated story is not the person of another story', () => {
  const store = corpus(all);
  connect(store);
  const korvath = store.corpus.entityDetail('Anselm Korvath')!;
  assert.ok(korvath);
  const facts = store.corpus.articleFacts(korvathAlone.id);
  const alone = korvathAlone.entities.findIndex((e) => e.name === 'Korvath');
  assert.ok(alone >= 0, `entities: ${korvathAlone.entities.map((e) => e.name)}`);
  assert.notEqual(facts.entities[alone], korvath.id);
  store.close();
});

test('connecting in batches, after a run killed part way, equals a rebuild', () => {
  const store = corpus(all.slice(0, 3));
  connect(store, { limit: 2 }); // killed after two articles
  for (const d of all.slice(3)) store.put(d);
  connect(store);
  const incremental = snapshot(store, all);
  const summary = rebuildConnections(store);
  assert.equal(summary.connected, all.length);
  assert.deepEqual(snapshot(store, all), incremental);
  store.close();
});

test('an article taken out leaves what a corpus without it would have', () => {
  const store = corpus(all);
  connect(store);
  disconnectArticle(store, furnished.id);
  store.remove(furnished.id);
  connect(store);
  const rest = all.filter((d) => d !== furnished);
  const after = snapshot(store, rest);
  rebuildConnections(store);
  const rebuilt = snapshot(store, rest);
  assert.deepEqual(after.duplicates, rebuilt.duplicates);
  assert.deepEqual(after.entities, rebuilt.entities);
  assert.deepEqual(after.statements, rebuilt.statements);
  const solvane = store.corpus.entityDetail('Henrik Solvane')!;
  assert.equal(solvane.articles, 2);
  store.close();
});

test('an article deleted without being taken out first is still taken out of groups and stories', () => {
  const store = corpus(all);
  connect(store);
  store.remove(furnished.id);
  const summary = connect(store);
  assert.equal(summary.disconnected, 1);
  assert.equal(store.corpus.dupMemberOf(furnished.id), undefined);
  assert.equal(store.corpus.storyOf(furnished.id), undefined);
  assert.ok(store.corpus.dupMemberOf(envoy.id), 'the other copies stay a group');
  store.close();
});

test('a one-word name the corpus writes as an ordinary word is not listed, and says why', () => {
  const text = `Harbour talks stall

Meanwhile the negotiators left the harbour office without a statement.

Officials said talks would resume on Friday in Halvik.`;
  const tagged = doc(text, '2026-03-16', 'Ostmar Herald');
  // the tagger's mistake, made by hand: "Meanwhile" as an organisation (mentions stay sorted, entities point at them by index)
  const start = tagged.text.indexOf('Meanwhile');
  const before = tagged.mentions.filter((m) => m.start < start).length;
  for (const e of tagged.entities) e.mentions = e.mentions.map((m) => (m >= before ? m + 1 : m));
  tagged.mentions.splice(before, 0, { start, end: start + 'Meanwhile'.length, type: 'ORG', entity: tagged.entities.length });
  tagged.entities.push({ type: 'ORG', name: 'Meanwhile', aliases: [], mentions: [before], roles: [] });
  const lower1 = doc('Talks go on\n\nThe envoy, meanwhile, flew back to Halvik to brief the foreign minister.', '2026-03-16', 'Meridian Wire');
  const lower2 = doc('Prices rise\n\nBread prices rose again, and meanwhile the river kept falling near Brena.', '2026-03-17', 'Basin Watch');
  const lower3 = doc('Dam gates open\n\nThe gates opened at dawn; meanwhile observers counted the boats on the Selka.', '2026-03-18', 'Basin Watch');
  const store = corpus([tagged, lower1, lower2, lower3]);
  connect(store);
  const names = store.corpus.listEntities({ limit: 1000 }).entities.map((e) => e.name);
  assert.ok(!names.includes('Meanwhile'), `listed: ${names}`);
  assert.ok(store.corpus.listEntities({ limit: 1000, withJunk: true }).entities.some((e) => e.name === 'Meanwhile'));
  const detail = store.corpus.entityDetail('Meanwhile')!;
  assert.match(detail.junk!.reason, /lower case 3 times/);
  assert.ok(names.includes('Halvik'), 'real names stay listed');
  store.close();
});
