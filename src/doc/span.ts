/**
 * A span of text: `start` inclusive, `end` exclusive, in UTF-16 code units (JavaScript's
 * own string index). Unless a field says otherwise, a span points into a Doc's cleaned text.
 *
 * @example textOf(doc, { start: 0, end: 5 }) // the first five characters of doc.text
 */
export interface Span {
  start: number;
  end: number;
}

/** Throws a TypeError unless `span` is a well-formed span inside a text of `length`. */
export function assertSpan(span: Span, length: number): void {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start || span.end > length) {
    throw new TypeError(`invalid span [${span.start}, ${span.end}) for a text of length ${length}`);
  }
}

/**
 * Index of the last item whose `start` is at or before `offset` in a list sorted by start,
 * or -1. The layers of a Doc are sorted this way, so this is how they are searched.
 */
export function lastStartingAtOrBefore<T extends Span>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Index of the first item that ends after `offset` in a sorted, non-overlapping layer (the
 * layer's length if none does): the token at or after an offset.
 */
export function firstEndingAfter<T extends Span>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The item of a sorted, non-overlapping layer that contains `offset`, or undefined. */
export function itemAt<T extends Span>(items: readonly T[], offset: number): T | undefined {
  const i = lastStartingAtOrBefore(items, offset);
  if (i < 0) return undefined;
  const item = items[i];
  return offset < item.end || (item.start === item.end && item.start === offset) ? item : undefined;
}
