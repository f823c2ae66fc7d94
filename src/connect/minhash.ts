import { combineHash, fmix } from '../learn/hash.ts';

/**
 * MinHash signatures and LSH band keys: the candidate step of duplicate and statement
 * detection. Two sets with Jaccard similarity J share any one band of `rows` hashes with
 * probability J^rows, so with `bands` bands they become candidates with probability
 * 1 - (1 - J^rows)^bands.
 */

/** Fixed seeds for the hash family, one per permutation (a fixed list, so signatures are stable across runs and versions). */
const SEEDS = Array.from({ length: 256 }, (_, i) => fmix(Math.imul(i + 1, 0x9e3779b1)));

/**
 * The MinHash signature of a set of 32-bit hashes: for each of `size` hash functions the
 * smallest value over the set. An empty set gives all 0xffffffff.
 */
export function minhash(set: ArrayLike<number>, size: number): Uint32Array {
  if (size > SEEDS.length) throw new TypeError(`minhash: at most ${SEEDS.length} hash functions`);
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (let k = 0; k < set.length; k++) {
    const x = set[k];
    for (let i = 0; i < size; i++) {
      const h = fmix(x ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/**
 * The band keys of a signature: one 32-bit key per band of `rows` consecutive values, the band
 * index mixed in so that equal values in different bands do not collide. Signed, as SQLite
 * and JSON keep them.
 */
export function bandKeys(sig: Uint32Array, rows: number): number[] {
  const keys: number[] = [];
  for (let b = 0; b + rows <= sig.length; b += rows) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = combineHash(h, sig[b + r]);
    keys.push(h | 0);
  }
  return keys;
}
