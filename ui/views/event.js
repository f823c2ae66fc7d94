// @ts-check
// The page of one real-world event: `#/event/<id>`, every report of it across the articles.

import { listSection } from '../components/corpus-items.js';
import { docPage, el, link } from '../components/dom.js';
import { firstWords, formatDate, plural } from '../format.js';
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
    render: (/** @type {CorpusEventDetail} */ data) => ({ view: eventView(data), title: `${data.type}: ${data.summary}` }),
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
 * @param {EventRow} r
 */
function reportItem(r) {
  const row = el('span', 'corpus-event-report');
  if (r.outlet) row.append(el('span', 'corpus-outlet', `${r.outlet} · `));
  row.append(link(hrefOf({ name: 'article', id: r.articleId, event: r.index }), firstWords(r.articleTitle?.trim() || r.articleId.slice(0, 8), 80)));
  row.append(el('span', 'event-summary', r.summary), el('q', 'event-sentence', r.sentence));
  return row;
}

/**
 * A corpus event: the line of its fullest report, its days, where its reports disagree, each
 * report with its sentence, and why the reports were joined.
 * @param {CorpusEventDetail} e
 */
function eventView(e) {
  const { view, header } = docPage('corpus-event', {
    kicker: `Event · ${e.type}`,
    title: e.summary,
    byline: `${daysWords(e)} · ${plural(e.reports, 'report', 'reports')} in ${plural(e.articles, 'article', 'articles')}`,
  });
  if (e.outlets.length) header.append(el('p', 'muted', e.outlets.join(' · ')));
  if (e.disagreements.length) {
    view.append(
      listSection(
        'Where the reports disagree',
        e.disagreements.map((d) => el('span', '', `${d.field === 'date' ? 'Date' : 'Place'}: ${d.values.map((v) => `${v.value} (${plural(v.reports, 'report', 'reports')})`).join(', ')}`)),
        'corpus-event-disagreements',
      ),
    );
  }
  view.append(listSection(`Reports (${e.reportList.length} of ${e.reportTotal})`, e.reportList.map(reportItem), 'corpus-event-reports'));
  if (e.links.length) {
    const name = (/** @type {{ articleId: string, index: number }} */ r) => {
      const report = e.reportList.find((x) => x.articleId === r.articleId && x.index === r.index);
      return report?.outlet ?? r.articleId.slice(0, 8);
    };
    view.append(listSection('Why these reports are one event', e.links.map((l) => el('span', '', `${name(l.a)} ~ ${name(l.b)}: ${l.evidence}`)), 'corpus-event-links'));
  }
  return view;
}
