import { DOMParser, parseHTML } from 'linkedom';
import { IngestError } from './ingest-error.ts';

/**
 * One entry of a feed. The content, when there is any, is in `html` if it is markup and in
 * `text` if it is plain text, never both. `published` is ISO 8601, with the source's offset.
 */
export interface FeedItem {
  title?: string;
  url?: string;
  published?: string;
  html?: string;
  text?: string;
  author?: string;
}

/** A parsed RSS (0.9x, 1.0, 2.0) or Atom feed. A feed with no entries has no items. */
export interface Feed {
  title?: string;
  items: FeedItem[];
}

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Prefixes used for these namespaces when a feed forgets to declare them. */
const CONVENTIONAL_PREFIXES: Readonly<Record<string, string>> = { [CONTENT_NS]: 'content', [DC_NS]: 'dc', [ATOM_NS]: 'atom' };

/** Root elements of feeds, by local name in lower case. */
const FEED_ROOTS: Readonly<Record<string, 'rss' | 'atom'>> = { rss: 'rss', rdf: 'rss', feed: 'atom' };

/** How far into a document the root element is looked for. */
const PROLOG_WINDOW = 65_536;
const ELEMENT_NAME = /<([A-Za-z_][\w.:-]*)/y;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Zone names of RFC 822 and a few common in feeds. Ambiguous ones (IST, BST...) are left out. */
const ZONES: Readonly<Record<string, string>> = {
  gmt: 'Z', ut: 'Z', utc: 'Z', z: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
  cet: '+01:00', cest: '+02:00', eet: '+02:00', eest: '+03:00',
};
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const RFC822_DATE =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-]+(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-]\d{2}:?\d{2})|\(?([A-Za-z]{1,5})\)?)?)?$/;

/** Markup or character references: content that should be read as HTML. */
const LOOKS_LIKE_HTML = /<[A-Za-z!/]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** The slice of linkedom's XML element that this module reads. */
interface XmlElement {
  tagName: string;
  children: ArrayLike<XmlElement>;
  attributes: ArrayLike<{ name: string; value: string }>;
  textContent: string | null;
  innerHTML: string;
  firstElementChild: XmlElement | null;
  getAttribute(name: string): string | null;
}

/** Qualified names under which an element of a namespace may appear in this document. */
type Names = (namespace: string, local: string) => string[];

/**
 * True when the text is an RSS, RDF (RSS 1.0) or Atom document: its root element is `rss`,
 * `rdf:RDF` or `feed`. Only looks at the prolog, so it is cheap on any input.
 *
 * @example looksLikeFeed('<?xml version="1.0"?><rss version="2.0">…') // true
 */
export function looksLikeFeed(text: string): boolean {
  const root = rootName(text);
  return root !== undefined && feedKind(root) !== undefined;
}

/**
 * Parses an RSS or Atom feed into its title and items. Item content comes from
 * `content:encoded` or Atom `content`, else from `description` or `summary`; escaped HTML
 * comes back as HTML. Dates (RFC 822 or ISO 8601) become ISO 8601 strings; an unreadable date
 * is left out. Throws an `IngestError` with code `parse` when the text is not a feed or is
 * cut off before its end.
 *
 * @example const { items } = parseFeed(xml); items[0].url
 */
export function parseFeed(xml: string): Feed {
  if (typeof xml !== 'string') throw new TypeError('parseFeed needs the feed as a string');
  const name = rootName(xml);
  if (name === undefined) throw new IngestError('parse', 'not an RSS or Atom feed: no XML root element found');
  const kind = feedKind(name);
  if (kind === undefined) throw new IngestError('parse', `not an RSS or Atom feed: the root element is <${name}>`);
  if (!isClosed(xml, name)) throw new IngestError('parse', `the feed is cut off or malformed: <${name}> is never closed`);

  let root: XmlElement | null;
  try {
    root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as XmlElement | null;
  } catch (error) {
    throw new IngestError('parse', `the feed could not be parsed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!root) throw new IngestError('parse', 'the feed could not be parsed: no root element');
  const names = namespaceNames(root);
  return kind === 'atom' ? atomFeed(root, names) : rssFeed(root, names);
}

function rssFeed(root: XmlElement, names: Names): Feed {
  const channel = child(root, ['channel']);
  if (!channel && localName(root.tagName) === 'rss') throw new IngestError('parse', 'RSS feed without a <channel>');
  const base = absoluteUrl(textIn(child(channel, ['link'])));
  // RSS 2.0 puts items in the channel, RSS 1.0 next to it.
  const items = [...childrenNamed(channel, ['item']), ...childrenNamed(root, ['item'])];
  return withoutUndefined({
    title: plainTitle(textIn(child(channel, ['title']))),
    items: items.map((item) => rssItem(item, names, base)),
  });
}

function rssItem(item: XmlElement, names: Names, base: string | undefined): FeedItem {
  const encoded = textIn(child(item, names(CONTENT_NS, 'encoded')));
  const description = textIn(child(item, ['description']));
  return withoutUndefined({
    title: plainTitle(textIn(child(item, ['title']))),
    url: resolveUrl(rssLink(item, names), base),
    published: toIsoDate(textIn(child(item, ['pubDate']))) ?? toIsoDate(textIn(child(item, names(DC_NS, 'date')))),
    ...(encoded ? { html: encoded } : description ? htmlOrText(description) : {}),
    author: joinNames(
      childrenNamed(item, names(DC_NS, 'creator')).map(textIn),
      childrenNamed(item, ['author']).map((el) => rssAuthor(textIn(el))),
    ),
  });
}

function rssLink(item: XmlElement, names: Names): string | undefined {
  const link = textIn(child(item, ['link']));
  if (link) return link;
  const atomLink = alternateLink(childrenNamed(item, names(ATOM_NS, 'link')));
  if (atomLink) return atomLink;
  const guid = child(item, ['guid']);
  const id = textIn(guid);
  return id && guid?.getAttribute('isPermaLink') !== 'false' && /^https?:\/\//i.test(id) ? id : undefined;
}

/** RSS `author` is an e-mail address, often with the name in parentheses: `jo@x.org (Jo Bloggs)`. */
function rssAuthor(value: string | undefined): string | undefined {
  return value?.match(/^\S+@\S+\s*\((.+)\)$/)?.[1].trim() ?? value;
}

function atomFeed(root: XmlElement, names: Names): Feed {
  const atom = (local: string): string[] => [local, ...names(ATOM_NS, local)];
  const base = absoluteUrl(root.getAttribute('xml:base') ?? undefined) ?? absoluteUrl(alternateLink(childrenNamed(root, atom('link'))));
  const feedAuthor = atomAuthors(root, atom);
  return withoutUndefined({
    title: atomTitle(child(root, atom('title'))),
    items: childrenNamed(root, atom('entry')).map((entry) => {
      const entryBase = resolveUrl(entry.getAttribute('xml:base') ?? undefined, base) ?? base;
      const content = child(entry, atom('content'));
      const summary = child(entry, atom('summary'));
      return withoutUndefined({
        title: atomTitle(child(entry, atom('title'))),
        url: resolveUrl(alternateLink(childrenNamed(entry, atom('link'))), entryBase),
        published: toIsoDate(textIn(child(entry, atom('published')))) ?? toIsoDate(textIn(child(entry, atom('updated')))),
        ...(atomContent(content) ?? atomContent(summary) ?? {}),
        author: atomAuthors(entry, atom) ?? atomAuthors(child(entry, atom('source')), atom) ?? feedAuthor,
      });
    }),
  });
}

/** The content of an Atom text construct or `content` element; undefined when absent, external or binary. */
function atomContent(el: XmlElement | undefined): { html: string } | { text: string } | undefined {
  if (!el || el.getAttribute('src') !== null) return undefined;
  const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
  let result: { html: string } | { text: string } | undefined;
  if (type === 'html' || type === 'text/html') result = { html: el.textContent ?? '' };
  // XHTML content is wrapped in a single div that is not part of the content.
  else if (type === 'xhtml' || type === 'application/xhtml+xml') result = { html: (el.firstElementChild ?? el).innerHTML };
  else if (type === 'text' || type.startsWith('text/')) result = { text: el.textContent ?? '' };
  if (!result) return undefined;
  const value = 'html' in result ? result.html.trim() : result.text.trim();
  if (!value) return undefined;
  return 'html' in result ? { html: value } : { text: value };
}

function atomTitle(el: XmlElement | undefined): string | undefined {
  const content = atomContent(el);
  if (!content) return undefined;
  return 'html' in content ? plainTitle(htmlToText(content.html)) : collapse(content.text);
}

function atomAuthors(el: XmlElement | undefined, atom: (local: string) => string[]): string | undefined {
  return joinNames(childrenNamed(el, atom('author')).map((author) => textIn(child(author, atom('name')))));
}

/** The href of the `alternate` link (or of a link without rel), preferring HTML ones. */
function alternateLink(links: XmlElement[]): string | undefined {
  const alternates = links.filter((link) => (link.getAttribute('rel') ?? 'alternate').trim().toLowerCase() === 'alternate');
  const html = alternates.find((link) => /html/i.test(link.getAttribute('type') ?? 'text/html'));
  return (html ?? alternates[0])?.getAttribute('href')?.trim() || undefined;
}

/** `content` when it contains markup or character references, else plain `text`. */
function htmlOrText(content: string): { html: string } | { text: string } {
  return LOOKS_LIKE_HTML.test(content) ? { html: content } : { text: content };
}

/** A title as plain text: RSS titles often carry escaped HTML (`&amp;#8217;`, `&lt;b&gt;`). */
function plainTitle(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  return collapse(LOOKS_LIKE_HTML.test(title) ? htmlToText(title) : title);
}

let scratch: { createElement(tag: string): { innerHTML: string; textContent: string | null } } | undefined;

function htmlToText(html: string): string {
  scratch ??= parseHTML('<!doctype html><html><body></body></html>').document;
  const div = scratch.createElement('div');
  div.innerHTML = html;
  return div.textContent ?? '';
}

/**
 * An ISO 8601 form of an RFC 822 (`Tue, 10 Jun 2003 04:00:00 GMT`) or ISO 8601 date, keeping
 * the source's offset (`2003-06-10T04:00:00Z`); a date without a known zone stays local.
 * Undefined for anything else.
 */
function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    return formatDate(+y, +mo, +d, h === undefined ? undefined : [+h, +mi, +(s ?? 0)], fraction ?? '', isoZone(zone));
  }
  const rfc = RFC822_DATE.exec(value);
  if (rfc) {
    const [, d, monthName, y, h, mi, s, offset, zoneName] = rfc;
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return undefined;
    const year = y.length === 2 ? (+y < 50 ? 2000 : 1900) + +y : +y;
    const zone = offset ? isoZone(offset) : zoneName ? (ZONES[zoneName.toLowerCase()] ?? '') : '';
    return formatDate(year, month, +d, h === undefined ? undefined : [+h, +mi, +(s ?? 0)], '', zone);
  }
  return undefined;
}

/** `Z`, `+01:00` or `''` from `Z`, `+01`, `+0100`, `+01:00` or nothing. */
function isoZone(zone: string | undefined): string {
  if (!zone) return '';
  if (/^z$/i.test(zone)) return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

function formatDate(
  year: number,
  month: number,
  day: number,
  time: [number, number, number] | undefined,
  fraction: string,
  zone: string,
): string | undefined {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!time) return date;
  const [h, mi, s] = time;
  if (h > 23 || mi > 59 || s > 60) return undefined;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}${fraction}${zone}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The qualified name of the root element, after the prolog: a BOM, whitespace, the XML
 * declaration, processing instructions, comments and a doctype. A scan rather than one regex,
 * which would backtrack badly on long prologs that do not match.
 */
function rootName(text: string): string | undefined {
  const head = text.slice(0, PROLOG_WINDOW);
  let at = head.startsWith('\uFEFF') ? 1 : 0;
  for (;;) {
    while (/\s/.test(head[at] ?? '')) at++;
    let end: number;
    if (head.startsWith('<?', at)) end = after(head, '?>', at);
    else if (head.startsWith('<!--', at)) end = after(head, '-->', at);
    else if (head.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') end = doctypeEnd(head, at);
    else break;
    if (end === -1) return undefined;
    at = end;
  }
  ELEMENT_NAME.lastIndex = at;
  return ELEMENT_NAME.exec(head)?.[1];
}

/** Just past the next `token` from `at`, or -1. */
function after(text: string, token: string, at: number): number {
  const found = text.indexOf(token, at);
  return found === -1 ? -1 : found + token.length;
}

/** Just past the doctype starting at `at`, skipping an internal subset in brackets; -1 if unclosed. */
function doctypeEnd(text: string, at: number): number {
  const close = text.indexOf('>', at);
  const subset = text.indexOf('[', at);
  if (subset === -1 || (close !== -1 && close < subset)) return close === -1 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', subset);
  return subsetEnd === -1 ? -1 : after(text, '>', subsetEnd);
}

function feedKind(qualifiedName: string): 'rss' | 'atom' | undefined {
  return FEED_ROOTS[localName(qualifiedName).toLowerCase()];
}

/** A truncated download parses leniently into a partial feed; it is refused instead. */
function isClosed(xml: string, name: string): boolean {
  const escaped = name.replace(/[.]/g, '\\.');
  return new RegExp(`</${escaped}\\s*>`).test(xml) || new RegExp(`<${escaped}\\b[^>]*/>`).test(xml);
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

/** Resolves namespaces to the prefixes this document declares on its root, or the usual ones. */
function namespaceNames(root: XmlElement): Names {
  const prefixes = new Map<string, string[]>();
  for (const { name, value } of Array.from(root.attributes)) {
    const match = /^xmlns(?::(.+))?$/.exec(name);
    if (match) prefixes.set(value.trim(), [...(prefixes.get(value.trim()) ?? []), match[1] ?? '']);
  }
  return (namespace, local) => {
    const all = [...(prefixes.get(namespace) ?? []), CONVENTIONAL_PREFIXES[namespace] ?? ''];
    return [...new Set(all.map((prefix) => (prefix ? `${prefix}:${local}` : local)))];
  };
}

/** Child elements with one of these qualified names (case-insensitive, as feeds in the wild vary). */
function childrenNamed(parent: XmlElement | undefined, names: readonly string[]): XmlElement[] {
  if (!parent) return [];
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return Array.from(parent.children).filter((el) => wanted.has(el.tagName.toLowerCase()));
}

/** The first child with the first of these names that occurs: names are in order of preference. */
function child(parent: XmlElement | undefined, names: readonly string[]): XmlElement | undefined {
  for (const name of names) {
    const found = childrenNamed(parent, [name])[0];
    if (found) return found;
  }
  return undefined;
}

function textIn(el: XmlElement | undefined): string | undefined {
  return el?.textContent?.trim() || undefined;
}

function collapse(text: string): string | undefined {
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

function joinNames(...lists: (string | undefined)[][]): string | undefined {
  for (const list of lists) {
    const names = [...new Set(list.filter((n): n is string => Boolean(n)))];
    if (names.length) return names.join(', ');
  }
  return undefined;
}

function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

/** A URL resolved against the feed's base when it is relative; kept as found when it cannot be. */
function resolveUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** Drops undefined properties, so that items only carry what the feed had. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
