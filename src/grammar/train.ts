import { statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOptions, REPO_ROOT } from '../learn/script-options.ts';
import { seededRandom } from '../learn/train-pass.ts';
import { readConlluFile } from './conllu.ts';
import { scoreOnGoldWords } from './gold-parse.ts';
import { readParserModel, writeParserModel } from './model-file.ts';
import { Parser, type ParserModel } from './parser.ts';
import { DEFAULT_PARSER_PATH } from './paths.ts';
import { tagId } from './sentence.ts';
import { tagInput, TaggerTrainer, type TaggerModel } from './tagger.ts';
import { ParserTrainer } from './trainer.ts';
import { buildWeights, PerceptronWeights } from './weights.ts';
import { ewtFilesOrExit, relationsOf, tagSentence, type TaggedSentence } from './treebank.ts';

/**
 * Hyper-parameters of the committed model, chosen on EWT dev only: how many perceptrons are
 * trained and summed (3: dev UAS 85.13 and LAS 81.91 at their best epoch, against 84.96 and
 * 81.59 for one), the most epochs to run (the epoch with the best dev LAS is kept), when
 * exploration starts and how often it follows the model, the budgets of the file's size and of
 * its weights (the pruning threshold for small summed weights is the best on dev within them;
 * 1.2 million weights: the model of one perceptron, with 1.3 million, parsed just under 50,000
 * tokens a second, and adding weights is most of a parse's time), the tagger's most epochs and
 * its jackknife folds, and how many times a feature must be seen on the training sentences'
 * gold paths to get weights (2: dev LAS unpruned as with every feature, and the model within
 * the budget loses less to pruning).
 */
const DEFAULTS = { seed: 20250, members: 3, maxEpochs: 15, patience: 3, exploreFrom: 2, followModel: 0.9, prune: 'auto', maxMegabytes: 5, maxWeights: 1.2e6, taggerEpochs: 8, folds: 5, minCount: 2 };

function main(): void {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2));
  const files = ewtFilesOrExit(options);
  const seed = Number(options.get('seed') ?? DEFAULTS.seed);
  const maxEpochs = Number(options.get('epochs') ?? DEFAULTS.maxEpochs);
  const patience = Number(options.get('patience') ?? DEFAULTS.patience);
  const exploreFrom = Number(options.get('explore-from') ?? DEFAULTS.exploreFrom);
  const followModel = Number(options.get('follow') ?? DEFAULTS.followModel);
  const out = options.get('out') ?? DEFAULT_PARSER_PATH;
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

  // --with-dev: the final fit on train and dev together, with the epochs, tagger epochs and
  // pruning threshold a run on train alone chose on dev (given as options); nothing is then
  // scored on dev, which the model has seen.
  const withDev = options.has('with-dev');
  if (withDev && (!options.has('epochs') || !options.has('prune') || options.get('prune') === 'auto')) {
    console.error('--with-dev needs --epochs and --prune, chosen on dev by a run on train alone');
    process.exit(2);
  }
  const devUd = readConlluFile(files.dev);
  const trainUd = withDev ? [...readConlluFile(files.train), ...devUd] : readConlluFile(files.train);
  const labels = relationsOf(trainUd);
  const labelIds = new Map(labels.map((l, i) => [l, i]));
  const train = trainUd.map((ud) => tagSentence(ud, labelIds));
  const dev = withDev ? [] : devUd.map((ud) => tagSentence(ud, labelIds));
  log(`${train.length} training sentences, ${dev.length} dev sentences, ${labels.length} relations; product tags agree with gold UPOS on ${tagAgreement(train).toFixed(1)}% of training words, ${tagAgreement(dev).toFixed(1)}% of dev words`);

  // The tagger: epochs chosen on dev, then the training sentences tagged by taggers that did
  // not see them (jackknifing, `folds` parts), so the parser learns from tags as noisy as it
  // will meet; dev is tagged by the tagger trained on all of train.
  let tagger: TaggerModel | null = null;
  let taggerRecord: Record<string, unknown> | null = null;
  if (!options.has('no-tagger')) {
    const tags = frequencyOrder(trainUd.flatMap((s) => s.words.map((w) => w.xpos)));
    const tagIds = new Map(tags.map((t, i) => [t, i + 1]));
    const goldOf = (s: TaggedSentence): Int32Array => Int32Array.from(s.ud.words, (w) => tagIds.get(w.xpos) ?? 1);
    const trainGold = train.map(goldOf);
    const devGold = dev.map(goldOf);
    const all = train.map((_, i) => i);
    let bestTagger = { epochs: 0, accuracy: -1, model: null as TaggerModel | null };
    const taggerEpochs = Number(options.get('tagger-epochs') ?? DEFAULTS.taggerEpochs);
    trainTagger(train, trainGold, all, tags, taggerEpochs, seed, (epoch, model) => {
      if (withDev) {
        bestTagger = { epochs: epoch, accuracy: NaN, model };
        return;
      }
      const accuracy = tagAccuracy(model, dev, devGold);
      log(`tagger epoch ${epoch}: dev accuracy ${accuracy.toFixed(2)}%`);
      if (accuracy > bestTagger.accuracy) bestTagger = { epochs: epoch, accuracy, model };
    });
    tagger = bestTagger.model;
    const predicted: Int32Array[] = new Array(train.length);
    for (let fold = 0; fold < DEFAULTS.folds; fold++) {
      const rest = all.filter((i) => i % DEFAULTS.folds !== fold);
      const model = trainTagger(train, trainGold, rest, tags, bestTagger.epochs, seed + fold + 1);
      for (let i = fold; i < train.length; i += DEFAULTS.folds) {
        tagInput(model, train[i].input);
        predicted[i] = train[i].input.tag.slice(0, train[i].input.n);
      }
    }
    train.forEach((s, i) => s.input.tag.set(predicted[i]));
    let right = 0;
    let words = 0;
    trainGold.forEach((gold, i) => gold.forEach((g, k) => { words++; if (predicted[i][k] === g) right++; }));
    for (const s of dev) tagInput(tagger as TaggerModel, s.input);
    taggerRecord = { tags: tags.length, epochs: bestTagger.epochs, devAccuracy: round(bestTagger.accuracy), jackknifeFolds: DEFAULTS.folds, jackknifeAccuracy: round((100 * right) / words) };
    log(`tagger: ${tags.length} tags, ${bestTagger.epochs} epochs, dev accuracy ${bestTagger.accuracy.toFixed(2)}%, jackknifed training tags ${((100 * right) / words).toFixed(2)}%`);
  }

  // The parser: `members` perceptrons trained side by side on the same sentences and tags, each
  // with its own order and exploration (seeds seed, seed + 100, …), and summed into one linear
  // model after every epoch (their scores added: an ensemble that parses at the cost of one
  // model). The epoch is chosen by the sum's dev LAS.
  const members = Number(options.get('members') ?? DEFAULTS.members);
  const minCount = Number(options.get('min-count') ?? DEFAULTS.minCount);
  const trainers = Array.from({ length: members }, () => new ParserTrainer(labels.length));
  if (minCount > 1) {
    log(`${trainers[0].keepFrequentFeatures(train, minCount)} features seen at least ${minCount} times on the gold paths may have weights`);
    for (const t of trainers.slice(1)) t.shareFeaturesOf(trainers[0]);
  }
  const randoms = trainers.map((_, m) => seededRandom(seed + 100 * m));
  const orders = trainers.map(() => train.map((_, i) => i));
  let best: { epoch: number; las: number; uas: number; model: ParserModel } | null = null;
  const history: { epoch: number; errors: number; uas: number; las: number }[] = [];
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    let errors = 0;
    trainers.forEach((trainer, m) => {
      const order = orders[m];
      const random = randoms[m];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const k of order) errors += trainer.train(train[k], epoch >= exploreFrom, followModel, random);
    });
    const rows = trainers.map((t) => t.weights.rowCount).join(' + ');
    const model: ParserModel = { labels, weights: PerceptronWeights.summedAverages(trainers.map((t) => t.weights)), tagger, meta: {} };
    if (withDev) {
      log(`epoch ${epoch}: ${errors} wrong actions, ${rows} feature rows`);
      history.push({ epoch, errors, uas: NaN, las: NaN });
      if (epoch === maxEpochs) best = { epoch, las: NaN, uas: NaN, model };
      continue;
    }
    const score = scoreOnGoldWords(new Parser(model), dev);
    history.push({ epoch, errors, uas: round(score.uas), las: round(score.las) });
    log(`epoch ${epoch}: ${errors} wrong actions, ${rows} feature rows; dev UAS ${score.uas.toFixed(2)} LAS ${score.las.toFixed(2)}`);
    if (!best || score.las > best.las) best = { epoch, las: score.las, uas: score.uas, model };
    else if (epoch - best.epoch >= patience) break;
  }
  if (!best) return;
  log(`best dev LAS ${best.las.toFixed(2)} after epoch ${best.epoch}`);

  // Small summed weights cost file size and, above all, parsing time (adding the weights of the
  // features found is most of a parse's time) and earn little. Thresholds are tried in steps of
  // the number of members (the sum's scale); of those whose model stays within both budgets
  // (the file's size, and the weights' count, which sets the speed), the best on dev LAS.
  const prune = options.get('prune') ?? DEFAULTS.prune;
  const budget = Number(options.get('max-mb') ?? DEFAULTS.maxMegabytes) * 1e6;
  const maxWeights = Number(options.get('max-weights') ?? DEFAULTS.maxWeights);
  let kept = best.model;
  let threshold = 0;
  if (prune === 'auto') {
    let bestPruned = -1;
    for (const step of [0.5, 0.75, 1, 1.25, 1.5, 2]) {
      const t = step * members;
      const model: ParserModel = { labels, weights: prunedCopy(best.model, t), tagger, meta: {} };
      const size = writeParserModel(model).length;
      const score = scoreOnGoldWords(new Parser(readParserModel(writeParserModel(model))), dev);
      log(`pruning weights up to ${t}: ${model.weights.slotWeight.length} weights, ${(size / 1e6).toFixed(2)} MB, dev UAS ${score.uas.toFixed(2)} LAS ${score.las.toFixed(2)}`);
      if (size <= budget && model.weights.slotWeight.length <= maxWeights && score.las > bestPruned) {
        bestPruned = score.las;
        kept = model;
        threshold = t;
      }
    }
  } else if (Number(prune) > 0) {
    threshold = Number(prune);
    kept = { labels, weights: prunedCopy(best.model, threshold), tagger, meta: {} };
  }
  const finalDev = withDev ? null : scoreOnGoldWords(new Parser(readParserModel(writeParserModel(kept))), dev);
  const meta = {
    command: `npm run train:parse${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    data: [files.train, files.dev].map((f) => relative(REPO_ROOT, f)),
    trainedOn: withDev ? 'train and dev (epochs, tagger epochs and pruning threshold chosen on dev by a run on train alone)' : 'train (tuned on dev)',
    license: 'UD English EWT, CC BY-SA 4.0',
    trained: new Date().toISOString().slice(0, 10),
    seed,
    members,
    epochs: best.epoch,
    exploreFrom,
    followModel,
    minCount,
    pruneThreshold: threshold,
    input: 'words with wink-nlp UPOS from the product tokenizer, aligned to treebank words (src/grammar/align.ts)',
    tagger: taggerRecord,
    dev: finalDev ? { uas: round(finalDev.uas), las: round(finalDev.las), lasUniversal: round(finalDev.lasUniversal) } : null,
    history,
    trainingSeconds: Math.round((Date.now() - started) / 1000),
  };
  const bytes = writeParserModel({ labels, weights: kept.weights, tagger, meta });
  writeFileSync(out, bytes);
  log(`wrote ${relative(process.cwd(), out)}: ${(statSync(out).size / 1e6).toFixed(2)} MB, ${kept.weights.rowStart.length - 1} feature rows, ${kept.weights.slotWeight.length} weights${finalDev ? `; dev UAS ${finalDev.uas.toFixed(2)} LAS ${finalDev.las.toFixed(2)} (universal relations ${finalDev.lasUniversal.toFixed(2)})` : ' (dev was trained on)'}`);
}

/** The model without weights at most `threshold` in magnitude. */
function prunedCopy(model: ParserModel, threshold: number): ParserModel['weights'] {
  const w = model.weights;
  const rows = w.keys.length;
  const keyOf = w.keys;
  const keys: number[] = [];
  const starts: number[] = [0];
  const classes: number[] = [];
  const weights: number[] = [];
  for (let r = 0; r < rows; r++) {
    const before = classes.length;
    for (let s = w.rowStart[r]; s < w.rowStart[r + 1]; s++) {
      if (Math.abs(w.slotWeight[s]) <= threshold) continue;
      classes.push(w.slotClass[s]);
      weights.push(w.slotWeight[s]);
    }
    if (classes.length === before) continue;
    keys.push(keyOf[r]);
    starts.push(classes.length);
  }
  return buildWeights(w.classes, Int32Array.from(keys), Int32Array.from(starts), Uint8Array.from(classes), Float32Array.from(weights));
}

/** Values most frequent first (ties in code-unit order). */
function frequencyOrder(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}

/** Trains a tagger on the sentences `which` for `epochs`, calling `each` with the averaged model after every epoch; returns the last. */
function trainTagger(sentences: readonly TaggedSentence[], gold: readonly Int32Array[], which: readonly number[], tags: string[], epochs: number, seed: number, each?: (epoch: number, model: TaggerModel) => void): TaggerModel {
  const trainer = new TaggerTrainer(tags.length);
  const random = seededRandom(seed);
  const order = [...which];
  let model: TaggerModel = { tags, weights: trainer.weights.averaged() };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) trainer.train(sentences[k].input, gold[k]);
    model = { tags, weights: trainer.weights.averaged() };
    each?.(epoch, model);
  }
  return model;
}

/** The share of words whose tag the tagger gets right, in per cent. */
function tagAccuracy(model: TaggerModel, sentences: readonly TaggedSentence[], gold: readonly Int32Array[]): number {
  let right = 0;
  let words = 0;
  sentences.forEach((s, i) => {
    tagInput(model, s.input);
    for (let k = 0; k < s.input.n; k++) {
      words++;
      if (s.input.tag[k] === gold[i][k]) right++;
    }
  });
  return (100 * right) / words;
}

function tagAgreement(sentences: readonly TaggedSentence[]): number {
  let words = 0;
  let same = 0;
  for (const s of sentences) {
    s.ud.words.forEach((w, i) => {
      words++;
      if (s.input.wink[i] === tagId(w.upos)) same++;
    });
  }
  return (100 * same) / words;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
