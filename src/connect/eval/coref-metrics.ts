import { maxWeightAssignment } from './assignment.ts';

/**
 * Coreference scores over clusterings: MUC (Vilain et al., 1995), B³ (Bagga and Baldwin,
 * 1998), entity-based CEAF with φ4 (Luo, 2005) and their CoNLL average (Pradhan et al., 2012).
 *
 * Conventions, the same for every score here:
 * - The key's mentions are the ones scored. A response mention that is not in the key is
 *   dropped (the "gold mentions" setting: these scores do not judge mention detection); a
 *   key mention the response does not cluster counts as a singleton of the response.
 * - Key singletons count, in B³ and CEAF-e as in the CoNLL-2012 scorer when a key holds them;
 *   MUC, which counts links, gives them no weight.
 * - A ratio whose denominator is 0 is 0 (MUC over a key of singletons only), and F1 is 0 when
 *   recall and precision are both 0.
 */

/** A clustering: each mention's id to its cluster's id. */
export type Clustering = ReadonlyMap<string, string>;

/** Recall, precision and their harmonic mean, each in [0, 1]. */
export interface Prf {
  recall: number;
  precision: number;
  f1: number;
}

/** The three scores and the CoNLL F1 (their F1s' mean). */
export interface CorefScores {
  muc: Prf;
  bcubed: Prf;
  ceafe: Prf;
  conll: number;
}

/** Key and response as lists of clusters over the same mentions (indices into `mentions`). */
interface Partitions {
  mentions: string[];
  key: number[][];
  response: number[][];
  keyOf: Int32Array;
  responseOf: Int32Array;
}

function prf(recall: number, precision: number): Prf {
  return { recall, precision, f1: recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0 };
}

function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}

function groups(ids: readonly string[], clusterOf: (i: number) => string): { clusters: number[][]; of: Int32Array } {
  const index = new Map<string, number>();
  const clusters: number[][] = [];
  const of = new Int32Array(ids.length);
  ids.forEach((_, i) => {
    const c = clusterOf(i);
    let k = index.get(c);
    if (k === undefined) {
      index.set(c, (k = clusters.length));
      clusters.push([]);
    }
    clusters[k].push(i);
    of[i] = k;
  });
  return { clusters, of };
}

/** The key's mentions; the response restricted to them, a missing mention a singleton of its own. */
function partitions(key: Clustering, response: Clustering): Partitions {
  const mentions = [...key.keys()];
  const k = groups(mentions, (i) => key.get(mentions[i])!);
  // the prefixes keep the response's own cluster ids apart from the singletons made for missing mentions
  const r = groups(mentions, (i) => (response.has(mentions[i]) ? `r${response.get(mentions[i])}` : `\u0000${i}`));
  return { mentions, key: k.clusters, response: r.clusters, keyOf: k.of, responseOf: r.of };
}

/** MUC recall side: links of `clusters` kept by the other partition (`otherOf`). */
function mucSide(clusters: number[][], otherOf: Int32Array): { kept: number; links: number } {
  let kept = 0;
  let links = 0;
  for (const c of clusters) {
    const parts = new Set<number>();
    for (const m of c) parts.add(otherOf[m]);
    kept += c.length - parts.size;
    links += c.length - 1;
  }
  return { kept, links };
}

function mucOf(p: Partitions): Prf {
  const r = mucSide(p.key, p.responseOf);
  const q = mucSide(p.response, p.keyOf);
  return prf(ratio(r.kept, r.links), ratio(q.kept, q.links));
}

/** Sizes of the overlaps between key and response clusters, by key cluster. */
function overlaps(p: Partitions): Map<number, number>[] {
  const out = p.key.map(() => new Map<number, number>());
  p.mentions.forEach((_, m) => {
    const row = out[p.keyOf[m]];
    const r = p.responseOf[m];
    row.set(r, (row.get(r) ?? 0) + 1);
  });
  return out;
}

function bcubedOf(p: Partitions): Prf {
  const n = p.mentions.length;
  if (n === 0) return prf(0, 0);
  let recall = 0;
  let precision = 0;
  // every mention of an overlap K∩R has the same per-mention ratios: add them once per overlap
  overlaps(p).forEach((row, k) => {
    for (const [r, size] of row) {
      recall += (size * size) / p.key[k].length;
      precision += (size * size) / p.response[r].length;
    }
  });
  return prf(recall / n, precision / n);
}

/**
 * The φ4 similarity of the best one-to-one alignment of key and response clusters. The
 * alignment is solved per connected component of the overlap graph (clusters sharing no
 * mention have φ4 = 0, so components do not interact), which keeps each Hungarian run small.
 */
function ceafeOf(p: Partitions): Prf {
  const rows = overlaps(p);
  const nk = p.key.length;
  const parent = Int32Array.from({ length: nk + p.response.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  rows.forEach((row, k) => {
    for (const r of row.keys()) {
      const [a, b] = [find(k), find(nk + r)];
      if (a !== b) parent[a] = b;
    }
  });
  const components = new Map<number, { keys: number[]; responses: number[] }>();
  for (let x = 0; x < parent.length; x++) {
    const root = find(x);
    let c = components.get(root);
    if (!c) components.set(root, (c = { keys: [], responses: [] }));
    if (x < nk) c.keys.push(x);
    else c.responses.push(x - nk);
  }
  let similarity = 0;
  for (const { keys, responses } of components.values()) {
    if (keys.length === 0 || responses.length === 0) continue;
    const col = new Map(responses.map((r, j) => [r, j]));
    const weights = keys.map((k) => {
      const w = new Array<number>(responses.length).fill(0);
      for (const [r, size] of rows[k]) w[col.get(r)!] = (2 * size) / (p.key[k].length + p.response[r].length);
      return w;
    });
    maxWeightAssignment(weights).forEach((j, i) => {
      if (j >= 0) similarity += weights[i][j];
    });
  }
  return prf(ratio(similarity, p.key.length), ratio(similarity, p.response.length));
}

/**
 * MUC: the share of the key's links (a cluster of n mentions has n − 1) that the response
 * keeps (recall), and the reverse (precision).
 *
 * @example muc(new Map([['a', '1'], ['b', '1']]), new Map([['a', 'x'], ['b', 'x']])) // all 1
 */
export function muc(key: Clustering, response: Clustering): Prf {
  return mucOf(partitions(key, response));
}

/**
 * B³: for each mention, the share of its key cluster that its response cluster holds (recall)
 * and the share of its response cluster that its key cluster holds (precision), averaged over
 * the key's mentions.
 */
export function bcubed(key: Clustering, response: Clustering): Prf {
  return bcubedOf(partitions(key, response));
}

/**
 * CEAF-e: key and response clusters aligned one to one (Kuhn–Munkres) to maximise the sum of
 * φ4(K, R) = 2|K ∩ R| / (|K| + |R|); recall is that sum over the number of key clusters,
 * precision over the number of response clusters.
 */
export function ceafe(key: Clustering, response: Clustering): Prf {
  return ceafeOf(partitions(key, response));
}

/**
 * MUC, B³ and CEAF-e, and the CoNLL F1 (the mean of their F1s), under the conventions in this
 * module's comment.
 *
 * @example scoreCoreference(goldClusterOfMention, predictedClusterOfMention).conll
 */
export function scoreCoreference(key: Clustering, response: Clustering): CorefScores {
  const p = partitions(key, response);
  const m = mucOf(p);
  const b = bcubedOf(p);
  const c = ceafeOf(p);
  return { muc: m, bcubed: b, ceafe: c, conll: (m.f1 + b.f1 + c.f1) / 3 };
}

/**
 * B³ over documents: how well a clustering of documents (stories) matches a gold grouping
 * (ECB+ topics or subtopics). It is B³ with documents as the mentions, so the same
 * conventions hold: documents missing from the response are singletons there, documents the
 * key lacks are dropped.
 *
 * @example documentBcubed(new Map([['1_1ecb', '1'], ['1_2ecb', '1']]), storyOfDocument).f1
 */
export function documentBcubed(key: Clustering, response: Clustering): Prf {
  return bcubed(key, response);
}
