import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateChunks, formatEvaluation } from './conlleval.ts';
import { dataDir } from './script-options.ts';

// Gold: PER(0-2), LOC(3), ORG(5-7), LOC(8). Predicted: PER(0-2) right, LOC(3) typed ORG,
// ORG(5-6) too short, LOC(8) right, MISC(9) spurious.
const gold = [['B-PER', 'I-PER', 'O', 'B-LOC', 'O'], ['B-ORG', 'I-ORG', 'I-ORG', 'B-LOC', 'O']];
const predicted = [['B-PER', 'I-PER', 'O', 'B-ORG', 'O'], ['B-ORG', 'I-ORG', 'O', 'B-LOC', 'B-MISC']];

test('evaluateChunks counts exact phrase matches: hand-computed figures', () => {
  const e = evaluateChunks(gold, predicted);
  assert.equal(e.tokens, 10);
  assert.equal(e.correctTokens, 7);
  assert.deepEqual([e.overall.gold, e.overall.found, e.overall.correct], [4, 5, 2]);
  assert.equal(e.overall.precision, 40);
  assert.equal(e.overall.recall, 50);
  assert.ok(Math.abs(e.overall.f1 - 400 / 9) < 1e-9);
  assert.deepEqual([e.byType.LOC.gold, e.byType.LOC.found, e.byType.LOC.correct], [2, 1, 1]);
  assert.equal(e.byType.LOC.recall, 50);
  assert.equal(e.byType.LOC.precision, 100);
  assert.deepEqual([e.byType.ORG.found, e.byType.ORG.correct, e.byType.ORG.f1], [2, 0, 0]);
  assert.deepEqual([e.byType.MISC.gold, e.byType.MISC.found, e.byType.MISC.precision, e.byType.MISC.f1], [0, 1, 0, 0]);
  assert.equal(e.byType.PER.f1, 100);
});

test('evaluateChunks refuses sentences of different lengths', () => {
  assert.throws(() => evaluateChunks([['O']], [['O', 'O']]), TypeError);
  assert.throws(() => evaluateChunks([['O']], []), TypeError);
});

test('evaluateChunks agrees with conlleval.pl', (t) => {
  const script = join(dataDir(), 'conll2003', 'conlleval.pl');
  if (!existsSync(script)) {
    t.skip(`conlleval.pl not found at ${script} (../shared/data is absent)`);
    return;
  }
  const lines: string[] = [];
  gold.forEach((g, s) => {
    g.forEach((label, i) => lines.push(`w${s}${i} NN ${label} ${predicted[s][i]}`));
    lines.push('');
  });
  const file = join(mkdtempSync(join(tmpdir(), 'conlleval-')), 'pairs.txt');
  writeFileSync(file, lines.join('\n'));
  let perl: string;
  try {
    perl = execFileSync('perl', [script], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  } catch {
    t.skip('perl is not available');
    return;
  }
  const ours = formatEvaluation(evaluateChunks(gold, predicted));
  const numbers = (s: string): string[] => s.match(/\d+\.\d+|\d+/g) ?? [];
  assert.deepEqual(numbers(ours), numbers(perl));
});
