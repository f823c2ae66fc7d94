/**
 * Benchmark inputs, all deterministic: PolNeAR texts plus paragraph-shuffled variants of them
 * (or generated articles when the data folder is absent), the same texts wrapped in news-page
 * HTML templates, and synthetic long articles for the linear-time check.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One plain-text article of the benchmark corpus. */
export interface BenchText {
  name: string;
  text: string;
}

/** The plain-text corpus and where it came from. */
export interface TextCorpus {
  texts: BenchText[];
  origin: 'polnear' | 'generated';
  /** Distinct source articles read from the data folder (0 when generated). */
  originals: number;
  /** Articles made from the originals by shuffling their paragraphs. */
  variants: number;
}

const SPLITS = ['train', 'dev', 'test'] as const;

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Splits an article into paragraphs (blank-line separated), the first being its title. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function polnearTexts(dataDir: string): BenchText[] {
  const out: BenchText[] = [];
  const seen = new Set<string>();
  for (const split of SPLITS) {
    const dir = join(dataDir, 'polnear', split, 'text');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const text = readFileSync(join(dir, file), 'utf8');
      const hash = sha1(text);
      if (seen.has(hash) || !text.trim()) continue;
      seen.add(hash);
      out.push({ name: `${split}-${file.replace(/\.txt$/, '')}`, text });
    }
  }
  return out;
}

/**
 * At least `n` distinct plain-text articles: the PolNeAR texts in order, then variants in
 * which the body paragraphs (all but the title) are shuffled with a fixed seed, so that each
 * variant has its own content id. Falls back to generated articles without the data folder.
 */
export function textCorpus(dataDir: string, n: number): TextCorpus {
  const originals = polnearTexts(dataDir);
  if (!originals.length) return { texts: generatedTexts(n), origin: 'generated', originals: 0, variants: 0 };
  const texts: BenchText[] = [];
  const seen = new Set<string>();
  const add = (t: BenchText) => {
    const hash = sha1(t.text);
    if (seen.has(hash)) return false;
    seen.add(hash);
    texts.push(t);
    return true;
  };
  for (const t of originals) {
    if (texts.length >= n) break;
    add(t);
  }
  let variants = 0;
  for (let round = 1; texts.length < n && round < 50; round++) {
    for (let i = 0; i < originals.length && texts.length < n; i++) {
      const [title, ...body] = paragraphsOf(originals[i].text);
      if (body.length < 3) continue;
      const random = rng(round * 100_003 + i);
      const text = `${title}\n\n${shuffle(body, random).join('\n\n')}\n`;
      if (add({ name: `${originals[i].name}-v${round}`, text })) variants++;
    }
  }
  return { texts, origin: 'polnear', originals: Math.min(originals.length, n), variants };
}

const WORDS = (
  'the a of to in and said on for with that by from at as was is has would its after officials government minister ' +
  'president election campaign vote voters party state city council police court report week year people country ' +
  'spokesman statement announced told reporters Tuesday Wednesday Thursday economy budget plan bill senate house ' +
  'talks agreement security border health workers company market prices rose fell percent million billion new former ' +
  'local national international crisis support opposition leader members group rally protest investigation charges ' +
  'decision expected could will not but also more than about before during while against over under between'
).split(' ');
const NAMES = ['Maria Lindqvist', 'John Okafor', 'Chen Wei', 'Ana Souza', 'Peter Novak', 'Fatima Haddad', 'David Kim', 'Laura Rossi'];
const PLACES = ['Springfield', 'Riverton', 'Lakeside', 'Northgate', 'Port Ellis', 'Brookfield', 'Westmere'];

function sentence(random: () => number): string {
  const words: string[] = [];
  const len = 8 + Math.floor(random() * 22);
  for (let i = 0; i < len; i++) {
    const r = random();
    words.push(r < 0.05 ? pick(NAMES, random) : r < 0.08 ? pick(PLACES, random) : r < 0.1 ? String(Math.floor(random() * 2000)) : pick(WORDS, random));
  }
  const s = words.join(' ');
  const text = s[0].toUpperCase() + s.slice(1);
  return random() < 0.2 ? `“${text},” ${pick(NAMES, random)} said.` : `${text}.`;
}

function paragraph(random: () => number): string {
  const n = 1 + Math.floor(random() * 5);
  return Array.from({ length: n }, () => sentence(random)).join(' ');
}

/** `n` generated news-like articles (title plus 6–25 paragraphs), from a fixed seed. */
export function generatedTexts(n: number, seed = 20240611): BenchText[] {
  const random = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const title = sentence(random).replace(/\.$/, '');
    const body = Array.from({ length: 6 + Math.floor(random() * 20) }, () => paragraph(random));
    return { name: `generated-${String(i).padStart(5, '0')}`, text: `${title}\n\n${body.join('\n\n')}\n` };
  });
}

/** Shapes of the long synthetic articles of the linear-time check. */
export const LONG_SHAPES = ['one-line', 'paragraphs', 'quote-marks', 'no-punctuation'] as const;
export type LongShape = (typeof LONG_SHAPES)[number];

/**
 * A synthetic article of about `bytes` bytes (ASCII, so bytes = characters): one long line
 * (sentences separated by spaces), many paragraphs of 1–5 sentences, one paragraph crowded
 * with unbalanced and nested quotation marks and reporting verbs, or one line of words with
 * no punctuation at all (the hard cases of attribution).
 */
export function longArticle(bytes: number, shape: LongShape, seed = 7): string {
  const random = rng(seed);
  const marks = ['"', "'", '"', '"said', 'he said "'];
  const pieceOf: Record<LongShape, () => string> = {
    'one-line': () => sentence(random),
    paragraphs: () => paragraph(random),
    'quote-marks': () => `${marks[Math.floor(random() * marks.length)]}${sentence(random)}`,
    'no-punctuation': () => sentence(random).replace(/[^A-Za-z0-9 ]/g, '').toLowerCase(),
  };
  const separator = shape === 'paragraphs' ? '\n\n' : ' ';
  const parts: string[] = [];
  for (let size = 0; size < bytes; ) {
    const piece = pieceOf[shape]();
    parts.push(piece);
    size += piece.length + separator.length;
  }
  // the quote marks are not ASCII; make the article plain ASCII so its size is exact
  return parts.join(separator).replace(/[“”]/g, '"').slice(0, bytes);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const OUTLETS = ['The Daily Ledger', 'Metro Courier', 'Northern Herald', 'The Evening Post'];
const SECTIONS = ['News', 'Politics', 'World', 'Business', 'Opinion', 'Science', 'Sport', 'Culture', 'Travel', 'Video'];
const COMMENTERS = ['jkl_88', 'Reader from Ohio', 'm.anders', 'SkepticalSam', 'patriot1776', 'Lena K.', 'oldtimer'];
const COMMENTS = [
  'Great reporting, thanks for covering this.',
  'This is exactly what I have been saying for years. Nobody listens.',
  'Can you please fix the typo in the third paragraph?',
  'I disagree completely. The other side never gets a fair hearing here.',
  'Where are the sources for this? Seems one-sided.',
  'Shared with my family. Everyone should read it.',
];

function navLinks(count: number): string {
  return Array.from({ length: count }, (_, i) => `<li><a href="/${SECTIONS[i % SECTIONS.length].toLowerCase()}/${i}">${SECTIONS[i % SECTIONS.length]}${i >= SECTIONS.length ? ` ${i}` : ''}</a></li>`).join('');
}

function headline(random: () => number, texts: readonly BenchText[]): string {
  return escapeHtml(paragraphsOf(pick(texts, random).text)[0] ?? 'Untitled').slice(0, 120);
}

/**
 * Wraps one article in a realistic news page (fixed seed): head with meta, scripts and styles,
 * cookie banner, navigation, header, breadcrumb, the article with byline and date, inline
 * "read more" boxes, a sidebar of most-read and related links, a comment thread, a newsletter
 * form and a footer. Three layouts vary the markup.
 */
export function htmlPage(article: BenchText, index: number, all: readonly BenchText[]): string {
  const random = rng(9_000_001 + index);
  const [title = 'Untitled', ...body] = paragraphsOf(article.text);
  const outlet = pick(OUTLETS, random);
  const layout = index % 3;
  const date = `2016-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const author = pick(NAMES, random);
  const paras = body.map((p, i) => {
    const inline = i > 0 && i % 6 === 0 ? `<aside class="read-more"><a href="/news/${index}-${i}">Read more: ${headline(random, all)}</a></aside>` : '';
    return `${inline}<p>${escapeHtml(p)}</p>`;
  });
  const related = Array.from({ length: 6 }, (_, i) => `<li><a href="/story/${index}-${i}"><img src="/img/${i}.jpg" alt=""><span>${headline(random, all)}</span></a></li>`).join('');
  const mostRead = Array.from({ length: 5 }, (_, i) => `<li><span class="rank">${i + 1}</span><a href="/top/${i}">${headline(random, all)}</a></li>`).join('');
  const comments = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) =>
    `<li class="comment"><div class="comment-meta"><span class="user">${pick(COMMENTERS, random)}</span> <time>${i + 1} hours ago</time></div><p>${pick(COMMENTS, random)}</p><a class="reply" href="#reply">Reply</a> <span class="likes">${Math.floor(random() * 90)} likes</span></li>`,
  ).join('');
  const articleBody =
    layout === 0
      ? `<article class="story"><h1>${escapeHtml(title)}</h1><div class="byline">By <a href="/author/${index}">${author}</a> · <time datetime="${date}">${date}</time></div><figure><img src="/photo/${index}.jpg" alt="Photo"><figcaption>Photo: ${outlet}</figcaption></figure>${paras.join('\n')}<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div></article>`
      : layout === 1
        ? `<div id="main-content"><div class="headline-wrap"><h1 class="title">${escapeHtml(title)}</h1></div><p class="meta">${author} | ${date} | ${outlet}</p><div class="entry-content">${paras.join('\n')}</div><div class="tags">Tags: <a href="/t/1">politics</a>, <a href="/t/2">election</a></div></div>`
        : `<main><div class="container"><div class="row"><div class="col-8"><header class="article-header"><h1>${escapeHtml(title)}</h1><span class="author">${author}</span><span class="date">${date}</span></header><section class="article-body">${paras.join('\n')}</section></div></div></div></main>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${outlet}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${escapeHtml(body[0] ?? '').slice(0, 160)}">
<meta property="og:title" content="${escapeHtml(title)}"><meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${date}">
<link rel="stylesheet" href="/static/site.css"><style>body{font-family:Georgia,serif}.nav li{display:inline-block}.sidebar{float:right;width:30%}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','UA-000000-${index % 9}');</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(title.slice(0, 110))},"datePublished":"${date}","author":{"@type":"Person","name":"${author}"}}</script>
</head><body>
<div id="cookie-banner" class="cookie">We use cookies to improve your experience. By continuing you accept our <a href="/privacy">privacy policy</a>. <button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">${outlet}</a><form class="search" action="/search"><input name="q" placeholder="Search"></form><a href="/subscribe" class="subscribe">Subscribe</a> <a href="/login">Sign in</a></header>
<nav class="nav"><ul>${navLinks(14)}</ul></nav>
<div class="breadcrumb"><a href="/">Home</a> › <a href="/politics">Politics</a> › <span>${escapeHtml(title).slice(0, 40)}</span></div>
<div class="ad" id="ad-top">Advertisement</div>
${articleBody}
<aside class="sidebar"><section class="most-read"><h3>Most read</h3><ol>${mostRead}</ol></section><section class="related"><h3>Related stories</h3><ul>${related}</ul></section><div class="ad">Advertisement</div></aside>
<section class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the day's top stories in your inbox.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></section>
<section id="comments" class="comments"><h3>Comments</h3><ul>${comments}</ul><p><a href="/login">Log in to comment</a></p></section>
<footer class="site-footer"><ul>${navLinks(10)}</ul><p><a href="/about">About us</a> · <a href="/contact">Contact</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms of use</a></p><p>© 2016 ${outlet}. All rights reserved.</p></footer>
<script src="/static/app.js" async></script>
</body></html>
`;
}
