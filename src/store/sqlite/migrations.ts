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
];
