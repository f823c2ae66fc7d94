import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readConll, type ConllDocument } from './conll.ts';
import { evaluateChunks, formatEvaluation, type ConllEvaluation } from '../../learn/conlleval.ts';
import { tagDocument } from './model.ts';
import { DEFAULT_MODEL_PATH, conllFilesOrExit } from './paths.ts';
import { parseOptions } from '../../learn/script-options.ts';
import { labelsToSpans, spansToBio } from '../../learn/spans.ts';
import { loadNerModel } from './tagger.ts';
import { pathToFileURL } from 'node:url';

/** The entity types compromise finds (people, places, organisations), as CoNLL types. */
const COMPROMISE_TYPES = ['PER', 'LOC', 'ORG'] as const;

interface CompromiseMatch {
  offset: { start: number; length: number };
}
interface CompromiseView {
  json(options: { offset: boolean }): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

/** Keeps only some entity types in BIO labels (others become `O`). */
function keepTypes(labels: readonly string[], types: readonly string[]): string[] {
  return spansToBio(
    labelsToSpans(labels).filter((s) => types.includes(s.type)),
    labels.length,
  );
}

/** Labels from compromise's people/places/organizations, sentence by sentence, mapped onto the CoNLL tokens. */
function compromiseLabels(nlp: (text: string) => CompromiseDoc, documents: readonly ConllDocument[]): string[][] {
  const out: string[][] = [];
  for (const doc of documents) {
    for (const { words } of doc.sentences) {
      const starts: number[] = [];
      let text = '';
      for (const w of words) {
        starts.push(text.length);
        text += w + ' ';
      }
      const parsed = nlp(text);
      const spans: { start: number; end: number; type: string }[] = [];
      const views: [string, CompromiseView][] = [
        ['PER', parsed.people()],
        ['LOC', parsed.places()],
        ['ORG', parsed.organizations()],
      ];
      for (const [type, view] of views) {
        for (const { offset } of view.json({ offset: true })) {
          const from = offset.start;
          const to = offset.start + offset.length;
          let start = -1;
          let end = -1;
          for (let i = 0; i < words.length; i++) {
            const a = starts[i];
            const b = a + words[i].length;
            if (b <= from || a >= to || !/[\p{L}\p{N}]/u.test(words[i])) continue;
            if (start < 0) start = i;
            end = i + 1;
          }
          if (start >= 0) spans.push({ start, end, type });
        }
      }
      spans.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
      const kept: typeof spans = [];
      for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
      out.push(spansToBio(kept, words.length));
    }
  }
  return out;
}

function report(title: string, e: ConllEvaluation): void {
  console.log(`\n== ${title}`);
  console.log(formatEvaluation(e));
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const { data, files } = conllFilesOrExit(options);
  const modelPath = options.get('model') ?? DEFAULT_MODEL_PATH;
  const loadStart = performance.now();
  const model = loadNerModel(modelPath);
  const loadMs = performance.now() - loadStart;
  console.log(`model ${modelPath}: ${(statSync(modelPath).size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms`);
  console.log(`trained by: ${String(model.meta.command)}; seed ${String(model.meta.seed)}; dev F1 at training ${Number(model.meta.devF1).toFixed(2)}; ${String(model.meta.trainingSeconds)} s`);

  const sets: [string, ConllDocument[]][] = [
    ['eng.testb (test)', readConll(files.test)],
    ['eng.testa (dev)', readConll(files.dev)],
  ];
  const predictedBySet = new Map<string, string[][]>();
  for (const [name, documents] of sets) {
    const gold = documents.flatMap((d) => d.sentences.map((s) => s.labels));
    const predicted = documents.flatMap((d) => tagDocument(model, d.sentences.map((s) => s.words)).map((l) => spansToBio(labelsToSpans(l), l.length)));
    predictedBySet.set(name, predicted);
    report(`Dossier NER on ${name}`, evaluateChunks(gold, predicted));
  }

  const require = createRequire(import.meta.url);
  let nlp: ((text: string) => CompromiseDoc) | null = null;
  try {
    nlp = require('compromise') as (text: string) => CompromiseDoc;
  } catch {
    console.log('\ncompromise is not installed (npm install): no baseline');
  }
  if (nlp) {
    const [name, documents] = sets[0];
    const gold = documents.flatMap((d) => d.sentences.map((s) => keepTypes(s.labels, COMPROMISE_TYPES)));
    report(`compromise baseline on ${name}, PER/LOC/ORG only`, evaluateChunks(gold, compromiseLabels(nlp, documents)));
    const ours = predictedBySet.get(name)!.map((labels) => keepTypes(labels, COMPROMISE_TYPES));
    report(`Dossier NER on ${name}, PER/LOC/ORG only (same scoring)`, evaluateChunks(gold, ours));
  }

  const [, testDocuments] = sets[0];
  const docWords = testDocuments.map((d) => d.sentences.map((s) => s.words));
  const tokenCount = docWords.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const timeIt = (run: () => void): number => {
    run();
    let rounds = 0;
    const start = performance.now();
    while (performance.now() - start < 3000 || rounds < 2) {
      run();
      rounds++;
    }
    return (rounds * tokenCount) / ((performance.now() - start) / 1000);
  };
  const tagRate = timeIt(() => {
    for (const d of docWords) tagDocument(model, d);
  });
  console.log(`\nthroughput on eng.testb (${tokenCount} tokens, one core):`);
  console.log(`  NER tagging:                 ${Math.round(tagRate).toLocaleString('en-US')} tokens/s`);
  try {
    const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(text: string): { tokens(): { length(): number } } };
    const nlpWink = winkNLP(require('wink-eng-lite-web-model'));
    const texts = docWords.map((d) => d.map((s) => s.join(' ')).join('\n'));
    const winkRate = timeIt(() => {
      for (const t of texts) nlpWink.readDoc(t).tokens().length();
    });
    console.log(`  wink-nlp tokenization alone: ${Math.round(winkRate).toLocaleString('en-US')} tokens/s`);
    console.log(`  ratio NER / wink-nlp:        ${(tagRate / winkRate).toFixed(2)}`);
  } catch (error) {
    console.log(`  wink-nlp baseline unavailable: ${(error as Error).message}`);
  }
}

// Run only as a script, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
