import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, test } from 'node:test';
import type { Doc } from '../../doc/doc.ts';
import { processArticle } from '../../pipeline/default-pipeline.ts';
import { storeSuite } from '../store-suite.ts';
import { StoreError } from '../store.ts';
import { MIGRATIONS } from './migrations.ts';
import { EVENT_READ, openSqliteStore } from './sqlite-store.ts';
import { eventOrder } from './sqlite-list-order.ts';
import { connect } from '../../connect/connect.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-'));

/** Stores one article in a database file and closes it, for tests that then change the file. */
function storeAt(path: string, doc: Doc): void {
  const s = openSqliteStore(path);
  s.put(doc);
  s.close();
}
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Takes back the migration that keeps articles' publication dates on their events (step 12), as tests of older schemas need. */
function beforeEventOrder(db: Database.Database): void {
  db.exec(`DROP INDEX events_latest; DROP INDEX events_type_latest; CREATE INDEX events_type ON events (type, first_day); ALTER TABLE events DROP COLUMN published;
    DROP INDEX IF EXISTS corpus_events_latest; DROP INDEX IF EXISTS corpus_events_type_latest;`);
}

storeSuite('sqlite (file, WAL)', () => openSqliteStore(join(dir, `suite-${n++}.db`)));
storeSuite('sqlite (memory)', () => openSqliteStore(':memory:'));

test('a new database is in WAL mode at the latest schema version', () => {
  const path = join(dir, 'wal.db');
  openSqliteStore(path).close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  db.close();
});

test('reopening keeps the data and does not migrate again', () => {
  const path = join(dir, 'reopen.db');
  const doc = processArticle('The envoy met the president on Friday.', 'text');
  const a = openSqliteStore(path);
  a.put(doc);
  a.close();
  const b = openSqliteStore(path);
  assert.ok(b.has(doc.id));
  b.close();
});

test('a file that is not SQLite is refused with a clear error and left untouched', () => {
  const path = join(dir, 'notes.db');
  writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
  const before = readFileSync(path);
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof StoreError && e.code === 'not-a-database' && e.message.includes(path));
  assert.deepEqual(readFileSync(path), before);
});

test('an SQLite file of another program is refused', () => {
  const path = join(dir, 'other.db');
  const db = new Database(path);
  db.exec('CREATE TABLE things (x)');
  db.close();
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof StoreError && e.code === 'not-a-database');
});

test('a database from a newer Dossier is refused', () => {
  const path = join(dir, 'newer.db');
  openSqliteStore(path).close();
  const db = new Database(path);
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof StoreError && e.code === 'newer-schema');
});

test('opening read-only a database that does not exist says so', () => {
  assert.throws(() => openSqliteStore(join(dir, 'missing.db'), { readonly: true }), (e: unknown) => e instanceof StoreError && e.code === 'missing');
});

test('a read-only database is refused for writing with a clear error, and its articles stay', () => {
  const path = join(dir, 'ro.db');
  const doc = processArticle('The envoy met the president on Friday.', 'text');
  storeAt(path, doc);
  // SQLite opens a database read-only when the header's write version is above 2, whatever
  // the file permissions (tests run as root, for whom chmod changes nothing)
  const bytes = readFileSync(path);
  bytes[18] = 3;
  writeFileSync(path, bytes);
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  assert.throws(
    () => {
      const w = openSqliteStore(path);
      try {
        w.put(processArticle('Another article entirely.', 'text'));
      } finally {
        w.close();
      }
    },
    (e: unknown) => e instanceof StoreError && e.code === 'read-only',
  );
  const r = openSqliteStore(path, { readonly: true });
  assert.ok(r.has(doc.id));
  r.close();
});

test('a database from before quotes were stored is migrated, and its articles are marked for processing again', () => {
  const path = join(dir, 'before-quotes.db');
  const doc = processArticle('Talks resume\n\n“We will not retreat,” said Henrik Solvane.', 'text');
  storeAt(path, doc);
  // what the version-2 schema left behind: no quotes table and no quotes layer, nor anything later steps create
  const db = new Database(path);
  db.exec("DELETE FROM layers WHERE name = 'quotes'");
  for (const step of MIGRATIONS.slice(2)) {
    for (const [, kind, name] of step.matchAll(/CREATE (TABLE|TRIGGER) (\w+)/g)) db.exec(`DROP ${kind} IF EXISTS ${name}`);
  }
  db.pragma('user_version = 2');
  db.close();

  const old = openSqliteStore(path, { readonly: true });
  assert.ok(old.has(doc.id));
  assert.equal(old.isComplete(doc.id), false, 'stored without the quotes layer');
  assert.deepEqual(old.get(doc.id)!.quotes, []);
  assert.deepEqual(old.quotes(), { total: 0, quotes: [] });
  old.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('user_version', { simple: true }), MIGRATIONS.length);
  raw.close();

  const again = openSqliteStore(path);
  again.put(doc);
  assert.ok(again.isComplete(doc.id));
  assert.equal(again.quotes().total, doc.quotes.length);
  again.close();
});

test('a database from before timexes were stored is migrated: its articles are marked for processing again, their quotes undated until then', () => {
  const path = join(dir, 'before-timexes.db');
  const doc = processArticle('Talks resume\n\n“We will not retreat,” said Henrik Solvane on 2026-03-12.', 'text', { published: '2026-03-14' });
  assert.ok(doc.quotes.length > 0 && doc.timexes.length > 0, 'the fixture has a quote and a date');
  storeAt(path, doc);
  // what the version-5 schema left behind
  const db = new Database(path);
  db.exec("DROP TABLE timexes; DROP INDEX quotes_date; ALTER TABLE quotes DROP COLUMN date; ALTER TABLE quotes DROP COLUMN date_from; DELETE FROM layers WHERE name = 'timexes'");
  db.exec("DROP TABLE event_actors; DROP TABLE events; DELETE FROM layers WHERE name = 'events'");
  db.exec('DROP TABLE cev_mentions; DROP TABLE cev_blocks; DROP TABLE cev_links; DROP TABLE corpus_events');
  db.pragma('user_version = 5');
  db.close();

  const old = openSqliteStore(path, { readonly: true });
  assert.equal(old.isComplete(doc.id), false, 'stored without the timexes layer');
  assert.deepEqual(old.get(doc.id)!.timexes, []);
  assert.deepEqual(old.timexes(), { total: 0, timexes: [] });
  assert.ok(old.quotes().quotes.every((q) => q.date === null && q.dateFrom === null));
  old.close();

  const again = openSqliteStore(path);
  again.put(doc);
  assert.ok(again.isComplete(doc.id));
  assert.equal(again.timexes({ doc: doc.id }).total, doc.timexes.length);
  assert.ok(again.quotes().quotes.every((q) => q.date !== null));
  again.close();
  const raw = new Database(path, { readonly: true });
  const plan = (raw.prepare("EXPLAIN QUERY PLAN SELECT id FROM articles a WHERE a.published >= '2026-03-01' AND a.published < '2026-03-15'").all() as { detail: string }[]).map((r) => r.detail).join(' ');
  raw.close();
  assert.match(plan, /articles_published/, 'date filters read the index on the publication date');
});

test('a database from before events were stored is migrated: its articles are marked for processing again', () => {
  const path = join(dir, 'before-events.db');
  const doc = processArticle('Envoy meets minister\n\nHenrik Solvane met Ilse Brandoch in Skarholm on Thursday.', 'text', { published: '2026-03-14' });
  assert.ok(doc.events.length > 0, 'the fixture has an event');
  storeAt(path, doc);
  // what the version-7 schema left behind
  const db = new Database(path);
  db.exec("DROP TABLE event_actors; DROP TABLE events; DELETE FROM layers WHERE name = 'events'");
  db.exec('DROP TABLE cev_mentions; DROP TABLE cev_blocks; DROP TABLE cev_links; DROP TABLE corpus_events');
  db.pragma('user_version = 7');
  db.close();

  const old = openSqliteStore(path, { readonly: true });
  assert.equal(old.isComplete(doc.id), false, 'stored without the events layer');
  assert.deepEqual(old.get(doc.id)!.events, []);
  assert.deepEqual(old.events(), { total: 0, events: [] });
  old.close();
  const again = openSqliteStore(path);
  again.put(doc);
  assert.ok(again.isComplete(doc.id));
  assert.equal(again.events().total, doc.events.length);
  again.close();
});

test('a database connected before corpus events is migrated: its articles are connected again, and their events join', () => {
  const path = join(dir, 'before-corpus-events.db');
  const doc = processArticle('Envoy meets minister\n\nHenrik Solvane met Ilse Brandoch in Skarholm on Thursday.', 'text', { published: '2026-03-14' });
  assert.ok(doc.events.length > 0, 'the fixture has an event');
  storeAt(path, doc);
  const store = openSqliteStore(path);
  connect(store);
  store.close();
  // what the version-8 schema left behind: connected, without corpus events
  const db = new Database(path);
  beforeEventOrder(db);
  db.exec('DROP TABLE cev_mentions; DROP TABLE cev_blocks; DROP TABLE cev_links; DROP TABLE corpus_events');
  db.pragma('user_version = 8');
  db.close();

  const again = openSqliteStore(path);
  assert.equal(again.corpus.queueLength(), 1, 'queued to be connected again');
  assert.equal(again.corpus.isConnected(doc.id), false);
  connect(again);
  assert.equal(again.corpus.cevMentionsOf(doc.id).length, doc.events.length);
  assert.ok(again.corpus.storyOf(doc.id), 'its story is back');
  again.close();
});

test("a database from before events_days is migrated: the overview counts events by day from that index, reading no event's row", () => {
  const path = join(dir, 'before-events-days.db');
  const doc = processArticle('Envoy meets minister\n\nHenrik Solvane met Ilse Brandoch in Skarholm on Thursday.', 'text', { published: '2026-03-14' });
  const byDay = new Map<string, number>();
  for (const e of doc.events) if (e.when.value && /^\d{4}-\d{2}-\d{2}$/.test(e.when.value)) byDay.set(e.when.value, (byDay.get(e.when.value) ?? 0) + 1);
  assert.ok(byDay.size > 0, 'the fixture has an event dated to one day');
  storeAt(path, doc);
  // what the version-9 schema left behind: events indexed by their first day alone
  const db = new Database(path);
  beforeEventOrder(db);
  db.exec('CREATE INDEX corpus_events_day ON corpus_events (first_day); CREATE INDEX corpus_events_type ON corpus_events (type, first_day)');
  db.exec('DROP INDEX events_days; CREATE INDEX events_day ON events (first_day)');
  db.pragma('user_version = 9');
  db.close();

  const store = openSqliteStore(path);
  assert.deepEqual(store.eventFacets().days, [...byDay].sort().map(([day, events]) => ({ day, events })));
  store.close();
  const raw = new Database(path, { readonly: true });
  const indexes = (raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events'").pluck().all() as string[]).sort();
  assert.ok(indexes.includes('events_days') && !indexes.includes('events_day'), indexes.join(', '));
  // the overview's read of events by day (SqliteStore's eventDays)
  const plan = raw
    .prepare('EXPLAIN QUERY PLAN SELECT first_day AS day, count(*) AS events FROM events WHERE first_day IS NOT NULL AND first_day = last_day GROUP BY first_day ORDER BY first_day')
    .all()
    .map((r) => (r as { detail: string }).detail)
    .join('; ');
  assert.match(plan, /USING COVERING INDEX events_days/);
  raw.close();
});

test("a database from before events kept their article's date is migrated: lists read a page in index order, without sorting every event", () => {
  const path = join(dir, 'before-event-order.db');
  const older = processArticle('Envoy meets minister\n\nHenrik Solvane met Ilse Brandoch in Skarholm on Thursday.', 'text', { published: '2026-03-14' });
  const newer = processArticle('Talks go on\n\nIlse Brandoch met Henrik Solvane in Halvik on Thursday.', 'text', { published: '2026-03-21' });
  const undated = processArticle('Talks, undated\n\nHenrik Solvane met Ilse Brandoch in Halvik.', 'text');
  const s = openSqliteStore(path);
  for (const doc of [older, undated, newer]) s.put(doc);
  const before = s.events({ limit: 50 });
  s.close();
  assert.ok(before.events.length >= 3, 'each article has an event');
  const db = new Database(path);
  beforeEventOrder(db);
  db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
  db.close();

  const store = openSqliteStore(path);
  assert.deepEqual(store.events({ limit: 50 }), before, 'the same rows in the same order');
  // the newest article's events first among those on one day; the undated article's last
  assert.deepEqual(
    [...new Set(before.events.map((e) => e.articleId))],
    [newer.id, older.id, undated.id].filter((id) => before.events.some((e) => e.articleId === id)),
  );
  store.close();
  const raw = new Database(path, { readonly: true });
  assert.deepEqual(raw.prepare('SELECT DISTINCT published FROM events ORDER BY published').pluck().all(), [null, '2026-03-14', '2026-03-21']);
  const plan = (sql: string) => raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join('; ');
  // the order event lists use by default (sqlite-list-order.ts)
  const page = plan(`SELECT e.idx FROM events e JOIN articles a ON a.rowid = e.article ORDER BY ${eventOrder(undefined)} LIMIT 50`);
  assert.match(page, /SCAN e USING (COVERING )?INDEX events_latest/);
  assert.doesNotMatch(page, /TEMP B-TREE/);
  const ofType = plan(`SELECT e.idx FROM events e JOIN articles a ON a.rowid = e.article WHERE e.type = 'CONSULT' ORDER BY ${eventOrder(undefined)} LIMIT 50`);
  assert.match(ofType, /events_type_latest/);
  assert.doesNotMatch(ofType, /TEMP B-TREE/);
  raw.close();
});

test('the events of a country, an entity or a real-world event are the same page walked in order as read by key', () => {
  const store = openSqliteStore(':memory:');
  const texts = [
    ['Talks in Geneva', 'Russian officials met Ukrainian negotiators in Geneva on Monday. Steve Witkoff met Vladimir Putin in Moscow on Tuesday.', '2026-03-10'],
    ['Envoy in Moscow', 'Steve Witkoff met Vladimir Putin in Moscow on Tuesday, officials said. Ukrainian forces attacked a Russian depot on Wednesday.', '2026-03-12'],
    ['Talks go on', 'Russian negotiators met Ukrainian officials in Riyadh on Monday. Vladimir Putin praised Steve Witkoff on Friday.', '2026-03-20'],
  ];
  for (const [title, body, published] of texts) store.put(processArticle(`${title}\n\n${body}`, 'text', { published }));
  connect(store);
  const all = store.events({ limit: 500 }).events;
  const countries = [...new Set(all.flatMap((e) => [...e.source, ...e.target].map((a) => a.country)).filter((c): c is string => c !== null))];
  const entities = [...new Set(all.flatMap((e) => [...e.source, ...e.target].map((a) => a.corpusEntity)).filter((c): c is string => c !== null))];
  const corpusEvents = [...new Set(all.map((e) => e.corpusEvent?.id).filter((c): c is string => c !== undefined))];
  assert.ok(countries.length && entities.length && corpusEvents.length, JSON.stringify({ countries, entities, corpusEvents }));
  const filters = [...countries.map((country) => ({ country })), ...entities.map((entity) => ({ entity })), ...corpusEvents.map((corpusEvent) => ({ corpusEvent }))];
  const byKey = filters.map((f) => [store.events({ ...f, limit: 2 }), store.events({ ...f, limit: 2, offset: 1 })]);
  const saved = EVENT_READ.WALK_FROM;
  try {
    EVENT_READ.WALK_FROM = 0;
    assert.deepEqual(filters.map((f) => [store.events({ ...f, limit: 2 }), store.events({ ...f, limit: 2, offset: 1 })]), byKey);
  } finally {
    EVENT_READ.WALK_FROM = saved;
  }
  assert.ok(byKey.some(([page]) => page.total > 1), 'some filter has several events');
  store.close();
});

test('articles whose spans and labels an older Dossier stored as plain arrays read back the same', () => {
  const path = join(dir, 'plain-layers.db');
  const doc = processArticle('Talks resume\n\n“We will not retreat,” said Henrik Solvane in Halvik.', 'text');
  storeAt(path, doc);
  const db = new Database(path);
  const rewrite = db.prepare('UPDATE layers SET data = ? WHERE name = ?');
  rewrite.run(JSON.stringify(doc.sentences.flatMap((x) => [x.start, x.end])), 'sentences');
  rewrite.run(JSON.stringify({ spans: doc.tokens.flatMap((t) => [t.start, t.end]), pos: doc.tokens.map((t) => t.pos), type: doc.tokens.map((t) => t.type) }), 'tokens');
  rewrite.run(JSON.stringify({ spans: doc.mentions.flatMap((m) => [m.start, m.end]), type: doc.mentions.map((m) => m.type), entity: doc.mentions.map((m) => m.entity) }), 'mentions');
  db.close();

  const r = openSqliteStore(path, { readonly: true });
  const back = r.get(doc.id)!;
  assert.ok(doc.tokens.length > 0 && doc.mentions.length > 0);
  assert.deepEqual(back.sentences, doc.sentences);
  assert.deepEqual(back.tokens, doc.tokens);
  assert.deepEqual(back.mentions, doc.mentions);
  r.close();
});

test('long raw text and layers are stored packed; articles an older Dossier stored as text read back the same', () => {
  const path = join(dir, 'packed.db');
  const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>Envoy Henrik Solvane met the Halvik delegation for round ${i + 1} of the talks, officials said.</p>`);
  const doc = processArticle(`<html><head><title>Talks</title></head><body><nav>Home | World</nav><article>${paragraphs.join('\n')}</article></body></html>`, 'html');
  storeAt(path, doc);
  const db = new Database(path);
  assert.equal(db.prepare('SELECT typeof(raw) FROM articles').pluck().get(), 'blob');
  const kinds = db.prepare('SELECT name, typeof(data) AS kind FROM layers').all() as Array<{ name: string; kind: string }>;
  assert.ok(kinds.some((k) => k.kind === 'blob') && kinds.some((k) => k.kind === 'text'), JSON.stringify(kinds));
  const fresh = openSqliteStore(path, { readonly: true });
  const back = fresh.get(doc.id)!;
  fresh.close();
  assert.equal(back.raw, doc.raw);
  assert.deepEqual([back.tokens, back.blocks, back.removed, back.map], [doc.tokens, doc.blocks, doc.removed, doc.map]);

  // as an older Dossier wrote it: every column text
  const layers = new Map((db.prepare('SELECT name, data FROM layers').all() as Array<{ name: string; data: string | Buffer }>).map((l) => [l.name, l.data]));
  db.prepare('UPDATE articles SET raw = ?').run(doc.raw);
  const rewrite = db.prepare('UPDATE layers SET data = ? WHERE name = ?');
  for (const [name, data] of layers) rewrite.run(typeof data === 'string' ? data : inflateRawSync(data).toString('utf8'), name);
  assert.equal(db.prepare("SELECT count(*) FROM layers WHERE typeof(data) = 'blob'").pluck().get(), 0);
  db.close();
  const old = openSqliteStore(path, { readonly: true });
  const plain = old.get(doc.id)!;
  old.close();
  assert.equal(plain.raw, doc.raw);
  assert.deepEqual([plain.tokens, plain.blocks, plain.removed, plain.map], [doc.tokens, doc.blocks, doc.removed, doc.map]);
});
