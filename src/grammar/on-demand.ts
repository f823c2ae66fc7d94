import type { Dep, Doc } from '../doc/doc.ts';
import { lastStartingAtOrBefore, type Span } from '../doc/span.ts';
import { defaultParser } from './model.ts';
import { parseRange } from './parse.ts';
import type { Parser } from './parser.ts';

/**
 * The parse of a Doc's sentences, each parsed the first time a stage asks about one of its
 * tokens: stages that need the parse of a few sentences (a reporting verb's, a name's with an
 * apposition) do not pay for the whole article's. `view` is the Doc with the parse so far in
 * `deps` (tokens of sentences not yet parsed are roots of their own, so no reader crosses into
 * them); Doc.deps itself is left as it was. Where the Doc already has its whole parse, that is
 * used.
 *
 * @example const parse = new OnDemandParse(doc); parse.ensure(t); subjectOf(parse.view, t)
 */
export class OnDemandParse {
  private current: Doc;
  private readonly parsed = new Set<number>();

  constructor(private readonly doc: Doc, private readonly parser?: Parser) {
    const whole = doc.deps.length === doc.tokens.length;
    this.current = whole ? doc : { ...doc, deps: doc.tokens.map((): Dep => ({ head: -1, rel: 'root' })) };
    if (whole) for (let s = 0; s < doc.sentences.length; s++) this.parsed.add(s);
  }

  /** The Doc with the parse of every sentence ensured so far. */
  get view(): Doc {
    return this.current;
  }

  /** Parses the sentence holding a token, if it is not parsed yet. */
  ensure(token: number): void {
    const { doc } = this;
    if (!(token >= 0 && token < doc.tokens.length)) return;
    const range = sentenceTokens(doc, doc.tokens[token].start);
    if (!range || this.parsed.has(range.index)) return;
    this.parsed.add(range.index);
    // a fresh array: the parse's readers cache each array's dependents once
    const deps = this.current.deps.slice();
    parseRange(this.parser ?? defaultParser(), doc.text, doc.tokens, range.from, range.to, deps);
    this.current = { ...this.current, deps };
  }
}

/**
 * The sentence holding a text offset and its tokens [from, to), or null when no sentence
 * holds it (or the sentence has no token).
 */
export function sentenceTokens(doc: Doc, offset: number): { index: number; sentence: Span; from: number; to: number } | null {
  const index = lastStartingAtOrBefore(doc.sentences, offset);
  const sentence = doc.sentences[index];
  if (!sentence || offset >= sentence.end) return null;
  const from = lastStartingAtOrBefore(doc.tokens, sentence.start - 1) + 1;
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to].start < sentence.end) to++;
  return to > from ? { index, sentence, from, to } : null;
}
