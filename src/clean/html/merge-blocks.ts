import { blockChars, blockText, type DomBlock } from './dom-blocks.ts';

/** How many prose blocks just before the article may be taken in (a lead set apart from the body). */
const LEAD_BLOCKS = 2;
/** How many words a block before the article needs to be taken in. */
const LEAD_MIN_WORDS = 10;
/** A block whose word trigrams are mostly in the article already is a copy, not an addition. */
const MAX_SEEN_SHARE = 0.5;
/**
 * How many words, per word of the article, the blocks inside it that it left out must hold to
 * be taken in: where Readability kept less than half of the text between its first and last
 * block, it misread the page (markup it could not read, such as maths); where it kept more, what
 * it left out it removed on purpose (charts, boxes, notes, sections it judged furniture).
 */
const INSIDE_MIN_SHARE = 1;

function wordCount(blocks: readonly DomBlock[]): number {
  return blocks.reduce((n, b) => n + b.words.length, 0);
}

/** The page's headline (a level-1 heading) is its title, which Readability leaves out of the body on purpose. */
function isHeadline(block: DomBlock): boolean {
  return block.kind === 'heading' && block.level === 1;
}

/** A byline, however long: "By", "Von", "Par" or "Por" and a name of two capitalised words ("By Ada Lovelace, a ..."). */
const BYLINE_START = /^(By|BY|Von|VON|Par|Por)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u;
/** A word of a date or time: a number such as 30, 2015, 07:19 or 03.05.2024, or a month's name. */
const DATE_WORD =
  /^[([]?(\d{1,4}([.:/h-]\d{1,4})*[.,)\]]?|(jan(uary|uar|vier)?|feb(ruary|ruar)?|février|mar(ch)?|märz|mars|apr(il)?|avril|may|mai|june?|juni|juin|july?|juli|juillet|aug(ust)?|août|sep(t(ember)?)?|septembre|o[ck]t(ober)?|octobre|nov(ember)?|novembre|de[cz](ember)?|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?,?)$/iu;

/**
 * Whether a block before the article reads as its lead: prose of ten words or more, not the
 * headline, and neither a byline nor a dateline (words mostly of dates and times, "AFP 30 avril
 * 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)").
 */
function isLead(block: DomBlock): boolean {
  if (block.words.length < LEAD_MIN_WORDS || isHeadline(block)) return false;
  if (BYLINE_START.test(blockText(block))) return false;
  return block.words.filter((w) => DATE_WORD.test(w)).length < block.words.length / 2;
}

function trigrams(words: readonly string[]): string[] {
  if (words.length < 3) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * Completes an article found by one method (`main`, Readability's) with blocks that another,
 * whole-page method (`page`, the density filter, in document order) kept around it: a lead of
 * up to two prose blocks just before the first block both agree on, and, when `main` holds
 * fewer words than they do, the blocks between the first and last block both agree on.
 * Readability tends to drop a lead that its scoring set apart, and on a page it cannot read
 * it keeps only scraps; the density filter does not, but alone it lets more furniture through.
 * Added blocks are placed after the nearest preceding block the two share, so the result stays
 * in page order.
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
  const inner: DomBlock[] = [];
  let anchor: string | null = null;
  page.forEach((block, i) => {
    const text = blockText(block);
    if (shared[i]) {
      anchor = text;
      return;
    }
    if (mainJoined.includes(text) || isCopy(block)) return;
    const inside = i > first && i < last;
    const lead = i < first && i >= first - LEAD_BLOCKS && isLead(block);
    if (!inside && !lead) return;
    if (!lead) inner.push(block);
    if (anchor === null) before.push(block);
    else {
      if (!after.has(anchor)) after.set(anchor, []);
      after.get(anchor)!.push(block);
    }
  });

  // inner blocks only fill out an article that kept less than they hold
  const skip = wordCount(inner) < wordCount(main) * INSIDE_MIN_SHARE ? new Set(inner) : new Set<DomBlock>();
  const out: DomBlock[] = [...before];
  for (const block of main) {
    out.push(block);
    const text = blockText(block);
    const extra = after.get(text)?.filter((b) => !skip.has(b));
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
/** How much more text than the article a container that does not hold it must hold to replace it. */
const STRAY_GAIN = 3;

/** The characters of `article` in blocks that `body` holds too. */
function sharedChars(article: readonly DomBlock[], body: readonly DomBlock[]): number {
  const bodyText = body.map(blockText).join('\n');
  return blockChars(article.filter((b) => bodyText.includes(blockText(b))));
}

/**
 * Whether Readability's article (`article`, already completed) went astray: most of it lies
 * outside the element the page marks as its article or main content (`body`, by any container
 * rule), which holds three times as much text. Readability then scored a box, a notice or a
 * fragment above the story itself (a disclaimer over a post, the intro over a recipe).
 *
 * @example strayArticle(readability, container.blocks) // true when the container is the story and Readability is not in it
 */
export function strayArticle(article: readonly DomBlock[], body: readonly DomBlock[]): boolean {
  const size = blockChars(article);
  if (!body.length || blockChars(body) < size * STRAY_GAIN) return false;
  return sharedChars(article, body) < size * CONTAINER_OVERLAP;
}

/**
 * Whether the element the page itself marks as its article body (`body`: `itemprop=articleBody`,
 * a class such as `article-body`, an `<article>` element) should replace an article found by
 * scoring (`article`, Readability's, already completed): when it holds the article (at least
 * half of its text) and much more besides (half as much again). Readability sometimes settles on one part of a body
 * split into several containers; the page's own mark-up knows better.
 *
 * @example markedBodyWins(readability, container.blocks) // true when the container holds far more of the story
 */
export function markedBodyWins(article: readonly DomBlock[], body: readonly DomBlock[]): boolean {
  const size = blockChars(article);
  if (!body.length || blockChars(body) < size * CONTAINER_GAIN) return false;
  return sharedChars(article, body) >= size * CONTAINER_OVERLAP;
}
