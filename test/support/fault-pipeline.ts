// A pipeline for tests of the article pool's faults: the first cleaning stages, then a stage
// that fails on purpose when the article asks for it. The requests are words in the test's own
// articles; product code knows nothing of them. Workers load it through the pool's `pipeline`
// option (PipelineSource).
import { existsSync, writeFileSync } from 'node:fs';
import { clean } from '../../src/clean/clean.ts';
import { extract } from '../../src/clean/extract.ts';
import { structure } from '../../src/clean/structure.ts';
import type { Doc } from '../../src/doc/doc.ts';
import { createPipeline, type Pipeline, type Stage } from '../../src/pipeline/stage.ts';
import type { PipelineSource } from '../../src/pipeline/pipeline-worker.ts';

/** The pipeline stage throws on an article holding this. */
export const THROW = 'FAULT-THROW';
/** The worker thread exits (process.exit) on an article holding this. */
export const EXIT = 'FAULT-EXIT';
/** The stage on an article holding this fills the worker's heap until the thread runs out of memory. */
export const OUT_OF_MEMORY = 'FAULT-OUT-OF-MEMORY';
/** The worker thread exits on an article holding this followed by a file path, once: only when the file does not exist yet, which it creates. */
export const EXIT_ONCE = 'FAULT-EXIT-ONCE';

/** What the stage threw, as its failure's reason. */
export const THROWN = 'the fault stage threw on purpose';

function fault(): Stage {
  return {
    name: 'fault',
    needs: ['text'],
    provides: [],
    run(doc: Doc) {
      const once = new RegExp(`${EXIT_ONCE} (\\S+)`).exec(doc.raw);
      if (once) {
        if (existsSync(once[1])) return;
        writeFileSync(once[1], 'exited');
        process.exit(7);
      }
      if (doc.raw.includes(EXIT)) process.exit(7);
      if (doc.raw.includes(OUT_OF_MEMORY)) {
        const hog: number[][] = [];
        for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length));
      }
      if (doc.raw.includes(THROW)) throw new RangeError(THROWN);
    },
  };
}

/** The pipeline the workers build (export named in FAULT_PIPELINE). */
export function faultPipeline(): Pipeline {
  return createPipeline([extract(), clean(), structure(), fault()]);
}

/** Where the workers find faultPipeline. */
export const FAULT_PIPELINE: PipelineSource = { module: import.meta.url, name: 'faultPipeline' };
