//! `vigie extract`: the figures of every input article, straight from the
//! inputs (no database needed; with `--db` the articles are stored too).

use super::ingest::progress;
use crate::output::{emit, or_dash, truncate, Table};
use crate::FormatArgs;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;
use vigie_extract::Extractor;
use vigie_ingest::{plan, Cleaner, Event, ReadOptions, Reader};
use vigie_model::Figure;
use vigie_store::Store;

pub fn run(inputs: &[String], db: Option<&Path>, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let mut store = match db {
        Some(path) => Some(Store::open(path).with_context(|| format!("cannot open the database {}", path.display()))?),
        None => None,
    };
    let (sources, errors) = plan(inputs);
    let mut failed = errors.len();
    for e in &errors {
        eprintln!("error: {e}");
    }
    let bar = progress(sources.iter().map(|s| s.units()).sum(), "extracting");
    let (cleaner, extractor) = (Cleaner::new(), Extractor::new());
    let mut reader = Reader::new(ReadOptions::default());
    let mut figures: Vec<Figure> = Vec::new();
    for source in &sources {
        reader.read(source, &mut |event| {
            bar.inc(1);
            let article = match event {
                Event::Document(doc) => cleaner.clean(*doc),
                Event::Failed(e) => Err(e),
            };
            match article {
                Ok(article) => {
                    figures.extend(extractor.figures(&article));
                    if let Some(store) = store.as_mut() {
                        if let Err(e) = store.add(&article) {
                            failed += 1;
                            bar.suspend(|| eprintln!("error: {}: {e}", article.origin));
                        }
                    }
                }
                Err(e) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("error: {e}"));
                }
            }
        });
    }
    bar.finish_and_clear();
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
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
