//! The words around figures, compiled once per language into one automaton.
//!
//! Every phrase of a language's `figures.toml` (and its month names) becomes
//! a pattern; a phrase listed under several headings ("tués" is a noun and a
//! verb, "dont" joins a list and opens a sub-count) carries all its roles.

use std::collections::HashMap;
use vigie_lang::Language;
use vigie_model::{Group, Metric, Qualifier};

/// One role a phrase plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    MetricNoun(Metric),
    MetricVerb(Metric),
    Toll(Metric),
    Qualifier(Qualifier),
    ListJoiner,
    Subset,
    RangeStart,
    RangeEnd,
    Group(Group),
    People,
    /// People something happened to ("victims"): this metric unless the clause says otherwise.
    Victims(Metric),
    NotCount,
    /// Before a change between tolls: "increased by 400".
    Change,
    /// Says the count is of something else: "were buried".
    NotImpact,
    /// A noun naming what caused deaths: "frappes", "airstrikes".
    Cause,
    /// A phrase that puts a figure in an earlier event: "cette année-là".
    OtherEvent,
    /// A copula between a count and its group: "eran", "were".
    Copula,
    /// A toll moving to a number: "rose to 37".
    Rise,
    /// A toll moving from a number to another: "rose from 30 to 37"; the first is the earlier toll.
    Move,
    /// A subset phrase that names the metric of its whole: "entre los fallecidos".
    SubsetOf(Metric),
    /// A word before a number that makes it no count: "minuto 87".
    NotCountBefore,
    /// After a count, before its metric: the counted did it ("accused of killing").
    Accusation,
    /// Opens a contrasting clause: "mientras que", "while".
    ClauseBreak,
    /// A preposition of place after a count: "et un en Andalousie".
    Locative,
    AttributionBefore,
    AttributionAfter,
    Since,
    Estimate,
    Negation,
    Previous,
    /// Before the earlier toll a count moved from: "from", "contre", "frente a".
    MovedFrom,
    /// A month name; the number is its index, January = 0.
    Month(u8),
    /// A weekday name, Monday = 0.
    Weekday(u8),
    /// "hier" is -1, "aujourd'hui" 0.
    RelativeDay(i8),
}

/// The longest agreement ending of `part`, with its set.
fn ending_of<'a>(part: &str, agreement: &'a [Vec<String>]) -> Option<(&'a str, &'a Vec<String>)> {
    agreement.iter().find_map(|set| {
        let mut by_length: Vec<&String> = set.iter().collect();
        by_length.sort_by_key(|e| std::cmp::Reverse(e.len()));
        by_length.into_iter().find(|e| part.ends_with(e.as_str())).map(|e| (e.as_str(), set))
    })
}

/// The compound tenses of the phrases that open with a verb in the simple past, with
/// auxiliary `aux`: "cifró en" gives "ha cifrado en", "añadió" gives "ha añadido".
fn compound_tenses(words: &[String], participles: &[(String, String)], aux: &str) -> Vec<String> {
    let mut out = Vec::new();
    for phrase in words {
        let (verb, rest) = phrase.split_once(' ').map_or((phrase.as_str(), ""), |(v, r)| (v, r));
        for (past, participle) in participles {
            if let Some(stem) = verb.strip_suffix(past.as_str()).filter(|s| !s.is_empty()) {
                let variant = format!("{aux} {stem}{participle} {rest}").trim_end().to_string();
                if !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
    }
    out
}

/// Every phrase of `words` with each of its auxiliaries in every other form of
/// its set: "a indiqué" gives "ont indiqué", "avait indiqué", "avaient indiqué".
fn with_auxiliaries(words: &[String], sets: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = words.to_vec();
    for phrase in words {
        let parts: Vec<&str> = phrase.split(' ').collect();
        for (i, part) in parts.iter().enumerate() {
            let Some(set) = sets.iter().find(|set| set.iter().any(|a| a == part)) else { continue };
            for other in set.iter().filter(|a| a != part) {
                let mut variant = parts.clone();
                variant[i] = other;
                let variant = variant.join(" ");
                if !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
    }
    out
}

/// Nouns and their singulars, by the language's plural endings: "a firefighter was hurt"
/// counts one as "two firefighters" count two; a singular that is a function word
/// ("other", "autre") is no noun.
fn with_singulars(lang: &Language, nouns: &[String]) -> Vec<String> {
    let mut out: Vec<String> = nouns.to_vec();
    for noun in nouns.iter().filter(|n| !n.contains(' ')) {
        for (singular, plural) in lang.figures.plurals.iter().filter(|(_, p)| !p.is_empty()) {
            let Some(stem) = noun.strip_suffix(plural.as_str()).filter(|s| s.chars().count() >= MIN_STEM) else { continue };
            let one = format!("{stem}{singular}");
            let function_word = lang.lexicon.rank(&one).is_some_and(|r| r < FUNCTION_SINGULAR_RANK);
            if !function_word && !out.contains(&one) {
                out.push(one);
            }
        }
    }
    out
}

/// The shortest stem a plural ending is taken from ("bus" is no plural of "bu").
const MIN_STEM: usize = 3;
/// Words the lexicon ranks this high are function words.
const FUNCTION_SINGULAR_RANK: u32 = 100;

/// Nouns and their plurals, by the language's plural endings.
fn pluralised(nouns: &[String], plurals: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = nouns.to_vec();
    for noun in nouns {
        for (singular, plural) in plurals {
            if let Some(stem) = noun.strip_suffix(singular.as_str()) {
                out.push(format!("{stem}{plural}"));
            }
        }
    }
    out
}

/// Every phrase of `words` with each of its words in every form that agrees
/// with it: "tué" gives "tuée", "tués", "tuées" when `agreement` holds that
/// set of endings. Words shorter than three letters ("de", "a") stay as they are.
fn inflected(words: &[String], agreement: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = words.to_vec();
    for phrase in words {
        let parts: Vec<&str> = phrase.split(' ').collect();
        // Words that agree with each other change together ("portées disparues", "portée disparue"):
        // the sets list their endings in one order of gender and number.
        let endings: Vec<Option<(&str, &Vec<String>)>> = parts
            .iter()
            .map(|part| {
                (part.chars().count() >= 3)
                    .then(|| ending_of(part, agreement))
                    .flatten()
                    .map(|(e, set)| (&part[..part.len() - e.len()], set))
            })
            .collect();
        if endings.iter().filter(|e| e.is_some()).count() > 1 {
            let forms = endings.iter().flatten().map(|(_, set)| set.len()).min().unwrap_or(0);
            for form in 0..forms {
                let variant: Vec<String> = parts
                    .iter()
                    .zip(&endings)
                    .map(|(part, e)| e.map_or(part.to_string(), |(stem, set)| format!("{stem}{}", set[form])))
                    .collect();
                let variant = variant.join(" ");
                if !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
        for (i, part) in parts.iter().enumerate().filter(|(_, p)| p.chars().count() >= 3) {
            let Some((ending, set)) = ending_of(part, agreement) else { continue };
            let stem = &part[..part.len() - ending.len()];
            for other in set.iter().filter(|e| *e != ending) {
                let mut variant = parts.clone();
                let form = format!("{stem}{other}");
                variant[i] = &form;
                let variant = variant.join(" ");
                if !out.contains(&variant) {
                    out.push(variant);
                }
            }
        }
    }
    out
}

/// A phrase found in text, with its roles.
#[derive(Clone, Copy, Debug)]
pub struct CueMatch<'a> {
    pub start: usize,
    pub end: usize,
    pub roles: &'a [Cue],
}

impl CueMatch<'_> {
    pub fn has(&self, f: impl Fn(Cue) -> bool) -> bool {
        self.roles.iter().any(|&c| f(c))
    }

    pub fn find<T>(&self, f: impl Fn(Cue) -> Option<T>) -> Option<T> {
        self.roles.iter().find_map(|&c| f(c))
    }
}

pub struct Cues {
    phrases: vigie_text::Phrases,
    roles: Vec<Vec<Cue>>,
}

impl Cues {
    pub fn new(lang: &Language) -> Self {
        let f = &lang.figures;
        let mut phrases: HashMap<String, Vec<Cue>> = HashMap::new();
        let mut add = |words: &[String], cue: Cue| {
            for w in words {
                let roles = phrases.entry(w.to_lowercase()).or_default();
                if !roles.contains(&cue) {
                    roles.push(cue);
                }
            }
        };
        let parse = |table: &str, name: &str| -> String { format!("lang/{}/figures.toml [{table}]: {name}", lang.code) };
        let inflect = |words: &[String]| inflected(words, &f.agreement);
        for (name, words) in &f.metric_nouns {
            add(&inflect(words), Cue::MetricNoun(name.parse().unwrap_or_else(|e| panic!("{}: {e}", parse("metric_nouns", name)))));
        }
        for (name, words) in &f.metric_verbs {
            add(&inflect(words), Cue::MetricVerb(name.parse().unwrap_or_else(|e| panic!("{}: {e}", parse("metric_verbs", name)))));
        }
        for (name, words) in &f.tolls {
            add(words, Cue::Toll(name.parse().unwrap_or_else(|e| panic!("{}: {e}", parse("tolls", name)))));
        }
        for (name, words) in &f.qualifiers {
            add(words, Cue::Qualifier(name.parse().unwrap_or_else(|e| panic!("{}: {e}", parse("qualifiers", name)))));
        }
        for (name, words) in &f.groups {
            add(&inflect(words), Cue::Group(name.parse().unwrap_or_else(|e| panic!("{}: {e}", parse("groups", name)))));
        }
        add(&f.list_joiners, Cue::ListJoiner);
        add(&f.subsets, Cue::Subset);
        // "parmi les survivants", "among the injured", "entre los heridos": an opener and any metric noun.
        let nouns: Vec<String> = f.metric_nouns.values().flat_map(|words| inflect(words)).collect();
        let opened: Vec<String> = f.subset_openers.iter().flat_map(|o| nouns.iter().map(move |n| format!("{o} {n}"))).collect();
        add(&opened, Cue::Subset);
        add(&f.range_starts, Cue::RangeStart);
        add(&f.range_ends, Cue::RangeEnd);
        add(&inflect(&with_singulars(lang, &f.people)), Cue::People);
        // "un motard a perdu la vie": a singular noun of one person counts people too.
        add(&inflect(&f.singular_people), Cue::People);
        for (name, words) in &f.victims {
            add(&inflect(words), Cue::Victims(name.parse().unwrap_or_else(|e| panic!("{}: {e}", parse("victims", name)))));
        }
        add(&f.not_counts, Cue::NotCount);
        // "en cinco distritos", "in three counties": a count of areas.
        add(&pluralised(&f.place_kinds, &f.plurals), Cue::NotCount);
        add(&f.locatives, Cue::Locative);
        add(&f.changes, Cue::Change);
        add(&f.not_impacts, Cue::NotImpact);
        add(&f.rises, Cue::Rise);
        add(&f.moves, Cue::Move);
        add(&f.copulas, Cue::Copula);
        add(&f.other_event, Cue::OtherEvent);
        add(&f.causes, Cue::Cause);
        add(&f.not_counts_before, Cue::NotCountBefore);
        add(&f.accusations, Cue::Accusation);
        add(&f.clause_breaks, Cue::ClauseBreak);
        // A passive participle before its agent agrees with the subject: "confirmé par" is also "confirmés par".
        let agreed = |words: &[String]| {
            let passive = |p: &&String| p.rsplit_once(' ').is_some_and(|(_, agent)| lang.sources.agents.iter().any(|a| a == agent));
            let passives: Vec<String> = words.iter().filter(passive).cloned().collect();
            let mut all = words.to_vec();
            all.extend(inflected(&passives, &f.agreement).into_iter().filter(|p| !words.contains(p)));
            all
        };
        let conjugate = |words: &[String]| {
            let simple = inflected(&agreed(words), &f.conjugation);
            let compound = f.auxiliaries.first().and_then(|set| set.first()).map(|aux| compound_tenses(words, &f.participles, aux));
            with_auxiliaries(&[simple, compound.unwrap_or_default()].concat(), &f.auxiliaries)
        };
        add(&conjugate(&f.attribution_before), Cue::AttributionBefore);
        add(&conjugate(&f.attribution_after), Cue::AttributionAfter);
        add(&inflect(&f.since), Cue::Since);
        add(&f.estimates, Cue::Estimate);
        add(&f.negations, Cue::Negation);
        add(&f.previous, Cue::Previous);
        add(&f.moved_from, Cue::MovedFrom);
        for (i, forms) in lang.dates.months.iter().enumerate() {
            add(forms, Cue::Month(i as u8));
        }
        for (i, forms) in lang.dates.weekdays.iter().enumerate() {
            add(forms, Cue::Weekday(i as u8));
        }
        let d = &lang.dates;
        for (words, offset) in [(&d.today, 0), (&d.yesterday, -1), (&d.day_before_yesterday, -2), (&d.tomorrow, 1)] {
            add(words, Cue::RelativeDay(offset));
        }
        // "entre los fallecidos", "among the dead", "parmi les victimes": a subset that names the metric of its whole.
        let metric_nouns: Vec<(String, Metric)> = phrases
            .iter()
            .flat_map(|(p, roles)| {
                roles.iter().filter_map(|r| if let Cue::MetricNoun(m) | Cue::Victims(m) = r { Some((p.clone(), *m)) } else { None })
            })
            .collect();
        for (phrase, roles) in phrases.iter_mut().filter(|(_, roles)| roles.contains(&Cue::Subset)) {
            let named = metric_nouns.iter().find(|(noun, _)| phrase.strip_suffix(noun.as_str()).is_some_and(|head| head.ends_with(' ')));
            if let Some(&(_, m)) = named {
                roles.push(Cue::SubsetOf(m));
            }
        }
        // "critically injured": a group phrase that holds a metric word says that metric too.
        let metric_words: HashMap<String, Metric> = phrases
            .iter()
            .filter(|(p, _)| !p.contains(' '))
            .filter_map(|(p, roles)| roles.iter().find_map(|r| if let Cue::MetricNoun(m) = r { Some((p.clone(), *m)) } else { None }))
            .collect();
        for (phrase, roles) in phrases.iter_mut() {
            let grouped = roles.iter().any(|r| matches!(r, Cue::Group(_)));
            let counted = roles.iter().any(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_)));
            if let Some(&m) = phrase.split(' ').find_map(|w| metric_words.get(w)).filter(|_| grouped && !counted && phrase.contains(' ')) {
                roles.push(Cue::MetricNoun(m));
            }
        }
        let mut entries: Vec<(String, Vec<Cue>)> = phrases.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let phrases = vigie_text::Phrases::new(entries.iter().map(|(p, _)| p));
        Cues { phrases, roles: entries.into_iter().map(|(_, r)| r).collect() }
    }

    /// Every phrase in `text` that stands as whole words, in order.
    /// Matching runs on a lower-cased copy ("À au moins" is "à au moins"), mapped back to `text`.
    pub fn find_all<'a>(&'a self, text: &str) -> Vec<CueMatch<'a>> {
        self.phrases
            .find(text)
            .into_iter()
            .map(|m| CueMatch { start: m.span.start, end: m.span.end, roles: &self.roles[m.phrase] })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    #[test]
    fn accented_capitals_match_lower_case_phrases() {
        let cues = Cues::new(Languages::get().by_code("fr").unwrap());
        let text = "À au moins 12 km, Été comme hiver";
        let found: Vec<&str> = cues.find_all(text).iter().map(|c| &text[c.start..c.end]).collect();
        assert!(found.contains(&"À au moins") || found.contains(&"au moins"), "{found:?}");
    }

    #[test]
    fn listed_words_match_in_every_agreeing_form() {
        let agreement = vec![vec!["é".to_string(), "ée".into(), "és".into(), "ées".into()]];
        let forms = inflected(&["a été tué".to_string()], &agreement);
        assert!(forms.contains(&"a été tuées".to_string()) && forms.contains(&"a été tuée".to_string()), "{forms:?}");
        assert!(forms.iter().all(|f| f.starts_with("a ")), "short words keep their form: {forms:?}");
        let es = Cues::new(Languages::get().by_code("es").unwrap());
        let text = "dos mujeres resultaron heridas";
        assert!(es.find_all(text).iter().any(|c| &text[c.start..c.end] == "resultaron heridas"));
    }

    #[test]
    fn reporting_verbs_match_in_singular_and_plural() {
        let es = Cues::new(Languages::get().by_code("es").unwrap());
        let attribution = |text: &str| es.find_all(text).iter().any(|c| c.has(|r| r == Cue::AttributionAfter));
        assert!(attribution("lo cifraron los bomberos"));
        assert!(attribution("lo advirtieron los vecinos"));
        // A noun that looks like a present tense stays a noun.
        assert!(!attribution("a esta cifra hay que sumar"));
    }

    #[test]
    fn people_nouns_match_in_the_singular_but_function_words_do_not() {
        let en = Languages::get().by_code("en").unwrap();
        let forms = with_singulars(en, &["firefighters".to_string(), "others".to_string()]);
        assert!(forms.contains(&"firefighter".to_string()));
        assert!(!forms.contains(&"other".to_string()));
    }

    #[test]
    fn reporting_verbs_match_in_the_imperfect_and_with_any_auxiliary() {
        let attributes = |code: &str, text: &str| {
            let cues = Cues::new(Languages::get().by_code(code).unwrap());
            cues.find_all(text).iter().any(|c| c.has(|r| r == Cue::AttributionAfter || r == Cue::AttributionBefore))
        };
        assert!(attributes("es", "lo cifraban los bomberos del puerto"));
        assert!(attributes("es", "habían informado las autoridades locales"));
        assert!(attributes("fr", "précisaient les secours de la vallée"));
        assert!(attributes("fr", "avaient annoncé les pompiers"));
        assert!(attributes("en", "the coast guard had confirmed"));
        let auxiliaries = vec![vec!["a".to_string(), "ont".into(), "avait".into()]];
        let forms = with_auxiliaries(&["a dit".to_string()], &auxiliaries);
        assert_eq!(forms, ["a dit", "ont dit", "avait dit"]);
    }

    #[test]
    fn a_reporting_verb_listed_in_the_simple_past_matches_in_its_compound_tenses() {
        let es = Cues::new(Languages::get().by_code("es").unwrap());
        let cue =
            |text: &str| es.find_all(text).iter().find(|c| c.has(|r| r == Cue::AttributionAfter)).map(|c| text[c.start..c.end].to_string());
        assert_eq!(cue("los bomberos habían reportado 12 muertos").as_deref(), Some("habían reportado"));
        assert_eq!(cue("la alcaldía ha precisado que").as_deref(), Some("ha precisado"));
        let participles = [("ó".to_string(), "ado".to_string()), ("ió".to_string(), "ido".to_string())];
        let forms = compound_tenses(&["cifró en".to_string(), "añadió".to_string()], &participles, "ha");
        assert!(forms.contains(&"ha cifrado en".to_string()) && forms.contains(&"ha añadido".to_string()), "{forms:?}");
    }

    #[test]
    fn phrases_match_whole_words_with_all_their_roles() {
        let cues = Cues::new(Languages::get().by_code("fr").unwrap());
        let text = "au moins 62 personnes ont été tuées, dont 5 enfants, selon la mairie mortelle";
        let found: Vec<&str> = cues.find_all(text).iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["au moins", "personnes", "ont été tuées", ",", "dont", "enfants", ",", "selon"]);
        let dont = cues.find_all("dont")[0];
        assert!(dont.has(|c| c == Cue::Subset) && dont.has(|c| c == Cue::ListJoiner));
    }
}
