//! `vigie extract` and `vigie entities`: what each input article says,
//! straight from the inputs (no database needed; with `--db` the articles
//! are stored too).

use super::pipeline::each_article;
use crate::output::{emit, or_dash, truncate, Table};
use crate::FormatArgs;
use anyhow::Context;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use vigie_extract::entities::ArticleEntity;
use vigie_extract::explain::Why;
use vigie_extract::Extractor;
use vigie_ingest::{InputError, ReadOptions};
use vigie_model::{Article, Figure};
use vigie_store::Store;

/// Runs `step` on every article, storing it first when a database is given. A fault while
/// reading one article is that article's error: the rest of the batch goes on.
fn over_articles(inputs: &[std::ffi::OsString], db: Option<&Path>, what: &str, mut step: impl FnMut(&Article)) -> anyhow::Result<usize> {
    let mut store = match db {
        Some(path) => Some(Store::open(path).with_context(|| format!("cannot open the database {}", path.display()))?),
        None => None,
    };
    Ok(each_article(inputs, ReadOptions::default(), what, &mut |article| {
        if let Some(store) = store.as_mut() {
            store.add(&article).map_err(|e| InputError::new(&article.origin, e))?;
        }
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(&article)))
            .map_err(|_| InputError::new(&article.origin, "internal error while reading this article (please report it); skipped"))
    }))
}

fn exit(failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A figure and why it was read so, for `vigie extract --explain`.
#[derive(Serialize)]
struct Explained {
    #[serde(flatten)]
    figure: Figure,
    why: Why,
}

pub fn figures(inputs: &[std::ffi::OsString], db: Option<&Path>, format: FormatArgs, explain: bool) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new();
    if explain {
        let mut rows: Vec<Explained> = Vec::new();
        let failed = over_articles(inputs, db, "extracting", |article| {
            rows.extend(extractor.explain(article).into_iter().map(|(figure, why)| Explained { figure, why }));
        })?;
        emit(format, &rows, |rows| {
            let mut t = Table::new(vec!["article", "figure", "why"]);
            for r in rows {
                let f = &r.figure;
                let figure = format!("{} {} {} {}", f.metric, f.value, f.qualifier, f.group);
                t.row(vec![f.article.clone(), figure, format!("rule: {}", r.why.rule)]);
                let mut more =
                    vec![format!("sentence: {}", truncate(&r.why.sentence.replace('\n', " "), 100)), format!("source: {}", r.why.source)];
                more.extend(r.why.speeches.iter().map(|s| format!("  speech: {s}")));
                more.push(format!("as of: {}", r.why.as_of));
                more.extend(r.why.dates.iter().map(|d| format!("  date: {d}")));
                for line in more {
                    t.row(vec![String::new(), String::new(), line]);
                }
            }
            t
        })?;
        return Ok(exit(failed));
    }
    let mut figures: Vec<Figure> = Vec::new();
    let failed = over_articles(inputs, db, "extracting", |article| figures.extend(extractor.figures(article)))?;
    emit(format, &figures, |rows| {
        let mut t = Table::new(vec!["article", "metric", "value", "qualifier", "group", "source", "as of", "quote"]);
        for f in rows {
            let value = match f.high {
                Some(high) => format!("{}-{high}", f.value),
                None => f.value.to_string(),
            };
            t.row(vec![
                f.article.clone(),
                f.metric.to_string(),
                value,
                f.qualifier.to_string(),
                f.group.to_string(),
                or_dash(f.source.as_deref()),
                f.as_of.map_or("-".into(), |d| d.to_string()),
                truncate(&f.quote.replace('\n', " "), 60),
            ]);
        }
        t
    })?;
    Ok(exit(failed))
}

/// One article's entities, for `vigie entities`.
#[derive(Serialize)]
struct Entities {
    article: String,
    lang: Option<String>,
    entities: Vec<ArticleEntity>,
}

pub fn entities(inputs: &[std::ffi::OsString], db: Option<&Path>, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new();
    let mut rows: Vec<Entities> = Vec::new();
    let failed = over_articles(inputs, db, "finding entities", |article| {
        rows.push(Entities { article: article.id.clone(), lang: article.lang.clone(), entities: extractor.entities(article) });
    })?;
    emit(format, &rows, |rows| {
        let mut t = Table::new(vec!["article", "entity", "type", "mentions", "where", "seen as"]);
        for r in rows {
            for e in &r.entities {
                let place = e.place.as_ref().map_or("-".to_string(), |p| format!("{} {:.3},{:.3}", p.country, p.lat, p.lon));
                t.row(vec![
                    r.article.clone(),
                    e.canonical.clone(),
                    e.kind.to_string(),
                    e.mentions.to_string(),
                    place,
                    truncate(&e.aliases_seen.join(" | "), 50),
                ]);
            }
        }
        t
    })?;
    Ok(exit(failed))
}
