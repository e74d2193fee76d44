//! Stories: `vigie stories` (group inputs, or list the stored stories),
//! `vigie story ID` (the reconciled report) and `vigie timeline ID`.
//! `vigie ingest` assigns stories through the same [`Assigner`].

use super::pipeline::each_article;
use crate::output::{emit, or_dash, truncate, Table};
use crate::FormatArgs;
use anyhow::{bail, Context};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use vigie_extract::Extractor;
use vigie_ingest::{InputError, ReadOptions};
use vigie_model::{Article, Figure};
use vigie_store::{Added, Store, StorySummary};
use vigie_stories::reconcile::Change;
use vigie_stories::{group_more, reconcile, ArticleInfo, Config, Grouper, Profile, Profiler, Reconciled};

/// Extracts figures and profiles of new articles, then assigns their stories
/// after the stories already stored.
pub struct Assigner {
    extractor: Extractor,
    profiler: Profiler,
    pending: Vec<Profile>,
    /// For each pending profile, the stored article it stands for (itself, or the copy already stored).
    stored_as: Vec<String>,
}

impl Assigner {
    pub fn new() -> Self {
        Assigner { extractor: Extractor::new(), profiler: Profiler::new(), pending: Vec::new(), stored_as: Vec::new() }
    }

    /// Stores the figures of a newly added article and keeps its profile for [`finish`](Self::finish).
    pub fn add(&mut self, store: &mut Store, article: &Article, added: &Added) -> Result<(), InputError> {
        let fail = |e| InputError::new(&article.origin, e);
        let id = match added {
            Added::New { id, .. } => id,
            Added::Exists { id, .. } => id,
        };
        if let Added::New { .. } = added {
            store.set_figures(id, &self.extractor.figures(article)).map_err(fail)?;
        }
        let mut profile = self.profiler.profile(article, &self.extractor.entities(article));
        profile.article = article.id.clone();
        profile.duplicate_of = match added {
            Added::New { duplicate_of, .. } => duplicate_of.as_ref().map(|(d, _)| d.clone()),
            Added::Exists { id, .. } => Some(id.clone()),
        };
        self.pending.push(profile);
        self.stored_as.push(id.clone());
        Ok(())
    }

    /// Assigns every pending article to a story; returns (article, story) pairs in input order.
    pub fn finish(self, store: &mut Store) -> anyhow::Result<Vec<(String, String)>> {
        let mut grouper = Grouper::new(Config::default());
        // Resume: the stored stories take part, their articles re-profiled from the stored text.
        for story in store.stories()? {
            for a in store.story_articles(&story.id)? {
                let Some(stored) = store.article(&a.id)? else { continue };
                let day = a.published.as_deref().filter(|p| p.len() == 10).and_then(|p| p.parse().ok());
                let lang = a.lang.as_deref();
                let entities = lang.map(|l| self.extractor.entities_in(l, &stored.text)).unwrap_or_default();
                grouper.restore(&self.profiler.profile_text(&a.id, lang, day, &stored.text, &entities), &story.id);
            }
        }
        let stories = group_more(&mut grouper, &self.pending);
        let mut out = Vec::with_capacity(stories.len());
        for ((profile, stored), story) in self.pending.iter().zip(&self.stored_as).zip(stories) {
            // An article already stored keeps its story.
            if store.story_of(stored)?.is_none() {
                store.set_story(stored, &story)?;
            }
            out.push((profile.article.clone(), store.story_of(stored)?.unwrap_or(story)));
        }
        store.commit()?;
        Ok(out)
    }
}

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
pub fn group(inputs: &[String], db: Option<&Path>, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    let mut assigner = Assigner::new();
    let failed = each_article(inputs, ReadOptions::default(), "grouping", &mut |article| {
        let added = store.add(&article).map_err(|e| InputError::new(&article.origin, e))?;
        assigner.add(&mut store, &article, &added)
    });
    let pairs = assigner.finish(&mut store)?;
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

/// The full report of one story.
#[derive(Serialize)]
pub struct StoryReport {
    pub id: String,
    pub title: Option<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub languages: Vec<String>,
    /// Places named in the story, most articles first, with coordinates.
    pub places: Vec<Named>,
    /// Organisations, armed groups, people and named events, most articles first.
    pub actors: Vec<Named>,
    pub articles: Vec<vigie_store::StoryArticle>,
    #[serde(flatten)]
    pub reconciled: Reconciled,
}

/// An entity of a story and how many of its articles name it.
#[derive(Serialize)]
pub struct Named {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub articles: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<vigie_extract::entities::PlaceInfo>,
}

/// How many entities of each list a report keeps.
const REPORT_ENTITIES: usize = 12;

/// The places and actors of a story's articles, read again from the stored text.
fn named(store: &Store, articles: &[vigie_store::StoryArticle]) -> anyhow::Result<(Vec<Named>, Vec<Named>)> {
    let extractor = Extractor::new();
    let mut all: Vec<Named> = Vec::new();
    for a in articles {
        let (Some(lang), Some(stored)) = (a.lang.as_deref(), store.article(&a.id)?) else { continue };
        for e in extractor.entities_in(lang, &stored.text) {
            if e.kind == "unknown" {
                continue;
            }
            match all.iter_mut().find(|n| n.name == e.canonical) {
                Some(n) => n.articles += 1,
                None => all.push(Named { name: e.canonical, kind: e.kind, articles: 1, place: e.place }),
            }
        }
    }
    all.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.name.cmp(&b.name)));
    let (mut places, mut actors): (Vec<Named>, Vec<Named>) = all.into_iter().partition(|n| n.place.is_some());
    places.truncate(REPORT_ENTITIES);
    actors.truncate(REPORT_ENTITIES);
    Ok((places, actors))
}

pub fn report(store: &Store, id: &str) -> anyhow::Result<StoryReport> {
    let articles = store.story_articles(id)?;
    if articles.is_empty() {
        bail!("no story {id:?} in the database (see `vigie stories`)");
    }
    let mut figures: Vec<Figure> = Vec::new();
    for a in &articles {
        figures.extend(store.figures(&a.id)?);
    }
    let infos: Vec<ArticleInfo> = articles
        .iter()
        .map(|a| ArticleInfo {
            id: a.id.clone(),
            outlet: a.outlet.clone(),
            url: a.url.clone(),
            published: a.published.as_deref().and_then(|p| p.get(..10)).and_then(|p| p.parse().ok()),
            duplicate_of: a.duplicate_of.clone(),
        })
        .collect();
    let mut languages: Vec<String> = articles.iter().filter_map(|a| a.lang.clone()).collect();
    languages.sort();
    languages.dedup();
    let days: Vec<&str> = articles.iter().filter_map(|a| a.published.as_deref()).collect();
    let (places, actors) = named(store, &articles)?;
    Ok(StoryReport {
        id: id.to_string(),
        title: articles.iter().find_map(|a| a.title.clone()),
        first: days.iter().min().map(|d| d.to_string()),
        last: days.iter().max().map(|d| d.to_string()),
        languages,
        places,
        actors,
        reconciled: reconcile(&infos, &figures),
        articles,
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
