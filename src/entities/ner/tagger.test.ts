import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { readConll } from './conll.ts';
import { evaluateChunks } from '../../learn/conlleval.ts';
import { conllFiles, DEFAULT_MODEL_PATH } from './paths.ts';
import { dataDir } from '../../learn/script-options.ts';
import { entitySpans, loadNerModel, tagTokens } from './tagger.ts';

const haveModel = existsSync(DEFAULT_MODEL_PATH);
const LABEL = /^(O|[BILU]-(PER|ORG|LOC|MISC))$/;

test('the committed model loads once and tags a plain sentence', { skip: !haveModel && `no model file at ${DEFAULT_MODEL_PATH}` }, () => {
  const model = loadNerModel();
  assert.equal(loadNerModel(), model);
  const [labels] = tagTokens([['Peter', 'Blackburn', 'flew', 'from', 'Brussels', 'to', 'London', 'on', 'Monday', '.']]);
  assert.equal(labels.length, 10);
  const spans = entitySpans(labels).map((s) => `${s.type}:${s.start}-${s.end}`);
  assert.ok(spans.includes('PER:0-2'), `spans: ${spans}`);
  assert.ok(spans.includes('LOC:4-5') && spans.includes('LOC:6-7'), `spans: ${spans}`);
  assert.deepEqual(tagTokens([]), []);
  assert.deepEqual(tagTokens([[]]), [[]]);
});

test('tagTokens rejects input that is not sentences of strings', { skip: !haveModel && 'no model file' }, () => {
  assert.throws(() => tagTokens('Paris' as unknown as string[][]), TypeError);
  assert.throws(() => tagTokens([['Paris', 3 as unknown as string]]), TypeError);
});

test('property: any strings get one well-formed label per token and never throw', { skip: !haveModel && 'no model file' }, () => {
  const model = loadNerModel();
  const token = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('😀', '👩🏽‍🚀', 'שלום', 'مرحبا', '\u202Eabc', '...', '?!', '—', '', ' ', '\u0000', 'İstanbul', 'ß', '\uD800'),
    fc.stringMatching(/^[!-/:-@[-`{-~]{1,8}$/),
    fc.constant('A'.repeat(10_000)),
    fc.constant('é'.repeat(10_000)),
  );
  fc.assert(
    fc.property(fc.array(fc.array(token, { maxLength: 15 }), { maxLength: 5 }), (sentences) => {
      const labels = tagTokens(sentences, model);
      assert.equal(labels.length, sentences.length);
      sentences.forEach((s, i) => {
        assert.equal(labels[i].length, s.length);
        for (const l of labels[i]) assert.match(l, LABEL);
        for (const span of entitySpans(labels[i])) assert.ok(span.start >= 0 && span.start < span.end && span.end <= s.length);
      });
    }),
    { numRuns: 300, seed: 42 },
  );
});

test('the committed model scores well on CoNLL-2003 dev', { skip: !haveModel && 'no model file' }, (t) => {
  const files = conllFiles(dataDir());
  if (!files) {
    t.skip(`CoNLL-2003 not found under ${dataDir()}/conll2003: ../shared/data is absent`);
    return;
  }
  const documents = readConll(files.dev).slice(0, 60);
  const gold = documents.flatMap((d) => d.sentences.map((s) => s.labels));
  const predicted = documents.flatMap((d) => tagTokens(d.sentences.map((s) => s.words)));
  // A floor far below the evaluated figure: it catches a broken model or feature drift, not small changes.
  assert.ok(evaluateChunks(gold, predicted).overall.f1 > 80);
});
