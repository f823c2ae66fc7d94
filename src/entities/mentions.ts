import type { Doc, EntityType, Role, Token } from '../doc/doc.ts';
import { entitySpans, loadNerModel, tagTokens } from './ner/index.ts';
import { capitalised, caseEvidence, type CaseEvidence } from './casing.ts';
import { keepNamesForLanguage } from './other-languages.ts';
import { isOutletOrganisation } from './outlets.ts';
import { HONORIFICS, ROLE_MODIFIERS, ROLE_WORDS } from './roles.ts';
import { dependentsOf, headOf } from '../grammar/deps.ts';
import { OnDemandParse } from '../grammar/on-demand.ts';

/** A mention being built: token range [first, last) and what the tagger said. */
export interface Candidate {
  first: number;
  last: number;
  type: EntityType;
  roles: Role[];
  /** For an acronym, the candidate index of its expansion. */
  expands?: number;
}

/** Endings that are not part of a name: "Putin’s", "Sky News’", "BBC's". */
const POSSESSIVE = /^['’]s?$/i;
/** Characters that may wrap a name without being part of it. */
const WRAPPING = /^[\p{P}\p{S}]+$/u;
/** A sentence is shouted when this share of its words (2+ letters) are in capitals. */
const SHOUTED_SHARE = 0.8;
/** Words that make a MISC name an event. */
const EVENT_WORDS = /\b(?:war|wars|games|olympics|cup|championships?|summit|conference|forum|election|elections|referendum|revolution|uprising|festival|tournament|open|expo|congress|talks|accords?|treaty)\b/i;
const ACRONYM = /^[A-Z][A-Z&]{1,9}$/;
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', '&']);

function tokenText(doc: Doc, t: Token): string {
  return doc.text.slice(t.start, t.end);
}

function isShouted(words: string[]): boolean {
  const alpha = words.filter((w) => /^\p{L}{2,}$/u.test(w));
  if (alpha.length < 3) return false;
  return alpha.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length / alpha.length >= SHOUTED_SHARE;
}

/** "PUTIN" → "Putin": how the tagger, trained on ordinary case, sees an all-caps headline. */
function titleCase(word: string): string {
  return word.length > 1 ? word[0] + word.slice(1).toLowerCase() : word;
}

/** A sentence is in title case when this share of its words of 4+ letters start with a capital. */
const TITLE_CASE_SHARE = 0.8;

/** "Meta Outage Hits Facebook Worldwide": a headline capitalised word by word. */
function isTitleCased(words: readonly string[]): boolean {
  const long = words.filter((w) => /^\p{L}{4,}$/u.test(w));
  if (long.length < 3) return false;
  return long.filter((w) => capitalised(w)).length / long.length >= TITLE_CASE_SHARE;
}

/**
 * A headline word as the body writes it. A capitalised word keeps its capital only where the
 * body capitalises it inside a sentence ("Facebook"), or where it opens the headline and the
 * body never writes it in lower case; otherwise it is lowered ("Outage", "Hits" → "outage",
 * "hits"). A name that only the headline gives is lost to the tagger, which would otherwise
 * read every word of a title-cased headline as a name.
 */
function trueCase(word: string, first: boolean, evidence: CaseEvidence): string {
  if (!capitalised(word)) return word;
  const key = word.toLowerCase();
  if (evidence.capital.has(key)) return word;
  if (first && !evidence.lower.has(key)) return word;
  // acronyms and words with inner capitals (NASA, iPhone, McCain) are written so on purpose
  return word.slice(1) === word.slice(1).toLowerCase() ? key : word;
}

/** Sentences (token ranges) that lie in heading and title blocks. */
function inHeadings(doc: Doc, ranges: ReadonlyArray<[number, number]>): boolean[] {
  const headings = doc.blocks.filter((b) => b.kind === 'heading' || b.kind === 'title');
  return ranges.map(([a]) => {
    const at = doc.tokens[a].start;
    return headings.some((b) => at >= b.start && at < b.end);
  });
}

/**
 * True for a nationality word ("Russian", "Ukrainians", "Russian-American"), judged by the
 * demonym list the NER model carries (from the world-countries package).
 */
export function isDemonym(name: string): boolean {
  const gazetteer = loadNerModel().gazetteer;
  const bit = gazetteer ? gazetteer.names.indexOf('demonym') : -1;
  if (!gazetteer || bit < 0) return false;
  const has = (w: string) => ((gazetteer.phrases.get(w) ?? 0) & (1 << bit)) !== 0;
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .every((w) => has(w) || (w.endsWith('s') && has(w.slice(0, -1))));
}

/**
 * The product type of a CoNLL type, for the name it labels (see EntityType): PER, ORG and LOC
 * stay; MISC becomes NORP for nationality words, EVENT for names of wars, summits, games and
 * the like, and stays MISC otherwise.
 */
export function productType(conllType: string, name: string): EntityType {
  if (conllType === 'PER' || conllType === 'ORG' || conllType === 'LOC') return conllType;
  if (EVENT_WORDS.test(name)) return 'EVENT';
  if (isDemonym(name)) return 'NORP';
  return 'MISC';
}

/** Sentences as token index ranges. */
function sentenceTokenRanges(doc: Doc): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let t = 0;
  for (const s of doc.sentences) {
    while (t < doc.tokens.length && doc.tokens[t].end <= s.start) t++;
    const first = t;
    while (t < doc.tokens.length && doc.tokens[t].start < s.end) t++;
    if (t > first) ranges.push([first, t]);
  }
  return ranges;
}

/** Trims titles, possessives and quotes off a candidate; PER keeps leading titles as roles. */
function trimCandidate(doc: Doc, c: Candidate): Candidate | null {
  let { first, last } = c;
  const lower = (i: number) => tokenText(doc, doc.tokens[i]).toLowerCase();
  while (first < last && WRAPPING.test(tokenText(doc, doc.tokens[first]))) first++;
  while (last > first && (POSSESSIVE.test(tokenText(doc, doc.tokens[last - 1])) || WRAPPING.test(tokenText(doc, doc.tokens[last - 1])))) last--;
  if (c.type === 'PER') {
    const titleStart = first;
    while (first < last - 1 && (ROLE_WORDS.has(lower(first)) || HONORIFICS.has(lower(first)) || ROLE_MODIFIERS.has(lower(first)))) first++;
    if (first > titleStart) {
      const start = doc.tokens[titleStart].start;
      const end = doc.tokens[first - 1].end;
      c.roles.push({ start, end, text: doc.text.slice(start, end) });
    }
  }
  if (first >= last) return null;
  return { ...c, first, last };
}

function isRoleHead(word: string): boolean {
  const w = word.toLowerCase();
  return ROLE_WORDS.has(w) || HONORIFICS.has(w);
}

/**
 * The role phrase just before a person's name ("Kremlin spokesman", "Russian Foreign
 * Minister", "US envoy"), read leftwards from the name. It must end in a role word; it stops
 * at punctuation, possessives and anything that is neither a role word, a role modifier nor
 * a capitalised word.
 */
function roleBefore(doc: Doc, c: Candidate, sentenceStart: number, inName: (token: number) => boolean): Role | null {
  let i = c.first - 1;
  if (i < sentenceStart) return null;
  const text = (k: number) => tokenText(doc, doc.tokens[k]);
  if (!isRoleHead(text(i))) return null;
  let from = i;
  for (i -= 1; i >= sentenceStart; i--) {
    const w = text(i);
    const lw = w.toLowerCase();
    if (inName(i)) break;
    if (ROLE_WORDS.has(lw) || ROLE_MODIFIERS.has(lw) || (capitalised(w) && /^\p{L}[\p{L}.\-]*$/u.test(w))) from = i;
    else break;
  }
  // a role phrase does not start with a joining word
  while (from < c.first - 1 && ['of', 'for', 'the', 'and'].includes(text(from).toLowerCase())) from++;
  const start = doc.tokens[from].start;
  const end = doc.tokens[c.first - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** The role in an apposition after a name: "Dmitry Peskov, the Kremlin spokesman, said". */
function roleAfter(doc: Doc, c: Candidate, sentenceEnd: number): Role | null {
  const text = (k: number) => tokenText(doc, doc.tokens[k]);
  let i = c.last;
  if (i >= sentenceEnd || text(i) !== ',') return null;
  i++;
  if (i < sentenceEnd && ['the', 'a', 'an'].includes(text(i).toLowerCase())) i++;
  const from = i;
  let lastRole = -1;
  for (; i < sentenceEnd && i < from + 6; i++) {
    const w = text(i);
    const lw = w.toLowerCase();
    if (ROLE_WORDS.has(lw)) lastRole = i;
    else if (!(ROLE_MODIFIERS.has(lw) || capitalised(w))) break;
  }
  if (lastRole < 0 || (i < sentenceEnd && ![',', '.', ';', ')'].includes(text(i)) && lastRole !== i - 1)) return null;
  const start = doc.tokens[from].start;
  const end = doc.tokens[lastRole].end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** Dependents of a role word that belong to the role: "division vice president", "president of the United Federation of Teachers". */
const ROLE_PARTS = new Set(['compound', 'amod', 'nmod', 'nmod:poss', 'case', 'det', 'flat', 'obl']);

/**
 * The role in an apposition that the parse finds after a person's name where the pattern of
 * roleAfter did not ("David Kershaw, division vice president, Nissan Sales …"): a dependent of
 * the name's head marked `appos` whose head word is a role word, with the words that make up
 * the role (not a further apposition, a clause or punctuation). English only.
 */
function roleByParse(doc: Doc, parse: OnDemandParse, c: Candidate): Role | null {
  parse.ensure(c.first);
  const view = parse.view;
  const { deps } = view;
  const head = headOf(view, candidateSpan(doc, c));
  if (head < 0) return null;
  for (const d of dependentsOf(view, head)) {
    if (d < c.last || deps[d].rel !== 'appos' || !ROLE_WORDS.has(tokenText(doc, doc.tokens[d]).toLowerCase())) continue;
    let first = d;
    let last = d;
    const stack = [d];
    while (stack.length) {
      const t = stack.pop() as number;
      for (const k of dependentsOf(view, t)) {
        if (!ROLE_PARTS.has(deps[k].rel)) continue;
        first = Math.min(first, k);
        last = Math.max(last, k);
        stack.push(k);
      }
    }
    // a role phrase does not start with an article: "the Kremlin spokesman" is "Kremlin spokesman"
    while (first < d && ['the', 'a', 'an'].includes(tokenText(doc, doc.tokens[first]).toLowerCase())) first++;
    const start = doc.tokens[first].start;
    const end = doc.tokens[last].end;
    return { start, end, text: doc.text.slice(start, end) };
  }
  return null;
}

/** Initials of a name's significant words: "North Atlantic Treaty Organization" → "NATO". */
function initials(words: string[]): string {
  return words.filter((w) => !ACRONYM_SKIP.has(w.toLowerCase()) && /^\p{L}/u.test(w)).map((w) => w[0].toUpperCase()).join('');
}

/**
 * Finds "Long Name (ACR)" and makes the acronym a mention that expands to the long name,
 * also where the tagger left the acronym out.
 */
function findAcronyms(doc: Doc, cands: Candidate[]): Candidate[] {
  const out = [...cands];
  const text = (k: number) => tokenText(doc, doc.tokens[k]);
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    let i = c.last;
    if (i + 2 >= doc.tokens.length || text(i) !== '(' || text(i + 2) !== ')') continue;
    const acr = text(i + 1);
    if (!ACRONYM.test(acr)) continue;
    const words: string[] = [];
    for (let k = c.first; k < c.last; k++) words.push(text(k));
    if (initials(words) !== acr.replace(/&/g, '')) continue;
    const existing = out.findIndex((o) => o.first === i + 1 && o.last === i + 2);
    if (existing >= 0) out[existing] = { ...out[existing], type: c.type, expands: ci };
    else out.push({ first: i + 1, last: i + 2, type: c.type, roles: [], expands: ci });
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * Finds the names in an article: runs the NER model over its sentences (all-caps headlines
 * are read in title case, and title-cased headings as the body writes their words), trims
 * possessives, quotes and titles off each name, keeps titles and roles next to person names
 * as roles, and links acronyms to their expansions. Returns candidates in text order;
 * `linkEntities` turns them into mentions and entities.
 */
export function findMentions(doc: Doc): Candidate[] {
  const ranges = sentenceTokenRanges(doc);
  if (ranges.length === 0) return [];
  const raw = ranges.map(([a, b]) => {
    const words: string[] = [];
    for (let i = a; i < b; i++) words.push(tokenText(doc, doc.tokens[i]));
    return words;
  });
  const shouted = raw.map(isShouted);
  const heading = inHeadings(doc, ranges);
  const titled = raw.map((words, s) => !shouted[s] && heading[s] && isTitleCased(words));
  // the body's casing, read only for articles that need it: with a title-cased heading, or in another language
  let evidence: CaseEvidence | undefined;
  const bodyCase = () => (evidence ??= caseEvidence(raw, raw.map((_, s) => !shouted[s] && !titled[s])));
  const sentences = raw.map((words, s) => {
    if (shouted[s]) return words.map(titleCase);
    return titled[s] ? words.map((w, i) => trueCase(w, i === 0, bodyCase())) : words;
  });
  const labels = tagTokens(sentences);
  let cands: Candidate[] = [];
  // the parse is English; only the sentences with a name before a comma are parsed, and only when asked
  const english = (doc.meta.language ?? 'en').startsWith('en');
  let parse: OnDemandParse | undefined;
  ranges.forEach(([a, b], s) => {
    const inSentence: Candidate[] = [];
    for (const span of entitySpans(labels[s])) {
      const type = span.type === 'PER' || span.type === 'ORG' || span.type === 'LOC' ? span.type : 'MISC';
      const trimmed = trimCandidate(doc, { first: a + span.start, last: a + span.end, type, roles: [] });
      if (!trimmed) continue;
      // an outlet is an organisation, whatever the tagger made of it ("Al Jazeera", "Washington Post")
      if (isOutletOrganisation(candidateText(doc, trimmed), trimmed.type)) trimmed.type = 'ORG';
      inSentence.push(trimmed);
    }
    const inName = (token: number) => inSentence.some((c) => c.type === 'PER' && token >= c.first && token < c.last);
    for (const c of inSentence) {
      if (c.type === 'PER') {
        const before = c.roles.length ? null : roleBefore(doc, c, a, inName);
        if (before) c.roles.push(before);
        const after = roleAfter(doc, c, b) ?? (english && c.last < b && tokenText(doc, doc.tokens[c.last]) === ',' ? roleByParse(doc, (parse ??= new OnDemandParse(doc)), c) : null);
        if (after) c.roles.push(after);
      }
      cands.push(c);
    }
  });
  cands = findAcronyms(doc, keepNamesForLanguage(doc, cands, bodyCase));
  for (const c of cands) {
    if (c.type === 'MISC') c.type = productType('MISC', candidateText(doc, c));
  }
  return cands;
}

/** The character span of a candidate. */
export function candidateSpan(doc: Doc, c: Candidate): { start: number; end: number } {
  return { start: doc.tokens[c.first].start, end: doc.tokens[c.last - 1].end };
}

/** The words of a candidate as the text writes them. */
function candidateText(doc: Doc, c: Candidate): string {
  const { start, end } = candidateSpan(doc, c);
  return doc.text.slice(start, end);
}
