import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { SHARED_DATA, needsSharedData } from '../../test/support/shared-data.ts';
import type { Doc } from '../doc/doc.ts';
import { processArticle } from '../pipeline/default-pipeline.ts';

const REWRITTEN = 'seeds/000_f52f2e6ae05d1052.txt';
const LIVE_BLOG = 'seeds/004_20dca7a36c75680e.txt';

function entity(doc: Doc, name: string) {
  return doc.entities.find((e) => e.name === name);
}

function formsOf(doc: Doc, name: string): string[] {
  const e = entity(doc, name);
  return e ? e.mentions.map((m) => doc.text.slice(doc.mentions[m].start, doc.mentions[m].end)) : [];
}

function rolesOf(doc: Doc, name: string): string[] {
  return entity(doc, name)?.roles.map((r) => r.text) ?? [];
}

test('rewritten seed: one entity per person with its fullest name, titles as roles', needsSharedData(REWRITTEN), () => {
  const doc = processArticle(readFileSync(SHARED_DATA + REWRITTEN, 'utf8'), 'text');
  // "Putin", "President Putin", "Russian President Vladimir Putin" → Vladimir Putin
  const putin = entity(doc, 'Vladimir Putin');
  assert.ok(putin, 'Vladimir Putin is an entity');
  assert.equal(putin.type, 'PER');
  assert.ok(formsOf(doc, 'Vladimir Putin').filter((f) => f === 'Putin').length >= 4);
  assert.ok(rolesOf(doc, 'Vladimir Putin').some((r) => /President/.test(r)));
  assert.equal(doc.entities.filter((e) => e.type === 'PER' && /Putin/.test(e.name)).length, 1, 'no second Putin');
  // "Witkov" → Steve Witkov
  assert.ok(formsOf(doc, 'Steve Witkov').filter((f) => f === 'Witkov').length >= 4);
  // a misspelt surname joins the person: "Shapovarova" → Julia Shapovalova
  assert.ok(formsOf(doc, 'Julia Shapovalova').includes('Shapovarova'));
  assert.ok(rolesOf(doc, 'Julia Shapovalova').includes('correspondent'));
  assert.ok(rolesOf(doc, 'Dmitry Peskov').includes('Kremlin spokesman'));
  assert.ok(rolesOf(doc, 'Sergei Lavrov').some((r) => /Foreign Minister/.test(r)));
  // acronyms join their expansion
  const nato = entity(doc, 'North Atlantic Treaty Organization');
  assert.ok(nato, 'NATO has its expansion as its name');
  assert.ok(formsOf(doc, 'North Atlantic Treaty Organization').includes('NATO'));
  // possessives are not part of names
  for (const m of doc.mentions) assert.doesNotMatch(doc.text.slice(m.start, m.end), /['’]s?$/, 'no possessive ending');
});

test('live-blog seed: possessives, outlets and envoys', needsSharedData(LIVE_BLOG), () => {
  const doc = processArticle(readFileSync(SHARED_DATA + LIVE_BLOG, 'utf8'), 'text');
  assert.ok(formsOf(doc, 'Steve Witkoff').includes('Witkoff'));
  assert.ok(rolesOf(doc, 'Steve Witkoff').includes('US envoy'));
  assert.ok(formsOf(doc, 'Keith Kellogg').includes('Kellogg'));
  const texts = doc.mentions.map((m) => doc.text.slice(m.start, m.end));
  assert.ok(texts.includes('BBC'), 'the BBC’s → BBC');
  assert.ok(texts.includes('Sky News'), 'Sky News’ → Sky News');
  assert.ok(texts.includes('Sarah Rainsford'));
  for (const t of texts) assert.doesNotMatch(t, /['’]s?$/);
});

test('all-caps headlines and quotation marks do not break names', () => {
  const doc = processArticle(
    'PUTIN MEETS WITKOFF IN MOSCOW AS TALKS RESUME\n\nRussian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Thursday. The “Witkoff” visit was the third this year, and "Putin" was said to be pleased.',
    'text',
  );
  const putin = entity(doc, 'Vladimir Putin');
  assert.ok(putin);
  const putinForms = formsOf(doc, 'Vladimir Putin');
  assert.ok(putinForms.includes('PUTIN'), `the headline's PUTIN joins Vladimir Putin (${putinForms})`);
  assert.ok(putinForms.includes('Putin'));
  assert.ok(formsOf(doc, 'Steve Witkoff').includes('WITKOFF'));
  for (const m of doc.mentions) assert.doesNotMatch(doc.text.slice(m.start, m.end), /^[“”"]|[“”"]$/);
});

test('a title-cased headline is read as the body writes its words: no names made of headline words', () => {
  const html = `<html><head><title>x</title></head><body><article>
    <h1>Kessin Outage Hits Halvik Rail Network And Ferries Worldwide</h1>
    <p>A widespread outage hit the Halvik rail network on Monday, the operator Nordline said. Trains across Kessin stopped for three hours and ferries waited in port.</p>
    <h2>Engineers Blame Faulty Update As Nordline Restores Service</h2>
    <p>Engineers said a faulty update caused the outage. Nordline restored service by the evening, and its chief executive, Maren Holt, apologised to passengers.</p>
  </article></body></html>`;
  const doc = processArticle(html, 'html');
  const names = doc.entities.map((e) => e.name);
  for (const junk of [/Outage/, /Hits/, /Worldwide/, /Faulty/, /Blame/, /Restores/]) {
    assert.ok(!names.some((n) => junk.test(n)), `no name holds a headline word (${names.join('; ')})`);
  }
  // names the body capitalises keep their capitals in the headline and are found there
  const nordline = doc.entities.find((e) => e.name === 'Nordline');
  assert.ok(nordline, names.join('; '));
  const headline = doc.blocks.find((b) => b.kind === 'heading' && doc.text.slice(b.start, b.end).startsWith('Engineers'))!;
  assert.ok(nordline.mentions.some((m) => doc.mentions[m].start >= headline.start && doc.mentions[m].end <= headline.end), 'Nordline is found in the second headline');
});

test('property: any text gives valid mentions that point at entities that point back', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (raw) => {
      const doc = processArticle(raw, 'text');
      doc.mentions.forEach((m, i) => {
        assert.ok(m.start >= 0 && m.start < m.end && m.end <= doc.text.length);
        assert.ok(doc.entities[m.entity].mentions.includes(i));
      });
    }),
    { numRuns: 80 },
  );
});

test('a non-English article is flagged and tagged best-effort without error', () => {
  const doc = processArticle(
    'Die Waffenruhe am Staudamm hält seit drei Tagen. Präsident Anselm Korvath erklärte am Dienstag in Drevin, man werde die Schleusen öffnen, sobald die Beobachter der Vereinten Nationen eingetroffen seien.',
    'text',
  );
  assert.equal(doc.meta.language, 'de');
  assert.ok(doc.quality!.flags.includes('not-english'));
  for (const m of doc.mentions) assert.ok(m.start < m.end && m.end <= doc.text.length);
  assert.ok(doc.entities.some((e) => e.name.includes('Korvath')), 'a name in a German sentence is still found');
});

test('a generational suffix does not hide the surname: "Jr." joins the same person', () => {
  const doc = processArticle(
    'Inmate recaptured near Halvik\n\nArvid Tollan Jr. was caught on Friday. Tollan had escaped on Tuesday.\n\nArvid Tollan Jr., 49, was serving a life sentence.',
    'text',
  );
  const tollan = doc.entities.filter((e) => e.type === 'PER' && /Tollan/.test(e.name));
  assert.equal(tollan.length, 1, `one Tollan: ${tollan.map((e) => e.name)}`);
});

test('a role in an apposition the pattern cannot read is found through the parse, and only in English', () => {
  const kershaw = processArticle('“Sales were strong,” said David Kershaw, division vice president, Nissan Sales & Regional Operations at Nissan North America Inc.', 'text');
  assert.deepEqual(rolesOf(kershaw, 'David Kershaw'), ['division vice president']);
  const mulgrew = processArticle('Michael Mulgrew, president of the United Federation of Teachers, which represents teachers, said the plan would fail.', 'text');
  assert.deepEqual(rolesOf(mulgrew, 'Michael Mulgrew'), ['president of the United Federation of Teachers']);
  // no role word, no role: "Anna Berg, 42, of Brena" is an age and a place
  const berg = processArticle('Anna Berg, 42, of Brena, said the water came back.', 'text');
  assert.deepEqual(rolesOf(berg, 'Anna Berg'), []);
});
