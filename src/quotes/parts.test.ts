import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOutletName, quoteKind, withReportingClauses } from './assemble.ts';
import { scoreRuns } from './corpus.ts';
import type { QuoteToken } from './features.ts';
import type { PartRun } from './model.ts';
import { parseBrat } from './polnear.ts';
import { quoteState } from './quote-marks.ts';

test('brat: source, cue and content spans, one per fragment; other types ignored', () => {
  const ann = ['T1\tSource 0 15\tWashington Post', 'T2\tCue 16 21\tbacks', 'T3\tContent 752 760;769 800\tfailings are', 'T4\tAttribution 16 21\tbacks', 'E1\tAttribution:T4 Cue:T2', 'T5\tDiscuss 1 4\tx'].join('\n');
  assert.deepEqual(parseBrat(ann), [
    { part: 'source', start: 0, end: 15 },
    { part: 'cue', start: 16, end: 21 },
    { part: 'content', start: 752, end: 760 },
    { part: 'content', start: 769, end: 800 },
  ]);
});

test('quotation state: curly marks nest, straight marks alternate, an unclosed mark runs on', () => {
  assert.deepEqual([...quoteState(['a', '“', 'b', '”', 'c']).inside], [0, 1, 1, 1, 0]);
  assert.deepEqual([...quoteState(['"', 'b', '"', 'c', '"', 'd']).inside], [1, 1, 1, 0, 1, 1]);
  assert.equal(quoteState(['“', 'never', 'closed']).endsOpen, true);
  assert.deepEqual([...quoteState(['still', 'inside', '”', 'out'], true).inside], [1, 1, 1, 0]);
});

test('quote kind from the marks in the content', () => {
  assert.equal(quoteKind('“There are reasons for cautious optimism,”'), 'direct');
  assert.equal(quoteKind('he was “very angry” after the call'), 'partial');
  assert.equal(quoteKind('that there is a "very good chance that this terrible war can end"'), 'mixed');
  assert.equal(quoteKind('that Russia’s demands will not change'), 'indirect');
});

test('outlet names: media words and known agencies, not other organisations', () => {
  for (const name of ['Sky News', 'the Washington Post', 'TASS', 'Reuters', 'BBC’s']) assert.ok(isOutletName(name), name);
  for (const name of ['Kremlin', 'NATO', 'White House']) assert.ok(!isOutletName(name), name);
});

const tok = (sentence: string): QuoteToken[] =>
  sentence.split(' ').map((value, i) => ({
    value,
    pos: /^(says|writes|continues)$/.test(value) ? 'VERB' : /^[,.]$/.test(value) ? 'PUNCT' : /^[A-Z]/.test(value) ? 'PROPN' : 'NOUN',
    entity: '',
    sentenceStart: i === 0,
  }));

test('reporting clause after the last comma, in either order, replaces what the tagger read there', () => {
  const inverted = withReportingClauses({ tokens: tok('Europe fears a deal , says Sky News ’ Mark Stone .'), index: [] }, [{ part: 'content', start: 6, end: 10 }]);
  assert.deepEqual(inverted.runs, []);
  assert.deepEqual(inverted.clauses, [{ content: { part: 'content', start: 0, end: 4 }, cue: { part: 'cue', start: 5, end: 6 }, source: { part: 'source', start: 6, end: 11 } }]);
  const pronoun = withReportingClauses({ tokens: tok('His priority is Kursk , she continues .'), index: [] }, []);
  assert.deepEqual(pronoun.clauses[0].source, { part: 'source', start: 5, end: 6 });
  const dash = withReportingClauses({ tokens: tok('- Too close to Ukraine , says a Russian source .'), index: [] }, []);
  assert.deepEqual(dash.clauses[0].content, { part: 'content', start: 1, end: 5 }, 'the dash is left out');
  assert.deepEqual(withReportingClauses({ tokens: tok('He left , calling it unilateral .'), index: [] }, []).clauses, [], 'a participle clause is not a reporting clause');
});

test('scoring: exact needs both ends, overlap one shared token per gold run', () => {
  const gold: PartRun[][] = [[{ part: 'cue', start: 1, end: 2 }, { part: 'content', start: 2, end: 9 }]];
  const predicted: PartRun[][] = [[{ part: 'cue', start: 1, end: 2 }, { part: 'content', start: 2, end: 8 }, { part: 'source', start: 0, end: 1 }]];
  const s = scoreRuns(gold, predicted);
  assert.equal(s.exact.cue.f1, 100);
  assert.equal(s.exact.content.f1, 0);
  assert.equal(s.overlap.content.f1, 100);
  assert.equal(s.exact.source.precision, 0);
  assert.equal(s.exact.source.gold, 0);
});
