import { readFileSync, writeFileSync } from 'node:fs';
import type { Doc } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import { bilouLabels, bilouTransitions, type TransitionRules } from '../learn/labels.ts';
import { readModelBytes, writeModelBytes } from '../learn/model-file.ts';
import { decodeSentence, type PassWeights, type SentenceFeatures } from '../learn/perceptron.ts';
import { labelsToSpans } from '../learn/spans.ts';
import { paragraphFeatures, secondPassHashes, type QuoteToken } from './features.ts';
import { ATTRIBUTION_PARTS, type AttributionPart } from './polnear.ts';

const MAGIC = 'DOSSIER-QUOTES/1\n';

/**
 * The attribution tagger: BILOU labels over source, cue and content, its cue lexicon and
 * the weights of one or two passes (the second reads the first pass's labels).
 */
export interface QuoteModel {
  labels: string[];
  rules: TransitionRules;
  /** Lower-cased words that often report speech in the training data ("said", "according"). */
  cues: Set<string>;
  passes: PassWeights[];
  meta: Record<string, unknown>;
}

/** The tag set of the attribution tagger. */
export const QUOTE_LABELS = bilouLabels(ATTRIBUTION_PARTS);

/** A paragraph of a Doc as the tagger reads it: its tokens and their indices in Doc.tokens. */
export interface TaggerParagraph {
  tokens: QuoteToken[];
  /** Index in Doc.tokens of each token. */
  index: number[];
}

/** A tagged part over token indices of a paragraph (`end` exclusive). */
export interface PartRun {
  part: AttributionPart;
  start: number;
  end: number;
}

/** The paragraphs (blocks) of a tokenised Doc, with each token's part of speech, name type and sentence start. */
export function docParagraphs(doc: Doc): TaggerParagraph[] {
  const { tokens, sentences, mentions } = doc;
  const starts = new Set(sentences.map((s) => s.start));
  const entity = new Array<string>(tokens.length).fill('');
  let m = 0;
  for (let t = 0; t < tokens.length; t++) {
    while (m < mentions.length && mentions[m].end <= tokens[t].start) m++;
    if (m < mentions.length && mentions[m].start < tokens[t].end) entity[t] = mentions[m].type;
  }
  const blocks: Span[] = doc.blocks.length ? doc.blocks : [{ start: 0, end: doc.text.length }];
  const out: TaggerParagraph[] = [];
  let t = 0;
  for (const block of blocks) {
    while (t < tokens.length && tokens[t].end <= block.start) t++;
    const paragraph: TaggerParagraph = { tokens: [], index: [] };
    while (t < tokens.length && tokens[t].start < block.end) {
      const tok = tokens[t];
      paragraph.tokens.push({ value: doc.text.slice(tok.start, tok.end), pos: tok.pos, entity: entity[t], sentenceStart: starts.has(tok.start) || paragraph.tokens.length === 0 });
      paragraph.index.push(t);
      t++;
    }
    if (paragraph.tokens.length) out.push(paragraph);
  }
  return out;
}

/**
 * Features for every paragraph of a document, carrying open quotations from one paragraph
 * to the next; `priors` gives a second pass each paragraph's first-pass labels.
 */
export function documentFeatures(paragraphs: readonly TaggerParagraph[], cues: ReadonlySet<string>, priors?: readonly (readonly string[])[]): SentenceFeatures[] {
  return paragraphStates(paragraphs, cues, priors).map((x) => x.features);
}

function paragraphStates(paragraphs: readonly TaggerParagraph[], cues: ReadonlySet<string>, priors?: readonly (readonly string[])[]): { features: SentenceFeatures; startsOpen: boolean }[] {
  let open = false;
  return paragraphs.map((p, i) => {
    const startsOpen = open;
    const { features, endsOpen } = paragraphFeatures(p.tokens, cues, open, priors?.[i]);
    open = endsOpen;
    return { features, startsOpen };
  });
}

/**
 * Each paragraph's labels from the model's passes: the first pass's features, then, for a
 * second pass, the same features plus those its labels give (documentFeatures with priors,
 * computed without repeating the first pass's part).
 */
export function labelParagraphs(model: QuoteModel, paragraphs: readonly TaggerParagraph[]): string[][] {
  const states = paragraphStates(paragraphs, model.cues);
  let labels: string[][] = paragraphs.map((p) => p.tokens.map(() => 'O'));
  model.passes.forEach((weights, k) => {
    labels = states.map((state, i) => {
      const extra = k === 0 ? undefined : secondPassHashes(paragraphs[i].tokens, state.startsOpen, labels[i]);
      return Array.from(decodeSentence(weights, model.rules, state.features, extra), (y) => model.labels[y]);
    });
  });
  return labels;
}

/** Tags each paragraph: the source, cue and content runs the model finds, in token indices of the paragraph. */
export function tagParagraphs(model: QuoteModel, paragraphs: readonly TaggerParagraph[]): PartRun[][] {
  return labelParagraphs(model, paragraphs).map((labels) => labelsToSpans(labels).map((s) => ({ part: s.type as AttributionPart, start: s.start, end: s.end })));
}

/** Assembles a model from its parts. */
export function createQuoteModel(parts: { cues: Iterable<string>; passes: PassWeights[]; meta: Record<string, unknown> }): QuoteModel {
  return { labels: QUOTE_LABELS, rules: bilouTransitions(QUOTE_LABELS), cues: new Set(parts.cues), passes: parts.passes, meta: parts.meta };
}

interface FileHeader {
  labels: string[];
  cues: string[];
  meta: Record<string, unknown>;
}

/** Writes a model file. */
export function saveQuoteModel(model: QuoteModel, path: string): void {
  const header: FileHeader = { labels: model.labels, cues: [...model.cues].sort(), meta: model.meta };
  writeFileSync(path, writeModelBytes(MAGIC, header, model.passes));
}

/** Reads a model file; throws a TypeError if the file is not one. */
export function readQuoteModel(path: string): QuoteModel {
  const { header, passes } = readModelBytes<FileHeader>(MAGIC, readFileSync(path), 'Dossier quote model');
  if (header.labels.join() !== QUOTE_LABELS.join()) throw new TypeError(`quote model ${path} has labels ${header.labels.join(',')}, expected ${QUOTE_LABELS.join(',')}`);
  return createQuoteModel({ cues: header.cues, passes, meta: header.meta });
}
