// @ts-check
// The page of one real-world event: `#/event/<id>`, every report of it across the articles.

import { ListSection } from '../components/corpus-items.js';
import { DocPage } from '../components/doc-page.js';
import { firstWords, formatDate, plural } from '../format.js';
import { html } from '../html.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {import('../types.js').EventRow} EventRow
 * @typedef {import('../types.js').CorpusEventDetail} CorpusEventDetail
 */

/** Reports on one page. */
const REPORTS_PAGE = 50;

/**
 * A corpus event's page in the main pane (pane.js).
 * @param {string} id a corpus event's id
 * @returns {import('../pane.js').PaneView}
 */
export function eventPane(id) {
  return {
    path: `/api/corpus-events/${encodeURIComponent(id)}?limit=${REPORTS_PAGE}`,
    loading: 'Loading the event…',
    failed: () => 'Could not load the event.',
    render: (/** @type {CorpusEventDetail} */ data) => ({ view: html`<${EventView} e=${data} />`, title: `${data.type}: ${data.summary}` }),
  };
}

/**
 * Its days in words: as its reports state them, or its articles' dates.
 * @param {CorpusEventDetail} e
 */
function daysWords(e) {
  if (!e.first) return 'No report dates it';
  const days = e.first === e.last ? formatDate(e.first, false) : `${formatDate(e.first, false)} – ${formatDate(/** @type {string} */ (e.last), false)}`;
  return e.stated ? days : `${days} (the articles' dates: no report states a date)`;
}

/**
 * One report: outlet, the article it is in (opening it with the event chosen), its line and its sentence.
 * @param {{ r: EventRow }} props
 */
function Report({ r }) {
  return html`<span class="corpus-event-report"
    >${r.outlet ? html`<span class="corpus-outlet">${r.outlet} · </span>` : null}<a href=${hrefOf({ name: 'article', id: r.articleId, event: r.index })}
      >${firstWords(r.articleTitle?.trim() || r.articleId.slice(0, 8), 80)}</a
    ><span class="event-summary">${r.summary}</span><q class="event-sentence">${r.sentence}</q></span
  >`;
}

/**
 * A corpus event: the line of its fullest report, its days, where its reports disagree, each
 * report with its sentence, and why the reports were joined.
 * @param {{ e: CorpusEventDetail }} props
 */
function EventView({ e }) {
  const name = (/** @type {{ articleId: string, index: number }} */ r) => {
    const report = e.reportList.find((x) => x.articleId === r.articleId && x.index === r.index);
    return report?.outlet ?? r.articleId.slice(0, 8);
  };
  return html`
    <${DocPage}
      className="corpus-event"
      kicker=${`Event · ${e.type}`}
      title=${e.summary}
      byline=${`${daysWords(e)} · ${plural(e.reports, 'report', 'reports')} in ${plural(e.articles, 'article', 'articles')}`}
      header=${e.outlets.length ? html`<p class="muted">${e.outlets.join(' · ')}</p>` : null}
    >
      ${e.disagreements.length
        ? html`<${ListSection}
            title="Where the reports disagree"
            items=${e.disagreements.map(
              (d) => html`<span>${d.field === 'date' ? 'Date' : 'Place'}: ${d.values.map((v) => `${v.value} (${plural(v.reports, 'report', 'reports')})`).join(', ')}</span>`,
            )}
            className="corpus-event-disagreements"
          />`
        : null}
      <${ListSection} title=${`Reports (${e.reportList.length} of ${e.reportTotal})`} items=${e.reportList.map((r) => html`<${Report} r=${r} />`)} className="corpus-event-reports" />
      ${e.links.length
        ? html`<${ListSection}
            title="Why these reports are one event"
            items=${e.links.map((l) => html`<span>${name(l.a)} ~ ${name(l.b)}: ${l.evidence}</span>`)}
            className="corpus-event-links"
          />`
        : null}
    <//>
  `;
}
