//! Writing and reading articles.

use crate::{Result, Store, StoreError, NEAR_DUPLICATE_SIMILARITY};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use vigie_ingest::fingerprint::{bands, similarity, url_key};
use vigie_model::{Article, Figure, OffsetMap, PublishedDate, Removal};

/// Why an article added nothing: an exact copy of a stored one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SameAs {
    Url,
    Text,
}

/// The outcome of [`Store::add`].
#[derive(Debug, Clone, PartialEq)]
pub enum Added {
    /// Stored; `duplicate_of` names the original when it is a near-copy.
    New { id: String, duplicate_of: Option<(String, f64)> },
    /// Not stored: the same article is already there under `id`.
    Exists { id: String, same: SameAs },
}

/// One line of `vigie articles`.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub outlet: Option<String>,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub chars: usize,
    pub duplicate_of: Option<String>,
}

/// Everything stored about one article.
#[derive(Debug, Clone, Serialize)]
pub struct StoredArticle {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub origin: String,
    pub url: Option<String>,
    pub published_precision: Option<String>,
    pub published_origin: Option<String>,
    pub similarity: Option<f64>,
    pub text: String,
    pub original: String,
    #[serde(skip)]
    pub offsets: OffsetMap,
    pub removed: Vec<Removal>,
}

impl StoredArticle {
    /// The article as it was stored, for extracting again what was derived from it
    /// (fingerprints are not kept here: they only serve duplicate detection at insert).
    pub fn to_article(&self) -> Article {
        let published = self.summary.published.as_deref().and_then(|p| {
            let day = match p.len() {
                4 => format!("{p}-01-01"),
                7 => format!("{p}-01"),
                _ => p.to_string(),
            };
            Some(PublishedDate {
                date: day.parse().ok()?,
                precision: self.published_precision.as_deref()?.parse().ok()?,
                origin: self.published_origin.as_deref()?.parse().ok()?,
            })
        });
        Article {
            id: self.summary.id.clone(),
            origin: self.origin.clone(),
            url: self.url.clone(),
            outlet: self.summary.outlet.clone(),
            title: self.summary.title.clone(),
            lang: self.summary.lang.clone(),
            published,
            original: self.original.clone(),
            text: self.text.clone(),
            offsets: self.offsets.clone(),
            removed: self.removed.clone(),
            text_hash: 0,
            minhash: Vec::new(),
        }
    }
}

/// A full-text search result.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    /// The matching passage, matches between `[` and `]`.
    pub snippet: String,
}

fn minhash_bytes(minhash: &[u32]) -> Vec<u8> {
    minhash.iter().flat_map(|h| h.to_le_bytes()).collect()
}

fn minhash_from(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect()
}

const SUMMARY_COLUMNS: &str = "a.id, a.outlet, a.lang, a.published, a.title, length(a.text), d.id";

fn summary(row: &Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        outlet: row.get(1)?,
        lang: row.get(2)?,
        published: row.get(3)?,
        title: row.get(4)?,
        chars: row.get::<_, i64>(5)? as usize,
        duplicate_of: row.get(6)?,
    })
}

/// What is derived from an article and stored with it, in the same savepoint:
/// a crash never leaves an article without them.
pub struct Derived<'a> {
    pub figures: &'a [Figure],
    pub entities: &'a serde_json::Value,
}

impl Store {
    /// Stores `article` unless it is already there; links near-copies to
    /// their original. The article is written whole or not at all (a
    /// savepoint); it becomes durable when its batch commits.
    pub fn add(&mut self, article: &Article) -> Result<Added> {
        self.add_with(article, None)
    }

    /// Writes what was derived from a stored article (figures and entities), replacing what was there.
    pub fn set_derived(&mut self, id: &str, derived: &Derived) -> Result<()> {
        self.begin_batch()?;
        self.set_figures(id, derived.figures)?;
        self.set_entities(id, derived.entities)?;
        self.commit_if_due()
    }

    /// [`add`](Self::add), with the figures and entities of a new article written in the same savepoint.
    pub fn add_with(&mut self, article: &Article, derived: Option<&Derived>) -> Result<Added> {
        self.begin_batch()?;
        self.conn.execute_batch("SAVEPOINT article")?;
        let written = self.insert(article).and_then(|added| {
            if let (Added::New { id, .. }, Some(derived)) = (&added, derived) {
                self.set_figures(id, derived.figures)?;
                self.set_entities(id, derived.entities)?;
            }
            Ok(added)
        });
        match written {
            Ok(added) => {
                self.conn.execute_batch("RELEASE article")?;
                if matches!(added, Added::New { .. }) {
                    self.batch_articles += 1;
                }
                self.commit_if_due()?;
                Ok(added)
            }
            Err(e) => {
                if self.conn.execute_batch("ROLLBACK TO article; RELEASE article").is_err() {
                    // SQLite already rolled the whole batch back (disk full, I/O error): it is gone.
                    self.batch_started = None;
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
                Err(e)
            }
        }
    }

    fn insert(&mut self, article: &Article) -> Result<Added> {
        let tx = &self.conn;
        let key = article.url.as_deref().map(url_key);
        if let Some(key) = &key {
            let same: Option<String> =
                tx.prepare_cached("SELECT id FROM articles WHERE url_key = ?1")?.query_row([key], |r| r.get(0)).optional()?;
            if let Some(id) = same {
                return Ok(Added::Exists { id, same: SameAs::Url });
            }
        }
        let same: Option<String> = tx
            .prepare_cached("SELECT id FROM articles WHERE text_hash = ?1")?
            .query_row([article.text_hash as i64], |r| r.get(0))
            .optional()?;
        if let Some(id) = same {
            return Ok(Added::Exists { id, same: SameAs::Text });
        }
        if tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?.query_row([&article.id], |_| Ok(())).optional()?.is_some() {
            return Err(StoreError::IdConflict(article.id.clone()));
        }
        let keys = bands(&article.minhash);
        let mut best: Option<(i64, f64)> = None;
        {
            let mut candidates = tx.prepare_cached(
                "SELECT DISTINCT a.rowid, coalesce(a.duplicate_of, a.rowid), a.minhash FROM lsh_bands b JOIN articles a ON a.rowid = b.article WHERE b.band_key = ?1 LIMIT 32",
            )?;
            for key in &keys {
                let rows = candidates.query_map([key], |r| Ok((r.get::<_, i64>(1)?, r.get::<_, Vec<u8>>(2)?)))?;
                for row in rows {
                    let (root, signature) = row?;
                    let sim = similarity(&article.minhash, &minhash_from(&signature));
                    if sim >= NEAR_DUPLICATE_SIMILARITY && best.is_none_or(|(_, s)| sim > s) {
                        best = Some((root, sim));
                    }
                }
            }
        }
        let published: Option<&PublishedDate> = article.published.as_ref();
        tx.prepare_cached(
            "INSERT INTO articles (id, origin, url, url_key, outlet, title, lang, published, published_precision, published_origin,
                original, text, offsets, removed, text_hash, minhash, duplicate_of, similarity, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, datetime('now'))",
        )?
        .execute(params![
            article.id,
            article.origin,
            article.url,
            key,
            article.outlet,
            article.title,
            article.lang,
            published.map(|p| p.to_string()),
            published.map(|p| p.precision.to_string()),
            published.map(|p| p.origin.to_string()),
            article.original,
            article.text,
            article.offsets.to_bytes(),
            serde_json::to_string(&article.removed).expect("removals serialise"),
            article.text_hash as i64,
            minhash_bytes(&article.minhash),
            best.map(|(root, _)| root),
            best.map(|(_, sim)| sim),
        ])?;
        let rowid = tx.last_insert_rowid();
        {
            let mut band = tx.prepare_cached("INSERT INTO lsh_bands (band_key, article) VALUES (?1, ?2)")?;
            for key in &keys {
                band.execute(params![key, rowid])?;
            }
        }
        let duplicate_of = match best {
            Some((root, sim)) => Some((tx.query_row("SELECT id FROM articles WHERE rowid = ?1", [root], |r| r.get(0))?, sim)),
            None => None,
        };
        Ok(Added::New { id: article.id.clone(), duplicate_of })
    }

    pub fn article_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// All articles, in the order they were stored.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of ORDER BY a.rowid");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], summary)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One article by id.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.origin, a.url, a.published_precision, a.published_origin, a.similarity, a.text, a.original, a.offsets, a.removed
             FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of WHERE a.id = ?1"
        );
        let found = self
            .conn
            .query_row(&sql, [id], |r| {
                let removed: String = r.get(15)?;
                Ok(StoredArticle {
                    summary: summary(r)?,
                    origin: r.get(7)?,
                    url: r.get(8)?,
                    published_precision: r.get(9)?,
                    published_origin: r.get(10)?,
                    similarity: r.get(11)?,
                    text: r.get(12)?,
                    original: r.get(13)?,
                    offsets: OffsetMap::from_bytes(&r.get::<_, Vec<u8>>(14)?).unwrap_or_default(),
                    removed: serde_json::from_str(&removed).unwrap_or_default(),
                })
            })
            .optional()?;
        Ok(found)
    }

    /// Full-text search over titles and texts, accent- and case-insensitive.
    /// Each word of `query` must appear; FTS5 syntax is not interpreted.
    /// Commits the open batch first, so the search sees every article added.
    pub fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.commit()?;
        let terms: Vec<String> = query.split_whitespace().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 16)
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts) LIMIT ?2",
        )?;
        let hits = stmt
            .query_map(params![terms.join(" "), limit as i64], |r| Ok(SearchHit { id: r.get(0)?, title: r.get(1)?, snippet: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_ingest::Cleaner;
    use vigie_model::Document;

    fn article(id: &str, url: Option<&str>, text: &str) -> Article {
        let doc = Document { id: id.into(), origin: id.into(), url: url.map(str::to_string), text: text.into(), ..Default::default() };
        Cleaner::new().clean(doc).unwrap()
    }

    const STORY: &str = "Les pluies torrentielles ont inondé plusieurs villages de la région mardi soir. Les secours recherchaient encore \
        mercredi des personnes disparues le long de la rivière. Au moins 37 personnes sont mortes, selon les services d'urgence régionaux, \
        et des centaines d'habitants ont passé la nuit dans des gymnases.";

    #[test]
    fn exact_copies_add_nothing_and_near_copies_are_linked() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(matches!(
            store.add(&article("a", Some("https://x.example/a?utm_source=rss"), STORY)).unwrap(),
            Added::New { duplicate_of: None, .. }
        ));
        assert_eq!(
            store.add(&article("a2", Some("https://www.x.example/a"), "autre texte")).unwrap(),
            Added::Exists { id: "a".into(), same: SameAs::Url }
        );
        assert_eq!(store.add(&article("a3", None, STORY)).unwrap(), Added::Exists { id: "a".into(), same: SameAs::Text });
        let copy = format!("Inondations : le bilan s'alourdit\n{STORY}\nLe texte est repris d'une dépêche.");
        match store.add(&article("b", None, &copy)).unwrap() {
            Added::New { duplicate_of: Some((of, sim)), .. } => assert!(of == "a" && sim >= NEAR_DUPLICATE_SIMILARITY),
            other => panic!("{other:?}"),
        }
        assert!(matches!(store.add(&article("b", None, "Un autre article sans rapport.")), Err(StoreError::IdConflict(_))));
        assert_eq!(store.article_count().unwrap(), 2);
        assert_eq!(store.articles().unwrap()[1].duplicate_of.as_deref(), Some("a"));
    }

    #[test]
    fn search_ignores_accents_and_case_and_survives_syntax() {
        let mut store = Store::open_in_memory().unwrap();
        store.add(&article("a", None, STORY)).unwrap();
        let hits = store.search("REGION secours", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.contains("[région]") || hits[0].snippet.contains("[secours]"), "{}", hits[0].snippet);
        assert!(store.search("\"unbalanced AND (", 10).unwrap().is_empty());
    }

    #[test]
    fn a_stored_article_round_trips() {
        let mut store = Store::open_in_memory().unwrap();
        let a = article("a", Some("https://x.example/2024/10/30/a"), STORY);
        store.add(&a).unwrap();
        let got = store.article("a").unwrap().unwrap();
        assert_eq!(got.text, a.text);
        assert_eq!(got.summary.published.as_deref(), Some("2024-10-30"));
        assert_eq!(got.offsets, a.offsets);
        assert!(store.article("missing").unwrap().is_none());
    }
}
