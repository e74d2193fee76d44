//! `vigie bench`: throughput of read + clean + language + fingerprint, of
//! the same plus extraction (figures and entities), of the same plus
//! grouping into stories, and optionally of storing with duplicate
//! detection, in articles per second, with peak memory. Memory is sampled as
//! the run goes to show it stays flat. `--stream N` measures grouping alone
//! on a synthetic stream (see `bench_stream.rs`).

use super::ingest::ingest;
use crate::output::{emit, Table};
use crate::FormatArgs;
use anyhow::bail;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Instant;
use vigie_ingest::{plan, Cleaner, Event, ReadOptions, Reader};
use vigie_store::Store;

const DEFAULT_CORPUS: &str = "../shared/bench-corpus/reuters21578/articles.jsonl";

#[derive(Serialize)]
struct Measure {
    stage: &'static str,
    articles: usize,
    megabytes: f64,
    seconds: f64,
    articles_per_second: f64,
    /// Resident memory at 25%, 50%, 75% and 100% of the run, in MiB.
    rss_mib_quarters: Vec<f64>,
    peak_rss_mib: f64,
}

/// A field of /proc/self/status in MiB (Linux); 0 elsewhere.
fn proc_status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Reads and cleans every article of `sources` again and runs `work` on each, timed.
fn timed_pass(
    sources: &[vigie_ingest::Source],
    cleaner: &Cleaner,
    bytes: usize,
    stage: &'static str,
    mut work: impl FnMut(&vigie_model::Article),
) -> Measure {
    let mut reader = Reader::new(ReadOptions::default());
    let mut articles = 0;
    let start = Instant::now();
    for source in sources {
        reader.read(source, &mut |event| {
            if let Event::Document(doc) = event {
                if let Ok(a) = cleaner.clean(*doc) {
                    work(&a);
                    articles += 1;
                }
            }
        });
    }
    let seconds = start.elapsed().as_secs_f64();
    Measure {
        stage,
        articles,
        megabytes: bytes as f64 / 1e6,
        seconds,
        articles_per_second: articles as f64 / seconds,
        rss_mib_quarters: vec![proc_status_mib("VmRSS:")],
        peak_rss_mib: proc_status_mib("VmHWM:"),
    }
}

/// `vigie bench --http N`: the API under load over a database of N synthetic articles.
pub fn http(n: usize, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let (_, loads) = super::bench_http::run(n)?;
    #[derive(Serialize)]
    struct Row {
        path: String,
        requests: usize,
        failed: usize,
        requests_per_second: f64,
        p50_ms: f64,
        p99_ms: f64,
    }
    let rows: Vec<Row> = loads
        .into_iter()
        .map(|l| Row {
            path: l.path,
            requests: l.requests,
            failed: l.failed,
            requests_per_second: l.per_second,
            p50_ms: l.p50_ms,
            p99_ms: l.p99_ms,
        })
        .collect();
    emit(format, &rows, |rows| {
        let mut t = Table::new(vec!["endpoint", "requests", "failed", "requests/s", "p50 ms", "p99 ms"]);
        for r in rows {
            t.row(vec![
                r.path.clone(),
                r.requests.to_string(),
                r.failed.to_string(),
                format!("{:.0}", r.requests_per_second),
                format!("{:.1}", r.p50_ms),
                format!("{:.1}", r.p99_ms),
            ]);
        }
        t
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `vigie bench --stream N`: only the synthetic grouping stream.
fn stream(n: usize, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let mut quarters = Vec::new();
    let m = super::bench_stream::run(n, |done| {
        if done % (n / 4).max(10_000) == 0 {
            quarters.push(proc_status_mib("VmRSS:"));
        }
    });
    eprintln!("stream: {} events became {} stories; {} stories open at the end", m.events, m.stories, m.open_stories_at_end);
    let measures = [Measure {
        stage: "synthetic stream: entities+profile+group",
        articles: m.articles,
        megabytes: 0.0,
        seconds: m.seconds,
        articles_per_second: m.articles as f64 / m.seconds,
        rss_mib_quarters: quarters,
        peak_rss_mib: proc_status_mib("VmHWM:"),
    }];
    emit_measures(format, &measures)?;
    Ok(ExitCode::SUCCESS)
}

/// `vigie bench --ingest N`: N synthetic articles (a JSON Lines file of our
/// templates) through `vigie ingest`'s pipeline into a fresh database; memory
/// and the stories already assigned (seen by a second connection) at each quarter.
pub fn ingest_stream(n: usize, format: FormatArgs) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let dir = tempfile::tempdir()?;
    let manifest = dir.path().join("synthetic.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&manifest)?);
    let mut bytes = 0;
    for a in super::bench_stream::Stream::new().take(n) {
        let line = serde_json::json!({ "id": a.id, "lang": a.lang, "published": a.day.to_string(), "text": a.text }).to_string();
        bytes += line.len() + 1;
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    drop(out);
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db)?;
    let (sources, _) = vigie_ingest::plan(&[&manifest]);
    let extractor = vigie_extract::Extractor::new();
    let quarter = (n / 4).max(1);
    let (mut seen, mut quarters) = (0usize, Vec::new());
    let start = Instant::now();
    let done = vigie_pipeline::ingest(&mut store, &sources, &extractor, &vigie_pipeline::Options::default(), &mut |notice| {
        if let vigie_pipeline::Notice::Step = notice {
            seen += 1;
            if seen.is_multiple_of(quarter) {
                let stories = Store::open(&db).and_then(|s| s.story_count()).unwrap_or(0);
                let rss = proc_status_mib("VmRSS:");
                eprintln!(
                    "ingest: {seen} articles read, {stories} stories committed, RSS {rss:.0} MiB, {:.0} s",
                    start.elapsed().as_secs_f64()
                );
                quarters.push(rss);
            }
        }
    })?;
    let seconds = start.elapsed().as_secs_f64();
    eprintln!("ingest: {done}");
    let measures = [Measure {
        stage: "synthetic ingest: read+clean+extract+store+stories",
        articles: done.ingested + done.duplicates,
        megabytes: bytes as f64 / 1e6,
        seconds,
        articles_per_second: (done.ingested + done.duplicates) as f64 / seconds,
        rss_mib_quarters: quarters,
        peak_rss_mib: proc_status_mib("VmHWM:"),
    }];
    emit_measures(format, &measures)?;
    Ok(ExitCode::SUCCESS)
}

pub fn run(inputs: &[String], with_store: bool, stream_articles: Option<usize>, format: FormatArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = stream_articles {
        return stream(n, format);
    }
    let inputs = if inputs.is_empty() { vec![DEFAULT_CORPUS.to_string()] } else { inputs.to_vec() };
    let (sources, errors) = plan(&inputs);
    if let Some(e) = errors.first() {
        bail!("{e}");
    }
    let total: usize = sources.iter().map(|s| s.units()).sum();
    let quarter = |n: usize| total.max(4) / 4 * n;
    let cleaner = Cleaner::new();
    let mut reader = Reader::new(ReadOptions::default());
    let (mut articles, mut bytes, mut failed) = (0usize, 0usize, 0usize);
    let mut quarters = Vec::new();
    let start = Instant::now();
    for source in &sources {
        reader.read(source, &mut |event| {
            match event {
                Event::Document(doc) => match cleaner.clean(*doc) {
                    Ok(a) => {
                        articles += 1;
                        bytes += a.original.len();
                    }
                    Err(_) => failed += 1,
                },
                Event::Failed(_) => failed += 1,
                Event::Warning(_) => {}
            }
            if (articles + failed) == quarter(quarters.len() + 1) {
                quarters.push(proc_status_mib("VmRSS:"));
            }
        });
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut measures = vec![Measure {
        stage: "read+clean+lang+fingerprint",
        articles,
        megabytes: bytes as f64 / 1e6,
        seconds,
        articles_per_second: articles as f64 / seconds,
        rss_mib_quarters: quarters,
        peak_rss_mib: proc_status_mib("VmHWM:"),
    }];
    // Extraction on top: figures (with sources and dates) and entities.
    let extractor = vigie_extract::Extractor::new();
    let mut figures = 0;
    measures.push(timed_pass(&sources, &cleaner, bytes, "…+extract (figures, entities)", |a| {
        figures += extractor.figures(a).len();
        extractor.entities(a);
    }));
    eprintln!("extract: {figures} figures");
    // Grouping on top of cleaning: entities, profile, online assignment to a story.
    let profiler = vigie_stories::Profiler::new();
    let mut grouper = vigie_stories::Grouper::new(vigie_stories::Config::default());
    let mut stories = 0;
    measures.push(timed_pass(&sources, &cleaner, bytes, "…+group into stories", |a| {
        let profile = profiler.profile(a, &extractor.story_entities(a));
        stories += (grouper.assign(&profile, false) == a.id) as usize;
    }));
    eprintln!("stories: {stories}");
    if with_store {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(dir.path().join("bench.db"))?;
        let start = Instant::now();
        let summary = ingest(&mut store, &inputs, vigie_pipeline::Options::default(), "storing")?;
        let seconds = start.elapsed().as_secs_f64();
        measures.push(Measure {
            stage: "…+store+dedup (SQLite, FTS5)",
            articles: summary.ingested + summary.duplicates,
            megabytes: bytes as f64 / 1e6,
            seconds,
            articles_per_second: (summary.ingested + summary.duplicates) as f64 / seconds,
            rss_mib_quarters: vec![proc_status_mib("VmRSS:")],
            peak_rss_mib: proc_status_mib("VmHWM:"),
        });
        eprintln!("store: {summary}");
    }
    if failed > 0 {
        eprintln!("{failed} inputs failed");
    }
    emit_measures(format, &measures)?;
    Ok(ExitCode::SUCCESS)
}

fn emit_measures(format: FormatArgs, measures: &[Measure]) -> std::io::Result<()> {
    emit(format, measures, |rows| {
        let mut t = Table::new(vec!["stage", "articles", "MB", "seconds", "articles/s", "RSS MiB by quarter", "peak MiB"]);
        for m in rows {
            t.row(vec![
                m.stage.to_string(),
                m.articles.to_string(),
                format!("{:.1}", m.megabytes),
                format!("{:.2}", m.seconds),
                format!("{:.0}", m.articles_per_second),
                m.rss_mib_quarters.iter().map(|r| format!("{r:.0}")).collect::<Vec<_>>().join(" "),
                format!("{:.0}", m.peak_rss_mib),
            ]);
        }
        t
    })
}
