import type { Span } from '../doc/span.ts';

/**
 * For each gold word, the index of the token that stands for it, both sorted lists of spans
 * over the same text. The rule: the token that overlaps the word most, the later one on a
 * tie. So a word the tokenizer split ("e-mail" as "e", "-", "mail") takes the piece that
 * covers most of it, and words the tokenizer merged ("gonna" for "gon" + "na", "cannot")
 * all take the one token. A word that overlaps no token (an empty or whitespace span) takes
 * the first token after it, or the last one before it. -1 only when there are no tokens.
 *
 * @example alignSpans([{start:0,end:2},{start:2,end:5}], [{start:0,end:5}]) // Int32Array [0, 0]
 */
export function alignSpans(words: readonly Span[], tokens: readonly Span[]): Int32Array {
  const out = new Int32Array(words.length).fill(-1);
  if (tokens.length === 0) return out;
  let first = 0;
  for (let w = 0; w < words.length; w++) {
    const { start, end } = words[w];
    while (first < tokens.length && tokens[first].end <= start) first++;
    let best = -1;
    let bestOverlap = 0;
    for (let t = first; t < tokens.length && tokens[t].start < end; t++) {
      const overlap = Math.min(end, tokens[t].end) - Math.max(start, tokens[t].start);
      if (overlap > 0 && overlap >= bestOverlap) {
        best = t;
        bestOverlap = overlap;
      }
    }
    out[w] = best >= 0 ? best : Math.min(first, tokens.length - 1);
  }
  return out;
}
