/**
 * Trains the attribution tagger on PolNeAR's train split, choosing each pass's epochs on its
 * dev split, then (unless `--refit no`) trains again with those epochs on train and dev
 * together, and writes `src/quotes/model/quotes.model.gz`.
 *
 *   npm run train:quotes -- [--data PATH] [--seed N] [--bits N] [--epochs N] [--ensemble N] [--margin X]
 *                          [--cue-min N] [--cue-share X] [--passes 1|2] [--folds N] [--refit yes|no] [--cache DIR] [--out FILE]
 *
 * With two passes (the default), a second tagger reads the first one's labels. On the
 * training articles those labels come from first-pass models trained without them (k-fold,
 * an article's annotator files kept in one fold), so they are as noisy as at run time.
 */
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOptions } from '../learn/script-options.ts';
import { DEFAULT_QUOTE_MODEL_PATH } from './paths.ts';
import { crossFoldLabels, trainEnsemble, type PreparedSentence } from '../learn/train-pass.ts';
import type { PassWeights } from '../learn/perceptron.ts';
import { spansToBilou } from '../learn/spans.ts';
import { prepareArticles, scoreRuns, type PreparedArticle } from './corpus.ts';
import { createQuoteModel, documentFeatures, labelParagraphs, QUOTE_LABELS, saveQuoteModel, tagParagraphs } from './model.ts';
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

/** Training sentences (one per paragraph); `priors`, for a second pass, holds each article's first-pass labels. */
function toSentences(articles: readonly PreparedArticle[], cues: ReadonlySet<string>, priors?: readonly string[][][]): PreparedSentence[] {
  const index = new Map(QUOTE_LABELS.map((l, i) => [l, i]));
  const out: PreparedSentence[] = [];
  for (const [k, a] of articles.entries()) {
    const features = documentFeatures(a.paragraphs, cues, priors?.[k]);
    a.paragraphs.forEach((p, i) => {
      const labels = spansToBilou(a.gold[i].map((r) => ({ start: r.start, end: r.end, type: r.part })), p.tokens.length);
      out.push({ features: features[i], gold: Int32Array.from(labels, (l) => index.get(l) ?? 0), goldLabels: labels });
    });
  }
  return out;
}

/** How to train the tagger's passes. */
interface PassSettings {
  seed: number;
  bits: number;
  maxEpochs: number;
  margin: number;
  ensemble: number;
  passCount: number;
  folds: number;
}

/** What training gives: each pass's weights and epochs, and, with a dev set, each pass's dev chunk F1. */
interface Trained {
  passes: PassWeights[];
  epochs: number[];
  devChunkF1: (number | null)[];
}

/**
 * Trains one or two passes on `train`. With `dev`, each pass stops at its best dev epoch;
 * without, each pass trains exactly `fixedEpochs[pass]` epochs (a refit on more data).
 */
function trainPasses(train: readonly PreparedArticle[], dev: readonly PreparedArticle[] | null, cues: ReadonlySet<string>, settings: PassSettings, fixedEpochs?: readonly number[]): Trained {
  const rules = bilouTransitions(QUOTE_LABELS);
  const pass = (trainSet: readonly PreparedSentence[], devSet: readonly PreparedSentence[] | null, fixed: number | undefined) => {
    const options = { bits: settings.bits, maxEpochs: settings.maxEpochs, patience: 3, margin: settings.margin, seed: settings.seed, fixedEpochs: fixed, log: console.log };
    return trainEnsemble(trainSet, devSet, QUOTE_LABELS, rules, options, settings.ensemble);
  };

  console.log('pass 1');
  const devFirst = dev ? toSentences(dev, cues) : null;
  const first = pass(toSentences(train, cues), devFirst, fixedEpochs?.[0]);
  const out: Trained = { passes: [first.weights], epochs: [first.epochs], devChunkF1: [first.devF1] };
  if (settings.passCount < 2) return out;

  // The second pass learns from first-pass labels; on the training articles those come from
  // models that did not see them (k-fold, an article's annotator files in one fold).
  const names = [...new Set(train.map((a) => a.article))];
  const foldOf = new Map(names.map((name, k) => [name, k % settings.folds]));
  const trainPriors = crossFoldLabels(
    train,
    settings.folds,
    (a) => foldOf.get(a.article)!,
    (rest, f) => {
      console.log(`pass 1, fold ${f + 1} of ${settings.folds}: ${first.epochs} epochs on ${rest.length} annotations`);
      return createQuoteModel({ cues, passes: [pass(toSentences(rest, cues), null, first.epochs).weights], meta: {} });
    },
    (foldModel, a) => labelParagraphs(foldModel, a.paragraphs),
  );
  const firstModel = createQuoteModel({ cues, passes: [first.weights], meta: {} });
  const devSecond = dev ? toSentences(dev, cues, dev.map((a) => labelParagraphs(firstModel, a.paragraphs))) : null;
  console.log("pass 2: reading the first pass's labels");
  const second = pass(toSentences(train, cues, trainPriors), devSecond, fixedEpochs?.[1]);
  out.passes.push(second.weights);
  out.epochs.push(second.epochs);
  out.devChunkF1.push(second.devF1);
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = polnearDirOrExit(options);
  const settings: PassSettings = {
    seed: Number(options.get('seed') ?? 20161108),
    bits: Number(options.get('bits') ?? 21),
    maxEpochs: Number(options.get('epochs') ?? 20),
    margin: Number(options.get('margin') ?? 0),
    ensemble: Number(options.get('ensemble') ?? 1),
    passCount: Number(options.get('passes') ?? 2),
    folds: Number(options.get('folds') ?? 4),
  };
  const cueMin = Number(options.get('cue-min') ?? 3);
  const cueShare = Number(options.get('cue-share') ?? 0.2);
  const refit = (options.get('refit') ?? 'yes') !== 'no';
  const out = options.get('out') ?? DEFAULT_QUOTE_MODEL_PATH;
  const cache = options.get('cache');
  const t0 = Date.now();
  const train = loadPrepared(root, 'train', false, cache);
  const dev = loadPrepared(root, 'dev', true, cache);
  console.log(`prepared ${train.length} train and ${dev.length} dev annotations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  const cues = cueLexicon(train, cueMin, cueShare);
  console.log(`cue lexicon: ${cues.size} words`);
  const tuned = trainPasses(train, dev, cues, settings);
  const tunedModel = createQuoteModel({ cues, passes: tuned.passes, meta: {} });
  const s = scoreRuns(dev.flatMap((a) => a.gold), dev.flatMap((a) => tagParagraphs(tunedModel, a.paragraphs)));
  const devExact = { source: s.exact.source.f1, cue: s.exact.cue.f1, content: s.exact.content.f1 };
  console.log(`dev exact F1 (trained on train): source ${devExact.source.toFixed(1)} cue ${devExact.cue.toFixed(1)} content ${devExact.content.toFixed(1)}`);

  // The refit: the same settings and epochs on train and dev together (every annotator file).
  let model = tunedModel;
  let finalCues = cues;
  if (refit) {
    const all = train.concat(loadPrepared(root, 'dev', false, cache));
    finalCues = cueLexicon(all, cueMin, cueShare);
    console.log(`refit on ${all.length} train and dev annotations, epochs ${tuned.epochs.join(', ')}; cue lexicon: ${finalCues.size} words`);
    model = createQuoteModel({ cues: finalCues, passes: trainPasses(all, null, finalCues, settings, tuned.epochs).passes, meta: {} });
  }
  const trainSeconds = (Date.now() - t1) / 1000;
  model.meta = {
    command: `npm run train:quotes -- ${process.argv.slice(2).join(' ')}`.trim(),
    data: refit
      ? 'PolNeAR train and dev (every annotator file), with the epochs chosen when training on train alone and scoring dev (first annotator per article)'
      : 'PolNeAR train (every annotator file), epochs chosen on dev (first annotator per article)',
    ...settings,
    cueMin,
    cueShare,
    epochs: tuned.epochs,
    devChunkF1: tuned.devChunkF1,
    devExactF1: devExact,
    trainSeconds,
    trainedAt: new Date().toISOString(),
  };
  mkdirSync(dirname(out), { recursive: true });
  saveQuoteModel(model, out);
  console.log(`wrote ${out} (${model.passes.length} passes${refit ? ', refit on train and dev' : ''}, ${trainSeconds.toFixed(0)} s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
