import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Token } from '../doc/doc.ts';
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
 * Splits a text into sentences and tokens with exact offsets, never letting a sentence run
 * across a boundary in `breaks` (block starts, sorted). wink-nlp keeps every character (a
 * token's preceding spaces plus its value rebuild the input), so offsets are summed, not
 * searched. One wink-nlp document per text: per-paragraph documents cost more than they save.
 */
export function tokenizeText(text: string, breaks: readonly number[], sentences: Sentence[], tokens: Token[]): void {
  if (!text) return;
  const nlp = wink();
  const its = nlp.its;
  const wdoc = nlp.readDoc(text);
  const all = wdoc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const types = all.out(its.type) as string[];
  const n = values.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += spaces[i].length;
    starts[i] = at;
    at += values[i].length;
    ends[i] = at;
  }
  if (at !== text.length) {
    // wink-nlp changed the text: one sentence per block rather than wrong offsets
    const bounds = [...breaks.filter((b) => b > 0 && b < text.length), text.length];
    let from = 0;
    for (const b of bounds) {
      if (b > from) sentences.push({ start: from, end: b });
      from = b;
    }
    return;
  }
  const kept = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (LAYOUT_TYPES.has(types[i]) || values[i].trim() === '') continue;
    kept[i] = tokens.length;
    tokens.push({ start: starts[i], end: ends[i], pos: pos[i], type: types[i] });
  }
  let nextBreak = 0;
  for (const [a, b] of wdoc.sentences().out(its.span) as unknown as [number, number][]) {
    let first = -1;
    let last = -1;
    for (let i = a; i <= b; i++) {
      if (kept[i] < 0) continue;
      while (nextBreak < breaks.length && breaks[nextBreak] <= starts[i]) {
        // a block starts at or before this token: close the sentence piece before it
        if (first >= 0 && breaks[nextBreak] > starts[first]) {
          sentences.push({ start: starts[first], end: ends[last] });
          first = -1;
        }
        nextBreak++;
      }
      if (first < 0) first = i;
      last = i;
    }
    if (first >= 0) sentences.push({ start: starts[first], end: ends[last] });
  }
}

/**
 * Stage: sentences and tokens from wink-nlp; no sentence runs across a heading or
 * paragraph break.
 */
export function tokenize(): Stage {
  return {
    name: 'tokenize',
    needs: ['text', 'blocks'],
    provides: ['sentences', 'tokens'],
    run(doc: Doc) {
      const sentences: Sentence[] = [];
      const tokens: Token[] = [];
      tokenizeText(doc.text, doc.blocks.map((b) => b.start), sentences, tokens);
      doc.sentences = sentences;
      doc.tokens = tokens;
    },
  };
}
