import type { EntityType } from '../doc/doc.ts';
import type { Span } from '../doc/span.ts';
import type { NodeKind } from '../connect/entity-match.ts';
import type { EventView } from '../connect/event-match.ts';

/**
 * What corpus work (src/connect/) keeps in the store: the connect queue, duplicate groups,
 * stories, corpus entities and statements. One interface for every backend; each method is a
 * small, indexed read or write, so that connecting one more article costs what its candidates
 * cost, never a scan of the corpus.
 */

/** A change waiting to be connected: an article stored (`add`) or deleted (`remove`), in the order they happened. */
export interface QueueItem {
  seq: number;
  article: string;
  op: 'add' | 'remove';
}

/** What corpus work reads of a stored article. */
export interface ArticleText {
  id: string;
  text: string;
  sentences: Span[];
  title: string | null;
  outlet: string | null;
  published: string | null;
  chars: number;
  /** Ingest order (stable for an article until it is stored again). */
  order: number;
}

/** Two articles of which one holds much of the other, with the alignment that showed it. `a` < `b`. */
export interface DuplicateLink {
  a: string;
  b: string;
  shareA: number;
  shareB: number;
  alignedA: number;
  alignedB: number;
  meanDice: number;
  kind: 'exact' | 'copy' | 'rewritten' | 'excerpt';
}

/** A group of copies: its id, the original (earliest, then fullest) and how many articles it holds. */
export interface DuplicateGroupRow {
  id: string;
  original: string;
  size: number;
}

/** A member of a duplicate group with the largest share of its text that another member holds. */
export interface DuplicateMemberRow {
  article: string;
  group: string;
  share: number;
}

export interface DuplicateStore {
  /** Articles sharing LSH bands with these keys, with how many bands each shares; at most `perBand` per band are read. */
  dupCandidates(bands: readonly number[], perBand: number): Map<string, number>;
  /** Files an article under its band keys, except in buckets that already hold `cap` articles. */
  dupAddBands(article: string, bands: readonly number[], cap: number): void;
  dupRemoveBands(article: string): void;
  dupPutLink(link: DuplicateLink): void;
  dupLinksOf(article: string): DuplicateLink[];
  dupRemoveLinksOf(article: string): void;
  dupMemberOf(article: string): DuplicateMemberRow | undefined;
  dupGroup(id: string): DuplicateGroupRow | undefined;
  dupMembers(group: string): DuplicateMemberRow[];
  dupPutGroup(row: DuplicateGroupRow): void;
  dupDeleteGroup(id: string): void;
  dupPutMember(row: DuplicateMemberRow): void;
  dupRemoveMember(article: string): void;
  /** Moves every member of one group to another (for merges); returns how many moved. */
  dupMoveMembers(from: string, to: string): number;
}

/** A sparse term vector: term → weight. */
export type TermVector = Map<string, number>;

/** A story as stored: the sum of its members' vectors (truncated), its title and date range. */
export interface StoryRow {
  id: string;
  title: string | null;
  titleArticle: string | null;
  titleScore: number;
  first: string | null;
  last: string | null;
  size: number;
  centroid: TermVector;
  /** The ingest order of the article that started it: older stories keep their id when two merge. */
  founded: number;
}

export interface StoryStore {
  /** Document frequencies of terms over the articles connected so far, and how many those are. */
  storyDf(terms: readonly string[]): Map<string, number>;
  storyDocCount(): number;
  /** Adds (+1) or takes back (-1) an article's terms to the document frequencies. */
  storyCountTerms(terms: readonly string[], delta: 1 | -1): void;
  storyPutVector(article: string, vector: TermVector): void;
  storyVector(article: string): TermVector | undefined;
  storyRemoveVector(article: string): void;
  /** Stories whose leading terms include these, with the summed weight of the shared terms; at most `perTerm` stories a term. */
  storyCandidates(terms: readonly string[], perTerm: number): Map<string, number>;
  story(id: string): StoryRow | undefined;
  storyPut(row: StoryRow): void;
  storyDelete(id: string): void;
  /** Replaces the leading terms a story is found by. */
  storySetTerms(id: string, terms: ReadonlyArray<readonly [string, number]>): void;
  /** Records (or, below the threshold, forgets) that two stories are related, with their similarity. */
  storyLink(a: string, b: string, sim: number | null): void;
  /** The stories related to one, most similar first. */
  storyLinks(story: string, limit: number): Array<{ story: string; sim: number }>;
  storyRemoveLinks(story: string): void;
  storyOf(article: string): string | undefined;
  storyAddMember(story: string, article: string): void;
  storyRemoveMember(article: string): void;
  storyMoveMembers(from: string, to: string): void;
  /** Members with their publication dates, in ingest order. */
  storyMembers(story: string): Array<{ article: string; published: string | null }>;
}

/** A node of the entity graph: one name as the corpus writes it (entity-match.ts). */
export interface EntityNodeRow {
  id: number;
  key: string;
  kind: NodeKind;
  /** The form shown for the node: its most written form, or a country's English name. */
  display: string;
  /** How many mentions write the display form exactly (cluster names prefer the most written). */
  displayCount: number;
  story: string | null;
  /** The folded surname of a person or surname node (entity-match.ts), null for other kinds. */
  fold: string | null;
  country: string | null;
  cluster: number;
  articles: number;
  mentions: number;
  types: Partial<Record<EntityType, number>>;
}

/** A corpus entity: a cluster of nodes, with its stable public id and its aggregates. */
export interface EntityClusterRow {
  id: number;
  publicId: string;
  type: EntityType;
  name: string;
  country: string | null;
  articles: number;
  mentions: number;
  nodes: number;
  types: Partial<Record<EntityType, number>>;
  /** The lower-cased word of a one-word name (junk demotion reads how the corpus writes it); null otherwise. */
  word: string | null;
  /** How many role mentions its nodes have. */
  roles: number;
  /** The node whose form names the cluster. */
  nameNode: number;
}

/** Type votes added up: a cluster's or a node's votes after another's join them. */
export function sumTypes(a: Partial<Record<EntityType, number>>, b: Partial<Record<EntityType, number>>): Partial<Record<EntityType, number>> {
  const out = { ...a };
  for (const [t, n] of Object.entries(b)) out[t as EntityType] = (out[t as EntityType] ?? 0) + (n ?? 0);
  return out;
}

/** One way the corpus writes a node, with how many mentions write it and in how many articles it is the entity's fullest name. */
export interface EntityFormRow {
  form: string;
  mentions: number;
  asName: number;
}

/** How often the corpus writes a word in lower case, and capitalised inside and at the start of a sentence. */
export interface WordCase {
  lower: number;
  capMid: number;
  capInitial: number;
}

export interface EntityStore {
  entNodeByKey(key: string): EntityNodeRow | undefined;
  entNode(id: number): EntityNodeRow | undefined;
  /** Creates a node in a new cluster of its own; returns the node with its id and cluster. */
  entCreateNode(node: Omit<EntityNodeRow, 'id' | 'cluster'>, cluster: Omit<EntityClusterRow, 'id'>): EntityNodeRow;
  entUpdateNode(node: EntityNodeRow): void;
  entDeleteNode(id: number): void;
  /** Files an article's entity (its index, mentions and the type the article gives it) under a node. */
  entAddMember(article: string, idx: number, node: number, mentions: number, type: EntityType): void;
  entMembersOf(article: string): Array<{ idx: number; node: number; mentions: number }>;
  entRemoveMembersOf(article: string): void;
  /** Adds (or, with negative counts, takes back) forms of a node; rows that reach zero go. */
  entAddForms(node: number, forms: ReadonlyMap<string, { mentions: number; asName: number }>): void;
  entForms(node: number, limit: number): EntityFormRow[];
  entAddRoles(node: number, roles: ReadonlyMap<string, number>): void;
  entRoles(node: number, limit: number): Array<{ role: string; count: number }>;
  /** Adds (or takes back) mentions and articles of a node in a story; returns true when the node was not in the story before. */
  entAddNodeStory(node: number, story: string, mentions: number, articles: number): boolean;
  entSharedStory(a: number, b: number): boolean;
  entNodeStoryMentions(node: number, story: string): number;
  entNodeStories(node: number, limit: number): string[];
  /** Nodes of one kind filed under a story (surnames), for merging stories. */
  entStoryNodes(story: string): EntityNodeRow[];
  /** Nodes of a kind with a folded surname that appear in a story (surnames by their story, persons by their stories). */
  entStoryNodesByFold(story: string, kind: 'person' | 'surname', fold: string): number[];
  /** Nodes of a kind with a folded surname, anywhere in the corpus. */
  entNodesByFold(kind: 'person' | 'surname', fold: string, limit: number): number[];
  /** Files every node's mentions in one story under another (two stories merged). */
  entMoveStory(from: string, to: string): void;
  /** Gives a node a new key and story (a surname whose story merged into another). */
  entRekeyNode(node: number, key: string, story: string): void;
  /**
   * Folds node `from` into node `to`: members, forms, roles and stories move, counts add up,
   * `from` goes with its edges and blocks. Cluster counts are the caller's.
   */
  entMergeNodes(from: number, to: number): void;
  entAddBlocks(node: number, keys: readonly string[]): void;
  entBlock(key: string, limit: number): number[];
  entBlockSize(key: string, limit: number): number;
  entRemoveBlocks(node: number): void;
  entPutEdge(a: number, b: number, score: number, evidence: string): void;
  entRemoveEdge(a: number, b: number): void;
  entEdgesOf(node: number): Array<{ other: number; score: number; evidence: string }>;
  entRemoveEdgesOf(node: number): void;
  entCluster(id: number): EntityClusterRow | undefined;
  entClusterByPublicId(publicId: string): EntityClusterRow | undefined;
  entCreateCluster(row: Omit<EntityClusterRow, 'id'>): number;
  entUpdateCluster(row: EntityClusterRow): void;
  entDeleteCluster(id: number): void;
  entClusterNodes(cluster: number): EntityNodeRow[];
  /** Moves every node of one cluster to another. */
  entMoveNodes(from: number, to: number): void;
  entSetNodeCluster(node: number, cluster: number): void;
  /** True when some article has entities of one type in both clusters (the article keeps them apart). */
  entClustersConflict(a: number, b: number): boolean;
  entWordCase(words: ReadonlyMap<string, WordCase>, sign: 1 | -1): void;
}

/** One quote as statements see it. */
export interface StatementQuoteRow {
  article: string;
  idx: number;
  statement: string;
  words: number;
  /** The in-article entity (index into Doc.entities) the quote's speaker resolved to, if any. */
  speaker: number | null;
}

export interface StatementRow {
  id: string;
  /** The quote whose wording the statement shows (its longest report). */
  article: string;
  idx: number;
  words: number;
  reports: number;
}

export interface StatementStore {
  /** Quotes sharing LSH bands, keyed `article:idx`, with how many bands each shares. */
  stmCandidates(bands: readonly number[], perBand: number): Map<string, number>;
  /** The content text of a stored quote. */
  stmContent(article: string, idx: number): string | undefined;
  stmAddBands(article: string, idx: number, bands: readonly number[], cap: number): void;
  stmRemoveBands(article: string): void;
  stmPutQuote(row: StatementQuoteRow): void;
  stmQuote(article: string, idx: number): StatementQuoteRow | undefined;
  stmQuotesOf(article: string): StatementQuoteRow[];
  stmRemoveQuotesOf(article: string): void;
  stmPutLink(a: string, b: string, score: number): void;
  stmLinksOf(quote: string): string[];
  stmRemoveLinksOf(article: string): void;
  statement(id: string): StatementRow | undefined;
  stmPut(row: StatementRow): void;
  stmDelete(id: string): void;
  stmReports(id: string): StatementQuoteRow[];
  stmMove(from: string, to: string): void;
}

/** One event mention as corpus events keep it: its corpus event and what is compared of it. */
export interface EventMentionRow {
  article: string;
  idx: number;
  /** Its corpus event's id. */
  event: string;
  /** The article's ingest order: members are replayed in this order. */
  order: number;
  view: EventView;
}

/** A corpus event as stored: one real-world event with the reports that tell of it. */
export interface CorpusEventRow {
  id: string;
  type: string;
  /** The days its reports give (stated dates where any report states one, else the articles' dates). */
  first: string | null;
  last: string | null;
  /** Whether `first`/`last` come from dates the texts state. */
  stated: boolean;
  reports: number;
  articles: number;
  /** The report it is shown by (the fullest: actors, place and a stated date; then the first). */
  article: string;
  idx: number;
  fullness: number;
  /** Ingest order and index of the mention that founded it: of two that merge, the older keeps its id. */
  founder: [number, number];
}

export interface EventCorpusStore {
  /** Mentions filed under these keys (`article:idx`), with how many keys each shares; at most `perKey` a key. */
  cevCandidates(keys: readonly string[], perKey: number): Map<string, number>;
  /** Files a mention under its keys, except in blocks that already hold `cap` mentions. */
  cevAddBlocks(article: string, idx: number, keys: readonly string[], cap: number): void;
  cevRemoveBlocks(article: string): void;
  cevPutMention(row: EventMentionRow): void;
  cevMention(article: string, idx: number): EventMentionRow | undefined;
  cevMentionsOf(article: string): EventMentionRow[];
  cevRemoveMentionsOf(article: string): void;
  /** Whether an article has a mention in a corpus event. */
  cevArticleIn(article: string, event: string): boolean;
  /** How many articles report a corpus event (a read over its reports: for merges). */
  cevArticleCount(event: string): number;
  cevPutLink(a: string, b: string, score: number, evidence: string): void;
  cevLinksOf(mention: string): Array<{ other: string; score: number; evidence: string }>;
  cevRemoveLinksOf(article: string): void;
  corpusEvent(id: string): CorpusEventRow | undefined;
  cevPut(row: CorpusEventRow): void;
  cevDelete(id: string): void;
  /** A corpus event's mentions in ingest order; the first `limit`. */
  cevMembers(id: string, limit: number): EventMentionRow[];
  /** Moves every mention of one corpus event to another. */
  cevMove(from: string, to: string): void;
  /** For each of an article's entities (by index), the corpus entity (cluster id) it belongs to now. */
  cevEntityClusters(article: string): Array<number | null>;
}

/** Everything corpus work keeps, with the connect queue. */
export interface CorpusStore extends DuplicateStore, StoryStore, EntityStore, StatementStore, EventCorpusStore {
  /** Runs `fn` in one transaction: all of its writes or none. */
  transaction<T>(fn: () => T): T;
  /** The next changes to connect, oldest first. */
  queue(limit: number): QueueItem[];
  queueLength(): number;
  dequeue(seq: number): void;
  /** Forgets every corpus fact and queues every stored article again, in ingest order. */
  resetCorpus(): void;
  /** Marks an article's facts as counted in the corpus (or no longer), so that each is taken back once. */
  setConnected(article: string, connected: boolean): void;
  isConnected(article: string): boolean;
  articleText(id: string): ArticleText | undefined;
}
