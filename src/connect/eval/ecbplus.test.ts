import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, defaultEcbPlusRoot, isEcbPlusRoot, loadEcbPlus, mentionKind, readCompleteSentences, readEcbDocument, splitOfTopic } from './ecbplus.ts';

// An invented document in ECB+'s format: an address as sentence 0, two sentences, mentions
// of each kind, a cross-document instance, a within-document chain and a stray tag.
const XML = `<Document doc_name="7_3ecbplus.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">halvik</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="0" number="6">org</token>
<token t_id="8" sentence="1" number="0">Mayor</token>
<token t_id="9" sentence="1" number="1">Ilse</token>
<token t_id="10" sentence="1" number="2">Brandoch</token>
<token t_id="11" sentence="1" number="3">'s</token>
<token t_id="12" sentence="1" number="4">office</token>
<token t_id="13" sentence="1" number="5">closed</token>
<token t_id="14" sentence="1" number="6">in</token>
<token t_id="15" sentence="1" number="7">Brena</token>
<token t_id="16" sentence="1" number="8">on</token>
<token t_id="17" sentence="1" number="9">Monday</token>
<token t_id="18" sentence="1" number="10">.</token>
<token t_id="19" sentence="2" number="0">She</token>
<token t_id="20" sentence="2" number="1">said</token>
<token t_id="21" sentence="2" number="2">Q&amp;A</token>
<token t_id="22" sentence="2" number="3">sessions</token>
<token t_id="23" sentence="2" number="4">end</token>
<token t_id="24" sentence="2" number="5">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"  >
  <token_anchor t_id="8"/>
  <token_anchor t_id="9"/>
  <token_anchor t_id="10"/>
  <token_anchor t_id="11"/>
</HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"  >
  <token_anchor t_id="19"/>
</HUMAN_PART_PER>
<LOC_GEO m_id="3"  >
  <token_anchor t_id="14"/>
  <token_anchor t_id="15"/>
</LOC_GEO>
<NON_HUMAN_PART m_id="10"  >
  <token_anchor t_id="10"/>
  <token_anchor t_id="11"/>
  <token_anchor t_id="12"/>
</NON_HUMAN_PART>
<ACTION_OCCURRENCE m_id="4"  >
  <token_anchor t_id="13"/>
</ACTION_OCCURRENCE>
<NEG_ACTION_OCCURRENCE m_id="5"  >
  <token_anchor t_id="23"/>
</NEG_ACTION_OCCURRENCE>
<TIME_DATE m_id="6"  >
  <token_anchor t_id="16"/>
  <token_anchor t_id="17"/>
</TIME_DATE>
<NON_HUMAN_PART m_id="7"  >
  <token_anchor t_id="21"/>
  <token_anchor t_id="22"/>
</NON_HUMAN_PART>
<ACTION_OCCURRENCE m_id="8"  >
  <token_anchor t_id="20"/>
</ACTION_OCCURRENCE>
<UNKNOWN_INSTANCE_TAG m_id="9"  >
  <token_anchor t_id="14"/>
</UNKNOWN_INSTANCE_TAG>
<HUMAN_PART_PER m_id="20" RELATED_TO="" TAG_DESCRIPTOR="t7_brandoch" instance_id="HUM100" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM100" >
  <source m_id="1" />
  <source m_id="2" />
  <target m_id="20" />
</CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2" >
<source m_id="8" />
<target m_id="4" />
</INTRA_DOC_COREF>
</Relations>
</Document>`;

test('readEcbDocument rebuilds the text and gives each mention its span, kind, head and cluster', () => {
  const notes: string[] = [];
  const doc = readEcbDocument(XML, '7_3ecbplus', new Set([1]), notes);
  assert.equal(doc.text, "http://halvik.org\nMayor Ilse Brandoch's office closed in Brena on Monday.\nShe said Q&A sessions end.");
  assert.deepEqual([doc.topic, doc.subtopic, doc.split], [7, 'ecbplus', 'train']);
  assert.equal(doc.url, 'http://halvik.org');
  assert.equal(bodyText(doc), "Mayor Ilse Brandoch's office closed in Brena on Monday.\nShe said Q&A sessions end.");
  assert.deepEqual(
    doc.sentences.map((s) => [s.number, s.complete]),
    [
      [0, false],
      [1, true],
      [2, false],
    ],
  );
  const at = (id: string) => doc.mentions.find((m) => m.id === `7_3ecbplus/${id}`)!;
  const text = (id: string) => doc.text.slice(at(id).start, at(id).end);
  const head = (id: string) => doc.text.slice(at(id).head.start, at(id).head.end);
  assert.equal(text('1'), "Mayor Ilse Brandoch's");
  assert.equal(head('1'), 'Brandoch'); // the clitic is passed over
  assert.deepEqual(at('1').tokens, [8, 9, 10, 11]);
  assert.equal(text('3'), 'in Brena');
  assert.equal(head('3'), 'Brena'); // a leading preposition is passed over
  assert.equal(head('10'), 'office');
  assert.equal(text('7'), 'Q&A sessions');
  assert.deepEqual(
    doc.mentions.map((m) => [m.id.split('/')[1], m.kind, m.type, m.complete, m.cluster, m.clusterSource]),
    [
      ['1', 'entity', 'HUMAN_PART_PER', true, 'HUM100', 'cross-doc'],
      ['10', 'entity', 'NON_HUMAN_PART', true, '7_3ecbplus/10', 'singleton'],
      ['4', 'event', 'ACTION_OCCURRENCE', true, '7_3ecbplus/chain/4', 'intra-doc'],
      ['3', 'entity', 'LOC_GEO', true, '7_3ecbplus/3', 'singleton'],
      ['6', 'time', 'TIME_DATE', true, '7_3ecbplus/6', 'singleton'],
      ['2', 'entity', 'HUMAN_PART_PER', false, 'HUM100', 'cross-doc'],
      ['8', 'event', 'ACTION_OCCURRENCE', false, '7_3ecbplus/chain/4', 'intra-doc'],
      ['7', 'entity', 'NON_HUMAN_PART', false, '7_3ecbplus/7', 'singleton'],
      ['5', 'event', 'NEG_ACTION_OCCURRENCE', false, '7_3ecbplus/5', 'singleton'],
    ],
  );
  assert.equal(notes.length, 1);
  assert.match(notes[0], /UNKNOWN_INSTANCE_TAG/);
  for (const t of doc.tokens) assert.equal(doc.text.slice(t.start, t.end), t.form);
});

test("an ECB document's sentence 0 is a title, written as running text; ids are checked", () => {
  const doc = readEcbDocument(XML, '7_3ecb', new Set());
  assert.equal(doc.text.split('\n')[0], 'http: / / halvik.org');
  assert.equal(doc.subtopic, 'ecb');
  assert.deepEqual([doc.url, doc.bodyStart], [null, 0]);
  assert.throws(() => readEcbDocument(XML, 'halvik', new Set()), TypeError);
});

test('a head stops before a post-modifier and skips a split "’ s"', () => {
  // one sentence, and one mention over all its tokens
  const xmlOf = (words: string[]) =>
    `<Document>${words.map((w, i) => `<token t_id="${i + 1}" sentence="1" number="${i}">${w}</token>`).join('\n')}
<Markables><LOC_FAC m_id="1">${words.map((_, i) => `<token_anchor t_id="${i + 1}"/>`).join('')}</LOC_FAC></Markables><Relations></Relations></Document>`;
  const head = (words: string[]) => {
    const d = readEcbDocument(xmlOf(words), '7_1ecb', new Set([1]));
    return d.text.slice(d.mentions[0].head.start, d.mentions[0].head.end);
  };
  assert.equal(head(['a', 'small', 'hut', 'on', 'Mount', 'Sefton']), 'hut');
  assert.equal(head(['near', 'the', 'Brena', 'harbour', ',', 'above', 'the', 'glacier']), 'harbour');
  assert.equal(head(['Halvik', '’', 's', 'highest', 'peak']), 'peak');
  assert.equal(head(['the', 'mayor', '’', 's']), 'mayor');
  assert.equal(head(['in']), 'in');
});

test('mentionKind, splitOfTopic and readCompleteSentences', () => {
  assert.equal(mentionKind('HUMAN_PART_GPE'), 'entity');
  assert.equal(mentionKind('NON_HUMAN_PART_GENERIC'), 'entity');
  assert.equal(mentionKind('LOC_FAC'), 'entity');
  assert.equal(mentionKind('NEG_ACTION_STATE'), 'event');
  assert.equal(mentionKind('TIME_OF_THE_DAY'), 'time');
  assert.equal(mentionKind('UNKNOWN_INSTANCE_TAG'), undefined);
  assert.deepEqual([1, 22, 23, 25, 26, 45].map((t) => splitOfTopic(t)), ['train', 'train', 'dev', 'dev', 'test', 'test']);
  assert.deepEqual([2, 24, 35, 36].map((t) => splitOfTopic(t, 'cybulska')), ['dev', 'train', 'dev', 'test']);
  assert.throws(() => splitOfTopic(0), TypeError);
  const csv = 'Topic,File,Sentence Number\n1,10ecbplus,1\n1,10ecbplus,3\n1,17ecb,0 \n';
  const sets = readCompleteSentences(csv);
  assert.deepEqual([...sets.get('1_10ecbplus')!], [1, 3]);
  assert.deepEqual([...sets.get('1_17ecb')!], [0]);
});

const ROOT = defaultEcbPlusRoot();
const HAVE_DATA = isEcbPlusRoot(ROOT);

test('the whole corpus reads as its README counts it', { skip: !HAVE_DATA && `ECB+ not found at ${ROOT} (../shared/data is absent)` }, () => {
  const corpus = loadEcbPlus(ROOT);
  assert.equal(corpus.documents.length, 982);
  assert.equal(new Set(corpus.documents.map((d) => d.topic)).size, 43);
  assert.equal(corpus.documents.filter((d) => d.subtopic === 'ecbplus').length, 502);
  const count = (pred: (type: string) => boolean) => corpus.documents.reduce((n, d) => n + d.mentions.filter((m) => pred(m.type)).length, 0);
  // README, "ECB+ 1.0 statistics": action, location, time, human and non-human participant mentions
  assert.equal(count((t) => t.startsWith('ACTION') || t.startsWith('NEG_ACTION')), 15003);
  assert.equal(count((t) => t.startsWith('LOC')), 2205);
  assert.equal(count((t) => t.startsWith('TIME')), 2412);
  assert.equal(count((t) => t.startsWith('HUMAN_PART')), 9621);
  assert.equal(count((t) => t.startsWith('NON_HUMAN_PART')), 3056);
  const chains = new Set(corpus.documents.flatMap((d) => d.mentions.filter((m) => m.clusterSource === 'intra-doc').map((m) => m.cluster)));
  assert.equal(chains.size, 185);
  for (const d of corpus.documents) for (const t of d.tokens) assert.ok(d.text.slice(t.start, t.end).length > 0);
});
