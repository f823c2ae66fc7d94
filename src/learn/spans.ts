/** An entity span over token indices of one sentence: `end` is exclusive. */
export interface EntitySpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Reads entity spans from a sentence's labels in any of the schemes the tagger uses: IOB1,
 * IOB2 (BIO) or BILOU (`U-` single, `L-` last). A chunk starts at `B-`/`U-`, at an `I-`/`L-`
 * whose type differs from the previous token's, or after `O`; it ends before `O`, `B-`, `U-`,
 * a change of type, or after `L-`/`U-`. This is conlleval's reading of chunks.
 *
 * @example labelsToSpans(['B-PER', 'L-PER', 'O', 'U-LOC']) // [{start:0,end:2,type:'PER'},{start:3,end:4,type:'LOC'}]
 */
export function labelsToSpans(labels: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let start = -1;
  let type = '';
  let closed = true;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const prefix = label.length > 1 && label[1] === '-' ? label[0] : 'O';
    const labelType = prefix === 'O' ? '' : label.slice(2);
    const startsHere = prefix === 'B' || prefix === 'U' || ((prefix === 'I' || prefix === 'L') && (closed || labelType !== type));
    if (start >= 0 && (prefix === 'O' || startsHere)) {
      spans.push({ start, end: i, type });
      start = -1;
    }
    if (prefix === 'O') {
      closed = true;
      continue;
    }
    if (startsHere) {
      start = i;
      type = labelType;
    }
    closed = false;
    if (prefix === 'L' || prefix === 'U') {
      spans.push({ start, end: i + 1, type });
      start = -1;
      closed = true;
    }
  }
  if (start >= 0) spans.push({ start, end: labels.length, type });
  return spans;
}

/** Writes spans as BILOU labels for a sentence of `length` tokens. */
export function spansToBilou(spans: readonly EntitySpan[], length: number): string[] {
  const labels = new Array<string>(length).fill('O');
  for (const { start, end, type } of spans) {
    if (end - start === 1) {
      labels[start] = `U-${type}`;
      continue;
    }
    labels[start] = `B-${type}`;
    for (let i = start + 1; i < end - 1; i++) labels[i] = `I-${type}`;
    labels[end - 1] = `L-${type}`;
  }
  return labels;
}

/** Writes spans as IOB2 (BIO) labels for a sentence of `length` tokens. */
export function spansToBio(spans: readonly EntitySpan[], length: number): string[] {
  const labels = new Array<string>(length).fill('O');
  for (const { start, end, type } of spans) {
    labels[start] = `B-${type}`;
    for (let i = start + 1; i < end; i++) labels[i] = `I-${type}`;
  }
  return labels;
}
