//! `vigie ingest`: inputs through reading and cleaning into the store.

use super::pipeline::each_article;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;
use std::process::ExitCode;
use vigie_ingest::{InputError, ReadOptions};
use vigie_serve::assign::Assigner;
use vigie_store::{Added, Store};

/// What one ingest run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Articles stored (near-duplicates included).
    pub ingested: usize,
    /// Of the stored, those linked to an earlier original.
    pub near_duplicates: usize,
    /// Exact copies of stored articles: nothing added.
    pub duplicates: usize,
    pub failed: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ingested {} ({} near-duplicates), duplicates {}, failed {}",
            self.ingested, self.near_duplicates, self.duplicates, self.failed
        )
    }
}

/// A progress bar on a terminal; nothing when stderr is piped.
pub fn progress(len: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} ({per_sec}, {eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// Reads, cleans and stores every input, reporting each failure as one line on stderr.
/// Stores every article of `inputs`, extracts its figures and assigns it to a story.
pub fn ingest(store: &mut Store, inputs: &[String], options: ReadOptions) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    let mut assigner = Assigner::new();
    summary.failed = each_article(inputs, options, "ingesting", &mut |article| {
        let added = store.add(&article).map_err(|e| InputError::new(&article.origin, e))?;
        match &added {
            Added::New { duplicate_of, .. } => {
                summary.ingested += 1;
                summary.near_duplicates += duplicate_of.is_some() as usize;
            }
            Added::Exists { .. } => summary.duplicates += 1,
        }
        assigner.add(store, &article, &added)
    });
    assigner.finish(store).context("cannot assign stories")?;
    Ok(summary)
}

pub fn run(inputs: &[String], db: &Path, fetch_links: bool, max_mb: f64) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))?;
    let options = ReadOptions { max_bytes: (max_mb * 1_048_576.0) as u64, fetch_links };
    let summary = ingest(&mut store, inputs, options)?;
    eprintln!("{summary}");
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
