import type { Dep, Doc } from '../doc/doc.ts';
import { firstEndingAfter, type Span } from '../doc/span.ts';

/**
 * Small readers of a Doc's parse (Doc.deps) for the stages that ask who did what to whom.
 * Tokens are indices into Doc.tokens; -1 means none. Each reader takes the Doc with its deps
 * already there (run the parse stage, or depsOf from ./stage.ts); with no deps, they find
 * nothing.
 */

/** Relations that mark a subject. */
const SUBJECT = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj', 'csubj:pass', 'csubj:outer']);
/** Relations that mark an object. */
const OBJECT = new Set(['obj', 'iobj']);
/** Relations whose dependent heads a clause of its own. */
const CLAUSE = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'advcl:relcl', 'acl', 'acl:relcl', 'csubj', 'csubj:pass', 'csubj:outer', 'parataxis']);
/** Function words that hang on the word they serve: asking for their subject asks for that word's. */
const FUNCTION = new Set(['aux', 'aux:pass', 'cop']);

const childLists = new WeakMap<Dep[], { start: Int32Array; list: Int32Array }>();

/** Each token's dependents in order (CSR arrays), computed once per parse. */
function children(deps: Dep[]): { start: Int32Array; list: Int32Array } {
  let c = childLists.get(deps);
  if (c) return c;
  const n = deps.length;
  const start = new Int32Array(n + 1);
  for (const d of deps) if (d.head >= 0 && d.head < n) start[d.head + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) {
    const h = deps[i].head;
    if (h >= 0 && h < n) list[fill[h]++] = i;
  }
  c = { start, list };
  childLists.set(deps, c);
  return c;
}

/** The dependents of a token, in text order. */
export function dependentsOf(doc: Doc, token: number): number[] {
  if (!(token >= 0 && token < doc.deps.length)) return [];
  const { start, list } = children(doc.deps);
  return Array.from(list.subarray(start[token], start[token + 1]));
}

/**
 * The subject of a verb: its dependent marked nsubj, nsubj:pass or csubj. An auxiliary or
 * copula ("has" in "she has said", "is" in "he is right") gives the subject of the word it
 * serves. A verb with no subject of its own that is conjoined to another or is its open
 * complement ("he came and saw", "she wants to leave") shares that verb's subject. -1 if none.
 *
 * @example subjectOf(doc, saidToken) // the token "Kershaw" in "said David Kershaw, …"
 */
export function subjectOf(doc: Doc, verb: number): number {
  const deps = doc.deps;
  let v = verb;
  for (let guard = 0; guard < 32 && v >= 0 && v < deps.length; guard++) {
    if (FUNCTION.has(deps[v].rel)) {
      v = deps[v].head;
      continue;
    }
    for (const d of dependentsOf(doc, v)) if (SUBJECT.has(deps[d].rel)) return d;
    const rel = deps[v].rel;
    if (rel === 'conj' || rel === 'xcomp') v = deps[v].head;
    else return -1;
  }
  return -1;
}

/** The objects of a verb (obj and iobj dependents), in text order; an auxiliary or copula gives those of the word it serves. */
export function objectsOf(doc: Doc, verb: number): number[] {
  const deps = doc.deps;
  let v = verb;
  if (v >= 0 && v < deps.length && FUNCTION.has(deps[v].rel)) v = deps[v].head;
  return dependentsOf(doc, v).filter((d) => OBJECT.has(deps[d].rel));
}

/**
 * The head of a span: of the tokens inside it, the one whose head lies outside it (or is a
 * root) and is nearest the root; on a tie, the last one. -1 if no token lies in the span.
 *
 * @example headOf(doc, { start: 0, end: 21 }) // "minister" in "the foreign minister"
 */
export function headOf(doc: Doc, span: Span): number {
  const { tokens, deps } = doc;
  if (deps.length !== tokens.length) return -1;
  let best = -1;
  let bestDepth = Infinity;
  for (let i = firstTokenAt(doc, span.start); i < tokens.length && tokens[i].start < span.end; i++) {
    if (tokens[i].end <= span.start) continue;
    const h = deps[i].head;
    const inside = h >= 0 && tokens[h].start >= span.start && tokens[h].end <= span.end;
    if (inside) continue;
    const depth = depthOf(deps, i);
    if (depth <= bestDepth) {
      best = i;
      bestDepth = depth;
    }
  }
  return best;
}

/**
 * The clause a token belongs to: the nearest token at or above it whose relation heads a
 * clause (root, ccomp, xcomp, advcl, acl, csubj, parataxis, or a conjoined verb), and the
 * extent of that token's subtree. Null for a token out of range or a Doc without deps.
 *
 * @example clauseOf(doc, t) // { head: 7, span: { start: 40, end: 71 } }
 */
export function clauseOf(doc: Doc, token: number): { head: number; span: Span } | null {
  const { tokens, deps } = doc;
  if (deps.length !== tokens.length || !(token >= 0 && token < tokens.length)) return null;
  let v = token;
  for (let guard = 0; guard < tokens.length; guard++) {
    const rel = deps[v].rel;
    if (deps[v].head < 0 || CLAUSE.has(rel) || (rel === 'conj' && (tokens[v].pos === 'VERB' || hasSubject(doc, v)))) break;
    v = deps[v].head;
  }
  return { head: v, span: subtreeSpan(doc, v) };
}

/** The extent of a token's subtree (the token and all its dependents, transitively). */
export function subtreeSpan(doc: Doc, token: number): Span {
  const { tokens } = doc;
  const { start, list } = children(doc.deps);
  let from = tokens[token].start;
  let to = tokens[token].end;
  const stack = [token];
  while (stack.length) {
    const t = stack.pop() as number;
    if (tokens[t].start < from) from = tokens[t].start;
    if (tokens[t].end > to) to = tokens[t].end;
    for (let k = start[t]; k < start[t + 1]; k++) stack.push(list[k]);
  }
  return { start: from, end: to };
}

function hasSubject(doc: Doc, token: number): boolean {
  return dependentsOf(doc, token).some((d) => SUBJECT.has(doc.deps[d].rel));
}

function depthOf(deps: Dep[], token: number): number {
  let depth = 0;
  for (let v = token; deps[v].head >= 0 && depth <= deps.length; v = deps[v].head) depth++;
  return depth;
}

// The first token that ends after `offset`.
function firstTokenAt(doc: Doc, offset: number): number {
  return firstEndingAfter(doc.tokens, offset);
}
