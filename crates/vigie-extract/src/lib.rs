//! Extraction: from a clean article to its figures, entities and places.
//!
//! [`numbers`] reads numbers written in digits or words; [`cues`] finds the
//! phrases of a language's `figures.toml`; [`figures`] ties numbers to
//! metrics, qualifiers and groups; [`sources`] and [`dates`] say who gave a
//! figure and for which day; [`entities`] finds organisations, groups,
//! people and places (GeoNames gazetteer).

pub mod cues;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod numbers;
pub mod sources;

use entities::{ArticleEntity, EntityFinder};
use figures::FigureFinder;
use sources::SourceFinder;
use std::collections::HashSet;
use std::sync::OnceLock;
use vigie_lang::Languages;
use vigie_model::{Article, DatePrecision, Figure};

/// One language's finders.
struct Finders {
    figures: FigureFinder,
    sources: SourceFinder,
    entities: EntityFinder,
}

/// Extracts figures from articles in any language Vigie has data for.
/// Each language's automata are built on first use.
pub struct Extractor {
    finders: Vec<(&'static str, OnceLock<Finders>)>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    pub fn new() -> Self {
        Extractor { finders: Languages::get().all().iter().map(|l| (l.code, OnceLock::new())).collect() }
    }

    fn finder(&self, code: &str) -> Option<&Finders> {
        let (_, cell) = self.finders.iter().find(|(c, _)| *c == code)?;
        Some(cell.get_or_init(|| {
            let lang = Languages::get().by_code(code).expect("listed language");
            Finders { figures: FigureFinder::new(lang), sources: SourceFinder::new(lang), entities: EntityFinder::new(lang) }
        }))
    }

    /// The entities of one article: known organisations, groups, people, events, places with coordinates.
    pub fn entities(&self, article: &Article) -> Vec<ArticleEntity> {
        match article.lang.as_deref().and_then(|l| self.finder(l)) {
            Some(f) => f.entities.entities(&article.text),
            None => Vec::new(),
        }
    }

    /// The figures of one article: one per distinct (metric, value, group), first mention kept.
    pub fn figures(&self, article: &Article) -> Vec<Figure> {
        let Some(finders) = article.lang.as_deref().and_then(|l| self.finder(l)) else { return Vec::new() };
        let found = finders.figures.find(&article.text);
        let country = finders.entities.main_country(&article.text);
        let sources = finders.sources.sources(&article.text, country.as_deref());
        let raw = &found.figures;
        let day = article.published.and_then(|p| p.exact_day());
        let mut seen = HashSet::new();
        let mut index_of = vec![None; raw.len()];
        let mut out: Vec<Figure> = Vec::new();
        for (i, f) in raw.iter().enumerate() {
            if !seen.insert((f.metric, f.value, f.group)) {
                continue;
            }
            index_of[i] = Some(out.len());
            let span = article.original_span(f.span.clone());
            let note = if f.previous {
                Some("previous toll".to_string())
            } else if f.estimate {
                Some("estimate".to_string())
            } else {
                None
            };
            let source = sources::attribute(&found, &sources, f);
            let as_of = if f.previous { None } else { dates::as_of(&found.dates, f.sentence, day) };
            out.push(Figure {
                article: article.id.clone(),
                metric: f.metric,
                value: f.value,
                high: f.high,
                qualifier: f.qualifier,
                group: f.group,
                cause: None,
                source_id: source.as_ref().map(|s| s.to_lowercase()),
                source,
                as_of,
                as_of_precision: as_of.map(|_| DatePrecision::Day),
                quote: article.original[span.clone()].to_string(),
                start: span.start,
                end: span.end,
                lang: article.lang.clone(),
                part_of: f.part_of.and_then(|p| index_of.get(p).copied().flatten()),
                note,
            });
        }
        out
    }
}
