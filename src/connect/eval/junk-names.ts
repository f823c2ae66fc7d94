import type { Doc } from '../../doc/doc.ts';
import { spanToRaw } from '../../doc/offset-map.ts';
import type { ConllDocument } from '../../entities/ner/conll.ts';
import { processArticle } from '../../pipeline/default-pipeline.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { connect } from '../connect.ts';

/**
 * How well the corpus list's junk demotion works, measured on CoNLL-2003, where every real name
 * is annotated: each CoNLL document is written out as text (tokens joined by spaces, a sentence a
 * line), run through the product's pipeline, stored and connected. A corpus entity is real when
 * one of its mentions overlaps a gold name, junk when none does; the report counts how many of
 * each the corpus list drops (one-word names the corpus writes like ordinary words, entity
 * list's default) and keeps.
 */
export interface JunkReport {
  documents: number;
  entities: { real: number; junk: number; realDropped: number; junkDropped: number };
  /** The same counts for one-word names only, the ones demotion judges. */
  oneWord: { real: number; junk: number; realDropped: number; junkDropped: number };
  /** Examples, most mentioned first. */
  droppedReal: string[];
  droppedJunk: string[];
  keptJunk: string[];
}

/** The text of a CoNLL document and the character spans of its gold names. */
export function conllText(doc: ConllDocument): { text: string; gold: Array<{ start: number; end: number }> } {
  let text = '';
  const gold: Array<{ start: number; end: number }> = [];
  for (const s of doc.sentences) {
    let open: { start: number; end: number } | undefined;
    s.words.forEach((w, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += w;
      const label = s.labels[i];
      if (label.startsWith('B-')) {
        open = { start, end: text.length };
        gold.push(open);
      } else if (label.startsWith('I-') && open) open.end = text.length;
      else open = undefined;
    });
    text += '\n';
  }
  return { text, gold };
}

/** Runs the measurement over some CoNLL documents. */
export function junkNameReport(documents: readonly ConllDocument[]): JunkReport {
  const store = openSqliteStore(':memory:');
  try {
    const docs: Array<{ doc: Doc; gold: Array<{ start: number; end: number }> }> = [];
    documents.forEach((d, i) => {
      const { text, gold } = conllText(d);
      if (!text.trim()) return;
      const doc = processArticle(text, 'text', { source: `conll-${i}` });
      if (store.has(doc.id)) return;
      store.put(doc);
      docs.push({ doc, gold });
    });
    connect(store);
    const real = new Set<string>();
    const seen = new Set<string>();
    for (const { doc, gold } of docs) {
      const ids = store.corpus.articleFacts(doc.id).entities;
      doc.entities.forEach((e, i) => {
        const id = ids[i];
        if (!id) return;
        seen.add(id);
        const overlaps = e.mentions.some((m) => {
          const raw = spanToRaw(doc.map, doc.mentions[m]);
          return gold.some((g) => raw.start < g.end && g.start < raw.end);
        });
        if (overlaps) real.add(id);
      });
    }
    const all = store.corpus.listEntities({ withJunk: true, limit: 1000, offset: 0 });
    const listed: Array<{ id: string; name: string }> = [];
    for (let offset = 0; offset < all.total; offset += 1000) listed.push(...store.corpus.listEntities({ withJunk: true, limit: 1000, offset }).entities);
    const kept = new Set<string>();
    const total = store.corpus.listEntities({ limit: 1, offset: 0 }).total;
    for (let offset = 0; offset < total; offset += 1000) for (const e of store.corpus.listEntities({ limit: 1000, offset }).entities) kept.add(e.id);
    const report: JunkReport = {
      documents: docs.length,
      entities: { real: 0, junk: 0, realDropped: 0, junkDropped: 0 },
      oneWord: { real: 0, junk: 0, realDropped: 0, junkDropped: 0 },
      droppedReal: [],
      droppedJunk: [],
      keptJunk: [],
    };
    for (const e of listed) {
      if (!seen.has(e.id)) continue;
      const isReal = real.has(e.id);
      const dropped = !kept.has(e.id);
      for (const counts of /\s/.test(e.name.trim()) ? [report.entities] : [report.entities, report.oneWord]) {
        if (isReal) {
          counts.real++;
          if (dropped) counts.realDropped++;
        } else {
          counts.junk++;
          if (dropped) counts.junkDropped++;
        }
      }
      if (dropped && isReal && report.droppedReal.length < 15) report.droppedReal.push(e.name);
      if (dropped && !isReal && report.droppedJunk.length < 15) report.droppedJunk.push(e.name);
      if (!dropped && !isReal && !/\s/.test(e.name.trim()) && report.keptJunk.length < 15) report.keptJunk.push(e.name);
    }
    return report;
  } finally {
    store.close();
  }
}
