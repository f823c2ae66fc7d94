import type { Doc, Quality } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';

/**
 * Thresholds after the Gopher rules (Rae et al. 2021) and the FineWeb filters (Penedo et al.
 * 2024); a signal beyond its threshold becomes a flag. Data, not code.
 */
export const QUALITY_THRESHOLDS = {
  duplicateLineShare: { max: 0.3, flag: 'repetitive-lines' },
  duplicateParagraphCharShare: { max: 0.3, flag: 'repetitive-paragraphs' },
  top2gramCharShare: { max: 0.2, flag: 'repetitive-ngrams' },
  duplicate5gramCharShare: { max: 0.15, flag: 'repetitive-ngrams' },
  lineEndPunctuationShare: { min: 0.12, flag: 'few-sentences' },
  shortLineCharShare: { max: 0.67, flag: 'short-lines' },
  removedShare: { max: 0.5, flag: 'mostly-removed' },
  alphabeticWordShare: { min: 0.8, flag: 'non-alphabetic' },
  meanWordLength: { min: 3, max: 10, flag: 'odd-word-length' },
} as const;

/** An article shorter than this many words is flagged `short`. */
const SHORT_ARTICLE_WORDS = 50;
const LINE_END_PUNCTUATION = /[.!?…"”’»)]$/;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Word ids: the same word, the same small number; n-grams are then keyed by numbers. */
function wordIds(ws: string[]): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(ws.length);
  ws.forEach((w, i) => {
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size;
      ids.set(w, id);
    }
    out[i] = id;
  });
  return out;
}

/** A numeric key of the n-gram starting at i (collisions are negligible at article sizes). */
function ngramKey(ids: Int32Array, i: number, n: number): number {
  let h = 0;
  for (let k = 0; k < n; k++) h = (h * 1_000_003 + ids[i + k] + 1) % 9_007_199_254_740_881;
  return h;
}

/** Share of characters covered by word n-grams that occur more than once. */
function duplicateNgramCharShare(ws: string[], ids: Int32Array, n: number, totalChars: number): number {
  if (ws.length < n || totalChars === 0) return 0;
  const keys = new Float64Array(ws.length - n + 1);
  const seen = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    keys[i] = ngramKey(ids, i, n);
    seen.set(keys[i], (seen.get(keys[i]) ?? 0) + 1);
  }
  const covered = new Uint8Array(ws.length);
  for (let i = 0; i < keys.length; i++) if ((seen.get(keys[i]) ?? 0) > 1) covered.fill(1, i, i + n);
  let chars = 0;
  for (let i = 0; i < ws.length; i++) if (covered[i]) chars += ws[i].length;
  return chars / totalChars;
}

/** Share of characters covered by the most frequent word 2-gram. */
function top2gramCharShare(ws: string[], ids: Int32Array, totalChars: number): number {
  if (ws.length < 2 || totalChars === 0) return 0;
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i + 1 < ws.length; i++) {
    const key = ngramKey(ids, i, 2);
    const c = (counts.get(key) ?? 0) + 1;
    counts.set(key, c);
    if (c > bestCount) {
      bestCount = c;
      best = i;
    }
  }
  return bestCount > 1 ? Math.min(1, (bestCount * (ws[best].length + ws[best + 1].length)) / totalChars) : 0;
}

function ratio(a: number, b: number): number {
  return b > 0 ? Number((a / b).toFixed(4)) : 0;
}

/**
 * Quality signals of an article. Repetition is measured on the text as it came in (the kept
 * blocks plus the blocks removed as repeats), the rest on the cleaned text.
 */
export function measureQuality(doc: Doc): Quality {
  const blockTexts = doc.blocks.map((b) => doc.text.slice(b.start, b.end));
  const repeats = doc.removed.filter((r) => r.reason === 'repeated-block').map((r) => r.text);
  const before = [...blockTexts, ...repeats];
  const lines = before.flatMap((t) => t.split('\n')).map((l) => l.trim()).filter(Boolean);
  const seenLines = new Set<string>();
  let dupLines = 0;
  for (const line of lines) {
    if (seenLines.has(line)) dupLines++;
    else seenLines.add(line);
  }
  const seenParas = new Set<string>();
  let dupParaChars = 0;
  let beforeChars = 0;
  for (const para of before) {
    beforeChars += para.length;
    if (seenParas.has(para)) dupParaChars += para.length;
    else seenParas.add(para);
  }
  const beforeWords = words(before.join('\n').toLowerCase());
  const beforeIds = wordIds(beforeWords);
  const beforeWordChars = beforeWords.reduce((n, w) => n + w.length, 0);

  const ws = words(doc.text);
  const wordChars = ws.reduce((n, w) => n + w.length, 0);
  const cleanLines = doc.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const shortLineChars = cleanLines.filter((l) => l.length < 30).reduce((n, l) => n + l.length, 0);
  const lineChars = cleanLines.reduce((n, l) => n + l.length, 0);
  const removedChars = doc.removed.reduce((n, r) => n + r.text.length, 0);

  const quality: Quality = {
    chars: doc.text.length,
    words: ws.length,
    removedShare: ratio(removedChars, removedChars + doc.text.length),
    duplicateLineShare: ratio(dupLines, lines.length),
    duplicateParagraphCharShare: ratio(dupParaChars, beforeChars),
    top2gramCharShare: Number(top2gramCharShare(beforeWords, beforeIds, beforeWordChars).toFixed(4)),
    duplicate5gramCharShare: Number(duplicateNgramCharShare(beforeWords, beforeIds, 5, beforeWordChars).toFixed(4)),
    lineEndPunctuationShare: ratio(cleanLines.filter((l) => LINE_END_PUNCTUATION.test(l)).length, cleanLines.length),
    shortLineCharShare: ratio(shortLineChars, lineChars),
    meanWordLength: ratio(wordChars, ws.length),
    alphabeticWordShare: ratio(ws.filter((w) => /\p{L}/u.test(w)).length, ws.length),
    languageConfidence: doc.meta.languageConfidence ?? 1,
    flags: [],
  };
  const flags = new Set<string>();
  if (ws.length === 0) flags.add('empty');
  else {
    for (const [key, rule] of Object.entries(QUALITY_THRESHOLDS) as [keyof typeof QUALITY_THRESHOLDS, { min?: number; max?: number; flag: string }][]) {
      const value = quality[key];
      if ((rule.max !== undefined && value > rule.max) || (rule.min !== undefined && value < rule.min)) flags.add(rule.flag);
    }
    if (ws.length < SHORT_ARTICLE_WORDS) flags.add('short');
  }
  if (doc.meta.language === 'und') flags.add('language-unknown');
  else if (doc.meta.language && doc.meta.language !== 'en') flags.add('not-english');
  quality.flags = [...flags];
  return quality;
}

/** Stage: quality signals and flags per article. */
export function quality(): Stage {
  return {
    name: 'quality',
    needs: ['text', 'blocks', 'removed', 'language'],
    provides: ['quality'],
    run(doc: Doc) {
      doc.quality = measureQuality(doc);
    },
  };
}
