import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc } from '../doc/doc.ts';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { LAYER_CODECS, LAYER_NAMES } from './layer-codec.ts';

const article = processArticle(
  'Envoy stays in Halvik\n\n“We will not retreat,” said Henrik Solvane in Halvik on Friday.\n\nIlse Brandoch told Meridian Wire the dam stays open (for now).',
  'text',
);

/** What a store does with a doc: each layer encoded, written as JSON, read back into a fresh doc. */
function throughStorage(doc: Doc, rows = LAYER_NAMES.map((name) => [name, JSON.stringify(LAYER_CODECS[name].encode(doc))] as const)): Doc {
  const back = createDoc(doc.raw, doc.format, doc.meta);
  for (const [name, json] of rows) LAYER_CODECS[name].decode(JSON.parse(json), back);
  return back;
}

function assertSameLayers(back: Doc, doc: Doc): void {
  for (const name of LAYER_NAMES) assert.deepEqual(back[name], doc[name], name);
  // key order too: exports write stored layers as JSON
  assert.equal(JSON.stringify(back.tokens), JSON.stringify(doc.tokens));
  assert.equal(JSON.stringify(back.mentions), JSON.stringify(doc.mentions));
}

test('every layer round-trips through its stored form', () => {
  assert.ok(article.tokens.length > 20 && article.mentions.length > 0 && article.sentences.length > 1, 'the fixture has every kind of span layer');
  assertSameLayers(throughStorage(article), article);
});

test('tokens are stored as packed spans and dictionary-coded labels', () => {
  const stored = LAYER_CODECS.tokens.encode(article) as { spans: string; pos: { values: string[]; codes: string }; type: { values: string[]; codes: string } };
  assert.equal(typeof stored.spans, 'string');
  assert.equal(stored.pos.codes.length, article.tokens.length);
  assert.deepEqual(stored.type.values, [...new Set(article.tokens.map((t) => t.type))]);
  const plainBytes = JSON.stringify({ spans: article.tokens.flatMap((t) => [t.start, t.end]), pos: article.tokens.map((t) => t.pos), type: article.tokens.map((t) => t.type) }).length;
  assert.ok(JSON.stringify(stored).length * 2 < plainBytes, 'under half the size of the plain form');
});

test('the compact tokens form is stable: databases written today are read by later Dossiers', () => {
  const doc = createDoc('Hi, you.', 'text');
  const tokens = [
    { start: 0, end: 2, pos: 'INTJ', type: 'word' },
    { start: 2, end: 3, pos: 'PUNCT', type: 'punctuation' },
    { start: 4, end: 7, pos: 'PRON', type: 'word' },
    { start: 7, end: 8, pos: 'PUNCT', type: 'punctuation' },
  ];
  const stored = '{"spans":"ACABCDAB","pos":{"values":["INTJ","PUNCT","PRON"],"codes":"ABCB"},"type":{"values":["word","punctuation"],"codes":"ABAB"}}';
  doc.tokens = tokens;
  assert.equal(JSON.stringify(LAYER_CODECS.tokens.encode(doc)), stored);
  doc.tokens = [];
  LAYER_CODECS.tokens.decode(JSON.parse(stored), doc);
  assert.deepEqual(doc.tokens, tokens);
});

test('labels outside any fixed table round-trip', () => {
  const doc = structuredClone(article);
  doc.tokens = doc.tokens.map((t, i) => ({ ...t, pos: i % 3 ? t.pos : `X-${i}`, type: i === 2 ? '' : t.type }));
  assertSameLayers(throughStorage(doc), doc);
});

test('spans the compact form cannot hold are stored in the plain form and round-trip', () => {
  const doc = structuredClone(article);
  doc.sentences = [ { start: 5, end: 2 } ];
  doc.tokens[1] = { ...doc.tokens[1], end: doc.tokens[1].start - 1 };
  assert.ok(Array.isArray(LAYER_CODECS.sentences.encode(doc)));
  assertSameLayers(throughStorage(doc), doc);
});

test('layers written by older Dossiers (spans and labels as plain arrays) are read', () => {
  const rows: [(typeof LAYER_NAMES)[number], string][] = LAYER_NAMES.map((name) => [name, JSON.stringify(LAYER_CODECS[name].encode(article))]);
  const old: Partial<Record<(typeof LAYER_NAMES)[number], unknown>> = {
    sentences: article.sentences.flatMap((s) => [s.start, s.end]),
    tokens: { spans: article.tokens.flatMap((t) => [t.start, t.end]), pos: article.tokens.map((t) => t.pos), type: article.tokens.map((t) => t.type) },
    mentions: { spans: article.mentions.flatMap((m) => [m.start, m.end]), type: article.mentions.map((m) => m.type), entity: article.mentions.map((m) => m.entity) },
  };
  assertSameLayers(throughStorage(article, rows.map(([name, json]) => [name, name in old ? JSON.stringify(old[name]) : json])), article);

  const literal = createDoc('Hi, you.', 'text');
  LAYER_CODECS.tokens.decode(JSON.parse('{"spans":[0,2,2,3,4,7,7,8],"pos":["INTJ","PUNCT","PRON","PUNCT"],"type":["word","punctuation","word","punctuation"]}'), literal);
  assert.deepEqual(literal.tokens, [
    { start: 0, end: 2, pos: 'INTJ', type: 'word' },
    { start: 2, end: 3, pos: 'PUNCT', type: 'punctuation' },
    { start: 4, end: 7, pos: 'PRON', type: 'word' },
    { start: 7, end: 8, pos: 'PUNCT', type: 'punctuation' },
  ]);
});
