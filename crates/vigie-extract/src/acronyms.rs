//! Organisations the lexicon does not know, found where a text introduces
//! them by name and acronym: "l'Observatoire des violences au Kivu (OVK)".
//! The acronym then stands for them wherever it appears. Both the sources
//! and the entities of an article use them.

use std::ops::Range;
use vigie_lang::Language;

/// The longest acronym, in bytes.
const MAX_ACRONYM: usize = 8;
/// The shortest acronym written as a word with one capital ("Conred"): shorter ones are names.
const MIN_SYLLABIC: usize = 4;
/// The fewest words of the name a syllable acronym abbreviates.
const MIN_SYLLABIC_NAME_WORDS: usize = 3;
/// The most words an organisation's name may have before its acronym.
const MAX_NAME_WORDS: usize = 10;

/// A mention of an introduced organisation: its name with the acronym in
/// parentheses, or the acronym alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Introduced {
    pub span: Range<usize>,
    pub acronym: String,
    /// Its name makes it an NGO ("Observatoire", "League").
    pub ngo: bool,
}

/// Organisations introduced by name and acronym, "Name Of The Body (NOTB)",
/// and every later or earlier use of the acronym on its own.
pub(crate) fn introduced(lang: &Language, text: &str) -> Vec<Introduced> {
    let mut out: Vec<Introduced> = Vec::new();
    let mut acronyms: Vec<(String, bool)> = Vec::new();
    for (open, _) in text.match_indices('(') {
        // An acronym is short: look for its closing parenthesis nearby only.
        let close = text[open..].char_indices().take(MAX_ACRONYM + 2).find(|&(_, c)| c == ')');
        let Some(close) = close.map(|(c, _)| open + c) else { continue };
        let acronym = &text[open + 1..close];
        let uppercase = acronym.chars().filter(char::is_ascii_uppercase).count();
        // "Senapred", "Conred": a syllable acronym written as a word, with one capital.
        // A word the lexicon knows ("Madrid", "Paris") is no acronym.
        let syllabic = uppercase == 1
            && acronym.len() >= MIN_SYLLABIC
            && acronym.starts_with(|c: char| c.is_ascii_uppercase())
            && lang.lexicon.rank(&acronym.to_lowercase()).is_none();
        if !(2..=MAX_ACRONYM).contains(&acronym.len()) || uppercase < 2 && !syllabic || !acronym.chars().all(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let Some(name_start) = spelled_out(lang, &text[..open], acronym).or_else(|| name_before(lang, &text[..open])) else { continue };
        // A syllable acronym starts as its name does, and names a body of several words.
        let name_words = text[name_start..open].split_whitespace().count();
        if syllabic && (!text[name_start..].starts_with(&acronym[..1]) || name_words < MIN_SYLLABIC_NAME_WORDS) {
            continue;
        }
        let name = &text[name_start..open];
        let mut words = name.split(|c: char| c.is_whitespace() || c == '\'' || c == '’');
        let ngo = words.any(|w| lang.sources.ngo_heads.iter().any(|h| h == w));
        out.push(Introduced { span: name_start..close + 1, acronym: acronym.to_string(), ngo });
        if !acronyms.iter().any(|(a, _)| a == acronym) {
            acronyms.push((acronym.to_string(), ngo));
        }
    }
    for (acronym, ngo) in acronyms {
        for (at, _) in text.match_indices(acronym.as_str()) {
            let span = at..at + acronym.len();
            if crate::whole_words(text, span.clone()) && out.iter().all(|m| span.end <= m.span.start || span.start >= m.span.end) {
                out.push(Introduced { span, acronym: acronym.clone(), ngo });
            }
        }
    }
    out
}

/// The words ending `before`, last first, each with where it starts; words
/// are split at spaces and apostrophes ("l'Observatoire"), and at most
/// `MAX_NAME_WORDS` are read.
fn words_back(before: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(before.trim_end());
    std::iter::from_fn(move || {
        let text = rest?;
        let separator = text.char_indices().rev().find(|&(_, c)| c.is_whitespace() || c == '\'' || c == '’');
        let start = separator.map_or(0, |(i, c)| i + c.len_utf8());
        rest = separator.map(|(i, _)| &text[..i]);
        Some((start, &text[start..]))
    })
    .take(MAX_NAME_WORDS)
}

/// Where the name that `acronym` abbreviates starts, when its words end
/// `before` with the acronym's initials, in order ("Observatoire des
/// violences au Kivu" for OVK); joiners may stand between them.
fn spelled_out(lang: &Language, before: &str, acronym: &str) -> Option<usize> {
    let mut letters = acronym.chars().rev().peekable();
    for (start, word) in words_back(before) {
        let initial = word.chars().next()?;
        if letters.peek().is_some_and(|l| l.eq_ignore_ascii_case(&initial)) {
            letters.next();
            if letters.peek().is_none() {
                return Some(start);
            }
        } else if !lang.sources.name_joiners.iter().any(|j| j == word) {
            return None;
        }
    }
    None
}

/// Where the capitalised name ending `before` starts: capitalised words,
/// joined by the short lower-case words of names ("des", "au", "of the").
fn name_before(lang: &Language, before: &str) -> Option<usize> {
    let mut start = None;
    for (at, word) in words_back(before) {
        if word.starts_with(char::is_uppercase) {
            start = Some(at);
        } else if word.is_empty() || !lang.sources.name_joiners.iter().any(|j| j == word) {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn acronyms(lang: &str, text: &str) -> Vec<String> {
        introduced(Languages::get().by_code(lang).unwrap(), text).into_iter().map(|m| m.acronym).collect()
    }

    #[test]
    fn a_syllable_acronym_with_one_capital_names_the_body_before_it() {
        let es = "confirmó la Oficina Nacional de Alertas y Respuesta ante Sismos (Onares). Luego Onares habló.";
        assert_eq!(acronyms("es", es), ["Onares", "Onares"]);
        // A word of the lexicon, or one that does not start as the name does, is no acronym.
        assert!(acronyms("es", "el Museo de Arte Moderno de la ciudad (Madrid)").is_empty());
        assert!(acronyms("fr", "le Bureau Central des Crues (Tornel)").is_empty());
        assert_eq!(acronyms("fr", "selon le Comité contre les Violences Urbaines (CVU)"), ["CVU"]);
    }
}
