/**
 * The dependency parse's cost: ms per article for the `parse` stage on the bench's articles
 * (after the rest of the pipeline), beside the whole pipeline's ms per article in the same run,
 * and a linear-time check: one sentence of 1x, 4x and 16x a base number of tokens (the
 * worst case for a greedy parser: nothing breaks it up), beside tokenizing the same text.
 */
import { createDoc, type Sentence, type Token } from '../../src/doc/doc.ts';
import { defaultParser } from '../../src/grammar/model.ts';
import { parse } from '../../src/grammar/stage.ts';
import type { Pipeline } from '../../src/pipeline/stage.ts';
import { tokenizeText } from '../../src/text/tokenize.ts';
import type { BenchText } from './corpus.ts';

/** Articles timed (the first of the bench corpus). */
export const PARSE_ARTICLES = 300;
/** The linear-time check's sentence lengths, in tokens: the base and its multiples. */
export const PARSE_LINEAR_BASE = 5_000;
export const PARSE_LINEAR_SCALES = [1, 4, 16] as const;
const LINEAR_RUNS = 3;

/** What the parse phase measured. */
export interface ParseStageFigures {
  articles: number;
  tokens: number;
  pipelineMs: number;
  parseMs: number;
  linear: Array<{ scale: number; tokens: number; tokenizeMs: number; parseMs: number }>;
}

/**
 * Runs `pipeline` (without the parse stage) over the first PARSE_ARTICLES texts and the parse stage over each result,
 * timing both; then the linear-time check. The caller warms the pipeline up first.
 */
export function measureParseStage(texts: readonly BenchText[], pipeline: Pipeline): ParseStageFigures {
  defaultParser();
  let t = 0;
  const stage = parse();
  // warm the parser up on a few articles, untimed
  for (const { text } of texts.slice(0, 5)) stage.run(pipeline(createDoc(text, 'text')));
  const articles = texts.slice(0, PARSE_ARTICLES);
  let pipelineMs = 0;
  let parseMs = 0;
  let tokens = 0;
  for (const { text } of articles) {
    t = performance.now();
    const doc = pipeline(createDoc(text, 'text'));
    pipelineMs += performance.now() - t;
    t = performance.now();
    stage.run(doc);
    parseMs += performance.now() - t;
    tokens += doc.tokens.length;
  }
  const linear = PARSE_LINEAR_SCALES.map((scale) => {
    // the bench texts one after another, tokenized one by one (timed), until there are enough tokens
    const want = PARSE_LINEAR_BASE * scale;
    const pieces: string[] = [];
    const tokens: Token[] = [];
    let offset = 0;
    let tokenizeMs = 0;
    for (let i = 0; tokens.length < want && texts.length; i++) {
      const text = texts[i % texts.length].text;
      const sentences: Sentence[] = [];
      const own: Token[] = [];
      t = performance.now();
      tokenizeText(text, [], sentences, own);
      tokenizeMs += performance.now() - t;
      for (const token of own) if (tokens.length < want) tokens.push({ ...token, start: token.start + offset, end: token.end + offset });
      pieces.push(text);
      offset += text.length + 2;
    }
    const doc = createDoc(pieces.join('\n\n'), 'text');
    doc.tokens = tokens;
    doc.sentences = [{ start: 0, end: doc.text.length }]; // one sentence of every token
    let best = Infinity;
    for (let run = 0; run < LINEAR_RUNS; run++) {
      t = performance.now();
      stage.run(doc);
      best = Math.min(best, performance.now() - t);
    }
    return { scale, tokens: tokens.length, tokenizeMs, parseMs: best };
  });
  return { articles: articles.length, tokens, pipelineMs, parseMs, linear };
}

/** The report's lines for the parse phase. */
export function parseReport(f: ParseStageFigures, error?: string): string[] {
  const lines = ['', `Parse stage (dependency parse): the first ${f.articles} bench articles (${f.tokens} tokens), after warm-up (model loaded and five articles parsed first)`];
  if (error) lines.push(`  ${error}`);
  if (!f.articles) return lines;
  const per = (ms: number) => (ms / f.articles).toFixed(3);
  lines.push(`  the rest of the pipeline (the baseline: every default stage but parse): ${per(f.pipelineMs)} ms per article`);
  lines.push(`  parse stage alone: ${per(f.parseMs)} ms per article (${((100 * f.parseMs) / f.pipelineMs).toFixed(1)}% of the pipeline's time), ${Math.round(f.tokens / (f.parseMs / 1000)).toLocaleString('en-GB')} tokens/s`);
  lines.push(`  Linear time: one sentence of ${PARSE_LINEAR_SCALES.map((s) => `${s}x`).join(', ')} ${PARSE_LINEAR_BASE.toLocaleString('en-GB')} tokens; parse the fastest of ${LINEAR_RUNS} runs, tokenizing once`);
  const base = f.linear[0];
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  for (const l of f.linear) {
    lines.push(`    ${String(l.scale).padStart(2)}x ${String(l.tokens).padStart(7)} tokens  parse ${l.parseMs.toFixed(2).padStart(9)} ms (x${ratio(l.parseMs, base.parseMs)})  tokenize ${l.tokenizeMs.toFixed(1).padStart(8)} ms (x${ratio(l.tokenizeMs, base.tokenizeMs)})`);
  }
  const last = f.linear[f.linear.length - 1];
  if (last && base.parseMs > 0) lines.push(`    parse ms per token at ${last.scale}x ÷ at 1x: ${ratio(last.parseMs / last.tokens, base.parseMs / base.tokens)} (≈1 is linear; ≈${last.scale} would be quadratic)`);
  return lines;
}
