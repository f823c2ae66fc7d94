import type { DocMeta } from '../../doc/doc.ts';
import { hostOutlet, isPlaceName } from '../outlet.ts';
import { valueDate } from '../written-date.ts';
import { dateLine, formFieldDate, microdataTextDate, NOT_ARTICLE_DATE } from './body-dates.ts';
import { decodeEntities } from './html-entities.ts';

/**
 * Where each metadata field is looked for in `<meta>` tags, in order of trust (keys as
 * metaKeys writes them). Dublin Core is bibliographic and comes first for the title and
 * author; Open Graph and Twitter titles are written for link previews.
 */
export const META_SOURCES: Readonly<Record<'title' | 'byline' | 'published' | 'outlet' | 'description' | 'url', readonly string[]>> = {
  title: ['dc:title', 'dcterms:title', 'og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'headline'],
  byline: ['dc:creator', 'dcterms:creator', 'author', 'article:author', 'sailthru.author', 'parsely-author', 'byl', 'byline'],
  published: [
    'article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
    'date', 'dc:date', 'dc:date.issued', 'dcterms:created', 'dcterms:date', 'sailthru.date', 'parsely-pub-date', 'og:published_time',
  ],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc:publisher'],
  description: ['og:description', 'description', 'twitter:description', 'dc:description', 'dcterms:description'],
  url: ['og:url', 'twitter:url'],
};

/** JSON-LD types that describe an article, most specific first. */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'NewsArticle', 'Article', 'ReportageNews', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'TechArticle', 'ScholarlyArticle', 'Report',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A metadata value with whitespace collapsed and character references decoded: pages that
 * escape twice leave `&#8216;` or `&amp;` in attribute values and JSON-LD once parsed.
 */
function clean(value: string | null | undefined): string | undefined {
  const v = value
    ?.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (ref) => decodeEntities(ref))
    .replace(/\s+/g, ' ')
    .trim();
  return v ? v : undefined;
}

/**
 * The keys a `<meta>` tag names: its property, name or itemprop, lower-cased, split where
 * it lists several (`property="dc:title og:title"`), with Dublin Core's `DC.` and `dcterm`
 * prefixes read as `dc:` and `dcterms:` (pages write all of them).
 */
function metaKeys(el: Element): string[] {
  const names = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '';
  return names
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((key) => key.replace(/^(dc|dcterms?)[.:]/, (_, prefix: string) => (prefix === 'dc' ? 'dc:' : 'dcterms:')));
}

function metaTable(doc: Document): Map<string, string> {
  const table = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const key of metaKeys(el)) if (!table.has(key)) table.set(key, content);
  }
  return table;
}

function jsonLdObjects(doc: Document): Array<Record<string, Json>> {
  const found: Array<Record<string, Json>> = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = (script.textContent ?? '').replace(/^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$/g, '');
    let data: Json;
    try {
      data = JSON.parse(source) as Json;
    } catch {
      continue;
    }
    const stack: Json[] = [data];
    while (stack.length && found.length < 200) {
      const item = stack.pop();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        found.push(item);
        if (item['@graph']) stack.push(item['@graph']);
      }
    }
  }
  return found;
}

function typesOf(obj: Record<string, Json>): string[] {
  const t = obj['@type'];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
}

function nameOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf(value.name);
  return undefined;
}

function urlOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return clean(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return urlOf(value['@id'] ?? value.url);
  return undefined;
}

/** An ISO 8601 form of a date as found in a page, or undefined when it does not parse. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return v.replace(' ', 'T');
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The primary language subtag of a BCP 47 tag or locale (`de-DE`, `de_DE` → `de`). */
export function languageOf(tag: string | null | undefined): string | undefined {
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_]|\s*$)/.exec(tag ?? '');
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * The date in an article's address (`/2024/05/01/`, `/2024-05-01-`, `/20240501/`), as
 * `YYYY-MM-DD`, or undefined. Many sites file articles under their publication day.
 */
export function urlDate(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url, 'http://x/').pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?=[/._-]|$)/.exec(path) ?? /[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/._-]|$)/.exec(path);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A page's publication date as each kind of source gives it. */
export interface DateCandidates {
  /** JSON-LD of an article type (NewsArticle and kin). */
  articleJsonLd?: string;
  /** `<meta>` tags (article:published_time, Dublin Core...). */
  metaTag?: string;
  /** Any other `<meta>` whose name says publication date (`sn-post-date`, `cXenseParse:recs:publishtime`, `citation_publication_date`). */
  dateMeta?: string;
  /** JSON-LD of any other type (a WebPage's datePublished). */
  otherJsonLd?: string;
  /** Microdata: `itemprop="datePublished"` on any element, in its `content` or `datetime`. */
  microdata?: string;
  /** Microdata written as text: `<span itemprop="datePublished">17. Mai 2019</span>`. */
  microdataText?: string;
  /** The first `<time datetime>` outside navigation, sidebars, teasers and comments. */
  timeElement?: string;
  /** A short visible line with a full date near the article's `<h1>` or byline. */
  dateLine?: string;
  /** A hidden form field whose name says date (`display_date`), outside forms a reader fills in. */
  formField?: string;
  /** The date in the article's address. */
  address?: string;
  /** When the page was last changed (`article:modified_time`, JSON-LD `dateModified`): when nothing else dates it. */
  modified?: string;
}

/**
 * The order in which htmlMeta trusts date sources. The page's head (article JSON-LD and the
 * known `<meta>` tags) comes first; the others follow in the order of how often they agree
 * with the head where both date a page, as `npm run eval:dates` measures it on trafilatura's
 * 990 pages (the lower bound of each agreement's 95% Wilson interval, so that a source seen
 * on few pages does not outrank one seen on many; docs/measurements.md has the table). The
 * last modification comes last whatever it measures: it says when the page changed, not when
 * it appeared.
 */
export const DATE_SOURCES: ReadonlyArray<keyof DateCandidates> = [
  'articleJsonLd', 'metaTag', 'otherJsonLd', 'microdata', 'timeElement', 'address', 'dateLine', 'microdataText', 'dateMeta', 'formField', 'modified',
];

/**
 * Names of `<meta>` tags that give a publication date: those that say so (`sn-post-date`,
 * `cXenseParse:recs:publishtime`, `citation_publication_date`), then those that only say date
 * (`displaydate`); and the names of other dates of a page.
 */
const PUBLISHED_META_KEYS: readonly RegExp[] = [/publi(?!sher)|pub[-_.:]?(?:date|time)|post(?:ed)?[-_.:]?(?:date|time)|created|issued|release/, /date/];
const NOT_PUBLISHED_META_KEY = /modif|updat|expir|revis|edit|last|valid|until|start|end|birth|upload|related|current/;
/** The name of a `<meta>` that gives the page's last modification. */
const MODIFIED_META_KEY = /modif|updat/;

/** The first `<meta>` date, in PUBLISHED_META_KEYS order and then page order, that is not one of META_SOURCES.published. */
function dateMetaTag(head: Head, language: string | undefined): string | undefined {
  const known = new Set(META_SOURCES.published);
  for (const names of PUBLISHED_META_KEYS) {
    for (const [key, value] of head.meta) {
      if (known.has(key) || !names.test(key) || NOT_PUBLISHED_META_KEY.test(key)) continue;
      const date = valueDate(value, language);
      if (date) return date;
    }
  }
  return undefined;
}

/** The page's last modification: the JSON-LD article's `dateModified`, else the first `<meta>` that names one. */
function modifiedDate(head: Head, language: string | undefined): string | undefined {
  const ld = head.article?.dateModified;
  const fromLd = typeof ld === 'string' ? valueDate(ld) : undefined;
  if (fromLd) return fromLd;
  for (const [key, value] of head.meta) {
    if (!MODIFIED_META_KEY.test(key)) continue;
    const date = valueDate(value, language);
    if (date) return date;
  }
  return undefined;
}

function firstTimeElement(doc: Document): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('time[datetime]'))) {
    if (el.closest(NOT_ARTICLE_DATE)) continue;
    return isoDate(el.getAttribute('datetime') ?? undefined);
  }
  return undefined;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return base ? undefined : url;
  }
}

/** What a page's head holds: its `<meta>` tags and JSON-LD, with the article's and the site's objects. */
interface Head {
  pick: (field: keyof typeof META_SOURCES) => string | undefined;
  meta: Map<string, string>;
  objects: Array<Record<string, Json>>;
  article: Record<string, Json> | undefined;
  site: Record<string, Json> | undefined;
}

function readHead(doc: Document): Head {
  const meta = metaTable(doc);
  const pick = (field: keyof typeof META_SOURCES): string | undefined => {
    for (const key of META_SOURCES[field]) {
      const v = meta.get(key);
      if (v) return v;
    }
    return undefined;
  };
  const objects = jsonLdObjects(doc);
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  const site = objects.find((o) => typesOf(o).some((t) => t === 'WebSite' || t === 'Organization' || t === 'NewsMediaOrganization'));
  return { pick, meta, objects, article, site };
}

function canonicalUrl(doc: Document, head: Head, baseUrl: string | undefined): string | undefined {
  const { article, pick } = head;
  return absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? pick('url') ?? urlOf(article?.mainEntityOfPage) ?? urlOf(article?.url), baseUrl) ?? baseUrl;
}

function datePublished(o: Record<string, Json> | undefined): string | undefined {
  return isoDate(typeof o?.datePublished === 'string' ? o.datePublished : undefined);
}

/** What a date source reads: the page, its head, its address and its language. */
interface DatePage {
  doc: Document;
  head: Head;
  url: string | undefined;
  language: string | undefined;
}

/** How each date source is read; htmlMeta reads them in DATE_SOURCES order and stops at the first date. */
const DATE_READERS: Record<keyof DateCandidates, (page: DatePage) => string | undefined> = {
  articleJsonLd: ({ head }) => datePublished(head.article),
  metaTag: ({ head }) => isoDate(head.pick('published')),
  dateMeta: ({ head, language }) => dateMetaTag(head, language),
  otherJsonLd: ({ head }) => datePublished(head.objects.find((o) => o !== head.article && typeof o.datePublished === 'string')),
  microdata: ({ doc }) => {
    const micro = doc.querySelector('[itemprop="datePublished"]');
    return isoDate(micro?.getAttribute('content') ?? micro?.getAttribute('datetime') ?? undefined);
  },
  microdataText: ({ doc, language }) => microdataTextDate(doc, language),
  timeElement: ({ doc }) => firstTimeElement(doc),
  dateLine: ({ doc, language }) => dateLine(doc, language)?.date,
  formField: ({ doc, language }) => formFieldDate(doc, language),
  address: ({ url }) => urlDate(url),
  modified: ({ head, language }) => modifiedDate(head, language),
};

/** Lower-cased words of a text, for comparing titles. */
function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of `a`'s words that `b` also has. */
function wordCover(a: string, b: string): number {
  const words = wordSet(a);
  if (!words.size) return 0;
  const other = wordSet(b);
  let shared = 0;
  for (const w of words) if (other.has(w)) shared++;
  return shared / words.size;
}

/**
 * The title of a JSON-LD article: its `headline`, unless it also has a different `name` that
 * the page's own title matches better (encyclopedias put the title in `name` and a one-line
 * description in `headline`). A `name` that is the publisher's is not a title.
 */
function articleTitle(article: Record<string, Json> | undefined, pageTitle: string | undefined, publisher: string | undefined): string | undefined {
  const headline = nameOf(article?.headline);
  let name = typeof article?.name === 'string' ? clean(article.name) : undefined;
  if (name && publisher && name.toLowerCase() === publisher.toLowerCase()) name = undefined;
  if (!headline || !name || headline === name || !pageTitle) return headline ?? name;
  return wordCover(name, pageTitle) > wordCover(headline, pageTitle) ? name : headline;
}

/** Separators between a title and the site's name: `|`, and dashes, bullets, `»`, `::`, `/` between spaces. */
const TITLE_SEPARATOR = /\s*\|\s*|\s+(?:[-–—·•»~\/]|::)\s+/g;

/** Titles longer than this are left as they are by withoutSiteName. */
const MAX_TITLE_CHARS = 1_000;

/** Letters and digits only, lower-cased: how a site's name and its address are compared. */
function siteKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The names an address gives a site: `www.salon.com` → `saloncom`, `salon`. */
function hostKeys(url: string | undefined): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\d*\./, '');
  } catch {
    return [];
  }
  const keys = [siteKey(host)];
  const labels = host.split('.');
  if (labels.length >= 2) keys.push(siteKey(labels[labels.length - 2]));
  return keys.filter((k) => k.length >= 3);
}

/** The texts of the page's first few `<h1>` elements, whitespace collapsed. */
function headingTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('h1'))
    .slice(0, 5)
    .map((h) => clean(h.textContent))
    .filter((t): t is string => !!t);
}

/**
 * A page title without the site's name at either end ("Talks resume | Halvik Post" → "Talks
 * resume"): what a separator parts from the outlet's name or the address's; or, where one of
 * the page's `<h1>` headings (asked for only then) is the title's first part and the rest is
 * no longer than it, that heading. Otherwise the title as it is.
 *
 * @example withoutSiteName('Talks resume - BBC News', { outlet: 'BBC News' }) // 'Talks resume'
 */
export function withoutSiteName(title: string, site: { outlet?: string; url?: string; headings?: () => readonly string[] }): string {
  // longer than any headline: not worth the search (which is quadratic in the separators)
  if (title.length > MAX_TITLE_CHARS) return title;
  const cuts = Array.from(title.matchAll(TITLE_SEPARATOR), (m) => ({ start: m.index, end: m.index + m[0].length }));
  if (!cuts.length) return title;
  const names = new Set([...(site.outlet ? [siteKey(site.outlet)] : []), ...hostKeys(site.url)].filter(Boolean));
  // the site's name may hold separators itself ("Orren média - Analyse Opinion Critique")
  for (const cut of cuts) {
    const head = title.slice(0, cut.start).trim();
    if (head && names.has(siteKey(title.slice(cut.end)))) return head;
  }
  for (let i = cuts.length - 1; i >= 0; i--) {
    const tail = title.slice(cuts[i].end).trim();
    if (tail && names.has(siteKey(title.slice(0, cuts[i].start)))) return tail;
  }
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  for (const heading of site.headings?.() ?? []) {
    for (const cut of cuts) {
      if (title.slice(0, cut.start).trim() === heading && words(title.slice(cut.end)) <= words(heading)) return heading;
    }
  }
  return title;
}

/** A description cut short for a link preview ends in an ellipsis ("…a gauge of stoc…"). */
const CUT_SHORT = /\s*(?:…|\.{3})$/;

/** True when a description ends in an ellipsis, as previews cut short end. */
export function isCutShort(description: string): boolean {
  return CUT_SHORT.test(description);
}

/**
 * `whole` when it is `part` in full: it starts with `part`'s text before the ellipsis a cut
 * ends with, and says more.
 *
 * @example completes('Talks resume on Friday in Halvik.', 'Talks resume on Fri…') // true
 */
export function completes(whole: string, part: string): boolean {
  const stem = part.replace(CUT_SHORT, '');
  return stem.length > 0 && whole.length > stem.length && whole.startsWith(stem) && !isCutShort(whole);
}

/**
 * The page's description, complete where the page has it so: the first of the description
 * tags (META_SOURCES order) and JSON-LD's, unless another of them holds it in full. Link
 * previews (og:description, twitter:description) are often cut short, where the page's
 * `<meta name="description">` or its JSON-LD says all of it.
 */
function pageDescription(head: Head): string | undefined {
  const found = [...META_SOURCES.description.map((key) => head.meta.get(key)), nameOf(head.article?.description)].filter((d): d is string => !!d);
  const first = found[0];
  if (first === undefined) return undefined;
  return found.filter((d) => completes(d, first)).sort((a, b) => b.length - a.length)[0] ?? first;
}

/** A byline without the word that introduces it ("By Ana Ruiz", "Von Jan Berg" → the name). */
function withoutBy(byline: string | undefined): string | undefined {
  return byline?.replace(/^(by|von|par|por|av|door|di|da)\s+(?=\p{Lu})/iu, '') || undefined;
}

/** The date of the most trusted source that gives one, with the source's name; the sources after it are not read. */
function firstDate(page: DatePage): { date: string; source: keyof DateCandidates } | undefined {
  for (const source of DATE_SOURCES) {
    const date = DATE_READERS[source](page);
    if (date !== undefined) return { date, source };
  }
  return undefined;
}

/** The language a page declares: `<html lang>`, `xml:lang`, a content-language header, `og:locale`. */
function declaredLanguage(doc: Document, head: Head): string | undefined {
  return (
    languageOf(doc.documentElement?.getAttribute('lang')) ??
    languageOf(doc.documentElement?.getAttribute('xml:lang')) ??
    languageOf(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    languageOf(head.meta.get('og:locale'))
  );
}

/**
 * Every source's publication date for a page, for measuring them (`npm run eval:dates`);
 * htmlMeta takes the first in DATE_SOURCES order.
 */
export function dateCandidates(doc: Document, baseUrl?: string): DateCandidates {
  const head = readHead(doc);
  const page: DatePage = { doc, head, url: canonicalUrl(doc, head, baseUrl), language: declaredLanguage(doc, head) };
  return Object.fromEntries(DATE_SOURCES.map((source) => [source, DATE_READERS[source](page)])) as DateCandidates;
}

/**
 * The outlet's name: the JSON-LD article's publisher, the site-name `<meta>` tags, the JSON-LD
 * site's name, the first that is not a place ("U.S." names a section of a wire's site); else
 * the address's host (`apnews.com`).
 */
function outletName(head: Head, url: string | undefined): string | undefined {
  const named = [nameOf(head.article?.publisher), ...META_SOURCES.outlet.map((key) => head.meta.get(key)), nameOf(head.site?.name)];
  return named.find((name): name is string => !!name && !isPlaceName(name)) ?? hostOutlet(url);
}

/**
 * Article metadata from a page's head: `<meta>` tags (Open Graph, article:, Dublin Core,
 * name=author...), JSON-LD (NewsArticle and kin), `<link rel=canonical>`, `<title>` and
 * `<html lang>`. Without a date there, the date comes from other date `<meta>` tags, JSON-LD
 * of any type (a WebPage's datePublished), the body (microdata, a `<time>` element, a date
 * line near the title or byline, a hidden form field), the address or, last, the page's last
 * modification, in DATE_SOURCES order; `publishedSource` names the source. The outlet is never
 * a place, and is the address's host where nothing names it. Fields that are nowhere to be
 * found are left out.
 *
 * @example htmlMeta(document, 'https://example.org/a').published // '2024-05-01T09:00:00Z'
 */
export function htmlMeta(doc: Document, baseUrl?: string): Partial<DocMeta> {
  const head = readHead(doc);
  const { article, pick } = head;
  const byline = withoutBy(nameOf(article?.author) ?? pick('byline'));
  const url = canonicalUrl(doc, head, baseUrl);
  const pageTitle = clean(doc.querySelector('title')?.textContent);
  const outlet = outletName(head, url);
  const title = articleTitle(article, pageTitle ?? pick('title'), outlet) ?? pick('title') ?? pageTitle;
  const language = declaredLanguage(doc, head);
  const dated = firstDate({ doc, head, url, language });
  const out: Partial<DocMeta> = {
    title: title && withoutSiteName(title, { outlet, url, headings: () => headingTexts(doc) }),
    byline: byline && !/^https?:\/\//.test(byline) ? byline : undefined,
    published: dated?.date,
    publishedSource: dated?.source,
    outlet,
    language,
    description: pageDescription(head),
    url,
  };
  for (const key of Object.keys(out) as Array<keyof DocMeta>) if (out[key] === undefined) delete out[key];
  return out;
}
