import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { clusterFileNotes, readClusters } from './clusters.ts';
import { readConll, type ConllDocument } from './conll.ts';
import { documentEvidence } from './evidence.ts';
import { FeatureExtractor } from './features.ts';
import type { Gazetteer } from './gazetteer.ts';
import { loadGazetteerSources } from './gazetteer-sources.ts';
import { bilouLabels, bilouTransitions } from '../../learn/labels.ts';
import { ENTITY_TYPES } from './entity-types.ts';
import { createModel, saveModel, tagDocument } from './model.ts';
import { DEFAULT_CLUSTERS_PATH, DEFAULT_MODEL_PATH, conllFilesOrExit } from './paths.ts';
import { parseOptions, REPO_ROOT } from '../../learn/script-options.ts';
import { prepareDocuments } from './trainer.ts';
import { crossFoldLabels, trainEnsemble, type PassOptions, type PassResult, type PreparedSentence } from '../../learn/train-pass.ts';
import { pathToFileURL } from 'node:url';

/** Hyper-parameters of the committed model; tuned on eng.testa only. */
const DEFAULTS = { seed: 20030, bits: 21, maxEpochs: 25, patience: 4, passes: 2, folds: 4, ensemble: 3, margin: 0 };

function main(): void {
  const started = Date.now();
  const options = parseOptions(process.argv.slice(2));
  const { data, files } = conllFilesOrExit(options);
  const seed = Number(options.get('seed') ?? DEFAULTS.seed);
  const bits = Number(options.get('bits') ?? DEFAULTS.bits);
  const passCount = Number(options.get('passes') ?? DEFAULTS.passes);
  const folds = Number(options.get('folds') ?? DEFAULTS.folds);
  const ensemble = Number(options.get('ensemble') ?? DEFAULTS.ensemble);
  const out = options.get('out') ?? DEFAULT_MODEL_PATH;
  const clustersPath = options.get('clusters') ?? DEFAULT_CLUSTERS_PATH;
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

  const train = readConll(files.train);
  const dev = readConll(files.dev);
  const labels = bilouLabels(ENTITY_TYPES);
  const rules = bilouTransitions(labels);
  const clusters = options.get('no-clusters') ? new Map<string, string>() : readClusters(clustersPath);
  const gazetteerSources = options.get('no-gazetteer') ? null : loadGazetteerSources();
  const gazetteer: Gazetteer | null = gazetteerSources?.gazetteer ?? null;
  log(`${train.length} training documents, ${dev.length} dev documents, ${clusters.size} clustered words, gazetteer lists: ${gazetteer ? gazetteer.names.join(', ') : 'none'}`);

  const extractor = new FeatureExtractor({ clusters, gazetteer });
  const margin = Number(options.get('margin') ?? DEFAULTS.margin);
  const passOptions: PassOptions = { bits, maxEpochs: DEFAULTS.maxEpochs, patience: DEFAULTS.patience, seed, margin, log };
  const trainPrepared = prepareDocuments(train, extractor, labels);
  const devPrepared = prepareDocuments(dev, extractor, labels);
  log('pass 1: training on eng.train, early stopping on eng.testa');
  const ensembleOf = (trainSet: PreparedSentence[], devSet: PreparedSentence[] | null, options: PassOptions): PassResult =>
    trainEnsemble(trainSet, devSet, labels, rules, options, ensemble);
  const first = ensembleOf(trainPrepared, devPrepared, passOptions);
  log(`pass 1: best dev F1 ${first.devF1?.toFixed(2)} after ${first.epochs} epochs, ${first.weights.rows.length / labels.length} rows`);
  const passes = [first.weights];
  const passRecords: Record<string, unknown>[] = [{ epochs: first.epochs, devF1: first.devF1 }];
  let devF1 = first.devF1;

  if (passCount >= 2) {
    // The second pass learns from first-pass labels; on the training documents those come
    // from models that did not see them (k-fold), so they are as noisy as at test time.
    const foldLabels = crossFoldLabels(
      train,
      folds,
      (_, d) => d % folds,
      (rest, f) => {
        log(`pass 1, fold ${f + 1}/${folds}: ${first.epochs} epochs on ${rest.length} documents`);
        const foldWeights = ensembleOf(prepareDocuments(rest, extractor, labels), null, { ...passOptions, fixedEpochs: first.epochs }).weights;
        return createModel({ labels, clusters, gazetteer, passes: [foldWeights], meta: {} });
      },
      (foldModel, doc) => tagDocument(foldModel, doc.sentences.map((s) => s.words)),
    );
    const firstModel = createModel({ labels, clusters, gazetteer, passes: [first.weights], meta: {} });
    const devLabels = dev.map((doc) => tagDocument(firstModel, doc.sentences.map((s) => s.words)));
    const evidenceFor = (docs: ConllDocument[], firstPass: string[][][]) => (d: number) =>
      documentEvidence(docs[d].sentences.map((s) => s.words), firstPass[d]);
    log('pass 2: training with document evidence');
    const second = ensembleOf(
      prepareDocuments(train, extractor, labels, evidenceFor(train, foldLabels)),
      prepareDocuments(dev, extractor, labels, evidenceFor(dev, devLabels)),
      { ...passOptions, seed: seed + 1 },
    );
    log(`pass 2: best dev F1 ${second.devF1?.toFixed(2)} after ${second.epochs} epochs`);
    if ((second.devF1 ?? 0) > (first.devF1 ?? 0)) {
      passes.push(second.weights);
      passRecords.push({ epochs: second.epochs, devF1: second.devF1 });
      devF1 = second.devF1;
    } else {
      log('pass 2 did not beat pass 1 on dev: keeping one pass');
    }
  }

  const rel = (p: string): string => relative(REPO_ROOT, p);
  const meta = {
    command: `npm run train:ner${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    trainedOn: rel(files.train),
    tunedOn: rel(files.dev),
    clusters: clusters.size ? { file: rel(clustersPath), notes: clusterFileNotes(clustersPath) } : null,
    gazetteer: gazetteerSources?.record ?? null,
    seed,
    bits,
    passes: passRecords,
    folds: passCount >= 2 ? folds : null,
    ensemble,
    margin,
    devF1,
    trainingSeconds: Math.round((Date.now() - started) / 1000),
    node: process.version,
  };
  const model = createModel({ labels, clusters, gazetteer, passes, meta });
  saveModel(model, out);
  log(`wrote ${rel(out)} (${(statSync(out).size / 1e6).toFixed(2)} MB), dev F1 ${devF1?.toFixed(2)}`);
}

// Run only as a script, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
