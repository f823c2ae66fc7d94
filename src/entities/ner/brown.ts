/** Options for Brown clustering. */
export interface BrownOptions {
  /** Number of active clusters (the leaves of the hierarchy). */
  clusters: number;
  /** Words seen fewer times than this are left out. */
  minCount: number;
  /** Called now and then with progress. */
  log?: (line: string) => void;
}

/** Mutual-information term of one cluster bigram: p(x,y) log(p(x,y) / (p(x) p(y))), 0 when p(x,y) is 0. */
function q(pxy: number, px: number, py: number): number {
  return pxy > 0 ? pxy * Math.log(pxy / (px * py)) : 0;
}

/**
 * Brown clustering (Brown et al. 1992) in the windowed form of Liang (2005): words enter
 * by falling frequency; with `clusters` + 1 active clusters, the pair whose merge loses
 * the least average mutual information between adjacent clusters is merged, with merge
 * gains updated incrementally in O(C²) per step. Once every word is in, the remaining
 * clusters are merged down to one, and the order of those merges gives each word a bit
 * path (`0` left, `1` right) from the root: words of one leaf cluster share a path.
 * Deterministic: ties go to the lowest slots, equal frequencies sort by the word.
 *
 * @example brownClusters([['the', 'cat'], ['the', 'dog']], { clusters: 2, minCount: 1 }).get('cat')
 */
export function brownClusters(sentences: Iterable<readonly string[]>, options: BrownOptions): Map<string, string> {
  const counts = new Map<string, number>();
  const corpus: string[][] = [];
  for (const s of sentences) {
    corpus.push([...s]);
    for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const vocabulary = [...counts]
    .filter(([, c]) => c >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
  const V = vocabulary.length;
  const result = new Map<string, string>();
  if (V === 0) return result;
  const id = new Map(vocabulary.map((w, i) => [w, i]));

  // Bigram counts between vocabulary words, as adjacency lists both ways.
  const right: Map<number, number>[] = vocabulary.map(() => new Map());
  const left: Map<number, number>[] = vocabulary.map(() => new Map());
  let total = 0;
  for (const s of corpus) {
    for (let i = 0; i + 1 < s.length; i++) {
      const a = id.get(s[i]);
      const b = id.get(s[i + 1]);
      if (a === undefined || b === undefined) continue;
      right[a].set(b, (right[a].get(b) ?? 0) + 1);
      left[b].set(a, (left[b].get(a) ?? 0) + 1);
      total++;
    }
  }
  const wordLeft = new Float64Array(V);
  const wordRight = new Float64Array(V);
  for (let w = 0; w < V; w++) {
    for (const c of right[w].values()) wordLeft[w] += c / Math.max(total, 1);
    for (const c of left[w].values()) wordRight[w] += c / Math.max(total, 1);
  }

  const C = Math.max(1, Math.min(options.clusters, V));
  const K = C + 1;
  const p2 = new Float64Array(K * K);
  const q2 = new Float64Array(K * K);
  const gain = new Float64Array(K * K);
  const pl = new Float64Array(K);
  const pr = new Float64Array(K);
  const active = new Uint8Array(K);
  const slotOfWord = new Int32Array(V).fill(-1);
  const members: number[][] = Array.from({ length: K }, () => []);
  const node = new Int32Array(K).fill(-1);
  const children: [number, number][] = [];
  const leafWords: number[][] = [];

  const recomputeQ = (u: number): void => {
    for (let x = 0; x < K; x++) {
      if (!active[x]) continue;
      q2[u * K + x] = q(p2[u * K + x], pl[u], pr[x]);
      q2[x * K + u] = q(p2[x * K + u], pl[x], pr[u]);
    }
  };
  // Gain in mutual information from merging slots s and t, computed from scratch.
  const fullGain = (s: number, t: number): number => {
    const plm = pl[s] + pl[t];
    const prm = pr[s] + pr[t];
    let g = 0;
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === s || x === t) continue;
      g += q(p2[s * K + x] + p2[t * K + x], plm, pr[x]) + q(p2[x * K + s] + p2[x * K + t], pl[x], prm);
      g -= q2[s * K + x] + q2[x * K + s] + q2[t * K + x] + q2[x * K + t];
    }
    const pmm = p2[s * K + s] + p2[s * K + t] + p2[t * K + s] + p2[t * K + t];
    g += q(pmm, plm, prm) - q2[s * K + s] - q2[s * K + t] - q2[t * K + s] - q2[t * K + t];
    return g;
  };
  // The part of gain(s, t) that involves a third cluster x.
  const term = (s: number, t: number, x: number): number =>
    q(p2[s * K + x] + p2[t * K + x], pl[s] + pl[t], pr[x]) +
    q(p2[x * K + s] + p2[x * K + t], pl[x], pr[s] + pr[t]) -
    q2[s * K + x] - q2[x * K + s] - q2[t * K + x] - q2[x * K + t];

  const addWord = (w: number, u: number): void => {
    active[u] = 1;
    members[u] = [w];
    slotOfWord[w] = u;
    node[u] = -1;
    pl[u] = wordLeft[w];
    pr[u] = wordRight[w];
    for (let x = 0; x < K; x++) {
      p2[u * K + x] = 0;
      p2[x * K + u] = 0;
    }
    for (const [v, c] of right[w]) {
      const sv = slotOfWord[v];
      if (sv >= 0) p2[u * K + sv] += c / total;
    }
    for (const [v, c] of left[w]) {
      const sv = slotOfWord[v];
      if (sv >= 0 && v !== w) p2[sv * K + u] += c / total;
    }
    recomputeQ(u);
  };

  const bestPair = (): [number, number] => {
    let best = -Infinity;
    let pair: [number, number] = [-1, -1];
    for (let s = 0; s < K; s++) {
      if (!active[s]) continue;
      for (let t = s + 1; t < K; t++) {
        if (!active[t]) continue;
        if (gain[s * K + t] > best) {
          best = gain[s * K + t];
          pair = [s, t];
        }
      }
    }
    return pair;
  };

  // Merges slot b into slot a, updating every other pair's gain incrementally.
  const merge = (a: number, b: number): void => {
    const plm = pl[a] + pl[b];
    const prm = pr[a] + pr[b];
    const pm = new Float64Array(K);
    const pmRev = new Float64Array(K);
    for (let x = 0; x < K; x++) {
      pm[x] = p2[a * K + x] + p2[b * K + x];
      pmRev[x] = p2[x * K + a] + p2[x * K + b];
    }
    const pmm = pm[a] + pm[b];
    const qm = new Float64Array(K);
    const qmRev = new Float64Array(K);
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === a || x === b) continue;
      qm[x] = q(pm[x], plm, pr[x]);
      qmRev[x] = q(pmRev[x], pl[x], prm);
    }
    for (let s = 0; s < K; s++) {
      if (!active[s] || s === a || s === b) continue;
      for (let t = s + 1; t < K; t++) {
        if (!active[t] || t === a || t === b) continue;
        const pls = pl[s] + pl[t];
        const prs = pr[s] + pr[t];
        const withMerged =
          q(pm[s] + pm[t], plm, prs) + q(pmRev[s] + pmRev[t], pls, prm) - qm[s] - qmRev[s] - qm[t] - qmRev[t];
        gain[s * K + t] += withMerged - term(s, t, a) - term(s, t, b);
      }
    }
    for (let x = 0; x < K; x++) {
      p2[a * K + x] = pm[x];
      p2[x * K + a] = pmRev[x];
    }
    p2[a * K + a] = pmm;
    pl[a] = plm;
    pr[a] = prm;
    active[b] = 0;
    for (let x = 0; x < K; x++) {
      p2[b * K + x] = 0;
      p2[x * K + b] = 0;
      q2[b * K + x] = 0;
      q2[x * K + b] = 0;
    }
    recomputeQ(a);
    for (const w of members[b]) slotOfWord[w] = a;
    members[a] = members[a].concat(members[b]);
    members[b] = [];
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === a) continue;
      const g = fullGain(Math.min(a, x), Math.max(a, x));
      gain[Math.min(a, x) * K + Math.max(a, x)] = g;
    }
  };

  const first = Math.min(C, V);
  for (let w = 0; w < first; w++) addWord(w, w);
  for (let s = 0; s < K; s++) for (let t = s + 1; t < K; t++) if (active[s] && active[t]) gain[s * K + t] = fullGain(s, t);
  for (let w = first; w < V; w++) {
    let u = 0;
    while (active[u]) u++;
    addWord(w, u);
    for (let s = 0; s < K; s++) {
      if (!active[s] || s === u) continue;
      for (let t = s + 1; t < K; t++) {
        if (!active[t] || t === u) continue;
        gain[s * K + t] += term(s, t, u);
      }
    }
    for (let x = 0; x < K; x++) if (active[x] && x !== u) gain[Math.min(u, x) * K + Math.max(u, x)] = fullGain(Math.min(u, x), Math.max(u, x));
    const [a, b] = bestPair();
    merge(a, b);
    if (options.log && (w - first) % 1000 === 0) options.log(`brown: ${w}/${V} words in`);
  }

  // Hierarchy over the remaining clusters.
  for (let s = 0; s < K; s++) {
    if (!active[s]) continue;
    node[s] = leafWords.length;
    leafWords.push(members[s]);
    children.push([-1, -1]);
  }
  let remaining = active.reduce((n, x) => n + x, 0);
  while (remaining > 1) {
    const [a, b] = bestPair();
    const parent = children.length;
    children.push([node[a], node[b]]);
    merge(a, b);
    node[a] = parent;
    remaining--;
  }
  const root = node[active.indexOf(1)];
  const stack: [number, string][] = [[root, '']];
  while (stack.length) {
    const [n, path] = stack.pop()!;
    if (n < leafWords.length) {
      for (const w of leafWords[n]) result.set(vocabulary[w], path || '0');
      continue;
    }
    stack.push([children[n][1], path + '1'], [children[n][0], path + '0']);
  }
  return result;
}
