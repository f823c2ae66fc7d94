import type { TransitionRules } from './labels.ts';

// Reused between calls: decoding allocates nothing per sentence.
let scratch = { delta: new Float64Array(4096), back: new Int32Array(4096) };

/**
 * The best label sequence under first-order scores. `emissions[i * L + y]` scores label y
 * at token i; `transitions[from * L + to]` scores a transition, with row `L` for the start
 * of the sentence. Transitions the rules forbid are never taken. Writes into `out` and
 * returns it. An empty sentence gives an empty result.
 *
 * @example viterbi(new Float64Array([0, 1]), 1, 2, new Float64Array(6), rules, new Int32Array(1))
 */
export function viterbi(
  emissions: Float64Array,
  n: number,
  labelCount: number,
  transitions: Float64Array | Float32Array,
  rules: TransitionRules,
  out: Int32Array,
): Int32Array {
  if (n === 0) return out;
  const L = labelCount;
  if (scratch.delta.length < n * L) scratch = { delta: new Float64Array(n * L * 2), back: new Int32Array(n * L * 2) };
  const { delta, back } = scratch;
  const { allowed, canEnd } = rules;
  for (let y = 0; y < L; y++) {
    delta[y] = allowed[L * L + y] ? emissions[y] + transitions[L * L + y] : -Infinity;
    back[y] = -1;
  }
  for (let i = 1; i < n; i++) {
    const base = i * L;
    const prev = base - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let x = 0; x < L; x++) {
        if (!allowed[x * L + y]) continue;
        const s = delta[prev + x] + transitions[x * L + y];
        if (s > best) {
          best = s;
          arg = x;
        }
      }
      delta[base + y] = best + emissions[base + y];
      back[base + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    if (!canEnd[y]) continue;
    if (delta[last + y] > best) {
      best = delta[last + y];
      arg = y;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
  return out;
}
