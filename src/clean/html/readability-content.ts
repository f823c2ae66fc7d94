import { Readability } from '@mozilla/readability';
import type { DocMeta } from '../../doc/doc.ts';
import { isPlaceName } from '../outlet.ts';
import { domBlocks, type DomBlock } from './dom-blocks.ts';
import { isoDate, languageOf } from './html-meta.ts';
import { dropEdgeLinkLists, pruneBoilerplate } from './main-content.ts';

/** What Readability made of a page: its blocks (furniture pruned) and its own metadata. */
export interface ReadabilityContent {
  blocks: DomBlock[];
  /** Readability's plain `textContent`, as the library itself returns it. */
  textContent: string;
  meta: Partial<DocMeta>;
}

/**
 * Runs Mozilla Readability over `doc` and reads the article it keeps as blocks, after pruning
 * the furniture patterns Readability lets through (share bars, comment counts, newsletter
 * boxes) and link lists at the article's edges. Readability takes `doc` apart: pass a
 * document nothing else needs afterwards. Returns null when Readability finds no article.
 */
export function readabilityContent(doc: Document): ReadabilityContent | null {
  const article = new Readability<Element>(doc, { keepClasses: true, serializer: (node) => node as Element }).parse();
  if (!article || !article.content) return null;
  const root = article.content;
  pruneBoilerplate(root);
  const meta: Partial<DocMeta> = {};
  if (article.title) meta.title = article.title;
  if (article.byline) meta.byline = article.byline;
  if (article.siteName && !isPlaceName(article.siteName)) meta.outlet = article.siteName;
  const published = isoDate(article.publishedTime ?? undefined);
  if (published) {
    meta.published = published;
    meta.publishedSource = 'readability';
  }
  const language = languageOf(article.lang);
  if (language) meta.language = language;
  return { blocks: dropEdgeLinkLists(domBlocks(root)), textContent: article.textContent ?? '', meta };
}
