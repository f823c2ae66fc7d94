import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createDoc, REMOVAL_REASONS, type Doc } from '../doc/doc.ts';
import { measureQuality } from './quality.ts';

/** A doc whose blocks are the given paragraphs, joined by blank lines, with `repeats` removed as repeated blocks. */
function docOf(paragraphs: string[], repeats: string[] = []): Doc {
  const doc = createDoc(paragraphs.join('\n\n'), 'text');
  doc.text = doc.raw;
  let at = 0;
  doc.blocks = paragraphs.map((p) => {
    const block = { start: at, end: at + p.length, kind: 'paragraph' as const };
    at += p.length + 2;
    return block;
  });
  doc.removed = repeats.map((text) => ({ raw: { start: 0, end: 0 }, text, reason: 'repeated-block', detail: '' }));
  return doc;
}

/** The repetition signals as their definitions read: n-grams keyed by their words. */
function reference(doc: Doc): { top2: number; dup5: number; alphabetic: number } {
  const before = [...doc.blocks.map((b) => doc.text.slice(b.start, b.end)), ...doc.removed.filter((r) => r.reason === 'repeated-block').map((r) => r.text)];
  const ws = before.join('\n').toLowerCase().split(/\s+/).filter(Boolean);
  const total = ws.reduce((n, w) => n + w.length, 0);
  const grams = (n: number) => Array.from({ length: Math.max(0, ws.length - n + 1) }, (_, i) => ws.slice(i, i + n).join(' '));
  const counts = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  // the most frequent 2-gram; of equally frequent ones, the first to reach that count
  const running = new Map<string, number>();
  let best = 0;
  let at = 0;
  grams(2).forEach((k, i) => {
    running.set(k, (running.get(k) ?? 0) + 1);
    if (running.get(k)! > best) [best, at] = [running.get(k)!, i];
  });
  const top2 = best > 1 && total > 0 ? Math.min(1, (best * (ws[at].length + ws[at + 1].length)) / total) : 0;
  const fives = grams(5);
  const fiveCounts = counts(fives);
  const covered = ws.map((_, i) => fives.some((k, j) => j <= i && i < j + 5 && fiveCounts.get(k)! > 1));
  const dup5 = total > 0 ? ws.reduce((n, w, i) => n + (covered[i] ? w.length : 0), 0) / total : 0;
  const clean = doc.text.split(/\s+/).filter(Boolean);
  const alphabetic = clean.length ? clean.filter((w) => /\p{L}/u.test(w)).length / clean.length : 0;
  return { top2: Number(top2.toFixed(4)), dup5: Number(dup5.toFixed(4)), alphabetic: Number(alphabetic.toFixed(4)) };
}

test('a repeated sentence shows in the n-gram signals, counted before its repeat was removed', () => {
  const q = measureQuality(docOf(['The harbour reopened on Monday after the storm.', 'Ships waited outside.'], ['The harbour reopened on Monday after the storm.']));
  assert.equal(q.duplicate5gramCharShare, 0.8081);
  assert.equal(q.top2gramCharShare, 0.202);
  assert.equal(q.duplicateParagraphCharShare, 0.4087);
  assert.equal(q.duplicateLineShare, 0.3333);
  assert.ok(q.flags.includes('repetitive-ngrams'));
});

test('5-grams that share their first words but differ later are not duplicates', () => {
  const q = measureQuality(docOf(['one two three four five six', 'one two three four seven eight', 'one two three nine ten eleven']));
  assert.equal(q.duplicate5gramCharShare, 0);
});

test('letters count in any script, digits and signs do not', () => {
  const q = measureQuality(docOf(['Åsa ölü 東京 𝐀𝐁 2026 — ... 42% a1']));
  assert.equal(q.words, 9);
  assert.equal(q.alphabeticWordShare, Number((5 / 9).toFixed(4)));
});

test('property: the signals match their definitions', () => {
  const word = fc.constantFrom('the', 'The', 'harbour', 'reopened', 'said', 'Åsa', 'ÖL', '42', '—', 'x.', '𝐀', 'ς');
  const space = fc.constantFrom(' ', ' ', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\n');
  const paragraph = fc.array(fc.tuple(word, space), { maxLength: 40 }).map((parts) => parts.flat().join('').trim());
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.array(paragraph, { maxLength: 2 }), (paragraphs, repeats) => {
      const doc = docOf(paragraphs, repeats);
      const q = measureQuality(doc);
      const r = reference(doc);
      assert.equal(q.top2gramCharShare, r.top2);
      assert.equal(q.duplicate5gramCharShare, r.dup5);
      assert.equal(q.alphabeticWordShare, r.alphabetic);
      assert.equal(q.words, doc.text.split(/\s+/).filter(Boolean).length);
    }),
  );
});

test('mostly-removed flags an article that lost most of its own text, not a page around a short article', () => {
  const story = ['The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its piers.', 'Residents said they had warned the city for years.'];
  const furniture = 'Home News Sport Weather Subscribe Sign in Cookie settings Most read Related stories Follow us '.repeat(8);
  const page = docOf(story);
  page.removed = [{ raw: { start: 0, end: 0 }, text: furniture, reason: REMOVAL_REASONS.outsideMainContent, detail: '' }];
  const q = measureQuality(page);
  assert.ok(q.removedShare > 0.7, String(q.removedShare));
  assert.equal(q.articleRemovedShare, 0);
  assert.ok(!q.flags.includes('mostly-removed'), q.flags.join(', '));

  const doubled = docOf(story, [...story, ...story]);
  const d = measureQuality(doubled);
  assert.ok(d.articleRemovedShare > 0.6 && d.articleRemovedShare === d.removedShare, String(d.articleRemovedShare));
  assert.ok(d.flags.includes('mostly-removed'), d.flags.join(', '));
});
