//! `vigie articles`, `vigie show`, `vigie search`: reading the store.

use crate::output::{emit, or_dash, truncate, Table};
use crate::FormatArgs;
use anyhow::{bail, Context};
use std::path::Path;
use std::process::ExitCode;
use vigie_store::{ArticleSummary, Store};

fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        bail!("no database at {} (run `vigie ingest` first, or pass --db)", db.display());
    }
    Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))
}

pub fn summary_table(rows: &[ArticleSummary]) -> Table {
    let mut t = Table::new(vec!["id", "outlet", "lang", "published", "chars", "duplicate of", "title"]);
    for a in rows {
        t.row(vec![
            a.id.clone(),
            or_dash(a.outlet.as_deref()),
            or_dash(a.lang.as_deref()),
            or_dash(a.published.as_deref()),
            a.chars.to_string(),
            or_dash(a.duplicate_of.as_deref()),
            truncate(a.title.as_deref().unwrap_or("-"), 60),
        ]);
    }
    t
}

pub fn list(db: &Path, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let rows = open(db)?.articles()?;
    emit(format, &rows, summary_table)?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(db: &Path, id: &str, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let Some(article) = open(db)?.article(id)? else {
        bail!("no article with id {id:?} in {}", db.display());
    };
    if format.json {
        println!("{}", serde_json::to_string_pretty(&article)?);
        return Ok(ExitCode::SUCCESS);
    }
    if format.jsonl {
        println!("{}", serde_json::to_string(&article)?);
        return Ok(ExitCode::SUCCESS);
    }
    let s = &article.summary;
    println!("id          {}", s.id);
    println!("origin      {}", article.origin);
    println!("url         {}", or_dash(article.url.as_deref()));
    println!("outlet      {}", or_dash(s.outlet.as_deref()));
    println!("language    {}", or_dash(s.lang.as_deref()));
    match &s.published {
        Some(p) => println!(
            "published   {p} ({} precision, from {})",
            or_dash(article.published_precision.as_deref()),
            or_dash(article.published_origin.as_deref())
        ),
        None => println!("published   unknown"),
    }
    println!("title       {}", or_dash(s.title.as_deref()));
    if let Some(of) = &s.duplicate_of {
        println!("copy of     {of} (similarity {:.2})", article.similarity.unwrap_or(0.0));
    }
    println!("\n{}\n", article.text);
    if article.removed.is_empty() {
        println!("cleaning removed nothing");
    } else {
        println!("cleaning removed:");
        for r in &article.removed {
            let label = if r.detail.is_empty() { format!("{:?}", r.kind).to_lowercase() } else { format!("boilerplate/{}", r.detail) };
            println!("  {label:<22} {}", truncate(article.original.get(r.start..r.end).unwrap_or(""), 90));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(db: &Path, query: &str, limit: usize, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let hits = open(db)?.search(query, limit)?;
    emit(format, &hits, |hits| {
        let mut t = Table::new(vec!["id", "title", "match"]);
        for h in hits {
            t.row(vec![h.id.clone(), truncate(h.title.as_deref().unwrap_or("-"), 40), h.snippet.replace('\n', " ")]);
        }
        t
    })?;
    Ok(ExitCode::SUCCESS)
}
