import { readFileSync } from 'node:fs';
import type { EventType } from '../doc/doc.ts';
import { lemmaCandidates } from './morphology.ts';

/** The generated trigger lexicon (src/events/lexicon/build-lexicon.ts writes it). */
export const EVENT_LEXICON_PATH = new URL('./data/event-lexicon.json', import.meta.url);

/** What a trigger word may mean: a PLOVER type (null for a speech act such as "say"), a CAMEO code, and how directly WordNet led to it (4 a seed word, 3 a synonym of its first sense, 2 another sense or a derived form, 1 a hyponym). */
export interface LexiconEntry {
  type: EventType | null;
  cameo: string;
  score: number;
}

/** A lexicon hit: the lemma found and its entries (best score first, then the most general code). */
export interface LexiconHit {
  lemma: string;
  entries: LexiconEntry[];
}

interface Lexicon {
  verb: Map<string, LexiconEntry[]>;
  noun: Map<string, LexiconEntry[]>;
  /** Nouns an act may be about besides the triggers (CAMEO's words, WordNet's nouns of acts, communication, states…). */
  context: Set<string>;
  /** Nouns whose first sense is a person. */
  people: Set<string>;
  /** Nouns whose first sense is a group of people. */
  groups: Set<string>;
  /** The longest phrase in words. */
  longest: number;
}

let lexicon: Lexicon | undefined;

function load(): Lexicon {
  const file = JSON.parse(readFileSync(EVENT_LEXICON_PATH, 'utf8')) as Record<'verb' | 'noun', Record<string, [EventType | null, string, number][]>> & Record<'context' | 'people' | 'groups', string>;
  let longest = 1;
  const read = (part: Record<string, [EventType | null, string, number][]>) => {
    const map = new Map<string, LexiconEntry[]>();
    for (const [w, entries] of Object.entries(part)) {
      map.set(w, entries.map(([type, cameo, score]) => ({ type, cameo, score })));
      longest = Math.max(longest, w.split(' ').length);
    }
    return map;
  };
  const verb = read(file.verb);
  const noun = read(file.noun);
  const set = (words: string) => new Set(words.split(' '));
  return { verb, noun, longest, context: set(file.context), people: set(file.people), groups: set(file.groups) };
}

/** Whether some lemma of a noun is in a word set of the lexicon. */
function nounIn(set: 'context' | 'people' | 'groups', word: string): boolean {
  lexicon ??= load();
  const words = lexicon[set];
  return lemmaCandidates(word.toLowerCase(), 'noun').some((l) => words.has(l));
}

/**
 * Whether a noun may be an event's context, what the act is about: a trigger of the lexicon
 * ("ceasefire", "talks"), a word of the CAMEO codes ("weapons", "property"), or a noun WordNet
 * files under acts, communication, events, possessions, processes, phenomena or states
 * ("tariffs", "crisis"); not "face", "week" or "tomato".
 *
 * @example isContextNoun('tariffs') // true
 */
export function isContextNoun(word: string): boolean {
  const hit = lookupTrigger(word, 'noun');
  return (!!hit && hit.entries.some((e) => e.type !== null)) || nounIn('context', word);
}

/** Whether a noun's first WordNet sense is a person or a group ("farmers", "militiamen", "workers", "militia"), as an actor phrase's head must be. */
export function isActorNoun(word: string): boolean {
  return nounIn('people', word) || nounIn('groups', word);
}

/** Whether a noun's first WordNet sense is a person ("detainees", "negotiator"; not "patrols", first a group, then an act). */
export function isPersonNoun(word: string): boolean {
  return nounIn('people', word);
}

/**
 * The lexicon's entries for a word (or a phrase of words joined by spaces) used as a verb or a
 * noun, through its inflections ("shelled" → "shell", "talks" → "talks"), or null. Case and
 * hyphens do not matter ("cease-fire" is "ceasefire").
 *
 * @example lookupTrigger('met', 'verb') // { lemma: 'meet', entries: [{ type: 'CONSULT', cameo: '044', score: 4 }] }
 */
export function lookupTrigger(word: string, pos: 'verb' | 'noun'): LexiconHit | null {
  lexicon ??= load();
  const table = lexicon[pos];
  const words = word.toLowerCase().replace(/-/g, '').split(' ');
  // a verb phrase inflects its first word ("opened fire"), a noun phrase its last ("hunger strikes")
  const at = pos === 'verb' ? 0 : words.length - 1;
  for (const candidate of lemmaCandidates(words[at], pos)) {
    const lemma = [...words.slice(0, at), candidate, ...words.slice(at + 1)].join(' ');
    const entries = table.get(lemma);
    if (entries) return { lemma, entries };
  }
  return null;
}

/** The longest phrase of the lexicon, in words. */
export function longestTrigger(): number {
  lexicon ??= load();
  return lexicon.longest;
}
