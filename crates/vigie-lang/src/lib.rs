//! Language knowledge, loaded from the data files under `lang/<code>/`.
//!
//! Every language-specific word or pattern Vigie uses lives in those files:
//! `lang.toml` (codes), `cleaning.toml` (boilerplate lines, abbreviations,
//! prefixes that glued-word repair must not split off), `dates.toml` (month and
//! weekday names), `numbers.toml`, `figures.toml`, `sources.toml`,
//! `events.toml` (the words naming earthquakes, floods, ...) and `lexicon.txt` (frequent words, most frequent first).
//! The build embeds every folder it finds, so supporting another language is a
//! data change: add `lang/it/` with the same files.

mod data;
mod detect;
pub mod world;

pub use data::{BoilerplateRule, Cleaning, Dates, Events, Figures, Institution, Language, Lexicon, Numbers, Sources};
pub use detect::detect;

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/language_files.rs"));

/// All languages Vigie has data for.
pub struct Languages {
    langs: Vec<Language>,
}

impl Languages {
    /// The languages embedded at build time, parsed once.
    pub fn get() -> &'static Languages {
        static LANGS: OnceLock<Languages> = OnceLock::new();
        LANGS.get_or_init(|| Languages { langs: LANGUAGE_FILES.iter().map(|(code, files)| Language::load(code, files)).collect() })
    }

    pub fn all(&self) -> &[Language] {
        &self.langs
    }

    /// The language with this ISO 639-1 code.
    pub fn by_code(&self, code: &str) -> Option<&Language> {
        self.langs.iter().find(|l| l.code == code)
    }

    /// The language whatlang calls `lang`.
    pub fn by_whatlang(&self, lang: whatlang::Lang) -> Option<&Language> {
        self.langs.iter().find(|l| l.whatlang == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_english_and_spanish_load() {
        let langs = Languages::get();
        for code in ["fr", "en", "es"] {
            let lang = langs.by_code(code).unwrap_or_else(|| panic!("no data for {code}"));
            assert_eq!(lang.dates.months.len(), 12, "{code}");
            assert_eq!(lang.dates.weekdays.len(), 7, "{code}");
            assert!(!lang.cleaning.boilerplate.is_empty(), "{code}");
            assert!(lang.lexicon.rank("the").is_some() || code != "en");
        }
    }

    #[test]
    fn whatlang_codes_resolve() {
        let langs = Languages::get();
        assert_eq!(langs.by_whatlang(whatlang::Lang::Fra).map(|l| l.code), Some("fr"));
        assert_eq!(langs.by_whatlang(whatlang::Lang::Spa).map(|l| l.code), Some("es"));
    }
}
