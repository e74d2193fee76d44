-- Version 1: articles, their duplicate links, near-duplicate bands, full-text index.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    url_key TEXT,
    outlet TEXT,
    title TEXT,
    lang TEXT,
    published TEXT,
    published_precision TEXT,
    published_origin TEXT,
    original TEXT NOT NULL,
    text TEXT NOT NULL,
    offsets BLOB NOT NULL,
    removed TEXT NOT NULL,
    text_hash INTEGER NOT NULL,
    minhash BLOB NOT NULL,
    duplicate_of INTEGER REFERENCES articles(rowid),
    similarity REAL,
    ingested_at TEXT NOT NULL,
    -- 0 until the article is in articles_fts (indexing is batched; see Store::index_pending).
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_unindexed ON articles(rowid) WHERE indexed = 0;
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_url_key ON articles(url_key);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

-- Locality-sensitive hashing bands of each article's MinHash signature.
CREATE TABLE lsh_bands (
    band_key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(rowid)
);
CREATE INDEX lsh_bands_key ON lsh_bands(band_key);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
