import type { Block, Doc } from './doc.ts';
import { sliceMap, spanToRaw } from './offset-map.ts';
import type { Span } from './span.ts';

/** Blocks of the cleaned text are separated by one blank line. */
export const BLOCK_SEPARATOR = '\n\n';

/** A span of the current cleaned text to take out, and why. */
export interface Cut {
  span: Span;
  reason: string;
  detail?: string;
}

/**
 * Replaces the Doc's cleaned text by the `keep` blocks (spans of the current text, in order,
 * not overlapping) joined by a blank line, records every `cut` as a Removal pointing into the
 * raw input, and keeps the offset map to the raw input exact. Cleaning stages call this before
 * any later layer exists; calling it after sentences, tokens or timexes were made is a
 * programming error.
 *
 * @example rebuild(doc, doc.blocks.filter(keepIt), [{ span: dupe, reason: 'repeated-block' }])
 */
export function rebuild(doc: Doc, keep: readonly Block[], cuts: readonly Cut[] = []): void {
  // later layers hold spans of the text this replaces
  if (doc.sentences.length || doc.tokens.length || doc.entries.length || doc.timexes.length) {
    throw new TypeError('rebuild() must run before sentences, tokens, entries and timexes exist');
  }
  for (const cut of cuts) {
    if (cut.span.end <= cut.span.start) continue;
    doc.removed.push({
      raw: spanToRaw(doc.map, cut.span),
      text: doc.text.slice(cut.span.start, cut.span.end),
      reason: cut.reason,
      ...(cut.detail ? { detail: cut.detail } : {}),
    });
  }
  const parts: string[] = [];
  const pieces: { from: number; to: number; at: number }[] = [];
  const blocks: Block[] = [];
  let at = 0;
  let lastEnd = -1;
  for (const block of keep) {
    if (block.start < lastEnd || block.end < block.start || block.end > doc.text.length) {
      throw new TypeError(`rebuild() needs sorted, non-overlapping blocks inside the text (got [${block.start}, ${block.end}))`);
    }
    lastEnd = block.end;
    if (block.end === block.start) continue;
    if (parts.length) {
      parts.push(BLOCK_SEPARATOR);
      at += BLOCK_SEPARATOR.length;
    }
    parts.push(doc.text.slice(block.start, block.end));
    pieces.push({ from: block.start, to: block.end, at });
    blocks.push({ ...block, start: at, end: at + (block.end - block.start) });
    at += block.end - block.start;
  }
  doc.map = sliceMap(doc.map, pieces);
  doc.text = parts.join('');
  doc.blocks = blocks;
}
