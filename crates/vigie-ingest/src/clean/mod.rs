//! Cleaning: a [`Document`]'s original text to an [`Article`]'s clean text.
//!
//! Line by line ([`lines`]): the crawl marker, boilerplate lines, repeated
//! titles and paragraphs go. Character by character ([`chars`]): NFC, one
//! apostrophe and one quote style, collapsed spaces (no-break and narrow
//! no-break spaces used as thousands separators included), and words glued
//! by scraping pulled apart ([`glue`]). Every output byte keeps a link to the
//! original through the article's [`vigie_model::OffsetMap`].

mod chars;
mod glue;
mod lines;

use crate::fingerprint::Fingerprint;
use crate::published::{publication_date, DateEvidence};
use crate::InputError;
use chrono::NaiveDate;
use vigie_lang::Languages;
use vigie_model::{Article, Document, OffsetMapBuilder};

pub use vigie_text::{sentences, Boilerplate};

/// Holds what cleaning compiles once: the boilerplate patterns of every language.
pub struct Cleaner {
    boilerplate: Boilerplate,
    today: NaiveDate,
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new()
    }
}

impl Cleaner {
    pub fn new() -> Self {
        // Every language's patterns apply to every article: pages mix
        // languages ("Read more" on a French site) and the patterns do not
        // collide with prose in another language.
        let boilerplate = Boilerplate::new(Languages::get().all().iter().flat_map(|l| l.cleaning.boilerplate.iter()));
        Cleaner { boilerplate, today: chrono::Local::now().date_naive() }
    }

    /// Fixes "today" (dates after it are not publication dates), for reproducible tests.
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.today = today;
        self
    }

    /// Cleans one document. Fails, naming the input, when nothing readable is left.
    pub fn clean(&self, doc: Document) -> Result<Article, InputError> {
        if doc.text.trim().is_empty() {
            return Err(InputError::new(doc.origin, "empty article"));
        }
        let langs = Languages::get();
        let lang = doc
            .lang
            .as_deref()
            .and_then(|c| langs.by_code(c))
            .or_else(|| vigie_lang::detect(&doc.text).and_then(|(c, _)| langs.by_code(c)));
        let selected = lines::select(&doc.text, &self.boilerplate);
        let mut builder = OffsetMapBuilder::new(&doc.text);
        let mut glue = glue::Glue::new(&doc.text, lang);
        let mut previous_end = None;
        for line in &selected.kept {
            if let Some(end) = previous_end {
                builder.replace(end..line.start, "\n");
            }
            chars::normalize(&mut builder, &doc.text, line.clone(), &mut glue);
            builder.trim_end_matches(&[' ']);
            previous_end = Some(line.end);
        }
        let (text, offsets) = builder.finish();
        if text.trim().is_empty() {
            return Err(InputError::new(doc.origin, "empty article once boilerplate is removed"));
        }
        let lang_code = lang.map(|l| l.code.to_string());
        let published = publication_date(&DateEvidence {
            metadata: doc.published,
            url: doc.url.as_deref(),
            crawl_marker: selected.crawl_marker,
            text: &doc.text,
            lang: lang_code.as_deref(),
            today: self.today,
        });
        let title = doc.title.clone().or_else(|| {
            let first = text.lines().next().unwrap_or("").trim();
            (first.chars().count() <= 250).then(|| first.to_string())
        });
        let fingerprint = Fingerprint::of(&text);
        Ok(Article {
            id: doc.id,
            origin: doc.origin,
            url: doc.url,
            outlet: doc.outlet,
            title,
            lang: lang_code,
            published,
            original: doc.text,
            text,
            offsets,
            removed: selected.removed,
            text_hash: fingerprint.text_hash,
            minhash: fingerprint.minhash,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_model::{DateOrigin, RemovalKind};

    fn clean(text: &str) -> Article {
        let doc = Document { id: "t".into(), origin: "t.txt".into(), text: text.into(), ..Default::default() };
        Cleaner::new().with_today(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).clean(doc).unwrap()
    }

    #[test]
    fn a_scraped_page_comes_out_clean_with_offsets() {
        let original = " date 2024-11 Crue à Murcie : 12 morts\nCrue à Murcie : 12 morts\nLire aussi : Les inondations de 2019\n\
            Selon la protection\u{a0}civile, au moins 1\u{202f}200 personnes ont été évacuées jeudi 28 novembre.\nSuivez-nous sur Google News";
        let a = clean(original);
        assert_eq!(
            a.text,
            "Crue à Murcie : 12 morts\nSelon la protection civile, au moins 1 200 personnes ont été évacuées jeudi 28 novembre."
        );
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(a.title.as_deref(), Some("Crue à Murcie : 12 morts"));
        let published = a.published.unwrap();
        assert_eq!((published.to_string(), published.origin), ("2024-11-28".into(), DateOrigin::Text));
        let kinds: Vec<_> = a.removed.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RemovalKind::CrawlMarker, RemovalKind::Repeated, RemovalKind::Boilerplate, RemovalKind::Boilerplate]);
        let at = a.text.find("1 200").unwrap();
        assert_eq!(&a.original[a.original_span(at..at + 5)], "1\u{202f}200");
    }

    #[test]
    fn empty_and_boilerplate_only_articles_are_errors() {
        let cleaner = Cleaner::new();
        let doc = |text: &str| Document { id: "e".into(), origin: "e.txt".into(), text: text.into(), ..Default::default() };
        assert_eq!(cleaner.clean(doc(" \n\t")).unwrap_err().to_string(), "e.txt: empty article");
        assert!(cleaner.clean(doc("Suivez-nous sur Google News\n")).unwrap_err().reason.contains("boilerplate"));
    }
}
