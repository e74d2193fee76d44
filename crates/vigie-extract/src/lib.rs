//! Extraction: from a clean article to its figures, entities and places.
//!
//! [`numbers`] reads numbers written in digits or words; [`cues`] finds the
//! phrases of a language's `figures.toml`; [`figures`] ties numbers to
//! metrics, qualifiers and groups.

pub mod cues;
pub mod figures;
pub mod numbers;

use figures::FigureFinder;
use std::collections::HashSet;
use std::sync::OnceLock;
use vigie_lang::Languages;
use vigie_model::{Article, DatePrecision, Figure};

/// Extracts figures from articles in any language Vigie has data for.
/// Each language's automata are built on first use.
pub struct Extractor {
    finders: Vec<(&'static str, OnceLock<FigureFinder>)>,
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

    fn finder(&self, code: &str) -> Option<&FigureFinder> {
        let (_, cell) = self.finders.iter().find(|(c, _)| *c == code)?;
        Some(cell.get_or_init(|| FigureFinder::new(Languages::get().by_code(code).expect("listed language"))))
    }

    /// The figures of one article: one per distinct (metric, value, group), first mention kept.
    pub fn figures(&self, article: &Article) -> Vec<Figure> {
        let Some(finder) = article.lang.as_deref().and_then(|l| self.finder(l)) else { return Vec::new() };
        let raw = finder.find(&article.text);
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
            out.push(Figure {
                article: article.id.clone(),
                metric: f.metric,
                value: f.value,
                high: f.high,
                qualifier: f.qualifier,
                group: f.group,
                cause: None,
                source: None,
                source_id: None,
                as_of: if f.previous { None } else { day },
                as_of_precision: (!f.previous && day.is_some()).then_some(DatePrecision::Day),
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
