/**
 * Cross-document evaluation on ECB+: the corpus's counts, then entity coreference across
 * articles from the product's own name mentions, and event coreference from the product's own
 * events (their triggers), each beside baselines built from the same mentions (MUC, B³,
 * CEAF-e, CoNLL over the gold mentions of the complete-annotation sentences, on dev and test,
 * events on train + dev too), and TF-IDF story clustering (B³ over documents against
 * subtopics and topics, thresholds tuned on train and dev, reported on train + dev (the tuning
 * set, product included), on test and on all documents).
 *
 *   npm run eval:connect -- [--data PATH] [--split yang|cybulska] [--json]
 *
 * --data is the ECB+ folder (holding docs/ and ECBplus_coreference_sentences.csv), by default
 * ../shared/data/crossdoc/ecbplus; --split picks the topic split (yang: 1–22 train, 23–25 dev,
 * 26–45 test, the default; cybulska: 36–45 test, the split most later work reports on).
 *
 * Then junk names on CoNLL-2003 (junk-names.ts): how many real and junk one-word names the
 * corpus list drops, on eng.testa (dev, where the rule was tuned) and eng.testb (test).
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { Prf } from '../src/connect/eval/coref-metrics.ts';
import { countCorpus, defaultEcbPlusRoot, type CorpusCounts, isEcbPlusRoot, loadEcbPlus, type EcbDocument, type Split, type SplitSetup } from '../src/connect/eval/ecbplus.ts';
import { alignGoldMentions, scoreMentionClusterings, scoreStoryClusterings, summariseAlignment, type AlignmentSummary, type MentionScoreRow, type StoryScoreRow } from '../src/connect/eval/ecbplus-scores.ts';
import { eventBaselines, eventsOf, type ProductEvent } from '../src/connect/eval/event-baselines.ts';
import { entityBaselines, mentionsOf, productArticle, type ProductMention } from '../src/connect/eval/entity-baselines.ts';
import { connectProduct, productEntityClustering, productEventClustering, type ProductCorpus } from '../src/connect/eval/product-ecbplus.ts';
import type { Doc } from '../src/doc/doc.ts';
import { storyBaselineClusterings, tuneStoryBaselines, type TunedStoryBaseline } from '../src/connect/eval/story-baselines.ts';
import { junkNameReport, type JunkReport } from '../src/connect/eval/junk-names.ts';
import { readConll } from '../src/entities/ner/conll.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { table } from './eval/table.ts';

interface Options {
  data: string;
  setup: SplitSetup;
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { data: defaultEcbPlusRoot(), setup: 'yang', json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') opts.data = resolve(argv[++i] ?? '');
    else if (argv[i] === '--split') {
      const s = argv[++i];
      if (s !== 'yang' && s !== 'cybulska') fail(`--split takes yang or cybulska, not ${s}`);
      opts.setup = s;
    } else if (argv[i] === '--json') opts.json = true;
    else fail(`unknown option ${argv[i]}`);
  }
  return opts;
}

function fail(message: string): never {
  console.error(`eval:connect: ${message}`);
  process.exit(2);
}

const prf = (p: Prf) => [p.recall, p.precision, p.f1];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  if (!isEcbPlusRoot(opts.data)) fail(`no ECB+ corpus at ${opts.data} (docs/ and ECBplus_coreference_sentences.csv); pass --data PATH to the ECB+ folder`);
  const timing: Record<string, number> = {};
  let t = performance.now();
  const corpus = loadEcbPlus(opts.data, { setup: opts.setup });
  timing.read = performance.now() - t;
  const docs = corpus.documents;
  const inSplit = (...splits: Split[]) => docs.filter((d) => splits.includes(d.split));
  const splits = { train: inSplit('train'), dev: inSplit('dev'), test: inSplit('test') };
  const counts = { ...Object.fromEntries(Object.entries(splits).map(([s, ds]) => [s, countCorpus(ds)])), all: countCorpus(docs) };

  // the product's articles: every document through the pipeline once
  t = performance.now();
  const articles = new Map<string, Doc>();
  const predicted = new Map<string, ProductMention[]>();
  const predictedEvents = new Map<string, ProductEvent[]>();
  for (const d of docs) {
    const a = productArticle(d);
    articles.set(d.id, a);
    predicted.set(d.id, mentionsOf(d, a));
    predictedEvents.set(d.id, eventsOf(d, a));
  }
  timing.pipeline = performance.now() - t;

  // the product's corpus of each split, and of all documents, connected without being told the topics
  t = performance.now();
  const product: Record<string, ProductCorpus> = {
    'train+dev': connectProduct([...splits.train, ...splits.dev], articles),
    dev: connectProduct(splits.dev, articles),
    test: connectProduct(splits.test, articles),
    all: connectProduct(docs, articles),
  };
  timing.connect = performance.now() - t;

  // entities: the product's names in dev and test texts, aligned to the gold entity mentions
  t = performance.now();
  const entity: Report['entity'] = {};
  for (const split of ['dev', 'test'] as const) {
    const ds = splits[split];
    const alignment = alignGoldMentions(ds, predicted, 'entity');
    const clusterings = { ...entityBaselines(alignment, predicted), dossier: productEntityClustering(product[split], articles, alignment) };
    entity[split] = { alignment: summariseAlignment(ds, 'entity', alignment, predicted), rows: scoreMentionClusterings(ds, 'entity', alignment, clusterings) };
  }
  timing.entityScoring = performance.now() - t;

  // events: the product's events (their triggers) aligned to the gold event mentions; train + dev
  // too, where the few thresholds of corpus events may be tuned (dev alone holds few the product codes)
  t = performance.now();
  const event: Report['event'] = {};
  for (const split of ['train+dev', 'dev', 'test'] as const) {
    const ds = split === 'train+dev' ? [...splits.train, ...splits.dev] : splits[split];
    const alignment = alignGoldMentions(ds, predictedEvents, 'event');
    const clusterings = { ...eventBaselines(alignment, predictedEvents, product[split].stories), dossier: productEventClustering(product[split], alignment) };
    event[split] = { alignment: summariseAlignment(ds, 'event', alignment, predictedEvents), rows: scoreMentionClusterings(ds, 'event', alignment, clusterings) };
  }
  timing.eventScoring = performance.now() - t;

  // stories: thresholds tuned on train + dev, clusterings of test and of all documents
  t = performance.now();
  const tuned = tuneStoryBaselines([...splits.train, ...splits.dev]);
  const story: Record<string, StoryScoreRow[]> = {};
  for (const [name, ds] of [
    ['train+dev', [...splits.train, ...splits.dev]],
    ['test', splits.test],
    ['all', docs],
  ] as const) {
    story[name] = scoreStoryClusterings(ds, { 'dossier stories': product[name].stories, 'dossier related stories': product[name].themes, ...storyBaselineClusterings(ds, tuned), ...referenceStories(ds) });
  }
  timing.stories = performance.now() - t;

  // junk names: CoNLL-2003, where every real name is annotated
  t = performance.now();
  const conll = join(opts.data, '../../conll2003');
  const junk: Record<string, JunkReport> = {};
  for (const [split, file] of [['dev', 'eng.testa'], ['test', 'eng.testb']] as const) {
    if (existsSync(join(conll, file))) junk[split] = junkNameReport(readConll(join(conll, file)));
  }
  timing.junk = performance.now() - t;

  const report: Report = { data: opts.data, split: opts.setup, counts, notes: corpus.notes, entity, event, tuned, story, junk, pipelineTexts: articles.size, timingMs: timing };
  if (opts.json) console.log(JSON.stringify(report, null, 2));
  else print(report);
}

/** Everything the script prints, as --json gives it. */
interface Report {
  data: string;
  split: SplitSetup;
  counts: Record<string, CorpusCounts>;
  notes: string[];
  entity: Record<string, { alignment: AlignmentSummary; rows: MentionScoreRow[] }>;
  event: Record<string, { alignment: AlignmentSummary; rows: MentionScoreRow[] }>;
  tuned: TunedStoryBaseline[];
  story: Record<string, StoryScoreRow[]>;
  junk: Record<string, JunkReport>;
  pipelineTexts: number;
  timingMs: Record<string, number>;
}

/** Two reference clusterings that bound B³: every document alone, and all in one. */
function referenceStories(ds: readonly EcbDocument[]): Record<string, Map<string, string>> {
  return {
    'each document alone': new Map(ds.map((d) => [d.id, d.id])),
    'all in one': new Map(ds.map((d) => [d.id, 'all'])),
  };
}

type MentionSection = Report['entity'];

/** How many gold mentions a split's predicted mentions reached, and by which tag. */
function printAlignment(section: MentionSection, predictedName: string): void {
  console.log(
    table(
      ['split', 'gold', 'aligned', 'share', 'exact', 'head', 'overlap', predictedName, 'not aligned', 'in compl.'],
      Object.entries(section).map(([split, { alignment: a }]) => [split, a.gold, a.aligned, a.gold ? a.aligned / a.gold : 0, a.byHow.exact, a.byHow.head, a.byHow.overlap, a.predicted, a.unaligned, a.unalignedInComplete]),
      1,
    ),
  );
  const types = [...new Set(Object.values(section).flatMap((e) => Object.keys(e.alignment.byType)))].sort();
  console.log(
    table(
      ['gold tag', ...Object.keys(section).flatMap((s) => [`${s} gold`, `${s} aligned`])],
      types.map((ty) => [ty, ...Object.values(section).flatMap((e) => [e.alignment.byType[ty]?.gold ?? 0, e.alignment.byType[ty]?.aligned ?? 0])]),
      1,
    ),
  );
}

/** MUC, B³, CEAF-e and CoNLL of each clustering, one table a scope. */
function printScores(section: MentionSection, titles: Record<'all' | 'aligned', string>): void {
  for (const scope of ['all', 'aligned'] as const) {
    console.log(`\n${titles[scope]}`);
    console.log(
      table(
        ['split', 'clustering', 'mentions', 'MUC R', 'P', 'F1', 'B3 R', 'P', 'F1', 'CEAF-e R', 'P', 'F1', 'CoNLL F1'],
        Object.entries(section).flatMap(([split, e]) =>
          e.rows.filter((r) => r.scope === scope).map((r) => [split, r.clustering, r.mentions, ...prf(r.scores.muc), ...prf(r.scores.bcubed), ...prf(r.scores.ceafe), r.scores.conll]),
        ),
      ),
    );
  }
}

function print({ data, split, counts, notes, entity, event, tuned, story, junk, pipelineTexts, timingMs: timing }: Report): void {
  console.log(`data: ${data}\nsplit: ${split === 'yang' ? 'topics 1-22 train, 23-25 dev, 26-45 test (Yang et al.)' : 'topics 36-45 test, 2 5 12 18 21 23 34 35 dev, the rest train (Cybulska and Vossen)'}\n`);
  console.log('ECB+ as read (listed: sentences in the complete-annotation list; gold clusters counted over the mentions in them)');
  console.log(
    table(
      ['part', 'docs', 'topics', 'subtopics', 'sentences', 'listed', 'docs unlisted', 'entity', 'in compl.', 'clusters', '>1 mention', 'cross-doc', 'event', 'in compl.', 'clusters', 'time', 'in compl.'],
      Object.entries(counts).map(([part, c]) => [
        part,
        c.documents,
        c.topics,
        c.subtopics,
        c.sentences,
        c.completeSentences,
        c.documentsWithoutComplete,
        c.kinds.entity.mentions,
        c.kinds.entity.complete,
        c.kinds.entity.clusters,
        c.kinds.entity.nonSingleton,
        c.kinds.entity.crossDocument,
        c.kinds.event.mentions,
        c.kinds.event.complete,
        c.kinds.event.clusters,
        c.kinds.time.mentions,
        c.kinds.time.complete,
      ]),
      1,
    ),
  );
  if (notes.length) console.log(`reader notes (${notes.length}):\n  ${notes.slice(0, 10).join('\n  ')}${notes.length > 10 ? '\n  …' : ''}`);

  console.log('\nThe product\'s names aligned to the gold entity mentions (HUMAN_PART*, NON_HUMAN_PART*, LOC* in complete sentences)');
  printAlignment(entity, 'product names');
  console.log('\nEntity coreference across documents, baselines from the product\'s names (gold mentions the product missed are response singletons)');
  printScores(entity, { all: 'over all gold entity mentions', aligned: 'over the gold entity mentions the product found (aligned) only' });

  console.log('\nThe product\'s events, each as its trigger, aligned to the gold event mentions (ACTION*, NEG_ACTION* in complete sentences)');
  printAlignment(event, 'product events');
  console.log(
    '\nEvent coreference across documents: the product\'s corpus events, and baselines from the product\'s events (gold event mentions the product did not code are response singletons).' +
      '\nLemma: the events lexicon\'s lemma of the trigger (Doc tokens carry none), else the lower-cased trigger; a story is the product\'s story of the article.' +
      '\nPublished for reference: same head lemma about 73 CoNLL F1, on all gold event mentions given as input; not comparable with these rows,' +
      '\nwhich cluster only the mentions the product codes (PLOVER\'s political acts) or count the rest as singletons.',
  );
  printScores(event, { all: 'over all gold event mentions', aligned: 'over the gold event mentions the product coded (aligned) only' });

  console.log('\nStory clustering: TF-IDF cosine over content words, agglomerative, thresholds tuned on train + dev by B3 F1');
  console.log(table(['baseline', 'threshold', 'train+dev F1'], tuned.map((b) => [b.name, b.threshold.toFixed(2), b.tuningF1]), 1));
  console.log('\nB3 over documents');
  console.log(
    table(
      ['documents', 'clustering', 'against', 'docs', 'gold groups', 'clusters', 'B3 R', 'P', 'F1'],
      Object.entries(story).flatMap(([part, rows]) => rows.map((r) => [part, r.clustering, r.against, r.documents, r.goldGroups, r.responseClusters, ...prf(r.bcubed)])),
      3,
    ),
  );
  console.log('\nJunk names on CoNLL-2003: corpus entities whose mentions overlap no gold name are junk; the list drops one-word names the corpus writes like ordinary words');
  if (!Object.keys(junk).length) console.log('(no CoNLL-2003 files beside the ECB+ folder: skipped)');
  else {
    console.log(
      table(
        ['split', 'docs', 'names', 'real', 'real dropped', 'junk', 'junk dropped', 'one-word real', 'dropped', 'one-word junk', 'dropped'],
        Object.entries(junk).map(([s, r]) => [s, r.documents, r.entities.real + r.entities.junk, r.entities.real, r.entities.realDropped, r.entities.junk, r.entities.junkDropped, r.oneWord.real, r.oneWord.realDropped, r.oneWord.junk, r.oneWord.junkDropped]),
        0,
      ),
    );
    for (const [s, r] of Object.entries(junk)) console.log(`${s}: real names dropped: ${r.droppedReal.join(', ') || '-'}; junk dropped: ${r.droppedJunk.join(', ') || '-'}; junk kept (first): ${r.keptJunk.slice(0, 8).join(', ') || '-'}`);
  }
  console.log(
    `\ntime: reading ${seconds(timing.read)}, pipeline on ${pipelineTexts} texts ${seconds(timing.pipeline)}, connecting dev, test and all ${seconds(timing.connect)}, entity scoring ${seconds(timing.entityScoring)}, event scoring ${seconds(timing.eventScoring)}, stories ${seconds(timing.stories)}, junk names ${seconds(timing.junk)}`,
  );
}

main();
