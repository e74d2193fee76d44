//! `vigie ingest`: inputs through reading and cleaning into the store, by the
//! pipeline `vigie-pipeline` shares with the HTTP API.

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::ffi::OsStr;
use std::path::Path;
use std::process::ExitCode;
use vigie_ingest::{plan, ReadOptions};
use vigie_pipeline::{Ingested, Notice, Options};
use vigie_store::Store;

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

/// Stores every article of `inputs` with its figures and entities and assigns
/// it to a story, reporting each failure as one `error: INPUT: reason` line.
pub fn ingest<S: AsRef<OsStr>>(store: &mut Store, inputs: &[S], options: Options, what: &str) -> anyhow::Result<Ingested> {
    let (sources, plan_errors) = plan(inputs);
    let bar = progress(sources.iter().map(|s| s.units()).sum(), what);
    for e in &plan_errors {
        bar.suspend(|| eprintln!("error: {e}"));
    }
    let extractor = vigie_extract::Extractor::new();
    let mut done = vigie_pipeline::ingest(store, &sources, &extractor, &options, &mut |notice| match notice {
        Notice::Step => bar.inc(1),
        Notice::Failed(e) => bar.suspend(|| eprintln!("error: {e}")),
        Notice::Warning(e) => bar.suspend(|| eprintln!("warning: {e}")),
    })
    .context("cannot store the articles")?;
    bar.finish_and_clear();
    done.failed += plan_errors.len();
    Ok(done)
}

pub fn run(inputs: &[std::ffi::OsString], db: &Path, fetch_links: bool, max_mb: f64) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))?;
    let read = ReadOptions { max_bytes: (max_mb * 1_048_576.0) as u64, fetch_links };
    let summary = ingest(&mut store, inputs, Options { read, ..Default::default() }, "ingesting")?;
    eprintln!("{summary}");
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
