//! `vigie demo`: the bundled sample corpus (written for Vigie, in French,
//! English and Spanish, several formats, with boilerplate and copies),
//! ingested into a fresh database, listed, and its figures extracted.

use super::articles::summary_table;
use super::ingest::ingest;
use super::pipeline::each_article;
use crate::output::{truncate, Table};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use vigie_ingest::ReadOptions;
use vigie_store::Store;

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

pub fn run(db: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    for (rel, bytes) in DEMO_FILES {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, bytes)?;
    }
    let db = db.unwrap_or_else(|| dir.path().join("demo.db"));
    let mut store = Store::open(&db).with_context(|| format!("cannot open the database {}", db.display()))?;
    let inputs: Vec<String> = ["manifest.jsonl", "feeds"].iter().map(|p| dir.path().join(p).display().to_string()).collect();
    println!("Ingesting the bundled sample ({} files) into {}\n", DEMO_FILES.len(), db.display());
    let summary = ingest(&mut store, &inputs, vigie_pipeline::Options::default(), "ingesting")?;
    println!("{summary}\n");
    let articles = store.articles()?;
    summary_table(&articles).write(&mut std::io::stdout().lock())?;
    let copies: Vec<_> = articles.iter().filter(|a| a.duplicate_of.is_some()).collect();
    if !copies.is_empty() {
        println!("\nNear-duplicates (stored, counted as one report with their original):");
        for a in copies {
            println!("  {} is a copy of {}", a.id, a.duplicate_of.as_deref().unwrap_or("?"));
        }
    }
    // What the articles say: every figure, with who gave it and for which day.
    let extractor = vigie_extract::Extractor::new();
    let mut figures = Vec::new();
    each_article(&inputs, ReadOptions::default(), "extracting", &mut |article| {
        figures.extend(extractor.figures(&article));
        Ok(())
    });
    println!("\nFigures found ({}), totals only:", figures.len());
    let mut table = Table::new(vec!["article", "metric", "value", "qualifier", "source", "as of", "quote"]);
    for f in figures.iter().filter(|f| f.group == vigie_model::Group::Total && f.note.is_none()) {
        table.row(vec![
            f.article.clone(),
            f.metric.to_string(),
            f.value.to_string(),
            f.qualifier.to_string(),
            f.source.clone().unwrap_or_else(|| "-".into()),
            f.as_of.map_or("-".into(), |d| d.to_string()),
            truncate(&f.quote.replace('\n', " "), 50),
        ]);
    }
    table.write(&mut std::io::stdout().lock())?;
    // The stories ingest assigned, and the headline killed toll of each.
    println!("\nStories (keep the database with `vigie demo --db demo.db`, then `vigie story ID --db demo.db` for a report):");
    let mut table = Table::new(vec!["story", "articles", "languages", "from", "to", "killed: latest (low-high)", "title"]);
    for story in store.stories()? {
        let report = super::stories::report(&store, &story.id)?;
        let killed =
            report.reconciled.estimates.iter().find(|e| e.metric == vigie_model::Metric::Killed && e.group == vigie_model::Group::Total);
        table.row(vec![
            story.id.clone(),
            story.articles.to_string(),
            story.languages.join(","),
            story.first.clone().unwrap_or_else(|| "-".into()),
            story.last.clone().unwrap_or_else(|| "-".into()),
            killed.map_or("-".into(), |e| format!("{} ({}-{})", e.latest.value, e.low.value, e.high.value)),
            truncate(story.title.as_deref().unwrap_or(""), 50),
        ]);
    }
    table.write(&mut std::io::stdout().lock())?;
    println!("\nTo browse them: `vigie demo --db demo.db`, then `vigie serve --db demo.db` and open http://127.0.0.1:8080/");
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
