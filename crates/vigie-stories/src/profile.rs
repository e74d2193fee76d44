//! What grouping knows of an article: a few language-independent keys
//! (canonical entities, gazetteer places, countries), its weighted terms, the
//! kind of event it names most, and its day.
//!
//! Keys are 64-bit hashes, so a profile is a few small vectors and grouping
//! never compares strings.

use chrono::NaiveDate;
use std::hash::{BuildHasher, Hash, Hasher};
use unicode_normalization::UnicodeNormalization;
use vigie_extract::entities::ArticleEntity;
use vigie_lang::{Language, Languages};
use vigie_model::Article;

/// Words this frequent in their language say nothing about the event.
const COMMON_WORD_RANK: u32 = 400;
/// Words this short are mostly grammar.
const MIN_TERM_CHARS: usize = 4;

/// A feature key: the hash of a namespaced string ("p:170063", "t:bombardements").
pub type Key = u64;

pub fn key(namespace: &str, value: &str) -> Key {
    let mut h = foldhash::fast::FixedState::with_seed(0x0056_4947_4945).build_hasher();
    namespace.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// One article, as grouping sees it.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub article: String,
    /// Words compare only within a language.
    pub lang: Option<&'static str>,
    pub day: Option<NaiveDate>,
    /// Entities and places with their mention counts.
    pub entities: Vec<(Key, u32)>,
    /// The keys of `entities` that are places.
    pub places: Vec<Key>,
    /// Content words with their counts.
    pub terms: Vec<(Key, u32)>,
    /// Capitalised words inside sentences, with their counts.
    pub names: Vec<(Key, u32)>,
    /// The kind of event the article names most ("earthquake"), if any.
    pub kind: Option<&'static str>,
    /// The article this one nearly duplicates: it joins that article's story.
    pub duplicate_of: Option<String>,
}

/// Builds profiles; holds each language's event-kind automaton.
pub struct Profiler {
    kinds: Vec<(&'static str, vigie_text::Phrases, Vec<&'static str>)>,
}

impl Default for Profiler {
    fn default() -> Self {
        Self::new()
    }
}

impl Profiler {
    pub fn new() -> Self {
        let kinds = Languages::get()
            .all()
            .iter()
            .map(|lang| {
                let (words, kinds): (Vec<&str>, Vec<&'static str>) =
                    lang.events.kinds.iter().flat_map(|(kind, words)| words.iter().map(move |w| (w.as_str(), kind.as_str()))).unzip();
                let phrases = vigie_text::Phrases::new(&words);
                (lang.code, phrases, kinds)
            })
            .collect();
        Profiler { kinds }
    }

    /// The profile of `article`, given the entities found in it.
    pub fn profile(&self, article: &Article, entities: &[ArticleEntity]) -> Profile {
        let day = article.published.and_then(|p| p.exact_day());
        self.profile_text(&article.id, article.lang.as_deref(), day, &article.text, entities)
    }

    /// The profile of a clean text, given its language, day and entities.
    pub fn profile_text(&self, id: &str, lang: Option<&str>, day: Option<NaiveDate>, text: &str, entities: &[ArticleEntity]) -> Profile {
        let lang = lang.and_then(|code| Languages::get().by_code(code));
        let mut keyed: Vec<(Key, u32)> = Vec::with_capacity(entities.len());
        let mut places = Vec::new();
        // A wire agency credited in a byline says nothing of which story an article tells.
        for e in entities.iter().filter(|e| e.kind != "media") {
            let n = e.mentions as u32;
            match &e.place {
                // The place, and its country: reports naming Al Haouz and
                // reports naming only Morocco share the country.
                Some(place) => {
                    let k = key("p", &place.geonames_id.to_string());
                    places.push(k);
                    keyed.push((k, n));
                    keyed.push((key("c", &place.country), n));
                }
                None => keyed.push((key(e.kind, &fold(&e.canonical)), n)),
            }
        }
        Profile {
            article: id.to_string(),
            lang: lang.map(|l| l.code),
            day,
            entities: merge(keyed),
            places,
            terms: lang.map(|l| terms(text, l)).unwrap_or_default(),
            names: lang.map(|l| merge(names(text, l))).unwrap_or_default(),
            kind: lang.and_then(|l| self.kind(text, l.code)),
            duplicate_of: None,
        }
    }

    /// The kind named most often, when one is named at least twice.
    fn kind(&self, text: &str, code: &str) -> Option<&'static str> {
        let (_, phrases, kinds) = self.kinds.iter().find(|(c, _, _)| *c == code)?;
        let mut counts: Vec<(&'static str, u32)> = Vec::new();
        for m in phrases.find(text) {
            let kind = kinds[m.phrase];
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((kind, 1)),
            }
        }
        counts.into_iter().filter(|&(_, n)| n >= 2).max_by_key(|&(k, n)| (n, std::cmp::Reverse(k))).map(|(k, _)| k)
    }
}

/// Lower case without accents: "Alépo" and "alepo" are one term.
fn fold(word: &str) -> String {
    word.nfd().filter(|c| c.is_alphanumeric() || *c == ' ').flat_map(char::to_lowercase).collect()
}

/// The content words of `text` with their counts: not too short, not among the language's most frequent.
fn terms(text: &str, lang: &Language) -> Vec<(Key, u32)> {
    let mut lower = String::new();
    let keyed = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_TERM_CHARS && !w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|w| {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            if lang.lexicon.rank(&lower).is_some_and(|r| r < COMMON_WORD_RANK) {
                return None;
            }
            Some((key("t", &fold(&lower)), 1))
        })
        .collect();
    merge(keyed)
}

/// Capitalised words inside sentences ("Pinga", "Kivu", "FPK"): names are
/// spelt alike in many languages, so they bridge languages for places and
/// groups the entity finder does not know.
fn names(text: &str, lang: &Language) -> Vec<(Key, u32)> {
    let mut out = Vec::new();
    let mut lower = String::new();
    let mut rest = text;
    // Whether the separators since the last word end a sentence.
    let mut sentence_start = true;
    while !rest.is_empty() {
        let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word.chars().count() >= 3 && word.starts_with(char::is_uppercase) && !sentence_start {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            if lang.lexicon.rank(&lower).is_none_or(|r| r >= COMMON_WORD_RANK) {
                out.push((key("n", &fold(&lower)), 1));
            }
        }
        rest = &rest[word_end..];
        let gap_end = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        if !word.is_empty() {
            sentence_start = rest[..gap_end].contains(['.', '!', '?', '\n', ':']);
        }
        rest = &rest[gap_end..];
    }
    out
}

/// Sums the counts of equal keys.
fn merge(mut keyed: Vec<(Key, u32)>) -> Vec<(Key, u32)> {
    keyed.sort_unstable_by_key(|&(k, _)| k);
    let mut out: Vec<(Key, u32)> = Vec::with_capacity(keyed.len());
    for (k, n) in keyed {
        match out.last_mut() {
            Some((last, total)) if *last == k => *total += n,
            _ => out.push((k, n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_merging() {
        assert_eq!(fold("Alépo"), "alepo");
        assert_eq!(merge(vec![(3, 1), (1, 2), (3, 4)]), [(1, 2), (3, 5)]);
    }

    #[test]
    fn the_kind_named_most() {
        let profiler = Profiler::new();
        let text = "Le séisme de magnitude 6,1 a fait 40 morts. Les inondations de l'an dernier sont oubliées.";
        assert_eq!(profiler.kind(text, "fr"), Some("earthquake"));
        assert_eq!(profiler.kind("Un match nul, un but.", "fr"), None);
    }

    #[test]
    fn names_inside_sentences() {
        let lang = Languages::get().by_code("es").unwrap();
        let found = names("Combates en Pinga. Los rebeldes del FPK avanzan hacia Goma.", lang);
        let mut expected = vec![(key("n", "pinga"), 1), (key("n", "fpk"), 1), (key("n", "goma"), 1)];
        expected.sort();
        assert_eq!(merge(found), expected);
    }

    #[test]
    fn common_words_are_not_terms() {
        let lang = Languages::get().by_code("en").unwrap();
        let t = terms("The floods were there and there.", lang);
        assert_eq!(t, [(key("t", "floods"), 1)]);
    }
}
