// @ts-check
// The story page: `#/story/<id>`.

import { corpusArticleItem, listSection } from '../components/corpus-items.js';
import { docPage, el, link } from '../components/dom.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate, plural } from '../format.js';
import { hrefOf } from '../router.js';

/**
 * The story page in the main pane (pane.js).
 * @param {string} id a story's id or a unique prefix of one
 * @param {string} [since] a day: show what changed on it or after
 * @returns {import('../pane.js').PaneView}
 */
export function storyPane(id, since) {
  return {
    path: `/api/stories/${encodeURIComponent(id)}${since ? `?since=${encodeURIComponent(since)}` : ''}`,
    loading: 'Loading the story…',
    failed: () => 'Could not load the story.',
    render: (data) => ({ view: storyView(data), title: data.title ?? 'Untitled story' }),
  };
}

/**
 * The form that picks the day from which the page shows what changed; its own address keeps it.
 * @param {any} s
 */
function sinceForm(s) {
  const form = el('form', 'story-since');
  const label = el('label', '', 'What changed since ');
  const input = /** @type {HTMLInputElement} */ (el('input'));
  input.type = 'date';
  input.id = 'story-since';
  input.value = s.since?.day ?? '';
  label.htmlFor = input.id;
  const button = el('button', '', 'Show');
  button.type = 'submit';
  form.append(label, input, ' ', button);
  if (s.since) form.append(' · ', link(hrefOf({ name: 'story', id: s.id }), 'Whole story'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = hrefOf({ name: 'story', id: s.id, ...(input.value ? { since: input.value } : {}) });
  });
  return form;
}

/**
 * One event of the timeline: its days, its line (linked to its page when several reports tell it, else to its report in its article).
 * @param {any} e
 */
function timelineItem(e) {
  const row = el('span', 'story-event');
  const days = e.first ? `${e.first === e.last ? formatDate(e.first, false) : `${formatDate(e.first, false)} – ${formatDate(e.last, false)}`}` : 'Undated';
  const when = el('span', 'story-event-days', days);
  if (e.first && !e.stated) when.title = "No report states a date: the article's date";
  row.append(when, ' ');
  row.append(e.reports > 1 ? link(hrefOf({ name: 'event', id: e.id }), e.summary) : link(hrefOf({ name: 'article', id: e.shown.articleId, event: e.shown.index }), e.summary));
  if (e.reports > 1) row.append(el('span', 'muted', ` · ${plural(e.reports, 'report', 'reports')}`));
  return row;
}

/**
 * A story's page: dates, outlets, names, its articles with copies folded, statements reported
 * by several articles, related stories.
 * @param {any} s
 */
function storyView(s) {
  const dates = s.first ? `${formatDate(s.first, false)}${s.last && s.last !== s.first ? ` – ${formatDate(s.last, false)}` : ''} · ` : '';
  const { view, header } = docPage('corpus-story', {
    kicker: 'Story',
    title: s.title ?? 'Untitled story',
    byline: `${dates}${plural(s.articles, 'article', 'articles')}, ${plural(s.reports, 'report', 'reports')} with copies folded`,
  });
  if (s.outlets.length) header.append(el('p', 'muted', s.outlets.join(' · ')));
  const timeline = el('p', 'story-timeline-link');
  timeline.append(link(hrefOf({ name: 'timeline', story: s.id }), 'Timeline of this story'));
  header.append(timeline);
  header.append(sinceForm(s));
  if (s.since) header.append(el('p', 'notice', `Since ${formatDate(s.since.day, false)}: ${plural(s.since.articles, 'article', 'articles')} published, ${plural(s.since.events, 'event', 'events')} on that day or after.`));
  if (s.events.length) {
    const more = s.eventTotal > s.events.length ? `, the ${s.events.length} most reported of ${s.eventTotal}` : '';
    view.append(listSection(`Timeline (${plural(s.events.length, 'event', 'events')}${more})`, s.events.map(timelineItem), 'story-timeline'));
  }
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
