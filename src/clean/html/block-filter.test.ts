import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { alignWords } from './align-words.ts';
import { filterBlocks, phraseReason } from './block-filter.ts';
import { boilerplateReason } from './boilerplate-patterns.ts';
import { blockText, domBlocks, type DomBlock } from './dom-blocks.ts';
import { markedBodyWins, mergeBlocks, strayArticle } from './merge-blocks.ts';
import { densityBlocks, dropEdgeLinkLists, dropLinkLists } from './main-content.ts';
import { visibleText } from './visible-text.ts';

function body(html: string): Element {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return document.body as unknown as Element;
}

function block(text: string, extra: Partial<DomBlock> = {}): DomBlock {
  const words = text.split(' ');
  return { kind: 'paragraph', words, chars: words.join('').length, linkChars: 0, element: body(''), ...extra };
}

test('boilerplate patterns match whole class tokens, not fragments', () => {
  const el = (attrs: string) => body(`<div ${attrs}>x</div>`).firstElementChild!;
  assert.equal(boilerplateReason(el('id="comments"')), 'comments');
  assert.equal(boilerplateReason(el('class="share-buttons top"')), 'share');
  assert.equal(boilerplateReason(el('class="cookie-banner"')), 'cookie');
  assert.equal(boilerplateReason(el('role="navigation"')), 'navigation');
  assert.equal(boilerplateReason(el('style="display: none"')), 'hidden');
  // WordPress marks the article itself with tag-<slug> and category-<slug>
  assert.equal(boilerplateReason(el('class="post-12 post tag-comments category-social"')), null);
  assert.equal(boilerplateReason(el('class="elementor-widget-text-editor"')), null);
  assert.equal(boilerplateReason(body('<nav>x</nav>').firstElementChild!), 'navigation');
});

test('domBlocks reads kinds from the nearest heading, list item, quote or pre', () => {
  const blocks = domBlocks(body('<h3>Head</h3><div>Lead <b>bold</b><p>Para</p>tail</div><ul><li><p>Item</p></li></ul><blockquote><p>Q</p></blockquote><pre>a  b</pre>'));
  assert.deepEqual(
    blocks.map((b) => [b.kind, b.level, blockText(b)]),
    [
      ['heading', 3, 'Head'],
      ['paragraph', undefined, 'Lead bold'],
      ['paragraph', undefined, 'Para'],
      ['paragraph', undefined, 'tail'],
      ['list-item', undefined, 'Item'],
      ['quote', undefined, 'Q'],
      ['preformatted', undefined, 'a b'],
    ],
  );
});

test('domBlocks survives nesting far deeper than the call stack', () => {
  const deep = '<div>'.repeat(20_000) + 'deep' + '</div>'.repeat(20_000);
  const { document } = parseHTML(`<html><body>${deep}</body></html>`);
  assert.deepEqual(domBlocks(document.body as unknown as Element).map(blockText), ['deep']);
});

test('dropLinkLists drops short link-heavy blocks but keeps headings and long references', () => {
  const kept = dropLinkLists([
    block('Home News Sport', { linkChars: 13 }),
    block('Section', { kind: 'heading', level: 2, linkChars: 7 }),
    block('Smith, J. (2020). A very long reference title that is all one link, in a journal', { linkChars: 60 }),
    block('Plain prose here.'),
  ]);
  assert.deepEqual(kept.map(blockText), ['Section', 'Smith, J. (2020). A very long reference title that is all one link, in a journal', 'Plain prose here.']);
});

test('phrase rules catch short captions, bylines and calls to action only', () => {
  assert.equal(phraseReason(block('Foto: Max Muster / dpa')), 'caption');
  assert.equal(phraseReason(block('Von Erika Mustermann')), 'byline');
  assert.equal(phraseReason(block('Aktualisiert am 3. Mai 2024, 10:12 Uhr')), 'dateline');
  assert.equal(phraseReason(block('Jetzt den Newsletter abonnieren!')), 'call-to-action');
  assert.equal(phraseReason(block('Lesen Sie auch: Warum die Brücke gesperrt wurde')), 'teaser');
  const long = 'The newsletter the council sent to every household in March explained in detail why the bridge had to close and what the ferry would cost';
  assert.equal(phraseReason(block(long)), null);
});

test('filterBlocks cuts from an end marker to the next block of prose', () => {
  const prose = 'This paragraph is long enough to count as prose in the article, with well over twenty-five words in it, so the filter keeps it in place.';
  const out = filterBlocks([block('Intro paragraph of the article.'), block('Mehr zum Thema'), block('Teaser one'), block('Teaser two'), block(prose), block('Foto: Agentur')]);
  assert.deepEqual(out.map(blockText), ['Intro paragraph of the article.', prose]);
});

test('mergeBlocks adds a lead and inner blocks from the page, in page order, without copies', () => {
  const page = ['Menu', 'The lead paragraph sets the scene and has more than ten words in it.', 'A', 'inner list item', 'B', 'Related stuff'].map((t) => block(t));
  const main = [block('A'), block('B')];
  assert.deepEqual(mergeBlocks(main, page).map(blockText), ['The lead paragraph sets the scene and has more than ten words in it.', 'A', 'inner list item', 'B']);
  assert.deepEqual(mergeBlocks([], page).length, page.length);
  const copy = [block('A B C'), block('A B C D'), block('w v'), block('A B C')];
  assert.deepEqual(mergeBlocks([copy[0], copy[3]], copy).map(blockText), ['A B C', 'A B C D', 'w v', 'A B C']);
});

test('mergeBlocks leaves out what an article skipped inside itself unless the article is only scraps of it', () => {
  const body1 = block('The first paragraph of the body has a good number of words in it.');
  const body2 = block('The second paragraph of the body has a good number of words as well.');
  const chart = block('Interest payments will triple over the decade.');
  // Readability kept most of the text between its ends: what it skipped stays out
  assert.deepEqual(mergeBlocks([body1, body2], [body1, chart, body2]).map(blockText), [blockText(body1), blockText(body2)]);
  // Readability kept scraps around text it could not read: the skipped text comes in
  const formula = block('x = ( - b ± sqrt ( b 2 - 4 a c ) ) / 2 a , for a not equal to zero , as every pupil learns .');
  assert.deepEqual(mergeBlocks([block('When'), block('they are')], [block('When'), formula, block('they are')]).map(blockText), ['When', blockText(formula), 'they are']);
});

test('alignWords maps words in order, skips look-alikes, and leaves unknown words to their neighbours', () => {
  const html = '<h1>The Site</h1><p>The story starts here and the story goes on.</p>';
  const stream = visibleText(html);
  const aligned = alignWords(stream, [{ kind: 'paragraph', words: ['The', 'story', 'starts', 'NEW', 'here'] }]);
  assert.equal(aligned.text, 'The story starts NEW here');
  const seg0 = aligned.map.segments[0];
  assert.equal(seg0.raw, html.indexOf('The story'));
  assert.deepEqual(Array.from(aligned.used), [0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  assert.deepEqual(aligned.blocks, [{ kind: 'paragraph', start: 0, end: 25 }]);
});

test('boilerplate tokens are read with their BEM parts and underscores as hyphens', () => {
  const el = (attrs: string) => body(`<div ${attrs}>x</div>`).firstElementChild!;
  assert.equal(boilerplateReason(el('class="c-sheet__tags"')), 'metadata');
  assert.equal(boilerplateReason(el('id="related_posts"')), 'related');
  assert.equal(boilerplateReason(el('class="post-author__bio columns"')), 'metadata');
  assert.equal(boilerplateReason(el('class="entry__tags--inline"')), 'metadata');
  // a BEM block alone says nothing: `article__body` is the article
  assert.equal(boilerplateReason(el('class="article__body article--wide"')), null);
});

test('author boxes, disclaimers, embedded posts and caption classes are furniture', () => {
  const el = (attrs: string) => body(`<div ${attrs}>x</div>`).firstElementChild!;
  assert.equal(boilerplateReason(el('class="saboxplugin-wrap"')), 'metadata');
  assert.equal(boilerplateReason(el('class="author-description"')), 'metadata');
  assert.equal(boilerplateReason(el('class="editorial-disclaimer"')), 'disclaimer');
  assert.equal(boilerplateReason(el('class="affiliate-info"')), 'disclaimer');
  assert.equal(boilerplateReason(el('class="twitter-tweet"')), 'embed');
  assert.equal(boilerplateReason(el('class="wp-caption-text"')), 'media');
  assert.equal(boilerplateReason(el('class="media__caption media__caption--source"')), 'media');
  assert.equal(boilerplateReason(el('class="caption-wrapper-main"')), null);
  // text kept off paper only is still on screen
  assert.equal(boilerplateReason(el('class="noprint Inline-Template"')), null);
  assert.equal(boilerplateReason(el('class="sr-only"')), 'interface');
});

test('dropEdgeLinkLists keeps link lists inside the body and drops those at its edges', () => {
  const prose = (n: number) => block(`word ${n} `.repeat(8).trim());
  const link = (text: string) => block(text, { linkChars: text.replace(/ /g, '').length });
  const kept = dropEdgeLinkLists([link('Home News'), prose(1), link('BBEdit'), link('Acorn'), prose(2), link('Related story'), block('The end.')]);
  assert.deepEqual(kept.map(blockText), [blockText(prose(1)), 'BBEdit', 'Acorn', blockText(prose(2)), 'The end.']);
  // no prose at all: every link list goes, as dropLinkLists does
  assert.deepEqual(dropEdgeLinkLists([link('Home'), block('Short text')]).map(blockText), ['Short text']);
  // a long block without spaces (Japanese) marks the body too
  const cjk = block('肉をくわえたイヌが、橋を渡っていました。'.repeat(5));
  assert.deepEqual(dropEdgeLinkLists([cjk, link('いぬ'), cjk]).map(blockText), [blockText(cjk), 'いぬ', blockText(cjk)]);
});

test('dropEdgeLinkLists keeps edge link lists that make up much of the article', () => {
  const prose = block(`word `.repeat(12).trim());
  const link = (text: string) => block(text, { linkChars: text.replace(/ /g, '').length });
  const lines = ['Fox and Crow', 'Ant and Grasshopper', 'The Lion and the Mouse', 'Town Mouse and Country Mouse'].map(link);
  // four linked lines beside one paragraph: half the characters, so they stay
  assert.deepEqual(dropEdgeLinkLists([prose, ...lines]).map(blockText), [blockText(prose), ...lines.map(blockText)]);
  // one linked line after three paragraphs: a teaser, so it goes
  assert.deepEqual(dropEdgeLinkLists([prose, prose, prose, lines[0]]).map(blockText), Array(3).fill(blockText(prose)));
});

test('mergeBlocks never takes the headline in as a lead', () => {
  const headline = block('A headline long enough to pass for a lead paragraph of the article', { kind: 'heading', level: 1 });
  const lead = block('A lead paragraph set apart from the body that is long enough to count as prose');
  const body1 = block('First paragraph of the body.');
  const body2 = block('Second paragraph of the body.');
  const merged = mergeBlocks([body1, body2], [headline, lead, body1, body2]);
  assert.deepEqual(merged.map(blockText), [blockText(lead), blockText(body1), blockText(body2)]);
});

test('mergeBlocks takes neither a byline nor a dateline in as a lead', () => {
  const body1 = block('First paragraph of the body.');
  const body2 = block('Second paragraph of the body.');
  const byline = block('By Ada Reporter, a deputy editor who has covered the city council for more than a decade.');
  const dateline = block('AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)');
  assert.deepEqual(mergeBlocks([body1, body2], [byline, body1, body2]).map(blockText), [blockText(body1), blockText(body2)]);
  assert.deepEqual(mergeBlocks([body1, body2], [dateline, body1, body2]).map(blockText), [blockText(body1), blockText(body2)]);
  // a lead that starts with a date, or with "By" and a weekday, is still a lead
  const dated = block('19.10.2019, 15:30 Uhr: Am achten Spieltag der Bundesliga treffen zwei alte Rivalen aufeinander.');
  const byTuesday = block('By Tuesday, the council had closed the old bridge and opened a ferry in its place.');
  assert.deepEqual(mergeBlocks([body1, body2], [dated, body1, body2]).map(blockText), [blockText(dated), blockText(body1), blockText(body2)]);
  assert.deepEqual(mergeBlocks([body1, body2], [byTuesday, body1, body2]).map(blockText), [blockText(byTuesday), blockText(body1), blockText(body2)]);
});

test('densityBlocks skips furniture without changing the document', () => {
  const root = body(
    '<p>The council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers.</p>' +
      '<div id="comments"><p>What a shame that the council waited so long before doing anything about the old bridge at all.</p></div>',
  );
  const before = root.innerHTML;
  const kept = densityBlocks(root.ownerDocument);
  assert.equal(kept.length, 1);
  assert.match(blockText(kept[0]), /^The council voted/);
  assert.equal(root.innerHTML, before);
});

test('a table of contents does not end the article', () => {
  const kept = filterBlocks([block('Contents', { kind: 'heading', level: 2 }), block('1 History', { kind: 'list-item' }), block('2 Values', { kind: 'list-item' })]);
  assert.deepEqual(kept.map(blockText), ['Contents', '1 History', '2 Values']);
  assert.deepEqual(filterBlocks([block('Comments', { kind: 'heading', level: 2 }), block('Nice post!')]).map(blockText), []);
});

test('a table cell reading "Comment" is a column header, not the start of the comments', () => {
  const cells = Array.from(body('<table><tr><td><p>State</p></td><td><p>Comment</p></td></tr><tr><td><p>new</p></td><td><p>Pick up new tasks that are ready.</p></td></tr></table>').querySelectorAll('p'));
  const blocks = cells.map((el) => block(el.textContent ?? '', { element: el }));
  assert.deepEqual(filterBlocks(blocks).map(blockText), ['State', 'Comment', 'new', 'Pick up new tasks that are ready.']);
  // the same word standing on its own still ends the article
  assert.deepEqual(filterBlocks([block('Intro text.'), block('Comment'), block('Nice post!')]).map(blockText), ['Intro text.']);
});

test('dropEdgeLinkLists keeps a table of contents (links into the page) before the body', () => {
  const items = Array.from(body('<ul><li><a href="#setup">Setting up</a></li><li><a href="/other">Other story</a></li></ul>').querySelectorAll('li'));
  const [toc, teaser] = items.map((el) => block(el.textContent ?? '', { kind: 'list-item', element: el, linkChars: (el.textContent ?? '').replace(/ /g, '').length }));
  const prose = block('word '.repeat(20).trim());
  assert.deepEqual(dropEdgeLinkLists([toc, teaser, prose]).map(blockText), ['Setting up', blockText(prose)]);
});

test('markedBodyWins prefers marked-up article bodies that hold the article and much more', () => {
  const article = [block('The council voted on Tuesday to close the old bridge after engineers found cracks.')];
  const rest = [
    block('Residents who cross it every day said they had warned the city for years that it was failing.'),
    block('A temporary ferry will run from next week, and the mayor promised a new crossing within three years.'),
  ];
  assert.equal(markedBodyWins(article, [...article, ...rest]), true);
  // a body that does not hold the article is another part of the page
  assert.equal(markedBodyWins(article, rest), false);
  // a body barely larger than the article adds too little to be trusted over it
  assert.equal(markedBodyWins(article, [...article, block('Photo: Example')]), false);
  assert.equal(markedBodyWins(article, []), false);
});

test('phraseReason knows paywall notices, disclaimers and copyright notices, in blocks of modest length', () => {
  assert.equal(phraseReason(block('To view the full story, please subscribe to The Example Times. You can choose an annual subscription or a weekly pass.')), 'paywall');
  assert.equal(phraseReason(block('Disclaimer: The responses below are not provided or commissioned by the bank advertiser and have not been reviewed by it.')), 'disclaimer');
  assert.equal(phraseReason(block('Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.')), 'disclaimer');
  assert.equal(phraseReason(block('© 2022 Example News. This article may not be reprinted without written permission from the publisher in any online or print media.')), 'copyright');
  assert.equal(phraseReason(block('This entry was posted in Podcasts and tagged linux, ubuntu by the editors.')), 'post-meta');
  assert.equal(phraseReason(block('Schlagwörter: Brücke, Stadtrat, Verkehr')), 'post-meta');
  // article prose that mentions subscribers or permission stays
  assert.equal(phraseReason(block('The streaming service said it had lost two hundred thousand subscribers in the spring, the first fall in a decade.')), null);
  assert.equal(phraseReason(block('The council refused permission for the new bridge, citing cost.')), null);
  const long = 'The publisher told the court that the article had been copied without permission by at least four other sites, ' + 'and that it wanted damages for each copy it had found online over the past two years of the dispute between them. '.repeat(2);
  assert.equal(phraseReason(block(long.trim())), null);
});

test('strayArticle spots a Readability article outside a far larger container', () => {
  const notice = [block('Disclaimer: the responses below are not provided or commissioned by the advertiser.')];
  const story = ['The council voted on Tuesday to close the old bridge after engineers found deep cracks in its piers.', 'Residents who cross it every day said they had warned the city for years that the structure was failing.', 'A temporary ferry will run from next week, and the mayor promised a new crossing within three years.'].map((t) => block(t));
  assert.equal(strayArticle(notice, story), true);
  // the container holds the article: not astray (markedBodyWins decides)
  assert.equal(strayArticle(notice, [...notice, ...story]), false);
  // a container not much larger than the article is no evidence against it
  assert.equal(strayArticle(story.slice(0, 2), story.slice(2)), false);
  assert.equal(strayArticle(notice, []), false);
});

test('phraseReason knows paywall and subscription calls in several languages', () => {
  assert.equal(phraseReason(block('Pour lire la suite de cet article')), 'call-to-action');
  assert.equal(phraseReason(block('Zapraszamy też do subskrypcji')), 'call-to-action');
  assert.equal(phraseReason(block('To view the full story, please log in.')), 'call-to-action');
  assert.equal(phraseReason(block('Submit your letter to the editor via this form')), 'call-to-action');
  // the same words inside a long paragraph are article text
  assert.equal(
    phraseReason(block('The paper said readers who wanted to read the rest of the report could write to the council, which promised to publish every answer it received before the vote next month.')),
    null,
  );
});
