import { report, type Doc } from '../doc/doc.ts';
import { toRaw } from '../doc/offset-map.ts';
import { rebuild } from '../doc/rebuild.ts';
import type { Stage } from '../pipeline/stage.ts';
import { findBoilerplate } from './boilerplate.ts';
import { findRepeatedBlocks } from './repeated-blocks.ts';

/**
 * Stage: takes out what is not the article, block by block: blocks that repeat an earlier
 * one, then page furniture (share lines, cookie notices, blog footers, comment sections).
 * Every cut is kept on the Doc as a Removal with its reason, so nothing is lost.
 */
export function clean(): Stage {
  return {
    name: 'clean',
    needs: ['text', 'blocks'],
    provides: ['removed'],
    run(doc: Doc) {
      const repeated = findRepeatedBlocks(doc.text, doc.blocks, (offset) => toRaw(doc.map, offset, 'start'));
      const furniture = findBoilerplate(doc.text, doc.blocks, repeated.drop);
      const cuts = [...repeated.cuts, ...furniture.cuts].sort((a, b) => a.span.start - b.span.start);
      if (cuts.length === 0) return;
      const keep = doc.blocks.filter((_, i) => !repeated.drop.has(i) && !furniture.drop.has(i));
      if (repeated.cuts.length) report(doc, 'clean:repeated-block', `removed ${repeated.cuts.length} repeated block(s)`);
      if (furniture.cuts.length) report(doc, 'clean:boilerplate', `removed ${furniture.cuts.length} block(s) of page furniture`);
      rebuild(doc, keep, cuts);
    },
  };
}
