/**
 * Latency figures of the API benchmark (api-latency.ts): percentiles of request times, by the
 * nearest-rank method, so that a p95 is a time some request really took.
 */

/** Median, 95th percentile and maximum of some timings, in ms, and how many there were. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * The `q` quantile of sorted values by nearest rank: the smallest value with at least a share
 * `q` of the values at or below it.
 *
 * @example nearestRank([1, 2, 3, 4], 0.5) // 2
 */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (!sorted.length) throw new TypeError('nearestRank needs at least one value');
  if (!(q > 0 && q <= 1)) throw new TypeError(`nearestRank needs a quantile in (0, 1], got ${q}`);
  return sorted[Math.min(sorted.length, Math.ceil(q * sorted.length)) - 1];
}

/** The Latency of some timings (any order). */
export function latency(times: readonly number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95), max: sorted[sorted.length - 1] };
}
