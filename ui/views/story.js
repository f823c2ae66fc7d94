// @ts-check
// The story page: `#/story/<id>`.

import { corpusArticleItem, listSection } from '../components/corpus-items.js';
import { el, link } from '../components/dom.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate, plural } from '../format.js';
import { hrefOf } from '../router.js';

/**
 * The story page in the main pane (pane.js).
 * @param {string} id a story's id or a unique prefix of one
 * @returns {import('../pane.js').PaneView}
 */
export function storyPane(id) {
  return {
    path: `/api/stories/${encodeURIComponent(id)}`,
    loading: 'Loading the story…',
    failed: () => 'Could not load the story.',
    render: (data) => ({ view: storyView(data), title: data.title ?? 'Untitled story' }),
  };
}

/**
 * A story's page: dates, outlets, names, its articles with copies folded, statements reported
 * by several articles, related stories.
 * @param {any} s
 */
function storyView(s) {
  const view = el('article', 'doc corpus-story');
  const header = el('header', 'doc-header');
  header.append(el('p', 'doc-outlet', 'Story'));
  const title = el('h1', 'doc-title', s.title ?? 'Untitled story');
  title.id = 'doc-title';
  title.tabIndex = -1;
  header.append(title);
  const dates = s.first ? `${formatDate(s.first, false)}${s.last && s.last !== s.first ? ` – ${formatDate(s.last, false)}` : ''} · ` : '';
  header.append(el('p', 'doc-byline', `${dates}${plural(s.articles, 'article', 'articles')}, ${plural(s.reports, 'report', 'reports')} with copies folded`));
  if (s.outlets.length) header.append(el('p', 'muted', s.outlets.join(' · ')));
  view.append(header);
  if (s.entities.length) view.append(listSection('Names', s.entities.map((/** @type {any} */ e) => link(hrefOf({ name: 'entity', id: e.id }), `${e.name} (${e.articles})`)), 'corpus-cooccurring'));
  view.append(listSection(`Articles (${s.articleList.length} of ${s.articleTotal})`, s.articleList.map(corpusArticleItem), 'corpus-articles'));
  if (s.statements.length) {
    view.append(
      listSection(
        'Statements reported by several articles',
        s.statements.map((/** @type {any} */ st) => {
          const row = el('span', 'corpus-statement');
          row.append(el('q', '', firstWords(st.content, QUOTE_PANEL_CHARS)), el('span', 'muted', ` — ${plural(st.reports, 'report', 'reports')}: `));
          st.items.forEach((/** @type {any} */ r, /** @type {number} */ i) => row.append(i ? '; ' : '', link(hrefOf({ name: 'article', id: r.articleId }), `${r.outlet ?? r.articleTitle ?? r.articleId.slice(0, 8)} (${r.speaker})`)));
          return row;
        }),
        'corpus-statements',
      ),
    );
  }
  if (s.related.length) view.append(listSection('Related stories', s.related.map((/** @type {any} */ r) => link(hrefOf({ name: 'story', id: r.id }), `${r.title ?? r.id} (${plural(r.articles, 'article', 'articles')})`)), 'corpus-related'));
  return view;
}
