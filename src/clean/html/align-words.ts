import type { Block } from '../../doc/doc.ts';
import { sliceMap, type OffsetMap } from '../../doc/offset-map.ts';
import { BLOCK_SEPARATOR } from '../../doc/rebuild.ts';
import type { HtmlBlockKind } from './dom-blocks.ts';
import type { VisibleText } from './visible-text.ts';

/** How far ahead of the cursor a word is looked for before a wider search. */
const NEAR_WINDOW = 48;
/** How many later words must agree before the wider search accepts a distant match. */
const ANCHOR_WORDS = 2;
/** How many distant candidates the wider search tries for one word. */
const MAX_CANDIDATES = 24;

/** A block to place in the output: its kind and its words. */
export interface WordBlock {
  kind: HtmlBlockKind;
  level?: number;
  words: readonly string[];
}

/** The assembled main text, its map to the raw HTML, and which stream words it used. */
export interface AlignedText {
  text: string;
  map: OffsetMap;
  blocks: Block[];
  /** 1 for every word of the visible-text stream that some output word was matched to. */
  used: Uint8Array;
}

class StreamIndex {
  readonly words: string[];
  private positions: Map<string, number[]> | null = null;

  constructor(readonly stream: VisibleText) {
    this.words = new Array<string>(stream.wordCount);
    for (let i = 0; i < stream.wordCount; i++) this.words[i] = stream.text.slice(stream.wordStart[i], stream.wordEnd[i]);
  }

  /** Stream positions of a word, ascending; built on first use. */
  where(word: string): readonly number[] {
    if (!this.positions) {
      this.positions = new Map();
      this.words.forEach((w, i) => {
        const list = this.positions!.get(w);
        if (list) list.push(i);
        else this.positions!.set(w, [i]);
      });
    }
    return this.positions.get(word) ?? [];
  }
}

function firstAtOrAfter(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function agrees(index: StreamIndex, words: readonly string[], k: number, p: number): boolean {
  for (let a = 1; a <= ANCHOR_WORDS && k + a < words.length; a++) {
    if (index.words[p + a] !== words[k + a]) return false;
  }
  return true;
}

/**
 * Finds where `words[k]` sits in the stream at or after `cursor`: right at the cursor when
 * the word before it was just placed there, or where the next words agree too (so that a common word such as "the" does not
 * drag the cursor into the wrong part of the page), first nearby and then anywhere later.
 * Inside a block, whose previous word was just placed, a nearby match need not agree.
 * Returns -1 when the word cannot be placed.
 */
function locate(index: StreamIndex, words: readonly string[], k: number, cursor: number, inBlock: boolean): number {
  const target = words[k];
  const limit = Math.min(index.words.length, cursor + NEAR_WINDOW);
  let loose = -1;
  for (let p = cursor; p < limit; p++) {
    if (index.words[p] !== target) continue;
    if ((p === cursor && inBlock) || agrees(index, words, k, p)) return p;
    if (loose < 0) loose = p;
  }
  const list = index.where(target);
  let tried = 0;
  for (let c = firstAtOrAfter(list, limit); c < list.length && tried < MAX_CANDIDATES; c++, tried++) {
    if (agrees(index, words, k, list[c])) return list[c];
  }
  return inBlock ? loose : -1;
}

/** Places one block's words from `cursor` on; positions are -1 for words not found. */
function alignBlock(index: StreamIndex, words: readonly string[], cursor: number): { positions: Int32Array; matched: number } {
  const positions = new Int32Array(words.length).fill(-1);
  let matched = 0;
  let at = cursor;
  for (let k = 0; k < words.length; k++) {
    const p = locate(index, words, k, at, k > 0 && positions[k - 1] >= 0);
    if (p >= 0) {
      positions[k] = p;
      at = p + 1;
      matched++;
    }
  }
  return { positions, matched };
}

/**
 * Joins blocks of words into the main text (words by one space, blocks by BLOCK_SEPARATOR)
 * and maps every word back to the raw HTML by aligning it, in order, onto the words of the
 * visible-text stream. A word that cannot be placed stays in the text, mapped to whatever
 * precedes it. A block that does not fit after the previous one (reordered content) is
 * tried again from the start of the stream.
 */
export function alignWords(stream: VisibleText, input: readonly WordBlock[]): AlignedText {
  const index = new StreamIndex(stream);
  const used = new Uint8Array(stream.wordCount);
  const parts: string[] = [];
  const pieces: { from: number; to: number; at: number }[] = [];
  const blocks: Block[] = [];
  let at = 0;
  let cursor = 0;
  for (const block of input) {
    if (!block.words.length) continue;
    let { positions, matched } = alignBlock(index, block.words, cursor);
    if (matched * 2 < block.words.length && cursor > 0) {
      const retry = alignBlock(index, block.words, 0);
      if (retry.matched > matched) ({ positions, matched } = retry);
    }
    if (parts.length) {
      parts.push(BLOCK_SEPARATOR);
      at += BLOCK_SEPARATOR.length;
    }
    const start = at;
    block.words.forEach((word, k) => {
      if (k > 0) {
        parts.push(' ');
        at += 1;
      }
      const p = positions[k];
      if (p >= 0) {
        pieces.push({ from: stream.wordStart[p], to: stream.wordEnd[p], at });
        used[p] = 1;
        cursor = Math.max(cursor, p + 1);
      }
      parts.push(word);
      at += word.length;
    });
    blocks.push({ kind: block.kind, ...(block.level ? { level: block.level } : {}), start, end: at });
  }
  return { text: parts.join(''), map: sliceMap(stream.map, pieces), blocks, used };
}
