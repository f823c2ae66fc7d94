/**
 * Gold temporal expressions from inline markup (TimeML's TIMEX3, ACE's TIMEX2): the plain text
 * of an element with every tag removed and XML entities decoded, and the spans of the chosen
 * elements in that text. Both corpus readers (`tempeval.ts`, `wikiwars.ts`) build on this.
 */
import type { Span } from '../../doc/span.ts';
import type { TimexType } from '../../doc/doc.ts';

/** One gold temporal expression: its span in the document's plain text and its attributes. */
export interface GoldTimex extends Span {
  /** The element's text, as the markup gives it (equal to the plain text's slice). */
  text: string;
  /** TIMEX3's type; absent for TIMEX2, which has none. */
  type?: TimexType;
  /** The normalised value (TIMEX3 `value`, TIMEX2 `val`); absent where the key gives none. */
  value?: string;
  mod?: string;
  /** How many gold timexes enclose this one (TIMEX2 nests; TIMEX3 does not): 0 for the outermost. */
  depth: number;
}

/** One evaluation document: its id, creation time, plain text and gold timexes (sorted by start). */
export interface EvalDoc {
  id: string;
  /** The document creation time (TimeML's DCT, WikiWars' DATETIME), or null when it has none. */
  dct: string | null;
  text: string;
  gold: GoldTimex[];
}

/** An element found in inline markup: its name, attributes, depth among the chosen elements and span in the plain text. */
export interface InlineElement extends Span {
  name: string;
  attrs: Record<string, string>;
  depth: number;
  /** The element's inner markup, tags and entities as written. */
  inner: string;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes XML's five named entities and numeric character references; anything else is left
 * as written.
 *
 * @example decodeEntities('AT&amp;T &#8217;s') // 'AT&T ’s'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

// A comment, or a start, end or empty tag with quoted attributes.
const TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/**
 * The plain text of `markup` (tags removed, entities decoded) and the elements named in
 * `names`, with their spans in that text. Throws an Error when a chosen element is not closed
 * or closed out of order, or when an element's span in the plain text differs from its own
 * text read independently (its inner markup stripped and decoded): the gold must be exact.
 *
 * @example readInline('On <T v="1">May &amp; June</T>.', ['T']) // text 'On May & June.', one element 3..13
 */
export function readInline(markup: string, names: readonly string[]): { text: string; elements: InlineElement[] } {
  const wanted = new Set(names);
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  const open: Array<{ name: string; attrs: Record<string, string>; start: number; innerFrom: number }> = [];
  const elements: InlineElement[] = [];
  const addText = (raw: string) => {
    const text = decodeEntities(raw);
    parts.push(text);
    length += text.length;
  };
  for (const m of markup.matchAll(TAG)) {
    addText(markup.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, name, attrSource, empty] = m;
    if (!name || !wanted.has(name)) continue;
    if (empty) {
      elements.push({ name, attrs: attributes(attrSource), depth: open.length, start: length, end: length, inner: '' });
    } else if (!closing) {
      open.push({ name, attrs: attributes(attrSource), start: length, innerFrom: last });
    } else {
      const top = open.pop();
      if (!top || top.name !== name) throw new Error(`</${name}> at markup offset ${m.index} closes ${top ? `<${top.name}>` : 'nothing'}`);
      elements.push({ name, attrs: top.attrs, depth: open.length, start: top.start, end: length, inner: markup.slice(top.innerFrom, m.index) });
    }
  }
  addText(markup.slice(last));
  if (open.length) throw new Error(`<${open[open.length - 1].name}> is never closed`);
  const text = parts.join('');
  for (const el of elements) {
    const own = decodeEntities(el.inner.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ''));
    if (text.slice(el.start, el.end) !== own) throw new Error(`<${el.name}> at ${el.start}: the plain text reads ${JSON.stringify(text.slice(el.start, el.end))}, the element ${JSON.stringify(own)}`);
  }
  elements.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, elements };
}

/** The inner markup of the first `<name>` element of `xml` (no attributes on it), or null. */
export function elementMarkup(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? m[1] : null;
}
