//! A story's report, assembled from the store: its articles, places and
//! actors, and its figures reconciled into claims, timeline and estimates.
//! The command line (`vigie story`) and the HTTP API both serve it.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use vigie_extract::Extractor;
use vigie_model::{Group, Metric};
use vigie_store::{Store, StoryArticle};
use vigie_stories::reconcile::Scope;
use vigie_stories::{reconcile, ArticleInfo, Reconciled};

/// How many entities of each list a report keeps.
const REPORT_ENTITIES: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("no story {0:?} in the database")]
    NoStory(String),
    #[error(transparent)]
    Store(#[from] vigie_store::StoreError),
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
    pub articles: Vec<StoryArticle>,
    #[serde(flatten)]
    pub reconciled: Reconciled,
}

/// An entity of a story and how many of its articles name it.
#[derive(Serialize, Deserialize)]
pub struct Named {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub articles: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// Where a place is, as kept with an article's entities.
#[derive(Serialize, Deserialize, Clone)]
pub struct Place {
    pub name: String,
    pub country: String,
    pub lat: f32,
    pub lon: f32,
    pub precision: String,
}

/// An entity as kept with its article (the extractor's `ArticleEntity`, read back).
#[derive(Deserialize)]
struct Kept {
    canonical: String,
    #[serde(rename = "type")]
    kind: String,
    place: Option<Place>,
}

impl StoryReport {
    /// The latest killed-total estimate, the story's headline toll.
    pub fn headline(&self) -> Option<&vigie_stories::reconcile::Estimate> {
        self.reconciled.estimates.iter().find(|e| e.metric == Metric::Killed && e.group == Group::Total)
    }
}

/// The entities of one article found again in the stored text (articles stored before entities were kept).
fn found_again(store: &Store, extractor: &Extractor, a: &StoryArticle) -> Result<Vec<Kept>, ReportError> {
    let (Some(lang), Some(stored)) = (a.lang.as_deref(), store.article(&a.id)?) else { return Ok(Vec::new()) };
    let found = serde_json::to_value(extractor.entities_in(lang, &stored.text)).expect("entities serialise");
    Ok(serde_json::from_value(found).unwrap_or_default())
}

/// The places and actors of a story's articles.
fn named(store: &Store, extractor: &Extractor, story: &str, articles: &[StoryArticle]) -> Result<(Vec<Named>, Vec<Named>), ReportError> {
    let mut kept: std::collections::HashMap<String, Vec<Kept>> =
        store.story_entities(story)?.into_iter().map(|(article, v)| (article, serde_json::from_value(v).unwrap_or_default())).collect();
    let mut all: Vec<Named> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for a in articles {
        let entities = match kept.remove(&a.id) {
            Some(e) => e,
            None => found_again(store, extractor, a)?,
        };
        for e in entities {
            if e.kind == "unknown" {
                continue;
            }
            match index.get(&e.canonical) {
                Some(&i) => all[i].articles += 1,
                None => {
                    index.insert(e.canonical.clone(), all.len());
                    all.push(Named { name: e.canonical, kind: e.kind, articles: 1, place: e.place });
                }
            }
        }
    }
    all.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.name.cmp(&b.name)));
    let (mut places, mut actors): (Vec<Named>, Vec<Named>) = all.into_iter().partition(|n| n.place.is_some());
    places.truncate(REPORT_ENTITIES);
    actors.truncate(REPORT_ENTITIES);
    Ok((places, actors))
}

/// What reconciliation needs of a story's articles.
fn infos(articles: &[StoryArticle]) -> Vec<ArticleInfo> {
    articles
        .iter()
        .map(|a| ArticleInfo { id: a.id.clone(), outlet: a.outlet.clone(), url: a.url.clone(), duplicate_of: a.duplicate_of.clone() })
        .collect()
}

/// What lists and pages show of a story without recomputing it: the killed
/// toll (latest, low, best, high), its day-by-day highest count, and the
/// story's places and actors. Kept with the story's summary.
pub fn digest(store: &Store, extractor: &Extractor, id: &str) -> Result<Value, ReportError> {
    let articles = store.story_articles(id)?;
    let figures = store.story_figures(id)?;
    let r = reconcile(&infos(&articles), &figures);
    let killed = r.estimates.iter().find(|e| e.metric == Metric::Killed && e.group == Group::Total);
    let toll = killed.map_or(
        Value::Null,
        |e| json!({ "latest": e.latest.value, "as_of": e.as_of, "low": e.low.value, "best": e.best.value, "high": e.high.value }),
    );
    let mut by_day: Vec<(chrono::NaiveDate, u64)> = Vec::new();
    for c in r.claims.iter().filter(|c| c.scope == Scope::Story && c.metric == Metric::Killed && c.group == Group::Total) {
        let Some(day) = c.as_of else { continue };
        match by_day.iter_mut().find(|(d, _)| *d == day) {
            Some((_, v)) => *v = (*v).max(c.value),
            None => by_day.push((day, c.value)),
        }
    }
    by_day.sort();
    let sparkline: Vec<Value> = by_day.into_iter().map(|(d, v)| json!({ "day": d, "value": v })).collect();
    let (places, actors) = named(store, extractor, id, &articles)?;
    Ok(json!({ "killed": toll, "sparkline": sparkline, "places": places, "actors": actors }))
}

/// The report of story `id`.
pub fn report(store: &Store, extractor: &Extractor, id: &str) -> Result<StoryReport, ReportError> {
    let articles = store.story_articles(id)?;
    if articles.is_empty() {
        return Err(ReportError::NoStory(id.to_string()));
    }
    let figures = store.story_figures(id)?;
    let mut languages: Vec<String> = articles.iter().filter_map(|a| a.lang.clone()).collect();
    languages.sort();
    languages.dedup();
    let days: Vec<&str> = articles.iter().filter_map(|a| a.published.as_deref()).collect();
    // Places and actors as the story's digest keeps them, else gathered now.
    let digest = store.story_digest(id)?;
    let kept = |key: &str| digest.as_ref().and_then(|d| serde_json::from_value::<Vec<Named>>(d[key].clone()).ok());
    let (places, actors) = match (kept("places"), kept("actors")) {
        (Some(places), Some(actors)) => (places, actors),
        _ => named(store, extractor, id, &articles)?,
    };
    Ok(StoryReport {
        id: id.to_string(),
        title: articles.iter().find_map(|a| a.title.clone()),
        first: days.iter().min().map(|d| d.to_string()),
        last: days.iter().max().map(|d| d.to_string()),
        languages,
        places,
        actors,
        reconciled: reconcile(&infos(&articles), &figures),
        articles,
    })
}
