import type { Doc, EventType } from '../doc/doc.ts';
import { isPersonNoun, lookupTrigger, type LexiconEntry } from './lexicon.ts';
import { lemmaCandidates } from './morphology.ts';
import { PLOVER_BY_TYPE } from './plover.ts';
import { ROLE_WORDS } from '../entities/roles.ts';
import { SECTOR_OF_WORD } from './sectors.ts';
import { STATUS_WORDS } from './status.ts';

/**
 * Trigger candidates of a sentence from the lexicon, and the clauses they fall in, without a
 * parse. A clause ends at a semicolon and before a word that opens another clause ("but",
 * "while", "after", "which"…); one event is coded per clause (src/events/stage.ts).
 */

/** A word (or two) the lexicon knows as an event, with its best entry. */
export interface TriggerCandidate {
  /** Token range [first, last]. */
  first: number;
  last: number;
  pos: 'verb' | 'noun';
  lemma: string;
  type: EventType;
  cameo: string;
  score: number;
  /** Every event sense of the word at its best score, the chosen one first ("withdraw": SANCTION 166, RETREAT 0874). */
  senses: readonly { type: EventType; cameo: string }[];
}

/**
 * Words that say how someone stands to an act rather than an act ("wants", "plans", "hopes"):
 * the status words of src/events/status.ts, never triggers themselves.
 */
const NOT_TRIGGERS: ReadonlySet<string> = new Set([...STATUS_WORDS.future, ...STATUS_WORDS.hypothetical, 'need', 'needs', 'try', 'tries', 'tried', 'seem', 'seems', 'expect', 'expects', 'expected', 'expecting']);

/**
 * Verbs that pass their meaning to the event noun after them ("held talks", "attended the
 * meeting", "launched an investigation", "began a hunger strike"): where such a noun follows in
 * the clause, it is the trigger.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'hold', 'have', 'take', 'launch', 'stage', 'conduct', 'begin', 'start', 'continue', 'resume', 'mount', 'carry', 'make', 'issue', 'join', 'attend',
  'complete', 'open', 'give', 'provide', 'offer', 'send', 'stop', 'end', 'reach', 'sign', 'impose',
]);

/** Quotation marks, which end a clause. */
const QUOTE_MARKS: ReadonlySet<string> = new Set(['“', '”', '"', '„', '«', '»', '‘', '’']);

/** Words that open a clause of their own. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'but', 'while', 'whereas', 'although', 'though', 'because', 'since', 'after', 'before', 'when', 'until', 'unless', 'if', 'which', 'who', 'whom',
  'where', 'whether', 'as', 'so', 'yet',
]);

/** Least score a noun or a verb needs (see LexiconEntry): a noun reached only as a hyponym is too weak a sign. */
export const MIN_SCORE = { verb: 1, noun: 2 } as const;

/** Parts of speech read as verbs and as nouns. */
const VERB_TAGS = new Set(['VERB']);
const NOUN_TAGS = new Set(['NOUN']);

/** The event senses of a word at the best entry's score, that entry first. */
function sensesOf(entries: readonly LexiconEntry[], best: LexiconEntry): { type: EventType; cameo: string }[] {
  const out = [{ type: best.type as EventType, cameo: best.cameo }];
  for (const e of entries) if (e !== best && e.type !== null && e.score === best.score) out.push({ type: e.type, cameo: e.cameo });
  return out;
}

/** The entry a candidate takes: the best-scoring event entry, or null if a speech act ("say") scores as high. */
function bestEntry(entries: readonly LexiconEntry[], pos: 'verb' | 'noun'): LexiconEntry | null {
  let best: LexiconEntry | null = null;
  let speech = 0;
  for (const e of entries) {
    if (e.type === null) speech = Math.max(speech, e.score);
    else if (!best || e.score > best.score) best = e;
  }
  if (!best || best.score < MIN_SCORE[pos] || speech >= best.score) return null;
  return best;
}

/**
 * The trigger candidates among tokens [from, to), in order: two-word lexicon phrases first
 * ("hunger strike"), then single verbs and nouns. Words inside names (`inName[i] >= 0`) are
 * not triggers.
 */
export function triggerCandidates(doc: Doc, from: number, to: number, inName: Int32Array): TriggerCandidate[] {
  const out: TriggerCandidate[] = [];
  const word = (i: number) => doc.text.slice(doc.tokens[i].start, doc.tokens[i].end);
  for (let i = from; i < to; i++) {
    if (inName[i] >= 0) continue;
    const tag = doc.tokens[i].pos;
    // "according to" reports; it is no accord
    if (word(i).toLowerCase() === 'according' || lemmaCandidates(word(i), 'verb').some((w) => NOT_TRIGGERS.has(w))) continue;
    if (i + 1 < to && inName[i + 1] < 0 && /^\p{L}/u.test(word(i)) && /^\p{L}/u.test(word(i + 1))) {
      const phrase = `${word(i)} ${word(i + 1)}`;
      const pos = VERB_TAGS.has(tag) ? 'verb' : NOUN_TAGS.has(doc.tokens[i + 1].pos) ? 'noun' : null;
      let hit = pos ? lookupTrigger(phrase, pos) : null;
      let best = hit && pos ? bestEntry(hit.entries, pos) : null;
      // "beat up" is to beat before it is to rally: a verb and its particle mean what the verb means where the verb alone scores higher
      const alone = hit && best && pos === 'verb' ? lookupTrigger(word(i), 'verb') : null;
      const aloneBest = alone ? bestEntry(alone.entries, 'verb') : null;
      if (alone && aloneBest && best && aloneBest.score > best.score) {
        hit = alone;
        best = aloneBest;
      }
      if (hit && pos && best) {
        out.push({ first: i, last: i + 1, pos, lemma: hit.lemma, type: best.type as EventType, cameo: best.cameo, score: best.score, senses: sensesOf(hit.entries, best) });
        i++;
        continue;
      }
    }
    const pos = VERB_TAGS.has(tag) ? 'verb' : NOUN_TAGS.has(tag) ? 'noun' : null;
    if (!pos) continue;
    // "its long-threatened invasion", "an open-ended strike": a participle joined to the word before is a modifier
    if (pos === 'verb' && hyphenated(doc, i)) continue;
    // a noun that modifies a noun of saying after it ("the ceasefire proposal", "a peace plan") is what is said, not the act
    if (pos === 'noun' && i + 1 < to && doc.tokens[i + 1].pos === 'NOUN' && inName[i + 1] < 0 && saysSomething(word(i + 1))) continue;
    const hit = lookupTrigger(word(i), pos);
    const best = hit ? bestEntry(hit.entries, pos) : null;
    // "negotiator", "detainees" name people, not acts (but a seed word of the lexicon is its act: "peacekeeping")
    if (best && pos === 'noun' && best.score < 4 && namesActor(word(i))) continue;
    if (hit && best) out.push({ first: i, last: i, pos, lemma: hit.lemma, type: best.type as EventType, cameo: best.cameo, score: best.score, senses: sensesOf(hit.entries, best) });
  }
  return out;
}

/** Whether a noun names an actor by role or sector, or WordNet's first sense of it is a person ("negotiator", "protesters", "detainees"). */
function namesActor(noun: string): boolean {
  const w = noun.toLowerCase();
  return SECTOR_OF_WORD.has(w) || ROLE_WORDS.has(w) || isPersonNoun(w);
}

/** Whether token i is joined by a hyphen to the word before it ("long-threatened"). */
export function hyphenated(doc: Doc, i: number): boolean {
  const dash = doc.tokens[i - 1];
  const before = doc.tokens[i - 2];
  return !!dash && !!before && dash.end === doc.tokens[i].start && before.end === dash.start && /^[-‐]$/.test(doc.text.slice(dash.start, dash.end));
}

/** Whether a noun names an act of saying (an agreement, a proposal, a demand, a threat): PLOVER's verbal types. */
function saysSomething(noun: string): boolean {
  const hit = lookupTrigger(noun, 'noun');
  const best = hit ? bestEntry(hit.entries, 'noun') : null;
  const quad = best?.type ? PLOVER_BY_TYPE.get(best.type)?.quad : undefined;
  return quad === 'verbal-coop' || quad === 'verbal-conflict';
}

/**
 * Whether token i is a reporting verb ("said", "told", "announced"): the lexicon types it
 * as a speech act only.
 */
export function isSpeechVerb(doc: Doc, i: number): boolean {
  if (!VERB_TAGS.has(doc.tokens[i].pos)) return false;
  const hit = lookupTrigger(doc.text.slice(doc.tokens[i].start, doc.tokens[i].end), 'verb');
  return !!hit && hit.entries.every((e) => e.type === null);
}

/** The clauses of tokens [from, to) as token ranges [start, end). */
export function clauses(doc: Doc, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  let fronted = false;
  for (let i = from; i < to; i++) {
    const w = doc.text.slice(doc.tokens[i].start, doc.tokens[i].end).toLowerCase();
    // a quotation mark ends a clause ("“Russia attacked our cities,” Zelensky said"), and so does
    // the comma after a clause that opens with "if", "when", "after"…
    if (QUOTE_MARKS.has(w) || (w === ',' && fronted)) {
      if (i + 1 > start) out.push([start, i + 1]);
      start = i + 1;
      fronted = false;
      continue;
    }
    if (i === start) fronted = CLAUSE_OPENERS.has(w);
    // ", and states that…": a comma and "and" open another clause too
    const opens = i > start && (CLAUSE_OPENERS.has(w) || (w === 'and' && i > from && doc.text.slice(doc.tokens[i - 1].start, doc.tokens[i - 1].end) === ','));
    const ends = w === ';' || w === '–' || w === '—';
    if (opens) {
      // a comma before the opener goes with the clause before
      out.push([start, i]);
      start = i;
      fronted = true;
    } else if (ends) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < to) out.push([start, to]);
  return out;
}
