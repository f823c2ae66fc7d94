/**
 * The temporal-expression stage's cost: ms per article for `timexes` (tagTimexes) on the bench's
 * articles beside the whole pipeline's ms per article on the same articles in the same run,
 * and a linear-time check: the stage on one text of 1x, 4x and 16x a base length, beside
 * tokenizing the same texts (the stage's input, so the baseline of the ratios).
 */
import { createDoc } from '../../src/doc/doc.ts';
import type { Pipeline } from '../../src/pipeline/stage.ts';
import { tokenizeText } from '../../src/text/tokenize.ts';
import { timexes } from '../../src/time/timexes.ts';
import type { BenchText } from './corpus.ts';
import { textOfLength, timeStageOverTexts } from './stage-timing.ts';

/** Articles timed through the pipeline and the stage (the first of the bench corpus). */
export const TIME_ARTICLES = 300;
/** The base length of the linear-time check, in characters, and its multiples. */
export const TIME_LINEAR_BASE = 25_000;
export const TIME_LINEAR_SCALES = [1, 4, 16] as const;
const LINEAR_RUNS = 3;

/** What the time phase measured. */
export interface TimeStageFigures {
  articles: number;
  chars: number;
  /** The whole default pipeline, summed over the articles, and whether it already holds the timexes stage. */
  pipelineMs: number;
  pipelineHasTimexes: boolean;
  /** The timexes stage alone on the processed articles, summed, and the timexes it found. */
  timexesMs: number;
  timexes: number;
  linear: Array<{ scale: number; chars: number; tokens: number; tokenizeMs: number; timexesMs: number; timexes: number }>;
}

/**
 * Runs `pipeline` over the first `TIME_ARTICLES` texts and the timexes stage over each result,
 * timing both; then the linear-time check. The caller warms the pipeline up first.
 */
export function measureTimeStage(texts: readonly BenchText[], pipeline: Pipeline): TimeStageFigures {
  const stage = timexes();
  const articles = texts.slice(0, TIME_ARTICLES);
  const { pipelineMs, stageMs: timexesMs, found, chars } = timeStageOverTexts(articles, pipeline, stage, (doc) => doc.timexes.length);
  const linear = TIME_LINEAR_SCALES.map((scale) => {
    const text = textOfLength(texts, TIME_LINEAR_BASE * scale);
    const doc = createDoc(text, 'text', { language: 'en' });
    let t = performance.now();
    tokenizeText(text, [], doc.sentences, doc.tokens);
    const tokenizeMs = performance.now() - t;
    let best = Infinity;
    for (let run = 0; run < LINEAR_RUNS; run++) {
      t = performance.now();
      stage.run(doc);
      best = Math.min(best, performance.now() - t);
    }
    return { scale, chars: text.length, tokens: doc.tokens.length, tokenizeMs, timexesMs: best, timexes: doc.timexes.length };
  });
  return {
    articles: articles.length,
    chars,
    pipelineMs,
    pipelineHasTimexes: pipeline.stages.some((s) => s.name === stage.name),
    timexesMs,
    timexes: found,
    linear,
  };
}

/** The report's lines for the time phase. */
export function timeReport(f: TimeStageFigures, error?: string): string[] {
  const lines = ['', `Time stage (timexes): the first ${f.articles} bench articles (${(f.chars / 1000).toFixed(0)}k characters), after warm-up`];
  if (error) lines.push(`  ${error}`);
  if (!f.articles) return lines;
  const per = (ms: number) => (ms / f.articles).toFixed(3);
  lines.push(`  whole pipeline (the baseline${f.pipelineHasTimexes ? ', timexes included' : '; it does not run timexes yet'}): ${per(f.pipelineMs)} ms per article`);
  lines.push(`  timexes stage alone: ${per(f.timexesMs)} ms per article (${((100 * f.timexesMs) / f.pipelineMs).toFixed(1)}% of the pipeline's time), ${f.timexes} timexes (${(f.timexes / f.articles).toFixed(1)} per article)`);
  lines.push(`  Linear time: one text of ${TIME_LINEAR_SCALES.map((s) => `${s}x`).join(', ')} ${(TIME_LINEAR_BASE / 1000).toFixed(0)}k characters; timexes the fastest of ${LINEAR_RUNS} runs, tokenizing (its input) once`);
  const base = f.linear[0];
  for (const l of f.linear) {
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
    lines.push(
      `    ${String(l.scale).padStart(2)}x ${String(l.chars).padStart(8)} chars  timexes ${l.timexesMs.toFixed(2).padStart(9)} ms (x${ratio(l.timexesMs, base.timexesMs)}, ${l.timexes} found)  tokenize ${l.tokenizeMs.toFixed(1).padStart(8)} ms (x${ratio(l.tokenizeMs, base.tokenizeMs)})`,
    );
  }
  const last = f.linear[f.linear.length - 1];
  if (last && base.timexesMs > 0) {
    lines.push(`    timexes ms per character at ${last.scale}x ÷ at 1x: ${((last.timexesMs / last.chars) / (base.timexesMs / base.chars)).toFixed(2)} (≈1 is linear; ≈${last.scale} would be quadratic)`);
  }
  return lines;
}
