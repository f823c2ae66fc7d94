import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDoc, type Doc } from '../doc/doc.ts';
import { tokenizeText } from '../text/tokenize.ts';
import { clauseOf, dependentsOf, headOf, objectsOf, subjectOf } from './deps.ts';
import { parse } from './stage.ts';

/** A Doc with tokens and a given parse (heads and relations by hand), so the readers are tested apart from the model. */
function docWith(text: string, tree: Array<[number, string]>): Doc {
  const doc = createDoc(text, 'text');
  tokenizeText(text, [], doc.sentences, doc.tokens);
  assert.equal(doc.tokens.length, tree.length, 'the tree fits the tokens');
  doc.deps = tree.map(([head, rel]) => ({ head, rel }));
  return doc;
}

const at = (doc: Doc, i: number): string => (i < 0 ? '' : doc.text.slice(doc.tokens[i].start, doc.tokens[i].end));

// Russia released Xenia Karelina in exchange for Arthur Petrov .
//   0       1       2      3     4     5      6     7      8   9
// (UD heads a name by its first word: Karelina is Xenia's flat dependent)
const released = () =>
  docWith('Russia released Xenia Karelina in exchange for Arthur Petrov.', [
    [1, 'nsubj'], [-1, 'root'], [1, 'obj'], [2, 'flat'], [5, 'case'], [1, 'obl'], [7, 'case'], [5, 'nmod'], [7, 'flat'], [1, 'punct'],
  ]);

test('subjectOf and objectsOf read a verb\'s subject and objects', () => {
  const doc = released();
  assert.equal(at(doc, subjectOf(doc, 1)), 'Russia');
  assert.deepEqual(objectsOf(doc, 1).map((i) => at(doc, i)), ['Xenia']);
  assert.equal(subjectOf(doc, 3), -1, 'a noun has no subject');
  assert.deepEqual(objectsOf(doc, 99), []);
  assert.deepEqual(dependentsOf(doc, 7).map((i) => at(doc, i)), ['for', 'Petrov']);
});

test('an auxiliary gives its verb\'s subject; a conjoined verb without one shares its first verb\'s', () => {
  // She has said it and left .
  //  0   1   2   3  4    5   6
  const doc = docWith('She has said it and left.', [[2, 'nsubj'], [2, 'aux'], [-1, 'root'], [2, 'obj'], [5, 'cc'], [2, 'conj'], [2, 'punct']]);
  assert.equal(at(doc, subjectOf(doc, 1)), 'She');
  assert.equal(at(doc, subjectOf(doc, 5)), 'She');
  assert.deepEqual(objectsOf(doc, 1).map((i) => at(doc, i)), ['it']);
});

test('headOf finds the word a span hangs on', () => {
  const doc = released();
  const span = (from: number, to: number) => ({ start: doc.tokens[from].start, end: doc.tokens[to].end });
  assert.equal(at(doc, headOf(doc, span(2, 3))), 'Xenia');
  assert.equal(at(doc, headOf(doc, span(6, 8))), 'Arthur');
  assert.equal(at(doc, headOf(doc, span(0, 9))), 'released');
  assert.equal(headOf(doc, { start: 200, end: 300 }), -1);
});

test('clauseOf finds the clause around a word', () => {
  // He said the talks failed .
  //  0   1    2    3     4    5
  const doc = docWith('He said the talks failed.', [[1, 'nsubj'], [-1, 'root'], [3, 'det'], [4, 'nsubj'], [1, 'ccomp'], [1, 'punct']]);
  const inner = clauseOf(doc, 2);
  assert.equal(at(doc, inner?.head ?? -1), 'failed');
  assert.equal(doc.text.slice(inner!.span.start, inner!.span.end), 'the talks failed');
  const outer = clauseOf(doc, 0);
  assert.equal(at(doc, outer?.head ?? -1), 'said');
  assert.equal(doc.text.slice(outer!.span.start, outer!.span.end), doc.text);
  assert.equal(clauseOf(doc, 17), null);
});

test('the committed model finds who did what to whom in a plain sentence', () => {
  const doc = createDoc('Russia released Xenia Karelina on Thursday.', 'text');
  tokenizeText(doc.text, [], doc.sentences, doc.tokens);
  parse().run(doc);
  const verb = doc.tokens.findIndex((t) => doc.text.slice(t.start, t.end) === 'released');
  assert.equal(at(doc, subjectOf(doc, verb)), 'Russia');
  assert.deepEqual(objectsOf(doc, verb).map((i) => at(doc, i)), ['Xenia']);
});
