import type { Dep, Doc } from '../doc/doc.ts';
import { dependentsOf, subjectOf } from '../grammar/deps.ts';
import { defaultParser } from '../grammar/model.ts';
import { parseRange } from '../grammar/parse.ts';
import type { Parser } from '../grammar/parser.ts';
import { linearArguments, type ArgumentContext, type ArgumentFinder, type Arguments } from './arguments.ts';
import { firstPhraseFrom, type ActorPhrase, type Party } from './phrases.ts';

/**
 * Who did it and to whom, from the dependency parse of the trigger's sentence (src/grammar/):
 * the source is the trigger verb's subject (in the passive, its `obl:agent`, "was attacked by
 * X"), the target its object, else an oblique that "with", "to", "against"… introduce ("met
 * with X", "talks with X"), else the object of its open complement ("agreed to cooperate with
 * X"). A noun trigger takes its possessor ("Witkoff's meeting with Putin") or the subject of
 * the verb it is the object of ("held talks with Putin") as source, and its "with"/"between"
 * complements as target. Coordinated actors ("Russia and Ukraine") are one phrase of several
 * parties, as the actor phrases give them; where no actor phrase holds the word the parse
 * names, the phrase is its subtree's naming words.
 *
 * Only the sentences a trigger asks about are parsed, each once per Doc (the whole article's
 * parse costs several times the rest of the stage); Doc.deps is neither read nor written
 * unless it already holds the whole parse. Where the parse names no source, the position
 * finder's (linearArguments) is kept: a verb in a headline or a fragment often has no subject
 * the parser can see.
 */

/** Prepositions that introduce a target as an oblique or a noun's complement. */
const TARGET_CASES: ReadonlySet<string> = new Set(['with', 'to', 'against', 'on', 'from', 'for', 'into', 'toward', 'towards', 'upon', 'at']);
/** Dependents that belong to an actor's name (not a relative clause, an apposition, punctuation). */
const NAME_RELS: ReadonlySet<string> = new Set(['compound', 'flat', 'amod', 'nummod', 'nmod:poss', 'case', 'det', 'nmod', 'nmod:unmarked', 'nmod:desc']);
/** Parts of speech that may head an actor. */
const NOMINAL: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM', 'X']);
/** At most this many tokens of a subtree make an actor phrase (a long noun phrase stays linear to read). */
const MAX_PHRASE = 12;
/** Sentences longer than this are not parsed: the position finder answers (a run-on of thousands of words). */
export const MAX_PARSED_SENTENCE = 120;

/** A parsed sentence: a view of the Doc whose tokens and deps are the sentence's own (heads local). */
interface Tree {
  from: number;
  view: Doc;
}

/** A parse-based ArgumentFinder; `parser` defaults to the committed model. */
export function parseArguments(parser?: Parser): ArgumentFinder {
  // one tree at a time, keyed by the sentence's phrase list, which the stage makes once per
  // sentence and run: a clause after the first reuses its sentence's parse, and nothing is kept
  // past the sentence
  let lastPhrases: readonly ActorPhrase[] | null = null;
  let lastTree: Tree | null = null;
  return (ctx) => {
    const linear = linearArguments(ctx);
    if (plainClause(ctx, linear)) return linear;
    const [from, to] = ctx.sentence;
    if (to - from > MAX_PARSED_SENTENCE) return linear;
    if (ctx.phrases !== lastPhrases) {
      lastPhrases = ctx.phrases;
      lastTree = parseSentence(ctx.doc, from, to, parser);
    }
    const tree = lastTree as Tree;
    const found = treeArguments(ctx, tree);
    const source = found.source ?? linear.source;
    // a target the parse names as a plain noun ("roads", "its borders") or not at all gives way
    // to an actor phrase the positions find ("blocked roads … from President Bouteflika's government")
    let target = found.target;
    if ((!target || !isActorPhrase(ctx, target)) && linear.target && linear.target !== source && isActorPhrase(ctx, linear.target)) target = linear.target;
    return { source, target: target ?? (found.source ? null : linear.target) };
  };
}

/** Words between a subject and its verb that leave the subject plain ("has", "will not", "also"). */
const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set(['AUX', 'ADV', 'PART']);
/** Words between a verb and its object that leave the object plain ("met the", "attacked two"). */
const BETWEEN_VERB_AND_OBJECT: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NUM', 'ADP']);

/**
 * Whether the positions' answer is one the parse would only repeat, so that the sentence need
 * not be parsed: an active verb trigger whose source is a name or role phrase (not a pronoun)
 * right before it ("Russian troops shelled…", "Witkoff has met…"), and whose target is the
 * phrase right after it ("met Putin", "met with the Russian president") or that has no noun
 * after it in its clause.
 */
export function plainClause(ctx: ArgumentContext, found: Arguments): boolean {
  const { doc, trigger, clause } = ctx;
  const { source, target } = found;
  if (trigger.pos !== 'verb' || !source || source.pronoun || source.prep !== null || source.last >= trigger.first) return false;
  for (let i = source.last + 1; i < trigger.first; i++) if (!BETWEEN_SUBJECT_AND_VERB.has(doc.tokens[i].pos)) return false;
  if (target) {
    if (target.first <= trigger.last) return false;
    for (let i = trigger.last + 1; i < target.first; i++) if (!BETWEEN_VERB_AND_OBJECT.has(doc.tokens[i].pos)) return false;
    // "the Ukrainian city of Kharkiv": a phrase that a noun goes on is not the whole target
    const next = doc.tokens[target.last + 1];
    return !next || (next.pos !== 'NOUN' && next.pos !== 'PROPN');
  }
  for (let i = trigger.last + 1; i < clause[1]; i++) if (doc.tokens[i].pos === 'NOUN' || doc.tokens[i].pos === 'PROPN' || doc.tokens[i].pos === 'PRON') return false;
  return true;
}

function parseSentence(doc: Doc, from: number, to: number, parser?: Parser): Tree {
  const tokens = doc.tokens.slice(from, to);
  let deps: Dep[];
  if (doc.deps.length === doc.tokens.length) {
    deps = doc.deps.slice(from, to).map((d) => ({ head: d.head >= from && d.head < to ? d.head - from : -1, rel: d.head >= from && d.head < to ? d.rel : 'root' }));
  } else {
    deps = new Array<Dep>(tokens.length);
    parseRange(parser ?? defaultParser(), doc.text, tokens, 0, tokens.length, deps);
  }
  return { from, view: { ...doc, tokens, deps, sentences: [], mentions: [], timexes: [] } };
}

/** The arguments of the trigger from its sentence's tree; null where the tree names none. */
function treeArguments(ctx: ArgumentContext, tree: Tree): Arguments {
  const { trigger } = ctx;
  const { view, from } = tree;
  const deps = view.deps;
  const head = trigger.last - from;
  const phrase = (t: number) => (t >= 0 ? phraseAt(ctx, tree, t) : null);
  if (trigger.pos === 'noun') return nounArguments(ctx, tree, head);
  const subject = subjectOf(view, head);
  const passive = (subject >= 0 && deps[subject].rel.endsWith(':pass')) || dependentsOf(view, head).some((d) => deps[d].rel === 'aux:pass');
  const agent = dependentsOf(view, head).find((d) => deps[d].rel === 'obl:agent' || (deps[d].rel === 'obl' && caseOf(view, d) === 'by'));
  if (passive) return { source: phrase(agent ?? -1), target: phrase(subject) };
  let source = subject >= 0 && !deps[subject].rel.startsWith('csubj') ? phrase(subject) : null;
  // "Fijian rebels said they will release…": a pronoun in a reported clause is the reporter
  if (source?.pronoun) source = reporterOf(ctx, tree, head) ?? source;
  let target = targetOf(ctx, tree, head);
  // "agreed to cooperate with X", "urged X to …": the open complement's object or oblique
  if (!target) for (const d of dependentsOf(view, head)) if (deps[d].rel === 'xcomp' && !target) target = targetOf(ctx, tree, d);
  return { source, target };
}

/**
 * For a verb in a clause that completes another ("said they would…", "announced that he will…"),
 * the nearest governing verb's subject that is not a pronoun, or null.
 */
function reporterOf(ctx: ArgumentContext, tree: Tree, verb: number): ActorPhrase | null {
  const { view } = tree;
  const deps = view.deps;
  let v = verb;
  for (let guard = 0; guard < 4; guard++) {
    // climb to the head of the verb's own clause, then one clause up
    while (deps[v].head >= 0 && (deps[v].rel === 'conj' || deps[v].rel === 'xcomp')) v = deps[v].head;
    if (deps[v].rel !== 'ccomp' || deps[v].head < 0) return null;
    v = deps[v].head;
    const s = subjectOf(view, v);
    if (s < 0 || deps[s].rel.startsWith('csubj')) continue;
    const p = phraseAt(ctx, tree, s);
    if (p && !p.pronoun) return p;
  }
  return null;
}

/**
 * The target of a verb: its object, else an oblique that a target preposition introduces, else
 * the subject of its complement clause ("demanded that the US cancel…"), else the object or
 * oblique of its open complement ("threatened to deliver blows to the US"). Of these, the first
 * that is an actor phrase of the sentence (a name, a role, a group) wins over a plain noun.
 */
function targetOf(ctx: ArgumentContext, tree: Tree, verb: number): ActorPhrase | null {
  const { view } = tree;
  const deps = view.deps;
  const candidates: number[] = [];
  const complements: number[] = [];
  const add = (v: number) => {
    for (const d of dependentsOf(view, v)) {
      const rel = deps[d].rel;
      const nominal = NOMINAL.has(view.tokens[d].pos) || view.tokens[d].pos === 'PRON';
      if (!nominal || isTime(ctx.doc, tree, d)) {
        if (rel === 'ccomp' || rel === 'xcomp') complements.push(d);
        continue;
      }
      if (rel === 'obj' || rel === 'iobj' || rel === 'obl:unmarked') candidates.push(d);
      else if (rel === 'obl' && TARGET_CASES.has(caseOf(view, d))) candidates.push(d);
    }
  };
  add(verb);
  for (const c of complements.splice(0)) {
    const s = dependentsOf(view, c).find((d) => deps[d].rel === 'nsubj' || deps[d].rel === 'nsubj:pass');
    if (s !== undefined && deps[c].rel === 'ccomp') candidates.push(s);
    else if (deps[c].rel === 'xcomp') add(c);
  }
  let plain: ActorPhrase | null = null;
  for (const c of candidates) {
    const p = phraseAt(ctx, tree, c);
    if (p && isActorPhrase(ctx, p)) return p;
    plain ??= p;
  }
  return plain;
}

/** Whether a phrase is or holds one of the sentence's actor phrases (names, roles, groups): "the Ukrainian city of Kharkiv", not "roads". */
function isActorPhrase(ctx: ArgumentContext, p: ActorPhrase): boolean {
  const k = firstPhraseFrom(ctx.phrases, p.first);
  const q = ctx.phrases[k];
  return !!q && q.first >= p.first && q.last <= p.last;
}

/** A noun trigger's arguments: its possessor or the subject of the verb it completes, and its "with"/"against" complement. */
function nounArguments(ctx: ArgumentContext, tree: Tree, noun: number): Arguments {
  const { view } = tree;
  const deps = view.deps;
  let source: ActorPhrase | null = null;
  let target: ActorPhrase | null = null;
  for (const d of dependentsOf(view, noun)) {
    const rel = deps[d].rel;
    const prep = caseOf(view, d);
    if (rel === 'nmod:poss' && !source) source = phraseAt(ctx, tree, d);
    else if (rel === 'nmod' && prep === 'between' && !source) source = phraseAt(ctx, tree, d);
    else if (rel === 'nmod' && prep === 'by' && !source) source = phraseAt(ctx, tree, d);
    else if (rel === 'nmod' && TARGET_CASES.has(prep) && !target && !isTime(ctx.doc, tree, d)) target = phraseAt(ctx, tree, d);
  }
  const governor = deps[noun].head;
  if (governor >= 0 && (deps[noun].rel === 'obj' || deps[noun].rel === 'nsubj:pass')) {
    if (!source) {
      const s = subjectOf(view, governor);
      if (s >= 0 && s !== noun && !deps[s].rel.startsWith('csubj')) source = phraseAt(ctx, tree, s);
    }
    if (!target) {
      for (const d of dependentsOf(view, governor)) {
        if (d === noun) continue;
        const rel = deps[d].rel;
        if ((rel === 'iobj' || (rel === 'obl' && TARGET_CASES.has(caseOf(view, d)))) && !isTime(ctx.doc, tree, d)) {
          target = phraseAt(ctx, tree, d);
          break;
        }
      }
    }
  }
  return { source, target };
}

/** The lower-cased preposition (case dependent) of a token, or ''. */
function caseOf(view: Doc, t: number): string {
  for (const d of dependentsOf(view, t)) {
    if (view.deps[d].rel === 'case') {
      const tok = view.tokens[d];
      return view.text.slice(tok.start, tok.end).toLowerCase();
    }
  }
  return '';
}

/** Whether a token lies in a date or time expression of the Doc ("on Friday"). */
function isTime(doc: Doc, tree: Tree, t: number): boolean {
  const tok = tree.view.tokens[t];
  let lo = 0;
  let hi = doc.timexes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.timexes[mid].end <= tok.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < doc.timexes.length && doc.timexes[lo].start < tok.end;
}

/**
 * The actor phrase of the word the parse names: the phrase of the sentence that holds it, else
 * the word's own subtree of naming words (compounds, adjectives, possessors; not relative
 * clauses or appositions), its conjuncts as further parties. Null for a word that names no
 * actor (a clause, an adverb, "it").
 */
function phraseAt(ctx: ArgumentContext, tree: Tree, t: number): ActorPhrase | null {
  const global = tree.from + t;
  const k = firstPhraseFrom(ctx.phrases, global);
  const held = ctx.phrases[k];
  if (held && held.first <= global) return held;
  const { view } = tree;
  if (!NOMINAL.has(view.tokens[t].pos)) return null;
  // "the government and the army": each conjunct a party
  const heads = [t];
  for (const d of dependentsOf(view, t)) if (view.deps[d].rel === 'conj' && NOMINAL.has(view.tokens[d].pos)) heads.push(d);
  const parties: Party[] = [];
  let first = Infinity;
  let last = -1;
  for (const h of heads) {
    const [a, b] = namingSpan(view, h);
    parties.push({ start: view.tokens[a].start, end: view.tokens[b].end, entity: entityIn(ctx.doc, view.tokens[a].start, view.tokens[b].end) });
    first = Math.min(first, a);
    last = Math.max(last, b);
  }
  return { start: view.tokens[first].start, end: view.tokens[last].end, first: tree.from + first, last: tree.from + last, prep: caseOf(view, t) || null, parties, pronoun: false };
}

/** The token range [a, b] of a head and its naming dependents, without leading determiners and prepositions, at most MAX_PHRASE tokens. */
function namingSpan(view: Doc, head: number): [number, number] {
  let a = head;
  let b = head;
  const stack = [head];
  let seen = 0;
  while (stack.length && seen < MAX_PHRASE) {
    const x = stack.pop() as number;
    seen++;
    for (const d of dependentsOf(view, x)) {
      if (!NAME_RELS.has(view.deps[d].rel)) continue;
      // a prepositional complement names only when it follows its head ("president of Armenia")
      if (view.deps[d].rel === 'nmod' && d < x) continue;
      stack.push(d);
      a = Math.min(a, d);
      b = Math.max(b, d);
    }
  }
  // the span runs from its first to its last naming word; determiners and prepositions at its edges are not the actor
  const edge = (i: number) => view.tokens[i].pos === 'DET' || view.tokens[i].pos === 'ADP' || view.tokens[i].pos === 'PUNCT';
  while (a < head && edge(a)) a++;
  while (b > head && edge(b)) b--;
  return [a, b];
}

/** The entity of the last name mention inside [start, end), or null. */
function entityIn(doc: Doc, start: number, end: number): number | null {
  let lo = 0;
  let hi = doc.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.mentions[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let entity: number | null = null;
  for (let m = lo; m < doc.mentions.length && doc.mentions[m].start < end; m++) {
    const x = doc.mentions[m];
    if (x.type !== 'EVENT' && x.type !== 'MISC' && x.end <= end) entity = x.entity;
  }
  return entity;
}
