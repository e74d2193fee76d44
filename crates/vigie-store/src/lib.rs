//! Vigie's embedded store: one SQLite file (bundled SQLite, WAL mode).
//!
//! Each article is written whole or not at all (a savepoint), and articles
//! are committed in small batches (at most 256 articles or a quarter of a
//! second), so a crash loses at most that last fraction of a second of work
//! and never leaves a half-written article; schema changes are numbered migrations
//! recorded in `schema_version`. Duplicates are decided here, where every
//! earlier article is: an exact copy (same URL or same normalised text) adds
//! nothing, a near-copy is stored and linked to its original.

mod articles;
mod stories;

pub use articles::{Added, ArticleSummary, Derived, SameAs, SearchHit, StoredArticle};
pub use stories::{StoryArticle, StorySummary};

use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use std::time::{Duration, Instant};

/// Estimated shingle similarity from which an article is a copy of another.
/// Copies scraped to different lengths share less than their common part:
/// two excerpts of one wire story measure 0.45-0.5.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.4;

/// Schema migrations, in order; the version is the index plus one.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql"), include_str!("schema_v2.sql"), include_str!("schema_v3.sql")];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database has schema version {found}, newer than this Vigie ({known}); upgrade Vigie")]
    TooNew { found: i64, known: i64 },
    #[error("id {0:?} is already used by a different article")]
    IdConflict(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A batch commits after this many new articles...
const BATCH_ARTICLES: usize = 256;
/// ...or this long after it began, whichever comes first.
const BATCH_TIME: Duration = Duration::from_millis(250);

pub struct Store {
    conn: Connection,
    /// When the open write transaction began, if one is open.
    batch_started: Option<Instant>,
    batch_articles: usize,
}

impl Drop for Store {
    fn drop(&mut self) {
        if let Err(e) = self.commit() {
            eprintln!("vigie: the last batch could not be committed: {e}");
        }
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open(path)?;
        // Another process may be writing: wait for it rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Checkpoint the write-ahead log every ~40 MB rather than every 4 MB.
        conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
        Self::setup(conn)
    }

    /// A database in memory, for one-shot commands that need no file.
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Savepoint journals and sorts in memory, and a 64 MiB page cache:
        // a batch's index pages stay in memory until it commits.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let mut store = Store { conn, batch_started: None, batch_articles: 0 };
        store.migrate()?;
        Ok(store)
    }

    /// Opens a write transaction if none is open. Writes are grouped: one
    /// transaction per article would rewrite the same index pages hundreds
    /// of times a second.
    pub(crate) fn begin_batch(&mut self) -> Result<()> {
        if self.batch_started.is_none() {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.batch_started = Some(Instant::now());
            self.batch_articles = 0;
        }
        Ok(())
    }

    pub(crate) fn commit_if_due(&mut self) -> Result<()> {
        match self.batch_started {
            Some(t) if self.batch_articles >= BATCH_ARTICLES || t.elapsed() >= BATCH_TIME => self.commit(),
            _ => Ok(()),
        }
    }

    /// Commits the open batch, full-text index included. Called on drop; a
    /// crash before it loses only this batch, never a half-written article.
    pub fn commit(&mut self) -> Result<()> {
        if self.batch_started.take().is_some() {
            self.conn.execute_batch(
                "INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles WHERE indexed = 0;
                 UPDATE articles SET indexed = 1 WHERE indexed = 0;
                 COMMIT",
            )?;
        }
        Ok(())
    }

    /// Drops the open batch: nothing of it is written.
    pub fn rollback(&mut self) -> Result<()> {
        if self.batch_started.take().is_some() {
            self.conn.execute_batch("ROLLBACK")?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT version FROM schema_version", [], |r| r.get(0)).optional()?.unwrap_or(0))
    }

    fn migrate(&mut self) -> Result<()> {
        self.conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
        let found = self.schema_version()?;
        let known = MIGRATIONS.len() as i64;
        if found > known {
            return Err(StoreError::TooNew { found, known });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.execute("DELETE FROM schema_version", [])?;
            tx.execute("INSERT INTO schema_version (version) VALUES (?1)", [i as i64 + 1])?;
            tx.commit()?;
        }
        Ok(())
    }

    /// SQLite's own consistency check; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<std::result::Result<(), String>> {
        let verdict: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(if verdict == "ok" { Ok(()) } else { Err(verdict) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_newer_schemas_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.db");
        assert_eq!(Store::open(&path).unwrap().schema_version().unwrap(), MIGRATIONS.len() as i64);
        assert_eq!(Store::open(&path).unwrap().schema_version().unwrap(), MIGRATIONS.len() as i64);
        Store::open(&path).unwrap().conn.execute("UPDATE schema_version SET version = 99", []).unwrap();
        assert!(matches!(Store::open(&path), Err(StoreError::TooNew { found: 99, .. })));
    }
}
