//! Assigning stories as articles arrive: extract each new article's
//! figures into the store, profile it, and at the end of a batch put every
//! article in a story, after the stories already stored. `vigie ingest`,
//! `vigie stories INPUT...` and `POST /api/ingest` share it.

use vigie_extract::Extractor;
use vigie_ingest::InputError;
use vigie_model::Article;
use vigie_store::{Added, Store, StoreError};
use vigie_stories::{group_more, Config, Grouper, Profile, Profiler};

/// Extracts figures and profiles of new articles, then assigns their stories
/// after the stories already stored.
pub struct Assigner {
    extractor: Extractor,
    profiler: Profiler,
    pending: Vec<Profile>,
    /// For each pending profile, the stored article it stands for (itself, or the copy already stored).
    stored_as: Vec<String>,
}

impl Default for Assigner {
    fn default() -> Self {
        Self::new()
    }
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
        let entities = self.extractor.story_entities(article);
        if let Added::New { .. } = added {
            store.set_figures(id, &self.extractor.figures(article)).map_err(fail)?;
            let json = serde_json::to_value(&entities).expect("entities serialise");
            store.set_entities(id, &json).map_err(fail)?;
        }
        let mut profile = self.profiler.profile(article, &entities);
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
    pub fn finish(self, store: &mut Store) -> Result<Vec<(String, String)>, StoreError> {
        if self.pending.is_empty() {
            store.commit()?;
            return Ok(Vec::new());
        }
        let config = Config::default();
        // Stories that no pending article can join stay closed: their last day
        // is further back than a follow-up reaches. An undated article may join any.
        let reach = self.pending.iter().map(|p| p.day).collect::<Option<Vec<_>>>().and_then(|days| days.into_iter().min());
        let horizon = reach.map(|day| (day - chrono::Duration::days(config.follow_up_days)).to_string());
        let mut grouper = Grouper::new(config);
        // Resume: the open stored stories take part, their articles re-profiled from the stored text.
        let open = store.stories()?.into_iter().filter(|s| horizon.as_ref().is_none_or(|h| s.last.as_ref().is_none_or(|l| l >= h)));
        for story in open {
            for a in store.story_articles(&story.id)? {
                let Some(stored) = store.article(&a.id)? else { continue };
                let day = a.published.as_deref().filter(|p| p.len() == 10).and_then(|p| p.parse().ok());
                let lang = a.lang.as_deref();
                let entities = lang.map(|l| self.extractor.story_entities_in(l, &stored.text)).unwrap_or_default();
                grouper.restore(&self.profiler.profile_text(&a.id, lang, day, &stored.text, &entities), &story.id);
            }
        }
        let stories = group_more(&mut grouper, &self.pending);
        let mut out = Vec::with_capacity(stories.len());
        let mut touched = std::collections::BTreeSet::new();
        for ((profile, stored), story) in self.pending.iter().zip(&self.stored_as).zip(stories) {
            // An article already stored keeps its story.
            if store.story_of(stored)?.is_none() {
                store.set_story(stored, &story)?;
                touched.insert(story.clone());
            }
            out.push((profile.article.clone(), store.story_of(stored)?.unwrap_or(story)));
        }
        for story in touched {
            let digest = crate::report::digest(store, &self.extractor, &story).map_err(|e| match e {
                crate::report::ReportError::Store(e) => e,
                crate::report::ReportError::NoStory(_) => unreachable!("a touched story has articles"),
            })?;
            store.refresh_story(&story, Some(&digest))?;
        }
        store.commit()?;
        Ok(out)
    }
}
