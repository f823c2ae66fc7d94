import { defaultStages } from '../pipeline/default-pipeline.ts';
import { createPipeline, type Pipeline } from '../pipeline/stage.ts';
import { createDoc } from '../doc/doc.ts';
import { spanToRaw } from '../doc/offset-map.ts';
import type { Doc } from '../doc/doc.ts';
import { docParagraphs, type PartRun, type TaggerParagraph } from './model.ts';
import type { PolnearAnnotation } from './polnear.ts';

/** One annotated article ready for training or scoring: its paragraphs and the gold runs in each. */
export interface PreparedArticle {
  article: string;
  annotator: string;
  paragraphs: TaggerParagraph[];
  gold: PartRun[][];
  /** The article through the stages before quotes (shared by its annotators' entries). */
  doc: Doc;
}

/**
 * Gold runs per paragraph from an annotation's character spans (raw offsets). A token
 * takes the part of the span covering more than half of it; where spans nest, the shorter
 * one wins (a source inside another attribution's content stays a source). Each span
 * fragment is its own run, as in a BIO reading of the annotation (CofeNet's).
 */
export function goldRuns(doc: Doc, paragraphs: readonly TaggerParagraph[], annotation: PolnearAnnotation): PartRun[][] {
  const spans = annotation.spans.map((s, id) => ({ ...s, id })).sort((a, b) => b.end - b.start - (a.end - a.start));
  return paragraphs.map((p) => {
    const owner = new Int32Array(p.index.length).fill(-1);
    const raws = p.index.map((t) => spanToRaw(doc.map, doc.tokens[t]));
    const first = raws[0]?.start ?? 0;
    const last = raws[raws.length - 1]?.end ?? 0;
    for (const s of spans) {
      if (s.end <= first || s.start >= last) continue;
      raws.forEach((r, k) => {
        const overlap = Math.min(r.end, s.end) - Math.max(r.start, s.start);
        if (overlap * 2 > r.end - r.start) owner[k] = s.id;
      });
    }
    const runs: PartRun[] = [];
    for (let k = 0; k < owner.length; k++) {
      if (owner[k] < 0) continue;
      if (k > 0 && owner[k - 1] === owner[k]) {
        runs[runs.length - 1].end = k + 1;
        continue;
      }
      runs.push({ part: annotation.spans[owner[k]].part, start: k, end: k + 1 });
    }
    return runs;
  });
}

/** Runs each article's text through the default pipeline once (several annotators share it) and prepares its gold runs. */
export function prepareArticles(annotations: readonly PolnearAnnotation[], onProgress?: (done: number) => void): PreparedArticle[] {
  // the default stages up to the attribution tagger, which is what is being trained or scored
  const pipeline: Pipeline = createPipeline(defaultStages().filter((s) => s.name !== 'quotes'));
  const docs = new Map<string, { doc: Doc; paragraphs: TaggerParagraph[] }>();
  return annotations.map((a, i) => {
    let entry = docs.get(a.article);
    if (!entry) {
      const doc = pipeline(createDoc(a.text, 'text', { source: a.article }));
      entry = { doc, paragraphs: docParagraphs(doc) };
      docs.set(a.article, entry);
    }
    onProgress?.(i + 1);
    return { article: a.article, annotator: a.annotator, paragraphs: entry.paragraphs, gold: goldRuns(entry.doc, entry.paragraphs, a), doc: entry.doc };
  });
}

/** Precision, recall and F1 (in percent) from counts. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
}

function scores(tp: number, gold: number, predicted: number): Scores {
  const precision = predicted ? (100 * tp) / predicted : 0;
  const recall = gold ? (100 * tp) / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted };
}

/**
 * Scores predicted runs against gold runs per part, paragraph by paragraph: `exact` counts a
 * run right when its part, start and end all match (CofeNet's exact match); `overlap` when
 * it shares a token with a gold run of its part not yet matched.
 */
export function scoreRuns(gold: readonly (readonly PartRun[])[], predicted: readonly (readonly PartRun[])[]): Record<'exact' | 'overlap', Record<string, Scores>> {
  const parts = ['source', 'cue', 'content'];
  const counts = { exact: new Map<string, number>(), overlap: new Map<string, number>() };
  const goldCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  gold.forEach((g, i) => {
    const p = predicted[i] ?? [];
    for (const r of g) bump(goldCount, r.part);
    for (const r of p) bump(predictedCount, r.part);
    const keys = new Set(g.map((r) => `${r.part}:${r.start}:${r.end}`));
    for (const r of p) if (keys.has(`${r.part}:${r.start}:${r.end}`)) bump(counts.exact, r.part);
    const used = new Set<number>();
    for (const r of p) {
      const k = g.findIndex((q, j) => !used.has(j) && q.part === r.part && q.start < r.end && r.start < q.end);
      if (k >= 0) {
        used.add(k);
        bump(counts.overlap, r.part);
      }
    }
  });
  const result = { exact: {} as Record<string, Scores>, overlap: {} as Record<string, Scores> };
  for (const kind of ['exact', 'overlap'] as const) {
    for (const part of parts) result[kind][part] = scores(counts[kind].get(part) ?? 0, goldCount.get(part) ?? 0, predictedCount.get(part) ?? 0);
  }
  return result;
}
