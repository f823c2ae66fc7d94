import type { ArticleText, CorpusStore, DuplicateLink } from '../store/corpus-store.ts';
import { alignSentences, type Alignment } from './align.ts';
import { bandKeys, minhash } from './minhash.ts';
import { fingerprint, wordSet, type Fingerprint } from './text-features.ts';

/**
 * Duplicates and rewritten copies. Candidates: MinHash over an article's folded content words,
 * 32 LSH bands of 2 rows; candidates are the `candidates` articles sharing the most bands (one
 * band is enough: asking for two would halve the alignments but lose a sixth of the excerpts of
 * under half an article on the benchmark's dev split). Scores: sentence alignment (align.ts) says
 * how much of each the other holds. Decision: a copy when either holds at least
 * `minShareCopy` of the other's text, or both at least `minShareBoth`, over at least two
 * sentences (three for an excerpt, a copy of under half the longer article: on ECB+ train and
 * dev, one shared sentence joined two different events' articles). Groups: the connected
 * components of copy links; the original is the earliest published member where both are
 * dated, then the fullest, then the first ingested.
 */
export const DUPLICATE_SETTINGS = {
  hashes: 64,
  rows: 2,
  candidates: 20,
  /** Band buckets stop growing here: thousands of copies of one story still cost a bounded read. */
  bucketCap: 64,
  minShareCopy: 0.8,
  minShareBoth: 0.5,
  minAligned: 2,
  /** An excerpt (under half of the longer article) needs this many sentences in common. */
  minAlignedExcerpt: 3,
};

/** A fingerprint and band keys for an article. */
export function duplicateSketch(article: Pick<ArticleText, 'text' | 'sentences'>): { fp: Fingerprint; bands: number[] } {
  const fp = fingerprint(article.text, article.sentences);
  return { fp, bands: bandKeys(minhash(wordSet(fp), DUPLICATE_SETTINGS.hashes), DUPLICATE_SETTINGS.rows) };
}

/** What duplicate detection reads of a stored article: its fingerprint, its normalised text, and what picks an original. */
interface Candidate {
  fp: Fingerprint;
  text: string;
  facts: Pick<ArticleText, 'published' | 'chars' | 'order'>;
}

/**
 * Recent candidates by store and article id. What is computed from the text never changes for
 * an id (a hash of the content); the facts do when an article is stored again, and
 * disconnecting it (disconnectDuplicates) forgets it here.
 */
const recent = new WeakMap<CorpusStore, Map<string, Candidate>>();
const RECENT_LIMIT = 2000;

function candidateFingerprint(store: CorpusStore, id: string): Candidate | undefined {
  let recentFingerprints = recent.get(store);
  if (!recentFingerprints) recent.set(store, (recentFingerprints = new Map()));
  const hit = recentFingerprints.get(id);
  if (hit) {
    recentFingerprints.delete(id);
    recentFingerprints.set(id, hit);
    return hit;
  }
  const article = store.articleText(id);
  if (!article) return undefined;
  const entry = { fp: fingerprint(article.text, article.sentences), text: normalised(article.text), facts: { published: article.published, chars: article.chars, order: article.order } };
  recentFingerprints.set(id, entry);
  if (recentFingerprints.size > RECENT_LIMIT) recentFingerprints.delete(recentFingerprints.keys().next().value!);
  return entry;
}

/** The kind of copy an alignment shows, or undefined when the two are not copies. */
export function copyKind(al: Alignment, sameText: boolean): DuplicateLink['kind'] | undefined {
  if (sameText) return 'exact';
  const s = DUPLICATE_SETTINGS;
  // a sentence or two in common is a shared quotation or headline, not a copy, however short the article
  const aligned = Math.min(al.alignedA, al.alignedB);
  if (aligned < s.minAligned) return undefined;
  const high = Math.max(al.shareA, al.shareB);
  const low = Math.min(al.shareA, al.shareB);
  if (!(high >= s.minShareCopy || low >= s.minShareBoth)) return undefined;
  if (low < s.minShareBoth) return aligned >= s.minAlignedExcerpt ? 'excerpt' : undefined;
  return al.meanDice >= 0.9 ? 'copy' : 'rewritten';
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Connects one stored article: finds its copies among the candidates, stores each link with
 * its alignment, and puts the article into the group of its copies (merging groups it
 * bridges). Returns the group id, if any.
 */
export function connectDuplicates(store: CorpusStore, article: ArticleText): { group: string; copies: string[] } | undefined {
  const { fp, bands } = duplicateSketch(article);
  const hits = store.dupCandidates(bands, DUPLICATE_SETTINGS.bucketCap);
  hits.delete(article.id);
  const ranked = [...hits].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, DUPLICATE_SETTINGS.candidates);
  const own = normalised(article.text);
  const linked: DuplicateLink[] = [];
  const seenGroups = new Set<string>();
  for (const [other] of ranked) {
    // one alignment per group that is already known to be a copy of another candidate
    const member = store.dupMemberOf(other);
    if (member && seenGroups.has(member.group)) continue;
    const candidate = candidateFingerprint(store, other);
    if (!candidate) continue;
    const al = alignSentences(fp, candidate.fp);
    const kind = copyKind(al, candidate.text === own);
    if (!kind) continue;
    if (member) seenGroups.add(member.group);
    const [a, b] = article.id < other ? [article.id, other] : [other, article.id];
    const flip = a !== article.id;
    const link: DuplicateLink = {
      a,
      b,
      shareA: flip ? al.shareB : al.shareA,
      shareB: flip ? al.shareA : al.shareB,
      alignedA: flip ? al.alignedB : al.alignedA,
      alignedB: flip ? al.alignedA : al.alignedB,
      meanDice: al.meanDice,
      kind,
    };
    store.dupPutLink(link);
    linked.push(link);
  }
  store.dupAddBands(article.id, bands, DUPLICATE_SETTINGS.bucketCap);
  if (!linked.length) return undefined;
  const copies = linked.sort((x, y) => Math.max(y.shareA, y.shareB) - Math.max(x.shareA, x.shareB)).map((l) => (l.a === article.id ? l.b : l.a));
  return { group: joinGroups(store, article, linked), copies };
}

/** A group's id: named after its first member in ingest order. */
function groupId(article: string): string {
  return `g${article.slice(0, 12)}`;
}

/** The share of `article`'s own text that the other side of a link holds. */
function ownShare(link: DuplicateLink, article: string): number {
  return link.a === article ? link.shareA : link.shareB;
}

function joinGroups(store: CorpusStore, article: ArticleText, links: DuplicateLink[]): string {
  const others = links.map((l) => (l.a === article.id ? l.b : l.a));
  // the groups the new article bridges, largest first (ties: older id), so merges move the smaller
  const groups = new Map<string, number>();
  for (const o of others) {
    const m = store.dupMemberOf(o);
    if (m && !groups.has(m.group)) groups.set(m.group, store.dupGroup(m.group)?.size ?? 0);
  }
  const order = [...groups].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([g]) => g);
  let target = order[0];
  if (!target) {
    // a new group, named after its first member in ingest order
    const order = (id: string) => candidateFingerprint(store, id)?.facts.order ?? Infinity;
    const first = others.reduce((x, y) => (order(y) < order(x) ? y : x));
    target = groupId(first);
    store.dupPutGroup({ id: target, original: first, size: 0 });
  }
  const group = store.dupGroup(target)!;
  for (const g of order.slice(1)) {
    const moved = store.dupMoveMembers(g, target);
    const original = store.dupGroup(g)!.original;
    store.dupDeleteGroup(g);
    group.size += moved;
    group.original = earlier(store, group.original, original);
  }
  const join = (id: string, share: number) => {
    const m = store.dupMemberOf(id);
    if (m && m.group === target) {
      if (share > m.share) store.dupPutMember({ ...m, share });
      return;
    }
    store.dupPutMember({ article: id, group: target, share });
    group.size++;
    group.original = earlier(store, group.original, id);
  };
  links.forEach((l, i) => join(others[i], ownShare(l, others[i])));
  join(article.id, Math.max(...links.map((l) => ownShare(l, article.id))));
  store.dupPutGroup(group);
  return target;
}

/**
 * Of two articles, the one that is the original: published first where both are dated (a copy
 * may carry a date its undated source lacks), then the fuller, then ingested first.
 */
function earlier(store: CorpusStore, a: string, b: string): string {
  if (a === b) return a;
  const x = candidateFingerprint(store, a)?.facts;
  const y = candidateFingerprint(store, b)?.facts;
  if (!x) return b;
  if (!y) return a;
  if (x.published && y.published && x.published !== y.published) return x.published < y.published ? a : b;
  if (x.chars !== y.chars) return x.chars > y.chars ? a : b;
  return x.order <= y.order ? a : b;
}

/**
 * Takes a deleted article out of duplicate detection: its bands and links go, and its group is
 * split into what its remaining links still hold together.
 */
export function disconnectDuplicates(store: CorpusStore, article: string): void {
  recent.get(store)?.delete(article);
  const member = store.dupMemberOf(article);
  store.dupRemoveBands(article);
  store.dupRemoveLinksOf(article);
  store.dupRemoveMember(article);
  if (!member) return;
  const rest = store.dupMembers(member.group).map((m) => m.article);
  store.dupDeleteGroup(member.group);
  for (const m of rest) store.dupRemoveMember(m);
  // components of the remaining links, each a group again (named after its first member)
  const left = new Set(rest);
  for (const start of rest) {
    if (!left.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    left.delete(start);
    const links: DuplicateLink[] = [];
    while (stack.length) {
      const x = stack.pop()!;
      component.push(x);
      for (const l of store.dupLinksOf(x)) {
        const y = l.a === x ? l.b : l.a;
        if (l.a === x) links.push(l);
        if (left.has(y)) {
          left.delete(y);
          stack.push(y);
        }
      }
    }
    if (component.length < 2) continue;
    const texts = component.map((id) => store.articleText(id)).filter((t): t is ArticleText => !!t).sort((p, q) => p.order - q.order);
    const id = groupId(texts[0].id);
    let original = texts[0].id;
    for (const t of texts) original = earlier(store, original, t.id);
    store.dupPutGroup({ id, original, size: component.length });
    for (const t of texts) {
      const share = Math.max(0, ...links.filter((l) => l.a === t.id || l.b === t.id).map((l) => ownShare(l, t.id)));
      store.dupPutMember({ article: t.id, group: id, share });
    }
  }
}
