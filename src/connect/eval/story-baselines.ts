import { documentBcubed, type Clustering } from './coref-metrics.ts';
import { bodyText, type EcbDocument } from './ecbplus.ts';
import { documentKey, type DocumentGrouping } from './ecbplus-scores.ts';

/**
 * A story-clustering baseline: documents as TF-IDF vectors of their content words, joined by
 * agglomerative clustering on cosine similarity (single or average link) down to a threshold.
 * The whole merge tree is built once, so any threshold cuts it cheaply (for tuning).
 */

/** Words too common to tell stories apart. */
const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself
his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own said same says she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who whom why will with would
you your yours yourself yourselves told according one two new year years last first mr mrs ms http https www com html htm
`
    .split(/\s+/)
    .filter(Boolean),
);

/** How clusters are compared: by their closest pair of documents, or by the mean over all pairs. */
export type Linkage = 'single' | 'average';

/** A sparse unit vector: term ids in increasing order with their weights. */
export interface SparseVector {
  terms: Uint32Array;
  weights: Float64Array;
}

/** One merge of the tree: clusters (named by their first document's index) `a` and `b` join at `similarity`. */
export interface Merge {
  a: number;
  b: number;
  similarity: number;
}

/**
 * The content words of a text, lower-cased: runs of letters (with inner apostrophes and
 * hyphens) of two letters or more, stopwords left out.
 */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length >= 2 && !STOPWORDS.has(w)) out.push(w);
  }
  return out;
}

/**
 * TF-IDF vectors of texts, with sublinear term frequency (1 + ln tf) and idf = ln(N / df)
 * counted over these texts, normalised to unit length. Terms in every text weigh 0.
 *
 * @example const vectors = tfidfVectors(docs.map((d) => d.text));
 */
export function tfidfVectors(texts: readonly string[]): SparseVector[] {
  const ids = new Map<string, number>();
  const counts = texts.map((t) => {
    const c = new Map<number, number>();
    for (const w of contentWords(t)) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    return c;
  });
  const df = new Uint32Array(ids.size);
  for (const c of counts) for (const id of c.keys()) df[id]++;
  return counts.map((c) => {
    const terms = Uint32Array.from([...c.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(terms, (id) => (1 + Math.log(c.get(id)!)) * Math.log(texts.length / df[id]));
    let norm = 0;
    for (const w of weights) norm += w * w;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { terms, weights };
  });
}

/** The cosine of two unit vectors (their dot product). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) sum += a.weights[i++] * b.weights[j++];
    else if (a.terms[i] < b.terms[j]) i++;
    else j++;
  }
  return sum;
}

/**
 * The full agglomerative merge tree of vectors under a linkage: n − 1 merges, most similar
 * first. Cluster similarities are updated by the Lance–Williams formulas (single: the larger
 * of the two; average: the size-weighted mean), which keeps the merge similarities
 * non-increasing for both linkages, so cutting the tree at a threshold is taking the merges
 * at or above it.
 *
 * @example const tree = linkageTree(tfidfVectors(texts), 'average'); cutTree(ids, tree, 0.2)
 */
export function linkageTree(vectors: readonly SparseVector[], linkage: Linkage): Merge[] {
  const n = vectors.length;
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i], vectors[j]);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  const size = new Uint32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float64Array(n).fill(-Infinity);
  const refresh = (i: number) => {
    best[i] = -1;
    bestSim[i] = -Infinity;
    for (let k = 0; k < n; k++) {
      if (k !== i && active[k] && sim[i * n + k] > bestSim[i]) {
        bestSim[i] = sim[i * n + k];
        best[i] = k;
      }
    }
  };
  for (let i = 0; i < n; i++) refresh(i);
  const merges: Merge[] = [];
  for (let step = 0; step < n - 1; step++) {
    let a = -1;
    for (let i = 0; i < n; i++) if (active[i] && best[i] >= 0 && (a < 0 || bestSim[i] > bestSim[a])) a = i;
    const b = best[a];
    const [keep, gone] = a < b ? [a, b] : [b, a];
    merges.push({ a: keep, b: gone, similarity: bestSim[a] });
    active[gone] = 0;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep) continue;
      const s =
        linkage === 'single'
          ? Math.max(sim[keep * n + k], sim[gone * n + k])
          : (size[keep] * sim[keep * n + k] + size[gone] * sim[gone * n + k]) / (size[keep] + size[gone]);
      sim[keep * n + k] = s;
      sim[k * n + keep] = s;
    }
    size[keep] += size[gone];
    refresh(keep);
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep) continue;
      if (best[k] === keep || best[k] === gone) refresh(k);
      else if (sim[k * n + keep] > bestSim[k]) {
        bestSim[k] = sim[k * n + keep];
        best[k] = keep;
      }
    }
  }
  return merges;
}

/**
 * Cuts a merge tree at a threshold: the merges with similarity at or above it make the
 * clusters. Returns each id's cluster, named by the first id in it.
 *
 * @example cutTree(['a', 'b', 'c'], [{ a: 0, b: 2, similarity: 0.5 }, { a: 0, b: 1, similarity: 0.1 }], 0.3) // a→a, b→b, c→a
 */
export function cutTree(ids: readonly string[], merges: readonly Merge[], threshold: number): Map<string, string> {
  const parent = Int32Array.from(ids, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const m of merges) {
    if (m.similarity < threshold) continue;
    const [x, y] = [find(m.a), find(m.b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  return new Map(ids.map((id, i) => [id, ids[find(i)]]));
}

/**
 * The threshold of a grid whose cut of the tree scores the best B³ F1 over documents against
 * `key` (the lowest such threshold on a tie), with that F1.
 *
 * @example bestThreshold(ids, linkageTree(vectors, 'average'), subtopicOfDocument).threshold
 */
export function bestThreshold(ids: readonly string[], merges: readonly Merge[], key: Clustering, grid: readonly number[] = THRESHOLD_GRID): { threshold: number; f1: number } {
  let best = { threshold: grid[0], f1: -1 };
  for (const t of grid) {
    const f1 = documentBcubed(key, cutTree(ids, merges, t)).f1;
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

/** The thresholds tried when tuning: 0.01 to 0.99 by 0.01. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** A TF-IDF story baseline: its linkage, the gold grouping its threshold was tuned for, and the threshold with the F1 it reached there. */
export interface TunedStoryBaseline {
  name: string;
  linkage: Linkage;
  tunedFor: DocumentGrouping;
  threshold: number;
  tuningF1: number;
}

/** What the story baselines read of a document: its id, its text (the article part of it) and its gold groups. */
export type StoryDocument = Pick<EcbDocument, 'id' | 'text' | 'bodyStart' | 'topic' | 'subtopic'>;

/**
 * Tunes the thresholds of the four TF-IDF baselines (single and average link, each for
 * subtopics and for topics) on documents whose groups are known, by B³ F1 over THRESHOLD_GRID.
 * The vectors are of the article text only: the address line of ECB+ texts (which ECB texts
 * lack) is left out.
 *
 * @example const tuned = tuneStoryBaselines(corpus.documents.filter((d) => d.split !== 'test'));
 */
export function tuneStoryBaselines(docs: readonly StoryDocument[]): TunedStoryBaseline[] {
  const ids = docs.map((d) => d.id);
  const vectors = tfidfVectors(docs.map(bodyText));
  const out: TunedStoryBaseline[] = [];
  for (const linkage of ['single', 'average'] as const) {
    const tree = linkageTree(vectors, linkage);
    for (const tunedFor of ['subtopic', 'topic'] as const) {
      const best = bestThreshold(ids, tree, documentKey(docs, tunedFor));
      out.push({ name: `tf-idf ${linkage} link, tuned for ${tunedFor}s`, linkage, tunedFor, threshold: best.threshold, tuningF1: best.f1 });
    }
  }
  return out;
}

/**
 * The tuned baselines' clusterings of other documents (vectors and merge trees built over
 * these documents alone; no topic is told), by baseline name.
 *
 * @example scoreStoryClusterings(testDocs, storyBaselineClusterings(testDocs, tuned))
 */
export function storyBaselineClusterings(docs: readonly StoryDocument[], tuned: readonly TunedStoryBaseline[]): Record<string, Map<string, string>> {
  const ids = docs.map((d) => d.id);
  const vectors = tfidfVectors(docs.map(bodyText));
  const trees = new Map<Linkage, Merge[]>();
  const out: Record<string, Map<string, string>> = {};
  for (const b of tuned) {
    if (!trees.has(b.linkage)) trees.set(b.linkage, linkageTree(vectors, b.linkage));
    out[b.name] = cutTree(ids, trees.get(b.linkage)!, b.threshold);
  }
  return out;
}
