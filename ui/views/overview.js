// @ts-check
// The overview, the landing view of the main pane (`#/`, and while the sidebar lists or
// searches): the corpus at a glance. Its stories with their dates and sizes, the most present
// people, organisations and places, articles and events over time, languages, outlets, and what failed
// to ingest; each story, name and bar links to its page or list.

import { ListSection } from '../components/corpus-items.js';
import { Histogram, binDays } from '../components/histogram.js';
import { html } from '../html.js';
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
    render: (/** @type {Overview} */ data) => ({ view: html`<${OverviewView} o=${data} />`, title: 'Overview' }),
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

/**
 * A bar's period: its day, or its month.
 * @param {'day' | 'month'} unit
 */
const periodOf = (unit) => (/** @type {{ from: string }} */ b) =>
  unit === 'day' ? formatDate(b.from, false) : new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(b.from));

/** @param {{ o: Overview }} props */
function OverviewView({ o }) {
  const f = o.facets;
  const copies = f.articles - f.reports;
  const byline = [
    plural(f.articles, 'article', 'articles') + (copies ? ` (${plural(f.reports, 'report', 'reports')} with ${plural(copies, 'copy', 'copies')} folded)` : ''),
    plural(o.stories.total, 'story', 'stories'),
    plural(f.outletTotal, 'outlet', 'outlets'),
    plural(f.languageTotal, 'language', 'languages'),
  ].join(' · ');
  return html`
    <article class="doc overview" aria-labelledby="overview-title">
      <header class="doc-header">
        <p class="doc-outlet">Overview</p>
        <h1 class="doc-title" id="overview-title" tabindex="-1">The corpus at a glance</h1>
        <p class="doc-byline">${byline}</p>
      </header>
      ${f.articles ? html`<${OverviewBody} o=${o} />` : html`
        <p class="notice">No articles yet. <a href=${hrefOf({ name: 'add' })}>Add some</a> from this page, or with ${'“dossier ingest <files>”'}.</p>
        ${o.failures.total ? html`<${Failures} o=${o} />` : null}
      `}
    </article>
  `;
}

/** @param {{ o: Overview }} props */
function OverviewBody({ o }) {
  const f = o.facets;
  return html`
    <${TimeSection} f=${f} />
    <${EventsSection} e=${o.events} published=${f.days} />
    <${Stories} o=${o} />
    ${o.reported.events.length ? html`<${Reported} r=${o.reported} />` : null}
    <div class="overview-columns">
      <${EntityColumn} title="People" entities=${o.entities.PER} className="overview-people" />
      <${EntityColumn} title="Organisations" entities=${o.entities.ORG} className="overview-orgs" />
      <${EntityColumn} title="Places" entities=${o.entities.LOC} className="overview-places" />
    </div>
    <div class="overview-columns">
      <${CountColumn}
        title=${`Languages (${f.languageTotal})`}
        rows=${f.languages.map((l) => ({ label: l.language ? `${languageName(l.language)} · ${l.language}` : 'Unknown language', count: l.articles }))}
        className="overview-languages"
      />
      <${CountColumn}
        title=${`Outlets (${f.outletTotal})`}
        rows=${f.outlets.map((x) => ({ label: x.outlet, count: x.articles }))}
        className="overview-outlets"
        more=${f.outletTotal > f.outlets.length ? `and ${plural(f.outletTotal - f.outlets.length, 'more outlet', 'more outlets')}` : ''}
      />
    </div>
    <${Failures} o=${o} />
  `;
}

/**
 * The real-world events most reports tell, each linked to its page, and a link to all of them.
 * @param {{ r: Overview['reported'] }} props
 */
function Reported({ r }) {
  const title = r.total > r.events.length ? `Most reported events (${r.events.length} of ${r.total})` : `Most reported events (${r.total})`;
  const items = r.events.map(
    (e) => html`<span class="overview-event"
      ><span class="muted">${dayRange(e.first, e.last)} · </span><a href=${hrefOf({ name: 'event', id: e.id })}>${e.summary}</a
      ><span class="muted"> · ${plural(e.reports, 'report', 'reports')}${e.outlets.length ? ` from ${e.outlets.join(', ')}` : ''}</span></span
    >`,
  );
  return html`
    <${ListSection} title=${title} items=${items} className="overview-reported">
      <a href=${hrefOf({ name: 'events', page: 1, fold: '1', min: '2' })}>All events several reports tell</a>
    <//>
  `;
}

/**
 * Articles by publication day as a histogram; a bar lists that day's (or month's) articles.
 * @param {{ f: Overview['facets'] }} props
 */
function TimeSection({ f }) {
  const { unit, bins } = binDays(f.days);
  if (!bins.length) {
    return html`<section class="overview-time"><h2 class="section-title">Articles over time</h2><p class="muted">No article gives a publication date.</p></section>`;
  }
  const period = periodOf(unit);
  const note = `By ${unit === 'day' ? 'day' : 'month'} of publication, copies included; choose a bar to list its articles.${f.undated ? ` ${plural(f.undated, 'article gives', 'articles give')} no date.` : ''}`;
  return html`
    <section class="overview-time">
      <h2 class="section-title">Articles over time</h2>
      <${Histogram}
        bins=${bins}
        hrefOf=${(/** @type {{ from: string, to: string }} */ b) => hrefOf({ name: 'list', page: 1, from: b.from, to: b.to })}
        label=${(/** @type {{ from: string, count: number }} */ b) => `${period(b)}: ${plural(b.count, 'article', 'articles')}`}
        tick=${period}
      />
      <p class="muted overview-note">${note}</p>
    </section>
  `;
}

/**
 * Events by the day they are dated to as a histogram over the months the articles were
 * published in (a bar opens the events table on that day or month; events dated before or
 * after, the background a story recalls, are counted under it), and how many of each type
 * (each opens the table for that type).
 * @param {{ e: Overview['events'], published: Overview['facets']['days'] }} props published: the articles' publication days, oldest first
 */
function EventsSection({ e, published }) {
  if (!e.events) {
    return html`<section class="overview-events"><h2 class="section-title">Events over time (${e.events})</h2><p class="muted">No events yet: they are coded in English articles as they are ingested.</p></section>`;
  }
  const first = published.length ? `${published[0].day.slice(0, 7)}-01` : '';
  const last = published.at(-1)?.day ?? '';
  const inside = e.days.filter((d) => !first || (d.day >= first && d.day <= last));
  const outside = e.days.reduce((n, d) => n + d.events, 0) - inside.reduce((n, d) => n + d.events, 0);
  const { unit, bins } = binDays(inside.map((d) => ({ day: d.day, articles: d.events })));
  const period = periodOf(unit);
  return html`
    <section class="overview-events">
      <h2 class="section-title">Events over time (${e.events})</h2>
      ${bins.length
        ? html`<${Histogram}
            bins=${bins}
            hrefOf=${(/** @type {{ from: string, to: string }} */ b) => hrefOf({ name: 'events', page: 1, from: b.from, to: b.to })}
            label=${(/** @type {{ from: string, count: number }} */ b) => `${period(b)}: ${plural(b.count, 'event', 'events')}`}
            tick=${period}
          />`
        : null}
      <p class="overview-event-types">
        ${e.types.map((t, i) => html`${i ? ' · ' : ''}<a href=${hrefOf({ name: 'events', page: 1, type: t.type })}>${t.type} ${t.events}</a>`)}
      </p>
      <p class="muted overview-note">
        By the day each is dated to (a date its sentence names, else its article's), over the months the articles were published in; choose a bar or a type to list them.${outside
          ? html` <a href=${hrefOf({ name: 'events', page: 1, to: first })}>${plural(outside, 'event is', 'events are')}</a> dated before or after them.`
          : null}${e.undated ? ` ${plural(e.undated, 'event is', 'events are')} dated to a week, a month or more, or not at all.` : null}
      </p>
    </section>
  `;
}

/** @param {{ o: Overview }} props */
function Stories({ o }) {
  const { total, stories } = o.stories;
  const title = total > stories.length ? `Stories (latest ${stories.length} of ${total})` : `Stories (${total})`;
  if (!stories.length) {
    return html`<section class="overview-stories"><h2 class="section-title">${title}</h2><p class="muted">No stories yet: they are found when articles are connected.</p></section>`;
  }
  const items = stories.map((s) => {
    const copies = s.articles - s.reports;
    return html`<span class="overview-story"
      ><a class="overview-story-link" href=${hrefOf({ name: 'story', id: s.id })}>${s.title?.trim() || s.id}</a
      ><span class="muted"> · ${dayRange(s.first, s.last)} · ${plural(s.reports, 'report', 'reports')}${copies ? ` and ${plural(copies, 'copy', 'copies')}` : ''}</span
      >${s.entities.length ? html`<span class="overview-story-names">${s.entities.slice(0, 4).map((e) => e.name).join(', ')}</span>` : null}</span
    >`;
  });
  return html`<${ListSection} title=${title} items=${items} className="overview-stories" />`;
}

/**
 * A corpus entity type's leading entities, each linking to its page, with how many articles name it.
 * @param {{ title: string, entities: EntitySummary[], className: string }} props
 */
function EntityColumn({ title, entities, className }) {
  const rows = entities.map((e) => ({
    label: html`<a class="entity-page-link" href=${hrefOf({ name: 'entity', id: e.id })}>${e.name}</a>`,
    count: e.articles,
    title: `named in ${plural(e.articles, 'article', 'articles')}`,
  }));
  return html`<${CountColumn} title=${title} rows=${rows} className=${className} note="most mentioned first; articles naming them" empty="None found." />`;
}

/**
 * A column of names or links with an article count each.
 * @param {{ title: string, rows: { label: any, count: number, title?: string }[], className: string, note?: string, empty?: string, more?: string }} props
 */
function CountColumn({ title, rows, className, note = 'articles, most first', empty = 'None given.', more = '' }) {
  return html`
    <section class=${`overview-column ${className}`}>
      <h2 class="section-title">${title}</h2>
      <p class="overview-column-note">${note}</p>
      ${rows.length
        ? html`<ol class="overview-counts">
            ${rows.map(
              (r) => html`<li>${typeof r.label === 'string' ? html`<span>${r.label}</span>` : r.label}<span class="overview-count" title=${r.title ?? plural(r.count, 'article', 'articles')}>${r.count.toLocaleString()}</span></li>`,
            )}
          </ol>`
        : html`<p class="muted">${empty}</p>`}
      ${rows.length && more ? html`<p class="muted">${more}</p>` : null}
    </section>
  `;
}

/** @param {{ o: Overview }} props */
function Failures({ o }) {
  const { total, failures } = o.failures;
  return html`
    <section class="overview-failures">
      <h2 class="section-title">${total > failures.length ? `Failed to ingest (latest ${failures.length} of ${total})` : `Failed to ingest (${total})`}</h2>
      ${total
        ? html`
            <ul class="overview-failure-list">
              ${failures.map((x) => html`<li><code class="failure-source">${x.source}</code><span class="badge badge-flag">${x.code}</span><span class="failure-reason">${x.reason}</span></li>`)}
            </ul>
            <p class="muted">Each is kept until the same input is ingested; “dossier ls --failures” lists them all.</p>
          `
        : html`<p class="muted">Nothing failed to ingest.</p>`}
    </section>
  `;
}
