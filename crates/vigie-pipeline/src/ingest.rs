//! Storing a batch of inputs. One thread reads, cleans, extracts and profiles
//! each document; the caller's thread writes. The writer holds SQLite's write
//! lock only while prepared articles are waiting: when none is, it commits,
//! so a second writer is never locked out while a slow input is cleaned.
//! Each article goes in with its figures and entities (one savepoint), and
//! stories are assigned every [`Options::story_batch`] articles, so a kill at
//! any moment leaves every committed article whole, and the next run gives a
//! story to any article left without one.

use crate::assign::Assigner;
use serde_json::Value;
use std::sync::mpsc::{sync_channel, TryRecvError};
use vigie_extract::Extractor;
use vigie_ingest::{Cleaner, Event, InputError, ReadOptions, Reader, Source};
use vigie_model::{Article, Figure};
use vigie_store::{Added, Derived, Store, StoreError};
use vigie_stories::{Profile, Profiler};

/// Prepared articles that may wait for the writer: bounds the memory a slow disk costs.
const WAITING_ARTICLES: usize = 64;

#[derive(Clone, Debug)]
pub struct Options {
    pub read: ReadOptions,
    /// Keep every (article, story) pair for [`Ingested::assignments`].
    pub keep_assignments: bool,
    /// Articles grouped into stories at a time: each batch is assigned and
    /// committed before the next, so memory stays flat and a kill loses no story.
    pub story_batch: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { read: ReadOptions::default(), keep_assignments: false, story_batch: 2_000 }
    }
}

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Ingested {
    /// Articles stored (near-duplicates included).
    pub ingested: usize,
    /// Of the stored, those linked to an earlier original.
    pub near_duplicates: usize,
    /// Exact copies of stored articles: nothing added.
    pub duplicates: usize,
    /// Inputs that could not be read, cleaned or stored.
    pub failed: usize,
    /// Repairs of what an earlier run left unfinished: articles given their
    /// figures again plus articles given a story (one article may count twice).
    pub repaired: usize,
    /// (article, story) in input order, when [`Options::keep_assignments`].
    pub assignments: Vec<(String, String)>,
}

impl std::fmt::Display for Ingested {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ingested {} ({} near-duplicates), duplicates {}, failed {}",
            self.ingested, self.near_duplicates, self.duplicates, self.failed
        )?;
        if self.repaired > 0 {
            write!(f, ", repaired {}", self.repaired)?;
        }
        Ok(())
    }
}

/// What the caller hears as the run goes, to show progress and report problems.
pub enum Notice<'a> {
    /// One document or failure of a source was read.
    Step,
    Failed(&'a InputError),
    Warning(&'a InputError),
}

/// A document made ready for the store, off the write lock.
struct Prepared {
    article: Article,
    figures: Vec<Figure>,
    entities: Value,
    profile: Profile,
}

enum Item {
    Article(Box<Prepared>),
    Failed(InputError),
    Warning(InputError),
}

/// Reads every source into `store`, assigning stories as it goes.
pub fn ingest(
    store: &mut Store,
    sources: &[Source],
    extractor: &Extractor,
    options: &Options,
    notice: &mut dyn FnMut(Notice),
) -> Result<Ingested, StoreError> {
    let profiler = Profiler::new();
    let mut assigner = Assigner::new(extractor, &profiler, options.keep_assignments);
    let underived = rederive(store, extractor)?;
    let mut done = Ingested { repaired: underived + assigner.repair(store)?, ..Default::default() };
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let (send, receive) = sync_channel::<Item>(WAITING_ARTICLES);
        let profiler = &profiler;
        scope.spawn(move || {
            let cleaner = Cleaner::new();
            let mut reader = Reader::new(options.read.clone());
            for source in sources {
                let mut open = true;
                // A parser bug on one source (HTML, feed) becomes that source's error.
                let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    reader.read(source, &mut |event| {
                        if open && send.send(prepare(&cleaner, extractor, profiler, event)).is_err() {
                            open = false;
                        }
                    })
                }));
                if read.is_err() {
                    let failed = InputError::new(source_name(source), "internal error while reading this input (a bug: please report it)");
                    open = open && send.send(Item::Failed(failed)).is_ok();
                }
                if !open {
                    return;
                }
            }
        });
        loop {
            let item = match receive.try_recv() {
                Ok(item) => item,
                Err(TryRecvError::Empty) => {
                    // Nothing to write: let go of the write lock while the reader works.
                    store.commit()?;
                    match receive.recv() {
                        Ok(item) => item,
                        Err(_) => break,
                    }
                }
                Err(TryRecvError::Disconnected) => break,
            };
            if !matches!(item, Item::Warning(_)) {
                notice(Notice::Step);
            }
            match item {
                Item::Article(prepared) => match write(store, &prepared) {
                    Ok(added) => {
                        let mut profile = prepared.profile;
                        // A near-copy points to its original; an exact copy stands for the article already stored.
                        let stored = match &added {
                            Added::New { id, duplicate_of } => {
                                done.ingested += 1;
                                done.near_duplicates += duplicate_of.is_some() as usize;
                                profile.duplicate_of = duplicate_of.as_ref().map(|(d, _)| d.clone());
                                id
                            }
                            Added::Exists { id, .. } => {
                                done.duplicates += 1;
                                profile.duplicate_of = Some(id.clone());
                                id
                            }
                        };
                        assigner.push(profile, stored);
                        if assigner.pending() >= options.story_batch.max(1) {
                            assigner.flush(store)?;
                        }
                    }
                    // An id already taken is this input's problem; any other store error
                    // (disk full, I/O, a lock held too long) stops the run, with what was committed kept.
                    Err(e @ StoreError::IdConflict(_)) => {
                        done.failed += 1;
                        notice(Notice::Failed(&InputError::new(&prepared.article.origin, e)));
                    }
                    Err(e) => return Err(e),
                },
                Item::Failed(e) => {
                    done.failed += 1;
                    notice(Notice::Failed(&e));
                }
                Item::Warning(e) => notice(Notice::Warning(&e)),
            }
        }
        Ok(())
    })?;
    done.assignments = assigner.finish(store)?;
    Ok(done)
}

/// Extracts again the figures and entities of stored articles that have none
/// (an older Vigie wrote them after the article, and a kill could fall between).
fn rederive(store: &mut Store, extractor: &Extractor) -> Result<usize, StoreError> {
    let ids = store.articles_without_entities()?;
    for id in &ids {
        let Some(stored) = store.article(id)? else { continue };
        let article = stored.to_article();
        let entities = serde_json::to_value(extractor.story_entities(&article)).expect("entities serialise");
        store.set_derived(id, &Derived { figures: &extractor.figures(&article), entities: &entities })?;
    }
    store.commit()?;
    Ok(ids.len())
}

/// How messages name a source.
fn source_name(source: &Source) -> String {
    match source {
        Source::File { path, .. } | Source::Manifest { path, .. } => vigie_ingest::read::display(path),
        Source::Stdin => "-".into(),
        Source::Url(url) => url.clone(),
        Source::Inline { name, .. } => name.clone(),
    }
}

fn write(store: &mut Store, prepared: &Prepared) -> Result<Added, StoreError> {
    let derived = Derived { figures: &prepared.figures, entities: &prepared.entities };
    store.add_with(&prepared.article, Some(&derived))
}

/// Cleans, extracts and profiles one document. A bug on one input becomes
/// that input's error, not the end of the run.
fn prepare(cleaner: &Cleaner, extractor: &Extractor, profiler: &Profiler, event: Event) -> Item {
    let doc = match event {
        Event::Document(doc) => doc,
        Event::Failed(e) => return Item::Failed(e),
        Event::Warning(e) => return Item::Warning(e),
    };
    let origin = doc.origin.clone();
    let prepared = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let article = cleaner.clean(*doc)?;
        let figures = extractor.figures(&article);
        let entities = extractor.story_entities(&article);
        let mut profile = profiler.profile(&article, &entities);
        profile.article = article.id.clone();
        let entities = serde_json::to_value(&entities).expect("entities serialise");
        Ok::<_, InputError>(Prepared { article, figures, entities, profile })
    }));
    match prepared {
        Ok(Ok(prepared)) => Item::Article(Box::new(prepared)),
        Ok(Err(e)) => Item::Failed(e),
        Err(_) => Item::Failed(InputError::new(origin, "internal error while reading this input (a bug: please report it)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(lines: &[(&str, &str)]) -> Source {
        let body: String = lines.iter().map(|(id, text)| serde_json::json!({ "id": id, "text": text }).to_string() + "\n").collect();
        Source::Inline { name: "test".into(), body: body.into_bytes() }
    }

    fn run(store: &mut Store, sources: &[Source], story_batch: usize) -> Ingested {
        let options = Options { keep_assignments: true, story_batch, ..Default::default() };
        ingest(store, sources, &Extractor::new(), &options, &mut |_| {}).unwrap()
    }

    const FLOOD: &str = "Las inundaciones en Valencia dejaron 40 muertos, según el gobierno regional, que teme más víctimas en Paiporta.";
    const QUAKE: &str = "A strong earthquake struck central Chile on Monday, killing 12 people, the interior ministry said in Santiago.";

    #[test]
    fn articles_arrive_with_figures_entities_and_stories() {
        let mut store = Store::open_in_memory().unwrap();
        let done = run(&mut store, &[manifest(&[("a", FLOOD), ("b", QUAKE), ("c", "{broken")])], 1);
        assert_eq!((done.ingested, done.failed), (3, 0));
        assert_eq!(done.assignments.len(), 3);
        let figures = store.figures("a").unwrap();
        assert!(figures.iter().any(|f| f.value == 40), "{figures:?}");
        assert!(store.entities("b").unwrap().is_some());
        for id in ["a", "b", "c"] {
            assert!(store.story_of(id).unwrap().is_some(), "{id} has no story");
        }
        assert_ne!(store.story_of("a").unwrap(), store.story_of("b").unwrap());
    }

    #[test]
    fn a_run_gives_a_story_to_articles_left_without_one() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("v.db");
        let mut store = Store::open(&db).unwrap();
        // As a run killed before its story batch: the article is stored, with its figures, but has no story.
        store
            .add(&Cleaner::new().clean(vigie_model::Document { id: "x".into(), text: FLOOD.into(), ..Default::default() }).unwrap())
            .unwrap();
        store.commit().unwrap();
        assert_eq!(store.articles_without_story().unwrap(), ["x"]);
        let done = run(&mut store, &[manifest(&[("y", QUAKE)])], 100);
        // Two repairs of one article: its figures, then its story.
        assert_eq!(done.repaired, 2);
        assert!(store.articles_without_story().unwrap().is_empty());
        // Its figures and entities, missing as an older Vigie could leave them, are extracted again.
        assert!(store.figures("x").unwrap().iter().any(|f| f.value == 40));
        assert!(store.articles_without_entities().unwrap().is_empty());
    }

    #[test]
    fn a_later_batch_reaching_further_back_finds_the_older_stored_stories() {
        let mut store = Store::open_in_memory().unwrap();
        let dated = |lines: &[(&str, &str, &str)]| {
            let body: String = lines
                .iter()
                .map(|(id, day, text)| serde_json::json!({ "id": id, "published": day, "text": text }).to_string() + "\n")
                .collect();
            Source::Inline { name: "test".into(), body: body.into_bytes() }
        };
        run(&mut store, &[dated(&[("a", "2025-01-10", FLOOD)])], 100);
        // One article per batch: the first is months later, the second a follow-up of the January story.
        let follow_up = FLOOD.replace("40 muertos", "41 muertos");
        run(&mut store, &[dated(&[("b", "2025-06-01", QUAKE), ("c", "2025-01-12", &follow_up)])], 1);
        assert_eq!(store.story_of("c").unwrap(), store.story_of("a").unwrap());
        assert_ne!(store.story_of("b").unwrap(), store.story_of("a").unwrap());
    }

    #[test]
    fn failures_are_reported_and_the_batch_goes_on() {
        let mut store = Store::open_in_memory().unwrap();
        let body = format!("{{\"id\": \"a\", \"text\": {FLOOD:?}}}\nnot json\n{{\"id\": \"b\", \"text\": {QUAKE:?}}}\n");
        let mut failures = Vec::new();
        let options = Options::default();
        let source = Source::Inline { name: "body".into(), body: body.into_bytes() };
        let done = ingest(&mut store, &[source], &Extractor::new(), &options, &mut |n| {
            if let Notice::Failed(e) = n {
                failures.push(e.to_string())
            }
        })
        .unwrap();
        assert_eq!((done.ingested, done.failed), (2, 1));
        assert!(failures[0].starts_with("body:2: malformed JSON"), "{failures:?}");
        // An id already used by another article fails that line alone.
        let taken = manifest(&[
            ("a", "Otro texto sin relación con el primero, sobre un mercado de Cádiz."),
            ("z", "Un incendie a détruit trois entrepôts près de Lyon, sans faire de blessés, selon les pompiers."),
        ]);
        let again = run(&mut store, &[taken], 100);
        assert_eq!((again.ingested, again.duplicates, again.failed), (1, 0, 1));
    }
}
