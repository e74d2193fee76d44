//! Repairing words glued together by scraping: "Alepdans" was "Alep dans",
//! "dernier.Près" was "dernier. Près". A split is made only where the
//! evidence is strong: the parts are words of the article's language (its
//! lexicon), of the article itself or places of the gazetteer, and the
//! glued form is none of these.

use std::collections::HashSet;
use vigie_lang::world::gazetteer;
use vigie_lang::Language;

/// Glued tokens shorter than this are left alone: short unknown words are
/// more often names than glue.
const MIN_GLUED_CHARS: usize = 6;
/// Tokens longer than this are left alone: no two words glued are this long,
/// and trying every split of a huge token would be quadratic in its length.
const MAX_GLUED_CHARS: usize = 48;
/// Lexicon ranks past this are too rare to trust as one half of a split.
const MAX_PART_RANK: u32 = 30_000;
/// A place glued to a word is split off only when it is this big: small places share names with syllables.
const GLUED_PLACE_POPULATION: u64 = 100_000;
/// The lower-case word before a capital glued to it must be this long: "iPhone", "eBay" are names.
const MIN_CASE_LEFT_CHARS: usize = 3;
/// One half of a split of a lower-case token must be this common (a function word).
const MAX_FUNCTION_RANK: u32 = 300;

pub(super) struct Glue<'a> {
    original: &'a str,
    lang: Option<&'static Language>,
    /// The article's own words, built on first need.
    vocabulary: Option<HashSet<&'a str>>,
    lower: String,
    /// The split points of the last word, reused: no allocation per word.
    points: Vec<usize>,
}

impl<'a> Glue<'a> {
    pub fn new(original: &'a str, lang: Option<&'static Language>) -> Self {
        Glue { original, lang, vocabulary: None, lower: String::new(), points: Vec::new() }
    }

    /// Byte offsets in `w` where a space belongs.
    pub fn split_points(&mut self, w: &str) -> &[usize] {
        let mut points = std::mem::take(&mut self.points);
        points.clear();
        // Most words hold no punctuation: skip the character walk.
        if w.contains(['.', ',', ';']) {
            punctuation_points(w, &mut points);
        }
        let mut start = None;
        for (i, c) in w.char_indices().chain(std::iter::once((w.len(), ' '))) {
            match (c.is_alphabetic(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    if let Some(p) = self.lexical_point(&w[s..i]).or_else(|| self.case_point(&w[s..i])) {
                        points.push(s + p);
                    }
                    start = None;
                }
                _ => {}
            }
        }
        points.sort_unstable();
        self.points = points;
        &self.points
    }

    /// "minutesUn nouveau bilan", "photosThe toll": a lower-case word glued to a capitalised one, both
    /// words of the language. A capitalised start is left alone ("YouTube", "PlayStation" are names).
    fn case_point(&self, token: &str) -> Option<usize> {
        let lang = self.lang?;
        if !token.starts_with(char::is_lowercase) {
            return None;
        }
        let (p, _) = token.char_indices().find(|(_, c)| c.is_uppercase())?;
        let (left, right) = token.split_at(p);
        let lower_tail = right.chars().skip(1).all(char::is_lowercase);
        if !lower_tail || right.chars().count() < 2 || left.chars().count() < MIN_CASE_LEFT_CHARS {
            return None;
        }
        let known = |s: &str| lang.lexicon.rank(&s.to_lowercase()).is_some_and(|r| r <= MAX_PART_RANK);
        (known(left) && known(right)).then_some(p)
    }

    fn lexical_point(&mut self, token: &str) -> Option<usize> {
        let lang = self.lang?;
        let mut chars = token.chars();
        let first = chars.next()?;
        let length = token.chars().take(MAX_GLUED_CHARS + 1).count();
        if !(MIN_GLUED_CHARS..=MAX_GLUED_CHARS).contains(&length) || chars.any(char::is_uppercase) {
            return None;
        }
        self.lower.clear();
        self.lower.extend(token.chars().flat_map(char::to_lowercase));
        if self.lower.len() != token.len() || lang.lexicon.rank(&self.lower).is_some() || inflects_a_word(lang, &self.lower) {
            return None;
        }
        let capitalised = first.is_uppercase();
        // A place name is no glue ("Catarroja" is a town, not "Catar" + "roja").
        if capitalised && !gazetteer().lookup(token).is_empty() {
            return None;
        }
        let original = self.original;
        let vocabulary =
            self.vocabulary.get_or_insert_with(|| original.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect());
        let lower = &self.lower;
        let rank = |s: &str| lang.lexicon.rank(s).filter(|&r| r <= MAX_PART_RANK);
        let mut best: Option<(u64, usize)> = None;
        for (p, _) in token.char_indices().skip(2) {
            if token[p..].chars().count() < 2 {
                break;
            }
            let Some(right) = rank(&lower[p..]) else { continue };
            let score = if capitalised {
                // "Alepdans": the name must stand alone elsewhere in the article, or be a
                // big place by its own name, and what follows it a function word ("Segura" is no "Segu" + "ra";
                // "Okafor" is no "Oka", another name of Awka, + "for").
                let big_place = || {
                    let name = &token[..p];
                    gazetteer()
                        .lookup(name)
                        .iter()
                        .map(|&i| gazetteer().place(i))
                        .any(|place| place.population >= GLUED_PLACE_POPULATION && place.name == name)
                };
                let named = vocabulary.contains(&token[..p]) || big_place();
                if !named || right > MAX_FUNCTION_RANK {
                    continue;
                }
                right as u64
            } else {
                let Some(left) = rank(&lower[..p]) else { continue };
                let prefix = lang.cleaning.glue_prefixes.iter().any(|x| x == &lower[..p]);
                if prefix || left.min(right) > MAX_FUNCTION_RANK || names_a_place(&token[..p]) {
                    continue;
                }
                (left as u64 + 1) * (right as u64 + 1)
            };
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, p));
            }
        }
        best.map(|(_, p)| p)
    }
}

/// Whether a lower-case `left` is a place's name: "malawite", "congolaise" derive from a
/// country, and a place glued to the next word would have kept its capital.
fn names_a_place(left: &str) -> bool {
    let mut chars = left.chars();
    let capitalised: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
    !gazetteer().lookup(&capitalised).is_empty()
}

/// Whether `lower` is another agreement or number of a word of the lexicon ("abattues" of "abattu",
/// "tuées" of "tué", "taliban" of "talibans"): an inflected form the lexicon lacks, not two words glued.
fn inflects_a_word(lang: &Language, lower: &str) -> bool {
    let mut form = String::with_capacity(lower.len() + 4);
    let mut known = |stem: &str, ending: &str| {
        form.clear();
        form.push_str(stem);
        form.push_str(ending);
        lang.lexicon.rank(&form).is_some()
    };
    let number = lang.figures.plurals.iter().any(|(one, many)| {
        lower.strip_suffix(one.as_str()).is_some_and(|stem| known(stem, many))
            || lower.strip_suffix(many.as_str()).is_some_and(|stem| known(stem, one))
    });
    number
        || lang.figures.agreement.iter().any(|endings| {
            endings.iter().filter_map(|e| lower.strip_suffix(e.as_str())).any(|stem| endings.iter().any(|other| known(stem, other)))
        })
}

/// "dernier.Près" (a lower-case word, a full stop, a capitalised word) and
/// "morts,dont" (letters on both sides of a comma) lost their space.
fn punctuation_points(w: &str, points: &mut Vec<usize>) {
    // A window of five characters slides over the word: two before, the mark, two after.
    let mut window = [(0usize, ' '); 5];
    for (n, next) in w.char_indices().enumerate() {
        window.rotate_left(1);
        window[4] = next;
        if n < 4 {
            continue;
        }
        let [(_, before2), (_, before), (i, c), (_, after), (_, after2)] = window;
        let sentence_glue = c == '.' && before.is_lowercase() && before2.is_lowercase() && after.is_uppercase() && after2.is_lowercase();
        let list_glue = (c == ',' || c == ';') && before.is_alphabetic() && after.is_alphabetic();
        if sentence_glue || list_glue {
            points.push(i + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn points(text: &str, lang: &str, word: &str) -> Vec<usize> {
        Glue::new(text, Languages::get().by_code(lang)).split_points(word).to_vec()
    }

    #[test]
    fn an_inflected_or_prefixed_word_is_no_glue() {
        // "abattues" is "abattu" agreeing, not "abattu" + "es"; "defunciones" opens with a prefix, not with "de".
        assert!(points("Des pluies se sont abattues sur la ville.", "fr", "abattues").is_empty());
        assert!(points("Hubo 40 defunciones en la costa.", "es", "defunciones").is_empty());
        // "malawite" derives from "Malawi": no "malawi" + "te".
        assert!(points("Selon le gouvernement malawite, 190 morts.", "fr", "malawite").is_empty());
        // "taliban" is the singular of "talibans", not "ta" + "liban".
        assert!(points("selon le gouvernement taliban", "fr", "taliban").is_empty());
        // Two words glued by scraping are still parted.
        assert_eq!(points("Douze personnes sont mortesdans la nuit.", "fr", "mortesdans"), vec![6]);
    }

    #[test]
    fn a_name_is_split_only_from_a_function_word() {
        // "Segu" is another name of Ségou, in Mali; "Segura" is a Spanish river.
        assert!(points("the Segura river", "en", "Segura").is_empty());
    }

    #[test]
    fn a_name_glued_to_a_common_word_is_split() {
        let text = "Les combats autour d'Alep. Les rebelles sont entrés dans Alepdans la nuit.";
        assert_eq!(points(text, "fr", "Alepdans"), vec![4]);
    }

    #[test]
    fn a_known_place_glued_to_a_word_is_split() {
        assert_eq!(points("Les pluies ont frappé Murciadans la nuit.", "fr", "Murciadans"), vec![6]);
    }

    #[test]
    fn a_surname_that_opens_with_a_village_stays_whole() {
        assert!(points("Governor Amara Okafor said", "en", "Okafor").is_empty());
        assert!(points("según Tomás Leonardi", "es", "Leonardi").is_empty());
    }

    #[test]
    fn a_huge_token_is_left_alone_in_linear_time() {
        let huge = "ab".repeat(500_000) + "dans";
        assert!(points("Des pluies dans la ville.", "fr", &huge).is_empty());
    }

    #[test]
    fn a_word_glued_to_the_capital_of_the_next_sentence_is_split() {
        assert_eq!(points("x", "fr", "minutesUn"), [7]);
        assert_eq!(points("x", "en", "photosThe"), [6]);
        assert_eq!(points("x", "es", "minutosLa"), [7]);
        // Names written with an inner capital stay whole.
        assert!(points("x", "en", "YouTube").is_empty());
        assert!(points("x", "en", "iPhone").is_empty());
        assert!(points("x", "fr", "McDonald").is_empty());
    }

    #[test]
    fn two_common_words_glued_are_split() {
        assert_eq!(points("ils ont fui enmasse", "fr", "enmasse"), vec![2]);
    }

    #[test]
    fn real_words_and_unknown_names_stay_whole() {
        let text = "Catarroja et Paiporta, surpeuplées, attendent les secours. considérablement";
        for w in ["Catarroja", "Paiporta", "considérablement", "attendent", "surpeuplées"] {
            assert!(points(text, "fr", w).is_empty(), "{w} was split");
        }
    }

    fn punctuation(w: &str) -> Vec<usize> {
        let mut points = Vec::new();
        punctuation_points(w, &mut points);
        points
    }

    #[test]
    fn missing_spaces_after_punctuation() {
        assert_eq!(punctuation("dernier.Près"), vec![8]);
        assert_eq!(punctuation("morts,dont"), vec![6]);
        assert!(punctuation("1,5").is_empty());
        assert!(punctuation("U.S.A").is_empty());
        assert!(punctuation("Sudquotidien.sn").is_empty());
    }
}
