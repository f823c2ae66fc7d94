import type { Span } from './span.ts';

/**
 * One run of the cleaned text that came from one run of the raw text. When `length` equals
 * `rawLength` the run maps character by character; otherwise it is atomic (an HTML entity
 * such as `&amp;` decoded to one character) and only its two ends map.
 */
export interface Segment {
  clean: number;
  raw: number;
  length: number;
  rawLength: number;
}

/**
 * Maps offsets in a Doc's cleaned text back to offsets in its raw input. Segments are sorted
 * by `clean` and do not overlap; cleaned characters between segments (separators the cleaner
 * inserted) map to the end of the segment before them.
 */
export interface OffsetMap {
  segments: Segment[];
}

/** The identity map over a text of `length` characters. */
export function identityMap(length: number): OffsetMap {
  return { segments: length > 0 ? [{ clean: 0, raw: 0, length, rawLength: length }] : [] };
}

function segmentIndex(map: OffsetMap, offset: number): number {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].clean <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The raw offset of cleaned offset `offset`. `side` says which edge of a span the offset is:
 * a span's start maps forward to the first raw character it covers, its end backward to just
 * after the last one.
 */
export function toRaw(map: OffsetMap, offset: number, side: 'start' | 'end'): number {
  const segs = map.segments;
  if (segs.length === 0) return 0;
  let i = segmentIndex(map, side === 'end' ? offset - 1 : offset);
  if (i < 0) return side === 'start' ? segs[0].raw : segs[0].raw;
  const seg = segs[i];
  const within = offset - seg.clean;
  if (side === 'start') {
    if (within >= seg.length) {
      // in a gap after this segment: move to the next segment's start
      i += 1;
      return i < segs.length ? segs[i].raw : seg.raw + seg.rawLength;
    }
    if (seg.length === seg.rawLength) return seg.raw + within;
    return seg.raw;
  }
  if (within >= seg.length) return seg.raw + seg.rawLength;
  if (seg.length === seg.rawLength) return seg.raw + within;
  return within <= 0 ? seg.raw : seg.raw + seg.rawLength;
}

/** The raw span that a cleaned span came from. */
export function spanToRaw(map: OffsetMap, span: Span): Span {
  if (span.start === span.end) {
    const at = toRaw(map, span.start, 'start');
    return { start: at, end: at };
  }
  const start = toRaw(map, span.start, 'start');
  const end = toRaw(map, span.end, 'end');
  return { start, end: Math.max(start, end) };
}

/**
 * The map of a text assembled from pieces of a mapped text: each piece is the old range
 * [from, to) placed at offset `at` of the new text (characters between pieces are inserted
 * separators). Used by every edit so that the chain cleaned → raw never breaks.
 */
export function sliceMap(map: OffsetMap, pieces: ReadonlyArray<{ from: number; to: number; at: number }>): OffsetMap {
  const out: Segment[] = [];
  const segs = map.segments;
  for (const piece of pieces) {
    let i = Math.max(0, segmentIndex(map, piece.from));
    for (; i < segs.length && segs[i].clean < piece.to; i++) {
      const seg = segs[i];
      const a = Math.max(seg.clean, piece.from);
      const b = Math.min(seg.clean + seg.length, piece.to);
      if (b <= a) continue;
      const at = piece.at + (a - piece.from);
      if (seg.length === seg.rawLength) {
        pushSegment(out, { clean: at, raw: seg.raw + (a - seg.clean), length: b - a, rawLength: b - a });
      } else {
        // an atomic segment cut in part keeps its whole raw run: the ends still map
        pushSegment(out, { clean: at, raw: seg.raw, length: b - a, rawLength: seg.rawLength });
      }
    }
  }
  return { segments: out };
}

/** Appends a segment, merging it into the previous one when both are contiguous and linear. */
export function pushSegment(out: Segment[], seg: Segment): void {
  if (seg.length <= 0) return;
  const last = out[out.length - 1];
  if (
    last &&
    last.length === last.rawLength &&
    seg.length === seg.rawLength &&
    last.clean + last.length === seg.clean &&
    last.raw + last.rawLength === seg.raw
  ) {
    last.length += seg.length;
    last.rawLength += seg.length;
    return;
  }
  out.push({ ...seg });
}

/** A compact form for storage: four numbers a segment. */
export function packMap(map: OffsetMap): number[] {
  const out: number[] = [];
  for (const s of map.segments) out.push(s.clean, s.raw, s.length, s.rawLength);
  return out;
}

/** The inverse of packMap. */
export function unpackMap(packed: readonly number[]): OffsetMap {
  if (packed.length % 4 !== 0) throw new TypeError('a packed offset map has four numbers a segment');
  const segments: Segment[] = [];
  for (let i = 0; i < packed.length; i += 4) {
    segments.push({ clean: packed[i], raw: packed[i + 1], length: packed[i + 2], rawLength: packed[i + 3] });
  }
  return { segments };
}
