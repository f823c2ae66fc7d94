import type { Doc } from '../doc/doc.ts';
import type { CorpusStore, StoryRow, TermVector } from '../store/corpus-store.ts';
import { foldWord, nameKey, personParts, stripDiacritics } from '../entities/name-forms.ts';
import { STOPWORDS } from './text-features.ts';

/**
 * Stories: articles grouped by an online clustering over text, names and time. Each article is a
 * TF-IDF vector of its content words (nouns, names, verbs and adjectives) and its names (boosted);
 * a new article joins the story whose centroid is most similar, if that reaches `join`, or else
 * starts one; a copy of an article (duplicates.ts) joins its original's story at once. After a
 * join, the story is compared with the other candidates and merges with one whose centroid has
 * become as similar as `merge`. Time only weakens a match: an article more than `gapDays` from
 * a story's date range counts less, down to `minTimeFactor`, so the same actors weeks apart stay
 * one story unless the text drifts. `join` and `merge` were tuned on ECB+ train and dev topics
 * (B³ against the two events of each topic; `npm run eval:connect`).
 *
 * Order: the result depends on ingest order through the document frequencies at the time an
 * article is connected and through which story an article meets first; `dossier connect
 * --rebuild` replays the articles in ingest order and so gives the same stories.
 */
export const STORY_SETTINGS = {
  terms: 80,
  queryTerms: 15,
  perTerm: 30,
  candidates: 20,
  centroidTerms: 400,
  indexTerms: 30,
  entityBoost: 2,
  join: 0.2,
  merge: 0.35,
  /**
   * Two stories whose centroids are this alike, with their names or without them, are related
   * (the same kind of event elsewhere, or the same actors in another episode): the story view
   * lists them, and a surname alone may find its person across them. Tuned on ECB+ train and
   * dev topics (B³ of the related groups against the topics).
   */
  related: 0.15,
  gapDays: 7,
  minTimeFactor: 0.6,
};

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

/** The terms of an article with their raw weights (1 + ln tf; names boosted). */
export function articleTerms(doc: Pick<Doc, 'text' | 'tokens' | 'entities' | 'mentions'>): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of doc.tokens) {
    if (!CONTENT_POS.has(t.pos)) continue;
    const w = stripDiacritics(doc.text.slice(t.start, t.end).toLowerCase());
    if (w.length < 3 || STOPWORDS.has(w) || !/\p{L}/u.test(w)) continue;
    tf.set(w, (tf.get(w) ?? 0) + 1);
  }
  const terms = new Map<string, number>();
  for (const [w, n] of tf) terms.set(w, 1 + Math.log(n));
  for (const e of doc.entities) {
    const weight = STORY_SETTINGS.entityBoost * (1 + Math.log(Math.max(1, e.mentions.length)));
    const add = (k: string) => terms.set(k, Math.max(terms.get(k) ?? 0, weight));
    // names by their folded spelling, so that a misspelt copy still shares them ("Witkov", "Witkoff")
    add(`@${nameKey(e.name).split(' ').map(foldWord).join(' ')}`);
    if (e.type === 'PER') {
      const p = personParts(e.name);
      if (p && p.given.length) add(`@${p.foldedSurname}`);
    }
  }
  return terms;
}

/** TF-IDF with the document frequencies so far, the leading `terms` kept, L2-normalised. */
export function weigh(terms: Map<string, number>, df: Map<string, number>, n: number): TermVector {
  const weighted = [...terms].map(([t, w]) => [t, w * (Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1)] as [string, number]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, STORY_SETTINGS.terms);
  const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(kept.map(([t, w]) => [t, w / norm]));
}

/** A vector without its names: what kind of event, not whose. */
function wordsOnly(v: TermVector): TermVector {
  return new Map([...v].filter(([t]) => !t.startsWith('@')));
}

function norm(v: TermVector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  const d = norm(a) * norm(b);
  return d ? dot / d : 0;
}

function addInto(sum: TermVector, v: TermVector, sign = 1): void {
  for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + sign * w);
}

function truncate(v: TermVector, n: number): TermVector {
  if (v.size <= n) return v;
  return new Map([...v].filter(([, w]) => w > 1e-9).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n));
}

function indexTerms(v: TermVector): Array<[string, number]> {
  const total = norm(v) || 1;
  return [...v]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STORY_SETTINGS.indexTerms)
    .map(([t, w]) => [t, w / total]);
}

const DAY = 86_400_000;

/** How much a story's date range weakens a match with an article of this date (1: no weakening). */
export function timeFactor(published: string | null, story: Pick<StoryRow, 'first' | 'last'>): number {
  if (!published || !story.first || !story.last) return 1;
  const t = Date.parse(published);
  const first = Date.parse(story.first);
  const last = Date.parse(story.last);
  if ([t, first, last].some(Number.isNaN)) return 1;
  const gap = Math.max(0, first - t, t - last) / DAY;
  if (gap <= STORY_SETTINGS.gapDays) return 1;
  return Math.max(STORY_SETTINGS.minTimeFactor, 1 - (gap - STORY_SETTINGS.gapDays) / 100);
}

/**
 * Groups of related stories: the connected components of the related-story links, each named
 * after its oldest story. Reads every link, for whole-corpus views and evaluation.
 */
export function storyThemes(store: CorpusStore, stories: readonly string[]): Map<string, string> {
  const theme = new Map<string, string>();
  for (const start of stories) {
    if (theme.has(start)) continue;
    const component = [start];
    const seen = new Set(component);
    for (let i = 0; i < component.length; i++) {
      for (const { story } of store.storyLinks(component[i], 1000)) {
        if (!seen.has(story)) {
          seen.add(story);
          component.push(story);
        }
      }
    }
    const founded = new Map(component.map((s) => [s, store.story(s)?.founded ?? 0]));
    const name = component.reduce((a, b) => (founded.get(a)! <= founded.get(b)! ? a : b));
    for (const s of component) theme.set(s, name);
  }
  return theme;
}

function storyId(article: string): string {
  return `s${article.slice(0, 12)}`;
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/** What connecting an article into stories did: its story and the stories merged into others. */
export interface StoryChange {
  story: string;
  merged: Array<{ from: string; to: string }>;
}

/**
 * Connects one article into stories: its vector is weighed against the document frequencies
 * so far, it joins the best candidate story (or its original's, for a copy) or starts one, and
 * stories that its arrival makes alike merge.
 */
export function connectStory(store: CorpusStore, doc: Doc, meta: { order: number; duplicateOf?: string }): StoryChange {
  const s = STORY_SETTINGS;
  const raw = articleTerms(doc);
  const terms = [...raw.keys()];
  const vector = weigh(raw, store.storyDf(terms), store.storyDocCount());
  store.storyCountTerms(terms, 1);
  store.storyPutVector(doc.id, vector);
  const published = doc.meta.published ?? null;

  const query = [...vector.keys()].slice(0, s.queryTerms);
  const found = [...store.storyCandidates(query, s.perTerm)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, s.candidates);
  const scored = found
    .map(([id]) => store.story(id)!)
    .filter(Boolean)
    .map((story) => ({ story, sim: cosine(vector, story.centroid) * timeFactor(published, story) }))
    .sort((a, b) => b.sim - a.sim || a.story.founded - b.story.founded);

  let target: StoryRow | undefined;
  const copyStory = meta.duplicateOf ? store.storyOf(meta.duplicateOf) : undefined;
  if (copyStory) target = store.story(copyStory);
  else if (scored[0] && scored[0].sim >= s.join) target = scored[0].story;
  if (!target) {
    target = { id: storyId(doc.id), title: null, titleArticle: null, titleScore: -1, first: null, last: null, size: 0, centroid: new Map(), founded: meta.order };
  }
  const centroid = new Map(target.centroid);
  addInto(centroid, vector);
  target.centroid = truncate(centroid, s.centroidTerms);
  target.size++;
  target.first = minDate(target.first, published);
  target.last = maxDate(target.last, published);
  retitle(store, target, doc.id, doc.meta.title ?? null, vector);
  store.storyAddMember(target.id, doc.id);

  const merged: StoryChange['merged'] = [];
  const gone = new Set<string>();
  for (const { story } of scored) {
    if (story.id === target.id || gone.has(story.id)) continue;
    const sim = cosine(target.centroid, story.centroid) * Math.min(timeFactor(story.first, target), timeFactor(story.last, target));
    if (sim < s.merge) continue;
    const before = target.id;
    target = mergeStories(store, target, story, merged);
    gone.add(target.id === before ? story.id : before);
  }
  store.storyPut(target);
  store.storySetTerms(target.id, indexTerms(target.centroid));
  // related stories: among the candidates, and the stories that share the story's own
  // central terms, those whose centroids are now alike enough
  const related = new Map(scored.map(({ story }) => [story.id, story]));
  const central = indexTerms(target.centroid).slice(0, s.queryTerms).map(([t]) => t);
  const more = [...store.storyCandidates(central, s.perTerm)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, s.candidates);
  for (const [id] of more) {
    if (related.has(id)) continue;
    const story = store.story(id);
    if (story) related.set(id, story);
  }
  for (const story of related.values()) {
    if (story.id === target.id || gone.has(story.id)) continue;
    const sim = Math.max(cosine(target.centroid, story.centroid), cosine(wordsOnly(target.centroid), wordsOnly(story.centroid)));
    store.storyLink(target.id, story.id, sim >= s.related ? sim : null);
  }
  return { story: target.id, merged };
}

/** Keeps as a story's title the headline of the member closest to its centroid. */
function retitle(store: CorpusStore, story: StoryRow, article: string, title: string | null, vector: TermVector): void {
  if (story.titleArticle) {
    const current = store.storyVector(story.titleArticle);
    story.titleScore = current ? cosine(current, story.centroid) : -1;
  }
  if (title === null) return;
  const score = cosine(vector, story.centroid);
  if (score > story.titleScore || story.titleArticle === null) {
    story.title = title;
    story.titleArticle = article;
    story.titleScore = score;
  }
}

function mergeStories(store: CorpusStore, a: StoryRow, b: StoryRow, merged: StoryChange['merged']): StoryRow {
  // the larger survives (ties: the older), so that a merge moves the fewer members
  const [keep, gone] = a.size > b.size || (a.size === b.size && a.founded <= b.founded) ? [a, b] : [b, a];
  const centroid = new Map(keep.centroid);
  addInto(centroid, gone.centroid);
  keep.centroid = truncate(centroid, STORY_SETTINGS.centroidTerms);
  keep.size += gone.size;
  keep.first = minDate(keep.first, gone.first);
  keep.last = maxDate(keep.last, gone.last);
  if (gone.titleArticle) {
    const v = store.storyVector(gone.titleArticle);
    if (v) {
      const candidate = { ...keep };
      retitle(store, candidate, gone.titleArticle, gone.title, v);
      Object.assign(keep, { title: candidate.title, titleArticle: candidate.titleArticle, titleScore: candidate.titleScore });
    }
  }
  store.storyMoveMembers(gone.id, keep.id);
  // the merged story's links go; the survivor's are computed again as articles arrive
  store.storyDelete(gone.id);
  merged.push({ from: gone.id, to: keep.id });
  return keep;
}

/**
 * Takes a deleted article out of its story: the story's centroid, dates and title are computed
 * again from the members left (the one step that reads a whole story), and an emptied story goes.
 */
export function disconnectStory(store: CorpusStore, article: string): string | undefined {
  const vector = store.storyVector(article);
  if (vector) store.storyCountTerms([...vector.keys()], -1);
  const id = store.storyOf(article);
  store.storyRemoveMember(article);
  store.storyRemoveVector(article);
  if (!id) return undefined;
  const story = store.story(id);
  if (!story) return undefined;
  const members = store.storyMembers(id);
  if (!members.length) {
    store.storyDelete(id);
    return id;
  }
  const centroid: TermVector = new Map();
  story.first = null;
  story.last = null;
  for (const m of members) {
    const v = store.storyVector(m.article);
    if (v) addInto(centroid, v);
    story.first = minDate(story.first, m.published);
    story.last = maxDate(story.last, m.published);
  }
  story.centroid = truncate(centroid, STORY_SETTINGS.centroidTerms);
  story.size = members.length;
  if (story.titleArticle === article) {
    story.title = null;
    story.titleArticle = null;
    story.titleScore = -1;
    for (const m of members) {
      const v = store.storyVector(m.article);
      const t = store.articleText(m.article)?.title ?? null;
      if (v && t) retitle(store, story, m.article, t, v);
    }
  }
  store.storyPut(story);
  store.storySetTerms(id, indexTerms(story.centroid));
  return id;
}
