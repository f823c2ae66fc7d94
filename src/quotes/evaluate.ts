/**
 * Scores the attribution tagger on PolNeAR in the way the CofeNet paper does: spans of
 * source, cue and content read from token labels, per paragraph, exact match (same part,
 * same first and last token) and overlap, micro-averaged over the split. An article
 * annotated by several people is scored against the annotator file whose suffix sorts first.
 *
 *   npm run eval:quotes -- [--data PATH] [--split test|dev] [--model FILE] [--json]
 */
import { pathToFileURL } from 'node:url';
import { parseOptions } from '../learn/script-options.ts';
import { prepareArticles, scoreRuns } from './corpus.ts';
import { readQuoteModel, tagParagraphs } from './model.ts';
import { DEFAULT_QUOTE_MODEL_PATH } from './paths.ts';
import { polnearDirOrExit, readPolnearSplit } from './polnear.ts';
import { scoreSpeakers } from './speakers-eval.ts';

/** Published exact-match F1 on PolNeAR test (CofeNet paper, table 6): source, cue, content. */
export const PUBLISHED = [
  { system: 'CRF', source: 50.6, cue: 53.4, content: 28.6 },
  { system: 'BERT-CRF', source: 82.2, cue: 74.9, content: 71.0 },
  { system: 'BERT+Cofe', source: 83.2, cue: 75.3, content: 72.9 },
];

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const root = polnearDirOrExit(options);
  const split = options.get('split') ?? 'test';
  if (split !== 'test' && split !== 'dev') {
    console.error(`--split takes test or dev (got ${split})`);
    process.exit(1);
  }
  const modelPath = options.get('model') ?? DEFAULT_QUOTE_MODEL_PATH;
  const model = readQuoteModel(modelPath);
  const annotations = readPolnearSplit(root, split, true);
  const t0 = process.hrtime.bigint();
  const articles = prepareArticles(annotations);
  const prepareMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  const predicted = articles.map((a) => tagParagraphs(model, a.paragraphs));
  const tagMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const tokens = articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.tokens.length, 0), 0);
  const scores = scoreRuns(
    articles.flatMap((a) => a.gold),
    predicted.flat(),
  );
  if (options.has('json')) {
    console.log(JSON.stringify({ split, articles: articles.length, tokens, scores, tokensPerSecond: tokens / (tagMs / 1000), published: PUBLISHED, model: model.meta }, null, 2));
    return;
  }
  console.log(`PolNeAR ${split}: ${articles.length} articles (first annotator each), ${tokens.toLocaleString('en')} tokens; model ${modelPath}`);
  console.log(`model trained by: ${String(model.meta.command)} (seed ${String(model.meta.seed)})\n`);
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(10) : c.padStart(9))).join(' ');
  console.log(row(['match', 'part', 'P', 'R', 'F1', 'gold', 'found']));
  for (const kind of ['exact', 'overlap'] as const) {
    for (const part of ['source', 'cue', 'content']) {
      const s = scores[kind][part];
      console.log(row([kind, part, s.precision.toFixed(1), s.recall.toFixed(1), s.f1.toFixed(1), String(s.gold), String(s.predicted)]));
    }
  }
  console.log('\nexact-match F1, source / cue / content:');
  console.log(`  Dossier (averaged perceptron, CPU)   ${['source', 'cue', 'content'].map((p) => scores.exact[p].f1.toFixed(1)).join(' / ')}`);
  for (const p of PUBLISHED) console.log(`  ${`${p.system} (published)`.padEnd(36)} ${p.source.toFixed(1)} / ${p.cue.toFixed(1)} / ${p.content.toFixed(1)}`);
  console.log(`\ntagging: ${(tokens / (tagMs / 1000)).toFixed(0)} tokens/s (${tagMs.toFixed(0)} ms); the pipeline before it (clean, tokens, names): ${prepareMs.toFixed(0)} ms`);

  // speakers through the whole assembly, with and without the parse of the cues' sentences
  const prepared = articles.map((a, i) => ({ annotation: annotations[i], doc: a.doc }));
  console.log('\nspeakers of the assembled quotes (a gold attribution with a source and a cue, matched by cue overlap;');
  console.log('right when the words the speaker is read from lie inside the gold source):');
  for (const parse of [false, true]) {
    const t = process.hrtime.bigint();
    const sp = scoreSpeakers(prepared, model, parse);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '0.0');
    console.log(
      `  ${parse ? 'with the parse   ' : 'without the parse'}  gold ${sp.gold}, cue found ${sp.found}, speaker read ${sp.withSpeaker} (${pct(sp.withSpeaker, sp.found)}%), ` +
        `inside the gold source ${sp.inside} (${pct(sp.inside, sp.withSpeaker)}% of those read, ${pct(sp.inside, sp.found)}% of found); ${ms.toFixed(0)} ms`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
