/** Murmur3's 32-bit finaliser: spreads the bits of an integer hash. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit hash of a string (FNV-1a over UTF-16 code units, then finalised). Stable across
 * runs and platforms, so feature hashes written into a model file stay valid.
 *
 * @example hashString('w=Paris') === hashString('w=Paris') // true
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines two 32-bit hashes into one, order-sensitively (for conjunctions and window offsets). */
export function combineHash(a: number, b: number): number {
  return fmix((Math.imul(a ^ 0x9e3779b9, 0x27d4eb2d) + b) | 0);
}
