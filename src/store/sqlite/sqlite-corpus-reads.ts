import type Database from 'better-sqlite3';
import type { EntityType } from '../../doc/doc.ts';
import { ROLE_WORDS } from '../../entities/roles.ts';
import {
  STORY_EVENTS,
  type ArticleCorpusFacts,
  type CorpusArticle,
  type CorpusEntityDetail,
  type CorpusEntitySummary,
  type CorpusReads,
  type DuplicateGroupSummary,
  type EntityFilter,
  type JunkEvidence,
  type StatementSummary,
  type StoryDetail,
  type StorySummary,
} from '../corpus-reads.ts';
import type { Page, QuoteRow } from '../store.ts';
import type { CorpusEventReads } from './sqlite-corpus-events.ts';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
const EXCERPT_CHARS = 200;
/** How many of an entity's articles co-occurrence and "quotes about" read (its newest). */
const RECENT_ARTICLES = 500;

/**
 * When a one-word name is probably not a name (JunkEvidence): the corpus writes the word in
 * lower case at least `minLower` times and at least as often as capitalised inside a sentence
 * ("Moreover", "Yup"), or it is a role word ("CEO"); a name the corpus gives a role is kept.
 * Tuned on CoNLL-2003 dev (`npm run eval:connect`): 2 dropped 7 of 897 real one-word names,
 * 3 drops 2 and the same 6 of 29 junk ones. A word only ever capitalised at the start of a
 * sentence is no evidence: results tables open every line with a team's name.
 */
export const JUNK_SETTINGS = { minLower: 3 };

const ROLE_WORD_LIST = JSON.stringify([...ROLE_WORDS]);

function pageOf(page: Page = {}): { limit: number; offset: number } {
  const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(page.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  return { limit, offset };
}

/**
 * The condition that a corpus entity `c` is probably not a name (JunkEvidence), over the
 * parameters of junkSqlParams; entity lists and facets leave such entities out.
 */
export const JUNK_SQL = `(c.word IS NOT NULL AND c.roles <= 0 AND (c.word IN (SELECT value FROM json_each(@roleWords))
  OR EXISTS (SELECT 1 FROM word_case w WHERE w.word = c.word AND w.lower >= @minLower AND w.lower >= w.cap_mid)))`;

/** The parameters JUNK_SQL reads, with the settings as they are when a store is opened. */
export function junkSqlParams(): { roleWords: string; minLower: number } {
  return { roleWords: ROLE_WORD_LIST, ...JUNK_SETTINGS };
}

const ARTICLE_COLUMNS = `a.id, a.title, a.outlet, a.published, a.language, substr(a.text, 1, ${EXCERPT_CHARS}) AS excerpt, dm.grp AS "group", g.original, g.size AS groupSize`;

interface ArticleSql {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  excerpt: string;
  group: string | null;
  original: string | null;
  groupSize: number | null;
}

/** The one row of a prefix search, or undefined when none or several match. */
function unique<T>(rows: T[]): T | undefined {
  return rows.length === 1 ? rows[0] : undefined;
}

function corpusArticle(r: ArticleSql, folded: boolean): CorpusArticle {
  const original = r.group === null || r.original === r.id;
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    language: r.language,
    excerpt: r.excerpt,
    group: r.group,
    original,
    copies: folded && original && r.groupSize ? r.groupSize - 1 : 0,
  };
}

interface QuoteSql extends Omit<QuoteRow, 'via' | 'spans'> {
  via: string;
  spans: string;
}
const quoteRow = (r: QuoteSql): QuoteRow => ({ ...r, via: JSON.parse(r.via) as string[], spans: JSON.parse(r.spans) as QuoteRow['spans'] });
const QUOTE_COLUMNS = 'a.id AS articleId, a.title AS articleTitle, q.idx AS "index", q.speaker, q.how, q.via, q.kind, q.cue, q.source, q.content, q.spans, q.date, q.date_from AS dateFrom';

/**
 * The product's reads of the corpus tables in SQLite. Lists are paged; details read one
 * story, entity or group, with the pieces an analyst asks for.
 */
export function sqliteCorpusReads(db: Database.Database, events: Pick<CorpusEventReads, 'ofStory'>): CorpusReads {
  const q = (sql: string) => db.prepare(sql);
  const junkParams = junkSqlParams();
  const st = {
    stories: q('SELECT * FROM stories ORDER BY last IS NULL, last DESC, size DESC, id LIMIT ? OFFSET ?'),
    storyCount: q('SELECT count(*) FROM stories').pluck(),
    story: q('SELECT * FROM stories WHERE id = ?'),
    storyPrefix: q("SELECT * FROM stories WHERE id >= ? AND id < ? || x'ff' ORDER BY id LIMIT 2"),
    clusterPrefix: q("SELECT * FROM entity_clusters WHERE public_id >= ? AND public_id < ? || x'ff' ORDER BY public_id LIMIT 2"),
    storyCopies: q(`SELECT count(*) FROM story_members sm JOIN dup_members dm ON dm.article = sm.article JOIN dup_groups g ON g.id = dm.grp
      WHERE sm.story = ? AND g.original != sm.article`).pluck(),
    storyOutlets: q(`SELECT a.outlet FROM story_members sm JOIN articles a ON a.id = sm.article WHERE sm.story = ? AND a.outlet IS NOT NULL
      GROUP BY a.outlet ORDER BY count(*) DESC, a.outlet LIMIT 10`).pluck(),
    storyEntities: q(`SELECT c.public_id AS id, c.name, c.type, sum(ns.articles) AS articles FROM entity_node_stories ns
      JOIN entity_nodes n ON n.id = ns.node JOIN entity_clusters c ON c.id = n.cluster
      WHERE ns.story = @story AND NOT ${JUNK_SQL} GROUP BY c.id ORDER BY articles DESC, c.mentions DESC, c.name LIMIT @limit`),
    // `@since`: only articles published on that day or after (their copies too, folded under the original the list shows)
    storyArticles: q(`SELECT ${ARTICLE_COLUMNS} FROM story_members sm JOIN articles a ON a.id = sm.article
      LEFT JOIN dup_members dm ON dm.article = a.id LEFT JOIN dup_groups g ON g.id = dm.grp
      WHERE sm.story = @story AND (dm.grp IS NULL OR g.original = a.id) AND (@since IS NULL OR a.published >= @since)
      ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC LIMIT @limit OFFSET @offset`),
    storyArticleCount: q(`SELECT count(*) FROM story_members sm JOIN articles a ON a.id = sm.article LEFT JOIN dup_members dm ON dm.article = sm.article LEFT JOIN dup_groups g ON g.id = dm.grp
      WHERE sm.story = @story AND (dm.grp IS NULL OR g.original = sm.article) AND (@since IS NULL OR a.published >= @since)`).pluck(),
    storyArticlesSince: q('SELECT count(*) FROM story_members sm JOIN articles a ON a.id = sm.article WHERE sm.story = ? AND a.published >= ?').pluck(),
    storyRelated: q(`SELECT s.id, s.title, s.first, s.last, s.size AS articles, l.sim AS similarity FROM (
        SELECT b AS story, sim FROM story_links WHERE a = @story UNION ALL SELECT a AS story, sim FROM story_links WHERE b = @story) l
      JOIN stories s ON s.id = l.story ORDER BY l.sim DESC, s.id LIMIT 20`),
    storyStatements: q(`SELECT DISTINCT s.statement FROM story_members sm JOIN stm_quotes s ON s.article = sm.article JOIN statements t ON t.id = s.statement
      WHERE sm.story = ? AND t.reports > 1 ORDER BY t.reports DESC, s.statement LIMIT ?`).pluck(),

    entities: q(`SELECT c.id AS cid, c.public_id AS id, c.type, c.name, c.country, c.articles, c.mentions FROM entity_clusters c
      WHERE (@type IS NULL OR c.type = @type) AND (@q IS NULL OR instr(lower(c.name), @q) > 0) AND (@withJunk = 1 OR NOT ${JUNK_SQL})
      ORDER BY c.mentions DESC, c.articles DESC, c.name LIMIT @limit OFFSET @offset`),
    entityCount: q(`SELECT count(*) FROM entity_clusters c
      WHERE (@type IS NULL OR c.type = @type) AND (@q IS NULL OR instr(lower(c.name), @q) > 0) AND (@withJunk = 1 OR NOT ${JUNK_SQL})`).pluck(),
    aliasCount: q('SELECT count(DISTINCT f.form) FROM entity_nodes n JOIN entity_forms f ON f.node = n.id WHERE n.cluster = ?').pluck(),
    clusterByPublicId: q('SELECT * FROM entity_clusters WHERE public_id = ?'),
    clusterByName: q('SELECT * FROM entity_clusters WHERE name = ? COLLATE NOCASE ORDER BY mentions DESC LIMIT 1'),
    clusterByNodeKey: q('SELECT c.* FROM entity_nodes n JOIN entity_clusters c ON c.id = n.cluster WHERE n.key = ?'),
    clusterByForm: q(`SELECT c.* FROM entity_forms f JOIN entity_nodes n ON n.id = f.node JOIN entity_clusters c ON c.id = n.cluster
      WHERE f.form = ? COLLATE NOCASE GROUP BY c.id ORDER BY sum(f.mentions) DESC, c.mentions DESC LIMIT 1`),
    clusterByPrefix: q("SELECT * FROM entity_clusters WHERE name LIKE ? || '%' ESCAPE '\\' ORDER BY mentions DESC LIMIT 1"),
    aliases: q(`SELECT f.form, sum(f.mentions) AS mentions FROM entity_nodes n JOIN entity_forms f ON f.node = n.id WHERE n.cluster = ?
      GROUP BY f.form HAVING sum(f.mentions) > 0 ORDER BY mentions DESC, f.form LIMIT 500`),
    roles: q(`SELECT r.role, sum(r.count) AS count FROM entity_nodes n JOIN entity_roles r ON r.node = n.id WHERE n.cluster = ?
      GROUP BY r.role ORDER BY count DESC, r.role LIMIT 100`),
    nodes: q('SELECT id, display AS name, kind, articles, mentions, story FROM entity_nodes WHERE cluster = ? ORDER BY articles DESC, id LIMIT 500'),
    nodeSample: q('SELECT article FROM entity_members WHERE node = ? LIMIT 5').pluck(),
    links: q(`SELECT na.display AS a, nb.display AS b, e.score, e.evidence FROM entity_nodes na JOIN entity_edges e ON e.a = na.id
      JOIN entity_nodes nb ON nb.id = e.b WHERE na.cluster = ? AND nb.cluster = na.cluster ORDER BY e.score DESC LIMIT 500`),
    entityArticles: q(`SELECT ${ARTICLE_COLUMNS} FROM entity_nodes n JOIN entity_members m ON m.node = n.id JOIN articles a ON a.id = m.article
      LEFT JOIN dup_members dm ON dm.article = a.id LEFT JOIN dup_groups g ON g.id = dm.grp
      WHERE n.cluster = ? ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC LIMIT ? OFFSET ?`),
    seen: q(`SELECT min(a.published) AS first, max(a.published) AS last FROM entity_nodes n JOIN entity_members m ON m.node = n.id
      JOIN articles a ON a.id = m.article WHERE n.cluster = ?`),
    quotesBy: q(`SELECT ${QUOTE_COLUMNS} FROM entity_nodes n JOIN entity_members m ON m.node = n.id
      JOIN stm_quotes s ON s.article = m.article AND s.speaker = m.idx JOIN articles a ON a.id = s.article JOIN quotes q ON q.article = a.rowid AND q.idx = s.idx
      WHERE n.cluster = ? ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC, q.idx LIMIT ?`),
    recentArticles: q(`SELECT m.article FROM entity_nodes n JOIN entity_members m ON m.node = n.id JOIN articles a ON a.id = m.article
      WHERE n.cluster = ? ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC LIMIT ${RECENT_ARTICLES}`).pluck(),
    articleQuotes: q(`SELECT ${QUOTE_COLUMNS}, s.speaker AS speakerIdx FROM articles a JOIN quotes q ON q.article = a.rowid
      LEFT JOIN stm_quotes s ON s.article = a.id AND s.idx = q.idx WHERE a.id = ? ORDER BY q.idx`),
    memberIdx: q('SELECT m.idx FROM entity_members m JOIN entity_nodes n ON n.id = m.node WHERE m.article = ? AND n.cluster = ?').pluck(),
    cooccurring: q(`SELECT c.public_id AS id, c.name, c.type, count(DISTINCT m.article) AS articles FROM json_each(@articles) j
      JOIN entity_members m ON m.article = j.value JOIN entity_nodes n ON n.id = m.node JOIN entity_clusters c ON c.id = n.cluster
      WHERE c.id != @cluster AND NOT ${JUNK_SQL} GROUP BY c.id ORDER BY articles DESC, c.mentions DESC, c.name LIMIT 20`),
    entityStories: q(`SELECT s.id, s.title, sum(ns.articles) AS articles FROM entity_nodes n JOIN entity_node_stories ns ON ns.node = n.id
      JOIN stories s ON s.id = ns.story WHERE n.cluster = ? GROUP BY s.id ORDER BY articles DESC, s.id LIMIT 50`),
    wordCase: q('SELECT lower, cap_mid AS capMid, cap_initial AS capInitial FROM word_case WHERE word = ?'),

    groups: q('SELECT id, original, size FROM dup_groups ORDER BY size DESC, id LIMIT ? OFFSET ?'),
    groupCount: q('SELECT count(*) FROM dup_groups').pluck(),
    groupMembers: q(`SELECT ${ARTICLE_COLUMNS}, dm.share FROM dup_members dm JOIN articles a ON a.id = dm.article JOIN dup_groups g ON g.id = dm.grp
      WHERE dm.grp = ? ORDER BY a.published IS NULL, a.published, a.rowid LIMIT 200`),
    linkBetween: q('SELECT kind FROM dup_links WHERE a = ? AND b = ?').pluck(),

    statements: q('SELECT id FROM statements WHERE reports >= ? ORDER BY reports DESC, id LIMIT ? OFFSET ?').pluck(),
    statementCount: q('SELECT count(*) FROM statements WHERE reports >= ?').pluck(),
    statement: q('SELECT id, article, idx, reports FROM statements WHERE id = ?'),
    statementItems: q(`SELECT a.id AS articleId, a.title AS articleTitle, a.outlet, a.published, q.idx AS "index", q.speaker, q.content,
      (SELECT c.public_id FROM entity_members m JOIN entity_nodes n ON n.id = m.node JOIN entity_clusters c ON c.id = n.cluster WHERE m.article = s.article AND m.idx = s.speaker) AS speakerEntity
      FROM stm_quotes s JOIN articles a ON a.id = s.article JOIN quotes q ON q.article = a.rowid AND q.idx = s.idx
      WHERE s.statement = ? ORDER BY a.published IS NULL, a.published, a.rowid, q.idx LIMIT 200`),

    factsStory: q('SELECT s.id, s.title FROM story_members sm JOIN stories s ON s.id = sm.story WHERE sm.article = ?'),
    factsGroup: q('SELECT dm.grp AS "group", g.original FROM dup_members dm JOIN dup_groups g ON g.id = dm.grp WHERE dm.article = ?'),
    factsMembers: q(`SELECT a.id, a.title, a.outlet, dm.share FROM dup_members dm JOIN articles a ON a.id = dm.article WHERE dm.grp = ?
      ORDER BY a.published IS NULL, a.published, a.rowid LIMIT 200`),
    factsEntities: q(`SELECT m.idx, c.public_id FROM entity_members m JOIN entity_nodes n ON n.id = m.node JOIN entity_clusters c ON c.id = n.cluster
      WHERE m.article = ?`),
    factsStatements: q('SELECT s.idx, s.statement, t.reports FROM stm_quotes s JOIN statements t ON t.id = s.statement WHERE s.article = ?'),
    factsEvents: q('SELECT m.idx, m.event, e.reports FROM cev_mentions m JOIN corpus_events e ON e.id = m.event WHERE m.article = ?'),
    allClusters: q('SELECT public_id FROM entity_clusters ORDER BY mentions DESC, id').pluck(),
    allStories: q('SELECT id FROM stories ORDER BY founded').pluck(),
  };

  const storySummary = (r: Record<string, unknown>): StorySummary => {
    const id = r.id as string;
    const size = r.size as number;
    return {
      id,
      title: r.title as string | null,
      first: r.first as string | null,
      last: r.last as string | null,
      articles: size,
      reports: size - (st.storyCopies.get(id) as number),
      outlets: st.storyOutlets.all(id) as string[],
      entities: st.storyEntities.all({ story: id, limit: 8, ...junkParams }) as StorySummary['entities'],
    };
  };

  const statementSummary = (id: string): StatementSummary | undefined => {
    const row = st.statement.get(id) as { id: string; article: string; idx: number; reports: number } | undefined;
    if (!row) return undefined;
    const items = st.statementItems.all(id) as StatementSummary['items'];
    const shown = items.find((i) => i.articleId === row.article && i.index === row.idx) ?? items[0];
    return { id, content: shown?.content ?? '', reports: row.reports, items };
  };

  const junkOf = (c: { word: string | null; roles: number }): JunkEvidence | null => {
    if (c.word === null || c.roles > 0) return null;
    const w = (st.wordCase.get(c.word) as { lower: number; capMid: number; capInitial: number } | undefined) ?? { lower: 0, capMid: 0, capInitial: 0 };
    if (ROLE_WORDS.has(c.word)) return { reason: `“${c.word}” is a role word`, ...w };
    if (w.lower >= JUNK_SETTINGS.minLower && w.lower >= w.capMid) return { reason: `the corpus writes “${c.word}” in lower case ${w.lower} times, capitalised inside a sentence ${w.capMid} times`, ...w };
    return null;
  };

  const findCluster = (idOrName: string): Record<string, unknown> | undefined => {
    const s = idOrName.trim();
    if (!s) return undefined;
    const byId = st.clusterByPublicId.get(s) ?? (/^e[0-9a-f]{3,}$/.test(s) ? unique(st.clusterPrefix.all(s, s)) : undefined);
    if (byId) return byId as Record<string, unknown>;
    // a name: the most mentioned entity that is called so, keyed so, or written so
    const named = [st.clusterByName.get(s), st.clusterByNodeKey.get(`x:${s.toLowerCase()}`), st.clusterByForm.get(s)].filter(Boolean) as Array<Record<string, unknown>>;
    if (named.length) return named.reduce((a, b) => ((b.mentions as number) > (a.mentions as number) ? b : a));
    return st.clusterByPrefix.get(s.replace(/[\\%_]/g, (c) => `\\${c}`)) as Record<string, unknown> | undefined;
  };

  const reads: CorpusReads = {
    listStories(page) {
      const { limit, offset } = pageOf(page);
      return { total: st.storyCount.get() as number, stories: (st.stories.all(limit, offset) as Record<string, unknown>[]).map(storySummary) };
    },
    storyDetail(given, page) {
      const r = (st.story.get(given) ?? unique(st.storyPrefix.all(given, given))) as Record<string, unknown> | undefined;
      if (!r) return undefined;
      const id = r.id as string;
      const { limit, offset } = pageOf(page);
      const since = page?.since ?? null;
      if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new TypeError(`since must be a day written YYYY-MM-DD, got ${JSON.stringify(since)}`);
      const timeline = events.ofStory(id, since, STORY_EVENTS);
      return {
        ...storySummary(r),
        articleList: (st.storyArticles.all({ story: id, since, limit, offset }) as ArticleSql[]).map((a) => corpusArticle(a, true)),
        articleTotal: st.storyArticleCount.get({ story: id, since }) as number,
        statements: (st.storyStatements.all(id, 20) as string[]).map(statementSummary).filter((x): x is StatementSummary => !!x),
        related: st.storyRelated.all({ story: id }) as StoryDetail['related'],
        events: timeline.events,
        eventTotal: timeline.total,
        since: since === null ? null : { day: since, articles: st.storyArticlesSince.get(id, since) as number, events: timeline.total },
      };
    },
    listEntities(filter: EntityFilter = {}) {
      const { limit, offset } = pageOf(filter);
      const params = { type: filter.type ?? null, q: filter.q?.trim() ? filter.q.trim().toLowerCase() : null, withJunk: filter.withJunk ? 1 : 0, ...junkParams };
      const rows = st.entities.all({ ...params, limit, offset }) as Array<CorpusEntitySummary & { cid: number }>;
      return {
        total: st.entityCount.get(params) as number,
        entities: rows.map(({ cid, ...e }) => ({ ...e, aliases: st.aliasCount.get(cid) as number })),
      };
    },
    topEntities(type, limit) {
      const rows = st.entities.all({ type, q: null, withJunk: 0, ...junkParams, ...pageOf({ limit }) }) as Array<CorpusEntitySummary & { cid: number }>;
      return rows.map(({ cid, ...e }) => ({ ...e, aliases: st.aliasCount.get(cid) as number }));
    },
    entityDetail(idOrName, page) {
      const c = findCluster(idOrName);
      if (!c) return undefined;
      const cid = c.id as number;
      const { limit, offset } = pageOf(page);
      const recent = st.recentArticles.all(cid) as string[];
      const forms = (st.aliases.all(cid) as Array<{ form: string; mentions: number }>).slice(0, 20).map((f) => f.form.toLowerCase());
      const quotesAbout: QuoteRow[] = [];
      for (const article of recent) {
        if (quotesAbout.length >= 50) break;
        const own = new Set(st.memberIdx.all(article, cid) as number[]);
        for (const row of st.articleQuotes.all(article) as Array<QuoteSql & { speakerIdx: number | null }>) {
          if (row.speakerIdx !== null && own.has(row.speakerIdx)) continue;
          const text = row.content.toLowerCase();
          if (forms.some((f) => f.length > 2 && text.includes(f))) {
            const { speakerIdx: _, ...quote } = row;
            quotesAbout.push(quoteRow(quote));
          }
        }
      }
      const seen = st.seen.get(cid) as { first: string | null; last: string | null };
      const aliasList = st.aliases.all(cid) as Array<{ form: string; mentions: number }>;
      return {
        id: c.public_id as string,
        type: c.type as EntityType,
        name: c.name as string,
        country: c.country as string | null,
        articles: c.articles as number,
        mentions: c.mentions as number,
        aliases: aliasList.length,
        aliasList,
        roles: st.roles.all(cid) as CorpusEntityDetail['roles'],
        nodes: (st.nodes.all(cid) as Array<{ id: number; name: string; kind: string; articles: number; mentions: number; story: string | null }>).map(({ id, ...n }) => ({ ...n, sample: st.nodeSample.all(id) as string[] })),
        links: st.links.all(cid) as CorpusEntityDetail['links'],
        articleList: (st.entityArticles.all(cid, limit, offset) as ArticleSql[]).map((a) => corpusArticle(a, false)),
        articleTotal: c.articles as number,
        quotesBy: (st.quotesBy.all(cid, 100) as QuoteSql[]).map(quoteRow),
        quotesAbout,
        cooccurring: st.cooccurring.all({ articles: JSON.stringify(recent), cluster: cid, ...junkParams }) as CorpusEntityDetail['cooccurring'],
        stories: st.entityStories.all(cid) as CorpusEntityDetail['stories'],
        firstSeen: seen.first,
        lastSeen: seen.last,
        junk: junkOf({ word: c.word as string | null, roles: c.roles as number }),
      };
    },
    listDuplicateGroups(page) {
      const { limit, offset } = pageOf(page);
      const groups = (st.groups.all(limit, offset) as Array<{ id: string; original: string; size: number }>).map((g): DuplicateGroupSummary => {
        const members = (st.groupMembers.all(g.id) as Array<ArticleSql & { share: number }>).map((m) => ({ ...corpusArticle(m, false), share: m.share }));
        const original = members.find((m) => m.id === g.original) ?? members[0];
        return { id: g.id, size: g.size, original, members };
      });
      return { total: st.groupCount.get() as number, groups };
    },
    listStatements(page = {}) {
      const { limit, offset } = pageOf(page);
      const min = Math.max(1, page.minReports ?? 2);
      const ids = st.statements.all(min, limit, offset) as string[];
      return { total: st.statementCount.get(min) as number, statements: ids.map(statementSummary).filter((x): x is StatementSummary => !!x) };
    },
    articleFacts(articleId) {
      const story = (st.factsStory.get(articleId) as { id: string; title: string | null } | undefined) ?? null;
      const group = st.factsGroup.get(articleId) as { group: string; original: string } | undefined;
      let duplicates: ArticleCorpusFacts['duplicates'] = null;
      if (group) {
        const members = (st.factsMembers.all(group.group) as Array<{ id: string; title: string | null; outlet: string | null; share: number }>).map((m) => {
          const [a, b] = m.id < articleId ? [m.id, articleId] : [articleId, m.id];
          return { ...m, kind: m.id === articleId ? null : ((st.linkBetween.get(a, b) as string | undefined) ?? null) };
        });
        duplicates = { group: group.group, original: group.original, members };
      }
      const entities = reads.corpusEntitiesOf(articleId);
      const statements: ArticleCorpusFacts['statements'] = [];
      for (const r of st.factsStatements.all(articleId) as Array<{ idx: number; statement: string; reports: number }>) statements[r.idx] = { id: r.statement, reports: r.reports };
      for (let i = 0; i < statements.length; i++) statements[i] ??= null;
      const events: ArticleCorpusFacts['events'] = [];
      for (const r of st.factsEvents.all(articleId) as Array<{ idx: number; event: string; reports: number }>) events[r.idx] = { id: r.event, reports: r.reports };
      for (let i = 0; i < events.length; i++) events[i] ??= null;
      return { story, duplicates, entities, statements, events };
    },
    corpusEntitiesOf(articleId) {
      const entities: Array<string | null> = [];
      for (const r of st.factsEntities.all(articleId) as Array<{ idx: number; public_id: string }>) entities[r.idx] = r.public_id;
      for (let i = 0; i < entities.length; i++) entities[i] ??= null;
      return entities;
    },
    *allEntities() {
      for (const id of st.allClusters.all() as string[]) {
        const e = reads.entityDetail(id, { limit: MAX_LIMIT });
        if (e) yield e;
      }
    },
    *allStories() {
      for (const id of st.allStories.all() as string[]) {
        const s = reads.storyDetail(id, { limit: MAX_LIMIT });
        if (s) yield s;
      }
    },
  };
  return reads;
}
