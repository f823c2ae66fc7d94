import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SHARED_DATA, needsSharedData } from '../../test/support/shared-data.ts';
import { rawTextOf, textOf } from '../doc/doc.ts';
import { processArticle } from '../pipeline/default-pipeline.ts';
import { matchBoilerplate } from './boilerplate.ts';

const LIVE_BLOG = 'seeds/004_20dca7a36c75680e.txt';
const REWRITTEN = 'seeds/000_f52f2e6ae05d1052.txt';

function seed(name: string): string {
  return readFileSync(SHARED_DATA + name, 'utf8');
}

test('live-blog seed: every entry once, five entries with headlines, the Swedish footer removed', needsSharedData(LIVE_BLOG), () => {
  const raw = seed(LIVE_BLOG);
  const doc = processArticle(raw, 'text');
  // each body paragraph of the raw input appears exactly once in the cleaned text
  const rawParas = [...new Set(raw.split('\n').map((l) => l.trim()).filter(Boolean))].filter((p) => !/kommentar/i.test(p));
  for (const p of rawParas) assert.equal(doc.text.split(p).length - 1, 1, `appears once: ${p.slice(0, 50)}`);
  assert.equal(doc.entries.length, 5);
  const headlines = doc.entries.map((e) => textOf(doc, e.headline!));
  assert.equal(headlines[0], 'US envoy flies home after talks with Putin');
  assert.ok(headlines.every((h) => raw.includes(h)));
  // entries tile the text: each ends before the next starts and they cover all blocks
  for (let i = 1; i < doc.entries.length; i++) assert.ok(doc.entries[i - 1].end <= doc.entries[i].start);
  assert.equal(doc.entries.at(-1)!.end, doc.text.length);
  // what was removed is recorded, with raw spans that hold the removed text
  const reasons = new Set(doc.removed.map((r) => r.reason));
  assert.ok(reasons.has('repeated-block'));
  assert.ok(reasons.has('boilerplate:comments'));
  for (const r of doc.removed) assert.equal(raw.slice(r.raw.start, r.raw.end), r.text);
  assert.ok(!doc.text.includes('Inga kommentarer') && !doc.text.includes('Skicka en kommentar'));
  assert.ok(doc.quality!.duplicateLineShare > 0.3);
  assert.ok(doc.quality!.flags.includes('repetitive-lines'));
  assert.equal(doc.meta.language, 'en');
});

test('rewritten seed: two subheadings, no entries, nothing removed', needsSharedData(REWRITTEN), () => {
  const doc = processArticle(seed(REWRITTEN), 'text');
  const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => textOf(doc, b));
  assert.deepEqual(headings, ['No breakthroughs expected', 'Mend']);
  assert.equal(doc.entries.length, 0);
  assert.equal(doc.removed.length, 0);
  assert.ok(!doc.blocks.some((b) => b.kind === 'title'), 'the first line is a sentence, not a title');
  for (const s of doc.sentences) assert.equal(rawTextOf(doc, s), textOf(doc, s));
});

test('blog-platform footers and comment headers in nine languages', () => {
  const footers: [string, string][] = [
    ['No comments:', 'comments'],
    ['Post a Comment', 'comments'],
    ['Keine Kommentare:', 'comments'],
    ['Kommentar veröffentlichen', 'comments'],
    ['Aucun commentaire :', 'comments'],
    ['Publier un commentaire', 'comments'],
    ['No hay comentarios:', 'comments'],
    ['Publicar un comentario', 'comments'],
    ['Inga kommentarer:', 'comments'],
    ['Skicka en kommentar', 'comments'],
    ['Нет комментариев:', 'comments'],
    ['Отправить комментарий', 'comments'],
    ['Geen opmerkingen:', 'comments'],
    ['Een reactie posten', 'comments'],
    ['Nenhum comentário:', 'comments'],
    ['Postar um comentário', 'comments'],
    ['Nessun commento:', 'comments'],
    ['Posta un commento', 'comments'],
    ['Newer Post Older Post Home', 'blog-footer'],
    ['Neuerer Post Älterer Post Startseite', 'blog-footer'],
    ['Senare inlägg Äldre inlägg Startsida', 'blog-footer'],
    ['Share on Facebook', 'share'],
    ['Subscribe to our newsletter', 'subscribe'],
    ['We use cookies to improve your experience on our site.', 'cookies'],
    ['Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.', 'cookies'],
    ['Advertisement', 'advertising'],
  ];
  for (const [line, kind] of footers) assert.equal(matchBoilerplate(line)?.kind, kind, line);
  for (const prose of ['Putin said the comments were unhelpful.', 'The envoy will share the proposal with Kyiv on Monday.', 'Cookies were served at the reception.']) {
    assert.equal(matchBoilerplate(prose), undefined, prose);
  }
});

test('a comment header in the middle of an article does not cut the rest', () => {
  const paras = Array.from({ length: 10 }, (_, i) => `Paragraph ${i + 1} of the story says something about the talks.`);
  paras.splice(2, 0, 'Comments');
  const doc = processArticle(paras.join('\n'), 'text');
  assert.ok(doc.text.includes('Paragraph 10'));
});

test('a comment section at the end is removed from its header on, reader comments included', () => {
  const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the story says something about the talks.`);
  const doc = processArticle([...body, '2 comments:', 'Anna said... Great piece, thanks!', 'Bo said... I disagree with the premise.'].join('\n'), 'text');
  assert.ok(doc.text.endsWith('Paragraph 8 of the story says something about the talks.'));
  assert.equal(doc.removed.filter((r) => r.reason === 'boilerplate:comments').length, 3);
});

test('a scraped copy with every paragraph twice keeps one of each', () => {
  const paras = ['Title of the piece', 'First paragraph of the story.', 'Second paragraph, with “quotes”.', 'Third and last.'];
  const doubled = paras.flatMap((p, i) => (i === 0 ? [p] : [p, p]));
  const doc = processArticle(doubled.join('\n\n'), 'text');
  assert.equal(doc.text, paras.join('\n\n'));
  assert.equal(doc.removed.filter((r) => r.reason === 'repeated-block').length, 3);
  assert.ok(doc.messages.some((m) => m.origin === 'clean:repeated-block'));
});

test('hard-wrapped text keeps its paragraphs whole', () => {
  const raw = 'The talks resumed on Monday in a\nhotel outside the capital, officials said.\n\nA second paragraph follows here and\nalso runs over two lines of the file.';
  const doc = processArticle(raw, 'text');
  assert.equal(doc.blocks.length, 2);
  assert.equal(doc.sentences.length, 2);
});

test('Markdown headings, list items and quotes become blocks without their markers', () => {
  const doc = processArticle('# The title\n\nIntro paragraph here.\n\n## A section\n\n- first item\n- second item\n\n> a quoted line', 'markdown');
  const kinds = doc.blocks.map((b) => `${b.kind}:${textOf(doc, b)}`);
  assert.deepEqual(kinds, ['title:The title', 'paragraph:Intro paragraph here.', 'heading:A section', 'list-item:first item', 'list-item:second item', 'quote:a quoted line']);
  assert.equal(doc.meta.title, 'The title');
});

test('language: a German article is flagged, an English one is not', () => {
  const de = processArticle('Die Waffenruhe am Staudamm hält seit drei Tagen. Die Regierung in der Hauptstadt erklärte am Dienstag, man werde die Schleusen öffnen, sobald die Beobachter eingetroffen seien. Die Opposition kritisierte den Schritt als verspätet.', 'text');
  assert.equal(de.meta.language, 'de');
  assert.ok(de.quality!.flags.includes('not-english'));
  assert.ok(de.messages.some((m) => m.origin === 'clean:language'));
  const en = processArticle('The ceasefire at the dam has held for three days. The government said on Tuesday it would open the sluices as soon as the observers arrived. The opposition called the step overdue.', 'text');
  assert.equal(en.meta.language, 'en');
  assert.ok(!en.quality!.flags.includes('not-english'));
});

test('language: a declared language yields to a text that reads, with full confidence, as another', () => {
  const german =
    'Die Waffenruhe am Staudamm hält seit drei Tagen. Die Regierung in der Hauptstadt erklärte am Dienstag, man werde die Schleusen öffnen, sobald die Beobachter eingetroffen seien. Die Opposition kritisierte den Schritt als verspätet.';
  // a page template's <html lang="en"> around a German article
  const page = processArticle(`<html lang="en"><body><article><h1>Waffenruhe</h1><p>${german}</p><p>${german.replace('drei', 'vier')}</p></article></body></html>`, 'html');
  assert.equal(page.meta.language, 'de');
  assert.ok(page.messages.some((m) => /declared language "en" but the text reads as "de"; taken as "de"/.test(m.text)));
  // too short to be sure: the declaration stands, with a warning
  const short = processArticle('Die Waffenruhe hält seit drei Tagen.', 'text', { language: 'en' });
  assert.equal(short.meta.language, 'en');
  // a declaration the text agrees with stays, without a warning
  const agreed = processArticle(german, 'text', { language: 'de-AT' });
  assert.equal(agreed.meta.language, 'de');
  assert.ok(!agreed.messages.some((m) => /declared language/.test(m.text)));
});

test('no stage throws on odd input, and every span stays inside the text', () => {
  const odd = ['', ' ', '\n\n\n', '😀'.repeat(500), 'x'.repeat(20000), '....!!!???', 'مرحبا بالعالم هذا نص', 'a\u0000b\u0007c', '<p>not html</p>', '\ufeffBOM text'];
  for (const raw of odd) {
    for (const format of ['text', 'markdown', 'html'] as const) {
      const doc = processArticle(raw, format);
      for (const s of [...doc.blocks, ...doc.sentences, ...doc.tokens]) assert.ok(s.start >= 0 && s.end <= doc.text.length && s.start <= s.end);
    }
  }
});
