import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Token } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import type { Stage } from '../pipeline/stage.ts';

type Wink = ReturnType<typeof winkNLP>;

let shared: Wink | undefined;

/** The one wink-nlp instance (sentence boundaries and part of speech), loaded on first use. */
export function wink(): Wink {
  shared ??= winkNLP(model, ['sbd', 'pos']);
  return shared;
}

/** Token types that are only layout; they are not stored as tokens. */
const LAYOUT_TYPES = new Set(['tabCRLF']);

/**
 * Splits one stretch of text into sentences and tokens with exact offsets. wink-nlp keeps
 * every character (a token's preceding spaces plus its value rebuild the input), so offsets
 * are summed, not searched.
 */
export function tokenizeRange(text: string, range: Span, sentences: Sentence[], tokens: Token[]): void {
  if (range.end <= range.start) return;
  const nlp = wink();
  const its = nlp.its;
  const wdoc = nlp.readDoc(text.slice(range.start, range.end));
  const all = wdoc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const types = all.out(its.type) as string[];
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let at = range.start;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    starts[i] = at;
    at += values[i].length;
    ends[i] = at;
  }
  if (at !== range.end) {
    // wink-nlp changed the text: fall back to one sentence for the range rather than lie
    sentences.push({ start: range.start, end: range.end });
    return;
  }
  const tokenIndex = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    if (LAYOUT_TYPES.has(types[i]) || values[i].trim() === '') continue;
    tokenIndex[i] = tokens.length;
    tokens.push({ start: starts[i], end: ends[i], pos: pos[i], type: types[i] });
  }
  for (const [a, b] of wdoc.sentences().out(its.span) as unknown as [number, number][]) {
    // trim layout tokens off both ends of the sentence
    let first = a;
    let last = b;
    while (first <= last && tokenIndex[first] < 0) first++;
    while (last >= first && tokenIndex[last] < 0) last--;
    if (first <= last) sentences.push({ start: starts[first], end: ends[last] });
  }
}

/**
 * Stage: sentences and tokens from wink-nlp, one block at a time so that no sentence runs
 * across a heading or paragraph break.
 */
export function tokenize(): Stage {
  return {
    name: 'tokenize',
    needs: ['text', 'blocks'],
    provides: ['sentences', 'tokens'],
    run(doc: Doc) {
      const sentences: Sentence[] = [];
      const tokens: Token[] = [];
      const ranges = doc.blocks.length ? doc.blocks : [{ start: 0, end: doc.text.length }];
      for (const range of ranges) tokenizeRange(doc.text, range, sentences, tokens);
      doc.sentences = sentences;
      doc.tokens = tokens;
    },
  };
}
