import type { EventStatus } from '../doc/doc.ts';

/**
 * Words that make an event negated, planned or hypothetical, as they stand before its
 * trigger in its clause (hypothetical before negated before future; or, for a noun trigger, just after it: "a phone call will now be
 * determined"). Data, not code.
 */
export const STATUS_WORDS: Readonly<Record<Exclude<EventStatus, 'asserted'>, ReadonlySet<string>>> = {
  negated: new Set(['not', 'n’t', "n't", 'never', 'no', 'neither', 'nor', 'cannot', 'without']),
  future: new Set(['will', '’ll', "'ll", 'shall', 'would', 'going', 'plan', 'plans', 'planned', 'planning', 'intends', 'intend', 'expected', 'ready',
    'willing', 'prepared', 'next', 'upcoming', 'proposed', 'soon', 'later', 'tomorrow', 'wants', 'want', 'hopes', 'hope', 'seeks']),
  hypothetical: new Set(['if', 'unless', 'could', 'might', 'may', 'should', 'whether', 'possible', 'possibly', 'perhaps', 'maybe']),
};

/** How many words before a trigger are read for its status. */
export const STATUS_WINDOW = 6;

/**
 * The status of an event from the words before its trigger in its clause (`before`, nearest
 * last) and, for a noun trigger, the few after it (`after`): hypothetical wins over negated,
 * which wins over future ("if Russia and I can't stop…" is hypothetical).
 *
 * @example statusOf(['Kellogg', 'did', 'not'], []) // 'negated'
 */
export function statusOf(before: readonly string[], after: readonly string[]): EventStatus {
  const words = [...before.slice(-STATUS_WINDOW), ...after.slice(0, 3)].map((w) => w.toLowerCase());
  if (words.some((w) => STATUS_WORDS.hypothetical.has(w))) return 'hypothetical';
  if (words.some((w) => STATUS_WORDS.negated.has(w))) return 'negated';
  if (words.some((w) => STATUS_WORDS.future.has(w))) return 'future';
  return 'asserted';
}
