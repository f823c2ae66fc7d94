// @ts-check
// Lists of corpus pages: a titled list, an article with its copies folded, a quote with its chain and date.

import { html } from '../html.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate, plural } from '../format.js';
import { hrefOf } from '../router.js';

/** @typedef {import('../types.js').CorpusArticle} CorpusArticle */

/**
 * A section with a heading and a list of items, then its children (a link to more).
 * @param {{ title: string, items: any[], className: string, children?: any }} props
 */
export function ListSection({ title, items, className, children }) {
  return html`
    <section class=${className}>
      <h2 class="section-title">${title}</h2>
      <ul class="corpus-list">
        ${items.map((item) => html`<li>${item}</li>`)}
      </ul>
      ${children}
    </section>
  `;
}

/**
 * An article in a corpus list: date, outlet, title as a link, copies folded under it.
 * @param {{ article: CorpusArticle }} props
 */
export function CorpusArticle({ article: a }) {
  return html`<span class="corpus-article"
    >${a.published ? html`<span class="muted">${formatDate(a.published, false)} · </span>` : null}${a.outlet ? html`<span class="corpus-outlet">${a.outlet} · </span>` : null}<a
      href=${hrefOf({ name: 'article', id: a.id })}
      >${a.title?.trim() || firstWords(a.excerpt, 80) || a.id}</a
    >${a.copies ? html`<span class="muted"> and ${plural(a.copies, 'copy', 'copies')}</span>` : null}</span
  >`;
}

/**
 * A quote row of an entity page: speaker, outlets, words, and its article.
 * @param {{ quote: { articleId: string, articleTitle: string | null, speaker: string, via: string[], outlet?: string | null, content: string, date?: string | null, dateFrom?: 'article' | 'sentence' | null } }} props
 */
export function CorpusQuote({ quote: q }) {
  const chain = [...q.via, ...(q.outlet && !q.via.includes(q.outlet) ? [q.outlet] : [])];
  return html`<span class="corpus-quote"
    ><strong>${q.speaker}</strong>${chain.length ? html`<span class="muted"> via ${chain.join(' → ')}</span>` : null}${q.date
      ? html`<${QuoteDate} date=${q.date} from=${q.dateFrom ?? null} />`
      : null}: <q>${firstWords(q.content, QUOTE_PANEL_CHARS)}</q>${' '}<a class="muted" href=${hrefOf({ name: 'article', id: q.articleId })}
      >(${q.articleTitle?.trim() || 'article'})</a
    ></span
  >`;
}

/**
 * A quote's date, saying whether its own sentence gave it or it is the article's date.
 * @param {{ date: string, from: 'article' | 'sentence' | null }} props
 */
export function QuoteDate({ date, from }) {
  const shown = formatDate(date, false);
  return html`<time
    class=${`quote-date quote-date-${from ?? 'unknown'}`}
    datetime=${date}
    title=${from === 'sentence' ? 'The day the sentence of the quote names' : 'No day named where it is quoted: the day the article was published'}
    >${from === 'sentence' ? ` · said on ${shown}` : ` · ${shown} (the article's date)`}</time
  >`;
}
