import { blockText, type DomBlock } from './dom-blocks.ts';

/** How many prose blocks just before the article may be taken in (a lead set apart from the body). */
const LEAD_BLOCKS = 2;
/** How many words a block before the article needs to be taken in. */
const LEAD_MIN_WORDS = 10;
/** A block whose word trigrams are mostly in the article already is a copy, not an addition. */
const MAX_SEEN_SHARE = 0.5;

/** The page's headline (a level-1 heading) is its title, which Readability leaves out of the body on purpose. */
function isHeadline(block: DomBlock): boolean {
  return block.kind === 'heading' && block.level === 1;
}

function trigrams(words: readonly string[]): string[] {
  if (words.length < 3) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * Completes an article found by one method (`main`, Readability's) with blocks that another,
 * whole-page method (`page`, the density filter, in document order) kept around it: blocks
 * that sit between the first and last block both agree on, and a lead of up to two prose
 * blocks just before. Readability tends to drop a lead or a list that its scoring set apart;
 * the density filter does not, but alone it lets more furniture through. Added blocks are
 * placed after the nearest preceding block the two share, so the result stays in page order.
 */
export function mergeBlocks(main: readonly DomBlock[], page: readonly DomBlock[]): DomBlock[] {
  if (!main.length) return [...page];
  const mainTexts = new Set(main.map(blockText));
  const mainJoined = main.map(blockText).join('\n');
  const seen = new Set(main.flatMap((b) => trigrams(b.words)));
  const isCopy = (block: DomBlock): boolean => {
    const grams = trigrams(block.words);
    return grams.filter((g) => seen.has(g)).length > grams.length * MAX_SEEN_SHARE;
  };
  const shared = page.map((b) => mainTexts.has(blockText(b)));
  const first = shared.indexOf(true);
  const last = shared.lastIndexOf(true);
  if (first < 0) return [...main];

  // extra blocks, keyed by the shared page block they follow (-1: before the first)
  const after = new Map<string, DomBlock[]>();
  const before: DomBlock[] = [];
  let anchor: string | null = null;
  page.forEach((block, i) => {
    const text = blockText(block);
    if (shared[i]) {
      anchor = text;
      return;
    }
    if (mainJoined.includes(text) || isCopy(block)) return;
    const inside = i > first && i < last;
    const lead = i < first && i >= first - LEAD_BLOCKS && block.words.length >= LEAD_MIN_WORDS && !isHeadline(block);
    if (!inside && !lead) return;
    if (anchor === null) before.push(block);
    else {
      if (!after.has(anchor)) after.set(anchor, []);
      after.get(anchor)!.push(block);
    }
  });

  const out: DomBlock[] = [...before];
  for (const block of main) {
    out.push(block);
    const text = blockText(block);
    const extra = after.get(text);
    if (extra) {
      out.push(...extra);
      after.delete(text);
    }
  }
  return out;
}

/** How much more text than the article a marked-up article body must hold to replace it. */
const CONTAINER_GAIN = 1.5;
/** The share of the article's text that must lie inside that body, so that it is the same article. */
const CONTAINER_OVERLAP = 0.5;

function charsOf(blocks: readonly DomBlock[]): number {
  return blocks.reduce((n, b) => n + b.chars, 0);
}

/**
 * Whether the element the page itself marks as its article body (`body`: `itemprop=articleBody`,
 * a class such as `article-body`) should replace an article found by scoring (`article`,
 * Readability's, already completed): when it holds the article (at least half of its text) and
 * much more besides (half as much again). Readability sometimes settles on one part of a body
 * split into several containers; the page's own mark-up knows better.
 *
 * @example markedBodyWins(readability, container.blocks) // true when the container holds far more of the story
 */
export function markedBodyWins(article: readonly DomBlock[], body: readonly DomBlock[]): boolean {
  const size = charsOf(article);
  if (!body.length || charsOf(body) < size * CONTAINER_GAIN) return false;
  const bodyText = body.map(blockText).join('\n');
  return charsOf(article.filter((b) => bodyText.includes(blockText(b)))) >= size * CONTAINER_OVERLAP;
}
