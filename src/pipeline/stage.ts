import type { Doc } from '../doc/doc.ts';

/**
 * A named piece of per-article work. `needs` and `provides` name Doc layers or facts
 * (`raw`, `text`, `blocks`, `sentences`...); the pipeline checks them once, when it is built.
 */
export interface Stage {
  name: string;
  needs: readonly string[];
  provides: readonly string[];
  run: (doc: Doc) => void;
}

/** What every Doc has before the first stage runs. */
export const INITIAL_FACTS = ['raw', 'format', 'meta', 'text', 'map'] as const;

/** A function that runs a fixed list of stages over one Doc, in order. */
export type Pipeline = ((doc: Doc) => Doc) & { stages: readonly Stage[] };

/**
 * Builds a pipeline from stages, checking that each stage's needs are provided by an earlier
 * one. Throws a TypeError naming the stage and the missing fact otherwise.
 *
 * @example const run = createPipeline([extract(), clean(), tokenize()]); run(doc);
 */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const have = new Set<string>(INITIAL_FACTS);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new TypeError(`stage "${stage.name}" appears twice in the pipeline`);
    names.add(stage.name);
    for (const need of stage.needs) {
      if (!have.has(need)) throw new TypeError(`stage "${stage.name}" needs "${need}", which no earlier stage provides`);
    }
    for (const fact of stage.provides) have.add(fact);
  }
  const frozen = Object.freeze([...stages]);
  const run = (doc: Doc): Doc => {
    for (const stage of frozen) stage.run(doc);
    return doc;
  };
  return Object.assign(run, { stages: frozen });
}
