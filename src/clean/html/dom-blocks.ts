import type { Block } from '../../doc/doc.ts';
import { BREAKING_TAGS } from './html-tags.ts';

/** The kinds of block the HTML extractor produces. */
export type HtmlBlockKind = Exclude<Block['kind'], 'title'>;

/**
 * A block of text read from a DOM subtree, before it is placed in the output: its words
 * (whitespace already collapsed), how many of its characters sit inside links, and the
 * element that holds it.
 */
export interface DomBlock {
  kind: HtmlBlockKind;
  level?: number;
  words: string[];
  chars: number;
  linkChars: number;
  element: Element;
}

/** Elements whose content the walker never reads. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp', 'iframe', 'noembed',
  'noframes', 'head', 'select', 'option', 'button', 'svg', 'object', 'canvas', 'video', 'audio',
]);

const KIND_OF: Readonly<Record<string, HtmlBlockKind>> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  pre: 'preformatted', li: 'list-item', dd: 'list-item', dt: 'list-item', blockquote: 'quote',
};

const SPACES = /\s+/;

interface Context {
  kind: HtmlBlockKind;
  level?: number;
  /** The element blocks in this context are credited to. */
  element: Element;
  /** The breaking element that opened this context. */
  owner: Element;
}

/**
 * Reads the text of a DOM subtree as blocks: a new block starts at every block-level element,
 * and a block's kind comes from its nearest heading, list item, blockquote or pre ancestor
 * (a paragraph otherwise). Iterative, so any nesting depth is fine.
 *
 * `skip` leaves out whole subtrees (as if they were removed) without touching the DOM.
 *
 * @example domBlocks(body) // [{ kind: 'heading', level: 1, words: ['Title'], ... }, ...]
 */
export function domBlocks(root: Element, skip?: (el: Element) => boolean): DomBlock[] {
  const blocks: DomBlock[] = [];
  let buffer: string[] = [];
  let linkChars = 0;
  let linkDepth = 0;
  const contexts: Context[] = [{ kind: 'paragraph', element: root, owner: root }];

  const flush = (): void => {
    if (!buffer.length) return;
    const words = buffer.join('').split(SPACES).filter(Boolean);
    buffer = [];
    if (words.length) {
      const ctx = contexts[contexts.length - 1];
      const chars = words.reduce((n, w) => n + w.length, 0);
      blocks.push({
        kind: ctx.kind,
        ...(ctx.level ? { level: ctx.level } : {}),
        words,
        chars,
        linkChars: Math.min(chars, linkChars),
        element: ctx.element,
      });
    }
    linkChars = 0;
  };

  // explicit stack: a node to enter, or a marker to leave an element
  const stack: Array<{ node: Node; leave: boolean }> = [{ node: root, leave: false }];
  while (stack.length) {
    const { node, leave } = stack.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      buffer.push(data);
      if (linkDepth > 0) linkChars += data.replace(/\s+/g, '').length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const name = el.localName;
    const breaking = BREAKING_TAGS.has(name);
    if (leave) {
      if (name === 'a') linkDepth--;
      if (breaking) {
        flush();
        if (contexts.length > 1 && contexts[contexts.length - 1].owner === el) contexts.pop();
      }
      continue;
    }
    if (node !== root && (SKIPPED.has(name) || skip?.(el))) continue;
    if (breaking) {
      flush();
      const kind = KIND_OF[name];
      const parent = contexts[contexts.length - 1];
      const ctx: Context = kind
        ? { kind, element: el, owner: el, ...(kind === 'heading' ? { level: Number(name[1]) } : {}) }
        : {
            kind: parent.kind,
            element: parent.kind === 'paragraph' ? el : parent.element,
            owner: el,
            ...(parent.level ? { level: parent.level } : {}),
          };
      contexts.push(ctx);
    } else if (name === 'a') {
      linkDepth++;
    }
    stack.push({ node: el, leave: true });
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], leave: false });
  }
  flush();
  return blocks;
}

/** The text of a block: its words joined by single spaces. */
export function blockText(block: Pick<DomBlock, 'words'>): string {
  return block.words.join(' ');
}

/** The characters of blocks, all told. */
export function blockChars(blocks: readonly Pick<DomBlock, 'chars'>[]): number {
  let n = 0;
  for (const b of blocks) n += b.chars;
  return n;
}
