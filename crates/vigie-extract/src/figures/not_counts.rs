//! Numbers that count no one: days, ages, lengths, money, phone and
//! street numbers, years, populations, organisations and facilities.

use super::{is_comma, is_one_of, FigureFinder, Item, Token};
use crate::cues::Cue;
use crate::numbers::{NumberKind, NumberMatch};
use vigie_model::Metric;

/// The oldest age a bare number after a name or a death is read as.
const MAX_AGE: u64 = 115;

/// The most capitals a name hyphened to a number has ("COVID-19").
const MAX_NAME_CAPITALS: usize = 5;

/// How many tokens may stand between a death and the "at" of an age ("died on Thursday at 91").
const DEATH_TO_AGE_TOKENS: usize = 3;

impl FigureFinder {
    /// Whether the number at `k` stands in a list of bare ages between commas right after
    /// a noun of people: "a man, 45, was", "two brothers, 17 and 22, were", "tres niños, 4, 7 y 9,".
    fn ages_in_apposition(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        let joiner = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::ListJoiner));
        let age = |t: &Token| matches!(t.item, Item::Number(n) if n.kind == NumberKind::Digits && n.value <= MAX_AGE as f64);
        let inside = |t: &Token| age(t) || joiner(t) || is_comma(text, t);
        // The apposition opens at the first comma of the run before `k`, closes at the last comma after it.
        let start = k - tokens[..k].iter().rev().take_while(|t| inside(t)).count();
        let end = k + 1 + tokens[k + 1..].iter().take_while(|t| inside(t)).count();
        let people = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::People | Cue::Group(_))));
        let opens = start >= 1 && is_comma(text, &tokens[start]) && people(&tokens[start - 1]);
        let closes = end > k + 1 && is_comma(text, &tokens[end - 1]);
        opens && closes
    }

    /// Years, times, dates, percentages, distances: numbers that count no one.
    pub(super) fn not_a_count(&self, text: &str, tokens: &[Token], k: usize, value: u64, num: NumberMatch) -> bool {
        let next = tokens.get(k + 1);
        if let Some(t) = next {
            if let Item::Cue(c) = t.item {
                // "16-year", and "16 - year" as some tokenised corpora write it.
                let adjacent = t.start - num.end <= 1 || text[num.end..t.start].trim() == "-";
                if (c.has(|r| r == Cue::NotCount) && adjacent) || c.has(|r| matches!(r, Cue::Month(_))) {
                    return true;
                }
            }
            // "1 de febrero", "1 of February".
            let short_word = matches!(t.item, Item::Word | Item::Cue(_)) && t.end - t.start <= 3;
            // ... and "une trentaine d'ONG", "a dozen of the hospitals".
            if short_word
                && matches!(tokens.get(k + 2).map(|m| m.item), Some(Item::Cue(c)) if c.has(|r| matches!(r, Cue::Month(_) | Cue::NotCount)))
            {
                return true;
            }
            // "8 health centres", "3 school buildings": the head of the noun after the number counts things.
            let modifier = matches!(t.item, Item::Word) && t.start - num.end <= 1;
            if modifier
                && tokens
                    .get(k + 2)
                    .is_some_and(|h| h.start - t.end <= 1 && matches!(h.item, Item::Cue(c) if c.has(|r| r == Cue::NotCount)))
            {
                return true;
            }
            if matches!(t.item, Item::Punct(':' | '/' | '°' | '€' | '$' | '£')) && t.start == num.end {
                return true;
            }
        }
        // "the 13-10 loss": a score, unless people are counted after it ("10-15 people" is a range).
        let counted = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::People | Cue::Group(_) | Cue::MetricNoun(_) | Cue::MetricVerb(_) | Cue::Victims(_))));
        let other = text[num.end..].strip_prefix('-').filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if let Some(other) = other.filter(|_| num.kind == NumberKind::Digits) {
            let end = text.len() - other.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let after = tokens[k + 1..].iter().find(|t| t.start >= end && !matches!(t.item, Item::Number(_)));
            if !after.is_some_and(counted) {
                return true;
            }
        }
        // "in his 20s", "the 1990s": a decade.
        let rest = &text[num.end..];
        let decade = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")).or_else(|| rest.strip_prefix('s'));
        if num.kind == NumberKind::Digits && decade.is_some_and(|r| !r.starts_with(char::is_alphanumeric)) {
            return true;
        }
        // "dos niños de 5 y 7 años", "aged 5 and 7": the first of two measures in one unit.
        let joined_measure = matches!(next.map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| matches!(r, Cue::ListJoiner | Cue::RangeEnd)))
            && matches!(tokens.get(k + 2).map(|t| t.item), Some(Item::Number(_)))
            && matches!(tokens.get(k + 3), Some(t) if matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::NotCount)) && t.start - tokens[k + 2].end <= 1);
        if joined_measure {
            return true;
        }
        // "I-40", "A-7", "F-16", "COVID-19": a number hyphened to a few capitals is part of a name.
        let named = k > 0 && matches!(tokens[k - 1].item, Item::Word) && &text[tokens[k - 1].end..num.start] == "-" && {
            let word = &text[tokens[k - 1].start..tokens[k - 1].end];
            word.len() <= MAX_NAME_CAPITALS && word.chars().all(|c| c.is_ascii_uppercase())
        };
        if named {
            return true;
        }
        // "a man, 45, was killed", "two brothers, 17 and 22, were arrested": ages in apposition to the people.
        if value <= MAX_AGE && self.ages_in_apposition(text, tokens, k) {
            return true;
        }
        // "Amara Okafor, 34, was": an age in apposition to a full name.
        let capital = |t: &Token| matches!(t.item, Item::Word | Item::Cue(_)) && text[t.start..].starts_with(char::is_uppercase);
        let named_before = k >= 3 && is_comma(text, &tokens[k - 1]) && capital(&tokens[k - 2]) && capital(&tokens[k - 3]);
        if named_before && value <= MAX_AGE && next.is_some_and(|t| is_comma(text, t)) {
            return true;
        }
        // "died at 75", "dead at 95", "died Thursday at 91": an age after a death, the clause ending with it.
        let death = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(Metric::Killed) | Cue::MetricVerb(Metric::Killed))));
        let after_death = k >= 2
            && is_one_of(text, tokens, k - 1, &self.figures.ages_after_death)
            && tokens[k.saturating_sub(1 + DEATH_TO_AGE_TOKENS)..k - 1].iter().any(death);
        if after_death && value <= MAX_AGE && next.is_none_or(|t| matches!(t.item, Item::Punct(_))) {
            return true;
        }
        // "shot dead by two officers", "tués par trois hommes": the agent of a metric verb did it.
        let metric_verb = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_))));
        if k >= 2 && is_one_of(text, tokens, k - 1, self.agents) && metric_verb(&tokens[k - 2]) {
            return true;
        }
        // "one of the victims", "l'un des blessés": one person among others, counted elsewhere.
        let word_after = next.filter(|t| t.start - num.end <= 1).map(|t| text[t.start..t.end].to_lowercase());
        if value == 1 && word_after.as_deref().is_some_and(|w| self.figures.partitives.iter().any(|p| p == w)) {
            return true;
        }
        // "une ville de 900 000 habitants": a place's population, said after "de", "of".
        let population = (k + 1..k + 3).any(|i| is_one_of(text, tokens, i, &self.figures.population));
        // ... also past a qualifier: "une ville de près de 900 000 habitants" (not "plus de 9 000 habitants ont fui").
        let of_word = |w: &str| self.figures.population_of.iter().any(|p| p.eq_ignore_ascii_case(w));
        let qualified = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Qualifier(_))));
        let of_before_qualifier = qualified && {
            let qualifier = &text[tokens[k - 1].start..tokens[k - 1].end];
            let before = text[..tokens[k - 1].start].split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty());
            qualifier.split(' ').next().is_some_and(of_word) || before.is_some_and(of_word)
        };
        let of_place =
            (k.saturating_sub(2)..k).any(|i| is_one_of(text, tokens, i, &self.figures.population_of)) && !qualified || of_before_qualifier;
        if population && of_place {
            return true;
        }
        // "February 1", "increased by 400", "no one was hurt": a day of a month, a change between tolls, a denial.
        if k > 0 {
            if let Item::Cue(c) = tokens[k - 1].item {
                // An article is a count all the same: "the mother of a girl killed by a stray bullet".
                let article = num.kind == NumberKind::Article;
                if c.has(|r| matches!(r, Cue::Month(_) | Cue::Change | Cue::Negation)) || c.has(|r| r == Cue::NotCountBefore) && !article {
                    return true;
                }
            }
        }
        // "which housed about 1,700", "none of the roughly 300 passengers": past a qualifier too.
        if k > 1 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Qualifier(_)))) {
            if let Item::Cue(c) = tokens[k - 2].item {
                if c.has(|r| matches!(r, Cue::NotCountBefore | Cue::Negation)) {
                    return true;
                }
            }
        }
        let year_like = num.kind == NumberKind::Digits && (1900..=2100).contains(&value) && num.end - num.start == 4;
        if year_like {
            // "a blaze in 2019 killed 70 people", "depuis 2015": after "in" or "since", a year whatever follows.
            let dated =
                k > 0 && (is_one_of(text, tokens, k - 1, &self.figures.locatives) || is_one_of(text, tokens, k - 1, &self.figures.since));
            if dated {
                return true;
            }
            let counted = next.is_some_and(
                |t| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::Group(_) | Cue::People))),
            );
            return !counted;
        }
        // "n° 3", "le 28 novembre" is handled by Month; "article 5" and the like stay.
        k > 0 && matches!(tokens[k - 1].item, Item::Punct('°' | '#' | '/')) && tokens[k - 1].end == num.start
            || text[num.end..].starts_with('/')
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{find, values};
    use vigie_model::Metric::{Affected, Arrested, Injured, Killed, Missing};
    use vigie_model::Qualifier::Range;

    #[test]
    fn none_of_a_count_is_hurt() {
        assert!(find("en", "None of the roughly 300 passengers aboard were hurt.").is_empty());
        assert!(find("fr", "Aucun des quelque 300 passagers n'a été blessé.").is_empty());
        assert!(find("es", "Ninguno de los 300 pasajeros resultó herido.").is_empty());
    }

    #[test]
    fn the_accused_are_not_their_victims() {
        assert!(find("en", "Two men accused of killing a guard appeared in court on Monday.").is_empty());
        assert!(find("en", "A police officer charged with killing a teenager was jailed.").is_empty());
        assert!(find("fr", "Deux hommes accusés d'avoir tué un gardien ont comparu lundi.").is_empty());
        assert!(find("es", "Dos hombres acusados de matar a un guardia comparecieron el lunes.").is_empty());
        assert_eq!(values("en", "Police arrested four men suspected of killing a guard."), [(Arrested, 4)]);
        assert_eq!(values("es", "La policía detuvo a cuatro hombres sospechosos de matar a un guardia."), [(Arrested, 4)]);
    }

    #[test]
    fn those_who_kill_are_not_counted_as_killed() {
        assert_eq!(values("en", "Two gunmen killed five people at a market."), [(Killed, 5)]);
        assert!(find("en", "An off-duty policeman shot the suspect.").is_empty());
        assert_eq!(values("en", "A teenager was shot dead by two officers."), [(Killed, 1)]);
        assert_eq!(values("en", "He shot and killed a woman and wounded two men."), [(Killed, 1), (Injured, 2)]);
        assert_eq!(values("fr", "Deux hommes ont tué trois passants."), [(Killed, 3)]);
        assert!(find("fr", "Un policier a abattu le suspect.").is_empty());
        assert_eq!(values("fr", "Trois passants ont été tués par deux hommes armés."), [(Killed, 3)]);
        assert_eq!(values("es", "Dos pistoleros mataron a cinco personas."), [(Killed, 5)]);
        assert!(find("es", "Un policía mató al sospechoso.").is_empty());
        assert_eq!(values("en", "Three people were killed the same day."), [(Killed, 3)]);
        assert!(find("en", "A police officer shot him dead outside the mall.").is_empty());
        assert!(find("es", "Un policía lo mató frente al centro comercial.").is_empty());
        assert!(find("fr", "Un policier l'a abattu devant le centre commercial.").is_empty());
        // A state after a pronoun is no verb with an object: "them" are the injured.
        assert_eq!(values("en", "Forty were hurt in the crash, 11 of them in critical condition."), [(Injured, 40), (Injured, 11)]);
        assert!(find("en", "Nine jurors voted for the death penalty.").is_empty());
        assert!(find("fr", "Neuf jurés ont voté pour la peine de mort.").is_empty());
        assert!(find("es", "Nueve jurados votaron por la pena de muerte.").is_empty());
    }

    #[test]
    fn a_verb_past_and_with_a_count_of_its_own_is_that_count_s() {
        let en = "Floods have trapped some 10,000 people and injured at least 50 in the district.";
        assert_eq!(values("en", en), [(Injured, 50)]);
        let fr = "Les crues ont isolé quelque 10 000 personnes et blessé au moins 50 autres.";
        assert_eq!(values("fr", fr), [(Injured, 50)]);
        let es = "Las crecidas aislaron a unas 10.000 personas e hirieron a al menos 50.";
        assert_eq!(values("es", es), [(Injured, 50)]);
        assert_eq!(values("en", "Twelve people were killed and 30 injured."), [(Killed, 12), (Injured, 30)]);
    }

    #[test]
    fn scores_decades_and_things_count_no_one() {
        assert!(find("en", "The safety was injured during the 13-10 overtime loss.").is_empty());
        assert!(find("en", "He was arrested in his early 20's, and again in the 1990s.").is_empty());
        assert!(find("en", "The navy rescued two merchant vessels under attack.").is_empty());
        assert!(find("es", "La armada rescató dos buques atacados.").is_empty());
        assert!(find("fr", "La marine a secouru deux navires attaqués.").is_empty());
        assert_eq!(find("en", "Some 10-15 people were injured.").iter().map(|f| (f.1, f.2)).collect::<Vec<_>>(), [(10, Range)]);
    }

    #[test]
    fn a_count_does_not_reach_into_another_reported_clause() {
        assert!(find("en", "He said it was one person and that he would name that person after his death.").is_empty());
        assert!(find("fr", "Il a dit que c'était une personne et qu'il la nommerait après sa mort.").is_empty());
        assert!(find("es", "Dijo que era una persona y que la nombraría después de su muerte.").is_empty());
        assert_eq!(values("en", "Five people and their driver were killed."), [(Killed, 5), (Killed, 1)]);
    }

    #[test]
    fn the_same_people_counted_otherwise_in_an_aside_keep_their_verb() {
        assert_eq!(values("es", "Unas 12.110 personas, o 1.730 familias, se han visto afectadas por el sismo."), [(Affected, 12110)]);
        assert_eq!(values("en", "Some 12,110 people, or 1,730 families, were affected by the quake."), [(Affected, 12110)]);
        assert_eq!(values("fr", "Quelque 12 110 personnes, soit 1 730 familles, ont été touchées par le séisme."), [(Affected, 12110)]);
    }

    #[test]
    fn counted_among_the_whole_a_subset_names() {
        assert_eq!(values("es", "De los desaparecidos, 23 fueron identificados entre los fallecidos."), [(Killed, 23)]);
        assert_eq!(values("fr", "Au total, 23 ont été identifiés parmi les morts."), [(Killed, 23)]);
        assert_eq!(values("en", "Of the missing, 23 were later identified among the dead."), [(Killed, 23)]);
    }

    #[test]
    fn a_denied_count_is_none() {
        assert!(find("en", "No one was injured when the roof collapsed, and not one resident died.").is_empty());
        assert!(find("en", "No-one has been hurt, the fire service said.").is_empty());
        assert!(find("fr", "Pas un seul blessé n'est à déplorer après l'incendie.").is_empty());
        assert!(find("es", "No hubo ni un solo herido en el incendio.").is_empty());
        assert_eq!(values("en", "One person was injured when the roof collapsed."), [(Injured, 1)]);
    }

    #[test]
    fn ages_and_families_count_no_one() {
        assert!(find("en", "The former senator has died at 91.").is_empty());
        assert!(find("en", "The actress died on Thursday at 91.").is_empty());
        assert_eq!(values("en", "The mother of a boy killed by a stray bullet spoke."), [(Killed, 1)]);
        assert!(find("en", "Amara Okafor, 34, was shot outside her home, police said.").iter().all(|f| f.1 != 34));
        assert!(find("en", "Nadia Colt died at the age of 85 in her Dublin home.").is_empty());
        assert_eq!(values("en", "Two cousins, 19 and 23, were detained near the border."), [(Arrested, 2)]);
        assert_eq!(values("fr", "Deux randonneurs, 61 et 64, ont été blessés."), [(Injured, 2)]);
        assert_eq!(values("es", "Dos trabajadores, 20 y 31, fueron heridos."), [(Injured, 2)]);
        assert!(find("en", "A wrong-way driver killed a man on I-40.").iter().all(|f| f.1 != 40));
        assert!(find("en", "Two people died in a crash on Interstate 75 on Sunday.").iter().all(|f| f.1 != 75));
        assert!(find("fr", "Deux morts dans un accident sur l'autoroute A-7.").iter().all(|f| f.1 != 7));
        assert!(find("es", "Un muerto en un choque en la carretera 45.").iter().all(|f| f.1 != 45));
        // A list of counts after a count is no list of ages.
        assert_eq!(values("en", "The raid killed 30 fighters, 12 civilians and 3 children."), [(Killed, 30), (Killed, 12), (Killed, 3)]);
        assert!(find("en", "A mother of 3 was killed in the crash.").iter().all(|f| f.1 != 3));
        assert!(find("fr", "Une mère de trois enfants a été tuée dans l'accident.").iter().all(|f| f.1 != 3));
        assert!(find("fr", "Le chanteur est mort à l'âge de 85 ans.").is_empty());
        assert!(find("es", "Una madre de tres hijos murió en el choque.").iter().all(|f| f.1 != 3));
        assert!(find("es", "El escritor murió a la edad de 85 años.").is_empty());
        assert_eq!(values("es", "Dos niños de 5 y 7 años murieron en el derrumbe."), [(Killed, 2)]);
        assert_eq!(values("fr", "Deux enfants de 5 et 7 ans sont morts dans l'incendie."), [(Killed, 2)]);
        assert_eq!(values("en", "Two children of 5 and 7 years died in the fire."), [(Killed, 2)]);
        assert_eq!(values("en", "The fire killed 12, officials said."), [(Killed, 12)]);
    }

    #[test]
    fn spans_of_time_count_no_one() {
        assert!(find("en", "Floods that killed dozens, the deadliest to hit the region for three decades.").is_empty());
        assert!(find("es", "Las peores inundaciones en tres décadas.").is_empty());
    }

    #[test]
    fn the_buried_and_nationalities_are_no_figures() {
        let got = find("en", "The toll rose to 1,200 deaths, 900 of them were buried on Sunday.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [1200]);
        let got = find("es", "Murieron 30 personas, de 7 nacionalidades distintas.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [30]);
    }

    #[test]
    fn organisations_and_facilities_count_no_one() {
        let got = find("fr", "Plus de 9 000 habitants ont fui leurs foyers, et une vingtaine d'ONG et 12 centres médicaux ont fermé.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [9000]);
        assert!(find("en", "Some 40 NGOs and 15 clinics halted their work after 300 people fled.").iter().all(|f| f.1 == 300));
        // The head of a compound noun says what is counted.
        let got = find("en", "The quake killed 60 people and damaged 8 health centres in the affected districts.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [60]);
        let got = find("fr", "Le séisme a fait 60 morts et touché 8 grands hôpitaux de la province.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [60]);
        let got = find("es", "El sismo dejó 60 muertos y dañó 8 grandes hospitales de la provincia.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [60]);
    }

    #[test]
    fn one_among_others_and_populations_are_no_counts() {
        assert!(find("en", "She was one of the injured taken to the clinic.").is_empty());
        assert!(find("es", "Uno de los heridos fue trasladado.").iter().all(|f| f.1 != 1));
        let got = find("fr", "La crue a tué 14 personnes dans cette ville de 80 000 habitants.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [14]);
        let got = find("es", "Murieron 9 personas en una ciudad de un millón de habitantes.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [9]);
        let got = find("fr", "L'ouragan a tué 20 personnes dans cette ville de près de 300 000 habitants.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [20]);
        // Who lived in a building is no toll of it.
        let got = find("en", "The strike killed 31 people. Some 600 people lived in the block, which housed about 200 families.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [31]);
        let got = find("es", "El misil mató a 12 personas; unas 400 personas vivían en el edificio.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [12]);
    }

    #[test]
    fn light_verbs_need_their_object() {
        assert!(find("es", "La riada dejó daños en 300 viviendas.").is_empty());
        assert_eq!(find("es", "La riada dejó 12 muertos.")[0].1, 12);
        assert_eq!(find("en", "The storm left 7 dead.")[0].1, 7);
    }

    #[test]
    fn the_found_alive_and_shelters_count_no_one() {
        assert_eq!(values("en", "Of the 20 missing, 6 were found alive in hospitals."), [(Missing, 20)]);
        assert_eq!(values("fr", "Sur 30 disparus, 5 ont été retrouvés vivants."), [(Missing, 30)]);
        assert_eq!(values("es", "De 12 desaparecidos, 3 fueron encontrados con vida."), [(Missing, 12)]);
        assert_eq!(values("es", "Hay 40 muertos; en 13 albergues se atiende a los damnificados."), [(Killed, 40)]);
    }

    #[test]
    fn the_first_two_events_count_no_one() {
        let values = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| f.1).collect::<Vec<_>>();
        assert_eq!(values("fr", "Au moins 80 personnes ont été tuées lors des deux premiers séismes."), [80]);
        assert_eq!(values("es", "Al menos 60 personas murieron en los tres primeros días de lluvias."), [60]);
    }

    #[test]
    fn people_not_located_are_missing() {
        assert_eq!(values("fr", "Après la crue, 14 personnes n'ont pas été localisées."), [(Missing, 14)]);
        assert_eq!(values("es", "Tras la riada, 9 personas siguen sin localizar."), [(Missing, 9)]);
        assert_eq!(values("en", "After the flood, 7 people have not been located."), [(Missing, 7)]);
    }

    #[test]
    fn a_year_after_in_or_since_counts_no_one() {
        assert_eq!(values("en", "A landslide in 2014 killed 43 people in the same valley."), [(Killed, 43)]);
        assert_eq!(values("fr", "Depuis 2015 plus de 300 personnes ont péri sur cette route."), [(Killed, 300)]);
        assert_eq!(values("es", "Un incendio en 2019 mató a 12 personas en el mismo barrio."), [(Killed, 12)]);
    }
}
