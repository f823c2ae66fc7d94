import type { Doc } from '../doc/doc.ts';
import type { CorpusEventRow, CorpusStore, EventMentionRow } from '../store/corpus-store.ts';
import { compareEvents, dayPlaceCheck, EVENT_LINK_SCORE, eventBlockKeys, eventView, type EventView, type ResolvedView } from './event-match.ts';

/**
 * Corpus events: event mentions across articles that report the same real-world event become
 * one event with every report. Candidates: mentions filed under the same type, week and actor
 * (eventBlockKeys), at most `perKey` a key, and the mentions of the same type in its copies (the
 * first `copies` of its group, dated or not), `candidates` in all; scores: compareEvents, with
 * its evidence stored on each link; decision: a mention joins the corpus event of its
 * strongest link whose reports all agree with it on days and places (the first
 * `checkMembers`), and through it joins two events whose reports agree with each other; else
 * it starts an event of its own. Every mention belongs to some corpus event.
 */
export const CORPUS_EVENT_SETTINGS = { perKey: 64, blockCap: 64, candidates: 40, checkMembers: 32, copies: 16 };

const mentionKey = (article: string, idx: number) => `${article}:${idx}`;
const splitKey = (key: string): [string, number] => {
  const i = key.lastIndexOf(':');
  return [key.slice(0, i), Number(key.slice(i + 1))];
};

/** A corpus event's id: that of the mention that founded it. */
const eventId = (article: string, idx: number) => `v${article.slice(0, 12)}.${idx}`;

/** Resolves mentions' entities to the corpus entities they belong to now, reading each article's once. */
class Resolver {
  private readonly clusters = new Map<string, Array<number | null>>();
  constructor(private readonly store: CorpusStore) {}
  resolve(article: string, view: EventView): ResolvedView {
    let clusters = this.clusters.get(article);
    if (!clusters) {
      clusters = this.store.cevEntityClusters(article);
      this.clusters.set(article, clusters);
    }
    const of = (entity: number | null) => (entity === null ? null : (clusters[entity] ?? null));
    return { ...view, sourceClusters: view.source.map((a) => of(a.entity)), targetClusters: view.target.map((a) => of(a.entity)), placeCluster: view.place ? of(view.place.entity) : null };
  }
}

/** How much of who, where and when a report gives: the fullest shows its event. */
function fullness(v: EventView): number {
  const named = (xs: EventView['source']) => (xs.some((a) => a.entity !== null) ? 1 : 0);
  return named(v.source) + named(v.target) + (v.place ? 1 : 0) + (v.days?.stated ? 2 : v.days ? 1 : 0);
}

/** The days a report gives its event: a stated range, or the article's date. */
function shownDays(v: EventView): { first: string; last: string; stated: boolean } | null {
  if (!v.days) return null;
  if (v.days.stated) return v.days;
  const day = v.status === 'future' ? v.days.first : v.days.last;
  return { first: day, last: day, stated: false };
}

/** An event's days with one more report's: stated days win over articles' dates. */
function widenDays(row: Pick<CorpusEventRow, 'first' | 'last' | 'stated'>, days: { first: string; last: string; stated: boolean } | null): Pick<CorpusEventRow, 'first' | 'last' | 'stated'> {
  if (!days || (row.stated && !days.stated)) return { first: row.first, last: row.last, stated: row.stated };
  if (row.first === null || row.last === null || (days.stated && !row.stated)) return { ...days };
  return { first: days.first < row.first ? days.first : row.first, last: days.last > row.last ? days.last : row.last, stated: row.stated };
}

/** Whether two sets of reports can be one event: every pair agrees on days, places and whether it happened (the first `checkMembers` of each). */
function reportsAgree(resolver: Resolver, a: readonly EventMentionRow[], b: readonly EventMentionRow[]): boolean {
  for (const x of a) {
    const rx = resolver.resolve(x.article, x.view);
    for (const y of b) {
      const ry = resolver.resolve(y.article, y.view);
      if ((x.view.status === 'negated') !== (y.view.status === 'negated')) return false;
      if ('conflict' in dayPlaceCheck(rx, ry)) return false;
    }
  }
  return true;
}

function founderBefore(a: CorpusEventRow, b: CorpusEventRow): boolean {
  return a.founder[0] < b.founder[0] || (a.founder[0] === b.founder[0] && a.founder[1] < b.founder[1]);
}

/** Adds a mention to a corpus event's counts, days and shown report (the mention is not stored yet). */
function addReport(store: CorpusStore, row: CorpusEventRow, m: EventMentionRow): CorpusEventRow {
  const full = fullness(m.view);
  const newArticle = !store.cevArticleIn(m.article, row.id);
  const shown = full > row.fullness ? { article: m.article, idx: m.idx, fullness: full } : {};
  return { ...row, ...widenDays(row, shownDays(m.view)), reports: row.reports + 1, articles: row.articles + (newArticle ? 1 : 0), ...shown };
}

/**
 * Places one mention (not yet stored, or stored unassigned) among the corpus events, given its
 * links to mentions already placed: it joins the event of its strongest link whose reports
 * agree with it, then merges that event with the others it links to where their reports agree.
 */
function place(store: CorpusStore, resolver: Resolver, m: EventMentionRow, links: ReadonlyArray<{ other: string; score: number }>): void {
  const s = CORPUS_EVENT_SETTINGS;
  const ordered = [...links].sort((x, y) => y.score - x.score || (x.other < y.other ? -1 : 1));
  const events: string[] = [];
  for (const l of ordered) {
    const event = store.cevMention(...splitKey(l.other))?.event;
    if (event && !events.includes(event)) events.push(event);
  }
  let target: CorpusEventRow | undefined;
  for (const id of events) {
    const row = store.corpusEvent(id);
    if (!row) continue;
    if (!target) {
      if (!reportsAgree(resolver, [m], store.cevMembers(id, s.checkMembers))) continue;
      target = addReport(store, row, m);
      store.cevPutMention({ ...m, event: id });
      store.cevPut(target);
      continue;
    }
    if (row.id === target.id || !reportsAgree(resolver, store.cevMembers(target.id, s.checkMembers), store.cevMembers(id, s.checkMembers))) continue;
    target = mergeEvents(store, target, row);
  }
  if (target) return;
  const days = shownDays(m.view);
  const founded: CorpusEventRow = {
    id: eventId(m.article, m.idx),
    type: m.view.type,
    first: days?.first ?? null,
    last: days?.last ?? null,
    stated: days?.stated ?? false,
    reports: 1,
    articles: 1,
    article: m.article,
    idx: m.idx,
    fullness: fullness(m.view),
    founder: [m.order, m.idx],
  };
  store.cevPutMention({ ...m, event: founded.id });
  store.cevPut(founded);
}

/** Merges two corpus events: the one founded first keeps its id. */
function mergeEvents(store: CorpusStore, a: CorpusEventRow, b: CorpusEventRow): CorpusEventRow {
  const [keep, gone] = founderBefore(a, b) ? [a, b] : [b, a];
  store.cevMove(gone.id, keep.id);
  store.cevDelete(gone.id);
  const days = widenDays(widenDays(keep, keep.first && keep.last ? { first: keep.first, last: keep.last, stated: keep.stated } : null), gone.first && gone.last ? { first: gone.first, last: gone.last, stated: gone.stated } : null);
  const shown = gone.fullness > keep.fullness ? { article: gone.article, idx: gone.idx, fullness: gone.fullness } : {};
  const merged: CorpusEventRow = { ...keep, ...days, ...shown, reports: keep.reports + gone.reports, articles: store.cevArticleCount(keep.id) };
  store.cevPut(merged);
  return merged;
}

/**
 * Connects the events of one article (its entities already connected): each mention is
 * compared with the candidates its keys find, linked where compareEvents reaches
 * EVENT_LINK_SCORE, filed under its keys, and placed.
 */
export function connectEvents(store: CorpusStore, doc: Doc, order: number): void {
  const s = CORPUS_EVENT_SETTINGS;
  const resolver = new Resolver(store);
  const group = store.dupMemberOf(doc.id)?.group;
  const sameSource = (article: string) => article === doc.id || (group !== undefined && store.dupMemberOf(article)?.group === group);
  // the other articles of its group of copies (the first `copies`), and their mentions, read once
  const copies = group === undefined ? [] : store.dupMembers(group).map((m) => m.article).filter((a) => a !== doc.id).slice(0, s.copies);
  const mentionsOf = new Map<string, EventMentionRow[]>();
  const copyMentions = (article: string) => {
    let rows = mentionsOf.get(article);
    if (!rows) {
      rows = store.cevMentionsOf(article);
      mentionsOf.set(article, rows);
    }
    return rows;
  };
  doc.events.forEach((e, idx) => {
    const view = eventView(doc, e);
    const m: EventMentionRow = { article: doc.id, idx, event: '', order, view };
    const resolved = resolver.resolve(doc.id, view);
    const keys = eventBlockKeys(view, { source: resolved.sourceClusters, target: resolved.targetClusters });
    const links: Array<{ other: string; score: number }> = [];
    if (keys.length) {
      const found = store.cevCandidates(keys, s.perKey);
      // copies tell the same events, dated or not: their mentions of the same type are candidates whatever their keys
      for (const article of copies) for (const o of copyMentions(article)) if (o.view.type === view.type) found.set(mentionKey(o.article, o.idx), (found.get(mentionKey(o.article, o.idx)) ?? 0) + keys.length);
      const hits = [...found].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      for (const [key] of hits.slice(0, s.candidates)) {
        const other = store.cevMention(...splitKey(key));
        if (!other) continue;
        const c = compareEvents(resolved, resolver.resolve(other.article, other.view), sameSource(other.article));
        if (!c || c.score < EVENT_LINK_SCORE) continue;
        const evidence = c.disagreements.length ? `${c.evidence}; disagree on ${c.disagreements.join(', ')}` : c.evidence;
        store.cevPutLink(mentionKey(doc.id, idx), key, c.score, evidence);
        links.push({ other: key, score: c.score });
      }
      store.cevAddBlocks(doc.id, idx, keys, s.blockCap);
    }
    place(store, resolver, m, links);
  });
}

/**
 * Takes a deleted article's mentions out of corpus events: each event they were in is placed
 * again from its remaining reports, in ingest order, through the links between them (as
 * connecting them afresh would, except that links to reports of other events are not
 * followed again).
 */
export function disconnectEvents(store: CorpusStore, article: string): void {
  const mentions = store.cevMentionsOf(article);
  if (!mentions.length) return;
  const affected = new Set(mentions.map((m) => m.event));
  store.cevRemoveLinksOf(article);
  store.cevRemoveBlocks(article);
  store.cevRemoveMentionsOf(article);
  const resolver = new Resolver(store);
  for (const id of affected) {
    const members = store.cevMembers(id, Number.MAX_SAFE_INTEGER);
    store.cevDelete(id);
    for (const m of members) store.cevPutMention({ ...m, event: '' });
    const placed = new Set<string>();
    for (const m of members) {
      const key = mentionKey(m.article, m.idx);
      place(store, resolver, m, store.cevLinksOf(key).filter((l) => placed.has(l.other)));
      placed.add(key);
    }
  }
}
