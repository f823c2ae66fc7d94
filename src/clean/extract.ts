import { REMOVAL_REASONS, report, type Doc } from '../doc/doc.ts';
import { identityMap } from '../doc/offset-map.ts';
import { rebuild } from '../doc/rebuild.ts';
import type { Stage } from '../pipeline/stage.ts';
import { extractHtml } from './html/extract-html.ts';
import { textBlocks } from './text-blocks.ts';

/**
 * Stage: the main text and its blocks out of the raw input. HTML goes through the page
 * extractor (Readability on linkedom and fallbacks), which also fills in metadata the input
 * did not carry and records the page text it left out; plain text and Markdown are split into
 * blocks. Afterwards the cleaned text is the blocks joined by blank lines.
 */
export function extract(): Stage {
  return {
    name: 'extract',
    needs: ['raw', 'format'],
    provides: ['text', 'blocks', 'meta'],
    run(doc: Doc) {
      // a date the record or feed gave wins over the page's own, and says so
      if (doc.meta.published && !doc.meta.publishedSource) doc.meta.publishedSource = 'input';
      if (doc.format === 'html') {
        const page = extractHtml(doc.raw, doc.meta.url ? { url: doc.meta.url } : {});
        doc.meta = { ...page.meta, ...doc.meta };
        for (const m of page.messages) report(doc, m.origin, m.text, undefined, m.severity);
        for (const part of page.outside) {
          doc.removed.push({ raw: part.raw, text: part.text, reason: REMOVAL_REASONS.outsideMainContent, detail: 'page text outside the main content' });
        }
        doc.text = page.text;
        doc.map = page.map;
        doc.blocks = page.blocks;
        return;
      }
      doc.text = doc.raw;
      doc.map = identityMap(doc.raw.length);
      rebuild(doc, textBlocks(doc.raw, doc.format === 'markdown'));
    },
  };
}
