//! Online grouping of articles into stories.
//!
//! Each article goes to the open story it resembles most, or starts a new
//! one. Resemblance is the cosine between the article and the story's
//! centroid, once over language-independent keys (canonical entities,
//! gazetteer places, countries) and once over content words, both weighted
//! by inverse document frequency. Two gates come first: a story that names
//! one kind of event does not take an article naming another, and a dated
//! story does not take an article dated far outside its span.
//!
//! Candidates come from an inverted index over the keys and each article's
//! strongest words, so the cost per article does not grow with the number of
//! stories. Stories untouched for a while close and drop their centroids:
//! memory is bounded by the open-story window, not by the stream.

use crate::profile::{Key, Profile};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Knobs of the grouping.
#[derive(Clone, Debug)]
pub struct Config {
    /// Least resemblance for an article to join a story.
    pub threshold: f32,
    /// ... when the article and the story both name places but none in common
    /// (the same wire template about two floods in two towns).
    pub elsewhere_threshold: f32,
    /// Share of the resemblance given to entities and places (the rest to words).
    pub entity_weight: f32,
    /// Across languages, the share given to capitalised names (the rest to entities and places).
    pub name_weight: f32,
    /// Days after a story's last dated article during which it still takes articles.
    pub window_days: i64,
    /// ... and articles that resemble it twice as much as the threshold asks (a follow-up weeks later).
    pub follow_up_days: i64,
    /// Days before a story's first dated article that an article may still belong to it.
    pub lead_days: i64,
    /// A story no article joined during this many articles closes.
    pub idle_articles: u64,
    /// Features each centroid keeps (per part), strongest first.
    pub centroid_features: usize,
    /// Words of each article used to find candidate stories.
    pub probe_terms: usize,
    /// Keys in more open stories than this are not used to find candidates.
    pub max_postings: usize,
    /// Stories compared with each article, those sharing the most keys with it first.
    pub max_candidates: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.18,
            elsewhere_threshold: 0.45,
            entity_weight: 0.5,
            name_weight: 0.3,
            window_days: 21,
            follow_up_days: 90,
            lead_days: 3,
            idle_articles: 200_000,
            centroid_features: 400,
            probe_terms: 24,
            max_postings: 256,
            max_candidates: 64,
        }
    }
}

/// A story still taking articles.
struct OpenStory {
    id: String,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    entities: Centroid,
    /// Every place its articles named.
    places: std::collections::HashSet<Key>,
    names: Centroid,
    /// Word centroids by language.
    terms: Vec<(Option<&'static str>, Centroid)>,
    kinds: Vec<(&'static str, u32)>,
    /// Sequence number of the last article that joined.
    touched: u64,
}

impl OpenStory {
    fn new(id: &str) -> Self {
        OpenStory {
            id: id.to_string(),
            first: None,
            last: None,
            entities: Centroid::default(),
            places: Default::default(),
            names: Centroid::default(),
            terms: Vec::new(),
            kinds: Vec::new(),
            touched: 0,
        }
    }

    fn kind(&self) -> Option<&'static str> {
        self.kinds.iter().max_by_key(|&&(k, n)| (n, std::cmp::Reverse(k))).map(|&(k, _)| k)
    }
}

/// Groups a stream of profiles into stories.
pub struct Grouper {
    config: Config,
    /// How many articles each key appears in, and how many articles were seen.
    df: HashMap<Key, u32>,
    docs: u32,
    stories: Vec<Option<OpenStory>>,
    index: HashMap<Key, Vec<u32>>,
    /// The story of each recent article, for near-duplicates.
    story_of: HashMap<String, (u32, String)>,
    /// Stories put back by [`Grouper::restore`], by id.
    restored: HashMap<String, u32>,
    seq: u64,
}

impl Default for Grouper {
    fn default() -> Self {
        Self::new(Config::default())
    }
}

impl Grouper {
    pub fn new(config: Config) -> Self {
        Grouper {
            config,
            df: HashMap::new(),
            docs: 0,
            stories: Vec::new(),
            index: HashMap::new(),
            story_of: HashMap::new(),
            restored: HashMap::new(),
            seq: 0,
        }
    }

    /// Counts the keys of an article in document frequencies. [`assign`](Self::assign)
    /// does it too; a batch may observe every article first so that early
    /// articles are weighed like late ones.
    pub fn observe(&mut self, profile: &Profile) {
        self.docs += 1;
        for &(k, _) in profile.entities.iter().chain(&profile.terms).chain(&profile.names) {
            *self.df.entry(k).or_insert(0) += 1;
        }
    }

    fn idf(&self, k: Key) -> f32 {
        let df = self.df.get(&k).copied().unwrap_or(0) as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln()
    }

    /// Unit vector of weighted counts.
    fn vector(&self, counts: &[(Key, u32)]) -> Vec<(Key, f32)> {
        let mut v: Vec<(Key, f32)> =
            counts.iter().map(|&(k, n)| (k, (1.0 + (n as f32).ln()) * self.idf(k))).filter(|&(_, w)| w > 0.0).collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v
    }

    /// The story of `profile` (an existing story's id, or a new one: the article's id).
    /// `observed`: the article was already counted by [`observe`](Self::observe).
    pub fn assign(&mut self, profile: &Profile, observed: bool) -> String {
        if !observed {
            self.observe(profile);
        }
        self.seq += 1;
        let entities = self.vector(&profile.entities);
        let terms = self.vector(&profile.terms);
        let names = self.vector(&profile.names);
        let duplicate = profile.duplicate_of.as_ref().and_then(|d| self.story_of.get(d)).map(|(i, _)| *i);
        // A near-copy joins its original's story, unless it names other places
        // only: one wire template filled in for two towns is two stories.
        let same_places = |i: u32| {
            self.stories[i as usize]
                .as_ref()
                .is_some_and(|s| profile.places.is_empty() || s.places.is_empty() || profile.places.iter().any(|p| s.places.contains(p)))
        };
        let chosen = duplicate.filter(|&i| same_places(i)).or_else(|| self.best(profile, &entities, &terms, &names));
        let index = match chosen {
            Some(i) => i,
            None => {
                self.stories.push(Some(OpenStory::new(&profile.article)));
                (self.stories.len() - 1) as u32
            }
        };
        self.join(index, profile, &entities, &terms, &names);
        let id = self.stories[index as usize].as_ref().map(|s| s.id.clone()).unwrap_or_default();
        self.story_of.insert(profile.article.clone(), (index, id.clone()));
        self.close_idle();
        id
    }

    /// Puts an article back in the story it was assigned before (when a
    /// stored stream resumes), opening that story if needed.
    pub fn restore(&mut self, profile: &Profile, story: &str) {
        self.observe(profile);
        self.seq += 1;
        let entities = self.vector(&profile.entities);
        let terms = self.vector(&profile.terms);
        let names = self.vector(&profile.names);
        let index = *self.restored.entry(story.to_string()).or_insert_with(|| {
            self.stories.push(Some(OpenStory::new(story)));
            (self.stories.len() - 1) as u32
        });
        self.join(index, profile, &entities, &terms, &names);
        self.story_of.insert(profile.article.clone(), (index, story.to_string()));
    }

    /// The open story that resembles the article most, above the threshold.
    fn best(&self, profile: &Profile, entities: &[(Key, f32)], terms: &[(Key, f32)], names: &[(Key, f32)]) -> Option<u32> {
        let mut strongest: Vec<&(Key, f32)> = terms.iter().collect();
        strongest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        let probes = entities.iter().chain(names).map(|(k, _)| k).chain(strongest.iter().take(self.config.probe_terms).map(|(k, _)| k));
        // Keys shared by very many stories (a country, a common word) find no useful candidates.
        let mut candidates: Vec<u32> =
            probes.filter_map(|k| self.index.get(k)).filter(|p| p.len() <= self.config.max_postings).flatten().copied().collect();
        // The stories sharing the most keys with the article, at most `max_candidates` of them.
        candidates.sort_unstable();
        let mut hits: Vec<(u32, u32)> = Vec::new();
        for c in candidates {
            match hits.last_mut() {
                Some((last, n)) if *last == c => *n += 1,
                _ => hits.push((c, 1)),
            }
        }
        if hits.len() > self.config.max_candidates {
            hits.select_nth_unstable_by_key(self.config.max_candidates, |&(c, n)| (std::cmp::Reverse(n), c));
            hits.truncate(self.config.max_candidates);
        }
        hits.into_iter()
            .map(|(c, _)| c)
            .filter_map(|i| {
                let story = self.stories[i as usize].as_ref()?;
                if let (Some(a), Some(b)) = (profile.kind, story.kind()) {
                    if a != b {
                        return None;
                    }
                }
                // Words weigh in only when the story has articles in the article's language.
                let entity_score = story.entities.cosine(entities);
                let score = match story.terms.iter().find(|(lang, _)| *lang == profile.lang) {
                    Some((_, centroid)) => {
                        let w = self.config.entity_weight;
                        w * entity_score + (1.0 - w) * centroid.cosine(terms)
                    }
                    // Names bridge languages where the entity finder knows too little; they never lower the score.
                    None => {
                        let w = self.config.name_weight;
                        entity_score.max((1.0 - w) * entity_score + w * story.names.cosine(names))
                    }
                };
                if let (Some(day), Some(first), Some(last)) = (profile.day, story.first, story.last) {
                    let window = if score >= 2.0 * self.config.threshold { self.config.follow_up_days } else { self.config.window_days };
                    if (first - day).num_days() > self.config.lead_days || (day - last).num_days() > window {
                        return None;
                    }
                }
                let elsewhere =
                    !profile.places.is_empty() && !story.places.is_empty() && !profile.places.iter().any(|p| story.places.contains(p));
                let threshold = if elsewhere { self.config.elsewhere_threshold } else { self.config.threshold };
                (score >= threshold).then_some((i, score))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    fn join(&mut self, index: u32, profile: &Profile, entities: &[(Key, f32)], terms: &[(Key, f32)], names: &[(Key, f32)]) {
        let max = self.config.centroid_features;
        let story = self.stories[index as usize].as_mut().expect("joined stories are open");
        story.touched = self.seq;
        story.places.extend(&profile.places);
        if let Some(day) = profile.day {
            story.first = Some(story.first.map_or(day, |f| f.min(day)));
            story.last = Some(story.last.map_or(day, |l| l.max(day)));
        }
        if let Some(kind) = profile.kind {
            match story.kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => story.kinds.push((kind, 1)),
            }
        }
        let words = match story.terms.iter().position(|(lang, _)| *lang == profile.lang) {
            Some(i) => i,
            None => {
                story.terms.push((profile.lang, Centroid::default()));
                story.terms.len() - 1
            }
        };
        let (_, word_centroid) = &mut story.terms[words];
        for (centroid, part) in [(&mut story.entities, entities), (&mut story.names, names), (word_centroid, terms)] {
            centroid.add(part, max);
        }
        for &(k, _) in entities.iter().chain(terms).chain(names) {
            let postings = self.index.entry(k).or_default();
            if postings.last() != Some(&index) && !postings.contains(&index) {
                postings.push(index);
            }
        }
    }

    /// Closes stories no article joined for a while, and forgets their articles.
    fn close_idle(&mut self) {
        let idle = self.config.idle_articles;
        if !self.seq.is_multiple_of(1024) {
            return;
        }
        let seq = self.seq;
        let mut closed = false;
        for story in self.stories.iter_mut() {
            if story.as_ref().is_some_and(|s| seq - s.touched > idle) {
                *story = None;
                closed = true;
            }
        }
        if closed {
            let stories = &self.stories;
            self.index.retain(|_, postings| {
                postings.retain(|&i| stories[i as usize].is_some());
                !postings.is_empty()
            });
            self.story_of.retain(|_, (i, _)| stories[*i as usize].is_some());
            self.restored.retain(|_, i| stories[*i as usize].is_some());
        }
    }

    /// How many stories are open (their centroids in memory).
    pub fn open_stories(&self) -> usize {
        self.stories.iter().filter(|s| s.is_some()).count()
    }
}

/// The sum of a story's article vectors, with its norm kept up to date.
#[derive(Default)]
struct Centroid {
    weights: HashMap<Key, f32>,
    norm: f32,
}

impl Centroid {
    /// Adds a unit vector; keeps the `max` strongest features once it holds twice as many.
    fn add(&mut self, unit: &[(Key, f32)], max: usize) {
        for &(k, w) in unit {
            *self.weights.entry(k).or_insert(0.0) += w;
        }
        if self.weights.len() > 2 * max {
            let mut weights: Vec<f32> = self.weights.values().copied().collect();
            let (_, &mut cut, _) = weights.select_nth_unstable_by(max, |a, b| b.total_cmp(a));
            self.weights.retain(|_, w| *w > cut);
        }
        self.norm = self.weights.values().map(|c| c * c).sum::<f32>().sqrt();
    }

    /// Cosine with a unit vector.
    fn cosine(&self, unit: &[(Key, f32)]) -> f32 {
        if self.norm <= 0.0 {
            return 0.0;
        }
        unit.iter().filter_map(|(k, w)| self.weights.get(k).map(|c| w * c)).sum::<f32>() / self.norm
    }
}

/// Groups a batch: document frequencies over the whole batch, then articles
/// in date order (undated ones last, so dated stories exist before them).
/// Returns the story id of each profile, in input order.
pub fn group_batch(profiles: &[Profile], config: Config) -> Vec<String> {
    group_more(&mut Grouper::new(config), profiles)
}

/// Groups a batch after the stories a grouper already holds (see [`Grouper::restore`]).
pub fn group_more(grouper: &mut Grouper, profiles: &[Profile]) -> Vec<String> {
    profiles.iter().for_each(|p| grouper.observe(p));
    let mut order: Vec<usize> = (0..profiles.len()).collect();
    order.sort_by_key(|&i| (profiles[i].day.is_none(), profiles[i].day));
    let mut out = vec![String::new(); profiles.len()];
    for i in order {
        out[i] = grouper.assign(&profiles[i], true);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::key;

    fn profile(id: &str, day: &str, kind: &str, entities: &[&str], words: &[&str]) -> Profile {
        let counts = |ns: &str, xs: &[&str]| {
            let mut v: Vec<(Key, u32)> = xs.iter().map(|x| (key(ns, x), 2)).collect();
            v.sort_unstable();
            v
        };
        Profile {
            article: id.to_string(),
            lang: Some("en"),
            day: day.parse().ok(),
            entities: counts("e", entities),
            places: Vec::new(),
            terms: counts("t", words),
            names: Vec::new(),
            kind: (!kind.is_empty()).then_some(match kind {
                "flood" => "flood",
                "earthquake" => "earthquake",
                _ => "conflict",
            }),
            duplicate_of: None,
        }
    }

    /// Unrelated articles that give every key a document frequency below one half.
    fn background() -> Vec<Profile> {
        (0..8).map(|i| profile(&format!("x{i}"), "", "", &[&format!("elsewhere{i}")], &["market", "shares"])).collect()
    }

    fn stories(profiles: &[Profile]) -> Vec<String> {
        group_batch(profiles, Config::default())
    }

    #[test]
    fn reports_of_one_event_share_a_story() {
        let mut p = background();
        p.push(profile("a", "2025-03-13", "flood", &["murcia", "spain"], &["floods", "rain", "missing"]));
        p.push(profile("b", "2025-03-14", "flood", &["murcia", "spain", "interior ministry"], &["floods", "toll", "rain"]));
        let s = stories(&p);
        assert_eq!(s[8], "a");
        assert_eq!(s[9], "a");
        assert!(s[..8].iter().all(|x| x.starts_with('x')), "unrelated articles stay alone: {s:?}");
    }

    #[test]
    fn the_same_place_years_apart_is_another_story() {
        let mut p = background();
        p.push(profile("a", "2016-02-10", "conflict", &["aleppo", "sohr"], &["offensive", "airstrikes"]));
        p.push(profile("b", "2024-11-30", "conflict", &["aleppo", "sohr"], &["offensive", "airstrikes"]));
        let s = stories(&p);
        assert_ne!(s[8], s[9]);
    }

    #[test]
    fn another_kind_of_event_is_another_story() {
        let mut p = background();
        p.push(profile("a", "2025-03-10", "earthquake", &["van", "turkey"], &["magnitude", "rubble"]));
        p.push(profile("b", "2025-03-11", "flood", &["van", "turkey"], &["floods", "rubble"]));
        let s = stories(&p);
        assert_ne!(s[8], s[9]);
    }

    #[test]
    fn the_same_template_about_another_town_is_another_story() {
        let mut p = background();
        // One wire template, two towns, two mayors.
        let mut a = profile("a", "2030-01-05", "flood", &[], &["floods", "torrential", "rescuers", "missing", "kalomi"]);
        let mut b = profile("b", "2030-01-05", "flood", &[], &["floods", "torrential", "rescuers", "missing", "ravoten"]);
        a.places = vec![key("p", "1")];
        a.entities = vec![(key("p", "1"), 2)];
        b.places = vec![key("p", "2")];
        b.entities = vec![(key("p", "2"), 2)];
        p.extend([a, b]);
        let s = stories(&p);
        assert_ne!(s[8], s[9]);
    }

    #[test]
    fn a_near_duplicate_joins_its_original() {
        let mut p = background();
        p.push(profile("a", "2025-03-10", "earthquake", &["van"], &["magnitude"]));
        let mut copy = profile("b", "2025-03-10", "", &["unrelated"], &["nothing"]);
        copy.duplicate_of = Some("a".into());
        p.push(copy);
        // The same template about another town is no copy.
        let mut elsewhere = profile("c", "2025-03-10", "", &["another"], &["different"]);
        elsewhere.duplicate_of = Some("a".into());
        p[8].places = vec![key("p", "1")];
        elsewhere.places = vec![key("p", "2")];
        p.push(elsewhere);
        let s = stories(&p);
        assert_eq!(s[9], "a");
        assert_ne!(s[10], "a");
    }
}
