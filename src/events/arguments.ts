import type { Doc } from '../doc/doc.ts';
import { isActorNoun } from './lexicon.ts';
import { firstPhraseFrom, type ActorPhrase } from './phrases.ts';
import { isSpeechVerb } from './triggers.ts';
import type { TriggerCandidate } from './triggers.ts';

/**
 * Who did it and to whom: the source and target phrases of a trigger. This is the one
 * function the dependency parse replaces (subject, object and oblique from src/grammar/deps.ts
 * in place of positions); the stage takes any ArgumentFinder.
 */

/** What a finder sees: the Doc, the trigger, its clause as a token range, and the actor phrases of its sentence. */
export interface ArgumentContext {
  doc: Doc;
  trigger: TriggerCandidate;
  clause: readonly [number, number];
  sentence: readonly [number, number];
  phrases: readonly ActorPhrase[];
}

/** The phrases found: source and target (each may hold several parties). */
export interface Arguments {
  source: ActorPhrase | null;
  target: ActorPhrase | null;
}

/** A strategy for finding a trigger's source and target. */
export type ArgumentFinder = (ctx: ArgumentContext) => Arguments;

/** Prepositions that may introduce a target ("met with", "talks to", "sanctions against"). */
const TARGET_PREPS = new Set(['with', 'to', 'against', 'on', 'from', 'between', 'for', 'into', 'toward', 'towards', 'over']);
/** Forms of "be" and "get" that make a following participle passive. */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', 'has', 'have', 'had']);
/** How far from the trigger, in tokens, a source or target may stand. */
const MAX_DISTANCE = 25;

function word(doc: Doc, i: number): string {
  const t = doc.tokens[i];
  return doc.text.slice(t.start, t.end).toLowerCase();
}

/** A participle after a form of "be" ("was attacked", "has been kicked out"). */
function isPassive(doc: Doc, t: TriggerCandidate): boolean {
  if (t.pos !== 'verb' || !/(ed|en|wn)$/.test(word(doc, t.first)) && !/^(held|met|hit|shot|beaten|struck|seized|caught|sent|kept|fought|led|brought)$/.test(word(doc, t.first))) return false;
  for (let i = t.first - 1; i >= 0 && i >= t.first - 3; i--) {
    const w = word(doc, i);
    if (w === 'been' || w === 'being' || (PASSIVE_AUX.has(w) && w !== 'has' && w !== 'have' && w !== 'had')) return true;
    if (doc.tokens[i].pos !== 'ADV' && doc.tokens[i].pos !== 'AUX') return false;
  }
  return false;
}

/** Words between a subject and its verb that do not end the subject ("have", "will", "not", "also"). */
const SKIPPABLE = new Set(['AUX', 'ADV', 'PART']);

/**
 * A plain noun phrase right before a verb trigger, as its subject where no actor phrase is
 * there ("Radical French farmers said…", "Islamic fundamentalists continued…"): a run of
 * adjectives and nouns ending in a noun, not governed by a preposition.
 */
function nounPhraseBefore(doc: Doc, trigger: TriggerCandidate, clause: readonly [number, number]): ActorPhrase | 'thing' | null {
  // a noun trigger's subject stands before the verb that governs it ("Islamic fundamentalists continued their hunger strike")
  const verb = trigger.pos === 'verb' ? trigger.first : governingVerb(doc, trigger, clause);
  if (verb < 0) return null;
  let i = verb - 1;
  while (i >= clause[0] && SKIPPABLE.has(doc.tokens[i].pos)) i--;
  if (i < clause[0] || (doc.tokens[i].pos !== 'NOUN' && doc.tokens[i].pos !== 'PROPN')) return null;
  const last = i;
  while (i - 1 >= clause[0] && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(doc.tokens[i - 1].pos)) i--;
  if (i - 1 >= clause[0] && doc.tokens[i - 1].pos === 'ADP') return null;
  // "Our guns are moving back", "when the shooting has stopped": a common noun acts only if it
  // names people; a subject that is a thing leaves the act with no source, not the sentence's subject's
  if (doc.tokens[last].pos === 'NOUN' && !isActorNoun(word(doc, last))) return 'thing';
  const span = { start: doc.tokens[i].start, end: doc.tokens[last].end };
  return { ...span, first: i, last, prep: null, parties: [{ ...span, entity: null }], pronoun: false };
}

/** The verb right before a noun trigger, past the words of its noun phrase ("continued their hunger strike"), or -1. */
function governingVerb(doc: Doc, trigger: TriggerCandidate, clause: readonly [number, number]): number {
  for (let i = trigger.first - 1; i >= clause[0] && i >= trigger.first - 6; i--) {
    const tag = doc.tokens[i].pos;
    // "Solvane said the truce holds": a reporting verb governs a clause, not the noun after it
    if (tag === 'VERB') return isSpeechVerb(doc, i) ? -1 : i;
    if (tag !== 'DET' && tag !== 'ADJ' && tag !== 'NUM' && tag !== 'PRON' && tag !== 'NOUN' && tag !== 'PART') return -1;
  }
  return -1;
}

/**
 * The reporter of a pronoun that follows a reporting verb ("X said they would…", "X announced
 * that he will…"): the nearest phrase before that verb, in the sentence, that no preposition
 * governs and that is not a pronoun itself; null where no reporting verb stands within a few
 * words before the pronoun.
 */
function reporterBefore(ctx: ArgumentContext, pronoun: ActorPhrase): ActorPhrase | null {
  const { doc, sentence, phrases } = ctx;
  let verb = -1;
  for (let i = pronoun.first - 1; i >= sentence[0] && i >= pronoun.first - 4; i--) {
    if (isSpeechVerb(doc, i) || (doc.tokens[i].pos === 'VERB' && REPORTING_EXTRA.has(word(doc, i)))) {
      verb = i;
      break;
    }
    if (word(doc, i) !== 'that' && doc.tokens[i].pos !== 'ADV' && doc.tokens[i].pos !== 'ADP' && !(doc.tokens[i].pos === 'NOUN' || doc.tokens[i].pos === 'PROPN' || doc.tokens[i].pos === 'NUM')) return null;
  }
  if (verb < 0) return null;
  for (let k = firstPhraseFrom(phrases, verb) - 1; k >= 0 && phrases[k].first >= sentence[0] && phrases[k].last >= verb - MAX_DISTANCE; k--) {
    const p = phrases[k];
    if (p.prep === null && !p.pronoun) return p;
  }
  return null;
}

/** Whether a reporting verb stands among tokens [from, to). */
function reportsBetween(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpeechVerb(doc, i) || (doc.tokens[i].pos === 'VERB' && REPORTING_EXTRA.has(word(doc, i)))) return true;
  return false;
}

/** Verbs that report without the lexicon typing them as speech ("announced", "claimed", "added"). */
const REPORTING_EXTRA: ReadonlySet<string> = new Set(['announced', 'announces', 'claimed', 'claims', 'added', 'insisted', 'warned', 'stressed', 'believe', 'believes', 'believed', 'hoped', 'thinks', 'thought', 'felt', 'quoted']);

/**
 * Finds source and target by position, without a parse: the source is the nearest actor
 * phrase before the trigger in its clause that no preposition governs (else the first such
 * phrase of the sentence before the clause: "Russia released X … and agreed"); the target is
 * the first phrase after the trigger in its clause that no preposition governs or that
 * "with", "to", "against"… introduce. A passive ("was attacked by X") swaps them, the source
 * then standing after "by". A noun trigger's "between A and B" gives A and B as source.
 *
 * @example linearArguments(ctx) // "Witkoff met Putin in Moscow" → Witkoff, Putin
 */
export const linearArguments: ArgumentFinder = (ctx) => {
  const { doc, trigger, clause, sentence, phrases } = ctx;
  const passive = isPassive(doc, trigger);
  let before: ActorPhrase | null = null;
  let after: ActorPhrase | null = null;
  let by: ActorPhrase | null = null;
  let between: ActorPhrase | null = null;
  // the sentence's first phrase that no preposition governs, among its first few
  let sentenceSubject: ActorPhrase | null = null;
  const first = firstPhraseFrom(phrases, sentence[0]);
  for (let k = first; k < phrases.length && k < first + 8 && phrases[k].last < trigger.first; k++) {
    if (phrases[k].prep === null) {
      sentenceSubject = phrases[k];
      break;
    }
  }
  // only the phrases within reach of the trigger: a sentence of thousands of names stays linear
  for (let k = firstPhraseFrom(phrases, trigger.first - MAX_DISTANCE); k < phrases.length && phrases[k].first <= trigger.last + MAX_DISTANCE; k++) {
    const p = phrases[k];
    if (p.last < trigger.first) {
      if (p.prep === null && p.first >= clause[0] && trigger.first - p.last <= MAX_DISTANCE) before = p;
    } else if (p.first > trigger.last && p.first < clause[1] && p.first - trigger.last <= MAX_DISTANCE) {
      if (p.prep === 'by' && !by) by = p;
      // "talks between A and B": right after the noun, not "a blockade on lorries passing through a point between A and B"
      else if (p.prep === 'between' && !between && p.first - trigger.last <= 4) between = p;
      else if (!after && (p.prep === null || TARGET_PREPS.has(p.prep))) after = p;
    }
  }
  if (passive) return { source: by, target: before };
  const plain = before ? null : nounPhraseBefore(doc, trigger, clause);
  const thingSubject = plain === 'thing';
  if (plain !== 'thing') before ??= plain;
  // "Russia released X … and agreed": the sentence's subject acts in a later clause too, but not
  // where the clause has a subject of its own, nor where it is the subject of a reporting verb
  // ("Vasch was quoted as saying … the talks")
  if (!before && !thingSubject && sentenceSubject && sentenceSubject.last < clause[0] && !reportsBetween(doc, sentenceSubject.last + 1, clause[0])) before = sentenceSubject;
  // "Fijian rebels said they will release…": a pronoun after a reporting verb is its subject
  if (before?.pronoun) before = reporterBefore(ctx, before) ?? before;
  if (trigger.pos === 'noun' && between) return { source: between, target: null };
  // a possessive before a noun trigger is its source ("Witkoff's meeting with Putin") as the nearest phrase is
  return { source: before, target: after ?? between };
};
