import type { Dep, Sentence, Token } from '../doc/doc.ts';
import type { Parser } from './parser.ts';
import { SentenceInput, tagId } from './sentence.ts';

const inputs = new WeakMap<Parser, { input: SentenceInput; heads: Int32Array; relations: Int32Array }>();

/**
 * Parses every sentence of a text's tokens and returns one Dep per token: its head as an
 * index into `tokens` (-1 for a sentence's root) and its relation. Tokens outside every
 * sentence are parsed as sentences of their own, so each token belongs to exactly one tree,
 * and each tree has exactly one root.
 *
 * @example parseTokens(parser, doc.text, doc.tokens, doc.sentences)[3] // { head: 4, rel: 'nsubj' }
 */
export function parseTokens(parser: Parser, text: string, tokens: readonly Token[], sentences: readonly Sentence[]): Dep[] {
  const deps: Dep[] = new Array(tokens.length);
  let s = 0;
  let i = 0;
  while (i < tokens.length) {
    while (s < sentences.length && sentences[s].end <= tokens[i].start) s++;
    let j = i + 1;
    if (s < sentences.length && sentences[s].start <= tokens[i].start) {
      const end = sentences[s].end;
      while (j < tokens.length && tokens[j].start < end) j++;
    } else {
      // tokens before the next sentence, outside any: one tree of their own
      const next = s < sentences.length ? sentences[s].start : Infinity;
      while (j < tokens.length && tokens[j].start < next) j++;
    }
    parseRange(parser, text, tokens, i, j, deps);
    i = j;
  }
  return deps;
}

/** Parses tokens[from, to) as one sentence into `deps` (heads as indices into `tokens`). */
export function parseRange(parser: Parser, text: string, tokens: readonly Token[], from: number, to: number, deps: Dep[]): void {
  let work = inputs.get(parser);
  const n = to - from;
  if (!work || work.heads.length < n) {
    const size = Math.max(n, 256, work ? work.heads.length * 2 : 0);
    work = { input: work?.input ?? new SentenceInput(size), heads: new Int32Array(size), relations: new Int32Array(size) };
    inputs.set(parser, work);
  }
  const { input, heads, relations } = work;
  input.reset(n);
  for (let k = 0; k < n; k++) {
    const t = tokens[from + k];
    input.set(k, text, t.start, t.end, tagId(t.pos));
  }
  parser.parse(input, heads, relations);
  const labels = parser.model.labels;
  for (let k = 0; k < n; k++) {
    deps[from + k] = heads[k] < 0 ? { head: -1, rel: 'root' } : { head: from + heads[k], rel: labels[relations[k]] };
  }
}
