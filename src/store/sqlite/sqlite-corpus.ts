import type Database from 'better-sqlite3';
import type { EntityType } from '../../doc/doc.ts';
import type { Span } from '../../doc/span.ts';
import type { NodeKind } from '../../connect/entity-match.ts';
import { LAYER_CODECS } from '../layer-codec.ts';
import { unpackText } from '../packed-text.ts';
import {
  sumTypes,
  type ArticleText,
  type CorpusStore,
  type DuplicateGroupRow,
  type DuplicateLink,
  type DuplicateMemberRow,
  type EntityClusterRow,
  type EntityFormRow,
  type EntityNodeRow,
  type CorpusEventRow,
  type EventMentionRow,
  type QueueItem,
  type StatementQuoteRow,
  type StatementRow,
  type StoryRow,
  type TermVector,
  type WordCase,
} from '../corpus-store.ts';

/** Every table corpus work writes; `resetCorpus` empties them. */
const CORPUS_TABLES = [
  'connected', 'corpus_counts', 'dup_bands', 'dup_links', 'dup_groups', 'dup_members', 'story_df', 'story_vectors', 'stories', 'story_terms', 'story_links', 'story_members',
  'entity_nodes', 'entity_members', 'entity_forms', 'entity_roles', 'entity_node_stories', 'entity_blocks', 'entity_edges', 'entity_clusters', 'word_case',
  'stm_bands', 'stm_quotes', 'stm_links', 'statements',
  'cev_mentions', 'cev_blocks', 'cev_links', 'corpus_events',
];

interface NodeSql {
  id: number;
  key: string;
  kind: NodeKind;
  display: string;
  display_count: number;
  story: string | null;
  fold: string | null;
  country: string | null;
  cluster: number;
  articles: number;
  mentions: number;
  types: string;
}

interface ClusterSql {
  id: number;
  public_id: string;
  type: EntityType;
  name: string;
  country: string | null;
  articles: number;
  mentions: number;
  nodes: number;
  types: string;
  word: string | null;
  roles: number;
  name_node: number;
}

const nodeOf = (r: NodeSql): EntityNodeRow => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  display: r.display,
  displayCount: r.display_count,
  story: r.story,
  fold: r.fold,
  country: r.country,
  cluster: r.cluster,
  articles: r.articles,
  mentions: r.mentions,
  types: JSON.parse(r.types) as EntityNodeRow['types'],
});

const clusterOf = (r: ClusterSql): EntityClusterRow => ({
  id: r.id,
  publicId: r.public_id,
  type: r.type,
  name: r.name,
  country: r.country,
  articles: r.articles,
  mentions: r.mentions,
  nodes: r.nodes,
  types: JSON.parse(r.types) as EntityClusterRow['types'],
  word: r.word,
  roles: r.roles,
  nameNode: r.name_node,
});

const vectorText = (v: TermVector) => JSON.stringify([...v]);
const vectorOf = (s: string): TermVector => new Map(JSON.parse(s) as Array<[string, number]>);

const linkOf = (r: Record<string, unknown>): DuplicateLink => ({
  a: r.a as string,
  b: r.b as string,
  shareA: r.share_a as number,
  shareB: r.share_b as number,
  alignedA: r.aligned_a as number,
  alignedB: r.aligned_b as number,
  meanDice: r.mean_dice as number,
  kind: r.kind as DuplicateLink['kind'],
});

/**
 * The corpus tables of an SQLite store (migration step 5). Every method is one or a few
 * indexed statements; the caller (src/connect/) wraps each article's work in `transaction`.
 */
export function sqliteCorpus(db: Database.Database): CorpusStore {
  const q = (sql: string) => db.prepare(sql);
  const st = {
    queue: q('SELECT seq, article, op FROM connect_queue ORDER BY seq LIMIT ?'),
    queueLength: q('SELECT count(*) FROM connect_queue').pluck(),
    dequeue: q('DELETE FROM connect_queue WHERE seq = ?'),
    setConnected: q('INSERT OR IGNORE INTO connected (article) VALUES (?)'),
    unsetConnected: q('DELETE FROM connected WHERE article = ?'),
    isConnected: q('SELECT 1 FROM connected WHERE article = ?').pluck(),
    articleText: q('SELECT a.rowid, a.id, a.text, a.title, a.outlet, a.published, a.chars, l.data FROM articles a LEFT JOIN layers l ON l.article = a.rowid AND l.name = ? WHERE a.id = ?'),

    dupBand: q('SELECT article FROM dup_bands WHERE band = ? LIMIT ?').pluck(),
    dupBandSize: q('SELECT count(*) FROM (SELECT 1 FROM dup_bands WHERE band = ? LIMIT ?)').pluck(),
    dupAddBand: q('INSERT OR IGNORE INTO dup_bands (band, article) VALUES (?, ?)'),
    dupRemoveBands: q('DELETE FROM dup_bands WHERE article = ?'),
    dupPutLink: q(`INSERT OR REPLACE INTO dup_links (a, b, share_a, share_b, aligned_a, aligned_b, mean_dice, kind)
      VALUES (@a, @b, @shareA, @shareB, @alignedA, @alignedB, @meanDice, @kind)`),
    dupLinksOf: q('SELECT * FROM dup_links WHERE a = ? UNION ALL SELECT * FROM dup_links WHERE b = ?'),
    dupRemoveLinksA: q('DELETE FROM dup_links WHERE a = ?'),
    dupRemoveLinksB: q('DELETE FROM dup_links WHERE b = ?'),
    dupMemberOf: q('SELECT article, grp AS "group", share FROM dup_members WHERE article = ?'),
    dupGroup: q('SELECT id, original, size FROM dup_groups WHERE id = ?'),
    dupMembers: q('SELECT article, grp AS "group", share FROM dup_members WHERE grp = ? ORDER BY article'),
    dupPutGroup: q('INSERT OR REPLACE INTO dup_groups (id, original, size) VALUES (@id, @original, @size)'),
    dupDeleteGroup: q('DELETE FROM dup_groups WHERE id = ?'),
    dupPutMember: q('INSERT OR REPLACE INTO dup_members (article, grp, share) VALUES (@article, @group, @share)'),
    dupRemoveMember: q('DELETE FROM dup_members WHERE article = ?'),
    dupMoveMembers: q('UPDATE dup_members SET grp = ? WHERE grp = ?'),

    storyDf: q('SELECT df FROM story_df WHERE term = ?').pluck(),
    storyDfAdd: q('INSERT INTO story_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'),
    storyDfSub: q('UPDATE story_df SET df = df - 1 WHERE term = ?'),
    storyDfClean: q('DELETE FROM story_df WHERE term = ? AND df <= 0'),
    storyDocCount: q("SELECT n FROM corpus_counts WHERE name = 'story_vectors'").pluck(),
    countAdd: q("INSERT INTO corpus_counts (name, n) VALUES ('story_vectors', ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n"),
    storyPutVector: q('INSERT OR REPLACE INTO story_vectors (article, vector) VALUES (?, ?)'),
    storyVector: q('SELECT vector FROM story_vectors WHERE article = ?').pluck(),
    hasStoryVector: q('SELECT 1 FROM story_vectors WHERE article = ?').pluck(),
    storyRemoveVector: q('DELETE FROM story_vectors WHERE article = ?'),
    storyByTerm: q('SELECT story, weight FROM story_terms WHERE term = ? ORDER BY weight DESC LIMIT ?'),
    story: q('SELECT * FROM stories WHERE id = ?'),
    storyPut: q(`INSERT OR REPLACE INTO stories (id, title, title_article, title_score, first, last, size, centroid, founded)
      VALUES (@id, @title, @titleArticle, @titleScore, @first, @last, @size, @centroid, @founded)`),
    storyDelete: q('DELETE FROM stories WHERE id = ?'),
    storyDeleteTerms: q('DELETE FROM story_terms WHERE story = ?'),
    storyAddTerm: q('INSERT OR REPLACE INTO story_terms (term, story, weight) VALUES (?, ?, ?)'),
    storyLinkPut: q('INSERT OR REPLACE INTO story_links (a, b, sim) VALUES (?, ?, ?)'),
    storyLinkDelete: q('DELETE FROM story_links WHERE a = ? AND b = ?'),
    storyLinks: q('SELECT b AS story, sim FROM story_links WHERE a = ? UNION ALL SELECT a AS story, sim FROM story_links WHERE b = ? ORDER BY sim DESC, story LIMIT ?'),
    storyLinksDeleteA: q('DELETE FROM story_links WHERE a = ?'),
    storyLinksDeleteB: q('DELETE FROM story_links WHERE b = ?'),
    storyOf: q('SELECT story FROM story_members WHERE article = ?').pluck(),
    storyAddMember: q('INSERT OR REPLACE INTO story_members (article, story) VALUES (?, ?)'),
    storyRemoveMember: q('DELETE FROM story_members WHERE article = ?'),
    storyMoveMembers: q('UPDATE story_members SET story = ? WHERE story = ?'),
    storyMembers: q('SELECT m.article, a.published FROM story_members m LEFT JOIN articles a ON a.id = m.article WHERE m.story = ? ORDER BY a.rowid'),

    nodeByKey: q('SELECT * FROM entity_nodes WHERE key = ?'),
    node: q('SELECT * FROM entity_nodes WHERE id = ?'),
    insertNode: q(`INSERT INTO entity_nodes (key, kind, display, display_count, story, fold, country, cluster, articles, mentions, types)
      VALUES (@key, @kind, @display, @displayCount, @story, @fold, @country, @cluster, @articles, @mentions, @types)`),
    updateNode: q(`UPDATE entity_nodes SET key = @key, kind = @kind, display = @display, display_count = @displayCount, story = @story, fold = @fold,
      country = @country, cluster = @cluster, articles = @articles, mentions = @mentions, types = @types WHERE id = @id`),
    deleteNode: q('DELETE FROM entity_nodes WHERE id = ?'),
    addMember: q('INSERT OR REPLACE INTO entity_members (article, idx, node, mentions, type) VALUES (?, ?, ?, ?, ?)'),
    membersOf: q('SELECT idx, node, mentions FROM entity_members WHERE article = ? ORDER BY idx'),
    removeMembersOf: q('DELETE FROM entity_members WHERE article = ?'),
    addForm: q(`INSERT INTO entity_forms (node, form, mentions, as_name) VALUES (?, ?, ?, ?)
      ON CONFLICT (node, form) DO UPDATE SET mentions = mentions + excluded.mentions, as_name = as_name + excluded.as_name`),
    cleanForm: q('DELETE FROM entity_forms WHERE node = ? AND form = ? AND mentions <= 0 AND as_name <= 0'),
    forms: q('SELECT form, mentions, as_name AS asName FROM entity_forms WHERE node = ? ORDER BY mentions DESC, form LIMIT ?'),
    addRole: q('INSERT INTO entity_roles (node, role, count) VALUES (?, ?, ?) ON CONFLICT (node, role) DO UPDATE SET count = count + excluded.count'),
    cleanRole: q('DELETE FROM entity_roles WHERE node = ? AND role = ? AND count <= 0'),
    roles: q('SELECT role, count FROM entity_roles WHERE node = ? ORDER BY count DESC, role LIMIT ?'),
    nodeStory: q('SELECT mentions FROM entity_node_stories WHERE node = ? AND story = ?').pluck(),
    addNodeStory: q('INSERT INTO entity_node_stories (node, story, mentions, articles) VALUES (?, ?, ?, ?) ON CONFLICT (node, story) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles'),
    cleanNodeStory: q('DELETE FROM entity_node_stories WHERE node = ? AND story = ? AND articles <= 0'),
    sharedStory: q('SELECT 1 FROM entity_node_stories a JOIN entity_node_stories b ON b.story = a.story AND b.node = ? WHERE a.node = ? LIMIT 1').pluck(),
    nodeStories: q('SELECT story FROM entity_node_stories WHERE node = ? ORDER BY mentions DESC, story LIMIT ?').pluck(),
    storyNodes: q("SELECT * FROM entity_nodes WHERE story = ? AND kind = 'surname' ORDER BY id"),
    storyNodesByFold: q('SELECT n.id FROM entity_node_stories s JOIN entity_nodes n ON n.id = s.node WHERE s.story = ? AND n.kind = ? AND n.fold = ? ORDER BY n.id LIMIT 200').pluck(),
    nodesByFold: q('SELECT id FROM entity_nodes WHERE fold = ? AND kind = ? ORDER BY id LIMIT ?').pluck(),
    storyRows: q('SELECT node, mentions, articles FROM entity_node_stories WHERE story = ?'),
    deleteStoryRows: q('DELETE FROM entity_node_stories WHERE story = ?'),
    rekeyNode: q('UPDATE entity_nodes SET key = ?, story = ? WHERE id = ?'),
    moveMembersNode: q('UPDATE entity_members SET node = ? WHERE node = ?'),
    formsAll: q('SELECT form, mentions, as_name FROM entity_forms WHERE node = ?'),
    deleteForms: q('DELETE FROM entity_forms WHERE node = ?'),
    rolesAll: q('SELECT role, count FROM entity_roles WHERE node = ?'),
    deleteRoles: q('DELETE FROM entity_roles WHERE node = ?'),
    nodeStoriesAll: q('SELECT story, mentions, articles FROM entity_node_stories WHERE node = ?'),
    deleteNodeStories: q('DELETE FROM entity_node_stories WHERE node = ?'),
    addBlock: q('INSERT OR IGNORE INTO entity_blocks (key, node) VALUES (?, ?)'),
    block: q('SELECT node FROM entity_blocks WHERE key = ? ORDER BY node LIMIT ?').pluck(),
    blockSize: q('SELECT count(*) FROM (SELECT 1 FROM entity_blocks WHERE key = ? LIMIT ?)').pluck(),
    removeBlocks: q('DELETE FROM entity_blocks WHERE node = ?'),
    putEdge: q('INSERT OR REPLACE INTO entity_edges (a, b, score, evidence) VALUES (?, ?, ?, ?)'),
    removeEdge: q('DELETE FROM entity_edges WHERE a = ? AND b = ?'),
    edgesOf: q('SELECT b AS other, score, evidence FROM entity_edges WHERE a = ? UNION ALL SELECT a AS other, score, evidence FROM entity_edges WHERE b = ?'),
    removeEdgesA: q('DELETE FROM entity_edges WHERE a = ?'),
    removeEdgesB: q('DELETE FROM entity_edges WHERE b = ?'),
    cluster: q('SELECT * FROM entity_clusters WHERE id = ?'),
    clusterByPublicId: q('SELECT * FROM entity_clusters WHERE public_id = ?'),
    insertCluster: q(`INSERT INTO entity_clusters (public_id, type, name, country, articles, mentions, nodes, types, word, roles, name_node)
      VALUES (@publicId, @type, @name, @country, @articles, @mentions, @nodes, @types, @word, @roles, @nameNode)`),
    updateCluster: q(`UPDATE entity_clusters SET public_id = @publicId, type = @type, name = @name, country = @country, articles = @articles, mentions = @mentions,
      nodes = @nodes, types = @types, word = @word, roles = @roles, name_node = @nameNode WHERE id = @id`),
    deleteCluster: q('DELETE FROM entity_clusters WHERE id = ?'),
    clusterNodes: q('SELECT * FROM entity_nodes WHERE cluster = ? ORDER BY id'),
    moveNodes: q('UPDATE entity_nodes SET cluster = ? WHERE cluster = ?'),
    setNodeCluster: q('UPDATE entity_nodes SET cluster = ? WHERE id = ?'),
    clusterArticles: q('SELECT DISTINCT m.article, m.type FROM entity_nodes n JOIN entity_members m ON m.node = n.id WHERE n.cluster = ?'),
    articleInCluster: q('SELECT 1 FROM entity_members m JOIN entity_nodes n ON n.id = m.node WHERE m.article = ? AND n.cluster = ? AND m.type = ? LIMIT 1').pluck(),
    wordCase: q(`INSERT INTO word_case (word, lower, cap_mid, cap_initial) VALUES (?, ?, ?, ?)
      ON CONFLICT (word) DO UPDATE SET lower = lower + excluded.lower, cap_mid = cap_mid + excluded.cap_mid, cap_initial = cap_initial + excluded.cap_initial`),
    cleanWordCase: q('DELETE FROM word_case WHERE word = ? AND lower <= 0 AND cap_mid <= 0 AND cap_initial <= 0'),

    stmBand: q('SELECT article, idx FROM stm_bands WHERE band = ? LIMIT ?'),
    stmBandSize: q('SELECT count(*) FROM (SELECT 1 FROM stm_bands WHERE band = ? LIMIT ?)').pluck(),
    stmAddBand: q('INSERT OR IGNORE INTO stm_bands (band, article, idx) VALUES (?, ?, ?)'),
    stmRemoveBands: q('DELETE FROM stm_bands WHERE article = ?'),
    stmContent: q('SELECT q.content FROM quotes q JOIN articles a ON a.rowid = q.article WHERE a.id = ? AND q.idx = ?').pluck(),
    stmPutQuote: q('INSERT OR REPLACE INTO stm_quotes (article, idx, statement, words, speaker) VALUES (@article, @idx, @statement, @words, @speaker)'),
    stmQuote: q('SELECT article, idx, statement, words, speaker FROM stm_quotes WHERE article = ? AND idx = ?'),
    stmQuotesOf: q('SELECT article, idx, statement, words, speaker FROM stm_quotes WHERE article = ? ORDER BY idx'),
    stmRemoveQuotesOf: q('DELETE FROM stm_quotes WHERE article = ?'),
    stmPutLink: q('INSERT OR REPLACE INTO stm_links (a, b, score) VALUES (?, ?, ?)'),
    stmLinksOf: q('SELECT b FROM stm_links WHERE a = ? UNION SELECT a FROM stm_links WHERE b = ?').pluck(),
    stmRemoveLinksA: q("DELETE FROM stm_links WHERE a >= ? || ':' AND a < ? || ';'"),
    stmRemoveLinksB: q("DELETE FROM stm_links WHERE b >= ? || ':' AND b < ? || ';'"),
    statement: q('SELECT id, article, idx, words, reports FROM statements WHERE id = ?'),
    stmPut: q('INSERT OR REPLACE INTO statements (id, article, idx, words, reports) VALUES (@id, @article, @idx, @words, @reports)'),
    stmDelete: q('DELETE FROM statements WHERE id = ?'),
    stmReports: q('SELECT s.article, s.idx, s.statement, s.words, s.speaker FROM stm_quotes s LEFT JOIN articles a ON a.id = s.article WHERE s.statement = ? ORDER BY a.rowid, s.idx'),
    stmMove: q('UPDATE stm_quotes SET statement = ? WHERE statement = ?'),

    cevBlock: q('SELECT article, idx FROM cev_blocks WHERE key = ? LIMIT ?'),
    cevBlockSize: q('SELECT count(*) FROM (SELECT 1 FROM cev_blocks WHERE key = ? LIMIT ?)').pluck(),
    cevAddBlock: q('INSERT OR IGNORE INTO cev_blocks (key, article, idx) VALUES (?, ?, ?)'),
    cevRemoveBlocks: q('DELETE FROM cev_blocks WHERE article = ?'),
    cevPutMention: q('INSERT OR REPLACE INTO cev_mentions (article, idx, event, ord, view) VALUES (?, ?, ?, ?, ?)'),
    cevMention: q('SELECT article, idx, event, ord, view FROM cev_mentions WHERE article = ? AND idx = ?'),
    cevMentionsOf: q('SELECT article, idx, event, ord, view FROM cev_mentions WHERE article = ? ORDER BY idx'),
    cevRemoveMentionsOf: q('DELETE FROM cev_mentions WHERE article = ?'),
    cevArticleIn: q('SELECT 1 FROM cev_mentions WHERE article = ? AND event = ? LIMIT 1').pluck(),
    cevArticleCount: q('SELECT count(DISTINCT article) FROM cev_mentions WHERE event = ?').pluck(),
    cevPutLink: q('INSERT OR REPLACE INTO cev_links (a, b, score, evidence) VALUES (?, ?, ?, ?)'),
    cevLinksOf: q('SELECT b AS other, score, evidence FROM cev_links WHERE a = ? UNION ALL SELECT a AS other, score, evidence FROM cev_links WHERE b = ?'),
    cevRemoveLinksA: q("DELETE FROM cev_links WHERE a >= ? || ':' AND a < ? || ';'"),
    cevRemoveLinksB: q("DELETE FROM cev_links WHERE b >= ? || ':' AND b < ? || ';'"),
    corpusEvent: q('SELECT * FROM corpus_events WHERE id = ?'),
    cevPut: q(`INSERT OR REPLACE INTO corpus_events (id, type, first_day, last_day, reports, articles, article, idx, data)
      VALUES (@id, @type, @first, @last, @reports, @articles, @article, @idx, @data)`),
    cevDelete: q('DELETE FROM corpus_events WHERE id = ?'),
    cevMembers: q('SELECT article, idx, event, ord, view FROM cev_mentions WHERE event = ? ORDER BY ord, idx LIMIT ?'),
    cevMove: q('UPDATE cev_mentions SET event = ? WHERE event = ?'),
    cevEntityClusters: q('SELECT m.idx, n.cluster FROM entity_members m JOIN entity_nodes n ON n.id = m.node WHERE m.article = ?'),
  };

  const mentionOf = (r: { article: string; idx: number; event: string; ord: number; view: string }): EventMentionRow => ({
    article: r.article,
    idx: r.idx,
    event: r.event,
    order: r.ord,
    view: JSON.parse(r.view) as EventMentionRow['view'],
  });

  const sentencesCodec = LAYER_CODECS.sentences;

  const store: CorpusStore = {
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    queue: (limit) => st.queue.all(limit) as QueueItem[],
    queueLength: () => st.queueLength.get() as number,
    dequeue: (seq) => void st.dequeue.run(seq),
    resetCorpus() {
      for (const t of CORPUS_TABLES) db.exec(`DELETE FROM ${t}`);
      db.exec("DELETE FROM connect_queue; INSERT INTO connect_queue (article, op) SELECT id, 'add' FROM articles ORDER BY rowid");
    },
    setConnected: (article, connected) => void (connected ? st.setConnected.run(article) : st.unsetConnected.run(article)),
    isConnected: (article) => st.isConnected.get(article) !== undefined,
    articleText(id) {
      const row = st.articleText.get('sentences', id) as { rowid: number; id: string; text: string; title: string | null; outlet: string | null; published: string | null; chars: number; data: string | Uint8Array | null } | undefined;
      if (!row) return undefined;
      const holder = { sentences: [] as Span[] } as unknown as Parameters<typeof sentencesCodec.decode>[1];
      if (row.data !== null) sentencesCodec.decode(JSON.parse(unpackText(row.data)), holder);
      return { id: row.id, text: row.text, sentences: holder.sentences, title: row.title, outlet: row.outlet, published: row.published, chars: row.chars, order: row.rowid } satisfies ArticleText;
    },

    dupCandidates(bands, perBand) {
      const hits = new Map<string, number>();
      for (const b of bands) for (const a of st.dupBand.all(b, perBand) as string[]) hits.set(a, (hits.get(a) ?? 0) + 1);
      return hits;
    },
    dupAddBands(article, bands, cap) {
      for (const b of bands) if ((st.dupBandSize.get(b, cap) as number) < cap) st.dupAddBand.run(b, article);
    },
    dupRemoveBands: (article) => void st.dupRemoveBands.run(article),
    dupPutLink: (link) => void st.dupPutLink.run(link),
    dupLinksOf: (article) => (st.dupLinksOf.all(article, article) as Record<string, unknown>[]).map(linkOf),
    dupRemoveLinksOf(article) {
      st.dupRemoveLinksA.run(article);
      st.dupRemoveLinksB.run(article);
    },
    dupMemberOf: (article) => st.dupMemberOf.get(article) as DuplicateMemberRow | undefined,
    dupGroup: (id) => st.dupGroup.get(id) as DuplicateGroupRow | undefined,
    dupMembers: (group) => st.dupMembers.all(group) as DuplicateMemberRow[],
    dupPutGroup: (row) => void st.dupPutGroup.run(row),
    dupDeleteGroup: (id) => void st.dupDeleteGroup.run(id),
    dupPutMember: (row) => void st.dupPutMember.run(row),
    dupRemoveMember: (article) => void st.dupRemoveMember.run(article),
    dupMoveMembers: (from, to) => st.dupMoveMembers.run(to, from).changes,

    storyDf(terms) {
      const out = new Map<string, number>();
      for (const t of terms) {
        const df = st.storyDf.get(t) as number | undefined;
        if (df) out.set(t, df);
      }
      return out;
    },
    storyDocCount: () => (st.storyDocCount.get() as number | undefined) ?? 0,
    storyCountTerms(terms, delta) {
      for (const t of terms) {
        if (delta > 0) st.storyDfAdd.run(t);
        else {
          st.storyDfSub.run(t);
          st.storyDfClean.run(t);
        }
      }
    },
    storyPutVector(article, vector) {
      const existed = st.hasStoryVector.get(article) !== undefined;
      st.storyPutVector.run(article, vectorText(vector));
      if (!existed) st.countAdd.run(1);
    },
    storyVector(article) {
      const s = st.storyVector.get(article) as string | undefined;
      return s === undefined ? undefined : vectorOf(s);
    },
    storyRemoveVector(article) {
      if (st.storyRemoveVector.run(article).changes) st.countAdd.run(-1);
    },
    storyCandidates(terms, perTerm) {
      const out = new Map<string, number>();
      for (const t of terms) for (const r of st.storyByTerm.all(t, perTerm) as Array<{ story: string; weight: number }>) out.set(r.story, (out.get(r.story) ?? 0) + r.weight);
      return out;
    },
    story(id) {
      const r = st.story.get(id) as Record<string, unknown> | undefined;
      if (!r) return undefined;
      return {
        id: r.id as string,
        title: r.title as string | null,
        titleArticle: r.title_article as string | null,
        titleScore: r.title_score as number,
        first: r.first as string | null,
        last: r.last as string | null,
        size: r.size as number,
        centroid: vectorOf(r.centroid as string),
        founded: r.founded as number,
      } satisfies StoryRow;
    },
    storyPut: (row) => void st.storyPut.run({ ...row, centroid: vectorText(row.centroid) }),
    storyDelete(id) {
      st.storyDelete.run(id);
      st.storyDeleteTerms.run(id);
      st.storyLinksDeleteA.run(id);
      st.storyLinksDeleteB.run(id);
    },
    storySetTerms(id, terms) {
      st.storyDeleteTerms.run(id);
      for (const [t, w] of terms) st.storyAddTerm.run(t, id, w);
    },
    storyLink(a, b, sim) {
      const [x, y] = a < b ? [a, b] : [b, a];
      if (sim === null) st.storyLinkDelete.run(x, y);
      else st.storyLinkPut.run(x, y, sim);
    },
    storyLinks: (story, limit) => st.storyLinks.all(story, story, limit) as Array<{ story: string; sim: number }>,
    storyRemoveLinks(story) {
      st.storyLinksDeleteA.run(story);
      st.storyLinksDeleteB.run(story);
    },
    storyOf: (article) => st.storyOf.get(article) as string | undefined,
    storyAddMember: (story, article) => void st.storyAddMember.run(article, story),
    storyRemoveMember: (article) => void st.storyRemoveMember.run(article),
    storyMoveMembers: (from, to) => void st.storyMoveMembers.run(to, from),
    storyMembers: (story) => st.storyMembers.all(story) as Array<{ article: string; published: string | null }>,

    entNodeByKey(key) {
      const r = st.nodeByKey.get(key) as NodeSql | undefined;
      return r && nodeOf(r);
    },
    entNode(id) {
      const r = st.node.get(id) as NodeSql | undefined;
      return r && nodeOf(r);
    },
    entCreateNode(node, cluster) {
      const clusterId = store.entCreateCluster(cluster);
      const info = st.insertNode.run({ ...node, cluster: clusterId, types: JSON.stringify(node.types) });
      const id = Number(info.lastInsertRowid);
      st.updateCluster.run({ ...cluster, id: clusterId, types: JSON.stringify(cluster.types), nameNode: id });
      return { ...node, id, cluster: clusterId };
    },
    entUpdateNode: (node) => void st.updateNode.run({ ...node, types: JSON.stringify(node.types) }),
    entDeleteNode(id) {
      st.deleteNode.run(id);
      st.deleteForms.run(id);
      st.deleteRoles.run(id);
      st.deleteNodeStories.run(id);
    },
    entAddMember: (article, idx, node, mentions, type) => void st.addMember.run(article, idx, node, mentions, type),
    entMembersOf: (article) => st.membersOf.all(article) as Array<{ idx: number; node: number; mentions: number }>,
    entRemoveMembersOf: (article) => void st.removeMembersOf.run(article),
    entAddForms(node, forms) {
      for (const [form, f] of forms) {
        st.addForm.run(node, form, f.mentions, f.asName);
        if (f.mentions < 0 || f.asName < 0) st.cleanForm.run(node, form);
      }
    },
    entForms: (node, limit) => st.forms.all(node, limit) as EntityFormRow[],
    entAddRoles(node, roles) {
      for (const [role, n] of roles) {
        st.addRole.run(node, role, n);
        if (n < 0) st.cleanRole.run(node, role);
      }
    },
    entRoles: (node, limit) => st.roles.all(node, limit) as Array<{ role: string; count: number }>,
    entAddNodeStory(node, story, mentions, articles) {
      const before = st.nodeStory.get(node, story) as number | undefined;
      st.addNodeStory.run(node, story, mentions, articles);
      if (articles < 0) st.cleanNodeStory.run(node, story);
      return before === undefined && articles > 0;
    },
    entSharedStory: (a, b) => st.sharedStory.get(b, a) !== undefined,
    entNodeStoryMentions: (node, story) => (st.nodeStory.get(node, story) as number | undefined) ?? 0,
    entNodeStories: (node, limit) => st.nodeStories.all(node, limit) as string[],
    entStoryNodes: (story) => (st.storyNodes.all(story) as NodeSql[]).map(nodeOf),
    entStoryNodesByFold: (story, kind, fold) => st.storyNodesByFold.all(story, kind, fold) as number[],
    entNodesByFold: (kind, fold, limit) => st.nodesByFold.all(fold, kind, limit) as number[],
    entMoveStory(from, to) {
      const rows = st.storyRows.all(from) as Array<{ node: number; mentions: number; articles: number }>;
      st.deleteStoryRows.run(from);
      for (const r of rows) st.addNodeStory.run(r.node, to, r.mentions, r.articles);
    },
    entRekeyNode: (node, key, story) => void st.rekeyNode.run(key, story, node),
    entMergeNodes(from, to) {
      const a = store.entNode(from);
      const b = store.entNode(to);
      if (!a || !b) return;
      st.moveMembersNode.run(to, from);
      for (const f of st.formsAll.all(from) as Array<{ form: string; mentions: number; as_name: number }>) st.addForm.run(to, f.form, f.mentions, f.as_name);
      for (const r of st.rolesAll.all(from) as Array<{ role: string; count: number }>) st.addRole.run(to, r.role, r.count);
      for (const s of st.nodeStoriesAll.all(from) as Array<{ story: string; mentions: number; articles: number }>) st.addNodeStory.run(to, s.story, s.mentions, s.articles);
      b.articles += a.articles;
      b.mentions += a.mentions;
      b.displayCount += a.displayCount;
      b.types = sumTypes(b.types, a.types);
      store.entUpdateNode(b);
      store.entRemoveEdgesOf(from);
      store.entRemoveBlocks(from);
      store.entDeleteNode(from);
    },
    entAddBlocks(node, keys) {
      for (const k of keys) st.addBlock.run(k, node);
    },
    entBlock: (key, limit) => st.block.all(key, limit) as number[],
    entBlockSize: (key, limit) => st.blockSize.get(key, limit) as number,
    entRemoveBlocks: (node) => void st.removeBlocks.run(node),
    entPutEdge(a, b, score, evidence) {
      const [x, y] = a < b ? [a, b] : [b, a];
      st.putEdge.run(x, y, score, evidence);
    },
    entRemoveEdge(a, b) {
      const [x, y] = a < b ? [a, b] : [b, a];
      st.removeEdge.run(x, y);
    },
    entEdgesOf: (node) => st.edgesOf.all(node, node) as Array<{ other: number; score: number; evidence: string }>,
    entRemoveEdgesOf(node) {
      st.removeEdgesA.run(node);
      st.removeEdgesB.run(node);
    },
    entCluster(id) {
      const r = st.cluster.get(id) as ClusterSql | undefined;
      return r && clusterOf(r);
    },
    entClusterByPublicId(publicId) {
      const r = st.clusterByPublicId.get(publicId) as ClusterSql | undefined;
      return r && clusterOf(r);
    },
    entCreateCluster: (row) => Number(st.insertCluster.run({ ...row, types: JSON.stringify(row.types) }).lastInsertRowid),
    entUpdateCluster: (row) => void st.updateCluster.run({ ...row, types: JSON.stringify(row.types) }),
    entDeleteCluster: (id) => void st.deleteCluster.run(id),
    entClusterNodes: (cluster) => (st.clusterNodes.all(cluster) as NodeSql[]).map(nodeOf),
    entMoveNodes: (from, to) => void st.moveNodes.run(to, from),
    entSetNodeCluster: (node, cluster) => void st.setNodeCluster.run(cluster, node),
    entClustersConflict(a, b) {
      // probe the larger cluster with the articles of the smaller one
      const ca = store.entCluster(a);
      const cb = store.entCluster(b);
      if (!ca || !cb) return false;
      const [small, large] = ca.articles <= cb.articles ? [ca, cb] : [cb, ca];
      for (const m of st.clusterArticles.iterate(small.id) as Iterable<{ article: string; type: string }>) if (st.articleInCluster.get(m.article, large.id, m.type) !== undefined) return true;
      return false;
    },
    entWordCase(words: ReadonlyMap<string, WordCase>, sign: 1 | -1) {
      for (const [w, c] of words) {
        st.wordCase.run(w, sign * c.lower, sign * c.capMid, sign * c.capInitial);
        if (sign < 0) st.cleanWordCase.run(w);
      }
    },

    stmCandidates(bands, perBand) {
      const hits = new Map<string, number>();
      for (const b of bands) {
        for (const r of st.stmBand.all(b, perBand) as Array<{ article: string; idx: number }>) {
          const k = `${r.article}:${r.idx}`;
          hits.set(k, (hits.get(k) ?? 0) + 1);
        }
      }
      return hits;
    },
    stmContent: (article, idx) => st.stmContent.get(article, idx) as string | undefined,
    stmAddBands(article, idx, bands, cap) {
      for (const b of bands) if ((st.stmBandSize.get(b, cap) as number) < cap) st.stmAddBand.run(b, article, idx);
    },
    stmRemoveBands: (article) => void st.stmRemoveBands.run(article),
    stmPutQuote: (row) => void st.stmPutQuote.run(row),
    stmQuote: (article, idx) => st.stmQuote.get(article, idx) as StatementQuoteRow | undefined,
    stmQuotesOf: (article) => st.stmQuotesOf.all(article) as StatementQuoteRow[],
    stmRemoveQuotesOf: (article) => void st.stmRemoveQuotesOf.run(article),
    stmPutLink(a, b, score) {
      const [x, y] = a < b ? [a, b] : [b, a];
      st.stmPutLink.run(x, y, score);
    },
    stmLinksOf: (quote) => st.stmLinksOf.all(quote, quote) as string[],
    stmRemoveLinksOf(article) {
      st.stmRemoveLinksA.run(article, article);
      st.stmRemoveLinksB.run(article, article);
    },
    statement: (id) => st.statement.get(id) as StatementRow | undefined,
    stmPut: (row) => void st.stmPut.run(row),
    stmDelete: (id) => void st.stmDelete.run(id),
    stmReports: (id) => st.stmReports.all(id) as StatementQuoteRow[],
    stmMove: (from, to) => void st.stmMove.run(to, from),

    cevCandidates(keys, perKey) {
      const hits = new Map<string, number>();
      for (const key of keys) {
        for (const r of st.cevBlock.all(key, perKey) as Array<{ article: string; idx: number }>) {
          const k = `${r.article}:${r.idx}`;
          hits.set(k, (hits.get(k) ?? 0) + 1);
        }
      }
      return hits;
    },
    cevAddBlocks(article, idx, keys, cap) {
      for (const key of keys) if ((st.cevBlockSize.get(key, cap) as number) < cap) st.cevAddBlock.run(key, article, idx);
    },
    cevRemoveBlocks: (article) => void st.cevRemoveBlocks.run(article),
    cevPutMention: (r) => void st.cevPutMention.run(r.article, r.idx, r.event, r.order, JSON.stringify(r.view)),
    cevMention(article, idx) {
      const r = st.cevMention.get(article, idx) as Parameters<typeof mentionOf>[0] | undefined;
      return r ? mentionOf(r) : undefined;
    },
    cevMentionsOf: (article) => (st.cevMentionsOf.all(article) as Array<Parameters<typeof mentionOf>[0]>).map(mentionOf),
    cevRemoveMentionsOf: (article) => void st.cevRemoveMentionsOf.run(article),
    cevArticleIn: (article, event) => st.cevArticleIn.get(article, event) !== undefined,
    cevArticleCount: (event) => st.cevArticleCount.get(event) as number,
    cevPutLink: (a, b, score, evidence) => void (a < b ? st.cevPutLink.run(a, b, score, evidence) : st.cevPutLink.run(b, a, score, evidence)),
    cevLinksOf: (mention) => st.cevLinksOf.all(mention, mention) as Array<{ other: string; score: number; evidence: string }>,
    cevRemoveLinksOf(article) {
      st.cevRemoveLinksA.run(article, article);
      st.cevRemoveLinksB.run(article, article);
    },
    corpusEvent(id) {
      const r = st.corpusEvent.get(id) as { id: string; type: string; first_day: string | null; last_day: string | null; reports: number; articles: number; article: string; idx: number; data: string } | undefined;
      if (!r) return undefined;
      const data = JSON.parse(r.data) as Pick<CorpusEventRow, 'stated' | 'fullness' | 'founder'>;
      return { id: r.id, type: r.type, first: r.first_day, last: r.last_day, reports: r.reports, articles: r.articles, article: r.article, idx: r.idx, ...data };
    },
    cevPut(row) {
      const { stated, fullness, founder, ...rest } = row;
      st.cevPut.run({ ...rest, data: JSON.stringify({ stated, fullness, founder }) });
    },
    cevDelete: (id) => void st.cevDelete.run(id),
    cevMembers: (id, limit) => (st.cevMembers.all(id, limit) as Array<Parameters<typeof mentionOf>[0]>).map(mentionOf),
    cevMove: (from, to) => void st.cevMove.run(to, from),
    cevEntityClusters(article) {
      const out: Array<number | null> = [];
      for (const r of st.cevEntityClusters.all(article) as Array<{ idx: number; cluster: number }>) out[r.idx] = r.cluster;
      for (let i = 0; i < out.length; i++) out[i] ??= null;
      return out;
    },
  };
  return store;
}
