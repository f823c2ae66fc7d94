import { fmix, hashString } from '../../learn/hash.ts';

/**
 * A seeded source of random choices for building benchmarks: the same seed gives the same
 * sequence on every run and platform. Not for anything that needs unpredictability.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy of a list (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * A seeded random source: a Weyl sequence (adding the golden-ratio constant) run through
 * Murmur3's finaliser, which passes for random at this scale and takes a few lines.
 * A string seed is hashed first.
 *
 * @example seededRandom(7).int(10) === seededRandom(7).int(10) // true
 */
export function seededRandom(seed: number | string): Random {
  let state = typeof seed === 'string' ? hashString(seed) : seed | 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0;
    return fmix(state) / 0x1_0000_0000;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new TypeError('pick: empty list');
      return items[int(items.length)];
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * A seed for one part of a seeded run, from the run's seed and the part's names, so that each
 * part draws its own sequence and adding a part leaves the others unchanged.
 *
 * @example deriveSeed(20161108, 'nyt_2016-10-01_x', 'dropped', 0.5)
 */
export function deriveSeed(...parts: Array<string | number>): number {
  return hashString(parts.join('\u0001'));
}
