import type { EntityType } from '../doc/doc.ts';
import { countryByDemonym, countryByName } from './countries.ts';
import { acronymOf, bigramDice, boundedDistance, foldWord, isAcronym, nameKey, personParts, sameGivenName, stripDiacritics, typoAllowance, type PersonParts } from '../entities/name-forms.ts';

/**
 * The pure half of corpus entities: which node a name of an article belongs to, which other
 * nodes it is compared with (blocking keys), and how two nodes compare (a score with its
 * evidence). No store, no state: entities.ts runs it over the corpus.
 *
 * A node is one name as the corpus writes it:
 * - `country`: a country in any form ("U.S.", "US", "United States", "America" → USA);
 * - `demonym`: a nationality word ("Russian", "Russians" → RUS);
 * - `person`: a person's name with given name(s) ("Steve Witkoff");
 * - `surname`: a person named by one word only ("Trump"), within one story, because a surname
 *   alone says who it is only in context;
 * - `name`: any other name, by its exact comparison form ("Kremlin", "NATO").
 */
export type NodeKind = 'country' | 'demonym' | 'person' | 'surname' | 'name';

/** What a node is, as derived from a name. */
export interface NodeIdentity {
  key: string;
  kind: NodeKind;
  /** The name to show for the node when its own forms say nothing better (a country's English name). */
  display: string;
  country: string | null;
  story: string | null;
}

/** Scores at or above this join two nodes into one corpus entity. */
export const LINK_SCORE = 0.7;

/**
 * The node of an in-article entity, from its fullest name and type; `story` scopes surnames.
 *
 * @example nodeIdentity('U.S.', 'LOC', 's1').key // 'c:USA'
 */
export function nodeIdentity(name: string, type: EntityType, story: string | null): NodeIdentity {
  if (type === 'NORP') {
    const c = countryByDemonym(name);
    if (c) return { key: `n:${c.code}`, kind: 'demonym', display: name, country: c.code, story: null };
  }
  if (type !== 'PER' && type !== 'NORP') {
    const c = countryByName(name);
    if (c) return { key: `c:${c.code}`, kind: 'country', display: c.name, country: c.code, story: null };
  }
  if (type === 'PER') {
    const parts = personParts(name);
    if (parts && parts.given.length === 0) return { key: `s:${parts.surname}@${story ?? ''}`, kind: 'surname', display: name, country: null, story };
  }
  // any other name by its form alone, whatever the tagger typed it: the node's type is a vote
  return { key: `x:${nameKey(name)}`, kind: nameKind(name, type), display: name, country: null, story: null };
}

/** A name's kind from its (voted) type: a person's name of two words or more is a `person`, anything else a `name`. */
export function nameKind(name: string, type: EntityType): 'person' | 'name' {
  return type === 'PER' && (personParts(name)?.given.length ?? 0) > 0 ? 'person' : 'name';
}

/**
 * Blocking keys a node is filed under: persons by their folded surname and by its deletion keys
 * (typos), a surname alone by its folded form within its story, other names by their
 * forms, their acronym and their folded spelling. A person is also filed under its surname in
 * every story it appears in (personStoryKey), where surnames alone look for it.
 */
export function blockKeys(node: { kind: NodeKind; display: string; story: string | null }, forms: readonly string[] = []): string[] {
  const keys = new Set<string>();
  if (node.kind === 'person' || node.kind === 'surname') {
    const parts = personParts(node.display);
    if (!parts) return [];
    if (node.kind === 'surname') return node.story !== null ? [personStoryKey(node.display, node.story)!] : [];
    keys.add(`ps:${parts.foldedSurname}`);
    for (const k of deletionKeys(parts.foldedSurname)) keys.add(`pt:${k}`);
    return [...keys];
  }
  if (node.kind !== 'name') return [];
  for (const f of [node.display, ...forms]) {
    const k = nameKey(f);
    if (k) keys.add(`f:${k}`);
    const acronym = acronymOf(f);
    if (acronym && acronym.length >= 2) keys.add(`f:${acronym}`);
  }
  const folded = foldName(node.display);
  if (folded.length >= 5) keys.add(`v:${folded}`);
  // two words side by side: where "Red Sox" meets "Boston Red Sox"; the last word, where "Saints" alone meets "New Orleans Saints"
  const words = nameKey(node.display).split(' ');
  for (let i = 0; i + 1 < words.length; i++) keys.add(`w2:${words[i]} ${words[i + 1]}`);
  if (words.length > 1) keys.add(tailKey(words[words.length - 1]));
  return [...keys];
}

/** The key under which longer names are filed by their last word. */
export function tailKey(word: string): string {
  return `tl:${word}`;
}

/**
 * Keys that two surnames one letter apart share (the word with each letter left out in turn,
 * and the word itself), so that a typo meets its surname in a small block; words under five
 * letters, where a letter apart is another name, get none.
 */
export function deletionKeys(word: string): string[] {
  if (word.length < 5) return [];
  const keys = new Set([word]);
  for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
  return [...keys];
}

/**
 * A cheap test that two nodes could link at all (same type, kinds that compare, surnames
 * that match for persons), so that the full comparison with roles and forms is read only for
 * candidates that pass.
 */
export function mayLink(a: { kind: NodeKind; display: string; key: string }, b: { kind: NodeKind; display: string; key: string }, typeA: EntityType, typeB: EntityType): boolean {
  if (typeA !== typeB || a.key === b.key) return false;
  const persons = (a.kind === 'person' || a.kind === 'surname') && (b.kind === 'person' || b.kind === 'surname');
  if (persons) {
    if (a.kind === 'surname' && b.kind === 'surname') return false;
    const pa = personParts(a.display);
    const pb = personParts(b.display);
    return !!pa && !!pb && surnameMatch(pa, pb) !== null;
  }
  return a.kind === 'name' && b.kind === 'name';
}

/** The key under which the persons of a surname are filed, corpus-wide. */
export function surnameKey(display: string): string | undefined {
  const parts = personParts(display);
  return parts ? `ps:${parts.foldedSurname}` : undefined;
}

/** A person node's story keys: where a surname alone from that story may find it. */
export function personStoryKey(display: string, story: string): string | undefined {
  const parts = personParts(display);
  return parts ? `ss:${parts.foldedSurname}` + `@${story}` : undefined;
}

/** The folded spelling of a whole name, word by word. */
export function foldName(name: string): string {
  return nameKey(name)
    .split(' ')
    .map((w) => foldWord(w))
    .join(' ');
}

/** How two surnames compare: the same, a transliteration variant, a typo, or not at all. */
export function surnameMatch(a: PersonParts, b: PersonParts): 'same' | 'variant' | 'typo' | null {
  if (a.surname === b.surname) return 'same';
  if (a.foldedSurname === b.foldedSurname) return 'variant';
  const allowed = typoAllowance(Math.min(a.foldedSurname.length, b.foldedSurname.length));
  if (allowed > 0 && a.foldedSurname[0] === b.foldedSurname[0] && boundedDistance(a.foldedSurname, b.foldedSurname, allowed) <= allowed) return 'typo';
  return null;
}

/** How two lists of given names compare. */
export function givenMatch(a: PersonParts, b: PersonParts): 'same' | 'variant' | 'initial' | 'garbled' | 'different' {
  if (a.given.join(' ') === b.given.join(' ')) return 'same';
  const fa = a.foldedGiven;
  const fb = b.foldedGiven;
  if (fa.join(' ') === fb.join(' ')) return 'variant';
  // a middle name or initial on one side only: "George W. Bush" and "George Bush"; short forms: "Mo" for Maurice
  if (fa[0] && fb[0] && sameGivenName(fa[0], fb[0]) && (fa.length === 1 || fb.length === 1 || fa.length === fb.length)) return 'variant';
  const initialOnly = (g: string[]) => g.every((w) => w.replace(/\./g, '').length === 1);
  if ((initialOnly(a.given) || initialOnly(b.given)) && fa[0]?.[0] === fb[0]?.[0]) return 'initial';
  const ja = fa.join('');
  const jb = fb.join('');
  if (ja[0] && ja[0] === jb[0] && bigramDice(ja, jb) >= 0.4) return 'garbled';
  return 'different';
}

/** What scoring knows of a node. */
export interface NodeView {
  id: number;
  key: string;
  kind: NodeKind;
  display: string;
  type: EntityType;
  /** Role words the corpus gives the node (lower case: "president", "envoy"). */
  roleWords: ReadonlySet<string>;
  /** Comparison forms of every way the corpus writes it. */
  formKeys: ReadonlySet<string>;
}

/** Context a score may use beyond the two nodes. */
export interface ScoreContext {
  /** True when the two nodes appear in one story. */
  sharedStory: boolean;
  /** True when they appear in stories whose texts are alike (STORY_SETTINGS.related), though not in one. */
  relatedStory?: boolean;
  /** For a surname against a person: how many person nodes in the corpus share that folded surname. */
  personsWithSurname?: number;
}

/** A scored comparison: the score and the evidence a user reads ("same surname, spelling variant witkov ~ witkoff"). */
export interface Comparison {
  score: number;
  evidence: string;
}

function sharedRole(a: NodeView, b: NodeView): string | undefined {
  for (const r of a.roleWords) if (b.roleWords.has(r)) return r;
  return undefined;
}

/**
 * Compares two nodes; undefined when nothing links them. Different types never link; two
 * persons need a matching surname and given names that agree (or, garbled, a shared role or
 * story); a surname alone joins a person of its own story, or elsewhere only with a shared role
 * when the corpus knows one person of that surname; other names join by alias, acronym or
 * spelling variant.
 */
export function compareNodes(a: NodeView, b: NodeView, ctx: ScoreContext): Comparison | undefined {
  if (a.type !== b.type || a.key === b.key) return undefined;
  if (a.kind === 'person' && b.kind === 'person') return comparePersons(a, b, ctx);
  if (a.kind === 'surname' && b.kind === 'person') return compareSurname(a, b, ctx);
  if (a.kind === 'person' && b.kind === 'surname') return compareSurname(b, a, ctx);
  if (a.kind === 'name' && b.kind === 'name') return compareNames(a, b, ctx);
  return undefined;
}

function comparePersons(a: NodeView, b: NodeView, ctx: ScoreContext): Comparison | undefined {
  const pa = personParts(a.display);
  const pb = personParts(b.display);
  if (!pa || !pb) return undefined;
  const s = surnameMatch(pa, pb);
  if (!s) return undefined;
  const g = givenMatch(pa, pb);
  const surnameText = s === 'same' ? `same surname “${pa.surname}”` : s === 'variant' ? `surname spelling variant ${pa.surname} ~ ${pb.surname}` : `surname ${pa.surname} ~ ${pb.surname} differs by a letter or two`;
  const givenText = `${pa.given.join(' ')} ~ ${pb.given.join(' ')}`;
  if (g === 'same' || g === 'variant') return { score: s === 'typo' ? 0.85 : 0.95, evidence: `${surnameText}; given names ${g === 'same' ? 'the same' : `agree (${givenText})`}` };
  if (s === 'typo') return undefined;
  if (g === 'initial') return { score: 0.8, evidence: `${surnameText}; initial agrees (${givenText})` };
  if (g === 'garbled') {
    const role = sharedRole(a, b);
    if (role) return { score: 0.75, evidence: `${surnameText}; garbled given name (${givenText}) with the shared role “${role}”` };
    if (ctx.sharedStory) return { score: 0.72, evidence: `${surnameText}; garbled given name (${givenText}) in the same story` };
  }
  return undefined;
}

function compareSurname(surname: NodeView, person: NodeView, ctx: ScoreContext): Comparison | undefined {
  const ps = personParts(surname.display);
  const pp = personParts(person.display);
  if (!ps || !pp) return undefined;
  const s = surnameMatch(ps, pp);
  if (!s || s === 'typo') return undefined;
  if (ctx.sharedStory) return { score: 0.9, evidence: `“${surname.display}” alone, in the same story as ${person.display}` };
  if (ctx.personsWithSurname !== 1) return undefined;
  const role = sharedRole(surname, person);
  if (role) return { score: 0.75, evidence: `“${surname.display}” alone with the role “${role}” that ${person.display} has, the only person of that surname` };
  if (ctx.relatedStory) return { score: 0.72, evidence: `“${surname.display}” alone in a story like one of ${person.display}'s, the only person of that surname` };
  return undefined;
}

function compareNames(a: NodeView, b: NodeView, ctx: ScoreContext): Comparison | undefined {
  const ka = a.key.slice(2);
  const kb = b.key.slice(2);
  if (a.formKeys.has(kb) || b.formKeys.has(ka)) {
    const [long, short] = ka.length >= kb.length ? [a, b] : [b, a];
    return { score: 0.9, evidence: `written as “${short.display}” beside “${long.display}” in one article` };
  }
  const [acr, full] = isAcronym(a.display) ? [a, b] : isAcronym(b.display) ? [b, a] : [undefined, undefined];
  if (acr && full && acronymOf(full.display) === nameKey(acr.display)) return { score: 0.8, evidence: `“${acr.display}” is the acronym of “${full.display}”` };
  const fa = foldName(a.display);
  if (fa.length >= 5 && fa === foldName(b.display)) return { score: 0.85, evidence: `spelling variant ${a.display} ~ ${b.display}` };
  if (ctx.sharedStory) {
    const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
    const s = short.split(' ');
    const l = long.split(' ');
    if (s.length >= 2 && s.length < l.length && (s[0] === l[0] || s[s.length - 1] === l[l.length - 1]) && isSubsequence(s, l)) {
      return { score: 0.75, evidence: `“${short}” is “${long}” with words left out, in the same story` };
    }
  }
  return undefined;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const w of long) if (i < short.length && w === short[i]) i++;
  return i === short.length;
}

/** The role words of a role phrase ("Kremlin spokesman" → spokesman, kremlin), lower case, without diacritics. */
export function roleWords(role: string): string[] {
  return stripDiacritics(role.toLowerCase())
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 2 && !ROLE_STOP.has(w));
}

const ROLE_STOP = new Set(['the', 'and', 'for', 'former', 'new', 'acting', 'then', 'said']);
