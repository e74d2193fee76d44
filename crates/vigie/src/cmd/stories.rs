//! Stories: `vigie stories` (group inputs, or list the stored stories),
//! `vigie story ID` (the reconciled report) and `vigie timeline ID`.
//! Both store and assign through the pipeline `vigie ingest` uses (`vigie-pipeline`).

use crate::output::{emit, or_dash, truncate, Table};
use crate::FormatArgs;
use anyhow::Context;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use vigie_extract::Extractor;
use vigie_pipeline::{Named, ReportError, StoryReport};
use vigie_store::{Store, StorySummary};
use vigie_stories::reconcile::Change;

/// One line of `vigie stories INPUT... --jsonl`.
#[derive(Serialize)]
struct Membership {
    article: String,
    story: String,
}

fn open(db: Option<&Path>) -> anyhow::Result<Store> {
    match db {
        Some(path) => Store::open(path).with_context(|| format!("cannot open the database {}", path.display())),
        None => Store::open_in_memory().context("cannot open an in-memory database"),
    }
}

/// `vigie stories INPUT...`: groups the inputs (in memory unless `--db`) and prints each article's story.
pub fn group(inputs: &[std::ffi::OsString], db: Option<&Path>, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    let options = vigie_pipeline::Options { keep_assignments: true, ..Default::default() };
    let done = super::ingest::ingest(&mut store, inputs, options, "grouping")?;
    let (failed, pairs) = (done.failed, done.assignments);
    if format.jsonl || format.json {
        let rows: Vec<Membership> = pairs.into_iter().map(|(article, story)| Membership { article, story }).collect();
        emit(format, &rows, |_| unreachable!("machine formats only"))?;
    } else {
        list_stories(&store.stories()?, format)?;
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn list_stories(stories: &[StorySummary], format: FormatArgs) -> anyhow::Result<()> {
    emit(format, stories, |rows| {
        let mut t = Table::new(vec!["story", "articles", "languages", "from", "to", "title"]);
        for s in rows {
            t.row(vec![
                s.id.clone(),
                s.articles.to_string(),
                s.languages.join(","),
                or_dash(s.first.as_deref()),
                or_dash(s.last.as_deref()),
                truncate(s.title.as_deref().unwrap_or(""), 60),
            ]);
        }
        t
    })?;
    Ok(())
}

/// `vigie stories --db F`: the stored stories.
pub fn list(db: &Path, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let store = open(Some(db))?;
    list_stories(&store.stories()?, format)?;
    Ok(ExitCode::SUCCESS)
}

/// The report of story `id`, for the command line.
pub fn report(store: &Store, id: &str) -> anyhow::Result<StoryReport> {
    vigie_pipeline::report(store, &Extractor::new(), id).map_err(|e| match e {
        ReportError::NoStory(_) => anyhow::anyhow!("{e} (see `vigie stories`)"),
        e => e.into(),
    })
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("undated".into(), |d| d.to_string())
}

/// `vigie story ID`: the reconciled report, as a summary, JSON or Markdown.
pub fn show(db: &Path, id: &str, json: bool, markdown: bool) -> anyhow::Result<ExitCode> {
    let store = open(Some(db))?;
    let r = report(&store, id)?;
    if json {
        serde_json::to_writer_pretty(std::io::stdout().lock(), &r)?;
        println!();
        return Ok(ExitCode::SUCCESS);
    }
    let claims = &r.reconciled.claims;
    let heading = if markdown { "## " } else { "" };
    let mut out = String::new();
    macro_rules! println {
        () => { out.push('\n') };
        ($($arg:tt)*) => {{ use std::fmt::Write as _; writeln!(out, $($arg)*).expect("writing to a string") }};
    }
    println!("{}{}", if markdown { "# " } else { "" }, r.title.as_deref().unwrap_or(&r.id));
    println!();
    println!(
        "Story {} · {} articles · {} · {} to {}",
        r.id,
        r.articles.len(),
        r.languages.join(", "),
        or_dash(r.first.as_deref()),
        or_dash(r.last.as_deref())
    );
    let list = |named: &[Named]| named.iter().map(|n| format!("{} ({})", n.name, n.articles)).collect::<Vec<_>>().join(", ");
    println!("Places: {}", list(&r.places));
    println!("Actors: {}", list(&r.actors));
    println!();
    println!("{heading}Headline figures");
    for e in &r.reconciled.estimates {
        println!(
            "- {} {}: latest {} ({}), low {}, best {}, high {}",
            e.metric,
            e.group,
            e.latest.value,
            day(e.as_of),
            e.low.value,
            e.best.value,
            e.high.value
        );
        for (name, pick) in [("low", &e.low), ("best", &e.best), ("high", &e.high)] {
            let c = &claims[pick.claims[0]];
            println!("    {name}: {}; {} per {} on {}", pick.rule, c.value, c.source.as_deref().unwrap_or("the outlets"), day(c.as_of));
        }
    }
    println!();
    println!("{heading}Timeline");
    for d in &r.reconciled.timeline {
        for &i in &d.claims {
            let c = &claims[i];
            let report = &c.reports[0];
            println!(
                "- {} {} {}: {} {} ({}), {} report(s), {} independent; \"{}\" [{}]",
                day(d.day),
                d.metric,
                d.group,
                c.value,
                c.source.as_deref().unwrap_or("-"),
                c.change.map_or("-".to_string(), |ch| format!("{ch:?}").to_lowercase()),
                c.reports.len(),
                c.independent,
                truncate(&report.quote.replace('\n', " "), 80),
                report.outlet.as_deref().unwrap_or(&report.article),
            );
        }
    }
    let open: Vec<usize> = r.reconciled.conflicts.clone();
    if !open.is_empty() {
        println!();
        println!("{heading}Conflicts");
        for i in open {
            let c = &claims[i];
            println!(
                "- {} {} {} on {}: {} says {}",
                c.metric,
                c.group,
                c.value,
                day(c.as_of),
                c.source.as_deref().unwrap_or("an outlet"),
                c.value
            );
        }
    }
    let broken: Vec<_> = r.reconciled.breakdowns.iter().filter(|b| !b.consistent).collect();
    if !broken.is_empty() {
        println!();
        println!("{heading}Breakdowns that do not add up");
        for b in broken {
            println!("- {}: parts sum to {}, total {}", b.article, b.sum, claims[b.total].value);
        }
    }
    crate::output::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One row of `vigie timeline`.
#[derive(Serialize)]
struct TimelineRow {
    day: Option<chrono::NaiveDate>,
    metric: String,
    group: String,
    value: u64,
    qualifier: String,
    source: Option<String>,
    change: Option<Change>,
    reports: usize,
    independent: usize,
    articles: Vec<String>,
}

/// `vigie timeline ID`: per metric and group, one row per claim, day by day.
pub fn timeline(db: &Path, id: &str, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let store = open(Some(db))?;
    let r = report(&store, id)?;
    let claims = &r.reconciled.claims;
    let rows: Vec<TimelineRow> = r
        .reconciled
        .timeline
        .iter()
        .flat_map(|d| d.claims.iter().map(move |&i| (d, &claims[i])))
        .map(|(d, c)| TimelineRow {
            day: d.day,
            metric: c.metric.to_string(),
            group: c.group.to_string(),
            value: c.value,
            qualifier: c.qualifier.to_string(),
            source: c.source.clone(),
            change: c.change,
            reports: c.reports.len(),
            independent: c.independent,
            articles: c.reports.iter().map(|r| r.article.clone()).collect(),
        })
        .collect();
    emit(format, &rows, |rows| {
        let mut t = Table::new(vec!["day", "metric", "group", "value", "qualifier", "source", "change", "reports"]);
        for r in rows {
            t.row(vec![
                day(r.day),
                r.metric.clone(),
                r.group.clone(),
                r.value.to_string(),
                r.qualifier.clone(),
                or_dash(r.source.as_deref()),
                r.change.map_or("-".to_string(), |c| format!("{c:?}").to_lowercase()),
                format!("{} ({} independent)", r.reports, r.independent),
            ]);
        }
        t
    })?;
    Ok(ExitCode::SUCCESS)
}
