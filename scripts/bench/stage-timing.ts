import { createDoc, type Doc } from '../../src/doc/doc.ts';
import type { Pipeline, Stage } from '../../src/pipeline/stage.ts';
import type { BenchText } from './corpus.ts';

/** A text of about `chars` characters made of the bench's texts one after another, paragraphs apart. */
export function textOfLength(texts: readonly BenchText[], chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const t = texts[i % texts.length].text;
    parts.push(t);
    length += t.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}

/** What timing one stage over articles gave: the pipeline before it, the stage, what it found. */
export interface StageTiming {
  pipelineMs: number;
  stageMs: number;
  found: number;
  chars: number;
}

/**
 * Runs `pipeline` (the stages before the one measured) over each text and then `stage` over
 * the result, timing the two apart; `count` says how much the stage found in a Doc.
 */
export function timeStageOverTexts(texts: readonly BenchText[], pipeline: Pipeline, stage: Stage, count: (doc: Doc) => number): StageTiming {
  const timing: StageTiming = { pipelineMs: 0, stageMs: 0, found: 0, chars: 0 };
  for (const { text } of texts) {
    let t = performance.now();
    const doc = pipeline(createDoc(text, 'text'));
    timing.pipelineMs += performance.now() - t;
    t = performance.now();
    stage.run(doc);
    timing.stageMs += performance.now() - t;
    timing.found += count(doc);
    timing.chars += doc.text.length;
  }
  return timing;
}
