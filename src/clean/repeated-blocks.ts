import type { Block } from '../doc/doc.ts';
import type { Cut } from '../doc/rebuild.ts';

/**
 * The comparison key of a block: letters and digits only, lower-cased, so that a copy that
 * differs in spacing, quotes or punctuation still counts as the same block.
 */
export function blockKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
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
      reason: 'repeated-block',
      detail: `repeats the block at raw offset ${rawOffset(blocks[first].start)}`,
    });
  });
  return { drop, cuts };
}
