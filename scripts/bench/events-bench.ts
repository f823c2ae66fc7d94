/**
 * The events stage's cost: ms per article for `events` (findEvents) on the bench's articles
 * beside the whole pipeline's ms per article on the same articles in the same run, and a
 * linear-time check: the stage on one text of 1x, 4x and 16x a base length, beside tokenizing
 * the same texts. Runs on its own too:
 *
 *   node --import tsx scripts/bench/events-bench.ts [--n 300]
 */
import { fileURLToPath } from 'node:url';
import { createDoc } from '../../src/doc/doc.ts';
import { events } from '../../src/events/stage.ts';
import { dataDir, parseOptions } from '../../src/learn/script-options.ts';
import { defaultStages } from '../../src/pipeline/default-pipeline.ts';
import { createPipeline, type Pipeline } from '../../src/pipeline/stage.ts';
import { tokenizeText } from '../../src/text/tokenize.ts';
import { textCorpus, type BenchText } from './corpus.ts';
import { textOfLength, timeStageOverTexts } from './stage-timing.ts';

/** Articles timed (the first of the bench corpus). */
export const EVENTS_ARTICLES = 300;
/** The base length of the linear-time check, in characters, and its multiples. */
export const EVENTS_LINEAR_BASE = 25_000;
export const EVENTS_LINEAR_SCALES = [1, 4, 16] as const;
const LINEAR_RUNS = 3;

/** What the events phase measured. */
export interface EventsStageFigures {
  articles: number;
  chars: number;
  pipelineMs: number;
  pipelineHasEvents: boolean;
  eventsMs: number;
  events: number;
  linear: Array<{ scale: number; chars: number; tokens: number; tokenizeMs: number; pipelineMs: number; eventsMs: number; events: number }>;
}

/** Runs `pipeline` (without the events stage) over the articles and the events stage over each result, timing both; then the linear-time check. */
export function measureEventsStage(texts: readonly BenchText[], pipeline: Pipeline, n = EVENTS_ARTICLES): EventsStageFigures {
  const stage = events();
  const articles = texts.slice(0, n);
  const { pipelineMs, stageMs: eventsMs, found, chars } = timeStageOverTexts(articles, pipeline, stage, (doc) => doc.events.length);
  const linear = EVENTS_LINEAR_SCALES.map((scale) => {
    const text = textOfLength(texts, EVENTS_LINEAR_BASE * scale);
    const plain = createDoc(text, 'text', { language: 'en' });
    let t = performance.now();
    tokenizeText(text, [], plain.sentences, plain.tokens);
    const tokenizeMs = performance.now() - t;
    t = performance.now();
    const doc = pipeline(createDoc(text, 'text', { language: 'en' }));
    const pipeMs = performance.now() - t;
    let best = Infinity;
    for (let run = 0; run < LINEAR_RUNS; run++) {
      t = performance.now();
      stage.run(doc);
      best = Math.min(best, performance.now() - t);
    }
    return { scale, chars: text.length, tokens: doc.tokens.length, tokenizeMs, pipelineMs: pipeMs, eventsMs: best, events: doc.events.length };
  });
  return { articles: articles.length, chars, pipelineMs, pipelineHasEvents: pipeline.stages.some((s) => s.name === stage.name), eventsMs, events: found, linear };
}

/** The report's lines for the events phase. */
export function eventsReport(f: EventsStageFigures): string[] {
  const lines = ['', `Events stage: the first ${f.articles} bench articles (${(f.chars / 1000).toFixed(0)}k characters), after warm-up`];
  if (!f.articles) return lines;
  const per = (ms: number) => (ms / f.articles).toFixed(3);
  lines.push(`  pipeline before it (the baseline): ${per(f.pipelineMs)} ms per article`);
  lines.push(`  events stage alone: ${per(f.eventsMs)} ms per article (${((100 * f.eventsMs) / f.pipelineMs).toFixed(1)}% of the pipeline's time), ${f.events} events (${(f.events / f.articles).toFixed(1)} per article)`);
  lines.push(`  Linear time: one text of ${EVENTS_LINEAR_SCALES.map((s) => `${s}x`).join(', ')} ${(EVENTS_LINEAR_BASE / 1000).toFixed(0)}k characters; events the fastest of ${LINEAR_RUNS} runs`);
  const base = f.linear[0];
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  for (const l of f.linear) {
    lines.push(`    ${String(l.scale).padStart(2)}x ${String(l.chars).padStart(8)} chars  events ${l.eventsMs.toFixed(2).padStart(8)} ms (x${ratio(l.eventsMs, base.eventsMs)}, ${l.events} found)  tokenize ${l.tokenizeMs.toFixed(1).padStart(7)} ms (x${ratio(l.tokenizeMs, base.tokenizeMs)})`);
  }
  const last = f.linear[f.linear.length - 1];
  if (last && base.eventsMs > 0) lines.push(`    events ms per character at ${last.scale}x ÷ at 1x: ${(last.eventsMs / last.chars / (base.eventsMs / base.chars)).toFixed(2)} (≈1 is linear; ≈${last.scale} would be quadratic)`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = parseOptions(process.argv.slice(2));
  const n = Number(options.get('n') ?? EVENTS_ARTICLES);
  const { texts, origin } = textCorpus(dataDir(options.get('data')), n);
  const pipeline = createPipeline(defaultStages().filter((s) => s.name !== 'events'));
  for (const { text } of texts.slice(0, 20)) events().run(pipeline(createDoc(text, 'text'))); // warm-up
  console.log(`corpus: ${origin}, ${texts.length} texts`);
  for (const line of eventsReport(measureEventsStage(texts, pipeline, n))) console.log(line);
}
