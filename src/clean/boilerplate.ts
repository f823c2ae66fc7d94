import type { Block } from '../doc/doc.ts';
import type { Cut } from '../doc/rebuild.ts';
import { BOILERPLATE_PATTERNS, type BoilerplatePattern } from './boilerplate-patterns.ts';

/** A trailing section header only counts in the last part of the article (share of blocks). */
const TAIL_ZONE = 0.4;

/** The pattern a block of page furniture matches, or undefined. */
export function matchBoilerplate(text: string): BoilerplatePattern | undefined {
  const line = text.trim().replace(/\s+/g, ' ');
  if (!line) return undefined;
  for (const p of BOILERPLATE_PATTERNS) {
    if (line.length <= p.maxChars && p.pattern.test(line)) return p;
  }
  return undefined;
}

/**
 * Finds page furniture among the blocks: share and subscribe lines, cookie notices,
 * advertising labels, blog-platform footers, and comment sections (from their header to the
 * end of the article). `skip` holds blocks already dropped by an earlier step.
 */
export function findBoilerplate(text: string, blocks: readonly Block[], skip: ReadonlySet<number>): { drop: Set<number>; cuts: Cut[] } {
  const drop = new Set<number>();
  const cuts: Cut[] = [];
  const tailFrom = Math.floor(blocks.length * (1 - TAIL_ZONE));
  for (let i = 0; i < blocks.length; i++) {
    if (skip.has(i)) continue;
    const block = blocks[i];
    const found = matchBoilerplate(text.slice(block.start, block.end));
    if (!found) continue;
    if (found.tail && i >= tailFrom && i > 0) {
      for (let j = i; j < blocks.length; j++) {
        if (skip.has(j)) continue;
        drop.add(j);
        cuts.push({
          span: { start: blocks[j].start, end: blocks[j].end },
          reason: `boilerplate:${found.kind}`,
          detail: j === i ? `${found.lang} comment section header` : 'inside the comment section',
        });
      }
      break;
    }
    if (found.tail) continue;
    drop.add(i);
    cuts.push({ span: { start: block.start, end: block.end }, reason: `boilerplate:${found.kind}`, detail: `${found.lang} ${found.kind} line` });
  }
  return { drop, cuts };
}
