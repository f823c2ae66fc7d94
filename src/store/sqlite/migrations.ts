/**
 * The schema, as a list of steps. Step i brings a database from version i to i + 1
 * (`PRAGMA user_version`); a step is never edited once released, only appended to.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    source TEXT,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    meta TEXT NOT NULL,
    raw TEXT NOT NULL,
    text TEXT NOT NULL,
    quality TEXT,
    chars INTEGER NOT NULL,
    words INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);

  CREATE TABLE layers (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article, name)
  ) WITHOUT ROWID;

  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
  END;

  CREATE TABLE failures (
    source TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    aliases TEXT NOT NULL,
    roles TEXT NOT NULL,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;
  CREATE INDEX entities_type_name ON entities(type, name);
  CREATE INDEX entities_name ON entities(name);
  `,
  // attributions, one row per quote, for corpus queries (the full layer is in `layers`);
  // `speaker_key` and `via_key` are the names in lower case for case-insensitive filters,
  // `via_key` with each name on its own line. Articles stored before this step have no quotes
  // layer: ingest processes them again (Store.isComplete).
  `
  CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT NOT NULL,
    speaker_key TEXT NOT NULL,
    how TEXT NOT NULL,
    via TEXT NOT NULL,
    via_key TEXT NOT NULL,
    cue TEXT,
    source TEXT,
    content TEXT NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;
  `,
  // `articles.raw` and `layers.data` may hold packed bytes (raw deflate, src/store/packed-text.ts)
  // instead of text from here on; the step changes no table, so that Dossiers that cannot
  // read packed bytes refuse the database with a clear message instead of misreading it.
  `SELECT 1;`,
  // corpus work (src/connect/): the connect queue filled by triggers, duplicate groups, stories,
  // corpus entities and statements; the articles already stored are queued in ingest order
  `
  CREATE TABLE connect_queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, article TEXT NOT NULL, op TEXT NOT NULL);
  CREATE TRIGGER articles_connect_add AFTER INSERT ON articles BEGIN
    INSERT INTO connect_queue (article, op) VALUES (new.id, 'add');
  END;
  CREATE TRIGGER articles_connect_remove AFTER DELETE ON articles BEGIN
    INSERT INTO connect_queue (article, op) VALUES (old.id, 'remove');
  END;
  INSERT INTO connect_queue (article, op) SELECT id, 'add' FROM articles ORDER BY rowid;
  CREATE TABLE connected (article TEXT PRIMARY KEY) WITHOUT ROWID;

  CREATE TABLE dup_bands (band INTEGER NOT NULL, article TEXT NOT NULL, PRIMARY KEY (band, article)) WITHOUT ROWID;
  CREATE INDEX dup_bands_article ON dup_bands (article);
  CREATE TABLE dup_links (
    a TEXT NOT NULL, b TEXT NOT NULL, share_a REAL NOT NULL, share_b REAL NOT NULL, aligned_a INTEGER NOT NULL,
    aligned_b INTEGER NOT NULL, mean_dice REAL NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (a, b)
  ) WITHOUT ROWID;
  CREATE INDEX dup_links_b ON dup_links (b);
  CREATE TABLE dup_groups (id TEXT PRIMARY KEY, original TEXT NOT NULL, size INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX dup_groups_size ON dup_groups (size);
  CREATE TABLE dup_members (article TEXT PRIMARY KEY, grp TEXT NOT NULL, share REAL NOT NULL) WITHOUT ROWID;
  CREATE INDEX dup_members_grp ON dup_members (grp);

  CREATE TABLE story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE story_vectors (article TEXT PRIMARY KEY, vector TEXT NOT NULL) WITHOUT ROWID;
  -- counts kept on write, so that no step counts a whole table (story_vectors: articles weighed into stories)
  CREATE TABLE corpus_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE stories (
    id TEXT PRIMARY KEY, title TEXT, title_article TEXT, title_score REAL NOT NULL, first TEXT, last TEXT,
    size INTEGER NOT NULL, centroid TEXT NOT NULL, founded INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX stories_size ON stories (size);
  CREATE INDEX stories_last ON stories (last);
  CREATE TABLE story_terms (term TEXT NOT NULL, story TEXT NOT NULL, weight REAL NOT NULL, PRIMARY KEY (term, story)) WITHOUT ROWID;
  CREATE INDEX story_terms_story ON story_terms (story);
  CREATE INDEX story_terms_weight ON story_terms (term, weight);
  CREATE TABLE story_links (a TEXT NOT NULL, b TEXT NOT NULL, sim REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
  CREATE INDEX story_links_b ON story_links (b);
  CREATE TABLE story_members (article TEXT PRIMARY KEY, story TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX story_members_story ON story_members (story);

  CREATE TABLE entity_nodes (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, display TEXT NOT NULL, display_count INTEGER NOT NULL,
    story TEXT, fold TEXT, country TEXT, cluster INTEGER NOT NULL, articles INTEGER NOT NULL, mentions INTEGER NOT NULL, types TEXT NOT NULL
  );
  CREATE INDEX entity_nodes_cluster ON entity_nodes (cluster);
  CREATE INDEX entity_nodes_story ON entity_nodes (story, kind, fold) WHERE story IS NOT NULL;
  CREATE INDEX entity_nodes_fold ON entity_nodes (fold, kind) WHERE fold IS NOT NULL;
  CREATE TABLE entity_members (article TEXT NOT NULL, idx INTEGER NOT NULL, node INTEGER NOT NULL, mentions INTEGER NOT NULL, type TEXT NOT NULL, PRIMARY KEY (article, idx)) WITHOUT ROWID;
  CREATE INDEX entity_members_node ON entity_members (node);
  CREATE TABLE entity_forms (node INTEGER NOT NULL, form TEXT NOT NULL, mentions INTEGER NOT NULL, as_name INTEGER NOT NULL, PRIMARY KEY (node, form)) WITHOUT ROWID;
  CREATE INDEX entity_forms_form ON entity_forms (form COLLATE NOCASE);
  CREATE TABLE entity_roles (node INTEGER NOT NULL, role TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (node, role)) WITHOUT ROWID;
  CREATE TABLE entity_node_stories (node INTEGER NOT NULL, story TEXT NOT NULL, mentions INTEGER NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (node, story)) WITHOUT ROWID;
  CREATE INDEX entity_node_stories_story ON entity_node_stories (story);
  CREATE TABLE entity_blocks (key TEXT NOT NULL, node INTEGER NOT NULL, PRIMARY KEY (key, node)) WITHOUT ROWID;
  CREATE INDEX entity_blocks_node ON entity_blocks (node);
  CREATE TABLE entity_edges (a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
  CREATE INDEX entity_edges_b ON entity_edges (b);
  CREATE TABLE entity_clusters (
    id INTEGER PRIMARY KEY, public_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
    articles INTEGER NOT NULL, mentions INTEGER NOT NULL, nodes INTEGER NOT NULL, types TEXT NOT NULL, word TEXT,
    roles INTEGER NOT NULL, name_node INTEGER NOT NULL
  );
  CREATE INDEX entity_clusters_mentions ON entity_clusters (mentions);
  CREATE INDEX entity_clusters_type ON entity_clusters (type, mentions);
  CREATE INDEX entity_clusters_name ON entity_clusters (name COLLATE NOCASE);
  CREATE TABLE word_case (word TEXT PRIMARY KEY, lower INTEGER NOT NULL, cap_mid INTEGER NOT NULL, cap_initial INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE stm_bands (band INTEGER NOT NULL, article TEXT NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (band, article, idx)) WITHOUT ROWID;
  CREATE INDEX stm_bands_article ON stm_bands (article);
  CREATE TABLE stm_quotes (article TEXT NOT NULL, idx INTEGER NOT NULL, statement TEXT NOT NULL, words INTEGER NOT NULL, speaker INTEGER, PRIMARY KEY (article, idx)) WITHOUT ROWID;
  CREATE INDEX stm_quotes_statement ON stm_quotes (statement);
  CREATE INDEX stm_quotes_speaker ON stm_quotes (article, speaker);
  CREATE TABLE stm_links (a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
  CREATE INDEX stm_links_b ON stm_links (b);
  CREATE TABLE statements (id TEXT PRIMARY KEY, article TEXT NOT NULL, idx INTEGER NOT NULL, words INTEGER NOT NULL, reports INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX statements_reports ON statements (reports);
  `,
  // temporal expressions, one row per timex, for lists (the full layer is in `layers`), and each
  // quote's date (src/quotes/quote-date.ts) with where it comes from. Articles stored before
  // this step have no timexes layer and their quotes no date: ingest processes them again
  // (Store.isComplete). Date filters on lists use articles_published, made by the first step.
  `
  CREATE TABLE timexes (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    mod TEXT,
    anchor TEXT,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;
  ALTER TABLE quotes ADD COLUMN date TEXT;
  ALTER TABLE quotes ADD COLUMN date_from TEXT;
  `,
  // the overview's counts of articles by language and by outlet (Store.facets) read these
  // indexes, never the article rows; by publication day it reads articles_published
  `
  CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
  CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
  `,
  // events, one row per event mention for lists (the full layer is in `layers`): `first_day`
  // and `last_day` the days its date covers (valueDays), `actor_key` its actors' words and
  // entity names for the actor filter, `data` the rest of its list row as JSON; one row per
  // actor in `event_actors` for the country and entity filters. Articles stored before this
  // step have no events layer: ingest processes them again (Store.isComplete).
  `
  CREATE TABLE events (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    first_day TEXT,
    last_day TEXT,
    actor_key TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;
  CREATE INDEX events_day ON events (first_day);
  CREATE INDEX events_type ON events (type, first_day);
  CREATE TABLE event_actors (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    n INTEGER NOT NULL,
    role TEXT NOT NULL,
    entity INTEGER,
    country TEXT,
    PRIMARY KEY (article, idx, n)
  ) WITHOUT ROWID;
  CREATE INDEX event_actors_country ON event_actors (country);
  CREATE INDEX event_actors_entity ON event_actors (article, entity);
  `,
  // corpus events (src/connect/events.ts): one real-world event behind many reports. Each event
  // mention of a connected article is a row of `cev_mentions` (its view for comparison as JSON,
  // its corpus event); `cev_blocks` files it under its type, week and actors; `cev_links` keeps
  // each link with its score and evidence; `corpus_events` the events with their day range and
  // counts. Corpus facts connected before this step have no events: they are forgotten and every
  // article is queued to be connected again (as `dossier connect --rebuild` does).
  `
  CREATE TABLE cev_mentions (article TEXT NOT NULL, idx INTEGER NOT NULL, event TEXT NOT NULL, ord INTEGER NOT NULL, view TEXT NOT NULL, PRIMARY KEY (article, idx)) WITHOUT ROWID;
  CREATE INDEX cev_mentions_event ON cev_mentions (event, ord, idx);
  CREATE TABLE cev_blocks (key TEXT NOT NULL, article TEXT NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (key, article, idx)) WITHOUT ROWID;
  CREATE INDEX cev_blocks_article ON cev_blocks (article);
  CREATE TABLE cev_links (a TEXT NOT NULL, b TEXT NOT NULL, score REAL NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
  CREATE INDEX cev_links_b ON cev_links (b);
  CREATE TABLE corpus_events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, first_day TEXT, last_day TEXT, reports INTEGER NOT NULL, articles INTEGER NOT NULL,
    article TEXT NOT NULL, idx INTEGER NOT NULL, data TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX corpus_events_day ON corpus_events (first_day);
  CREATE INDEX corpus_events_reports ON corpus_events (reports);
  CREATE INDEX corpus_events_type ON corpus_events (type, first_day);
  DELETE FROM connected; DELETE FROM corpus_counts; DELETE FROM dup_bands; DELETE FROM dup_links; DELETE FROM dup_groups; DELETE FROM dup_members;
  DELETE FROM story_df; DELETE FROM story_vectors; DELETE FROM stories; DELETE FROM story_terms; DELETE FROM story_links; DELETE FROM story_members;
  DELETE FROM entity_nodes; DELETE FROM entity_members; DELETE FROM entity_forms; DELETE FROM entity_roles; DELETE FROM entity_node_stories;
  DELETE FROM entity_blocks; DELETE FROM entity_edges; DELETE FROM entity_clusters; DELETE FROM word_case;
  DELETE FROM stm_bands; DELETE FROM stm_quotes; DELETE FROM stm_links; DELETE FROM statements;
  DELETE FROM connect_queue; INSERT INTO connect_queue (article, op) SELECT id, 'add' FROM articles ORDER BY rowid;
  `,
  // the overview's events by day (Store.eventFacets) compare each event's first and last day:
  // with only `first_day` in the index every event's row was read, the overview's slowest read
  // at 10,000 articles (npm run bench:api); this index covers the count, and serves whatever
  // events_day served
  `
  CREATE INDEX IF NOT EXISTS events_days ON events (first_day, last_day);
  DROP INDEX IF EXISTS events_day;
  `,
  // the timeline's statements by the day they were said (src/store/sqlite/sqlite-timeline.ts):
  // a range of days, and the quotes no day dates, are read over this index, not every quote
  `CREATE INDEX IF NOT EXISTS quotes_date ON quotes (date);`,
  // event lists in their default order (the latest day first, then their articles newest
  // first) sorted every event of the corpus for each page, because the order's second key was
  // the article's: the article's publication date is kept on its events too (written with
  // them; articles are never changed in place), so that a page reads the first rows of an index,
  // of all events or of one type; real-world events likewise
  `
  ALTER TABLE events ADD COLUMN published TEXT;
  UPDATE events SET published = (SELECT a.published FROM articles a WHERE a.rowid = events.article);
  CREATE INDEX events_latest ON events (first_day DESC, published DESC, article DESC, idx);
  CREATE INDEX events_type_latest ON events (type, first_day DESC, published DESC, article DESC, idx);
  DROP INDEX IF EXISTS events_type;
  CREATE INDEX corpus_events_latest ON corpus_events (first_day DESC, reports DESC);
  CREATE INDEX corpus_events_type_latest ON corpus_events (type, first_day DESC, reports DESC);
  DROP INDEX IF EXISTS corpus_events_type;
  DROP INDEX IF EXISTS corpus_events_day;
  `,
];
