import { boilerplateReason } from './boilerplate-patterns.ts';
import { blockChars, domBlocks, type DomBlock } from './dom-blocks.ts';

/** A rule naming elements that usually hold an article's text, tried tier by tier. */
export interface ContainerRule {
  name: string;
  tier: number;
  test: (el: Element, names: string) => boolean;
}

const SECTIONING = new Set(['article', 'div', 'main', 'section', 'td']);

/** Where article text usually lives, most specific first (cf. trafilatura's body expressions). */
export const CONTAINER_RULES: readonly ContainerRule[] = [
  { name: 'itemprop-article-body', tier: 1, test: (el) => (el.getAttribute('itemprop') ?? '').toLowerCase() === 'articlebody' },
  {
    name: 'article-body-class',
    tier: 1,
    test: (el, names) =>
      SECTIONING.has(el.localName) &&
      /(post|entry|article|story|blog|news|content)[-_]?(text|body|content|entry|inner|copy)|articlebody|articletext|storybody|td-post-content|field-body|field-name-body|fulltext|single-?content|single-?post|post-?bodycopy|rich-?text|article-?detail|art-?postcontent|wpb_text_column|text-?content|main-?text|haupttext|artikel-?text/.test(
        names,
      ),
  },
  { name: 'article-element', tier: 2, test: (el) => el.localName === 'article' || el.getAttribute('role') === 'article' },
  {
    name: 'main-element',
    tier: 3,
    test: (el, names) =>
      el.localName === 'main' ||
      el.getAttribute('role') === 'main' ||
      (SECTIONING.has(el.localName) && /(^|[^a-z])(main|content|main-?content|content-?main|page-?content|primary|inhalt|content-?area|maincontent|story|article|post|entry)([^a-z]|$)/.test(names)),
  },
];

/** The least text a container must hold (after pruning) to be trusted. */
const MIN_CONTAINER_CHARS = 250;
/** Blocks whose share of link text exceeds this are link lists, not prose. */
const MAX_LINK_DENSITY = 0.5;

function namesOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Removes furniture elements under `root` (never `root` itself). Returns how many went. */
export function pruneBoilerplate(root: Element): number {
  const doomed: Element[] = [];
  const stack: Element[] = [...Array.from(root.children)];
  while (stack.length) {
    const el = stack.pop()!;
    if (boilerplateReason(el)) {
      doomed.push(el);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  for (const el of doomed) el.remove();
  return doomed.length;
}

/** Link-heavy blocks this long are citations or references, which articles keep. */
const LINK_LIST_MAX_WORDS = 10;

/**
 * Keeps prose: drops short blocks made mostly of link text (menus, teaser lists, tag lists),
 * except headings.
 */
export function dropLinkLists(blocks: DomBlock[]): DomBlock[] {
  return blocks.filter((b) => !isLinkList(b));
}

function isLinkList(b: DomBlock): boolean {
  return b.kind !== 'heading' && b.linkChars > b.chars * MAX_LINK_DENSITY && b.words.length < LINK_LIST_MAX_WORDS;
}

/** How many words a block needs to mark where an article's body begins or ends. */
const EDGE_PROSE_WORDS = 12;
/** The same in characters, for scripts written without spaces (Chinese, Japanese, Thai). */
const EDGE_PROSE_CHARS = 80;

function isBodyProse(b: DomBlock): boolean {
  return b.kind !== 'heading' && (b.words.length >= EDGE_PROSE_WORDS || b.chars >= EDGE_PROSE_CHARS) && b.linkChars <= b.chars * 0.3;
}

/**
 * Whether every link of a block points into the page itself (`href="#…"`): an entry of a table
 * of contents, which leads into the article rather than away from it.
 */
export function isInPageLinks(b: Pick<DomBlock, 'element'>): boolean {
  const links = Array.from(b.element.querySelectorAll('a[href]'));
  return links.length > 0 && links.every((a) => (a.getAttribute('href') ?? '').startsWith('#'));
}

/**
 * The largest share of an article's characters that its edge link lists may hold and still be
 * taken for teasers and tag lists; beyond it, they are what the page is made of.
 */
const MAX_EDGE_LINK_SHARE = 0.25;

/**
 * Like dropLinkLists, but only before the article's first prose block and after its last:
 * for an article already chosen (Readability's), where link lists in the body (a list of
 * apps, a table of contents, references) are content, while those at its edges are teasers
 * and tag lists. A table of contents (links into the page) stays wherever it is. Edge lists
 * holding more than a quarter of the article's characters stay too: on a page built of short
 * linked lines around a few paragraphs (a story on a children's site, an index), they are
 * part of what the page offers, not trimmings. Without any prose block, drops every link list.
 */
export function dropEdgeLinkLists(blocks: DomBlock[]): DomBlock[] {
  const first = blocks.findIndex(isBodyProse);
  if (first < 0) return dropLinkLists(blocks);
  let last = first;
  for (let i = blocks.length - 1; i > first; i--) {
    if (isBodyProse(blocks[i])) {
      last = i;
      break;
    }
  }
  const kept = blocks.filter((b, i) => (i >= first && i <= last) || !isLinkList(b) || isInPageLinks(b));
  const all = blockChars(blocks);
  return all - blockChars(kept) > all * MAX_EDGE_LINK_SHARE ? blocks : kept;
}

function proseChars(blocks: readonly DomBlock[]): number {
  let n = 0;
  for (const b of blocks) if (b.kind !== 'heading') n += b.chars - b.linkChars;
  return n;
}

/**
 * Finds the element most likely to hold the article by the container rules, tier by tier,
 * prunes furniture inside it and reads its blocks. Returns null when no rule finds a
 * container with enough prose.
 */
export function containerBlocks(doc: Document): { blocks: DomBlock[]; rule: string; tier: number } | null {
  const all = Array.from(doc.querySelectorAll('body *'));
  const tiers = new Map<number, Array<{ el: Element; rule: string }>>();
  for (const el of all) {
    const names = namesOf(el);
    for (const rule of CONTAINER_RULES) {
      if (rule.test(el, names)) {
        if (!tiers.has(rule.tier)) tiers.set(rule.tier, []);
        tiers.get(rule.tier)!.push({ el, rule: rule.name });
        break;
      }
    }
  }
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    const candidates = tiers.get(tier)!.filter(({ el }) => !boilerplateReason(el) && !hasBoilerplateAncestor(el));
    let best: { blocks: DomBlock[]; rule: string; tier: number; score: number } | null = null;
    for (const { el, rule } of candidates) {
      // measure without pruning first, so only promising candidates are touched
      const rough = (el.textContent ?? '').length;
      if (rough < MIN_CONTAINER_CHARS || (best && rough <= best.score)) continue;
      const copy = el.cloneNode(true) as Element;
      pruneBoilerplate(copy);
      const blocks = dropLinkLists(domBlocks(copy));
      const score = proseChars(blocks);
      if (score >= MIN_CONTAINER_CHARS && (!best || score > best.score)) best = { blocks, rule, tier, score };
    }
    if (best) return { blocks: best.blocks, rule: best.rule, tier: best.tier };
  }
  return null;
}

function hasBoilerplateAncestor(el: Element): boolean {
  for (let p = el.parentElement; p && p.localName !== 'body'; p = p.parentElement) {
    if (boilerplateReason(p) && p.localName !== 'form') return true;
  }
  return false;
}

const isBoilerplate = (el: Element): boolean => boilerplateReason(el) !== null;

/**
 * The jusText-style fallback over a whole page: skips furniture, then keeps blocks that read
 * like prose (enough words, few links), plus short blocks sandwiched between prose blocks.
 * Leaves `doc` as it is.
 */
export function densityBlocks(doc: Document): DomBlock[] {
  const body = doc.body ?? doc.documentElement;
  if (!body) return [];
  const blocks = domBlocks(body, isBoilerplate);
  const linkDensity = (b: DomBlock): number => (b.chars ? b.linkChars / b.chars : 1);
  const good = blocks.map((b) => b.words.length >= 12 && linkDensity(b) < 0.25);
  const bad = blocks.map((b) => linkDensity(b) > 0.5 || b.words.length < 2);
  const prevGood = new Int32Array(blocks.length);
  const nextGood = new Int32Array(blocks.length);
  for (let i = 0, last = -1; i < blocks.length; i++) {
    prevGood[i] = last;
    if (good[i]) last = i;
  }
  for (let i = blocks.length - 1, last = -1; i >= 0; i--) {
    nextGood[i] = last;
    if (good[i]) last = i;
  }
  return blocks.filter((_, i) => {
    if (good[i]) return true;
    if (bad[i]) return false;
    return prevGood[i] >= 0 && nextGood[i] >= 0 && i - prevGood[i] <= 3 && nextGood[i] - i <= 3;
  });
}
