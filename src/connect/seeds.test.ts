import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { needsSharedData, SHARED_DATA } from '../../test/support/shared-data.ts';
import { createDoc, type Doc } from '../doc/doc.ts';
import { defaultPipeline } from '../pipeline/default-pipeline.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { connect } from './connect.ts';

/**
 * The seeds' cross-article facts (issue 13): the two seed articles of ../shared/data/seeds,
 * with the dates the events issue gives them (the live blog 2025-03-14, the agency story
 * 2025-04-11), connected: one Steve Witkoff behind "Witkov" and "Witkoff", one Volodymyr
 * Zelensky behind "Zelensky" and "Voldy Mie Zelensky", one story, and two different
 * Witkoff–Putin meetings (Moscow on 13 March, St. Petersburg on 11 April). Skipped with a
 * message where ../shared/data is absent.
 */

const LIVE_BLOG = 'seeds/004_20dca7a36c75680e.txt';
const AGENCY = 'seeds/000_f52f2e6ae05d1052.txt';

function seed(path: string, published: string): Doc {
  return defaultPipeline()(createDoc(readFileSync(SHARED_DATA + path, 'utf8'), 'text', { published, source: path }));
}

test('the seeds connected: one Witkoff, one Zelensky, one story, two different Witkoff–Putin meetings', { ...needsSharedData(LIVE_BLOG), ...needsSharedData(AGENCY) }, () => {
  const live = seed(LIVE_BLOG, '2025-03-14');
  const agency = seed(AGENCY, '2025-04-11');
  const store = openSqliteStore(':memory:');
  store.put(live);
  store.put(agency);
  connect(store);
  const corpusOf = (doc: Doc, name: string) => {
    const i = doc.entities.findIndex((e) => e.name === name || e.aliases.includes(name));
    assert.ok(i >= 0, `${name} among ${doc.entities.map((e) => e.name).join(', ')}`);
    return store.corpus.articleFacts(doc.id).entities[i];
  };
  assert.equal(corpusOf(agency, 'Steve Witkov'), corpusOf(live, 'Steve Witkoff'), 'one Steve Witkoff');
  assert.equal(corpusOf(agency, 'Voldy Mie Zelensky'), corpusOf(live, 'Zelensky'), 'one Volodymyr Zelensky');
  assert.equal(store.corpus.storyOf(agency.id), store.corpus.storyOf(live.id), 'one story');

  // each seed's meeting of Witkoff and Putin, and its corpus event
  const meetings = (doc: Doc) =>
    doc.events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.type === 'CONSULT' && e.status === 'asserted' && [...e.source, ...e.target].some((a) => /Witko/.test(a.text)) && [...e.source, ...e.target].some((a) => /Putin/.test(a.text)))
      .map(({ i }) => store.corpus.cevMention(doc.id, i)!.event);
  const inAgency = new Set(meetings(agency));
  const inLive = new Set(meetings(live));
  assert.ok(inAgency.size > 0 && inLive.size > 0, 'each seed reports a meeting of Witkoff and Putin');
  for (const event of inAgency) assert.ok(!inLive.has(event), 'the St. Petersburg meeting is not the Moscow one');
  store.close();
});
