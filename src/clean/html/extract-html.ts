import type { Block, DocMeta, Message } from '../../doc/doc.ts';
import { toRaw, type OffsetMap } from '../../doc/offset-map.ts';
import type { Span } from '../../doc/span.ts';
import { alignWords, type WordBlock } from './align-words.ts';
import type { DomBlock } from './dom-blocks.ts';
import { filterBlocks } from './block-filter.ts';
import { completes, htmlMeta, isCutShort } from './html-meta.ts';
import { markedBodyWins, mergeBlocks, strayArticle } from './merge-blocks.ts';
import { containerBlocks, densityBlocks } from './main-content.ts';
import { parseDocument } from './parse-document.ts';
import { readabilityContent, type ReadabilityContent } from './readability-content.ts';
import { visibleText, type VisibleText } from './visible-text.ts';

/** The main text of an HTML page, mapped back to the raw HTML, with what was left out. */
export interface HtmlExtraction {
  /** Blocks joined by BLOCK_SEPARATOR, inline whitespace collapsed to single spaces. */
  text: string;
  /** From `text` offsets to offsets in the raw HTML string. */
  map: OffsetMap;
  /** Spans into `text`, sorted and non-overlapping. */
  blocks: Block[];
  meta: Partial<DocMeta>;
  /** Visible text of the page not kept as main text (navigation, comments, footers). */
  outside: Array<{ raw: Span; text: string }>;
  messages: Array<Omit<Message, 'span'>>;
}

/** Options of extractHtml. */
export interface ExtractHtmlOptions {
  /** Where the page came from; resolves a relative canonical link and is the default `url`. */
  url?: string;
}

const ORIGIN = 'clean:html';
/** Pages nested deeper than this skip the DOM stages (linkedom and Readability recurse). */
const MAX_DOM_DEPTH = 400;
/** Pages larger than this skip the DOM stages, to stay fast on pathological input. */
const MAX_DOM_CHARS = 6_000_000;
/**
 * Readability is superlinear in the size of the DOM (its own maxElemsToParse check counts
 * nothing on linkedom), and walks each element's ancestors and descendants, so deep nesting
 * costs more than size. Pages beyond either limit skip it; the limits were set from timing
 * synthetic worst cases (flat pages, chains of nested divs) to keep it to a few seconds. News
 * pages have a few thousand elements; a long Wikipedia article has tens of thousands, and the
 * container fallback would keep only part of its text.
 */
const MAX_READABILITY_TAGS = 60_000;
const MAX_READABILITY_DEPTH_SUM = 300_000;
/**
 * The container tiers of explicit article mark-up: itemprop=articleBody and `article-body`
 * classes (1), the `<article>` element (2); not the looser main-content tier.
 */
const MAX_MARKED_TIER = 2;
function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Every line of the visible-text stream as a paragraph: the last resort. */
function streamBlocks(stream: VisibleText): WordBlock[] {
  const blocks: WordBlock[] = [];
  let words: string[] = [];
  for (let i = 0; i < stream.wordCount; i++) {
    if (i > 0 && stream.wordLine[i] !== stream.wordLine[i - 1] && words.length) {
      blocks.push({ kind: 'paragraph', words });
      words = [];
    }
    words.push(stream.text.slice(stream.wordStart[i], stream.wordEnd[i]));
  }
  if (words.length) blocks.push({ kind: 'paragraph', words });
  return blocks;
}

/** Runs of stream words that no output word was matched to, line by line. */
function outsideRuns(stream: VisibleText, used: Uint8Array): HtmlExtraction['outside'] {
  const out: HtmlExtraction['outside'] = [];
  let runStart = -1;
  const close = (end: number): void => {
    if (runStart < 0) return;
    const from = stream.wordStart[runStart];
    const to = stream.wordEnd[end - 1];
    out.push({
      raw: { start: toRaw(stream.map, from, 'start'), end: toRaw(stream.map, to, 'end') },
      text: stream.text.slice(from, to),
    });
    runStart = -1;
  };
  for (let i = 0; i < stream.wordCount; i++) {
    if (runStart >= 0 && stream.wordLine[i] !== stream.wordLine[runStart]) close(i);
    if (used[i]) close(i);
    else if (runStart < 0) runStart = i;
  }
  close(stream.wordCount);
  return out;
}

/** What the DOM stages found on a page, for chooseMainText. */
export interface Candidates {
  meta: Partial<DocMeta>;
  container: { blocks: DomBlock[]; rule: string; tier: number } | null;
  readability: ReadabilityContent | null;
  density: DomBlock[];
}

/** Runs the DOM stages one by one; a stage that fails leaves a message and its result empty. */
function domCandidates(html: string, url: string | undefined, size: Pick<VisibleText, 'tagCount' | 'depthSum'>, messages: HtmlExtraction['messages']): Candidates {
  const found: Candidates = { meta: {}, container: null, readability: null, density: [] };
  let doc: Document | null = null;
  try {
    doc = parseDocument(html);
  } catch (err) {
    messages.push({ origin: ORIGIN, severity: 'warning', text: `could not parse the page: ${errorText(err)}` });
    return found;
  }
  try {
    found.meta = htmlMeta(doc, url);
  } catch (err) {
    messages.push({ origin: ORIGIN, severity: 'warning', text: `could not read metadata: ${errorText(err)}` });
  }
  try {
    // read the page's own article mark-up while the page is intact (Readability takes it apart)
    found.container = containerBlocks(doc);
  } catch (err) {
    messages.push({ origin: ORIGIN, severity: 'warning', text: `container search failed: ${errorText(err)}` });
  }
  try {
    found.density = densityBlocks(doc);
  } catch (err) {
    messages.push({ origin: ORIGIN, severity: 'warning', text: `density fallback failed: ${errorText(err)}` });
  }
  if (size.tagCount > MAX_READABILITY_TAGS || size.depthSum > MAX_READABILITY_DEPTH_SUM) {
    const why = size.tagCount > MAX_READABILITY_TAGS ? `${size.tagCount} elements` : `elements nested ${size.depthSum} levels deep in all`;
    messages.push({ origin: ORIGIN, severity: 'info', text: `page has ${why}; skipped Readability` });
  } else {
    // the stages above only read `doc`; Readability takes it apart, so it goes last
    const own = doc;
    doc = null;
    try {
      found.readability = readabilityContent(own);
    } catch (err) {
      messages.push({ origin: ORIGIN, severity: 'warning', text: `Readability failed: ${errorText(err)}` });
    }
  }
  return found;
}

/**
 * Picks the main text among the candidates: Readability's article completed by the density
 * filter's blocks around it, unless the page's marked-up article body holds it and much more,
 * or the page's article container is far larger and Readability's article lies outside it;
 * without a Readability result, the article container, then the density filter alone. Every
 * candidate goes through the furniture phrase filter first.
 */
export function chooseMainText(found: Candidates): { blocks: DomBlock[]; method: string } | null {
  const read = filterBlocks(found.readability?.blocks ?? []);
  const density = filterBlocks(found.density);
  const own = found.container ? filterBlocks(found.container.blocks) : [];
  if (read.length) {
    const merged = mergeBlocks(read, density);
    if (found.container && strayArticle(merged, own)) return { blocks: own, method: `stray:${found.container.rule}` };
    if (found.container && found.container.tier <= MAX_MARKED_TIER && markedBodyWins(merged, own)) {
      return { blocks: own, method: `readability:${found.container.rule}` };
    }
    return { blocks: merged, method: 'readability' };
  }
  if (own.length) return { blocks: own, method: `container:${found.container!.rule}` };
  if (density.length) return { blocks: density, method: 'density' };
  return null;
}

function mergeMeta(primary: Partial<DocMeta>, fallback: Partial<DocMeta>): Partial<DocMeta> {
  const out: Partial<DocMeta> = { ...primary };
  for (const [key, value] of Object.entries(fallback) as Array<[keyof DocMeta, string]>) {
    if (out[key] === undefined && value) (out as Record<string, string>)[key] = value;
  }
  return out;
}

/**
 * A description the page cut short ("…a gauge of stoc…") where the article's first paragraph
 * holds it in full becomes that paragraph; any other is kept as it is.
 */
function completeDescription(meta: Partial<DocMeta>, text: string, blocks: readonly Block[]): Partial<DocMeta> {
  if (!meta.description || !isCutShort(meta.description)) return meta;
  const first = blocks.find((b) => b.kind === 'paragraph');
  const paragraph = first && text.slice(first.start, first.end).replace(/\s+/g, ' ').trim();
  return paragraph && completes(paragraph, meta.description) ? { ...meta, description: paragraph } : meta;
}

function empty(messages: HtmlExtraction['messages']): HtmlExtraction {
  return { text: '', map: { segments: [] }, blocks: [], meta: {}, outside: [], messages };
}

/**
 * Extracts the main text of an HTML page (the article, without navigation, comments and
 * other furniture) with its block structure, metadata and an offset map back to `html`.
 * Tries, in turn, a search for the article's container, Mozilla Readability, a text-density
 * filter and finally the page's whole visible text; never throws on any string.
 *
 * @example
 * const { text, blocks, meta } = extractHtml(page, { url: 'https://example.org/news/1' });
 */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): HtmlExtraction {
  if (typeof html !== 'string') throw new TypeError('extractHtml needs the page as a string');
  const messages: HtmlExtraction['messages'] = [];
  let stream: VisibleText;
  try {
    stream = visibleText(html);
  } catch (err) {
    messages.push({ origin: ORIGIN, severity: 'error', text: `could not read the page's text: ${errorText(err)}` });
    return empty(messages);
  }

  let found: Candidates = { meta: {}, container: null, readability: null, density: [] };
  if (stream.maxDepth > MAX_DOM_DEPTH || html.length > MAX_DOM_CHARS) {
    messages.push({
      origin: ORIGIN,
      severity: 'warning',
      text: `page too ${html.length > MAX_DOM_CHARS ? 'large' : 'deeply nested'} for DOM extraction; kept its visible text`,
    });
  } else {
    found = domCandidates(html, options.url, stream, messages);
  }

  const chosen = chooseMainText(found);
  let blocks: WordBlock[];
  if (chosen) {
    blocks = chosen.blocks;
    if (chosen.method.startsWith('stray:')) {
      const rule = chosen.method.slice('stray:'.length);
      messages.push({ origin: ORIGIN, severity: 'info', text: `Readability's article lay outside the page's own container; used container:${rule}` });
    } else if (!chosen.method.startsWith('readability')) {
      messages.push({ origin: ORIGIN, severity: 'info', text: `Readability found no article; used ${chosen.method}` });
    }
  } else {
    blocks = streamBlocks(stream);
    if (blocks.length) messages.push({ origin: ORIGIN, severity: 'warning', text: 'no main content found; kept all visible text' });
  }

  let meta = mergeMeta(found.meta, found.readability?.meta ?? {});
  if (options.url && !meta.url) meta = { ...meta, url: options.url };
  try {
    const aligned = alignWords(stream, blocks);
    meta = completeDescription(meta, aligned.text, aligned.blocks);
    return { text: aligned.text, map: aligned.map, blocks: aligned.blocks, meta, outside: outsideRuns(stream, aligned.used), messages };
  } catch (err) {
    messages.push({ origin: ORIGIN, severity: 'error', text: `could not map the text to the page: ${errorText(err)}` });
    return { ...empty(messages), meta };
  }
}
