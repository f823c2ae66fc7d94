import type { Block } from '../doc/doc.ts';

/** Share of inner line breaks that must fall mid-sentence before lines are joined into paragraphs. */
const WRAPPED_SHARE = 0.5;
/**
 * How many inner line breaks it takes to tell wrapped prose: one is a title over its byline
 * ("Basin Watch: 72 hours\nPosted by …"), not a wrap.
 */
const MIN_WRAPPED_BREAKS = 2;
const SENTENCE_END = /[.!?:;…"”’»)]$/;
const BLANK_BETWEEN = /\n[ \t\r]*\n/;

const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const MARKDOWN_LIST_ITEM = /^(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const MARKDOWN_QUOTE = /^>[ \t]?/;
const MARKDOWN_RULE = /^(?:[-*_][ \t]*){3,}$/;

interface Line {
  start: number;
  end: number;
}

/** Non-empty lines with surrounding whitespace trimmed off their spans. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    let a = i;
    let b = j;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
    i = j + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/**
 * True when the text is hard-wrapped prose: paragraphs are separated by blank lines and run
 * over several lines that break mid-sentence (e-mail, Markdown, wire copy). Otherwise every
 * line is a paragraph.
 */
function isHardWrapped(text: string, ls: Line[]): boolean {
  if (!BLANK_BETWEEN.test(text)) return false;
  let inner = 0;
  let midSentence = 0;
  for (let k = 0; k + 1 < ls.length; k++) {
    if (BLANK_BETWEEN.test(text.slice(ls[k].end, ls[k + 1].start))) continue;
    inner++;
    if (!SENTENCE_END.test(text.slice(ls[k].start, ls[k].end))) midSentence++;
  }
  return inner >= MIN_WRAPPED_BREAKS && midSentence / inner >= WRAPPED_SHARE;
}

/**
 * Splits plain text or Markdown into blocks: paragraphs (one per line, or one per group of
 * lines between blank lines when the text is hard-wrapped), and for Markdown headings, list
 * items and quotes with their markers left outside the block's span.
 *
 * @example textBlocks('Title\n\nFirst paragraph.', false) // two paragraph blocks
 */
export function textBlocks(text: string, markdown: boolean): Block[] {
  const ls = lines(text);
  const blocks: Block[] = [];
  const wrapped = isHardWrapped(text, ls);
  for (let k = 0; k < ls.length; k++) {
    let { start, end } = ls[k];
    const line = text.slice(start, end);
    if (markdown) {
      if (MARKDOWN_RULE.test(line) || /^```/.test(line)) continue;
      const h = MARKDOWN_HEADING.exec(line);
      if (h) {
        const inner = start + line.indexOf(h[2], h[1].length);
        if (h[2].length) blocks.push({ start: inner, end: inner + h[2].length, kind: 'heading', level: h[1].length });
        continue;
      }
      const li = MARKDOWN_LIST_ITEM.exec(line);
      if (li) {
        blocks.push({ start: start + li[0].length, end, kind: 'list-item' });
        continue;
      }
      const q = MARKDOWN_QUOTE.exec(line);
      if (q) {
        if (end > start + q[0].length) blocks.push({ start: start + q[0].length, end, kind: 'quote' });
        continue;
      }
    }
    if (wrapped) {
      // extend over the following lines of the same paragraph
      while (k + 1 < ls.length && !BLANK_BETWEEN.test(text.slice(end, ls[k + 1].start))) {
        const next = text.slice(ls[k + 1].start, ls[k + 1].end);
        if (markdown && (MARKDOWN_HEADING.test(next) || MARKDOWN_LIST_ITEM.test(next) || MARKDOWN_QUOTE.test(next))) break;
        k++;
        end = ls[k].end;
      }
    }
    blocks.push({ start, end, kind: 'paragraph' });
  }
  return blocks;
}
