import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../doc/doc.ts';
import { meetingReport as report } from '../../test/support/event-fixture.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { connect, disconnectArticle, rebuildConnections } from './connect.ts';

// Invented reports in the sample corpus's invented world, with their events written by hand
// over the text, so that corpus events are tested apart from what the events stage finds.

const first = report(
  'Envoy meets Kaleshi president\n\nHenrik Solvane met Miran Dastevi in Ostmar on Wednesday, officials said.',
  '2026-03-12',
  'Meridian Wire',
  [{ source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place: 'Ostmar', stated: '2026-03-11' }],
);
// another outlet, a misspelt envoy, the sides told the other way round
const second = report(
  'Dastevi receives envoy\n\nPresident Miran Dastevi received the envoy Henrik Solvan in Ostmar on Wednesday for talks on the dam.',
  '2026-03-13',
  'Basin Watch',
  [{ source: 'Miran Dastevi', target: 'Henrik Solvan', trigger: 'received', place: 'Ostmar', stated: '2026-03-11' }],
);
// a third report that puts the meeting a day later: a disagreement, shown, not a second event
const third = report(
  'Talks in Ostmar\n\nHenrik Solvane held talks with Miran Dastevi in Ostmar on Thursday.',
  '2026-03-14',
  'Ostmar Herald',
  [{ source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'held talks', place: 'Ostmar', stated: '2026-03-12' }],
);
// the same two men two weeks later in another city: another meeting
const later = report(
  'Second round in Halvik\n\nHenrik Solvane met Miran Dastevi again in Halvik on Thursday, the second round of talks.',
  '2026-03-27',
  'Meridian Wire',
  [{ source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place: 'Halvik', stated: '2026-03-26' }],
);
// an undated report: nothing says which meeting it tells of
const undated = report('Envoy and president\n\nHenrik Solvane met Miran Dastevi, officials said.', undefined, 'Lessa Sport', [
  { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met' },
]);
const all = [first, second, third, later, undated];

function corpus(docs: Doc[]): Store {
  const store = openSqliteStore(':memory:');
  for (const d of docs) store.put(d);
  return store;
}

/** Corpus events as partitions of `article:idx` (ids aside). */
function eventPartition(store: Store, docs: Doc[]): string[] {
  const groups = new Map<string, string[]>();
  for (const d of docs) {
    for (const m of store.corpus.cevMentionsOf(d.id)) groups.set(m.event, [...(groups.get(m.event) ?? []), `${d.meta.outlet}@${d.meta.published ?? '-'}:${m.idx}`]);
  }
  return [...groups.values()].map((g) => g.sort().join(' ')).sort();
}

const eventOf = (store: Store, d: Doc, idx = 0) => store.corpus.cevMention(d.id, idx)?.event;

test('reports of one meeting are one corpus event; the same men two weeks later elsewhere are another; an undated report joins neither', () => {
  const store = corpus(all);
  connect(store);
  const meeting = eventOf(store, first);
  assert.ok(meeting);
  assert.equal(eventOf(store, second), meeting, 'a misspelt name and the sides the other way round');
  assert.equal(eventOf(store, third), meeting, 'a date a day apart is a disagreement');
  assert.notEqual(eventOf(store, later), meeting);
  assert.notEqual(eventOf(store, undated), meeting);
  assert.notEqual(eventOf(store, undated), eventOf(store, later));
  const row = store.corpus.corpusEvent(meeting)!;
  assert.equal(row.reports, 3);
  assert.equal(row.articles, 3);
  assert.deepEqual([row.first, row.last, row.stated], ['2026-03-11', '2026-03-12', true]);
  // each link keeps why
  const links = store.corpus.cevLinksOf(`${third.id}:0`);
  assert.ok(links.some((l) => /disagree on date: 2026-03-12 or 2026-03-11/.test(l.evidence)), JSON.stringify(links));
  assert.ok(links.every((l) => /same (entity|name)/.test(l.evidence)));
  store.close();
});

test('corpus events do not depend on the order of ingest, and a rebuild gives the same', () => {
  const forward = corpus(all);
  connect(forward);
  const backward = corpus([...all].reverse());
  connect(backward);
  assert.deepEqual(eventPartition(backward, all), eventPartition(forward, all));
  const before = eventPartition(forward, all);
  rebuildConnections(forward);
  assert.deepEqual(eventPartition(forward, all), before);
  forward.close();
  backward.close();
});

test('a report taken out leaves the others of its event together, as a corpus without it would have them', () => {
  const store = corpus(all);
  connect(store);
  disconnectArticle(store, first.id);
  store.remove(first.id);
  connect(store);
  const rest = all.filter((d) => d !== first);
  const after = eventPartition(store, rest);
  assert.equal(eventOf(store, second), eventOf(store, third));
  assert.equal(store.corpus.corpusEvent(eventOf(store, second)!)!.reports, 2);
  rebuildConnections(store);
  assert.deepEqual(eventPartition(store, rest), after);
  store.close();
});

test('reports of one meeting that differ on the place on one stated day are one event; on days apart, two', () => {
  const elsewhere = report('Talks in Drevin\n\nHenrik Solvane met Miran Dastevi in Drevin on Wednesday.', '2026-03-12', 'Continental Review', [
    { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met', place: 'Drevin', stated: '2026-03-11' },
  ]);
  const store = corpus([first, elsewhere, later]);
  connect(store);
  assert.equal(eventOf(store, elsewhere), eventOf(store, first));
  assert.ok(store.corpus.cevLinksOf(`${elsewhere.id}:0`).some((l) => /place: (Drevin or Ostmar|Ostmar or Drevin)/.test(l.evidence)));
  assert.notEqual(eventOf(store, later), eventOf(store, first));
  store.close();
});

test('what did not happen is not one event with what did; two mentions in one undated article, or in copies of it, are one', () => {
  const denied = report('No meeting\n\nHenrik Solvane did not meet Miran Dastevi in Ostmar on Wednesday, his office said.', '2026-03-12', 'Basin Watch', [
    { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'meet', place: 'Ostmar', stated: '2026-03-11', status: 'negated' },
  ]);
  const twice = report('Envoy in talks\n\nHenrik Solvane met Miran Dastevi, officials said.\n\nSolvane told reporters that he had met Miran Dastevi for three hours.', undefined, 'Lessa Sport', [
    { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'met' },
    { source: 'Henrik Solvane', target: 'Miran Dastevi', trigger: 'had met' },
  ]);
  const store = corpus([first, denied, twice]);
  connect(store);
  assert.notEqual(eventOf(store, denied), eventOf(store, first));
  assert.equal(eventOf(store, twice, 1), eventOf(store, twice, 0));
  assert.notEqual(eventOf(store, twice), eventOf(store, first), 'no date to say it is the Ostmar meeting');
  store.close();
});

test('the store lists corpus events with their reports folded in, and shows one with its disagreements and why its reports were joined', () => {
  const store = corpus(all);
  connect(store);
  const meeting = eventOf(store, first)!;
  const folded = store.corpusEvents({ minReports: 2 });
  assert.deepEqual(folded.events.map((e) => e.id), [meeting]);
  assert.equal(folded.total, 1);
  const listed = folded.events[0];
  assert.deepEqual([listed.type, listed.first, listed.last, listed.stated, listed.reports, listed.articles], ['CONSULT', '2026-03-11', '2026-03-12', true, 3, 3]);
  assert.deepEqual([...listed.outlets].sort(), ['Basin Watch', 'Meridian Wire', 'Ostmar Herald']);
  assert.match(listed.summary, /CONSULT/);
  // every event, each report its own where nothing joined it; the latest first, undated last
  const everything = store.corpusEvents();
  assert.equal(everything.total, 3);
  assert.equal(everything.events[0].first, '2026-03-26');
  assert.equal(everything.events.at(-1)!.first, null);
  // filters by what the reports say
  assert.equal(store.corpusEvents({ from: '2026-03-20' }).total, 1);
  assert.equal(store.corpusEvents({ actor: 'solvan', minReports: 2 }).total, 1);
  assert.equal(store.corpusEvents({ type: 'AGREE' }).total, 0);
  assert.equal(store.corpusEvents({ doc: third.id }).events[0].id, meeting);

  const detail = store.corpusEvent(meeting)!;
  assert.equal(detail.reportTotal, 3);
  assert.deepEqual(detail.reportList.map((r) => r.articleId).sort(), [first.id, second.id, third.id].sort());
  assert.ok(detail.reportList.every((r) => r.corpusEvent?.id === meeting && r.corpusEvent.reports === 3));
  assert.deepEqual(detail.disagreements, [{ field: 'date', values: [{ value: '2026-03-11', reports: 2 }, { value: '2026-03-12', reports: 1 }] }]);
  assert.equal(detail.links.length, 3, 'each pair of the three reports is linked');
  assert.equal(store.corpusEvent('no-such-event'), undefined);
  assert.equal(store.corpusEvent(meeting, { limit: 1 })!.reportList.length, 1);

  // the article's corpus facts and event rows name the corpus event of each event
  assert.deepEqual(store.corpus.articleFacts(second.id).events, [{ id: meeting, reports: 3 }]);
  assert.equal(store.events({ doc: later.id }).events[0].corpusEvent?.reports, 1);
  assert.throws(() => store.corpusEvents({ minReports: 0 }), TypeError);
  store.close();
});

test('an undated copy of a dated report tells the same event', () => {
  const body = [
    'President Miran Dastevi received the envoy Henrik Solvane in Ostmar on Wednesday for talks on the dam.',
    'The two men spoke for three hours at the presidential palace, officials said.',
    'Dastevi told the envoy that Kalesh wanted the water back before the spring sowing.',
    'Solvane flies to Halvik on Friday to brief the Varnian foreign minister.',
  ];
  const original = report(`Dastevi receives envoy\n\n${body.join('\n\n')}`, '2026-03-12', 'Meridian Wire', [
    { source: 'Miran Dastevi', target: 'Henrik Solvane', trigger: 'received', place: 'Ostmar', stated: '2026-03-11' },
  ]);
  const copy = report(`Dastevi receives the envoy\n\n${body.join('\n\n').replace('officials said', 'according to officials')}`, undefined, 'Lessa Sport', [
    { source: 'Miran Dastevi', target: 'Henrik Solvane', trigger: 'received', place: 'Ostmar' },
  ]);
  for (const order of [[original, copy], [copy, original]]) {
    const store = corpus(order);
    connect(store);
    assert.ok(store.corpus.dupMemberOf(copy.id), 'the two are copies');
    assert.equal(eventOf(store, copy), eventOf(store, original));
    store.close();
  }
});

test("a story's page holds its timeline of events and, from a day, what changed since", () => {
  const store = corpus(all);
  connect(store);
  const story = store.corpus.storyOf(first.id)!;
  assert.equal(store.corpus.storyOf(later.id), story, 'the same men two weeks later: one story');
  const detail = store.corpus.storyDetail(story)!;
  const meeting = eventOf(store, first)!;
  assert.deepEqual(
    detail.events.map((e) => [e.first, e.reports]),
    detail.events.map((e) => [e.first, e.reports]).sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : String(a[0]) < String(b[0]) ? -1 : 1)),
    'in order of their days, undated last',
  );
  assert.ok(detail.events.some((e) => e.id === meeting && e.reports === 3));
  assert.equal(detail.since, null);
  const since = store.corpus.storyDetail(story, { since: '2026-03-20' })!;
  assert.deepEqual(since.events.map((e) => e.id), [eventOf(store, later)]);
  assert.deepEqual(since.since, { day: '2026-03-20', articles: 1, events: 1 });
  assert.deepEqual(since.articleList.map((a) => a.id), [later.id]);
  assert.throws(() => store.corpus.storyDetail(story, { since: '20 March' }), TypeError);
  store.close();
});
