import { createHash } from 'node:crypto';

/** Counts of one segment-based evaluation (trafilatura's benchmark). */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Precision, recall, F1 and accuracy of a confusion count; 0 where a denominator is empty. */
export interface SegmentScores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** A trafilatura evaluation item: segments that must and must not appear in the main text. */
export interface SegmentItem {
  with: readonly string[];
  without: readonly string[];
}

/** Collapses every whitespace run to one space and trims, as trafilatura's scorer does. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Scores one page the way trafilatura's evaluation does: each `with` segment found in the
 * whitespace-normalised result is a true positive (else a false negative), each `without`
 * segment found is a false positive (else a true negative). Matching is case-sensitive
 * substring search. A missing result (null) finds nothing.
 */
export function countSegments(item: SegmentItem, result: string | null): Confusion {
  const text = result === null ? null : normalizeSpace(result);
  const tp = text === null ? 0 : item.with.filter((s) => text.includes(normalizeSpace(s))).length;
  const fp = text === null ? 0 : item.without.filter((s) => text.includes(normalizeSpace(s))).length;
  return { tp, fp, fn: item.with.length - tp, tn: item.without.length - fp };
}

/** Adds `b` into `a`. */
export function addConfusion(a: Confusion, b: Confusion): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  a.tn += b.tn;
}

/** Micro-averaged scores of summed counts. */
export function segmentScores(c: Confusion): SegmentScores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = 2 * c.tp + c.fp + c.fn ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0;
  const total = c.tp + c.fp + c.fn + c.tn;
  return { precision, recall, f1, accuracy: total ? (c.tp + c.tn) / total : 0 };
}

/** Lower-cased word tokens: runs of letters, digits and marks; each Chinese or Japanese character is a token of its own. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** The multiset of word n-grams (shingles) of a text; a text shorter than n is one shingle. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = words(text);
  const out = new Map<string, number>();
  if (!tokens.length) return out;
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Shingle overlap between an extracted text and the expected one, with the counts behind it. */
export interface ShingleScore {
  overlap: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/**
 * Precision, recall and F1 of 4-gram word shingles (as multisets) of `predicted` against
 * `expected`. Two empty texts agree perfectly; one empty text scores 0.
 */
export function shingleScore(predicted: string, expected: string, n = 4): ShingleScore {
  const p = shingles(predicted, n);
  const e = shingles(expected, n);
  let overlap = 0;
  for (const [k, v] of p) overlap += Math.min(v, e.get(k) ?? 0);
  const pc = total(p);
  const ec = total(e);
  if (!pc && !ec) return { overlap: 0, predicted: 0, expected: 0, precision: 1, recall: 1, f1: 1 };
  const precision = pc ? overlap / pc : 0;
  const recall = ec ? overlap / ec : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { overlap, predicted: pc, expected: ec, precision, recall, f1 };
}

/** Which half of a data set a page belongs to: first byte of the SHA-1 of its name even → dev. */
export function splitOf(name: string): 'dev' | 'test' {
  return createHash('sha1').update(name, 'utf8').digest()[0] % 2 === 0 ? 'dev' : 'test';
}

/** The metadata fields of Readability's expected-metadata.json that Dossier also reads. */
export const METADATA_FIELDS = ['title', 'byline', 'siteName', 'publishedTime'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
/** A page's metadata as a system gives it, in the names of Readability's expected-metadata.json. */
export type PageMetadata = Partial<Record<MetadataField, string | null>>;

/** A date's calendar day as written (`2017-11-03 03:01:00` and `2017-11-03T03:01Z` → `2017-11-03`), else the date parsed in UTC. */
function dayOf(value: string): string | null {
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (written) return written[1];
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/**
 * Which of the fields the expected metadata gives (non-empty) a system got right: text fields
 * must be equal after collapsing whitespace, dates must fall on the same day. Fields the
 * expected metadata leaves empty are not scored.
 *
 * @example metadataMatches({ title: 'A  title' }, { title: 'A title', byline: 'X' }) // { title: true, byline: false }
 */
export function metadataMatches(got: PageMetadata, expected: PageMetadata): Partial<Record<MetadataField, boolean>> {
  const out: Partial<Record<MetadataField, boolean>> = {};
  for (const field of METADATA_FIELDS) {
    const want = normalizeSpace(expected[field] ?? '');
    if (!want) continue;
    const have = normalizeSpace(got[field] ?? '');
    out[field] = field === 'publishedTime' ? !!have && dayOf(have) === dayOf(want) : have === want;
  }
  return out;
}

/**
 * Whether `got` is `expected` cut at a title separator (`|`, a dash, a bullet, `»`, `::`, `/`
 * between spaces): what is left when a site's name, section or author is dropped from either end.
 *
 * @example isTitleCut('Talks resume', 'Talks resume | Halvik Post') // true
 */
export function isTitleCut(got: string | null | undefined, expected: string | null | undefined): boolean {
  const g = normalizeSpace(got ?? '');
  const e = normalizeSpace(expected ?? '');
  if (!g || g === e) return false;
  if (e.startsWith(g) && /^\s*(\||(?:[-–—·•»~/]|::)\s)/.test(e.slice(g.length))) return true;
  return e.endsWith(g) && /(\||\s(?:[-–—·•»~/]|::))\s*$/.test(e.slice(0, e.length - g.length));
}
