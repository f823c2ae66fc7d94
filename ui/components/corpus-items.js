// @ts-check
// Lists of corpus pages: a titled list, an article with its copies folded, a quote with its chain and date.

import { el, link } from './dom.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate, plural } from '../format.js';
import { hrefOf } from '../router.js';

/** @typedef {import('../types.js').CorpusArticle} CorpusArticle */

/**
 * A section with a heading and a list of items (nothing when there are none).
 * @param {string} title
 * @param {Node[]} items
 * @param {string} className
 */
export function listSection(title, items, className) {
  const section = el('section', className);
  section.append(el('h2', 'section-title', title));
  const list = el('ul', 'corpus-list');
  for (const item of items) {
    const li = el('li');
    li.append(item);
    list.append(li);
  }
  section.append(list);
  return section;
}

/**
 * An article in a corpus list: date, outlet, title as a link, copies folded under it.
 * @param {CorpusArticle} a
 */
export function corpusArticleItem(a) {
  const row = el('span', 'corpus-article');
  if (a.published) row.append(el('span', 'muted', `${formatDate(a.published, false)} · `));
  if (a.outlet) row.append(el('span', 'corpus-outlet', `${a.outlet} · `));
  row.append(link(hrefOf({ name: 'article', id: a.id }), a.title?.trim() || firstWords(a.excerpt, 80) || a.id));
  if (a.copies) row.append(el('span', 'muted', ` and ${plural(a.copies, 'copy', 'copies')}`));
  return row;
}

/**
 * A quote row of an entity page: speaker, outlets, words, and its article.
 * @param {{ articleId: string, articleTitle: string | null, speaker: string, via: string[], outlet?: string | null, content: string, date?: string | null, dateFrom?: 'article' | 'sentence' | null }} q
 */
export function corpusQuoteItem(q) {
  const row = el('span', 'corpus-quote');
  const chain = [...q.via, ...(q.outlet && !q.via.includes(q.outlet) ? [q.outlet] : [])];
  row.append(el('strong', '', q.speaker), chain.length ? el('span', 'muted', ` via ${chain.join(' → ')}`) : '');
  if (q.date) row.append(quoteDateElement(q.date, q.dateFrom ?? null));
  row.append(': ', el('q', '', firstWords(q.content, QUOTE_PANEL_CHARS)), ' ');
  row.append(link(hrefOf({ name: 'article', id: q.articleId }), `(${q.articleTitle?.trim() || 'article'})`, 'muted'));
  return row;
}

/**
 * A quote's date, saying whether its own sentence gave it or it is the article's date.
 * @param {string} date
 * @param {'article' | 'sentence' | null} from
 */
export function quoteDateElement(date, from) {
  const shown = formatDate(date, false);
  const node = el('time', `quote-date quote-date-${from ?? 'unknown'}`, from === 'sentence' ? ` · said on ${shown}` : ` · ${shown} (the article's date)`);
  node.dateTime = date;
  node.title = from === 'sentence' ? 'The day the sentence of the quote names' : 'No day named where it is quoted: the day the article was published';
  return node;
}
