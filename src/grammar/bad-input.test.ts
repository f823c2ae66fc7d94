import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createDoc, type Doc } from '../doc/doc.ts';
import { tokenizeText } from '../text/tokenize.ts';
import { parse } from './stage.ts';

const stage = parse();

function parsed(text: string): Doc {
  const doc = createDoc(text, 'text');
  tokenizeText(text, [], doc.sentences, doc.tokens);
  stage.run(doc);
  return doc;
}

/** Every token has a dep, every head is a token of its own sentence (or -1), one root per sentence, no cycles. */
function assertTrees(doc: Doc, what: string): void {
  assert.equal(doc.deps.length, doc.tokens.length, `${what}: one dep per token`);
  const sentenceOf = doc.tokens.map((t) => doc.sentences.findIndex((s) => s.start <= t.start && t.start < s.end));
  const roots = new Map<number, number>();
  doc.deps.forEach((d, i) => {
    assert.ok(Number.isInteger(d.head) && d.head >= -1 && d.head < doc.tokens.length && d.head !== i, `${what}: head of token ${i} in range`);
    assert.ok(typeof d.rel === 'string' && d.rel.length > 0, `${what}: relation of token ${i}`);
    if (d.head < 0) {
      assert.equal(d.rel, 'root');
      roots.set(sentenceOf[i], (roots.get(sentenceOf[i]) ?? 0) + 1);
    } else assert.equal(sentenceOf[d.head], sentenceOf[i], `${what}: token ${i}'s head is in its sentence`);
    // the path to the root ends
    let v = i;
    for (let steps = 0; doc.deps[v].head >= 0; steps++) {
      assert.ok(steps <= doc.tokens.length, `${what}: no cycle through token ${i}`);
      v = doc.deps[v].head;
    }
  });
  for (const s of new Set(sentenceOf)) assert.equal(roots.get(s), 1, `${what}: one root in sentence ${s}`);
}

test('a sentence of one token', () => {
  for (const text of ['Yes', '.', 'Hello!', '42']) assertTrees(parsed(text), text);
  assert.deepEqual(parsed('Yes').deps, [{ head: -1, rel: 'root' }]);
});

test('a sentence of 5,000 tokens', () => {
  const words = ['the', 'minister', 'said', 'that', 'talks', 'in', 'Halvik', 'would', 'resume', 'and'];
  const text = Array.from({ length: 5000 }, (_, i) => words[i % words.length]).join(' ');
  const doc = createDoc(text, 'text');
  tokenizeText(text, [], doc.sentences, doc.tokens);
  doc.sentences = [{ start: 0, end: text.length }];
  stage.run(doc);
  assert.equal(doc.tokens.length, 5000);
  assertTrees(doc, '5,000 tokens');
});

test('no verbs, only punctuation, mixed scripts, empty text', () => {
  const cases = [
    'The old house by the river.',
    '... !!! ??? --- ;;; ((( )))',
    '"',
    'Москва и Kyiv: 北京 — مرحبا, Ελλάδα 🙂 and ∑x².',
    'ALL CAPS HEADLINE WITHOUT A VERB',
    'http://example.org/a?b=c john@example.org #tag @user',
    '',
    '   \n\n  ',
  ];
  for (const text of cases) assertTrees(parsed(text), JSON.stringify(text));
  assert.deepEqual(parsed('').deps, []);
});

test('tokens outside every sentence are parsed as trees of their own', () => {
  const doc = createDoc('One two. Three four.', 'text');
  tokenizeText(doc.text, [], doc.sentences, doc.tokens);
  doc.sentences = [doc.sentences[1]];
  stage.run(doc);
  const roots = doc.deps.filter((d) => d.head < 0).length;
  assert.equal(roots, 2);
  for (const [i, d] of doc.deps.entries()) if (d.head >= 0) assert.equal(doc.tokens[d.head].start < 8, doc.tokens[i].start < 8);
});

test('any string: no exception, trees well formed', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
      assertTrees(parsed(text), JSON.stringify(text));
    }),
    { numRuns: 150 },
  );
});
