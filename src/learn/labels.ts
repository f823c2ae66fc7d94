/**
 * The tag set of a BILOU tagger over some entity types: `O` first, then `B-`, `I-`, `L-`,
 * `U-` for each type.
 *
 * @example bilouLabels(['PER']) // ['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER']
 */
export function bilouLabels(types: readonly string[]): string[] {
  const labels = ['O'];
  for (const type of types) for (const prefix of ['B', 'I', 'L', 'U']) labels.push(`${prefix}-${type}`);
  return labels;
}

/**
 * Which label may follow which in BILOU: `allowed[from * n + to]`, with `from = n` for
 * the start of a sentence; `canEnd[label]` says whether a sentence may end on it.
 */
export interface TransitionRules {
  allowed: Uint8Array;
  canEnd: Uint8Array;
}

/** The BILOU transition rules for a tag set made by bilouLabels. */
export function bilouTransitions(labels: readonly string[]): TransitionRules {
  const n = labels.length;
  const allowed = new Uint8Array((n + 1) * n);
  const canEnd = new Uint8Array(n);
  const prefix = (l: string): string => (l === 'O' ? 'O' : l[0]);
  const type = (l: string): string => (l === 'O' ? '' : l.slice(2));
  for (let from = 0; from <= n; from++) {
    for (let to = 0; to < n; to++) {
      const p = from === n ? 'O' : prefix(labels[from]);
      const q = prefix(labels[to]);
      const open = p === 'B' || p === 'I';
      const ok = open ? (q === 'I' || q === 'L') && type(labels[from]) === type(labels[to]) : q === 'O' || q === 'B' || q === 'U';
      allowed[from * n + to] = ok ? 1 : 0;
    }
  }
  for (let l = 0; l < n; l++) {
    const p = prefix(labels[l]);
    canEnd[l] = p === 'B' || p === 'I' ? 0 : 1;
  }
  return { allowed, canEnd };
}
