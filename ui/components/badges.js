// @ts-check
// Small badges: quality flags, the share cleaning removed, a quote's kind.

import { html } from '../html.js';

/** The least share of an article's own text removed that earns a badge in the list. */
const REMOVED_BADGE_SHARE = 0.05;

/**
 * Quality flags, and the share of the article's own text that cleaning removed when it is
 * large enough to notice (page furniture around an HTML article is not counted: every page
 * has it), as small badges; nothing when there are none.
 * @param {{ flags: string[], removedShare: number | null }} props
 */
export function BadgeRow({ flags, removedShare }) {
  const removed = removedShare !== null && removedShare >= REMOVED_BADGE_SHARE;
  if (!flags.length && !removed) return null;
  const percent = Math.round((removedShare ?? 0) * 100);
  return html`<span class="badges"
    >${flags.map((flag) => html`<${Badge} text=${flag} kind="badge-flag" title="Quality flag" />`)}${removed
      ? html`<${Badge} text=${`removed ${percent}%`} kind="badge-removed" title=${`Cleaning removed ${percent}% of the article's text (repeated blocks, comments, footers)`} />`
      : null}</span
  >`;
}

/**
 * One badge: its text, its kind (a class), and what it means on hover.
 * @param {{ text: string, kind: string, title?: string }} props
 */
export function Badge({ text, kind, title }) {
  return html`<span class=${`badge ${kind}`} title=${title}>${text}</span>`;
}
