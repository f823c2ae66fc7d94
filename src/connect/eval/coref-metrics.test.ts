import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bcubed, ceafe, documentBcubed, muc, scoreCoreference, type Clustering, type Prf } from './coref-metrics.ts';

/** A clustering from clusters written as strings of one-letter mentions: 'abc de' is {a,b,c} {d,e}. */
function clusters(spec: string): Clustering {
  const out = new Map<string, string>();
  spec.split(' ').forEach((c, k) => {
    for (const m of c) out.set(m, `c${k}`);
  });
  return out;
}

function close(actual: Prf, recall: number, precision: number, f1: number): void {
  assert.ok(Math.abs(actual.recall - recall) < 1e-9, `recall ${actual.recall}, expected ${recall}`);
  assert.ok(Math.abs(actual.precision - precision) < 1e-9, `precision ${actual.precision}, expected ${precision}`);
  assert.ok(Math.abs(actual.f1 - f1) < 1e-9, `F1 ${actual.f1}, expected ${f1}`);
}

// The key and response of the worked example in Pradhan et al. (2014), "Scoring coreference
// partitions of predicted mentions": key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}.
// Under this module's conventions h and i (not in the key) are dropped and e (not in the
// response) is a response singleton, so the response scored is {a,b} {c,d} {f,g} {e}. The
// figures below are worked out by hand for that reading (the paper keeps h and i).
const key = clusters('abc defg');
const response = clusters('ab cd fghi');

test('MUC on the worked example', () => {
  // recall: {a,b,c} falls into 2 response parts (3 − 2 = 1 link kept), {d,e,f,g} into 3
  //   ({d} {e} {f,g}: 4 − 3 = 1); links in the key 2 + 3 = 5 → 2/5
  // precision: {a,b} 1 part (1 of 1 link), {c,d} 2 parts (0 of 1), {f,g} 1 part (1 of 1),
  //   {e} no link → 2/3
  // F1 = 2 · 0.4 · 2/3 / (0.4 + 2/3) = 0.5
  close(muc(key, response), 2 / 5, 2 / 3, 0.5);
});

test('B³ on the worked example', () => {
  // recall per mention |K ∩ R| / |K|: a 2/3, b 2/3, c 1/3, d 1/4, e 1/4, f 2/4, g 2/4
  //   sum 19/6, over 7 mentions → 19/42
  // precision per mention |K ∩ R| / |R|: a 1, b 1, c 1/2, d 1/2, e 1, f 1, g 1 → 6/7
  // F1 = 2 · 19/42 · 6/7 / (19/42 + 6/7) = (38/49) / (55/42) = 1596/2695
  close(bcubed(key, response), 19 / 42, 6 / 7, 1596 / 2695);
});

test('CEAF-e on the worked example', () => {
  // φ4 = 2|K ∩ R| / (|K| + |R|): {abc}~{ab} 4/5, {abc}~{cd} 2/5, {defg}~{cd} 1/3,
  //   {defg}~{fg} 2/3, {defg}~{e} 2/5; the best alignment {abc}-{ab}, {defg}-{fg} = 22/15
  // recall 22/15 over 2 key clusters = 11/15; precision over 4 response clusters = 11/30
  // F1 = 2 · 11/15 · 11/30 / (11/15 + 11/30) = 22/45
  close(ceafe(key, response), 11 / 15, 11 / 30, 22 / 45);
});

test('CoNLL is the mean of the three F1s', () => {
  const s = scoreCoreference(key, response);
  assert.ok(Math.abs(s.conll - (0.5 + 1596 / 2695 + 22 / 45) / 3) < 1e-9);
  close(s.muc, 2 / 5, 2 / 3, 0.5);
});

test('CEAF-e takes the best alignment, not the greedy one', () => {
  // key {a,b,c,d} {e,f}; response {a,b,c,e,f} {d}
  // φ4: {abcd}~{abcef} 2·3/9 = 2/3, {abcd}~{d} 2·1/5 = 2/5, {ef}~{abcef} 2·2/7 = 4/7
  // greedy takes 2/3 first and is left with nothing for {e,f} (total 2/3); the best is
  // {abcd}-{d} + {ef}-{abcef} = 2/5 + 4/7 = 34/35 → recall = precision = 17/35
  close(ceafe(clusters('abcd ef'), clusters('abcef d')), 17 / 35, 17 / 35, 17 / 35);
});

test('identical clusterings score 1, MUC on singletons only scores 0', () => {
  const s = scoreCoreference(key, key);
  close(s.muc, 1, 1, 1);
  close(s.bcubed, 1, 1, 1);
  close(s.ceafe, 1, 1, 1);
  const singletons = clusters('a b c');
  // no links in key or response: MUC's ratios are 0/0, taken as 0
  close(muc(singletons, singletons), 0, 0, 0);
  close(bcubed(singletons, singletons), 1, 1, 1);
  close(ceafe(singletons, singletons), 1, 1, 1);
});

test('an empty response makes every key mention a singleton', () => {
  // key {a,b} {c}; response {a} {b} {c}
  // MUC: recall 0/1, precision 0/0 → 0
  // B³: recall (1/2 + 1/2 + 1)/3 = 2/3, precision 1 → F1 = 0.8
  // CEAF-e: φ4 {ab}~{a} = 2/3, {c}~{c} = 1 → 5/3; recall 5/3 / 2 = 5/6, precision 5/3 / 3 = 5/9
  //   F1 = 2 · 5/6 · 5/9 / (5/6 + 5/9) = (50/54) / (25/18) = 2/3
  const k = clusters('ab c');
  const s = scoreCoreference(k, new Map());
  close(s.muc, 0, 0, 0);
  close(s.bcubed, 2 / 3, 1, 0.8);
  close(s.ceafe, 5 / 6, 5 / 9, 2 / 3);
});

test('response cluster ids cannot collide with the singletons made for missing mentions', () => {
  // a response cluster named like an index must not swallow the missing mention c
  const k = clusters('abc');
  const r = new Map([
    ['a', '2'],
    ['b', '2'],
  ]);
  // response {a,b} {c}: B³ recall (2/3 + 2/3 + 1/3)/3 = 5/9, precision 1
  close(bcubed(k, r), 5 / 9, 1, (2 * 5) / 9 / (5 / 9 + 1));
});

test('documentBcubed scores a grouping of documents', () => {
  // topics: {d1,d2,d3} {d4}; stories: {d1,d2} {d3,d4}
  // recall: d1 2/3, d2 2/3, d3 1/3, d4 1 → 8/3 / 4 = 2/3
  // precision: d1 1, d2 1, d3 1/2, d4 1/2 → 3/4
  // F1 = 2 · 2/3 · 3/4 / (2/3 + 3/4) = 1 / (17/12) = 12/17
  const topics = new Map([
    ['d1', 't1'],
    ['d2', 't1'],
    ['d3', 't1'],
    ['d4', 't2'],
  ]);
  const stories = new Map([
    ['d1', 's1'],
    ['d2', 's1'],
    ['d3', 's2'],
    ['d4', 's2'],
    ['d5', 's2'], // not in the key: dropped
  ]);
  close(documentBcubed(topics, stories), 2 / 3, 3 / 4, 12 / 17);
});

test('CEAF-e scales to thousands of clusters', () => {
  // 3,000 key pairs k_i = {2i, 2i+1}; the response shifts them by one: r_0 = {0},
  // r_j = {2j−1, 2j}, r_3000 = {5999}, so the overlap graph is one chain of 6,001 clusters.
  // φ4(k_i, r_j) = 2·1 / (2 + |r_j|): 2/3 with the two end singletons, 1/2 otherwise.
  // Best: k_0-r_0 and k_2999-r_3000 (2/3 each), the 2,998 keys between on pairs (1/2 each)
  // = 4/3 + 1499; recall over 3,000 key clusters, precision over 3,001 response clusters
  const n = 3000;
  const k = new Map<string, string>();
  const r = new Map<string, string>();
  for (let m = 0; m < 2 * n; m++) {
    k.set(`m${m}`, `k${m >> 1}`);
    r.set(`m${m}`, `r${(m + 1) >> 1}`);
  }
  const sum = 4 / 3 + 1499;
  const recall = sum / n;
  const precision = sum / (n + 1);
  close(ceafe(k, r), recall, precision, (2 * recall * precision) / (recall + precision));
});

/** Straight from the definitions, mention by mention and over every alignment (small inputs only). */
function naiveScores(key: Clustering, response: Clustering) {
  const mentions = [...key.keys()];
  const r = (m: string) => (response.has(m) ? `r:${response.get(m)}` : `missing:${m}`);
  const members = (of: (m: string) => string) => {
    const out = new Map<string, string[]>();
    for (const m of mentions) out.set(of(m), [...(out.get(of(m)) ?? []), m]);
    return [...out.values()];
  };
  const K = members((m) => key.get(m)!);
  const R = members(r);
  const inter = (a: string[], b: string[]) => a.filter((m) => b.includes(m)).length;
  const f = (rec: number, prec: number) => (rec + prec ? (2 * rec * prec) / (rec + prec) : 0);
  // MUC: partitions of each cluster by the other side
  const side = (A: string[][], B: string[][]) => {
    let num = 0;
    let den = 0;
    for (const a of A) {
      num += a.length - B.filter((b) => inter(a, b) > 0).length;
      den += a.length - 1;
    }
    return den ? num / den : 0;
  };
  const mucR = side(K, R);
  const mucP = side(R, K);
  // B³: per mention
  let bR = 0;
  let bP = 0;
  for (const m of mentions) {
    const k = K.find((c) => c.includes(m))!;
    const x = R.find((c) => c.includes(m))!;
    bR += inter(k, x) / k.length;
    bP += inter(k, x) / x.length;
  }
  bR /= mentions.length || 1;
  bP /= mentions.length || 1;
  // CEAF-e: every injective map of the smaller side into the larger
  const phi = (a: string[], b: string[]) => (2 * inter(a, b)) / (a.length + b.length);
  const [small, large, swap] = K.length <= R.length ? [K, R, false] : [R, K, true];
  let best = 0;
  const used = new Set<number>();
  const walk = (i: number, sum: number) => {
    if (i === small.length) {
      best = Math.max(best, sum);
      return;
    }
    for (let j = 0; j < large.length; j++) {
      if (used.has(j)) continue;
      used.add(j);
      walk(i + 1, sum + (swap ? phi(large[j], small[i]) : phi(small[i], large[j])));
      used.delete(j);
    }
  };
  walk(0, 0);
  const cR = K.length ? best / K.length : 0;
  const cP = R.length ? best / R.length : 0;
  return { muc: [mucR, mucP, f(mucR, mucP)], bcubed: [bR, bP, f(bR, bP)], ceafe: [cR, cP, f(cR, cP)] };
}

test('the scores agree with their definitions computed naively (property)', () => {
  // up to 7 key mentions in up to 4 clusters; the response clusters some of them (and a
  // mention the key lacks) into up to 4 clusters
  const input = fc.tuple(
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 7 }),
    fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
  );
  fc.assert(
    fc.property(input, ([keyClusters, responseClusters]) => {
      const key = new Map(keyClusters.map((c, i) => [`m${i}`, `k${c}`]));
      const response = new Map<string, string>();
      responseClusters.forEach((c, i) => {
        if (c !== undefined) response.set(`m${i}`, `${c}`);
      });
      const s = scoreCoreference(key, response);
      const n = naiveScores(key, response);
      for (const metric of ['muc', 'bcubed', 'ceafe'] as const) {
        const got = [s[metric].recall, s[metric].precision, s[metric].f1];
        got.forEach((v, i) => assert.ok(Math.abs(v - n[metric][i]) < 1e-9, `${metric} ${got} vs ${n[metric]}`));
      }
    }),
    { seed: 3, numRuns: 400 },
  );
});
