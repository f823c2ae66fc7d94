import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueObjectsToContent, quoteKind, withReportingClauses } from './assemble.ts';
import { scoreRuns } from './corpus.ts';
import { paragraphFeatures, type QuoteToken } from './features.ts';
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

test('second-pass features: each token also sees the first pass\'s labels around it', () => {
  const tokens = tok('Europe fears a deal , says Sky News .');
  const cues = new Set(['says']);
  const hashesOf = (prior?: string[]) => {
    const { hashes, offsets } = paragraphFeatures(tokens, cues, false, prior).features;
    return tokens.map((_, i) => [...hashes.slice(offsets[i], offsets[i + 1])]);
  };
  const plain = hashesOf();
  const first = hashesOf(['B-content', 'I-content', 'I-content', 'L-content', 'O', 'U-cue', 'B-source', 'L-source', 'O']);
  const other = hashesOf(['O', 'O', 'O', 'O', 'O', 'U-cue', 'B-source', 'L-source', 'O']);
  first.forEach((h, i) => {
    assert.deepEqual(h.slice(0, plain[i].length), plain[i], 'the first-pass features come first, unchanged');
    assert.ok(h.length > plain[i].length);
  });
  assert.notDeepEqual(first[0], other[0], 'a different first-pass label gives different features');
});

test('a cue that ran into a noun and a dangling preposition gives them to its content', () => {
  const tokens = tok('Trump threatened tariffs on Russian oil .').map((t) => ({ ...t, pos: t.value === 'threatened' ? 'VERB' : t.value === 'on' ? 'ADP' : t.value === 'tariffs' ? 'NOUN' : t.pos }));
  const runs = cueObjectsToContent({ tokens, index: [] }, [{ part: 'source', start: 0, end: 1 }, { part: 'cue', start: 1, end: 4 }, { part: 'content', start: 4, end: 6 }]);
  assert.deepEqual(runs, [{ part: 'source', start: 0, end: 1 }, { part: 'cue', start: 1, end: 2 }, { part: 'content', start: 2, end: 6 }]);
  const whole = [{ part: 'cue' as const, start: 1, end: 4 }];
  assert.deepEqual(cueObjectsToContent({ tokens, index: [] }, whole), whole, 'no content after the cue: unchanged');
});

test('a report opening a reporting clause\'s content becomes its own source, cue and content', () => {
  const tokens = tok('The Kremlin confirms that he held talks , reports Reuters .').map((t) => ({ ...t, pos: t.value === 'confirms' || t.value === 'held' ? 'VERB' : t.pos }));
  const { runs, clauses } = withReportingClauses({ tokens, index: [] }, [{ part: 'content', start: 0, end: 7 }]);
  assert.deepEqual(clauses[0].source, { part: 'source', start: 9, end: 10 });
  assert.deepEqual(runs, [{ part: 'source', start: 0, end: 2 }, { part: 'cue', start: 2, end: 3 }, { part: 'content', start: 4, end: 7 }]);
});
