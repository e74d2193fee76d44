//! Who a figure is attributed to.
//!
//! Sources are found by name: the entities of `data/entities.toml` (any
//! language), the institutions of the article's language ("ministère de
//! l'Intérieur"), and anaphora ("l'ONG") that point back to the last source
//! named. National institutions take their country's adjective, from the
//! phrase itself ("autorités marocaines") or from the country the article
//! talks about most; role titles take the place after them ("préfet de
//! Mayotte"). A figure takes the source of its own sentence, preferring one
//! next to an attribution phrase ("selon", "a indiqué"), else the source of
//! one of the two sentences before; otherwise the outlet speaks for itself.

use crate::figures::{Found, RawFigure};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;
use vigie_lang::world::{country_adjective, entities, gazetteer};
use vigie_lang::Language;

/// How far (bytes) an attribution phrase may stand from the source it
/// introduces: room for an article ("selon l'", "d'après les") or a comma.
const ATTRIBUTION_REACH: usize = 60;
/// An attribution phrase this close before a mention introduces it directly ("selon l'", "a précisé le ").
const DIRECT_REACH: usize = 6;
/// The label of "une ONG", "an NGO".
const UNNAMED_NGO: &str = "unnamed NGO";
/// How many sentences back a source still speaks for a figure.
const SENTENCES_BACK: usize = 2;

#[derive(Clone, Debug)]
enum Target {
    Entity(usize),
    Institution(usize),
    /// What the phrase refers to: "NGO", a word of the label, or "any".
    Anaphora(String),
    Country(String),
    /// An organisation the lexicon does not know, introduced with its
    /// acronym ("l'Observatoire des violences au Kivu (OVK)"): the acronym, and whether it is an NGO.
    Introduced(String, bool),
}

#[derive(Clone, Debug)]
struct Mention {
    span: Range<usize>,
    target: Target,
}

/// A resolved source mention: its label and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceMention {
    pub span: Range<usize>,
    pub label: String,
    /// Named outright (an organisation): it may speak for a figure without
    /// an attribution phrase. Roles ("l'armée", "préfecture de ...") also
    /// name actors and places, so they need one.
    pub named: bool,
    /// How clearly an attribution phrase introduces it: 2 right next to
    /// one ("a précisé le ministère", "selon l'OSDH"), 1 within reach, 0 not at all.
    pub strength: u8,
    /// After an agent preposition ("par", "by"): who did something, not who said so.
    pub agent: bool,
}

pub struct SourceFinder {
    automaton: AhoCorasick,
    patterns: Vec<(String, Target)>,
    lang: &'static Language,
}

impl SourceFinder {
    pub fn new(lang: &'static Language) -> Self {
        let mut patterns: Vec<(String, Target)> = Vec::new();
        for (i, e) in entities().iter().enumerate().filter(|(_, e)| e.source) {
            patterns.extend(e.aliases.iter().map(|a| (a.replace('’', "'"), Target::Entity(i))));
        }
        for (i, inst) in lang.sources.institutions.iter().enumerate() {
            patterns.extend(inst.phrases.iter().map(|p| (p.clone(), Target::Institution(i))));
            if inst.national {
                // "ministère espagnol de l'intérieur": a country's adjective inside the phrase.
                for (head, rest) in inst.phrases.iter().filter_map(|p| p.split_once(' ')) {
                    for word in lang.sources.countries.values().flatten() {
                        patterns.push((format!("{head} {word} {rest}"), Target::Institution(i)));
                    }
                }
            }
        }
        patterns.extend(lang.sources.anaphora.iter().map(|(p, what)| (p.clone(), Target::Anaphora(what.clone()))));
        for (code, words) in &lang.sources.countries {
            patterns.extend(words.iter().map(|w| (w.clone(), Target::Country(code.clone()))));
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(p, _)| p))
            .expect("source phrases compile");
        SourceFinder { automaton, patterns, lang }
    }

    /// Mentions in text order; where phrases overlap the longest wins
    /// ("l'Observatoire syrien des droits de l'homme" over "l'observatoire").
    fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut all: Vec<_> = self
            .automaton
            .find_overlapping_iter(text)
            .filter(|m| crate::whole_words(text, m.range()))
            .filter(|m| {
                let (pattern, _) = &self.patterns[m.pattern().as_usize()];
                !crate::case_sensitive(pattern) || &text[m.range()] == pattern
            })
            .collect();
        all.sort_by_key(|m| (std::cmp::Reverse(m.len()), m.start()));
        let mut taken: Vec<Mention> = Vec::new();
        for m in all {
            if taken.iter().all(|t| m.end() <= t.span.start || m.start() >= t.span.end) {
                taken.push(Mention { span: m.range(), target: self.patterns[m.pattern().as_usize()].1.clone() });
            }
        }
        // A name spelled out before its acronym is more specific than a role
        // or an anaphora inside it ("l'Observatoire des violences au Kivu"); a known entity still wins.
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        for m in crate::acronyms::introduced(self.lang, text) {
            let m = Mention { span: m.span, target: Target::Introduced(m.acronym, m.ngo) };
            if !taken.iter().any(|t| overlaps(&t.span, &m.span) && matches!(t.target, Target::Entity(_))) {
                taken.retain(|t| !overlaps(&t.span, &m.span));
                taken.push(m);
            }
        }
        taken.sort_by_key(|m| m.span.start);
        taken
    }

    /// Whether `before` ends with an agent preposition, an article allowed after it ("par l'", "by the").
    fn after_agent(&self, before: &str) -> bool {
        let mut words = before.rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’').filter(|w| !w.is_empty()).take(2);
        words.any(|w| self.lang.sources.agents.iter().any(|a| a.eq_ignore_ascii_case(w)))
    }

    /// Every source named in `text`, labelled, anaphora resolved. `country`
    /// is what the article is about (see [`crate::entities::EntityFinder::main_country`]).
    /// `attributions` are the spans of attribution phrases ("selon", "a indiqué").
    pub fn sources(&self, text: &str, country: Option<&str>, attributions: &[Range<usize>]) -> Vec<SourceMention> {
        let mentions = self.mentions(text);
        // "une ONG" in an article that names an NGO elsewhere is that NGO.
        let named_ngo = mentions.iter().find_map(|m| match &m.target {
            Target::Entity(e) if entities()[*e].ngo => Some(entities()[*e].label()),
            Target::Introduced(acronym, true) => Some(acronym.as_str()),
            _ => None,
        });
        let mut out: Vec<SourceMention> = Vec::new();
        let mut ngos: Vec<usize> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            match &m.target {
                Target::Entity(e) if entities()[*e].ngo => ngos.push(out.len()),
                Target::Introduced(_, true) => ngos.push(out.len()),
                _ => {}
            }
            let (label, named) = match &m.target {
                Target::Entity(e) => (entities()[*e].label().to_string(), true),
                Target::Institution(k) => {
                    let label = self.institution_label(text, &mentions, i, *k, country);
                    match named_ngo {
                        Some(ngo) if label == UNNAMED_NGO => (ngo.to_string(), true),
                        _ => (label, false),
                    }
                }
                // "l'ONG" points back to the last NGO named, "le ministère" to the last ministry.
                Target::Anaphora(what) => {
                    let previous = match what.as_str() {
                        "any" => out.iter().rev().find(|m| m.named).or(out.last()),
                        "NGO" => ngos.last().map(|&i| &out[i]).or_else(|| out.iter().rev().find(|m| m.label == UNNAMED_NGO)),
                        word => out.iter().rev().find(|m| m.label.contains(word)),
                    };
                    // Nothing named before: "la préfecture de Mayotte" names the institution itself.
                    let institution = || self.lang.sources.institutions.iter().position(|inst| inst.name == *what);
                    match (previous, institution()) {
                        (Some(previous), _) => (previous.label.clone(), previous.named),
                        (None, Some(k)) => (self.institution_label(text, &mentions, i, k, country), false),
                        (None, None) => continue,
                    }
                }
                Target::Introduced(acronym, _) => (acronym.clone(), true),
                Target::Country(_) => continue,
            };
            // "par l'Unité militaire d'urgence (UME)": an apposition shares the agent role.
            let apposed = out.last().filter(|p| p.label == label && m.span.start.saturating_sub(p.span.end) <= 3);
            let agent = self.after_agent(&text[..m.span.start]) || apposed.is_some_and(|p| p.agent);
            out.push(SourceMention { span: m.span.clone(), label, named, strength: 0, agent });
        }
        bind(text, &mut out, attributions, &self.lang.sources.source_follows);
        out
    }

    fn institution_label(&self, text: &str, mentions: &[Mention], i: usize, k: usize, main: Option<&str>) -> String {
        let inst = &self.lang.sources.institutions[k];
        let span = &mentions[i].span;
        if inst.national {
            // The country named in or right after the phrase, else the article's.
            let phrase = text[span.clone()].to_lowercase();
            let inside =
                self.lang.sources.countries.iter().find(|(_, words)| words.iter().any(|w| phrase.split(' ').any(|p| p == w.as_str())));
            fn country_of(n: &Mention) -> Option<&str> {
                match &n.target {
                    Target::Country(c) => Some(c.as_str()),
                    _ => None,
                }
            }
            let after = mentions.get(i + 1).filter(|n| n.span.start <= span.end + 4).and_then(country_of);
            // "the Moroccan Ministry of Interior": the adjective before the phrase.
            let before = i.checked_sub(1).map(|p| &mentions[p]).filter(|n| n.span.end + 2 >= span.start).and_then(country_of);
            let country = inside.map(|(c, _)| c.as_str()).or(after).or(before).or(main);
            return match country.and_then(country_adjective) {
                Some(adjective) => format!("{adjective} {}", inst.name),
                None => inst.name.clone(),
            };
        }
        if inst.regional {
            if let Some(region) = self.region_of(text, span.clone(), main) {
                return format!("{region} {}", inst.name);
            }
        }
        if inst.of_place {
            if let Some(place) = place_after(&text[span.end..], &self.lang.sources.place_prefixes) {
                return format!("{} of {place}", inst.name);
            }
            // "Paiporta ... según su alcaldesa": a possessive points to the place named just before.
            let before = text[..span.start].trim_end();
            let possessive = self.lang.sources.possessives.iter().any(|p| crate::ends_with_word(before, p));
            if let Some(place) = possessive.then(|| place_before(text, span.start)).flatten() {
                return format!("{} of {place}", inst.name);
            }
            if let Some(country) = main.filter(|_| inst.of_country).and_then(|c| gazetteer().country(c)) {
                return format!("{} of {}", inst.name, country.name);
            }
        }
        inst.name.clone()
    }

    /// The region a regional institution serves, in the gazetteer's spelling:
    /// named after it ("de Valence", "de la région de Valence") or pointed
    /// back to ("de cette région"). Places of the article's country come first.
    fn region_of(&self, text: &str, span: Range<usize>, main: Option<&str>) -> Option<String> {
        let rest = text[span.end..].trim_start();
        let pointer = self.lang.sources.this_place.iter().find(|p| crate::starts_with_word(rest, p));
        let named = match pointer {
            Some(p) => match place_after(&rest[p.len()..], &self.lang.sources.place_prefixes) {
                Some(place) => place,
                None => place_before(text, span.start)?,
            },
            None => place_after(rest, &self.lang.sources.place_prefixes)?,
        };
        let places = gazetteer().lookup(named);
        let local = places.iter().find(|&&i| Some(gazetteer().place(i).country) == main);
        // A region the gazetteer lacks keeps the article's spelling.
        Some(local.or(places.first()).map_or(named, |&i| gazetteer().place(i).name).to_string())
    }
}

/// How far back (bytes) a role looks for the place it points to.
const PLACE_LOOKBACK: usize = 300;

/// The last place of the gazetteer named shortly before `at`, a capitalised word not opening a sentence.
fn place_before(text: &str, at: usize) -> Option<&str> {
    let mut from = at.saturating_sub(PLACE_LOOKBACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in before.char_indices().chain(std::iter::once((before.len(), ' '))) {
        match (c.is_alphanumeric() || c == '-', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &before[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    words.into_iter().rev().find_map(|(at, w)| {
        let opens_sentence = before[..at].trim_end().is_empty() || before[..at].trim_end().ends_with(['.', '!', '?', '\n']);
        (w.chars().count() >= 3 && w.starts_with(char::is_uppercase) && !opens_sentence && !gazetteer().lookup(w).is_empty()).then_some(w)
    })
}

/// "de Mayotte", "d'Alep", "of Paiporta": the capitalised place after a title,
/// joined to it by one of `prefixes`.
fn place_after<'t>(rest: &'t str, prefixes: &[String]) -> Option<&'t str> {
    let rest = rest.trim_start();
    let rest = prefixes.iter().find_map(|p| rest.strip_prefix(p.as_str()))?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    // One name, hyphens included ("Castilla-La Mancha"); a person's name may follow it.
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Each attribution phrase introduces one mention: the one right next to
/// it, else the nearest after it within reach ("selon ... l'ONG", "a rapporté
/// vendredi l'ONG"), else the nearest before it ("l'OSDH, basée à Londres, a
/// indiqué"). Actors named near a reporting verb ("l'armée ..., a rapporté
/// l'ONG") are not speakers.
fn bind(text: &str, mentions: &mut [SourceMention], attributions: &[Range<usize>], source_follows: &[String]) {
    // A phrase never introduces a source across the end of a sentence.
    let one_sentence = |gap: Range<usize>| {
        let between = &text[gap];
        !between.contains('\n') && ![". ", "! ", "? "].iter().any(|stop| between.contains(stop))
    };
    for a in attributions {
        let after = |m: &SourceMention| {
            (m.span.start >= a.end)
                .then(|| m.span.start - a.end)
                .filter(|&gap| gap <= ATTRIBUTION_REACH && one_sentence(a.end..m.span.start))
        };
        let follows = source_follows.iter().any(|p| text[a.clone()].eq_ignore_ascii_case(p));
        let before = |m: &SourceMention| {
            (m.span.end <= a.start && !follows)
                .then(|| a.start - m.span.end)
                .filter(|&gap| gap <= ATTRIBUTION_REACH && one_sentence(m.span.end..a.start))
        };
        let nearest = |gap_of: &dyn Fn(&SourceMention) -> Option<usize>| {
            mentions.iter().enumerate().filter_map(|(i, m)| gap_of(m).map(|gap| (gap, i))).min()
        };
        let (after, before) = (nearest(&after), nearest(&before));
        let chosen = match (after, before) {
            (Some((gap, i)), b) if gap <= DIRECT_REACH && b.is_none_or(|(b, _)| gap <= b) => Some((i, 2)),
            (_, Some((gap, i))) if gap <= DIRECT_REACH => Some((i, 2)),
            (Some((_, i)), _) | (None, Some((_, i))) => Some((i, 1)),
            (None, None) => None,
        };
        if let Some((i, strength)) = chosen {
            mentions[i].strength = mentions[i].strength.max(strength);
        }
    }
}

/// How a figure's source was found, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// The source the article cites most.
    MostCited,
    /// A source attributed in one of the sentences before.
    Nearby,
    /// A source in the figure's own sentence.
    Sentence,
}

/// A figure's source and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub label: String,
    pub evidence: Evidence,
}

/// The source of a figure.
pub fn attribute(found: &Found, sources: &[SourceMention], figure: &RawFigure) -> Option<Attribution> {
    let found_as = |label: &str, evidence| Some(Attribution { label: label.to_string(), evidence });
    let sentence = |s: usize| found.sentences.get(s).cloned().unwrap_or(0..0);
    let in_sentence = |s: usize| -> Vec<&SourceMention> {
        let r = sentence(s);
        sources.iter().filter(|m| m.span.start >= r.start && m.span.end <= r.end).collect()
    };
    let attributed = |m: &SourceMention| m.strength > 0;
    let here = in_sentence(figure.sentence);
    let distance = |m: &&&SourceMention| m.span.start.abs_diff(figure.number.start);
    let speaking = here.iter().filter(|m| attributed(m)).min_by_key(|m| (std::cmp::Reverse(m.strength), !m.named, distance(m)));
    // Without an attribution phrase, an organisation in the sentence speaks for
    // it, unless it is the agent of the count ("secourues par l'UME").
    let unattributed = || here.iter().filter(|m| m.named && !m.agent).min_by_key(distance);
    if let Some(m) = speaking.or_else(unattributed) {
        return found_as(&m.label, Evidence::Sentence);
    }
    let nearby = (1..=SENTENCES_BACK.min(figure.sentence)).find_map(|back| {
        let earlier = in_sentence(figure.sentence - back);
        earlier.iter().rev().find(|m| attributed(m)).map(|m| m.label.as_str())
    });
    // "... 29 morts, selon l'AFAD. Plus de 400 personnes ont été blessées": the
    // organisation that gave the previous sentence's count goes on speaking.
    let continued = || {
        let previous = figure.sentence.checked_sub(1)?;
        found.figures.iter().any(|f| f.sentence == previous).then_some(())?;
        in_sentence(previous).into_iter().rev().find(|m| m.named && !m.agent).map(|m| m.label.as_str())
    };
    if let Some(label) = nearby.or_else(continued) {
        return found_as(label, Evidence::Nearby);
    }
    // Failing that, a headline or lede stating the tally that the body then
    // attributes takes the source the article cites most. Once a source has
    // spoken, an unattributed figure further on is the outlet's own.
    let first_attributed = sources.iter().filter(|m| attributed(m)).map(|m| m.span.start).min()?;
    if figure.number.start > first_attributed {
        return None;
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in sources.iter().filter(|m| attributed(m)) {
        match counts.iter_mut().find(|(l, _)| *l == m.label) {
            Some((_, n)) => *n += 1,
            None => counts.push((&m.label, 1)),
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).and_then(|(l, _)| found_as(l, Evidence::MostCited))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn labels(lang: &str, text: &str) -> Vec<String> {
        let lang = Languages::get().by_code(lang).unwrap();
        let country = crate::entities::EntityFinder::new(lang).main_country(text);
        SourceFinder::new(lang).sources(text, country.as_deref(), &[]).into_iter().map(|m| m.label).collect()
    }

    #[test]
    fn entities_institutions_and_anaphora() {
        let text = "Selon l'Observatoire syrien des droits de l'homme (OSDH), 311 personnes sont mortes, a précisé l'ONG.";
        assert_eq!(labels("fr", text), ["OSDH", "OSDH", "OSDH"]);
        assert_eq!(labels("fr", "Au Maroc, le ministère de l'Intérieur a annoncé 632 morts."), ["Moroccan interior ministry"]);
        assert_eq!(labels("fr", "selon les autorités espagnoles"), ["Spanish authorities"]);
        assert_eq!(labels("fr", "a déclaré le préfet de Mayotte, François Dupont."), ["prefect of Mayotte"]);
        assert_eq!(labels("fr", "selon le maire de Mamoudzou Jean Dupont"), ["mayor of Mamoudzou"]);
        assert_eq!(labels("fr", "selon une ONG. L'OSDH compte 12 morts."), ["OSDH", "OSDH"]);
        assert_eq!(labels("en", "the mayor of Paiporta said"), ["mayor of Paiporta"]);
        assert_eq!(labels("es", "Más de 40 muertos en Paiporta, según su alcaldesa."), ["mayor of Paiporta"]);
        // "la préfecture" refers back to a prefecture named before; with none before, it names one.
        assert_eq!(labels("fr", "le bilan établi par la préfecture de Mayotte"), ["prefecture of Mayotte"]);
        assert_eq!(labels("en", "says the UN children's agency"), ["UNICEF"]);
    }

    #[test]
    fn a_country_adjective_may_stand_inside_an_institution() {
        assert_eq!(labels("fr", "selon le ministère espagnol de l'Intérieur"), ["Spanish interior ministry"]);
    }

    #[test]
    fn organisations_introduced_with_their_acronym_are_sources() {
        let text = "Au moins 40 morts selon l'Observatoire des droits au Sahel (ODS). L'ONG cite aussi l'ODS.";
        assert_eq!(labels("fr", text), ["ODS", "ODS", "ODS"]);
        // A known name keeps its label.
        assert_eq!(labels("en", "the Syrian Observatory for Human Rights (SOHR) said"), ["OSDH", "OSDH"]);
    }

    #[test]
    fn an_attribution_phrase_stays_in_its_sentence() {
        // "según" ends the sentence; the Red Crescent of the next one does not speak for it.
        let text = "Unas 47 personas fueron rescatadas, según. Según la Media Luna Roja, 900 familias esperan.";
        let spans = [text.find("según.").map(|at| at..at + "según".len()).unwrap()];
        let lang = Languages::get().by_code("es").unwrap();
        let sources = SourceFinder::new(lang).sources(text, Some("TR"), &spans);
        assert_eq!(sources.iter().map(|m| (m.label.as_str(), m.strength)).collect::<Vec<_>>(), [("Red Crescent", 0)]);
    }

    #[test]
    fn a_source_follows_selon() {
        // "l'armée" stands right before "selon" but is not who speaks.
        let text = "Plus de 200 personnes ont été secourues par les pompiers et l'armée, selon le gouvernement régional de Murcie.";
        let spans = [text.find("selon").map(|at| at..at + "selon".len()).unwrap()];
        let lang = Languages::get().by_code("fr").unwrap();
        let bound: Vec<_> =
            SourceFinder::new(lang).sources(text, Some("ES"), &spans).into_iter().filter(|m| m.strength > 0).map(|m| m.label).collect();
        assert_eq!(bound, ["Murcia regional government"]);
    }

    #[test]
    fn the_agent_of_a_count_does_not_speak_for_it() {
        let lang = Languages::get().by_code("fr").unwrap();
        let text = "Plus de 300 personnes ont été secourues par le Comité international de la Croix-Rouge (CICR).";
        let found = crate::figures::FigureFinder::new(lang).find(text);
        let sources = SourceFinder::new(lang).sources(text, Some("ES"), &found.attributions);
        assert_eq!(attribute(&found, &sources, &found.figures[0]), None);
    }

    #[test]
    fn regional_institutions_take_their_region() {
        // Named after the phrase, or pointed back to; the article's country picks among homonyms.
        let labels = |lang, text| {
            let lang = Languages::get().by_code(lang).unwrap();
            SourceFinder::new(lang).sources(text, Some("ES"), &[]).into_iter().map(|m| m.label).collect::<Vec<_>>()
        };
        assert_eq!(labels("fr", "selon les services de secours de Valence"), ["Valencia emergency services"]);
        assert_eq!(labels("fr", "La crue a frappé surtout Valence, selon les pompiers de cette région."), ["Valencia emergency services"]);
        assert_eq!(labels("en", "the emergency services said"), ["emergency services"]);
        assert_eq!(labels("fr", "a indiqué le gouverneur de Van."), ["Van governor"]);
        assert_eq!(labels("fr", "Le gouvernorat du Nord-Kivu conteste ces chiffres."), ["Nord-Kivu governorate"]);
    }

    #[test]
    fn the_source_of_a_count_goes_on_speaking_in_the_next_sentence() {
        let lang = Languages::get().by_code("fr").unwrap();
        let text = "Le séisme a fait 29 morts, selon un décompte publié mardi par l'AFAD. Plus de 400 personnes ont été blessées.";
        let found = crate::figures::FigureFinder::new(lang).find(text);
        let sources = SourceFinder::new(lang).sources(text, Some("TR"), &found.attributions);
        let injured = found.figures.iter().find(|f| f.value == 400).unwrap();
        assert_eq!(attribute(&found, &sources, injured).map(|a| a.label), Some("AFAD".to_string()));
    }

    /// The strength of each mention, given where the attribution phrases stand.
    fn bound(text: &str, phrases: &[&str]) -> Vec<(String, u8)> {
        let lang = Languages::get().by_code("fr").unwrap();
        let spans: Vec<_> = phrases.iter().map(|p| text.find(p).map(|at| at..at + p.len()).unwrap()).collect();
        SourceFinder::new(lang).sources(text, Some("SY"), &spans).into_iter().map(|m| (m.label, m.strength)).collect()
    }

    #[test]
    fn an_attribution_phrase_introduces_one_mention() {
        // The army is the subject of the fighting, not of "a rapporté".
        let text = "Les combats avec l'armée se concentrent près d'Alep, a rapporté vendredi l'OSDH.";
        assert_eq!(bound(text, &["a rapporté"]), [("Syrian army".to_string(), 0), ("OSDH".to_string(), 1)]);
        // Right next to the phrase on either side is a direct attribution.
        assert_eq!(
            bound("L'OSDH a indiqué que l'armée a perdu 87 soldats.", &["a indiqué"]),
            [("OSDH".to_string(), 2), ("Syrian army".to_string(), 0)]
        );
        assert_eq!(bound("selon l'OSDH", &["selon"]), [("OSDH".to_string(), 2)]);
    }

    #[test]
    fn the_directly_attributed_source_speaks_for_its_sentence() {
        let lang = Languages::get().by_code("fr").unwrap();
        let text = "Le bilan établi par la préfecture de Mayotte fait état de 40 morts, déclarés par le Centre hospitalier de Mayotte.";
        let found = crate::figures::FigureFinder::new(lang).find(text);
        let sources = SourceFinder::new(lang).sources(text, Some("YT"), &found.attributions);
        let forty = found.figures.iter().find(|f| f.value == 40).unwrap();
        assert_eq!(attribute(&found, &sources, forty).map(|a| a.label), Some("prefecture of Mayotte".to_string()));
    }

    #[test]
    fn short_acronyms_are_case_sensitive() {
        assert!(labels("es", "una vida sana y tranquila").is_empty());
        assert_eq!(labels("es", "según la agencia oficial SANA"), ["Sana"]);
    }
}
