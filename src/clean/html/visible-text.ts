import { pushSegment, type OffsetMap, type Segment } from '../../doc/offset-map.ts';
import { decodeEntityAt } from './html-entities.ts';
import { BREAKING_TAGS, INVISIBLE_TAGS, VOID_TAGS } from './html-tags.ts';

/**
 * The visible text of a raw HTML string, as a stream of words with their raw offsets.
 * `text` holds the decoded words, one space between words of a line and a newline where a
 * block-level tag breaks the line; `map` maps `text` back to the raw string (entities are
 * atomic segments). Word `i` is `text.slice(wordStart[i], wordEnd[i])` and lies on line
 * `wordLine[i]`.
 */
export interface VisibleText {
  text: string;
  map: OffsetMap;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  wordLine: Int32Array;
  wordCount: number;
  /** Deepest element nesting seen, a cheap guard against pathological pages. */
  maxDepth: number;
  /** How many start tags the page has, a cheap measure of its DOM's size. */
  tagCount: number;
  /**
   * The nesting depth of every start tag, summed: a cheap measure of the work of DOM passes
   * that walk each element's ancestors or descendants (Readability's do).
   */
  depthSum: number;
}

/** True for the characters that JavaScript's `\s` matches. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Elements often left unclosed; they are not counted when estimating nesting depth. */
const OPTIONAL_END_TAGS = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup',
  'rt', 'rp', 'html', 'head', 'body',
]);

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

class WordStream {
  private parts: string[] = [];
  private length = 0;
  readonly segments: Segment[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private lines: number[] = [];
  private inWord = false;
  private line = 0;
  private lineHasWords = false;
  private pendingSpace = false;

  space(): void {
    if (this.inWord) this.closeWord();
    this.pendingSpace = true;
  }

  lineBreak(): void {
    if (this.inWord) this.closeWord();
    if (this.lineHasWords) {
      this.line++;
      this.lineHasWords = false;
    }
  }

  /** Appends visible characters that came from raw[raw, raw + rawLength). */
  chars(s: string, raw: number, rawLength: number): void {
    if (!this.inWord) {
      if (this.starts.length) {
        const sep = this.lineHasWords ? ' ' : '\n';
        this.parts.push(sep);
        this.length += 1;
      }
      this.starts.push(this.length);
      this.lines.push(this.line);
      this.inWord = true;
      this.lineHasWords = true;
      this.pendingSpace = false;
    }
    pushSegment(this.segments, { clean: this.length, raw, length: s.length, rawLength });
    this.parts.push(s);
    this.length += s.length;
  }

  private closeWord(): void {
    this.ends.push(this.length);
    this.inWord = false;
  }

  finish(maxDepth: number, tagCount: number, depthSum: number): VisibleText {
    if (this.inWord) this.closeWord();
    return {
      text: this.parts.join(''),
      map: { segments: this.segments },
      wordStart: Int32Array.from(this.starts),
      wordEnd: Int32Array.from(this.ends),
      wordLine: Int32Array.from(this.lines),
      wordCount: this.starts.length,
      maxDepth,
      tagCount,
      depthSum,
    };
  }
}

/** Index of the `>` closing a tag whose name ends at `from`, honouring quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      return i;
    } else if ((c === 34 || c === 39) && isSpaceOrEq(html.charCodeAt(i - 1))) {
      quote = c;
    }
  }
  return html.length;
}

function isSpaceOrEq(c: number): boolean {
  return c === 61 || isSpaceCode(c);
}

/** Where the raw text of an element named `name` ends: the start of its `</name` tag. */
function rawTextEnd(html: string, from: number, name: string): number {
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    if (html.substr(i + 2, name.length).toLowerCase() !== name) continue;
    const after = html.charCodeAt(i + 2 + name.length);
    if (Number.isNaN(after) || after === 62 || after === 47 || isSpaceCode(after)) return i;
  }
  return html.length;
}

function readName(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === 62 || c === 47 || isSpaceCode(c)) break;
    i++;
  }
  return i;
}

/**
 * Lexes raw HTML into its visible words with their raw offsets, without building a tree:
 * skips tags, comments and the content of script/style/noscript/template and the like,
 * decodes character references, and breaks lines at block-level tags. Linear in the input;
 * never throws on any string.
 *
 * @example visibleText('<p>Fish &amp; chips</p>').text // 'Fish & chips'
 */
export function visibleText(html: string): VisibleText {
  const out = new WordStream();
  let depth = 0;
  let maxDepth = 0;
  let tagCount = 0;
  let depthSum = 0;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    for (let j = textStart; j < end; j++) {
      const c = html.charCodeAt(j);
      if (c === 38) {
        const entity = decodeEntityAt(html, j);
        if (entity) {
          if (entity.text.length === 1 && isSpaceCode(entity.text.charCodeAt(0))) out.space();
          else out.chars(entity.text, j, entity.rawLength);
          j += entity.rawLength - 1;
          continue;
        }
      }
      if (isSpaceCode(c)) out.space();
      else out.chars(html[j], j, 1);
    }
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    let resume = -1;
    if (isLetter(next)) {
      const nameEnd = readName(html, lt + 1);
      const name = html.slice(lt + 1, nameEnd).toLowerCase();
      const end = tagEnd(html, nameEnd);
      tagCount++;
      depthSum += depth;
      flushText(lt);
      if (BREAKING_TAGS.has(name)) out.lineBreak();
      resume = end + 1;
      if (INVISIBLE_TAGS.has(name)) {
        const close = rawTextEnd(html, resume, name);
        resume = close >= html.length ? html.length : tagEnd(html, close + 2) + 1;
      } else if (!VOID_TAGS.has(name) && !OPTIONAL_END_TAGS.has(name) && html.charCodeAt(end - 1) !== 47) {
        depth++;
        if (depth > maxDepth) maxDepth = depth;
      }
    } else if (next === 47 && isLetter(html.charCodeAt(lt + 2))) {
      const nameEnd = readName(html, lt + 2);
      const name = html.slice(lt + 2, nameEnd).toLowerCase();
      flushText(lt);
      if (BREAKING_TAGS.has(name)) out.lineBreak();
      if (!VOID_TAGS.has(name) && !OPTIONAL_END_TAGS.has(name) && depth > 0) depth--;
      resume = tagEnd(html, nameEnd) + 1;
    } else if (next === 33 && html.startsWith('<!--', lt)) {
      flushText(lt);
      const close = html.indexOf('-->', lt + 4);
      resume = close < 0 ? html.length : close + 3;
    } else if (next === 33 || next === 63 || (next === 47 && lt + 2 < html.length)) {
      flushText(lt);
      const close = html.indexOf('>', lt + 2);
      resume = close < 0 ? html.length : close + 1;
    }
    if (resume < 0) {
      // a `<` that opens nothing is text
      i = lt + 1;
      continue;
    }
    i = Math.min(resume, html.length);
    textStart = i;
  }
  flushText(html.length);
  return out.finish(maxDepth, tagCount, depthSum);
}
