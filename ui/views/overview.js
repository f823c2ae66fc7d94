// @ts-check
// The overview, the landing view of the main pane (`#/`, and while the sidebar lists or
// searches): the corpus at a glance. Its stories with their dates and sizes, the most present
// people, organisations and places, articles and events over time, languages, outlets, and what failed
// to ingest; each story, name and bar links to its page or list.

import { listSection } from '../components/corpus-items.js';
import { el, link } from '../components/dom.js';
import { binDays, histogram } from '../components/histogram.js';
import { formatDate, languageName, plural } from '../format.js';
import { hrefOf } from '../router.js';

/**
 * @typedef {{ id: string, name: string, type: string, articles: number, mentions: number, aliases: number }} EntitySummary
 * @typedef {{ id: string, title: string | null, first: string | null, last: string | null, articles: number, reports: number, outlets: string[], entities: { id: string, name: string }[] }} StorySummary
 * @typedef {{
 *   facets: { articles: number, reports: number, undated: number, days: { day: string, articles: number }[],
 *     languages: { language: string | null, articles: number }[], languageTotal: number, outlets: { outlet: string, articles: number }[], outletTotal: number },
 *   stories: { total: number, stories: StorySummary[] },
 *   entities: { PER: EntitySummary[], ORG: EntitySummary[], LOC: EntitySummary[] },
 *   failures: { total: number, failures: { source: string, code: string, reason: string, failedAt: string }[] },
 *   events: { events: number, undated: number, days: { day: string, events: number }[], types: { type: string, events: number }[] },
 *   reported: { total: number, events: import('../types.js').CorpusEventSummary[] },
 * }} Overview
 */

/** How many of each list the overview asks for. */
const TOP = 10;

/**
 * The overview in the main pane (pane.js).
 * @returns {import('../pane.js').PaneView}
 */
export function overviewPane() {
  return {
    path: `/api/overview?top=${TOP}`,
    loading: 'Loading the overview…',
    failed: () => 'Could not load the overview.',
    render: (/** @type {Overview} */ data) => ({ view: overviewView(data), title: 'Overview' }),
  };
}

/**
 * A day range as the page writes it: one day, or first – last.
 * @param {string | null} first
 * @param {string | null} last
 */
function dayRange(first, last) {
  if (!first) return 'undated';
  return last && last.slice(0, 10) !== first.slice(0, 10) ? `${formatDate(first, false)} – ${formatDate(last, false)}` : formatDate(first, false);
}

/** @param {Overview} o */
function overviewView(o) {
  const f = o.facets;
  const view = el('article', 'doc overview');
  view.setAttribute('aria-labelledby', 'overview-title');
  const header = el('header', 'doc-header');
  header.append(el('p', 'doc-outlet', 'Overview'));
  const title = el('h1', 'doc-title', 'The corpus at a glance');
  title.id = 'overview-title';
  title.tabIndex = -1;
  header.append(title);
  const copies = f.articles - f.reports;
  header.append(
    el(
      'p',
      'doc-byline',
      [
        plural(f.articles, 'article', 'articles') + (copies ? ` (${plural(f.reports, 'report', 'reports')} with ${plural(copies, 'copy', 'copies')} folded)` : ''),
        plural(o.stories.total, 'story', 'stories'),
        plural(f.outletTotal, 'outlet', 'outlets'),
        plural(f.languageTotal, 'language', 'languages'),
      ].join(' · '),
    ),
  );
  view.append(header);
  if (!f.articles) {
    const none = el('p', 'notice', 'No articles yet. ');
    none.append(link(hrefOf({ name: 'add' }), 'Add some'), ' from this page, or with “dossier ingest <files>”.');
    view.append(none);
    if (o.failures.total) view.append(failuresSection(o));
    return view;
  }

  view.append(timeSection(f), eventsSection(o.events, f.days));
  view.append(storiesSection(o));
  if (o.reported.events.length) view.append(reportedSection(o.reported));
  const names = el('div', 'overview-columns');
  names.append(
    entityColumn('People', o.entities.PER, 'overview-people'),
    entityColumn('Organisations', o.entities.ORG, 'overview-orgs'),
    entityColumn('Places', o.entities.LOC, 'overview-places'),
  );
  view.append(names);
  const facets = el('div', 'overview-columns');
  facets.append(
    countColumn(`Languages (${f.languageTotal})`, f.languages.map((l) => ({ label: l.language ? `${languageName(l.language)} · ${l.language}` : 'Unknown language', count: l.articles })), 'overview-languages'),
    countColumn(`Outlets (${f.outletTotal})`, f.outlets.map((x) => ({ label: x.outlet, count: x.articles })), 'overview-outlets', { more: f.outletTotal > f.outlets.length ? `and ${plural(f.outletTotal - f.outlets.length, 'more outlet', 'more outlets')}` : '' }),
  );
  view.append(facets);
  view.append(failuresSection(o));
  return view;
}

/**
 * The real-world events most reports tell, each linked to its page, and a link to all of them.
 * @param {Overview['reported']} r
 */
function reportedSection(r) {
  const title = r.total > r.events.length ? `Most reported events (${r.events.length} of ${r.total})` : `Most reported events (${r.total})`;
  const section = listSection(
    title,
    r.events.map((e) => {
      const row = el('span', 'overview-event');
      row.append(el('span', 'muted', `${dayRange(e.first, e.last)} · `), link(hrefOf({ name: 'event', id: e.id }), e.summary), el('span', 'muted', ` · ${plural(e.reports, 'report', 'reports')}${e.outlets.length ? ` from ${e.outlets.join(', ')}` : ''}`));
      return row;
    }),
    'overview-reported',
  );
  section.append(link(hrefOf({ name: 'events', page: 1, fold: '1', min: '2' }), 'All events several reports tell'));
  return section;
}

/**
 * Articles by publication day as a histogram; a bar lists that day's (or month's) articles.
 * @param {Overview['facets']} f
 */
function timeSection(f) {
  const section = el('section', 'overview-time');
  section.append(el('h2', 'section-title', 'Articles over time'));
  const { unit, bins } = binDays(f.days);
  if (!bins.length) {
    section.append(el('p', 'muted', 'No article gives a publication date.'));
    return section;
  }
  const period = (/** @type {{ from: string, to: string }} */ b) =>
    unit === 'day' ? formatDate(b.from, false) : new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(b.from));
  section.append(
    histogram(
      bins,
      (b) => hrefOf({ name: 'list', page: 1, from: b.from, to: b.to }),
      (b) => `${period(b)}: ${plural(b.count, 'article', 'articles')}`,
      period,
    ),
  );
  const note = `By ${unit === 'day' ? 'day' : 'month'} of publication, copies included; choose a bar to list its articles.${f.undated ? ` ${plural(f.undated, 'article gives', 'articles give')} no date.` : ''}`;
  section.append(el('p', 'muted overview-note', note));
  return section;
}

/**
 * Events by the day they are dated to as a histogram over the months the articles were
 * published in (a bar opens the events table on that day or month; events dated before or
 * after, the background a story recalls, are counted under it), and how many of each type
 * (each opens the table for that type).
 * @param {Overview['events']} e
 * @param {Overview['facets']['days']} published the articles' publication days, oldest first
 */
function eventsSection(e, published) {
  const section = el('section', 'overview-events');
  section.append(el('h2', 'section-title', `Events over time (${e.events})`));
  if (!e.events) {
    section.append(el('p', 'muted', 'No events yet: they are coded in English articles as they are ingested.'));
    return section;
  }
  const first = published.length ? `${published[0].day.slice(0, 7)}-01` : '';
  const last = published.at(-1)?.day ?? '';
  const inside = e.days.filter((d) => !first || (d.day >= first && d.day <= last));
  const outside = e.days.reduce((n, d) => n + d.events, 0) - inside.reduce((n, d) => n + d.events, 0);
  const { unit, bins } = binDays(inside.map((d) => ({ day: d.day, articles: d.events })));
  const period = (/** @type {{ from: string, to: string }} */ b) =>
    unit === 'day' ? formatDate(b.from, false) : new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(b.from));
  if (bins.length) {
    section.append(
      histogram(
        bins,
        (b) => hrefOf({ name: 'events', page: 1, from: b.from, to: b.to }),
        (b) => `${period(b)}: ${plural(b.count, 'event', 'events')}`,
        period,
      ),
    );
  }
  const types = el('p', 'overview-event-types');
  e.types.forEach((t, i) => types.append(i ? ' · ' : '', link(hrefOf({ name: 'events', page: 1, type: t.type }), `${t.type} ${t.events}`)));
  section.append(types);
  const note = el('p', 'muted overview-note', "By the day each is dated to (a date its sentence names, else its article's), over the months the articles were published in; choose a bar or a type to list them.");
  if (outside) note.append(' ', link(hrefOf({ name: 'events', page: 1, to: first }), plural(outside, 'event is', 'events are')), ' dated before or after them.');
  if (e.undated) note.append(` ${plural(e.undated, 'event is', 'events are')} dated to a week, a month or more, or not at all.`);
  section.append(note);
  return section;
}

/** @param {Overview} o */
function storiesSection(o) {
  const { total, stories } = o.stories;
  const title = total > stories.length ? `Stories (latest ${stories.length} of ${total})` : `Stories (${total})`;
  if (!stories.length) {
    const section = el('section', 'overview-stories');
    section.append(el('h2', 'section-title', title), el('p', 'muted', 'No stories yet: they are found when articles are connected.'));
    return section;
  }
  return listSection(
    title,
    stories.map((s) => {
      const row = el('span', 'overview-story');
      row.append(link(hrefOf({ name: 'story', id: s.id }), s.title?.trim() || s.id, 'overview-story-link'));
      const copies = s.articles - s.reports;
      row.append(el('span', 'muted', ` · ${dayRange(s.first, s.last)} · ${plural(s.reports, 'report', 'reports')}${copies ? ` and ${plural(copies, 'copy', 'copies')}` : ''}`));
      if (s.entities.length) row.append(el('span', 'overview-story-names', s.entities.slice(0, 4).map((e) => e.name).join(', ')));
      return row;
    }),
    'overview-stories',
  );
}

/**
 * A corpus entity type's leading entities, each linking to its page, with how many articles name it.
 * @param {string} title
 * @param {EntitySummary[]} entities
 * @param {string} className
 */
function entityColumn(title, entities, className) {
  const rows = entities.map((e) => ({ label: link(hrefOf({ name: 'entity', id: e.id }), e.name, 'entity-page-link'), count: e.articles, title: `named in ${plural(e.articles, 'article', 'articles')}` }));
  return countColumn(title, rows, className, { note: 'most mentioned first; articles naming them', empty: 'None found.' });
}

/**
 * A column of names or links with an article count each.
 * @param {string} title
 * @param {{ label: Node | string, count: number, title?: string }[]} rows
 * @param {string} className
 * @param {{ note?: string, empty?: string, more?: string }} [options]
 */
function countColumn(title, rows, className, { note = 'articles, most first', empty = 'None given.', more = '' } = {}) {
  const section = el('section', `overview-column ${className}`);
  section.append(el('h2', 'section-title', title), el('p', 'overview-column-note', note));
  if (!rows.length) {
    section.append(el('p', 'muted', empty));
    return section;
  }
  const list = el('ol', 'overview-counts');
  for (const r of rows) {
    const item = el('li');
    const count = el('span', 'overview-count', r.count.toLocaleString());
    count.title = r.title ?? plural(r.count, 'article', 'articles');
    item.append(typeof r.label === 'string' ? el('span', '', r.label) : r.label, count);
    list.append(item);
  }
  section.append(list);
  if (more) section.append(el('p', 'muted', more));
  return section;
}

/** @param {Overview} o */
function failuresSection(o) {
  const { total, failures } = o.failures;
  const section = el('section', 'overview-failures');
  section.append(el('h2', 'section-title', total > failures.length ? `Failed to ingest (latest ${failures.length} of ${total})` : `Failed to ingest (${total})`));
  if (!total) {
    section.append(el('p', 'muted', 'Nothing failed to ingest.'));
    return section;
  }
  const list = el('ul', 'overview-failure-list');
  for (const x of failures) {
    const item = el('li');
    item.append(el('code', 'failure-source', x.source), el('span', 'badge badge-flag', x.code), el('span', 'failure-reason', x.reason));
    list.append(item);
  }
  section.append(list, el('p', 'muted', 'Each is kept until the same input is ingested; “dossier ls --failures” lists them all.'));
  return section;
}
