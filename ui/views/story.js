// @ts-check
// The story page: `#/story/<id>`.

import { useRef } from 'preact/hooks';
import { CorpusArticle, ListSection } from '../components/corpus-items.js';
import { DocPage } from '../components/doc-page.js';
import { QUOTE_PANEL_CHARS, firstWords, formatDate, plural } from '../format.js';
import { html } from '../html.js';
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
    render: (data) => ({ view: html`<${StoryView} s=${data} />`, title: data.title ?? 'Untitled story' }),
  };
}

/**
 * The form that picks the day from which the page shows what changed; its own address keeps it.
 * @param {{ s: any }} props
 */
function SinceForm({ s }) {
  const input = useRef(/** @type {HTMLInputElement | null} */ (null));
  /** @param {SubmitEvent} event */
  const onSubmit = (event) => {
    event.preventDefault();
    const day = input.current?.value;
    location.hash = hrefOf({ name: 'story', id: s.id, ...(day ? { since: day } : {}) });
  };
  return html`<form class="story-since" onSubmit=${onSubmit}
    ><label for="story-since">What changed since </label><input type="date" id="story-since" ref=${input} value=${s.since?.day ?? ''} />${' '}<button type="submit">Show</button
    >${s.since ? html` · <a href=${hrefOf({ name: 'story', id: s.id })}>Whole story</a>` : null}</form
  >`;
}

/**
 * One event of the timeline: its days, its line (linked to its page when several reports tell it, else to its report in its article).
 * @param {{ e: any }} props
 */
function TimelineItem({ e }) {
  const days = e.first ? `${e.first === e.last ? formatDate(e.first, false) : `${formatDate(e.first, false)} – ${formatDate(e.last, false)}`}` : 'Undated';
  const href = e.reports > 1 ? hrefOf({ name: 'event', id: e.id }) : hrefOf({ name: 'article', id: e.shown.articleId, event: e.shown.index });
  return html`<span class="story-event"
    ><span class="story-event-days" title=${e.first && !e.stated ? "No report states a date: the article's date" : undefined}>${days}</span>${' '}<a href=${href}>${e.summary}</a
    >${e.reports > 1 ? html`<span class="muted"> · ${plural(e.reports, 'report', 'reports')}</span>` : null}</span
  >`;
}

/**
 * A statement several articles report: its words, and each report linked to its article.
 * @param {{ st: any }} props
 */
function Statement({ st }) {
  return html`<span class="corpus-statement"
    ><q>${firstWords(st.content, QUOTE_PANEL_CHARS)}</q><span class="muted"> — ${plural(st.reports, 'report', 'reports')}: </span>${st.items.map(
      (/** @type {any} */ r, /** @type {number} */ i) =>
        html`${i ? '; ' : ''}<a href=${hrefOf({ name: 'article', id: r.articleId })}>${r.outlet ?? r.articleTitle ?? r.articleId.slice(0, 8)} (${r.speaker})</a>`,
    )}</span
  >`;
}

/**
 * A story's page: dates, outlets, names, its articles with copies folded, statements reported
 * by several articles, related stories.
 * @param {{ s: any }} props
 */
function StoryView({ s }) {
  const dates = s.first ? `${formatDate(s.first, false)}${s.last && s.last !== s.first ? ` – ${formatDate(s.last, false)}` : ''} · ` : '';
  const more = s.eventTotal > s.events.length ? `, the ${s.events.length} most reported of ${s.eventTotal}` : '';
  const header = html`
    ${s.outlets.length ? html`<p class="muted">${s.outlets.join(' · ')}</p>` : null}
    <p class="story-timeline-link"><a href=${hrefOf({ name: 'timeline', story: s.id })}>Timeline of this story</a></p>
    <${SinceForm} s=${s} />
    ${s.since
      ? html`<p class="notice">
          Since ${formatDate(s.since.day, false)}: ${plural(s.since.articles, 'article', 'articles')} published, ${plural(s.since.events, 'event', 'events')} on that day or after.
        </p>`
      : null}
  `;
  return html`
    <${DocPage}
      className="corpus-story"
      kicker="Story"
      title=${s.title ?? 'Untitled story'}
      byline=${`${dates}${plural(s.articles, 'article', 'articles')}, ${plural(s.reports, 'report', 'reports')} with copies folded`}
      header=${header}
    >
      ${s.events.length
        ? html`<${ListSection}
            title=${`Timeline (${plural(s.events.length, 'event', 'events')}${more})`}
            items=${s.events.map((/** @type {any} */ e) => html`<${TimelineItem} e=${e} />`)}
            className="story-timeline"
          />`
        : null}
      ${s.entities.length
        ? html`<${ListSection}
            title="Names"
            items=${s.entities.map((/** @type {any} */ e) => html`<a href=${hrefOf({ name: 'entity', id: e.id })}>${e.name} (${e.articles})</a>`)}
            className="corpus-cooccurring"
          />`
        : null}
      <${ListSection}
        title=${`Articles (${s.articleList.length} of ${s.articleTotal})`}
        items=${s.articleList.map((/** @type {any} */ a) => html`<${CorpusArticle} article=${a} />`)}
        className="corpus-articles"
      />
      ${s.statements.length
        ? html`<${ListSection} title="Statements reported by several articles" items=${s.statements.map((/** @type {any} */ st) => html`<${Statement} st=${st} />`)} className="corpus-statements" />`
        : null}
      ${s.related.length
        ? html`<${ListSection}
            title="Related stories"
            items=${s.related.map((/** @type {any} */ r) => html`<a href=${hrefOf({ name: 'story', id: r.id })}>${r.title ?? r.id} (${plural(r.articles, 'article', 'articles')})</a>`)}
            className="corpus-related"
          />`
        : null}
    <//>
  `;
}
