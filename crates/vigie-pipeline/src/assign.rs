//! Assigning stories as articles arrive. Profiles wait in a batch; each batch
//! is grouped after the stories already stored (open stories are restored
//! into the grouper once, when the first batch is grouped, and the grouper
//! then lives for the whole run), its assignments and the summaries of the
//! stories it touched are written. Digests (a story's reconciled toll, places
//! and actors: the costly part, which reads all its figures) are computed
//! every [`DIGEST_EVERY`] batches and at the end; until then a touched story's
//! digest is empty, and a run that was killed leaves it so for the next run
//! to compute.

use crate::report::{digest, ReportError};
use vigie_extract::Extractor;
use vigie_store::{Store, StoreError};
use vigie_stories::{group_more, Config, Grouper, Profile, Profiler};

/// Batches between two digest passes over the stories touched since the last one.
pub const DIGEST_EVERY: usize = 10;

/// Groups profiles in batches after the stories already stored.
pub struct Assigner<'e> {
    extractor: &'e Extractor,
    profiler: &'e Profiler,
    grouper: Option<Grouper>,
    pending: Vec<Profile>,
    /// For each pending profile, the stored article it stands for (itself, or the copy already stored).
    stored_as: Vec<String>,
    /// Every (article, story) pair assigned so far, when the caller wants them.
    assigned: Option<Vec<(String, String)>>,
    /// Stories whose digest is to be computed, and batches since the last digest pass.
    stale: std::collections::BTreeSet<String>,
    batches: usize,
    /// Stories the grouper holds (restored or made in this run), and the
    /// earliest last day restored so far (`None`: every stored story).
    known: std::collections::HashSet<String>,
    restored_from: Option<String>,
}

impl<'e> Assigner<'e> {
    /// `keep`: remember every (article, story) pair for [`finish`](Self::finish) (a long run does not need them).
    pub fn new(extractor: &'e Extractor, profiler: &'e Profiler, keep: bool) -> Self {
        Assigner {
            extractor,
            profiler,
            grouper: None,
            pending: Vec::new(),
            stored_as: Vec::new(),
            assigned: keep.then(Vec::new),
            stale: Default::default(),
            batches: 0,
            known: Default::default(),
            restored_from: None,
        }
    }

    /// Queues `profile`, which stands for the stored article `stored`.
    pub fn push(&mut self, profile: Profile, stored: &str) {
        self.pending.push(profile);
        self.stored_as.push(stored.to_string());
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Queues every stored article that has no story (an earlier run was
    /// stopped before assigning it), profiled again from its stored text.
    pub fn repair(&mut self, store: &Store) -> Result<usize, StoreError> {
        self.stale.extend(store.stories_without_digest()?);
        let orphans = store.articles_without_story()?;
        for id in &orphans {
            let Some(stored) = store.article(id)? else { continue };
            let profile = self.stored_profile(id, stored.summary.lang.as_deref(), stored.summary.published.as_deref(), &stored.text);
            self.push(profile, id);
        }
        Ok(orphans.len())
    }

    fn stored_profile(&self, id: &str, lang: Option<&str>, published: Option<&str>, text: &str) -> Profile {
        let day = published.filter(|p| p.len() == 10).and_then(|p| p.parse().ok());
        let entities = lang.map(|l| self.extractor.story_entities_in(l, text)).unwrap_or_default();
        self.profiler.profile_text(id, lang, day, text, &entities)
    }

    /// The grouper, with the stored stories that the pending articles can still join.
    /// A later batch reaching further back than the first restores the older stories then.
    fn grouper(&mut self, store: &Store) -> Result<Grouper, StoreError> {
        let config = Config::default();
        // Stories that no pending article can join stay closed: their last day
        // is further back than a follow-up reaches. An undated article may join any.
        let reach = self.pending.iter().map(|p| p.day).collect::<Option<Vec<_>>>().and_then(|days| days.into_iter().min());
        let horizon = reach.map(|day| (day - chrono::Duration::days(config.follow_up_days)).to_string());
        let (mut grouper, before) = match self.grouper.take() {
            Some(grouper) => match &self.restored_from {
                // Everything this batch can join is in already.
                Some(from) if horizon.as_ref().is_some_and(|h| h >= from) => return Ok(grouper),
                None => return Ok(grouper),
                Some(from) => (grouper, Some(from.clone())),
            },
            None => (Grouper::new(config), None),
        };
        let wanted = |last: Option<&String>| {
            let reachable = horizon.as_ref().is_none_or(|h| last.is_none_or(|l| l >= h));
            // On a later pass, only what the earlier passes left out.
            let new = before.as_ref().is_none_or(|b| last.is_some_and(|l| l < b));
            reachable && new
        };
        let open: Vec<_> = store.stories()?.into_iter().filter(|s| wanted(s.last.as_ref()) && !self.known.contains(&s.id)).collect();
        for story in open {
            for a in store.story_articles(&story.id)? {
                let Some(stored) = store.article(&a.id)? else { continue };
                let profile = self.stored_profile(&a.id, a.lang.as_deref(), a.published.as_deref(), &stored.text);
                grouper.restore(&profile, &story.id);
            }
            self.known.insert(story.id);
        }
        self.restored_from = horizon;
        Ok(grouper)
    }

    /// Assigns every pending article to a story, in the open write batch.
    pub fn flush(&mut self, store: &mut Store) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut grouper = self.grouper(store)?;
        let stories = group_more(&mut grouper, &self.pending);
        self.grouper = Some(grouper);
        let mut touched = std::collections::BTreeSet::new();
        for ((profile, stored), story) in self.pending.drain(..).zip(self.stored_as.drain(..)).zip(stories) {
            // An article already stored keeps its story.
            self.known.insert(story.clone());
            let kept = match store.story_of(&stored)? {
                Some(kept) => kept,
                None => {
                    store.set_story(&stored, &story)?;
                    touched.insert(story.clone());
                    story
                }
            };
            if let Some(assigned) = &mut self.assigned {
                assigned.push((profile.article, kept));
            }
        }
        for story in touched {
            store.refresh_story(&story, None)?;
            self.stale.insert(story);
        }
        self.batches += 1;
        if self.batches.is_multiple_of(DIGEST_EVERY) {
            self.digests(store)?;
        }
        Ok(())
    }

    /// Computes the digest of every story touched since the last pass.
    fn digests(&mut self, store: &mut Store) -> Result<(), StoreError> {
        for story in std::mem::take(&mut self.stale) {
            match digest(store, self.extractor, &story) {
                Ok(digest) => store.refresh_story(&story, Some(&digest))?,
                Err(ReportError::Store(e)) => return Err(e),
                // Its articles went to other stories: nothing to digest.
                Err(ReportError::NoStory(_)) => {}
            }
        }
        Ok(())
    }

    /// Assigns what is pending, commits, and returns the (article, story) pairs kept, in input order.
    pub fn finish(mut self, store: &mut Store) -> Result<Vec<(String, String)>, StoreError> {
        self.flush(store)?;
        self.digests(store)?;
        store.commit()?;
        Ok(self.assigned.take().unwrap_or_default())
    }
}
