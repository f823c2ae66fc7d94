/**
 * Trains the attribution tagger on PolNeAR's train split, choosing the epoch on its dev
 * split, and writes `src/quotes/model/quotes.model.gz`.
 *
 *   npm run train:quotes -- [--data PATH] [--seed N] [--bits N] [--epochs N] [--ensemble N] [--margin X]
 *                          [--cue-min N] [--cue-share X] [--cache DIR] [--out FILE]
 */
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOptions } from '../learn/script-options.ts';
import { DEFAULT_QUOTE_MODEL_PATH } from './paths.ts';
import { scorePass, trainPass, type PreparedSentence } from '../learn/train-pass.ts';
import { averageWeights } from '../learn/perceptron.ts';
import { spansToBilou } from '../learn/spans.ts';
import { prepareArticles, scoreRuns, type PreparedArticle } from './corpus.ts';
import { createQuoteModel, documentFeatures, QUOTE_LABELS, saveQuoteModel, tagParagraphs } from './model.ts';
import { polnearDirOrExit, readPolnearSplit } from './polnear.ts';
import { bilouTransitions } from '../learn/labels.ts';


/** Words that make up gold cues at least `minCount` times and `minShare` of their occurrences in the training articles. */
export function cueLexicon(articles: readonly PreparedArticle[], minCount: number, minShare: number): Set<string> {
  const inCue = new Map<string, number>();
  const total = new Map<string, number>();
  for (const a of articles) {
    a.paragraphs.forEach((p, i) => {
      const cueTokens = new Set<number>();
      for (const r of a.gold[i]) if (r.part === 'cue') for (let k = r.start; k < r.end; k++) cueTokens.add(k);
      p.tokens.forEach((t, k) => {
        const w = t.value.toLowerCase();
        total.set(w, (total.get(w) ?? 0) + 1);
        if (cueTokens.has(k)) inCue.set(w, (inCue.get(w) ?? 0) + 1);
      });
    });
  }
  const out = new Set<string>();
  for (const [w, c] of inCue) if (c >= minCount && c / (total.get(w) ?? 1) >= minShare && /\p{L}/u.test(w)) out.add(w);
  return out;
}

/** Prepared articles for a split, cached as JSON when `cache` names a folder (the pipeline run is the slow part). */
export function loadPrepared(root: string, split: string, oneAnnotator: boolean, cache?: string): PreparedArticle[] {
  const file = cache ? join(cache, `polnear-${split}-${oneAnnotator ? 'one' : 'all'}.json`) : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PreparedArticle[];
  const prepared = prepareArticles(readPolnearSplit(root, split, oneAnnotator));
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(prepared));
  }
  return prepared;
}

function toSentences(articles: readonly PreparedArticle[], cues: ReadonlySet<string>): PreparedSentence[] {
  const index = new Map(QUOTE_LABELS.map((l, i) => [l, i]));
  const out: PreparedSentence[] = [];
  for (const a of articles) {
    const features = documentFeatures(a.paragraphs, cues);
    a.paragraphs.forEach((p, i) => {
      const labels = spansToBilou(a.gold[i].map((r) => ({ start: r.start, end: r.end, type: r.part })), p.tokens.length);
      out.push({ features: features[i], gold: Int32Array.from(labels, (l) => index.get(l) ?? 0), goldLabels: labels });
    });
  }
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = polnearDirOrExit(options);
  const seed = Number(options.get('seed') ?? 20161108);
  const bits = Number(options.get('bits') ?? 21);
  const epochs = Number(options.get('epochs') ?? 20);
  const margin = Number(options.get('margin') ?? 0);
  const cueMin = Number(options.get('cue-min') ?? 3);
  const cueShare = Number(options.get('cue-share') ?? 0.2);
  const out = options.get('out') ?? DEFAULT_QUOTE_MODEL_PATH;
  const cache = options.get('cache');
  const ensemble = Number(options.get('ensemble') ?? 1);
  const t0 = Date.now();
  const train = loadPrepared(root, 'train', false, cache);
  const dev = loadPrepared(root, 'dev', true, cache);
  console.log(`prepared ${train.length} train and ${dev.length} dev annotations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const cues = cueLexicon(train, cueMin, cueShare);
  console.log(`cue lexicon: ${cues.size} words`);
  const t1 = Date.now();
  const rules = bilouTransitions(QUOTE_LABELS);
  const trainSentences = toSentences(train, cues);
  const devSentences = toSentences(dev, cues);
  // an ensemble: passes over differently shuffled data, averaged into one linear model
  const passes = Array.from({ length: ensemble }, (_, k) => {
    console.log(`pass ${k + 1} of ${ensemble} (seed ${seed + k})`);
    return trainPass(trainSentences, devSentences, QUOTE_LABELS, rules, { bits, maxEpochs: epochs, patience: 3, seed: seed + k, margin, log: console.log });
  });
  const weights = averageWeights(passes.map((p) => p.weights));
  const result = { weights, epochs: passes.map((p) => p.epochs), devF1: scorePass(weights, rules, QUOTE_LABELS, devSentences) };
  const trainSeconds = (Date.now() - t1) / 1000;
  const model = createQuoteModel({
    cues,
    weights: result.weights,
    meta: {
      command: `npm run train:quotes -- ${process.argv.slice(2).join(' ')}`.trim(),
      data: 'PolNeAR train (every annotator file), epoch chosen on dev (first annotator per article)',
      seed,
      bits,
      margin,
      ensemble,
      cueMin,
      cueShare,
      epochs: result.epochs,
      devChunkF1: result.devF1,
      trainSeconds,
      trainedAt: new Date().toISOString(),
    },
  });
  const predicted = dev.flatMap((a) => tagParagraphs(model, a.paragraphs));
  const s = scoreRuns(dev.flatMap((a) => a.gold), predicted);
  console.log(`dev exact F1: source ${s.exact.source.f1.toFixed(1)} cue ${s.exact.cue.f1.toFixed(1)} content ${s.exact.content.f1.toFixed(1)}`);
  mkdirSync(dirname(out), { recursive: true });
  saveQuoteModel(model, out);
  console.log(`wrote ${out} (${result.epochs} epochs, ${trainSeconds.toFixed(0)} s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
