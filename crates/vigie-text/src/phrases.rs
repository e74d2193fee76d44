//! One matcher for every word list: phrases found as whole words on a
//! lower-cased copy of the text, with offsets into the text itself.
//!
//! A plain leftmost-longest scan that drops matches inside words loses the
//! real ones behind them: in "tres desaparecidos" the copula "es" inside
//! "tres" is found first, rejected, and the scan resumes past it, in the
//! middle of nowhere. Here a rejected match moves the scan to the end of
//! its word only, and a match that ends inside a word gives way to a shorter
//! phrase that starts at the same place ("muertos" in "muertos enteros"
//! when "muertos en" is a phrase too).

use crate::Folded;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::ops::Range;

/// A set of phrases, matched case-insensitively (Unicode lower case) as whole words.
pub struct Phrases {
    automaton: AhoCorasick,
}

/// One phrase found in a text: where (in the text's own offsets) and which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: Range<usize>,
    /// The index of the phrase, in the order given to [`Phrases::new`].
    pub phrase: usize,
}

impl Phrases {
    /// Panics when the automaton cannot be built (it can only fail on sizes far above any word list).
    pub fn new<I, P>(phrases: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let lowered: Vec<String> = phrases.into_iter().map(|p| p.as_ref().to_lowercase()).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&lowered)
            .expect("word lists compile");
        Phrases { automaton }
    }

    /// Every phrase standing as whole words in `text`, left to right, the
    /// longest where two start at one place, none overlapping.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let folded = Folded::new(text);
        let hay = folded.text();
        let mut out = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(at..hay.len())) else { break };
            match self.whole_words_at(hay, m.start(), m.end(), m.pattern().as_usize()) {
                Some((end, phrase)) => {
                    out.push(PhraseMatch { span: folded.original(m.start()..end), phrase });
                    at = end.max(m.start() + 1);
                }
                // Any other phrase starting inside this word starts inside a word too: go past it.
                None => at = past_word(hay, m.start()),
            }
        }
        out
    }

    /// The longest phrase starting at `start` that ends on a word boundary,
    /// given the longest one there (ending at `end`).
    fn whole_words_at(&self, hay: &str, start: usize, mut end: usize, mut phrase: usize) -> Option<(usize, usize)> {
        if starts_word(hay, start) && hay[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
            return None;
        }
        loop {
            let ends_word = hay[..end].chars().next_back().is_some_and(char::is_alphanumeric);
            if !ends_word || !hay[end..].chars().next().is_some_and(char::is_alphanumeric) {
                return Some((end, phrase));
            }
            if end <= start + 1 {
                return None;
            }
            let shorter = self.automaton.find(Input::new(hay).span(start..end - 1).anchored(Anchored::Yes))?;
            (end, phrase) = (shorter.end(), shorter.pattern().as_usize());
        }
    }
}

/// Where the word holding `at` ends (one character on when `at` holds no word).
fn past_word(hay: &str, at: usize) -> usize {
    let mut chars = hay[at..].char_indices();
    match chars.next() {
        Some((_, c)) if c.is_alphanumeric() => chars.find(|(_, c)| !c.is_alphanumeric()).map_or(hay.len(), |(i, _)| at + i),
        Some((_, c)) => at + c.len_utf8(),
        None => hay.len(),
    }
}

fn starts_word(hay: &str, at: usize) -> bool {
    hay[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(phrases: &[&str], text: &'t str) -> Vec<&'t str> {
        Phrases::new(phrases).find(text).into_iter().map(|m| &text[m.span]).collect()
    }

    #[test]
    fn a_phrase_inside_a_word_does_not_hide_the_next_one() {
        assert_eq!(found(&["es", "desaparecidos"], "hubo tres desaparecidos"), ["desaparecidos"]);
        assert_eq!(found(&["on", "missing"], "Nine missing, one found"), ["missing"]);
        assert_eq!(found(&["un", "blessés"], "aucun blessés"), ["blessés"]);
    }

    #[test]
    fn a_longer_phrase_ending_inside_a_word_gives_way_to_a_shorter_one() {
        assert_eq!(found(&["muertos", "muertos en"], "27 muertos enteros"), ["muertos"]);
        assert_eq!(found(&["dead", "dead in"], "the dead in Kyiv"), ["dead in"]);
    }

    #[test]
    fn matching_ignores_case_beyond_ascii_and_keeps_offsets() {
        let text = "Selon l'ÉTAT-MAJOR, À au moins 12 km";
        assert_eq!(found(&["état-major", "à au moins", "km"], text), ["ÉTAT-MAJOR", "À au moins", "km"]);
    }

    #[test]
    fn phrases_of_signs_need_no_word_boundary_before_them() {
        assert_eq!(found(&["%", "€"], "12% of 40€"), ["%", "€"]);
    }
}
