import { REMOVAL_REASONS, type Block } from '../doc/doc.ts';
import type { Cut } from '../doc/rebuild.ts';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a code point is a letter or a digit; ASCII ones are told without the regex. */
function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/**
 * The comparison key of a block: letters and digits only, lower-cased, so that a copy that
 * differs in spacing, quotes or punctuation still counts as the same block. The same string as
 * `text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')`, copied run by run: a regex replace
 * over every block cost twice as much.
 */
export function blockKey(text: string): string {
  const lower = text.toLowerCase();
  let key = '';
  let from = 0;
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isLetterOrDigit(cp)) {
      key += lower.slice(from, i);
      from = i + width;
    }
    i += width;
  }
  return key + lower.slice(from);
}

/**
 * Finds blocks that repeat an earlier block of the same article (scraped blog copies that
 * print every paragraph twice, live blogs that print each entry twice). Returns the indexes
 * of the blocks to drop with a Cut for each; the first occurrence always stays. `rawOffset` maps
 * an offset of `text` to the raw input, to say in each Cut where the kept copy came from.
 */
export function findRepeatedBlocks(text: string, blocks: readonly Block[], rawOffset: (offset: number) => number = (o) => o): { drop: Set<number>; cuts: Cut[] } {
  const firstSeen = new Map<string, number>();
  const drop = new Set<number>();
  const cuts: Cut[] = [];
  blocks.forEach((block, i) => {
    const key = blockKey(text.slice(block.start, block.end));
    if (!key) return;
    const first = firstSeen.get(key);
    if (first === undefined) {
      firstSeen.set(key, i);
      return;
    }
    drop.add(i);
    cuts.push({
      span: { start: block.start, end: block.end },
      reason: REMOVAL_REASONS.repeatedBlock,
      detail: `repeats the block at raw offset ${rawOffset(blocks[first].start)}`,
    });
  });
  return { drop, cuts };
}
