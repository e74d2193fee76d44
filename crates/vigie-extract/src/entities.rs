//! Entities of an article: the organisations, armed groups, people and
//! named hazards of `data/entities.toml` (by alias, in any language), places
//! of the GeoNames gazetteer, and capitalised names Vigie does not know.
//!
//! Places are capitalised spans ("Alep", "Al Haouz", "Castilla-La Mancha")
//! found in the gazetteer. A name shared by several places ("Valencia": in
//! Spain, Venezuela, the Philippines...) goes to the one in the country the
//! article is about (its country words and unambiguous places), else to the
//! most populous. A capitalised word that starts a sentence and is a common
//! word of the language ("Plus", "Selon") is not a place.

use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;
use vigie_lang::world::{entities, gazetteer, EntityType, PlaceKind};
use vigie_lang::Language;

/// Words this common start sentences; as a single capitalised word they are not places.
const COMMON_WORD_RANK: u32 = 5000;
/// Words this common ("Au", "The", "Los") are never places alone, wherever they stand.
const FUNCTION_WORD_RANK: u32 = 200;
/// A word of the language that is only another name of a place ("Observatoire", a Paris
/// district) names it alone only when the place is this big ("Valence" for Valencia).
const ALTERNATE_WORD_POPULATION: u64 = 300_000;
/// A lone capitalised word inside a longer name is a place only when the place is this big.
const LONE_WORD_POPULATION: u64 = 100_000;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceInfo {
    pub name: String,
    pub country: String,
    pub lat: f32,
    pub lon: f32,
    /// country, admin1 or city
    pub precision: PlaceKind,
    pub geonames_id: u32,
}

/// One entity named in an article, with every spelling seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleEntity {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub aliases_seen: Vec<String>,
    pub mentions: usize,
    /// Where each mention stands, as byte offsets: in the clean text here, in
    /// the original once read through [`crate::Extractor::entities`].
    pub spans: Vec<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceInfo>,
}

#[derive(Clone, Debug)]
struct Mention {
    span: Range<usize>,
    key: Key,
}

#[derive(Clone, Debug, PartialEq)]
enum Key {
    Known(usize),
    Place(u32),
    /// An organisation introduced with its acronym (see [`crate::acronyms`]).
    Introduced(String),
    /// A name read from the shape of the text (see [`crate::names`]): a person or an organisation.
    Named(String, &'static str),
    Unknown(String),
}

pub struct EntityFinder {
    known: vigie_text::Phrases,
    /// The entity of each pattern, and whether it matches only as written ("Ocha", "SANA").
    known_of: Vec<usize>,
    lang: &'static Language,
    countries: HashMap<String, String>,
    /// Month and weekday names: "March" and "Mayo" date things, they are no places.
    calendar: std::collections::HashSet<String>,
    names: crate::names::NameReader,
}

impl EntityFinder {
    pub fn new(lang: &'static Language) -> Self {
        let mut patterns = Vec::new();
        let mut known_of = Vec::new();
        for (i, e) in entities().iter().enumerate() {
            for a in &e.aliases {
                // Lower case, matched on a lower-cased copy of the text ("États-Unis").
                patterns.push(a.replace('’', "'").to_lowercase());
                known_of.push(i);
            }
        }
        let known = vigie_text::Phrases::new(&patterns);
        let countries =
            lang.sources.countries.iter().flat_map(|(code, words)| words.iter().map(move |w| (w.to_lowercase(), code.clone()))).collect();
        let calendar = lang.dates.months.iter().chain(&lang.dates.weekdays).flatten().map(|w| w.to_lowercase()).collect();
        EntityFinder { known, known_of, lang, countries, calendar, names: crate::names::NameReader::new(lang) }
    }

    /// The country the text is most about, as an ISO code.
    pub fn main_country(&self, text: &str) -> Option<String> {
        self.country_counts(text, &self.mentions(text)).into_iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(c.clone()))).map(|(c, _)| c)
    }

    fn country_counts(&self, text: &str, mentions: &[Mention]) -> HashMap<String, usize> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for word in text.split(|c: char| !c.is_alphabetic() && c != '-') {
            if let Some(code) = self.countries.get(&word.to_lowercase()) {
                *counts.entry(code.clone()).or_default() += 1;
            }
        }
        let g = gazetteer();
        for m in mentions {
            if let Key::Place(p) = m.key {
                *counts.entry(g.place(p).country.to_string()).or_default() += 1;
            }
        }
        counts
    }

    fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut out: Vec<Mention> = self
            .known
            .find(text)
            .into_iter()
            .map(|m| (m.span, m.phrase))
            .filter_map(|(r, p)| {
                let entity = self.known_of[p];
                // Case variants of one alias ("OCHA", "Ocha") share a match: any of them written as such will do.
                let span = &text[r.clone()];
                let fold = |s: &str| s.replace('’', "'").to_lowercase();
                let folded = fold(span);
                let written = entities()[entity].aliases.iter().any(|a| fold(a) == folded && crate::written_as(a, span));
                written.then_some(Mention { span: r, key: Key::Known(entity) })
            })
            .collect();
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        for m in crate::acronyms::introduced(self.lang, text) {
            if !out.iter().any(|k| overlaps(&k.span, &m.span)) {
                out.push(Mention { span: m.span, key: Key::Introduced(m.acronym) });
            }
        }
        let taken: Vec<Range<usize>> = out.iter().map(|m| m.span.clone()).collect();
        out.extend(self.capitalised(text, &taken, None));
        out.sort_by_key(|m| m.span.start);
        out
    }

    /// Capitalised spans: places when the gazetteer knows them, else unknown names.
    fn capitalised(&self, text: &str, taken: &[Range<usize>], country: Option<&str>) -> Vec<Mention> {
        let g = gazetteer();
        let words = capitalised_runs(text);
        let mut out = Vec::new();
        for run in words {
            if taken.iter().any(|t| t.start < run.span.end && run.span.start < t.end) {
                continue;
            }
            // Longest sub-span first: "Al Haouz" before "Haouz".
            let mut i = 0;
            let n = run.words.len();
            let mut found_any = false;
            while i < n {
                let mut matched = None;
                for j in (i + 1..=n.min(i + 4)).rev() {
                    let span = run.words[i].start..run.words[j - 1].end;
                    let name = &text[span.clone()];
                    let candidates = g.lookup(name);
                    if candidates.is_empty() {
                        continue;
                    }
                    let lone = j - i == 1;
                    // "VAR", "ONU": short capitals are acronyms, not places.
                    if lone && name.len() <= 5 && name.chars().all(|c| c.is_uppercase()) {
                        continue;
                    }
                    let first_word = lone && run.sentence_start && i == 0;
                    let lower = if lone { name.to_lowercase() } else { String::new() };
                    let rank = if lone { self.lang.lexicon.rank(&lower) } else { None };
                    let common = rank.is_some_and(|r| r < COMMON_WORD_RANK);
                    if first_word && common || rank.is_some_and(|r| r < FUNCTION_WORD_RANK) {
                        continue;
                    }
                    let main_name = candidates.iter().any(|&c| g.place(c).name.eq_ignore_ascii_case(name));
                    if rank.is_some() && !main_name && candidates.iter().all(|&c| g.place(c).population < ALTERNATE_WORD_POPULATION) {
                        continue;
                    }
                    if lone && self.calendar.contains(&lower) {
                        continue;
                    }
                    // "Norte" is an alternate name of São Paulo, and a word: a common word names a place only as its main name.
                    if common && !main_name {
                        continue;
                    }
                    let best = pick(candidates, country);
                    let place = g.place(best);
                    if lone && n > 1 && place.population < LONE_WORD_POPULATION && place.kind == PlaceKind::City {
                        continue;
                    }
                    matched = Some((j, Mention { span, key: Key::Place(best) }));
                    break;
                }
                match matched {
                    Some((j, m)) => {
                        out.push(m);
                        found_any = true;
                        i = j;
                    }
                    None => i += 1,
                }
            }
            // A name Vigie does not know: several capitalised words, or one that is no word of the language ("Pinga", "FARDC").
            if found_any || run.sentence_start {
                continue;
            }
            let name = &text[run.span.clone()];
            let lower = name.to_lowercase();
            let unknown_word = n == 1 && name.chars().count() >= 3 && self.lang.lexicon.rank(&lower).is_none();
            if (n >= 2 || unknown_word) && !self.calendar.contains(&lower) {
                out.push(Mention { span: run.span.clone(), key: Key::Unknown(name.to_string()) });
            }
        }
        out
    }

    /// People and organisations the lists do not know, read from the shape of
    /// the text: an unknown name takes their type, and a place inside a
    /// person's name ("Amara" in "Amara Okafor") is no place.
    ///
    /// Mentions and names are each in text order and never overlap among
    /// themselves, so the mentions a name overlaps are found by binary search.
    fn typed(&self, text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
        let sentences = vigie_text::sentences(text, &self.lang.cleaning.abbreviations);
        let names = self.names.names(text, &sentences, &[]);
        let inside = |a: &Range<usize>, b: &Range<usize>| b.start <= a.start && a.end <= b.end;
        let mut removed = vec![false; mentions.len()];
        let mut named = Vec::new();
        for n in &names {
            let kind = match n.kind {
                crate::names::NameKind::Person => "person",
                crate::names::NameKind::Organisation => "org",
                crate::names::NameKind::Outlet | crate::names::NameKind::Single => continue,
            };
            let first = mentions.partition_point(|m| m.span.end <= n.span.start);
            let end = mentions.partition_point(|m| m.span.start < n.span.end);
            let overlapping = first..end.max(first);
            // A hazard's name inside a person's is the person's ("Dana Whitfield", "Boris Novak").
            let hazard_in_person = |m: &Mention| {
                kind == "person"
                    && inside(&m.span, &n.span)
                    && m.span != n.span
                    && matches!(m.key, Key::Known(e) if entities()[e].kind == EntityType::Event)
            };
            if mentions[overlapping.clone()].iter().any(|m| matches!(m.key, Key::Known(_) | Key::Introduced(_)) && !hazard_in_person(m)) {
                continue;
            }
            for i in overlapping.clone() {
                removed[i] |= match mentions[i].key {
                    Key::Unknown(_) => true,
                    Key::Known(_) => hazard_in_person(&mentions[i]),
                    Key::Place(_) => kind == "person" && inside(&mentions[i].span, &n.span),
                    _ => false,
                };
            }
            if overlapping.clone().all(|i| removed[i]) {
                named.push(Mention { span: n.span.clone(), key: Key::Named(n.label.clone(), kind) });
            }
        }
        let mut kept = removed.iter();
        let mut out: Vec<Mention> = mentions.into_iter().filter(|_| !kept.next().copied().unwrap_or(false)).collect();
        out.append(&mut named);
        out.sort_by_key(|m| m.span.start);
        out
    }

    /// The entities of `text`, grouped, in order of first mention, people and
    /// organisations the lists do not know typed by the shape of their names.
    pub fn entities(&self, text: &str) -> Vec<ArticleEntity> {
        self.grouped(text, self.typed(text, self.mentions(text)))
    }

    /// The entities of `text` from the lists and the gazetteer alone, other
    /// names untyped: what tells stories apart, the same in every article
    /// whatever shape a name takes in it.
    pub fn listed_entities(&self, text: &str) -> Vec<ArticleEntity> {
        self.grouped(text, self.mentions(text))
    }

    fn grouped(&self, text: &str, mut mentions: Vec<Mention>) -> Vec<ArticleEntity> {
        let counts = self.country_counts(text, &mentions);
        let country = counts.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse((*c).clone()))).map(|(c, _)| c.clone());
        let g = gazetteer();
        // Ambiguous places go to the article's country.
        for m in &mut mentions {
            if let Key::Place(p) = &mut m.key {
                *p = pick(g.lookup(&text[m.span.clone()]), country.as_deref());
            }
        }
        let mut out: Vec<ArticleEntity> = Vec::new();
        for m in mentions {
            let seen = text[m.span.clone()].to_string();
            let (canonical, kind, place) = match &m.key {
                Key::Known(e) => {
                    let e = &entities()[*e];
                    (e.name.clone(), type_name(e.kind), None)
                }
                Key::Place(p) => {
                    let p = g.place(*p);
                    let info = PlaceInfo {
                        name: p.name.to_string(),
                        country: p.country.to_string(),
                        lat: p.lat,
                        lon: p.lon,
                        precision: p.kind,
                        geonames_id: p.id,
                    };
                    (p.name.to_string(), "place", Some(info))
                }
                Key::Introduced(acronym) => (acronym.clone(), "org", None),
                Key::Named(name, kind) => (name.clone(), *kind, None),
                Key::Unknown(name) => (name.clone(), "unknown", None),
            };
            // "Observatoire des violences au Kivu (OVK)" is seen as its name.
            let seen = match seen.rsplit_once(" (") {
                Some((name, _)) if matches!(m.key, Key::Introduced(_)) => name.to_string(),
                _ => seen,
            };
            let span = [m.span.start, m.span.end];
            match out.iter_mut().find(|e| e.canonical == canonical && e.kind == kind) {
                Some(e) => {
                    e.mentions += 1;
                    e.spans.push(span);
                    if !e.aliases_seen.contains(&seen) {
                        e.aliases_seen.push(seen);
                    }
                }
                None => out.push(ArticleEntity { canonical, kind, aliases_seen: vec![seen], mentions: 1, spans: vec![span], place }),
            }
        }
        out
    }
}

fn type_name(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Org => "org",
        EntityType::Group => "group",
        EntityType::Person => "person",
        EntityType::Place => "place",
        EntityType::Event => "event",
        EntityType::Media => "media",
    }
}

/// The candidate in `country` if any, else the most populous; countries before cities.
fn pick(candidates: &[u32], country: Option<&str>) -> u32 {
    let g = gazetteer();
    *candidates
        .iter()
        .max_by_key(|&&i| {
            let p = g.place(i);
            (country.is_some_and(|c| c == p.country), p.kind == PlaceKind::Country, p.population)
        })
        .expect("non-empty candidates")
}

struct Run {
    span: Range<usize>,
    words: Vec<Range<usize>>,
    sentence_start: bool,
}

/// Runs of capitalised words ("Al Haouz", "Castilla-La Mancha"), with
/// whether each run starts a sentence (where capitals say nothing).
fn capitalised_runs(text: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut after_stop = true;
    let mut pos = 0;
    for (i, c) in text.char_indices() {
        if i < pos {
            continue;
        }
        if c.is_alphabetic() {
            let end = text[i..].find(|ch: char| !(ch.is_alphanumeric() || ch == '-')).map_or(text.len(), |e| i + e);
            let word = &text[i..end];
            pos = end;
            if c.is_uppercase() && word.chars().count() >= 2 {
                let run = current.get_or_insert_with(|| Run { span: i..end, words: Vec::new(), sentence_start: after_stop });
                run.span.end = end;
                run.words.push(i..end);
            } else if let Some(run) = current.take() {
                runs.push(run);
            }
            after_stop = false;
        } else if !(c == ' ' || c == '\'') {
            if let Some(run) = current.take() {
                runs.push(run);
            }
            if matches!(c, '.' | '!' | '?' | '\n' | '"' | ':') {
                after_stop = true;
            }
        } else if c == '\'' {
            // "d'Alep": the elided article is not part of the name.
            if let Some(run) = current.take() {
                runs.push(run);
            }
        }
    }
    runs.extend(current);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn entities_of(lang: &str, text: &str) -> Vec<ArticleEntity> {
        EntityFinder::new(Languages::get().by_code(lang).unwrap()).entities(text)
    }

    #[test]
    fn known_entities_group_their_aliases() {
        let text = "Les combattants de Hayat Tahrir al-Cham (HTS) ont avancé, selon l'OSDH. Le HTS contrôle Idleb.";
        let found = entities_of("fr", text);
        let hts = found.iter().find(|e| e.canonical == "Hayat Tahrir al-Sham").unwrap();
        assert_eq!(hts.kind, "group");
        assert_eq!(hts.aliases_seen, ["Hayat Tahrir al-Cham", "HTS"]);
        assert_eq!(hts.mentions, 3);
        let idlib = found.iter().find(|e| e.canonical == "Idlib").unwrap();
        assert_eq!(idlib.place.as_ref().unwrap().country, "SY");
    }

    #[test]
    fn people_and_organisations_the_lists_do_not_know_are_typed() {
        let typed = |lang: &str, text: &str| {
            let found = EntityFinder::new(Languages::get().by_code(lang).unwrap()).entities(text);
            found.into_iter().map(|e| (e.canonical, e.kind, e.spans)).collect::<Vec<_>>()
        };
        let en = typed("en", "Rain fell on Lagos. Governor Amara Okafor said the Coastal Rescue Service found 12 bodies.");
        assert!(en.contains(&("Amara Okafor".to_string(), "person", vec![[29, 41]])), "{en:?}");
        assert!(en.iter().any(|(n, k, _)| n == "Coastal Rescue Service" && *k == "org"), "{en:?}");
        // "Amara" alone is also a town: inside a person's name it is no place.
        assert!(!en.iter().any(|(_, k, s)| *k == "place" && s[0][0] == 29), "{en:?}");
        let fr = typed("fr", "Selon le maire, Paul Ndiaye, la Direction régionale des secours a compté 8 morts.");
        assert!(fr.iter().any(|(n, k, _)| n == "Paul Ndiaye" && *k == "person"), "{fr:?}");
        let es = typed("es", "La alcaldesa Lucía Ferrán Ortega habló con la Oficina Nacional de Emergencias.");
        assert!(es.iter().any(|(n, k, _)| n == "Lucía Ferrán Ortega" && *k == "person"), "{es:?}");
        assert!(es.iter().any(|(n, k, _)| n == "Oficina Nacional de Emergencias" && *k == "org"), "{es:?}");
    }

    #[test]
    fn stories_see_the_listed_entities_only() {
        let finder = EntityFinder::new(Languages::get().by_code("en").unwrap());
        let text = "Rain fell on Lagos. Governor Amara Okafor said the Coastal Rescue Service found 12 bodies.";
        let listed = finder.listed_entities(text);
        assert!(listed.iter().all(|e| e.kind != "person"), "{listed:?}");
        assert!(listed.iter().any(|e| e.canonical == "Lagos"), "{listed:?}");
    }

    #[test]
    fn ambiguous_places_follow_the_article_country() {
        let es = entities_of("es", "Las lluvias en España dejaron muertos en Valencia y en Paiporta.");
        assert_eq!(es.iter().find(|e| e.canonical == "Valencia").unwrap().place.as_ref().unwrap().country, "ES");
        let ve = entities_of("en", "Venezuela braces for floods: in Valencia, the river rose overnight.");
        assert_eq!(ve.iter().find(|e| e.canonical == "Valencia").unwrap().place.as_ref().unwrap().country, "VE");
    }

    #[test]
    fn organisations_introduced_with_an_acronym_and_unknown_names() {
        let found =
            entities_of("fr", "Goma - Au moins 12 morts à Pinga, selon l'Observatoire des violences au Kivu (OVK). L'OVK accuse le FPK.");
        let named: Vec<(&str, &str)> = found.iter().map(|e| (e.canonical.as_str(), e.kind)).collect();
        assert!(named.contains(&("OVK", "org")), "{named:?}");
        assert!(named.contains(&("Pinga", "unknown")) && named.contains(&("FPK", "org")), "{named:?}");
        assert!(
            !named.iter().any(|(n, _)| *n == "Au" || n.contains("Observatoire")),
            "function words and word-like alternate names are no places: {named:?}"
        );
        let ovk = found.iter().find(|e| e.canonical == "OVK").unwrap();
        assert_eq!(ovk.aliases_seen, ["Observatoire des violences au Kivu", "OVK"]);
    }

    #[test]
    fn known_names_with_capitals_are_not_lower_case_words() {
        let found = entities_of("en", "Volunteers of Save the Children helped parents save the children of the village.");
        let spans: Vec<[usize; 2]> = found.iter().filter(|e| e.canonical == "Save the Children").flat_map(|e| e.spans.clone()).collect();
        assert_eq!(spans, [[14, 31]]);
    }

    #[test]
    fn case_sensitive_aliases_match_as_written() {
        let found = entities_of("fr", "d'après le bureau humanitaire des Nations unies (Ocha).");
        assert!(found.iter().any(|e| e.canonical == "UN Office for the Coordination of Humanitarian Affairs"));
    }

    #[test]
    fn sentence_initial_common_words_are_not_places() {
        let found = entities_of("fr", "Selon les secours, le bilan est lourd. Plus de 20 morts à Marrakech.");
        let names: Vec<&str> = found.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(names, ["Marrakesh"]);
    }

    #[test]
    fn a_common_word_is_a_place_only_by_its_main_name() {
        // "Norte" is among São Paulo's alternate names.
        let found = entities_of("en", "The rain began in early March in Murcia.");
        assert!(found.iter().all(|e| e.canonical != "March"), "a month is no town");
        let found = entities_of("es", "Los combates en la provincia de Kivu del Norte siguen.");
        assert!(found.iter().all(|e| e.canonical != "São Paulo"), "{:?}", found.iter().map(|e| &e.canonical).collect::<Vec<_>>());
    }
}
