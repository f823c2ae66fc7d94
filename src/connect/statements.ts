import type { Doc } from '../doc/doc.ts';
import { combineHash, hashString } from '../learn/hash.ts';
import type { CorpusStore, StatementQuoteRow } from '../store/corpus-store.ts';
import { bandKeys, minhash } from './minhash.ts';
import { foldWord } from '../entities/name-forms.ts';
import { contentWords } from './text-features.ts';

/**
 * Statements across outlets: the same quotation reported by several articles is one statement
 * with all its reports. Candidates: MinHash over a quotation's word pairs (folded content
 * words), 8 bands of 2; decision: the shorter report's word pairs are at least `containment`
 * inside the longer one's (a partial quote of a longer one counts), over quotations of
 * `minWords` content words or more. Statements are connected components of those links, so
 * the result does not depend on ingest order; each shows the wording of its longest report.
 * Every quote is a report of some statement (a short one of its own); only those of
 * `minWords` or more are compared.
 */
export const STATEMENT_SETTINGS = { hashes: 16, rows: 2, bucketCap: 64, minWords: 5, containment: 0.6, candidates: 30 };

/** The word pairs of a quotation (folded content words), as hashes. */
export function quoteShingles(content: string): Uint32Array {
  const words = contentWords(content).map((w) => hashString(foldWord(w) || w));
  const out = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) out.add(combineHash(words[i], words[i + 1]) >>> 0);
  if (words.length === 1) out.add(words[0]);
  return Uint32Array.from(out);
}

function containment(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(large);
  let n = 0;
  for (const x of small) if (set.has(x)) n++;
  return n / small.length;
}

const quoteKey = (article: string, idx: number) => `${article}:${idx}`;
const splitKey = (key: string): [string, number] => {
  const i = key.lastIndexOf(':');
  return [key.slice(0, i), Number(key.slice(i + 1))];
};

/** Connects the quotes of one article into statements. */
export function connectStatements(store: CorpusStore, doc: Doc): void {
  const s = STATEMENT_SETTINGS;
  doc.quotes.forEach((q, idx) => {
    const content = doc.text.slice(q.content.start, q.content.end);
    const words = contentWords(content).length;
    const row: StatementQuoteRow = { article: doc.id, idx, statement: `q${doc.id.slice(0, 12)}.${idx}`, words, speaker: q.speaker.entity };
    if (words < s.minWords) {
      store.stmPutQuote(row);
      store.stmPut({ id: row.statement, article: doc.id, idx, words, reports: 1 });
      return;
    }
    const shingles = quoteShingles(content);
    const bands = bandKeys(minhash(shingles, s.hashes), s.rows);
    const hits = [...store.stmCandidates(bands, s.bucketCap)].filter(([k]) => splitKey(k)[0] !== doc.id);
    hits.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const self = quoteKey(doc.id, idx);
    const linked: string[] = [];
    for (const [other] of hits.slice(0, s.candidates)) {
      const [article, i] = splitKey(other);
      const text = store.stmContent(article, i);
      if (text === undefined) continue;
      const score = containment(shingles, quoteShingles(text));
      if (score < s.containment) continue;
      store.stmPutLink(self, other, score);
      linked.push(other);
    }
    store.stmAddBands(doc.id, idx, bands, s.bucketCap);
    const statements = [...new Set(linked.map((k) => store.stmQuote(...splitKey(k))?.statement).filter((x): x is string => !!x))];
    if (!statements.length) {
      store.stmPutQuote(row);
      store.stmPut({ id: row.statement, article: doc.id, idx, words, reports: 1 });
      return;
    }
    // the largest statement survives; the others move into it
    const rows = statements.map((id) => store.statement(id)!).sort((a, b) => b.reports - a.reports || (a.id < b.id ? -1 : 1));
    const keep = rows[0];
    for (const other of rows.slice(1)) {
      store.stmMove(other.id, keep.id);
      keep.reports += other.reports;
      if (other.words > keep.words) Object.assign(keep, { article: other.article, idx: other.idx, words: other.words });
      store.stmDelete(other.id);
    }
    store.stmPutQuote({ ...row, statement: keep.id });
    keep.reports++;
    if (words > keep.words) Object.assign(keep, { article: doc.id, idx, words });
    store.stmPut(keep);
  });
}

/** Takes a deleted article's quotes out of statements, splitting those they held together. */
export function disconnectStatements(store: CorpusStore, article: string): void {
  const quotes = store.stmQuotesOf(article);
  if (!quotes.length) return;
  const affected = new Set(quotes.map((q) => q.statement));
  store.stmRemoveLinksOf(article);
  store.stmRemoveBands(article);
  store.stmRemoveQuotesOf(article);
  for (const id of affected) {
    const reports = store.stmReports(id);
    store.stmDelete(id);
    const left = new Map(reports.map((r) => [quoteKey(r.article, r.idx), r]));
    while (left.size) {
      const [startKey] = left.keys();
      const component: StatementQuoteRow[] = [];
      const stack = [startKey];
      const first = left.get(startKey)!;
      left.delete(startKey);
      component.push(first);
      while (stack.length) {
        for (const other of store.stmLinksOf(stack.pop()!)) {
          const r = left.get(other);
          if (!r) continue;
          left.delete(other);
          component.push(r);
          stack.push(other);
        }
      }
      const shown = component.reduce((a, b) => (b.words > a.words ? b : a));
      const newId = component.some((r) => r.statement === id) && component.length === reports.length ? id : `q${component[0].article.slice(0, 12)}.${component[0].idx}`;
      for (const r of component) store.stmPutQuote({ ...r, statement: newId });
      store.stmPut({ id: newId, article: shown.article, idx: shown.idx, words: shown.words, reports: component.length });
    }
  }
}
