//! The loop every command that reads inputs shares: plan the inputs, read
//! and clean each document, hand each article on, and report every failure
//! as one `error: INPUT: reason` line without stopping.

use super::ingest::progress;
use vigie_ingest::{plan, Cleaner, InputError, ReadOptions, Reader};
use vigie_model::Article;

/// What the caller does with an article; an `Err` is reported like a bad input.
pub type Step<'a> = dyn FnMut(Article) -> Result<(), InputError> + 'a;

/// Reads, cleans and hands on every article of `inputs`; returns how many inputs failed.
pub fn each_article<S: AsRef<std::ffi::OsStr>>(inputs: &[S], options: ReadOptions, what: &str, step: &mut Step) -> usize {
    let (sources, plan_errors) = plan(inputs);
    let bar = progress(sources.iter().map(|s| s.units()).sum(), what);
    let mut failed = 0;
    let mut fail = |e: &InputError| {
        failed += 1;
        bar.suspend(|| eprintln!("error: {e}"));
    };
    for e in &plan_errors {
        fail(e);
    }
    let cleaner = Cleaner::new();
    let mut reader = Reader::new(options);
    for source in &sources {
        reader.read(source, &mut |event| {
            bar.inc(1);
            let result = match event {
                vigie_ingest::Event::Document(doc) => cleaner.clean(*doc).and_then(&mut *step),
                vigie_ingest::Event::Failed(e) => Err(e),
                vigie_ingest::Event::Warning(e) => {
                    bar.suspend(|| eprintln!("warning: {e}"));
                    Ok(())
                }
            };
            if let Err(e) = result {
                fail(&e);
            }
        });
    }
    bar.finish_and_clear();
    failed
}
