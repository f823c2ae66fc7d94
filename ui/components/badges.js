// @ts-check
// Small badges: quality flags, the share cleaning removed, a quote's kind.

import { el } from './dom.js';

/** The least share of an article's own text removed that earns a badge in the list. */
const REMOVED_BADGE_SHARE = 0.05;

/**
 * Quality flags, and the share of the article's own text that cleaning removed when it is
 * large enough to notice (page furniture around an HTML article is not counted: every page
 * has it), as small badges; null when there are none.
 * @param {string[]} flags
 * @param {number | null} removedShare
 */
export function badgeRow(flags, removedShare) {
  const removed = removedShare !== null && removedShare >= REMOVED_BADGE_SHARE;
  if (!flags.length && !removed) return null;
  const row = el('span', 'badges');
  for (const flag of flags) row.append(badge(flag, 'badge-flag', 'Quality flag'));
  if (removed) {
    const percent = Math.round(removedShare * 100);
    row.append(badge(`removed ${percent}%`, 'badge-removed', `Cleaning removed ${percent}% of the article's text (repeated blocks, comments, footers)`));
  }
  return row;
}

/**
 * @param {string} text
 * @param {string} kind
 * @param {string} [title]
 */
export function badge(text, kind, title) {
  const node = el('span', `badge ${kind}`, text);
  if (title) node.title = title;
  return node;
}
