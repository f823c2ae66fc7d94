// @ts-check
// A histogram of counts over days as SVG bars, drawn by Preact like any other markup (no
// charting library: a few dozen rectangles need none). Each bar is a link, with its period and count as its title.

import { html } from '../html.js';

/** Up to this many days apart, a bar is a day; further apart, a month. */
const MAX_DAY_BARS = 120;
const HEIGHT = 120;
const AXIS = 18;

/**
 * Counts by day binned into bars: one a day when the days span at most MAX_DAY_BARS, else one a
 * month; empty periods in between get an empty bar, so the axis is even.
 * @param {{ day: string, articles: number }[]} days YYYY-MM-DD, oldest first
 * @returns {{ unit: 'day' | 'month', bins: { from: string, to: string, count: number }[] }}
 */
export function binDays(days) {
  const valid = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day) && !Number.isNaN(Date.parse(d.day)));
  if (!valid.length) return { unit: 'day', bins: [] };
  const first = Date.parse(valid[0].day);
  const last = Date.parse(valid[valid.length - 1].day);
  const DAY = 86_400_000;
  if ((last - first) / DAY < MAX_DAY_BARS) {
    const counts = new Map(valid.map((d) => [d.day, d.articles]));
    const bins = [];
    for (let t = first; t <= last; t += DAY) {
      const day = new Date(t).toISOString().slice(0, 10);
      bins.push({ from: day, to: day, count: counts.get(day) ?? 0 });
    }
    return { unit: 'day', bins };
  }
  /** @type {Map<string, number>} */
  const months = new Map();
  for (const d of valid) months.set(d.day.slice(0, 7), (months.get(d.day.slice(0, 7)) ?? 0) + d.articles);
  const bins = [];
  const end = valid[valid.length - 1].day.slice(0, 7);
  let [y, m] = valid[0].day.slice(0, 7).split('-').map(Number);
  // at most a thousand months: dates far apart (a misread year) do not make the page draw forever
  for (let n = 0; n < 1000; n++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    bins.push({ from: `${month}-01`, to: lastDay, count: months.get(month) ?? 0 });
    if (month >= end) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return { unit: 'month', bins };
}

/**
 * The histogram: bars scaled to the largest count, each a link to `hrefOf(bin)`, with the first
 * and last period written under the axis.
 * @typedef {{ from: string, to: string, count: number }} Bin
 * @param {{ bins: Bin[], hrefOf: (bin: Bin) => string, label: (bin: Bin) => string, tick: (bin: Bin) => string }} props
 *   label: what a bar's title says; tick: what the axis says under the first and last bar
 */
export function Histogram({ bins, hrefOf, label, tick }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const width = 640;
  const step = width / Math.max(1, bins.length);
  const gap = step > 6 ? Math.min(4, step * 0.2) : 0;
  // a group of links, not an image: an image's content is hidden from assistive technology, and its links with it
  return html`
    <div class="histogram">
      <svg class="histogram-svg" viewBox=${`0 0 ${width} ${HEIGHT + AXIS}`} preserveAspectRatio="none" role="group" aria-label=${`${bins.length} bars, the highest ${max}`}>
        <line class="histogram-axis" x1="0" x2=${width} y1=${HEIGHT + 0.5} y2=${HEIGHT + 0.5} />
        ${bins.map((bin, i) => {
          if (!bin.count) return null;
          const h = Math.max(2, (bin.count / max) * (HEIGHT - 4));
          return html`
            <a href=${hrefOf(bin)} class="histogram-bar">
              <title>${label(bin)}</title>
              <rect x=${i * step + gap / 2} y=${HEIGHT - h} width=${Math.max(1, step - gap)} height=${h} data-from=${bin.from} data-count=${bin.count} />
            </a>
          `;
        })}
      </svg>
      ${bins.length
        ? html`<p class="histogram-ticks"><span>${tick(bins[0])}</span><span class="muted">highest bar ${max.toLocaleString()}</span><span>${tick(bins[bins.length - 1])}</span></p>`
        : null}
    </div>
  `;
}
