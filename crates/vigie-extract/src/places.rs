//! The sub-area a figure is restricted to, read from its own clause: a
//! preposition of place ("in", "en", "à") then a place, named in the
//! gazetteer or by a kind of area ("Paktika province", "la région de
//! Bryansk", "el municipio de Coyuca"). A country is the whole event, not a
//! sub-area; a place in another clause of the sentence says nothing of this figure.

use crate::names::{words, Word};
use std::collections::HashSet;
use std::ops::Range;
use vigie_lang::world::{gazetteer, PlaceKind};
use vigie_lang::Language;

/// The most words between a preposition of place and the name: "in the smaller town of".
const MAX_WORDS_BEFORE_PLACE: usize = 5;

/// One language's reader of figure places.
pub struct PlaceReader {
    locatives: HashSet<String>,
    kinds: HashSet<String>,
    joiners: HashSet<String>,
    relatives: HashSet<String>,
    /// The English word of each kind of area not written in English: "provincia de Hatay" is labelled "Hatay province".
    kind_labels: std::collections::HashMap<String, String>,
}

impl PlaceReader {
    pub fn new(lang: &Language) -> Self {
        let lower = |words: &[String]| words.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        PlaceReader {
            locatives: lower(&lang.figures.locatives),
            kinds: lower(&lang.figures.place_kinds),
            joiners: lower(&lang.sources.name_joiners),
            relatives: lower(&lang.figures.place_relatives),
            kind_labels: lang.figures.place_kind_labels.iter().map(|(k, v)| (k.to_lowercase(), v.clone())).collect(),
        }
    }

    /// A place as labelled in a figure: a kind of area written before its name takes
    /// the English order and word ("provincia de Hatay", "la région de Kherson" give "Hatay province",
    /// "Kherson region"); anything else stays as written.
    pub fn label(&self, written: &str) -> String {
        let words: Vec<&str> = written.split(' ').collect();
        let Some(k) = words.iter().position(|w| self.kinds.contains(&w.to_lowercase())) else { return written.to_string() };
        // English kinds are their own labels.
        let kind = words[k].to_lowercase();
        let label = self.kind_labels.get(&kind).unwrap_or(&kind);
        // A neighbourhood is known by its local name ("colonia Icacos"): only larger areas are relabelled.
        if label == LOCAL_KIND {
            return written.to_string();
        }
        let name_at = (k + 1..words.len()).find(|&i| !self.joiners.contains(&words[i].to_lowercase()));
        let Some(i) = name_at.filter(|_| words[..k].iter().all(|w| w.starts_with(char::is_lowercase))) else { return written.to_string() };
        // "région d'Odessa", "quartier d'El Olivar": the name's first word is glued to its article.
        let first = elided(words[i]).unwrap_or(words[i]);
        if !first.starts_with(char::is_uppercase) {
            return written.to_string();
        }
        let name: Vec<&str> = std::iter::once(first).chain(words[i + 1..].iter().copied()).collect();
        format!("{} {label}", name.join(" "))
    }

    /// The place the figure whose number stands at `number` is restricted to,
    /// within `sentence` of `text`, as a span of `text`.
    pub fn place(&self, text: &str, sentence: Range<usize>, number: Range<usize>) -> Option<Range<usize>> {
        let mut clause = clause_of(text, sentence.clone(), number.clone());
        // "en Acapulco, donde 43 personas murieron": a relative clause takes the place it follows.
        let opens_relative = self.relatives.iter().any(|r| crate::starts_with_word(&text[clause.clone()], r));
        if opens_relative && clause.start > sentence.start {
            clause.start = clause_of(text, sentence.clone(), clause.start - 1..clause.start - 1).start;
        }
        let words = words(text, clause);
        let mut candidates: Vec<Range<usize>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if self.locatives.contains(&w.lower) && !(w.span.start..w.span.end).contains(&number.start) {
                // "dos en Playa Tlacopanocha", "una más en la Unidad X": right after the count or
                // one word past it, any capitalised name is its place.
                let right_after = w.span.start >= number.end && text[number.end..w.span.start].split_whitespace().count() <= 1;
                if let Some(span) = self.place_after(text, &words, i + 1, right_after) {
                    candidates.push(span);
                }
            }
        }
        // The nearest after the number, else the nearest before it.
        let after = candidates.iter().filter(|c| c.start >= number.end).min_by_key(|c| c.start);
        let before = || candidates.iter().filter(|c| c.end <= number.start).max_by_key(|c| c.end);
        after.or_else(before).cloned().or_else(|| self.opening_place(text, sentence, number))
    }

    /// "En la región de Piura, la más afectada, murieron nueve personas", "In the district of X,
    /// rescuers found 12 bodies": clauses that open the sentence with a preposition of place,
    /// before the count's own and counting nothing themselves, restrict what follows.
    fn opening_place(&self, text: &str, sentence: Range<usize>, number: Range<usize>) -> Option<Range<usize>> {
        let mut place = None;
        let mut at = sentence.start;
        while at < number.start {
            let clause = clause_of(text, sentence.clone(), at..at);
            if clause.end >= number.start || text[clause.clone()].contains(|c: char| c.is_ascii_digit()) {
                break;
            }
            let words = words(text, clause.clone());
            if words.first().is_some_and(|w| self.locatives.contains(&w.lower)) {
                place = self.place_after(text, &words, 1, false).or(place);
            }
            at = clause.end + 1;
        }
        place
    }

    /// A place named from word `i` on: "la province de Herat", "Paktika province", "Acapulco";
    /// with `any_name`, a name the gazetteer does not know too.
    fn place_after(&self, text: &str, words: &[Word], mut i: usize, any_name: bool) -> Option<Range<usize>> {
        let glued = |a: &Word, b: &Word| text[a.span.end..b.span.start].chars().all(|c| c == ' ' || c == '\'');
        let start_word = i;
        // Articles, a kind of area and its adjectives before the name: "the district of", "the smaller town of".
        let (mut kind_before, mut other_words) = (false, false);
        while i < words.len() && !words[i].capital {
            let kind = self.kinds.contains(&words[i].lower);
            // "en estado grave al hospital de X": past its kind only joiners lead to the name.
            if kind_before && !kind && !self.joiners.contains(&words[i].lower) {
                return None;
            }
            kind_before |= kind;
            other_words |= !kind && !self.joiners.contains(&words[i].lower);
            i += 1;
            if i - start_word > MAX_WORDS_BEFORE_PLACE {
                return None;
            }
        }
        if other_words && !kind_before {
            return None;
        }
        let first = words.get(i).filter(|w| w.capital)?;
        // "Coyuca de Benítez", "Pie de la Cuesta": joiners between capitals.
        let mut last = i;
        loop {
            let mut next = last + 1;
            while next < words.len() && !words[next].capital && self.joiners.contains(&words[next].lower) && next - last <= 2 {
                next += 1;
            }
            if next < words.len() && words[next].capital && (last + 1..=next).all(|k| glued(&words[k - 1], &words[k])) {
                last = next;
            } else {
                break;
            }
        }
        let name = &text[first.span.start..words[last].span.end];
        let kind_after = words.get(last + 1).filter(|w| self.kinds.contains(&w.lower) && glued(&words[last], w));
        let known = gazetteer().lookup(name);
        let country = known.iter().any(|&p| gazetteer().place(p).kind == PlaceKind::Country);
        if country || !(kind_before || kind_after.is_some() || !known.is_empty() || any_name) {
            return None;
        }
        let start = if kind_before {
            words[start_word..i].iter().find(|w| self.kinds.contains(&w.lower)).map_or(first.span.start, |w| w.span.start)
        } else {
            first.span.start
        };
        Some(start..kind_after.map_or(words[last].span.end, |w| w.span.end))
    }
}

/// The kind of area whose places keep the name written locally.
const LOCAL_KIND: &str = "neighbourhood";

/// How many mentions make a place the event's own.
const MAIN_PLACE_MENTIONS: usize = 3;

/// The name glued to an elided article: "d'Odessa" gives "Odessa".
fn elided(word: &str) -> Option<&str> {
    word.rsplit_once(['\'', '’']).map(|(_, name)| name).filter(|n| n.starts_with(char::is_uppercase))
}

/// Whether the place at `span` is the event's own: its name (capitalised
/// words) stands in the headline, or is named at least `MAIN_PLACE_MENTIONS` times.
pub fn is_main(text: &str, sentences: &[Range<usize>], span: Range<usize>) -> bool {
    let name: Vec<&str> = text[span].split(' ').filter(|w| w.starts_with(char::is_uppercase)).collect();
    let Some(key) = name.first() else { return false };
    let headline = sentences.first().map_or("", |s| &text[s.clone()]);
    headline.contains(key) || text.matches(key).count() >= MAIN_PLACE_MENTIONS
}

/// The clause of `sentence` around `number`: between the commas, semicolons
/// and colons on either side.
fn clause_of(text: &str, sentence: Range<usize>, number: Range<usize>) -> Range<usize> {
    let breaks = [',', ';', ':', '(', ')'];
    let start = text[sentence.start..number.start].rfind(breaks).map_or(sentence.start, |i| sentence.start + i + 1);
    let end = text[number.end..sentence.end].find(breaks).map_or(sentence.end, |i| number.end + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn place(lang: &str, text: &str, number: &str) -> Option<String> {
        let reader = PlaceReader::new(Languages::get().by_code(lang).unwrap());
        let at = text.find(number).unwrap();
        reader.place(text, 0..text.len(), at..at + number.len()).map(|r| text[r].to_string())
    }

    #[test]
    fn a_figure_takes_the_place_of_its_clause() {
        assert_eq!(
            place("en", "At least 40 people died in Kherson province, and 12 in the capital.", "40").as_deref(),
            Some("Kherson province")
        );
        assert_eq!(place("fr", "Le séisme a fait 31 morts dans la région de Murcie.", "31").as_deref(), Some("région de Murcie"));
        assert_eq!(
            place("es", "Hay 17 desaparecidos en el municipio de Lorca, informó la alcaldía.", "17").as_deref(),
            Some("municipio de Lorca")
        );
    }

    #[test]
    fn a_count_by_place_takes_a_name_the_gazetteer_does_not_know() {
        let es = "Murieron 14 personas: nueve en Playa Norte y cinco en el Barrio Alto.";
        assert_eq!(place("es", es, "nueve").as_deref(), Some("Playa Norte"));
        assert_eq!(place("es", es, "cinco").as_deref(), Some("Barrio Alto"));
        let en = "The floods killed 12 people, seven in Eastwick Park and five in Mill End.";
        assert_eq!(place("en", en, "seven").as_deref(), Some("Eastwick Park"));
        let fr = "L'incendie a fait 9 morts, six à Valmorel-les-Bains et trois ailleurs.";
        assert_eq!(place("fr", fr, "six").as_deref(), Some("Valmorel-les-Bains"));
        // Further from the count, an unknown name stays no place.
        assert_eq!(place("en", "Seven people died, rescuers in Eastwick Park said.", "Seven"), None);
    }

    #[test]
    fn names_with_joiners_and_described_areas() {
        assert_eq!(
            place("es", "Murieron 6 personas en el municipio de Villanueva de la Sierra.", "6").as_deref(),
            Some("municipio de Villanueva de la Sierra")
        );
        assert_eq!(place("en", "Five deaths were reported in the small town of Grenville.", "Five").as_deref(), Some("town of Grenville"));
    }

    #[test]
    fn a_kind_word_used_for_something_else_names_no_place() {
        assert_eq!(place("es", "Tres fueron trasladados en estado grave al hospital de Arrecife.", "Tres"), None);
        assert_eq!(place("fr", "Trois blessés dans un état grave à l'hôpital de Brest.", "Trois"), None);
        assert_eq!(place("en", "Three were taken to hospital in the city of Austin.", "Three").as_deref(), Some("city of Austin"));
    }

    #[test]
    fn a_kind_of_area_before_its_name_is_labelled_after_it() {
        let label = |lang: &str, written: &str| PlaceReader::new(Languages::get().by_code(lang).unwrap()).label(written);
        assert_eq!(label("es", "provincia de Hatay"), "Hatay province");
        assert_eq!(label("es", "municipio de Villanueva de la Sierra"), "Villanueva de la Sierra municipality");
        assert_eq!(label("fr", "région de Kherson"), "Kherson region");
        assert_eq!(label("fr", "région d'Odessa"), "Odessa region");
        assert_eq!(label("en", "town of Grenville"), "Grenville town");
        assert_eq!(label("en", "Khost province"), "Khost province");
        assert_eq!(label("es", "Acapulco"), "Acapulco");
        assert_eq!(label("es", "colonia Icacos"), "colonia Icacos");
        assert_eq!(label("fr", "département d'Ille-et-Vilaine"), "Ille-et-Vilaine department");
        assert_eq!(label("fr", "province d'El Oro"), "El Oro province");
    }

    #[test]
    fn a_place_that_opens_the_sentence_restricts_its_counts() {
        assert_eq!(
            place("es", "En la región de Piura, la más afectada, murieron nueve personas.", "nueve").as_deref(),
            Some("región de Piura")
        );
        assert_eq!(place("fr", "Dans la province de Kandahar, 12 personnes ont été tuées.", "12").as_deref(), Some("province de Kandahar"));
        assert_eq!(place("en", "In Lorca district, rescuers found 7 bodies.", "7").as_deref(), Some("Lorca district"));
        // A clause that counts is another count's, and a country is no sub-area.
        assert_eq!(place("en", "In Chad, 40 people died, and 30 were hurt.", "30"), None);
    }

    #[test]
    fn a_relative_clause_takes_the_place_it_follows() {
        assert_eq!(place("es", "La crecida golpeó sobre todo a Lorca, donde 14 personas murieron.", "14"), None, "after 'a', no place");
        assert_eq!(place("es", "Los daños se concentran en Lorca, donde 14 personas murieron.", "14").as_deref(), Some("Lorca"));
        assert_eq!(place("fr", "Le bilan est lourd à Kherson, où 9 personnes sont mortes.", "9").as_deref(), Some("Kherson"));
        // A relative of several words: "en el que", "in which", "lors duquel".
        let es = "Un misil cayó en la región de Jersón, en el que 3 personas resultaron heridas.";
        assert_eq!(place("es", es, "3").as_deref(), Some("región de Jersón"));
        let en = "A missile hit a market in Lorca district, in which 3 people were hurt.";
        assert_eq!(place("en", en, "3").as_deref(), Some("Lorca district"));
    }

    #[test]
    fn a_country_or_another_clause_is_no_sub_area() {
        assert_eq!(place("en", "The floods killed 25 people in Spain.", "25"), None);
        assert_eq!(place("en", "Rescuers reached Murcia on Monday, and 8 people are missing.", "8"), None);
    }
}
