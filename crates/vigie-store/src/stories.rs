//! Stories and figures: which story each article belongs to, and the
//! figures extracted from it, so that reports need no re-extraction.

use crate::{Result, Store};
use rusqlite::{params, OptionalExtension};
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
    /// What the presentation layer keeps with the story (headline toll, sparkline, places, actors).
    pub digest: Option<serde_json::Value>,
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
        self.begin_batch()?;
        self.conn.execute("INSERT OR REPLACE INTO story_articles (article, story) VALUES (?1, ?2)", params![article, story])?;
        Ok(())
    }

    /// The story of `article`, if it has one.
    pub fn story_of(&self, article: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT story FROM story_articles WHERE article = ?1", [article], |r| r.get(0)).optional()?)
    }

    /// Stored articles that have no story yet (a run stopped before assigning them), in the order they were stored.
    pub fn articles_without_story(&self) -> Result<Vec<String>> {
        self.ids("SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article = a.id) ORDER BY a.rowid")
    }

    /// Stored articles without the rows derived from them (stored by an older
    /// Vigie that wrote them apart, and killed in between).
    pub fn articles_without_entities(&self) -> Result<Vec<String>> {
        self.ids("SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_entities e WHERE e.article = a.id) ORDER BY a.rowid")
    }

    /// The single text column of every row `sql` selects.
    fn ids(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql)?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(ids)
    }

    /// Replaces the figures of `article`.
    pub(crate) fn set_figures(&mut self, article: &str, figures: &[Figure]) -> Result<()> {
        self.conn.execute("DELETE FROM figures WHERE article = ?1", [article])?;
        let mut insert = self.conn.prepare_cached("INSERT INTO figures (article, n, figure) VALUES (?1, ?2, ?3)")?;
        for (n, f) in figures.iter().enumerate() {
            insert.execute(params![article, n as i64, serde_json::to_string(f).expect("figures serialise")])?;
        }
        Ok(())
    }

    /// Every story, largest first (from the summaries; see [`Store::refresh_story`]).
    pub fn stories(&self) -> Result<Vec<StorySummary>> {
        self.stories_page(0, i64::MAX as usize)
    }

    /// How many stories there are.
    pub fn story_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM story_summaries", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// `limit` stories from the `offset`-th, largest first.
    pub fn stories_page(&self, offset: usize, limit: usize) -> Result<Vec<StorySummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT story, title, articles, languages, first, last, digest FROM story_summaries
             ORDER BY articles DESC, first, story LIMIT ?1 OFFSET ?2",
        )?;
        let rows = stmt.query_map(params![limit.min(i64::MAX as usize) as i64, offset.min(i64::MAX as usize) as i64], |r| {
            let languages: String = r.get(3)?;
            let digest: Option<String> = r.get(6)?;
            Ok(StorySummary {
                id: r.get(0)?,
                title: r.get(1)?,
                articles: r.get::<_, i64>(2)? as usize,
                languages: languages.split(',').filter(|l| !l.is_empty()).map(str::to_string).collect(),
                first: r.get(4)?,
                last: r.get(5)?,
                digest: digest.and_then(|h| serde_json::from_str(&h).ok()),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stories whose summary has no digest yet (assigned articles whose digest a run had not computed yet).
    pub fn stories_without_digest(&self) -> Result<Vec<String>> {
        self.ids("SELECT story FROM story_summaries WHERE digest IS NULL ORDER BY story")
    }

    /// Recomputes the summary of `story` from its articles, with the
    /// presentation layer's `digest` (JSON; `None` marks it as still to be
    /// computed); drops it when it has no article left.
    pub fn refresh_story(&mut self, story: &str, digest: Option<&serde_json::Value>) -> Result<()> {
        self.begin_batch()?;
        let (count, languages, first, last): (i64, Option<String>, Option<String>, Option<String>) = self.conn.query_row(
            "SELECT count(*), group_concat(DISTINCT a.lang), min(a.published), max(a.published)
             FROM story_articles s JOIN articles a ON a.id = s.article WHERE s.story = ?1",
            [story],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        if count == 0 {
            self.conn.execute("DELETE FROM story_summaries WHERE story = ?1", [story])?;
            return Ok(());
        }
        let mut languages: Vec<&str> = languages.as_deref().unwrap_or("").split(',').filter(|l| !l.is_empty()).collect();
        languages.sort_unstable();
        let title: Option<String> = self
            .conn
            .query_row(
                "SELECT t.title FROM story_articles st JOIN articles t ON t.id = st.article
             WHERE st.story = ?1 AND t.title IS NOT NULL ORDER BY t.published IS NULL, t.published, t.rowid LIMIT 1",
                [story],
                |r| r.get(0),
            )
            .optional()?;
        self.conn.execute(
            "INSERT OR REPLACE INTO story_summaries (story, title, articles, languages, first, last, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![story, title, count, languages.join(","), first, last, digest.map(|h| h.to_string())],
        )?;
        Ok(())
    }

    /// The digest kept with `story`'s summary, if any.
    pub fn story_digest(&self, story: &str) -> Result<Option<serde_json::Value>> {
        let json: Option<Option<String>> =
            self.conn.query_row("SELECT digest FROM story_summaries WHERE story = ?1", [story], |r| r.get(0)).optional()?;
        Ok(json.flatten().and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Keeps the entities found in `article` (JSON).
    pub(crate) fn set_entities(&mut self, article: &str, entities: &serde_json::Value) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO article_entities (article, entities) VALUES (?1, ?2)",
            params![article, entities.to_string()],
        )?;
        Ok(())
    }

    /// The entities kept for `article`, if any.
    pub fn entities(&self, article: &str) -> Result<Option<serde_json::Value>> {
        let json: Option<String> =
            self.conn.query_row("SELECT entities FROM article_entities WHERE article = ?1", [article], |r| r.get(0)).optional()?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
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

    /// The figures of every article of `story`: each article's together, in order.
    pub fn story_figures(&self, story: &str) -> Result<Vec<Figure>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.figure FROM story_articles s JOIN figures f ON f.article = s.article WHERE s.story = ?1 ORDER BY f.article, f.n",
        )?;
        let figures = readable(stmt.query_map([story], |r| r.get::<_, String>(0))?);
        figures
    }

    /// The entities kept for every article of `story`, by article.
    pub fn story_entities(&self, story: &str) -> Result<Vec<(String, serde_json::Value)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.article, e.entities FROM story_articles s JOIN article_entities e ON e.article = s.article WHERE s.story = ?1",
        )?;
        let rows = stmt.query_map([story], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (article, json) = row?;
            if let Ok(v) = serde_json::from_str(&json) {
                out.push((article, v));
            }
        }
        Ok(out)
    }

    /// The figures of one article, in order.
    pub fn figures(&self, article: &str) -> Result<Vec<Figure>> {
        let mut stmt = self.conn.prepare_cached("SELECT figure FROM figures WHERE article = ?1 ORDER BY n")?;
        let figures = readable(stmt.query_map([article], |r| r.get::<_, String>(0))?);
        figures
    }
}

/// The values of rows of JSON. A row this version cannot read is skipped
/// rather than failing the whole report.
fn readable<T: serde::de::DeserializeOwned>(rows: impl Iterator<Item = rusqlite::Result<String>>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for json in rows {
        if let Ok(value) = serde_json::from_str(&json?) {
            out.push(value);
        }
    }
    Ok(out)
}
