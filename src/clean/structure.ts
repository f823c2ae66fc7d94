import type { Block, Doc, Entry } from '../doc/doc.ts';
import type { Stage } from '../pipeline/stage.ts';
import { readHeader } from './header.ts';

/** A plain-text line is a heading only when it is this short. */
const HEADING_MAX_CHARS = 150;
const HEADING_MAX_WORDS = 20;
/** Sentence-final characters: a line ending in one of them is prose, not a heading. */
const PROSE_END = /[.!?…:;,"”’»)\]–—-]$/;
const HEADING_START = /^[\p{Lu}\p{N}"“«‘']/u;
const DASH_QUOTE = /^[-–—]\s/;
/** Live-blog entry headlines often carry a time: "10:32", "10.32 GMT", "14:05 Uhr". */
const TIMESTAMP = /^(?:\d{1,2}[:.]\d{2}\b|[a-z]{3,9}\s\d{1,2},?\s\d{1,2}[:.]\d{2})/i;
/** A live blog has at least this many headed entries. */
const LIVE_BLOG_MIN_ENTRIES = 3;
/**
 * Without times, entry headlines are told from section labels ("The dam", "NEXT STEPS") by
 * their length: headlines are sentences of news ("US envoy flies home after talks").
 */
const HEADLINE_MIN_MEAN_WORDS = 6;

/** True when a paragraph of plain text reads like a heading or headline. */
export function looksLikeHeading(text: string): boolean {
  const line = text.trim();
  if (!line || line.length > HEADING_MAX_CHARS || line.includes('\n')) return false;
  if (PROSE_END.test(line) || !HEADING_START.test(line) || DASH_QUOTE.test(line)) return false;
  const words = line.split(/\s+/).length;
  return words <= HEADING_MAX_WORDS;
}

function meanWords(lines: string[]): number {
  return lines.length ? lines.reduce((n, l) => n + l.split(/\s+/).length, 0) / lines.length : 0;
}

function isHeading(block: Block): boolean {
  return block.kind === 'heading' || block.kind === 'title';
}

/** Marks plain-text paragraphs that read like headings, and the opening one as the title. */
function detectHeadings(doc: Doc): void {
  const blocks = doc.blocks;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'paragraph') continue;
    const next = blocks[i + 1];
    if (isHeading(next)) continue; // two headings in a row: the first is more likely a kicker line of prose
    if (looksLikeHeading(doc.text.slice(block.start, block.end))) {
      block.kind = i === 0 ? 'title' : 'heading';
      block.level = i === 0 ? 1 : 2;
    }
  }
}

/**
 * Splits a live blog into entries, each starting at its headline. A document is a live blog
 * when two or more of its headlines start with a time of day (then only those open entries;
 * the title and standfirst before them are the introduction), or when it is plain text that
 * opens with a headline and has at least three headed sections whose headings read like news
 * headlines, not section labels (then every headline opens an entry).
 */
function detectEntries(doc: Doc): Entry[] {
  const blocks = doc.blocks;
  const headlineText = (i: number) => doc.text.slice(blocks[i].start, blocks[i].end);
  const heads = blocks.map((b, i) => (isHeading(b) ? i : -1)).filter((i) => i >= 0);
  const stamped = heads.filter((i) => TIMESTAMP.test(headlineText(i)));
  const sectionsWithBody = (starts: number[]) => starts.filter((h, k) => (k + 1 < starts.length ? starts[k + 1] : blocks.length) > h + 1).length;
  let starts: number[] = [];
  if (stamped.length >= 2) starts = stamped;
  else if (doc.format === 'text' && heads[0] === 0 && sectionsWithBody(heads) >= LIVE_BLOG_MIN_ENTRIES && meanWords(heads.slice(1).map(headlineText)) >= HEADLINE_MIN_MEAN_WORDS) {
    starts = heads;
  }
  const entries: Entry[] = [];
  starts.forEach((h, k) => {
    const lastBlock = (k + 1 < starts.length ? starts[k + 1] : blocks.length) - 1;
    if (lastBlock <= h) return;
    entries.push({ start: blocks[h].start, end: blocks[lastBlock].end, headline: { start: blocks[h].start, end: blocks[h].end } });
  });
  return entries;
}

/**
 * Stage: headings of plain text (Markdown and HTML bring their own), the title, the byline,
 * date and outlet of the lines under a plain-text title, and for live blogs the entries with
 * their headlines.
 */
export function structure(): Stage {
  return {
    name: 'structure',
    needs: ['text', 'blocks'],
    provides: ['entries'],
    run(doc: Doc) {
      if (doc.format === 'text') detectHeadings(doc);
      const first = doc.blocks[0];
      if (first && first.kind === 'heading' && first.level === 1) first.kind = 'title';
      if (first && first.kind === 'title' && !doc.meta.title) doc.meta.title = doc.text.slice(first.start, first.end);
      readHeader(doc);
      doc.entries = detectEntries(doc);
    },
  };
}
