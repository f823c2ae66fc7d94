import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOptions, REPO_ROOT } from '../learn/script-options.ts';
import { Configuration, SHIFT } from './arc-hybrid.ts';
import { AttachmentScore } from './attachment.ts';
import { readConlluFile } from './conllu.ts';
import { extractFeatures, FEATURE_COUNT } from './features.ts';
import { loadParser } from './model.ts';
import type { ParserModel } from './parser.ts';
import { DEFAULT_PARSER_PATH } from './paths.ts';
import { tagInput } from './tagger.ts';
import { ewtFilesOrExit, tagSentence, type TaggedSentence } from './treebank.ts';
import { scoreFeatures } from './weights.ts';

/**
 * `node --import tsx src/grammar/ablate.ts` — which of the parser's feature templates a trained
 * model leans on, on EWT dev only: dev LAS on gold words with each template left out in turn
 * (its feature never found), and how many distinct features of it the dev parse looks up (the
 * rows it reads from memory; a template of many distinct features costs cache misses). A guide
 * for choosing templates to drop before retraining, not a score of the model.
 */
function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const files = ewtFilesOrExit(options);
  const modelPath = options.get('model') ?? DEFAULT_PARSER_PATH;
  const model = loadParser(modelPath).model;
  const dev = readConlluFile(files.dev).map((ud) => tagSentence(ud, new Map()));
  for (const s of dev) {
    if (model.tagger) tagInput(model.tagger, s.input);
  }
  const distinct = Array.from({ length: FEATURE_COUNT }, () => new Set<number>());
  const all = parseAll(model, dev, -1, distinct);
  console.log(`EWT dev, ${relative(REPO_ROOT, modelPath)}: LAS ${all.las.toFixed(2)} UAS ${all.uas.toFixed(2)} with every template`);
  console.log('template  LAS without  change   distinct features looked up');
  const rows: [number, number, number][] = [];
  for (let k = 0; k < FEATURE_COUNT; k++) {
    const without = parseAll(model, dev, k, null);
    rows.push([k, without.las - all.las, distinct[k].size]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [k, change, d] of rows) console.log(`${String(k).padStart(8)}  ${(all.las + change).toFixed(2).padStart(11)}  ${change.toFixed(2).padStart(6)}   ${d}`);
}

/** Greedy parses of the sentences (tags already set) with template `off` never found; records distinct features when asked. */
function parseAll(model: ParserModel, sentences: readonly TaggedSentence[], off: number, distinct: Set<number>[] | null): AttachmentScore {
  const L = model.labels.length;
  const c = new Configuration();
  const features = new Int32Array(FEATURE_COUNT);
  const scores = new Int32Array(2 * L + 1);
  const score = new AttachmentScore();
  for (const s of sentences) {
    c.reset(s.input.n);
    while (!c.terminal()) {
      let best = SHIFT;
      if (c.canLeft() || c.canRight()) {
        extractFeatures(c, s.input, features);
        if (distinct) features.forEach((f, k) => distinct[k].add(f));
        if (off >= 0) features[off] = 0x7fffffff;
        scores.fill(0);
        scoreFeatures(model.weights, features, FEATURE_COUNT, scores);
        let bestScore = -Infinity;
        best = -1;
        const from = c.canShift() ? 0 : 1;
        const to = c.canRight() ? 2 * L : L;
        for (let a = from; a <= to; a++) {
          if (a >= 1 && a <= L && !c.canLeft()) continue;
          if (scores[a] > bestScore) {
            best = a;
            bestScore = scores[a];
          }
        }
      }
      c.apply(best, L);
    }
    for (let i = 0; i < s.input.n; i++) {
      const gold = s.ud.words[i];
      const h = c.head[i];
      score.add(h === gold.head, h < 0 ? 'root' : model.labels[c.label[i]], gold.deprel);
    }
  }
  return score;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
