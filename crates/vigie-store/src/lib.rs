//! Vigie's embedded store: one SQLite file (bundled SQLite, WAL mode).
//!
//! Each article is written in its own transaction, so a crash loses at most
//! the article being written; schema changes are numbered migrations
//! recorded in `schema_version`. Duplicates are decided here, where every
//! earlier article is: an exact copy (same URL or same normalised text) adds
//! nothing, a near-copy is stored and linked to its original.

mod articles;

pub use articles::{Added, ArticleSummary, SameAs, SearchHit, StoredArticle};

use rusqlite::{Connection, OptionalExtension};
use std::path::Path;

/// Estimated shingle similarity from which an article is a copy of another.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.5;

/// Schema migrations, in order; the version is the index plus one.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql")];

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

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let conn = Connection::open(path)?;
        // Another process may be writing: wait for it rather than fail.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::setup(conn)
    }

    /// A database in memory, for one-shot commands that need no file.
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
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
        assert_eq!(Store::open(&path).unwrap().schema_version().unwrap(), 1);
        assert_eq!(Store::open(&path).unwrap().schema_version().unwrap(), 1);
        Store::open(&path).unwrap().conn.execute("UPDATE schema_version SET version = 99", []).unwrap();
        assert!(matches!(Store::open(&path), Err(StoreError::TooNew { found: 99, .. })));
    }
}
