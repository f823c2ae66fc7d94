import type { DocMeta } from '../../doc/doc.ts';

/** Where each metadata field is looked for in `<meta>` tags, in order of trust. */
export const META_SOURCES: Readonly<Record<'title' | 'byline' | 'published' | 'outlet' | 'description' | 'url', readonly string[]>> = {
  title: ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'sailthru.title', 'parsely-title', 'headline'],
  byline: ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'byl', 'byline'],
  published: [
    'article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
    'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time',
  ],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'],
  description: ['og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.description'],
  url: ['og:url', 'twitter:url'],
};

/** JSON-LD types that describe an article, most specific first. */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'NewsArticle', 'Article', 'ReportageNews', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'TechArticle', 'ScholarlyArticle', 'Report',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

function metaTable(doc: Document): Map<string, string> {
  const table = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = clean(el.getAttribute('content'));
    if (key && content && !table.has(key)) table.set(key, content);
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

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return base ? undefined : url;
  }
}

/**
 * Article metadata from a page's head: `<meta>` tags (Open Graph, article:, Dublin Core,
 * name=author...), JSON-LD (NewsArticle and kin), `<link rel=canonical>`, `<title>` and
 * `<html lang>`. Fields that are nowhere to be found are left out.
 *
 * @example htmlMeta(document, 'https://example.org/a').published // '2024-05-01T09:00:00Z'
 */
export function htmlMeta(doc: Document, baseUrl?: string): Partial<DocMeta> {
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

  const byline = nameOf(article?.author) ?? pick('byline');
  const out: Partial<DocMeta> = {
    title: nameOf(article?.headline) ?? pick('title') ?? clean(doc.querySelector('title')?.textContent),
    byline: byline && !/^https?:\/\//.test(byline) ? byline : undefined,
    published:
      isoDate(typeof article?.datePublished === 'string' ? article.datePublished : undefined) ??
      isoDate(pick('published')) ??
      isoDate(doc.querySelector('time[pubdate], time[itemprop="datePublished"]')?.getAttribute('datetime') ?? undefined),
    outlet: nameOf(article?.publisher) ?? pick('outlet') ?? nameOf(site?.name),
    language:
      languageOf(doc.documentElement?.getAttribute('lang')) ??
      languageOf(doc.documentElement?.getAttribute('xml:lang')) ??
      languageOf(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
      languageOf(meta.get('og:locale')),
    description: pick('description') ?? nameOf(article?.description),
    url: absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? pick('url') ?? urlOf(article?.mainEntityOfPage) ?? urlOf(article?.url), baseUrl) ?? baseUrl,
  };
  for (const key of Object.keys(out) as Array<keyof DocMeta>) if (out[key] === undefined) delete out[key];
  return out;
}
