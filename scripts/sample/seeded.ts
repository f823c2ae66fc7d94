/** A fixed-seed random number generator (a linear congruential one), so that a sample can be judged again. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `k` items drawn without replacement (a Fisher–Yates shuffle under `random`). */
export function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}
