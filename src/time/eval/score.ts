/**
 * TempEval-3's TIMEX3 measures (UzZaman et al. 2013), on character spans:
 *
 * - strict span P/R/F1: a system timex with exactly the gold offsets;
 * - relaxed span P/R/F1: a system timex overlapping a gold one by at least a character, each
 *   gold and each system timex matched at most once (a maximum one-to-one matching that
 *   prefers exact spans, then larger overlaps);
 * - type and value accuracy: the share of relaxed matches with the gold type / value;
 * - type F1 and value F1 as TempEval-3 reports attribute F1: a relaxed match with the right
 *   attribute counts, P = that count / system timexes, R = that count / gold timexes.
 *
 * TempEval-3's official scorer works on tokens (a span is the set of its tokens, and "overlap"
 * is a shared token); this works on UTF-16 character offsets, so that no tokenizer stands
 * between the gold and the tagger. The two agree wherever spans start and end at token
 * boundaries, which gold spans do. Values are compared as exact strings: `2013-03-22T00:00`
 * is not `2013-03-22`, nor `P1DE` `P10Y` (a corpus reader may rewrite a documented notation
 * of its own, as the WikiWars reader does, before scoring). A measure whose denominator is 0
 * is 0, except accuracies, which are null then ("not applicable").
 */
import type { Span } from '../../doc/span.ts';

/** A timex as scoring sees it: a span with a type and a value where it has them (TIMEX2 gold has no type). */
export interface ScoredTimex extends Span {
  type?: string;
  value?: string;
}

/** What one comparison counts; counts of several documents add up. */
export interface Counts {
  gold: number;
  /** Gold timexes with a type (none in TIMEX2 gold, where type measures do not apply). */
  goldTyped: number;
  system: number;
  /** System timexes with exactly a gold timex's offsets (one-to-one). */
  strict: number;
  /** Relaxed (overlap) matches, one-to-one. */
  relaxed: number;
  /** Relaxed matches whose gold timex has a type, and of those, the ones with the same system type. */
  typed: number;
  typeCorrect: number;
  /** Relaxed matches whose gold timex has a value, and of those, the ones with the same system value. */
  valued: number;
  valueCorrect: number;
}

/** A relaxed match: indexes into the gold and system lists. */
export interface MatchPair {
  gold: number;
  system: number;
}

/** The result of comparing one document's system timexes with its gold. */
export interface Comparison {
  counts: Counts;
  /** Relaxed matches, in gold order. */
  pairs: MatchPair[];
  /** Gold timexes no system timex matches, and system timexes that match no gold one. */
  missed: number[];
  spurious: number[];
}

/** Precision, recall and F1, each in [0, 1]. */
export interface PRF {
  p: number;
  r: number;
  f1: number;
}

/** The measures of some counts. */
export interface Measures {
  strict: PRF;
  relaxed: PRF;
  /** Null where no relaxed match has a gold type (no match at all, or TIMEX2 gold). */
  typeAccuracy: number | null;
  /** Null where the gold has no types (TIMEX2). */
  typeF1: PRF | null;
  /** Null where no relaxed match has a gold value. */
  valueAccuracy: number | null;
  valueF1: PRF;
}

/** Counts of nothing, to add documents to. */
export function emptyCounts(): Counts {
  return { gold: 0, goldTyped: 0, system: 0, strict: 0, relaxed: 0, typed: 0, typeCorrect: 0, valued: 0, valueCorrect: 0 };
}

/** The sum of two counts. */
export function addCounts(a: Counts, b: Counts): Counts {
  const out = emptyCounts();
  for (const key of Object.keys(out) as Array<keyof Counts>) out[key] = a[key] + b[key];
  return out;
}

const overlap = (a: Span, b: Span) => Math.min(a.end, b.end) - Math.max(a.start, b.start);
const exact = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** Exact-offset matches, one-to-one (a span given twice by the system matches one gold span once). */
function strictMatches(gold: readonly Span[], system: readonly Span[]): number {
  const available = new Map<string, number>();
  for (const s of system) available.set(`${s.start}:${s.end}`, (available.get(`${s.start}:${s.end}`) ?? 0) + 1);
  let n = 0;
  for (const g of gold) {
    const key = `${g.start}:${g.end}`;
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      n++;
    }
  }
  return n;
}

/**
 * A maximum one-to-one matching of overlapping spans (Kuhn's augmenting paths). Each gold span
 * tries its candidates exact first, then by decreasing overlap, and gold spans with an exact
 * candidate go first, so that exact pairs are kept wherever the maximum allows.
 */
function relaxedMatches(gold: readonly Span[], system: readonly Span[]): MatchPair[] {
  const candidates = gold.map((g) =>
    system
      .map((s, i) => ({ i, size: overlap(g, s), exact: exact(g, s) }))
      .filter((c) => c.size > 0)
      .sort((a, b) => Number(b.exact) - Number(a.exact) || b.size - a.size || a.i - b.i)
      .map((c) => c.i),
  );
  const goldOf = new Array<number>(system.length).fill(-1);
  const tryGold = (g: number, seen: boolean[]): boolean => {
    for (const s of candidates[g]) {
      if (seen[s]) continue;
      seen[s] = true;
      if (goldOf[s] === -1 || tryGold(goldOf[s], seen)) {
        goldOf[s] = g;
        return true;
      }
    }
    return false;
  };
  const hasExact = (g: number) => candidates[g].length > 0 && exact(gold[g], system[candidates[g][0]]);
  const order = gold.map((_, g) => g).sort((a, b) => Number(hasExact(b)) - Number(hasExact(a)) || a - b);
  for (const g of order) tryGold(g, new Array<boolean>(system.length).fill(false));
  const pairs: MatchPair[] = [];
  goldOf.forEach((g, s) => {
    if (g !== -1) pairs.push({ gold: g, system: s });
  });
  return pairs.sort((a, b) => a.gold - b.gold);
}

/**
 * Compares one document's system timexes with its gold timexes.
 *
 * @example compareTimexes([{ start: 0, end: 6, type: 'DATE', value: '2013-03-22' }], [{ start: 0, end: 6, type: 'DATE', value: '2013-03-22' }]).counts.strict // 1
 */
export function compareTimexes(gold: readonly ScoredTimex[], system: readonly ScoredTimex[]): Comparison {
  const pairs = relaxedMatches(gold, system);
  const counts = emptyCounts();
  counts.gold = gold.length;
  counts.goldTyped = gold.filter((g) => g.type !== undefined).length;
  counts.system = system.length;
  counts.strict = strictMatches(gold, system);
  counts.relaxed = pairs.length;
  for (const { gold: g, system: s } of pairs) {
    if (gold[g].type !== undefined) {
      counts.typed++;
      if (system[s].type === gold[g].type) counts.typeCorrect++;
    }
    if (gold[g].value !== undefined) {
      counts.valued++;
      if (system[s].value === gold[g].value) counts.valueCorrect++;
    }
  }
  const goldMatched = new Set(pairs.map((p) => p.gold));
  const systemMatched = new Set(pairs.map((p) => p.system));
  return {
    counts,
    pairs,
    missed: gold.map((_, i) => i).filter((i) => !goldMatched.has(i)),
    spurious: system.map((_, i) => i).filter((i) => !systemMatched.has(i)),
  };
}

/** Precision, recall and F1 of `hits` among `system` answers and `gold` answers (0 where a denominator is 0). */
export function prf(hits: number, system: number, gold: number): PRF {
  const p = system ? hits / system : 0;
  const r = gold ? hits / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The TempEval-3 measures of some counts. */
export function measures(c: Counts): Measures {
  return {
    strict: prf(c.strict, c.system, c.gold),
    relaxed: prf(c.relaxed, c.system, c.gold),
    typeAccuracy: c.typed ? c.typeCorrect / c.typed : null,
    typeF1: c.goldTyped ? prf(c.typeCorrect, c.system, c.gold) : null,
    valueAccuracy: c.valued ? c.valueCorrect / c.valued : null,
    valueF1: prf(c.valueCorrect, c.system, c.gold),
  };
}
