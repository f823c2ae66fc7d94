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

/** Words that say someone must do something: after a reporting verb, the report is a demand. */
export const DEONTIC_WORDS: ReadonlySet<string> = new Set(['must', 'should', 'ought', 'needs', 'need', 'has', 'have']);

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
  const m = statusMarks(before, after);
  return m.hypothetical ? 'hypothetical' : m.negated ? 'negated' : m.future ? 'future' : 'asserted';
}

/** Which kinds of status words stand near a trigger; `deontic` for "must", "should", "has to" right before it. */
export function statusMarks(before: readonly string[], after: readonly string[]): { negated: boolean; future: boolean; hypothetical: boolean; deontic: boolean } {
  const near = before.slice(-STATUS_WINDOW).map((w) => w.toLowerCase());
  const words = [...near, ...after.slice(0, 3).map((w) => w.toLowerCase())];
  const deontic = near.some((w, i) => DEONTIC_WORDS.has(w) && (w === 'must' || w === 'should' || near[i + 1] === 'to'));
  return {
    negated: words.some((w) => STATUS_WORDS.negated.has(w)),
    future: words.some((w) => STATUS_WORDS.future.has(w)),
    hypothetical: words.some((w) => STATUS_WORDS.hypothetical.has(w)) && !(deontic && !words.some((w) => w === 'if' || w === 'unless')),
    deontic,
  };
}
