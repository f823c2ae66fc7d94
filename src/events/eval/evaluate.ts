/**
 * Scores the events stage on the PLOVER gold records and PETRARCH-2's validation records,
 * beside a keyword baseline from the same run.
 *
 *   npm run eval:events [-- --data PATH] [--errors N] [--json]
 *
 * PLOVER (322 sentences, one coded event each): for each sentence the first event the stage
 * codes is its prediction; its type is read as the gold records code types (an intention to
 * cooperate is AGREE, an announced act of force THREATEN: the PLOVER type of its CAMEO code).
 * Event-type accuracy, micro F1 (a sentence with no event is a false negative only) and macro
 * F1 over the 18 types; source and target actor F1 (text matched on the head word); and
 * country-code accuracy over the gold actors matched. The keyword baseline types each sentence
 * by its first word in the trigger lexicon, nothing else.
 *
 * The stage's type is the rules' changed by the learned classifier where it is sure
 * (src/events/classifier.ts). Its figure is 10-fold cross-validated: record i is in fold
 * i mod 10 and is typed by a model trained on the other nine folds, with the threshold those
 * nine chose among themselves by an inner cross-validation; no record is scored by a model or
 * a threshold that saw it. The rules alone and the ungated classifier are printed beside it.
 * Actors do not depend on the classifier.
 *
 * PETR-2 validation (78 sentences): CAMEO root-code accuracy (the first event's root among
 * the gold codings' roots; a sentence the gold says has no event is right when none is coded)
 * and actor-code agreement (country, and sector where the gold gives one, of source and target
 * where the root is right). PETRARCH's unit-test records (fictional actors, coded with its test
 * dictionary, whose codes are not always CAMEO's) are scored for root codes only. Both are
 * held out: typed with the classifier trained on every PLOVER record (npm run train:events),
 * never tuned on.
 *
 * Rules were written looking at the even-numbered PLOVER records only; the odd-numbered ones
 * are printed apart as never looked at.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc, type Doc, type EventMention } from '../../doc/doc.ts';
import { dataDir, parseOptions } from '../../learn/script-options.ts';
import { defaultStages } from '../../pipeline/default-pipeline.ts';
import { createPipeline } from '../../pipeline/stage.ts';
import { cameoRoot, ploverOfCameo } from '../cameo.ts';
import { classify, classifyGated, eventFeatures, ruleType, trainGated, type EventClassifier, type Example } from '../classifier.ts';
import { isEventType } from '../plover.ts';
import { nameIndex } from '../phrases.ts';
import { parseArguments } from '../parse-arguments.ts';
import { events, findEvents, retype } from '../stage.ts';
import { triggerCandidates } from '../triggers.ts';
import { readPetrarchRecords, splitActorCode, type PetrarchRecord } from './petrarch-gold.ts';
import { readPloverGold, type GoldActor, type PloverGold } from './plover-gold.ts';
import { matchActors, prf, scoreTypes, type LabelPair, type Prf, type TypeScores } from './score.ts';

// the stages before events, run once per sentence; the events stage is applied to their Doc
// with each argument finder (the learned classifier is applied fold by fold below)
const before = createPipeline(defaultStages().filter((s) => s.name !== 'events'));
const stage = events({ classifier: null });
const parseFinder = parseArguments();
/** Folds of the cross-validation. */
export const FOLDS = 10;

/** A sentence through the pipeline, as an English article of a fixed date. */
export function processSentence(text: string, date: string): Doc {
  const doc = before(createDoc(text, 'text', { language: 'en', published: date }));
  stage.run(doc);
  return doc;
}

/** The events of a processed sentence with source and target read from the dependency parse (parseArguments), for comparison. */
export function parseEvents(doc: Doc): EventMention[] {
  return findEvents(doc, { classifier: null, findArguments: parseFinder });
}

/** The type of an event as the PLOVER gold records code it: the PLOVER type of its CAMEO code. */
export function goldStyleType(e: EventMention): string {
  return ploverOfCameo(e.cameo) ?? e.type;
}

/** The keyword baseline: the type and CAMEO code of the first word of the sentence the lexicon knows. */
export function keywordCode(doc: Doc): { type: string; cameo: string } | null {
  const first = triggerCandidates(doc, 0, doc.tokens.length, nameIndex(doc))[0];
  return first ? { type: first.type, cameo: first.cameo } : null;
}

interface PloverResult {
  /** The stage: the rules' types, changed by the gated classifier where it is sure (10-fold cross-validation). */
  types: TypeScores;
  /** The lexicon and rules alone. */
  rules: TypeScores;
  /** The stage on the even-numbered records (looked at while writing the rules) and the odd-numbered ones (never looked at). */
  dev: TypeScores;
  heldOut: TypeScores;
  /** The classifier's best type for every event the rules coded, ungated (10-fold cross-validation). */
  learned: TypeScores;
  /** The threshold each fold's training records chose. */
  thresholds: number[];
  baseline: TypeScores;
  source: Prf;
  target: Prf;
  actors: Prf;
  /** All actors with the parse-based finder (parseArguments) in place of the stage's default. */
  parseActors: Prf;
  country: { matched: number; right: number; gold: number };
  errors: { id: string; gold: string; predicted: string | null; text: string }[];
}

function actorCounts(gold: readonly GoldActor[], predicted: EventMention['source']) {
  const pairs = matchActors(gold.map((g) => g.text), predicted.map((p) => p.text));
  let right = 0;
  for (const [gi, pi] of pairs) if (predicted[pi].country === gold[gi].code) right++;
  return { tp: pairs.length, fp: predicted.length - pairs.length, fn: gold.length - pairs.length, right };
}

export function evaluatePlover(records: readonly PloverGold[]): PloverResult {
  const pairs: LabelPair[] = [];
  const base: LabelPair[] = [];
  const src = { tp: 0, fp: 0, fn: 0 };
  const tar = { tp: 0, fp: 0, fn: 0 };
  const pos = { tp: 0, fp: 0, fn: 0 };
  const country = { matched: 0, right: 0, gold: 0 };
  const examples: (Example | null)[] = [];
  for (const r of records) {
    const doc = processSentence(r.text, '2000-01-01');
    const e = doc.events[0];
    const predicted = e ? goldStyleType(e) : null;
    pairs.push({ gold: r.event, predicted });
    examples.push(e && isEventType(r.event) ? { features: eventFeatures(doc, e), rule: ruleType(e), label: r.event } : null);
    base.push({ gold: r.event, predicted: keywordCode(doc)?.type ?? null });

    for (const [gold, pred, acc] of [[r.source, e?.source ?? [], src], [r.target, e?.target ?? [], tar]] as const) {
      const c = actorCounts(gold, pred);
      acc.tp += c.tp;
      acc.fp += c.fp;
      acc.fn += c.fn;
      country.matched += c.tp;
      country.right += c.right;
      country.gold += gold.length;
    }
    const p = parseEvents(doc)[0];
    for (const [gold, pred] of [[r.source, p?.source ?? []], [r.target, p?.target ?? []]] as const) {
      const c = actorCounts(gold, pred);
      pos.tp += c.tp;
      pos.fp += c.fp;
      pos.fn += c.fn;
    }
  }
  // k-fold cross-validation of the classifier: record i is in fold i mod FOLDS, scored by a
  // model trained on the other folds, with the threshold those folds chose among themselves
  const learned: LabelPair[] = pairs.map((p) => ({ ...p }));
  const staged: LabelPair[] = pairs.map((p) => ({ ...p }));
  const thresholds: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = examples.filter((x, i): x is Example => x !== null && i % FOLDS !== fold);
    const model = trainGated(train);
    thresholds.push(model.threshold);
    examples.forEach((x, i) => {
      if (!x || i % FOLDS !== fold) return;
      learned[i].predicted = classify(model, x.features);
      staged[i].predicted = classifyGated(model, x.features, x.rule);
    });
  }
  return {
    types: scoreTypes(staged),
    rules: scoreTypes(pairs),
    dev: scoreTypes(staged.filter((_, i) => i % 2 === 0)),
    heldOut: scoreTypes(staged.filter((_, i) => i % 2 === 1)),
    learned: scoreTypes(learned),
    thresholds,
    baseline: scoreTypes(base),
    source: prf(src.tp, src.fp, src.fn),
    target: prf(tar.tp, tar.fp, tar.fn),
    actors: prf(src.tp + tar.tp, src.fp + tar.fp, src.fn + tar.fn),
    parseActors: prf(pos.tp, pos.fp, pos.fn),
    country,
    errors: records.flatMap((r, i) => (staged[i].predicted !== r.event ? [{ id: r.id, gold: r.event, predicted: staged[i].predicted, text: r.text }] : [])),
  };
}

/** The gated classifier trained on every PLOVER record (what npm run train:events commits), and the examples it was trained on. */
export function trainOnPlover(records: readonly PloverGold[]): { model: EventClassifier; examples: number } {
  const examples: Example[] = [];
  for (const r of records) {
    const doc = processSentence(r.text, '2000-01-01');
    const e = doc.events[0];
    if (e && isEventType(r.event)) examples.push({ features: eventFeatures(doc, e), rule: ruleType(e), label: r.event });
  }
  return { model: trainGated(examples), examples: examples.length };
}

interface PetrarchResult {
  records: number;
  withEvents: number;
  rootRight: number;
  /** The roots right with the lexicon and rules alone. */
  rulesRootRight: number;
  noEvents: number;
  noEventsRight: number;
  baselineRootRight: number;
  actors: { compared: number; sourceCountry: number; targetCountry: number; sectorCompared: number; sectorRight: number };
}

function countryOfCode(code: string): string | null {
  const { country } = splitActorCode(code);
  return country === '---' || country === '' ? null : country;
}

export function evaluatePetrarch(records: readonly PetrarchRecord[], model: EventClassifier | null = null): PetrarchResult {
  const out: PetrarchResult = { records: records.length, withEvents: 0, rootRight: 0, rulesRootRight: 0, noEvents: 0, noEventsRight: 0, baselineRootRight: 0, actors: { compared: 0, sourceCountry: 0, targetCountry: 0, sectorCompared: 0, sectorRight: 0 } };
  for (const record of records) {
    // the unit tests also hold codes of a test codebook ("903", "174K"): CAMEO's roots are 01-20
    const r = { ...record, codings: record.codings.filter((c) => /^\d{2,4}$/.test(c.cameo) && Number(c.cameo.slice(0, 2)) >= 1 && Number(c.cameo.slice(0, 2)) <= 20) };
    if (!r.codings.length && !r.noEvents) continue;
    const date = /^\d{8}$/.test(r.date) ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}` : '2000-01-01';
    const doc = processSentence(r.text, date);
    const first = doc.events[0];
    const e = first && model ? retype(doc, first, model) : first;
    if (r.noEvents || !r.codings.length) {
      out.noEvents++;
      if (!e) out.noEventsRight++;
      continue;
    }
    out.withEvents++;
    const roots = new Set(r.codings.map((c) => cameoRoot(c.cameo)));
    const kw = keywordCode(doc);
    if (kw && roots.has(cameoRoot(kw.cameo))) out.baselineRootRight++;
    if (first && roots.has(cameoRoot(first.cameo))) out.rulesRootRight++;
    if (!e || !roots.has(cameoRoot(e.cameo))) continue;
    out.rootRight++;
    const coding = r.codings.find((c) => cameoRoot(c.cameo) === cameoRoot(e.cameo))!;
    out.actors.compared++;
    if ((e.source[0]?.country ?? null) === countryOfCode(coding.source)) out.actors.sourceCountry++;
    if ((e.target[0]?.country ?? null) === countryOfCode(coding.target)) out.actors.targetCountry++;
    const goldSector = splitActorCode(coding.source).roles[0];
    if (goldSector) {
      out.actors.sectorCompared++;
      if (e.source[0]?.sector === goldSector) out.actors.sectorRight++;
    }
  }
  return out;
}

const pct = (x: number) => (100 * x).toFixed(1);
const f = (p: Prf) => `P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}`;

function printPlover(r: PloverResult, errors: number): void {
  console.log(`PLOVER gold records (${r.types.n} sentences), first event coded per sentence`);
  const thresholds = r.thresholds.map((t) => (Number.isFinite(t) ? String(t) : '∞')).join(', ');
  console.log(`  event type     accuracy ${pct(r.types.accuracy)}  micro ${f(r.types.micro)}  macro F1 ${pct(r.types.macroF1)}   (the stage: lexicon, rules, and the classifier where it is sure; ${FOLDS}-fold cross-validation, thresholds ${thresholds})`);
  console.log(`    of which      the records looked at while writing rules (even) macro F1 ${pct(r.dev.macroF1)}, accuracy ${pct(r.dev.accuracy)}; never looked at (odd) macro F1 ${pct(r.heldOut.macroF1)}, accuracy ${pct(r.heldOut.accuracy)}`);
  console.log(`  rules alone    accuracy ${pct(r.rules.accuracy)}  micro ${f(r.rules.micro)}  macro F1 ${pct(r.rules.macroF1)}   (lexicon and rules, classifier: null)`);
  console.log(`  classifier     accuracy ${pct(r.learned.accuracy)}  micro ${f(r.learned.micro)}  macro F1 ${pct(r.learned.macroF1)}   (its best type for every event, ungated; ${FOLDS}-fold cross-validation)`);
  console.log(`  keyword base   accuracy ${pct(r.baseline.accuracy)}  micro ${f(r.baseline.micro)}  macro F1 ${pct(r.baseline.macroF1)}`);
  console.log(`  source actors  ${f(r.source)}`);
  console.log(`  target actors  ${f(r.target)}`);
  console.log(`  all actors     ${f(r.actors)}   (head-word match; the stage's default finder, by position)`);
  console.log(`    from parse   ${f(r.parseActors)}   (the same events' actors from the dependency parse: parseArguments)`);
  console.log(`  country codes  ${pct(r.country.matched ? r.country.right / r.country.matched : 0)}% of ${r.country.matched} matched gold actors right (${r.country.gold} gold actors)`);
  console.log('  per type          n      P      R     F1   (rules alone F1, keyword F1, ungated classifier F1)');
  for (const [label, p] of r.types.perLabel) {
    console.log(`    ${label.padEnd(12)} ${String(p.tp + p.fn).padStart(4)}  ${pct(p.precision).padStart(5)}  ${pct(p.recall).padStart(5)}  ${pct(p.f1).padStart(5)}   (${pct(r.rules.perLabel.get(label)!.f1)}, ${pct(r.baseline.perLabel.get(label)!.f1)}, ${pct(r.learned.perLabel.get(label)!.f1)})`);
  }
  for (const e of r.errors.slice(0, errors)) console.log(`  ✗ ${e.id} gold ${e.gold}, coded ${e.predicted ?? '—'}: ${e.text}`);
}

function printPetrarch(name: string, r: PetrarchResult, actors: boolean): void {
  console.log(`${name} (${r.records} records: ${r.withEvents} with codings, ${r.noEvents} with none)`);
  const share = (n: number) => `${pct(r.withEvents ? n / r.withEvents : 0)}%`;
  console.log(`  CAMEO root     ${share(r.rootRight)} (${r.rootRight}/${r.withEvents}); rules alone ${share(r.rulesRootRight)}; keyword baseline ${share(r.baselineRootRight)}; no event where none: ${r.noEventsRight}/${r.noEvents}`);
  if (actors && r.actors.compared) {
    const a = r.actors;
    console.log(`  actor codes    of ${a.compared} roots right: source country ${pct(a.sourceCountry / a.compared)}%, target country ${pct(a.targetCountry / a.compared)}%, source sector ${a.sectorRight}/${a.sectorCompared}`);
  }
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const data = dataDir(options.get('data'));
  const ploverPath = join(data, 'events/plover/PLOVER_GSR_CAMEO.txt');
  const petr = join(data, 'events/petrarch2');
  if (!existsSync(ploverPath) || !existsSync(petr)) {
    console.error(`eval:events: no event data under ${data} (it holds events/plover/ and events/petrarch2/; see ../shared/data/README.md); pass --data PATH.`);
    process.exit(2);
  }
  const errors = Number(options.get('errors') ?? 0);
  const t0 = performance.now();
  const ploverRecords = readPloverGold(ploverPath);
  const plover = evaluatePlover(ploverRecords);
  // PETRARCH's records are held out: the classifier on them is the one trained on every PLOVER record
  const { model } = trainOnPlover(ploverRecords);
  const validation = evaluatePetrarch(readPetrarchRecords(join(petr, 'PETR2_GSR_validation.xml')), model);
  const unit = evaluatePetrarch(readPetrarchRecords(join(petr, 'PETR.UnitTest.records.xml')), model);
  if (options.has('json')) {
    const plain = (t: TypeScores) => ({ ...t, perLabel: Object.fromEntries(t.perLabel) });
    console.log(JSON.stringify({ plover: { ...plover, types: plain(plover.types), rules: plain(plover.rules), dev: plain(plover.dev), heldOut: plain(plover.heldOut), learned: plain(plover.learned), baseline: plain(plover.baseline), errors: undefined }, validation, unit }, null, 2));
    return;
  }
  printPlover(plover, errors);
  console.log('');
  printPetrarch('PETR-2 validation records', validation, true);
  printPetrarch('PETRARCH unit-test records (codes of its test dictionary, not CAMEO\'s own)', unit, false);
  console.log('');
  const ok = plover.types.macroF1 >= 0.7 && plover.actors.f1 >= 0.6;
  console.log(`target (type macro F1 ≥ 70, actor F1 ≥ 60): ${ok ? 'met' : 'not met'}: ${pct(plover.types.macroF1)} / ${pct(plover.actors.f1)}; goal 80 / 70`);
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\/src\//, '/src/'))) main();
