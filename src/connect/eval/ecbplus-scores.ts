import type { Span } from '../../doc/span.ts';
import { documentBcubed, scoreCoreference, type Clustering, type CorefScores, type Prf } from './coref-metrics.ts';
import type { EcbDocument, EcbMention, MentionKind } from './ecbplus.ts';
import { alignMentions, type AlignableMention, type AlignHow } from './mention-alignment.ts';

/**
 * Scoring clusterings against ECB+: clusterings of the gold mentions of one kind in the
 * complete-annotation sentences (entities: HUMAN_PART*, NON_HUMAN_PART*, LOC*; events:
 * ACTION*, NEG_ACTION*), and story clusterings over documents against the subtopics and the
 * topics. A clustering to score is a Map from a gold mention id (or a document id) to any
 * cluster id, so a product's output plugs in as one more entry beside the baselines.
 */

/** Where a gold mention's predicted counterpart is: its document and its index in that document's predicted mentions. */
export interface AlignedMention {
  doc: string;
  predicted: number;
  how: AlignHow;
}

/** Gold mention id → its predicted counterpart; gold mentions without one are absent. */
export type MentionAlignment = ReadonlyMap<string, AlignedMention>;

/** Which gold mentions a row scores: all gold mentions of the kind, or only those aligned to a predicted mention. */
export type MentionScope = 'all' | 'aligned';

/** One clustering's scores over one set of gold mentions. */
export interface MentionScoreRow {
  clustering: string;
  scope: MentionScope;
  /** Gold mentions scored, and the key clusters they form. */
  mentions: number;
  clusters: number;
  scores: CorefScores;
}

/** A gold grouping of documents: by subtopic (topic and ECB/ECB+ half: one seminal event) or by topic. */
export type DocumentGrouping = 'subtopic' | 'topic';

/** One story clustering's B³ over documents against one gold grouping. */
export interface StoryScoreRow {
  clustering: string;
  against: DocumentGrouping;
  documents: number;
  /** Gold groups among the documents scored, and the clusters the response makes of them. */
  goldGroups: number;
  responseClusters: number;
  bcubed: Prf;
}

/**
 * The gold mentions of one kind that clusterings are scored on: those in complete-annotation
 * sentences.
 *
 * @example goldMentions(doc, 'event').map((m) => m.type) // ['ACTION_OCCURRENCE', …]
 */
export function goldMentions(doc: EcbDocument, kind: MentionKind): EcbMention[] {
  return doc.mentions.filter((m) => m.kind === kind && m.complete);
}

/** The gold clustering of the documents' mentions of one kind (see goldMentions). */
export function goldKey(docs: readonly EcbDocument[], kind: MentionKind): Map<string, string> {
  return new Map(docs.flatMap((d) => goldMentions(d, kind).map((m) => [m.id, m.cluster] as const)));
}

/**
 * Aligns each document's predicted mentions (spans in the document's text: names, event
 * triggers) to its gold mentions of one kind, one to one (alignMentions: exact span, then
 * head, then overlap).
 *
 * @example const alignment = alignGoldMentions(docs, new Map(docs.map((d) => [d.id, predictedSpans(d)])), 'entity');
 */
export function alignGoldMentions(docs: readonly EcbDocument[], predicted: ReadonlyMap<string, readonly AlignableMention[]>, kind: MentionKind): Map<string, AlignedMention> {
  const out = new Map<string, AlignedMention>();
  for (const doc of docs) {
    const gold = goldMentions(doc, kind);
    for (const pair of alignMentions(gold, predicted.get(doc.id) ?? [])) {
      out.set(gold[pair.gold].id, { doc: doc.id, predicted: pair.predicted, how: pair.how });
    }
  }
  return out;
}

/**
 * A clustering of gold mentions from a clustering of predicted mentions: each aligned gold
 * mention takes the cluster of its predicted counterpart (`clusterOf(doc, index)`, or none
 * when it returns undefined). Unaligned gold mentions are left out, so the scores count them
 * as singletons of the response.
 *
 * @example responseFromPredicted(alignment, (doc, i) => corpusEntityOf(doc, i))
 */
export function responseFromPredicted(alignment: MentionAlignment, clusterOf: (doc: string, predicted: number) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [gold, at] of alignment) {
    const c = clusterOf(at.doc, at.predicted);
    if (c !== undefined) out.set(gold, c);
  }
  return out;
}

/**
 * MUC, B³, CEAF-e and CoNLL of each named clustering of gold mention ids, over two sets of
 * gold mentions of one kind: all of them in `docs` (what a predicted clustering misses counts
 * as response singletons) and only those `alignment` aligned to a predicted mention (how well
 * the found mentions are clustered).
 *
 * @example scoreMentionClusterings(testDocs, 'entity', alignment, { 'same string': byString, product: productResponse })
 */
export function scoreMentionClusterings(docs: readonly EcbDocument[], kind: MentionKind, alignment: MentionAlignment, clusterings: Readonly<Record<string, Clustering>>): MentionScoreRow[] {
  const all = goldKey(docs, kind);
  const aligned = new Map([...all].filter(([id]) => alignment.has(id)));
  const rows: MentionScoreRow[] = [];
  for (const [scope, key] of [
    ['all', all],
    ['aligned', aligned],
  ] as const) {
    const clusters = new Set(key.values()).size;
    for (const [name, response] of Object.entries(clusterings)) {
      rows.push({ clustering: name, scope, mentions: key.size, clusters, scores: scoreCoreference(key, response) });
    }
  }
  return rows;
}

/** The gold grouping of documents: `7/ecbplus` by subtopic, `7` by topic. */
export function documentKey(docs: readonly Pick<EcbDocument, 'id' | 'topic' | 'subtopic'>[], by: DocumentGrouping): Map<string, string> {
  return new Map(docs.map((d) => [d.id, by === 'topic' ? String(d.topic) : `${d.topic}/${d.subtopic}`]));
}

/**
 * B³ over documents of each named clustering of document ids, against the subtopics (one
 * seminal event each) and against the topics.
 *
 * @example scoreStoryClusterings(testDocs, { 'tf-idf average link': byTfidf, product: productStories })
 */
export function scoreStoryClusterings(docs: readonly EcbDocument[], clusterings: Readonly<Record<string, Clustering>>): StoryScoreRow[] {
  const rows: StoryScoreRow[] = [];
  for (const against of ['subtopic', 'topic'] as const) {
    const key = documentKey(docs, against);
    for (const [name, response] of Object.entries(clusterings)) {
      const ids = new Set<string>();
      let unclustered = 0;
      for (const d of docs) {
        const c = response.get(d.id);
        if (c === undefined) unclustered++;
        else ids.add(c);
      }
      rows.push({
        clustering: name,
        against,
        documents: docs.length,
        goldGroups: new Set(key.values()).size,
        responseClusters: ids.size + unclustered,
        bcubed: documentBcubed(key, response),
      });
    }
  }
  return rows;
}

/** How many gold mentions of one kind a predicted set reached, and how. */
export interface AlignmentSummary {
  gold: number;
  aligned: number;
  byHow: Record<AlignHow, number>;
  /** Aligned gold mentions by annotation tag (HUMAN_PART_PER, ACTION_OCCURRENCE…), with the gold count of each tag. */
  byType: Record<string, { gold: number; aligned: number }>;
  /** Predicted mentions, and those aligned to no gold mention (in sentences outside the complete list, or what the gold does not mark). */
  predicted: number;
  unaligned: number;
  /** Of the unaligned, those that begin in a complete-annotation sentence, where the gold marks every mention of its kind. */
  unalignedInComplete: number;
}

/**
 * Counts of an alignment over the gold mentions of one kind in `docs`, and of the predicted
 * mentions it left over.
 *
 * @example summariseAlignment(docs, 'event', alignment, predicted).aligned
 */
export function summariseAlignment(docs: readonly EcbDocument[], kind: MentionKind, alignment: MentionAlignment, predicted: ReadonlyMap<string, readonly Span[]>): AlignmentSummary {
  const byHow: Record<AlignHow, number> = { exact: 0, head: 0, overlap: 0 };
  const byType: Record<string, { gold: number; aligned: number }> = {};
  const taken = new Set<string>();
  let gold = 0;
  let aligned = 0;
  for (const d of docs) {
    for (const m of goldMentions(d, kind)) {
      gold++;
      const t = (byType[m.type] ??= { gold: 0, aligned: 0 });
      t.gold++;
      const at = alignment.get(m.id);
      if (!at) continue;
      aligned++;
      t.aligned++;
      byHow[at.how]++;
      taken.add(`${at.doc}:${at.predicted}`);
    }
  }
  let predictedCount = 0;
  let unalignedInComplete = 0;
  for (const d of docs) {
    (predicted.get(d.id) ?? []).forEach((p, i) => {
      predictedCount++;
      if (taken.has(`${d.id}:${i}`)) return;
      if (d.sentences.some((s) => s.complete && p.start >= s.start && p.start < s.end)) unalignedInComplete++;
    });
  }
  return { gold, aligned, byHow, byType, predicted: predictedCount, unaligned: predictedCount - aligned, unalignedInComplete };
}
