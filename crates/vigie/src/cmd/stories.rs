//! `vigie stories INPUT...`: groups the input articles into stories, in
//! memory (or in the database named by `--db`), and prints each article's
//! story, or a table of the stories.

use super::pipeline::each_article;
use crate::output::{emit, Table};
use crate::FormatArgs;
use anyhow::Context;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use vigie_extract::Extractor;
use vigie_ingest::{InputError, ReadOptions};
use vigie_store::{Added, Store};
use vigie_stories::{group_batch, Config, Profile, Profiler};

/// One line of `vigie stories --jsonl`.
#[derive(Serialize)]
struct Membership {
    article: String,
    story: String,
}

/// What the table shows of an article.
struct Seen {
    title: Option<String>,
    lang: Option<String>,
    day: Option<chrono::NaiveDate>,
}

pub fn run(inputs: &[String], db: Option<&Path>, format: FormatArgs) -> anyhow::Result<ExitCode> {
    let mut store = match db {
        Some(path) => Store::open(path).with_context(|| format!("cannot open the database {}", path.display()))?,
        None => Store::open_in_memory().context("cannot open an in-memory database")?,
    };
    let extractor = Extractor::new();
    let profiler = Profiler::new();
    let mut profiles: Vec<Profile> = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let failed = each_article(inputs, ReadOptions::default(), "grouping", &mut |article| {
        let added = store.add(&article).map_err(|e| InputError::new(&article.origin, e))?;
        let mut profile = profiler.profile(&article, &extractor.entities(&article));
        profile.duplicate_of = match added {
            Added::New { duplicate_of, .. } => duplicate_of.map(|(id, _)| id),
            Added::Exists { id, .. } => Some(id),
        };
        seen.push(Seen { title: article.title.clone(), lang: article.lang.clone(), day: profile.day });
        profiles.push(profile);
        Ok(())
    });
    store.commit().context("cannot save the database")?;
    let stories = group_batch(&profiles, Config::default());
    let rows: Vec<Membership> = profiles.iter().zip(stories).map(|(p, story)| Membership { article: p.article.clone(), story }).collect();
    emit(format, &rows, |rows| {
        let mut by_story: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, r) in rows.iter().enumerate() {
            by_story.entry(&r.story).or_default().push(i);
        }
        let mut t = Table::new(vec!["story", "articles", "languages", "from", "to", "title"]);
        for (story, members) in by_story {
            let mut langs: Vec<&str> = members.iter().filter_map(|&i| seen[i].lang.as_deref()).collect();
            langs.sort_unstable();
            langs.dedup();
            let days: Vec<_> = members.iter().filter_map(|&i| seen[i].day).collect();
            let day = |d: Option<&chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
            let title = members.iter().find_map(|&i| seen[i].title.clone()).unwrap_or_default();
            t.row(vec![
                story.to_string(),
                members.len().to_string(),
                langs.join(","),
                day(days.iter().min()),
                day(days.iter().max()),
                crate::output::truncate(&title, 60),
            ]);
        }
        t
    })?;
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
