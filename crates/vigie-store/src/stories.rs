//! Stories and figures: which story each article belongs to, and the
//! figures extracted from it, so that reports need no re-extraction.

use crate::{Result, Store};
use rusqlite::params;
use serde::Serialize;
use vigie_model::Figure;

/// One line of `vigie stories`: a story and what its articles have in common.
#[derive(Debug, Clone, Serialize)]
pub struct StorySummary {
    pub id: String,
    /// The title of its earliest titled article.
    pub title: Option<String>,
    pub articles: usize,
    pub languages: Vec<String>,
    pub first: Option<String>,
    pub last: Option<String>,
}

/// An article of a story, with what reconciliation needs.
#[derive(Debug, Clone, Serialize)]
pub struct StoryArticle {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub duplicate_of: Option<String>,
}

impl Store {
    /// Puts `article` in `story` (moving it if it was elsewhere).
    pub fn set_story(&mut self, article: &str, story: &str) -> Result<()> {
        self.conn.execute("INSERT OR REPLACE INTO story_articles (article, story) VALUES (?1, ?2)", params![article, story])?;
        Ok(())
    }

    /// The story of `article`, if it has one.
    pub fn story_of(&self, article: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self.conn.query_row("SELECT story FROM story_articles WHERE article = ?1", [article], |r| r.get(0)).optional()?)
    }

    /// Replaces the figures of `article`.
    pub fn set_figures(&mut self, article: &str, figures: &[Figure]) -> Result<()> {
        self.conn.execute("DELETE FROM figures WHERE article = ?1", [article])?;
        let mut insert = self.conn.prepare_cached("INSERT INTO figures (article, n, figure) VALUES (?1, ?2, ?3)")?;
        for (n, f) in figures.iter().enumerate() {
            insert.execute(params![article, n as i64, serde_json::to_string(f).expect("figures serialise")])?;
        }
        Ok(())
    }

    /// Every story, largest first.
    pub fn stories(&self) -> Result<Vec<StorySummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.story, count(*), group_concat(DISTINCT a.lang), min(a.published), max(a.published),
                    (SELECT t.title FROM story_articles st JOIN articles t ON t.id = st.article
                     WHERE st.story = s.story AND t.title IS NOT NULL ORDER BY t.published IS NULL, t.published, t.rowid LIMIT 1)
             FROM story_articles s JOIN articles a ON a.id = s.article
             GROUP BY s.story ORDER BY count(*) DESC, min(a.published), s.story",
        )?;
        let rows = stmt.query_map([], |r| {
            let langs: Option<String> = r.get(2)?;
            let mut languages: Vec<String> = langs.map(|l| l.split(',').map(str::to_string).collect()).unwrap_or_default();
            languages.sort();
            Ok(StorySummary {
                id: r.get(0)?,
                articles: r.get::<_, i64>(1)? as usize,
                languages,
                first: r.get(3)?,
                last: r.get(4)?,
                title: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The articles of one story, oldest first.
    pub fn story_articles(&self, story: &str) -> Result<Vec<StoryArticle>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, a.outlet, a.url, a.lang, a.published, d.id
             FROM story_articles s JOIN articles a ON a.id = s.article LEFT JOIN articles d ON d.rowid = a.duplicate_of
             WHERE s.story = ?1 ORDER BY a.published IS NULL, a.published, a.rowid",
        )?;
        let rows = stmt.query_map([story], |r| {
            Ok(StoryArticle {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                url: r.get(3)?,
                lang: r.get(4)?,
                published: r.get(5)?,
                duplicate_of: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The figures of one article, in order.
    pub fn figures(&self, article: &str) -> Result<Vec<Figure>> {
        let mut stmt = self.conn.prepare_cached("SELECT figure FROM figures WHERE article = ?1 ORDER BY n")?;
        let rows = stmt.query_map([article], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for json in rows {
            // A row this version cannot read is skipped rather than failing the whole report.
            if let Ok(f) = serde_json::from_str(&json?) {
                out.push(f);
            }
        }
        Ok(out)
    }
}
