import type { Dep, Doc } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import { defaultParser } from './model.ts';
import { sentenceTokens } from './on-demand.ts';
import { parseRange } from './parse.ts';
import type { Parser } from './parser.ts';

/** One word of a parsed sentence, for showing the parse to a person. */
export interface ParsedWord extends Span {
  text: string;
  /** wink-nlp's part of speech. */
  pos: string;
  /** The word it depends on, as an index into the sentence's words; -1 for the root. */
  head: number;
  /** Its Universal Dependencies relation to that word (`nsubj`, `obj`, `root`…). */
  rel: string;
}

/** A sentence and its dependency parse. */
export interface SentenceParse {
  /** The sentence, in offsets of the cleaned text. */
  sentence: Span;
  words: ParsedWord[];
}

/**
 * The dependency parse of the sentence holding `offset`, for an analyst who asks why a
 * speaker or an actor was chosen: the Doc's own parse where it has one, else this sentence
 * parsed now (Doc.deps is left as it was). Null when no sentence holds the offset.
 *
 * @example parseSentenceAt(doc, quote.cue.start)?.words.find((w) => w.rel === 'nsubj')
 */
export function parseSentenceAt(doc: Doc, offset: number, parser?: Parser): SentenceParse | null {
  const range = sentenceTokens(doc, offset);
  if (!range) return null;
  const { sentence, from, to } = range;
  let deps: Dep[];
  if (doc.deps.length === doc.tokens.length) deps = doc.deps;
  else {
    deps = [];
    parseRange(parser ?? defaultParser(), doc.text, doc.tokens, from, to, deps);
  }
  const words: ParsedWord[] = [];
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    const d = deps[i];
    // a head outside the sentence cannot happen in a parse of it; guarded all the same
    const head = d.head >= from && d.head < to ? d.head - from : -1;
    words.push({ start: t.start, end: t.end, text: doc.text.slice(t.start, t.end), pos: t.pos, head, rel: head < 0 ? 'root' : d.rel });
  }
  return { sentence: { start: sentence.start, end: sentence.end }, words };
}
