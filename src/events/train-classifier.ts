/**
 * Trains the event-type classifier on every PLOVER gold record and writes the model the
 * events stage uses by default (src/events/model/event-types.model.gz):
 *
 *   npm run train:events [-- --data PATH]
 *
 * Each record's first event, as the lexicon and rules code it, is an example: its features
 * (src/events/classifier.ts), the rules' type and the gold type. The weights are trained on all
 * of them with the fixed seed and epochs of classifier.ts; the threshold the classifier must
 * clear to change the rules' type is chosen by cross-validation over the same records
 * (chooseThreshold). `npm run eval:events` scores this procedure by 10-fold cross-validation,
 * never on a record the model saw.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir, parseOptions } from '../learn/script-options.ts';
import { classifierBytes, EPOCHS, EVENT_MODEL_PATH, SEED } from './classifier.ts';
import { trainOnPlover } from './eval/evaluate.ts';
import { readPloverGold } from './eval/plover-gold.ts';

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const path = join(dataDir(options.get('data')), 'events/plover/PLOVER_GSR_CAMEO.txt');
  if (!existsSync(path)) {
    console.error(`train:events: no PLOVER gold records at ${path} (see ../shared/data/README.md); pass --data PATH.`);
    process.exit(2);
  }
  const records = readPloverGold(path);
  const { model, examples } = trainOnPlover(records);
  const out = fileURLToPath(EVENT_MODEL_PATH);
  mkdirSync(dirname(out), { recursive: true });
  const threshold = Number.isFinite(model.threshold) ? model.threshold : null;
  writeFileSync(out, classifierBytes(model, { trainedOn: `PLOVER_GSR_CAMEO.txt, ${examples} of ${records.length} records (those the rules code an event in)`, seed: SEED, epochs: EPOCHS, command: 'npm run train:events' }));
  console.log(`wrote ${out}: ${examples} examples, threshold ${threshold ?? 'none (the rules alone)'}`);
}

main();
