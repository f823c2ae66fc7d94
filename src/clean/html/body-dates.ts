import { textDate, valueDate } from '../written-date.ts';

/**
 * Publication dates a page's body gives outside `<time datetime>`: microdata written as text,
 * hidden form fields, and the short date lines near the article's title or byline. htmlMeta
 * reads them after the page's head (its order is measured by `npm run eval:dates`).
 */

/** Where a date is not the article's own: other stories, comments, page furniture. */
export const NOT_ARTICLE_DATE = 'nav, aside, footer, [class*="related"], [class*="sidebar"], [class*="teaser"], [class*="comment"]';

/** Elements whose text is no line of the page a reader sees. */
const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'button', 'svg', 'iframe', 'textarea']);

/** A date line is short: a date with a word or two ("Published", a byline, a time). */
const MAX_DATE_LINE = 100;

/** How many nodes a line's element may hold: a line of a date and a few words has a handful. */
const MAX_LINE_NODES = 60;

/** How many of the page's `<h1>` headings and byline elements anchor date lines. */
const MAX_ANCHORS = 4;

/** How many text pieces after and before an anchor are read for a date line. */
const WINDOW = { after: 12, before: 4 } as const;

/** How many text pieces of a page are walked: the title and byline sit near the top. */
const MAX_TEXT_PIECES = 20_000;

/** An element that says who wrote the article. */
const BYLINE = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i]';

/** Words that say a date is when the article changed, not when it appeared: "Updated 3 March", "Stand: 07.11.2023". */
const UPDATE_WORD = /(?<!\p{L})(?:updated|modified|edited|aktualisiert|geändert|stand|mis à jour|modifié|actualizado|atualizado|bijgewerkt|aggiornato|uppdaterad|обновлено)(?!\p{L})/iu;
/** Words that say a date is when the article appeared: "originally published", "veröffentlicht". */
const PUBLISH_WORD = /(?<!\p{L})(?:published|posted|created|veröffentlicht|erstellt|publié|publicado|gepubliceerd|pubblicato|publicerad|опубликовано)(?!\p{L})/iu;

/** A form field's name that says date, and the names of dates that are not the page's own. */
const FORM_DATE_NAME = /date|publi(?!sher)|pubtime/i;
const NOT_PUBLISHED_NAME = /modif|updat|expir|from|(?<![a-z])to(?![a-z])|start|end|birth|last|valid|until/i;

/** Form inputs a reader fills in: a form that has one is a search or sign-up form, and its hidden fields describe the query, not the page. */
const FILLED_INPUT = 'input:not([type]), input[type="text" i], input[type="search" i], input[type="email" i], input[type="url" i], textarea';

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The date an `itemprop="datePublished"` element gives as its text ("17. Mai 2019",
 * "Published November 8, 2023"), when it has no `content` or `datetime` to give it in.
 */
export function microdataTextDate(doc: Document, language: string | undefined): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished"]')).slice(0, 10)) {
    if (el.hasAttribute('content') || el.hasAttribute('datetime') || el.closest(NOT_ARTICLE_DATE)) continue;
    const text = collapse(el.textContent);
    if (text.length > MAX_DATE_LINE) continue;
    const date = textDate(text, language);
    if (date) return date;
  }
  return undefined;
}

/**
 * The date a hidden form field gives whose name says date (`<input type="hidden"
 * name="display_date" value="20170217">`), outside forms a reader fills in.
 */
export function formFieldDate(doc: Document, language: string | undefined): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('input[type="hidden" i]'))) {
    const name = `${el.getAttribute('name') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FORM_DATE_NAME.test(name) || NOT_PUBLISHED_NAME.test(name)) continue;
    const form = el.closest('form');
    if (form?.querySelector(FILLED_INPUT)) continue;
    const date = valueDate(el.getAttribute('value'), language);
    if (date) return date;
  }
  return undefined;
}

/** A piece of the page's text in reading order, and whether it lies inside a link. */
interface Piece {
  node: Node;
  linked: boolean;
}

/**
 * The page's text pieces in reading order, with the positions where an anchor (an `<h1>` or a
 * byline element outside NOT_ARTICLE_DATE) starts.
 */
function piecesAndAnchors(doc: Document): { pieces: Piece[]; anchors: number[] } {
  const anchorEls = new Set<Element>();
  for (const el of Array.from(doc.querySelectorAll('h1')).filter((h) => !h.closest(NOT_ARTICLE_DATE)).slice(0, MAX_ANCHORS)) anchorEls.add(el);
  for (const el of Array.from(doc.querySelectorAll(BYLINE)).filter((b) => !b.closest(NOT_ARTICLE_DATE) && b.tagName !== 'META' && b.tagName !== 'LINK').slice(0, MAX_ANCHORS)) {
    anchorEls.add(el);
  }
  const pieces: Piece[] = [];
  const anchors: number[] = [];
  if (!anchorEls.size || !doc.body) return { pieces, anchors };
  // one selector query instead of a match per element
  const furniture = new Set<Element>(Array.from(doc.querySelectorAll(NOT_ARTICLE_DATE)));
  // an iterative walk in document order (pages nest deeper than the call stack allows) that
  // ends once every anchor is seen and the window after the last is read
  const stack: Array<{ node: Node; linked: boolean }> = [{ node: doc.body, linked: false }];
  while (stack.length && pieces.length < MAX_TEXT_PIECES) {
    if (anchors.length === anchorEls.size && pieces.length >= anchors[anchors.length - 1] + WINDOW.after) break;
    const { node, linked } = stack.pop()!;
    if (node.nodeType === 3) {
      if (/\S/.test(node.nodeValue ?? '')) pieces.push({ node, linked });
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (UNSEEN.has(tag) || furniture.has(el)) continue;
    if (anchorEls.has(el)) anchors.push(pieces.length);
    const inLink = linked || (tag === 'a' && el.hasAttribute('href'));
    const children: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], linked: inLink });
  }
  return { pieces, anchors };
}

/**
 * An element's visible text, its pieces joined by spaces, or undefined when it is longer than
 * MAX_DATE_LINE. Stops reading as soon as it is: an element that holds the whole article costs
 * no more than a short one.
 */
function shortText(el: Element): string | undefined {
  let text = '';
  let nodes = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (++nodes > MAX_LINE_NODES) return undefined;
    if (node.nodeType === 3) {
      text += ` ${node.nodeValue ?? ''}`.replace(/\s+/g, ' ');
      if (text.length > MAX_DATE_LINE + 2) return undefined;
      continue;
    }
    if (node.nodeType !== 1 || UNSEEN.has((node as Element).tagName.toLowerCase())) continue;
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  const line = collapse(text);
  return line.length <= MAX_DATE_LINE ? line : undefined;
}

/** The short line a text piece belongs to: its highest ancestor (a few levels up) whose text stays short. */
function lineOf(piece: Node): { el: Element; text: string } | undefined {
  let el = piece.parentElement;
  if (!el) return undefined;
  let text = shortText(el);
  if (text === undefined) return undefined;
  for (let up = 0; up < 3 && el.parentElement && el.parentElement.tagName !== 'BODY'; up++) {
    const parentText = shortText(el.parentElement);
    if (parentText === undefined) break;
    el = el.parentElement;
    text = parentText;
  }
  return { el, text };
}

/**
 * The date a line gives for the article's appearance: its first full date, unless the line
 * says the article was updated; then the date before that word, or the one after a word that
 * says published ("Last updated 4 Jun 2020, originally created 17 Jun 2019"), or none.
 */
function publishedInLine(text: string, language: string | undefined): string | undefined {
  const update = UPDATE_WORD.exec(text);
  if (!update) return textDate(text, language);
  const before = textDate(text.slice(0, update.index), language);
  if (before) return before;
  const rest = text.slice(update.index);
  const published = PUBLISH_WORD.exec(rest);
  return published ? textDate(rest.slice(published.index), language) : undefined;
}

/**
 * The date of a short line near the article's title or byline: the first line with a full
 * date among the text pieces just after each `<h1>` or byline element, then just before it
 * ("Published 12 March 2026", "Von Jan Berg | 20.06.2019 11:43", "March 14, 2026 at 9:40 a.m.").
 * Lines inside links (other stories), dates of an update and lines longer than MAX_DATE_LINE
 * are passed over. `language` orders the month names read and allows day-first
 * numeric dates.
 */
export function dateLine(doc: Document, language: string | undefined): { date: string; text: string } | undefined {
  const { pieces, anchors } = piecesAndAnchors(doc);
  const seen = new Set<Element>();
  for (const at of anchors) {
    const after = pieces.slice(at, at + WINDOW.after);
    const before = pieces.slice(Math.max(0, at - WINDOW.before), at).reverse();
    for (const piece of [...after, ...before]) {
      if (piece.linked) continue;
      const line = lineOf(piece.node);
      if (!line || seen.has(line.el)) continue;
      seen.add(line.el);
      const date = publishedInLine(line.text, language);
      if (date) return { date, text: line.text };
    }
  }
  return undefined;
}
