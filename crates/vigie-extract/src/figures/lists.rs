//! Lists of counts: a number that continues a list begun by a figure
//! ("1 293 morts à Al Haouz, 452 à Taroudant") takes its metric, and the
//! articles and parenthesised counts that only a list makes counts.

use super::phrase::Right;
use super::{is_comma, is_one_of, FigureFinder, Item, RawFigure, Token, MAX_WORDS_IN_LIST};
use crate::cues::Cue;
use vigie_model::{Group, Metric};

/// The most words between an article and the noun of the one it counts: an age ("a 19-year-old man").
const WORDS_BEFORE_ONE_S_NOUN: usize = 4;

/// Words this frequent are function words, whatever their ending ("during", "pendant").
const GERUND_FUNCTION_RANK: u32 = 300;
/// The shortest gerund ("taking"): shorter words ending so are other words ("sing", "avant").
const MIN_GERUND_CHARS: usize = 6;

#[derive(Clone, Copy)]
pub(super) struct ListLink {
    pub(super) index: usize,
    pub(super) subset: bool,
    pub(super) verb_between: bool,
    /// Words other than list joiners and counted nouns stand between the two counts.
    pub(super) loose: bool,
}

impl FigureFinder {
    /// Whether the tokens between two counts only join them into one list.
    pub(super) fn listed(&self, text: &str, tokens: &[Token], from: usize, k: usize) -> bool {
        let mut words = 0;
        let mut i = tokens.partition_point(|t| t.start < from);
        while i < k {
            let t = &tokens[i];
            // "a 31-year-old man and a 24-year-old woman", "un homme de 31 ans et": an age is a word of the list.
            if let Some(glued) = matches!(t.item, Item::Number(_)).then(|| self.measure_after(text, tokens, i)).flatten() {
                i += glued + 1;
                words += 1;
                continue;
            }
            i += 1;
            match t.item {
                Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_) | Cue::Toll(_) | Cue::AttributionBefore)) => return false,
                Item::Cue(c) if is_comma(text, t) || c.has(|r| matches!(r, Cue::ListJoiner | Cue::Group(_) | Cue::People)) => {}
                Item::Number(_) => return false,
                Item::Punct(';' | '(' | ')') => {}
                Item::Punct(_) => return false,
                _ => words += 1,
            }
        }
        words <= MAX_WORDS_IN_LIST
    }

    /// Whether `word` is a verb's gerund or present participle by its ending ("taking",
    /// "prenant", "tomando"), not a frequent word that ends the same way ("during", "pendant").
    fn gerund(&self, word: &str) -> bool {
        // A capital makes it a name ("Taroudant").
        if word.starts_with(char::is_uppercase) {
            return false;
        }
        let lower = word.to_lowercase();
        let ending = self.figures.gerund_endings.iter().any(|e| lower.ends_with(e.as_str()));
        let function = self.lexicon.rank(&lower).is_some_and(|r| r < GERUND_FUNCTION_RANK);
        ending && lower.chars().count() >= MIN_GERUND_CHARS && !function
    }

    /// Whether the count at `k` opens a list whose metric comes with a later count
    /// ("two men and three women were killed"): it waits for that metric.
    pub(super) fn metric_later_in_list(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        let mut from = tokens[k].end;
        for j in k + 1..tokens.len() {
            // Ages are words of the list ("a 24-year-old woman").
            if !matches!(tokens[j].item, Item::Number(_)) || self.measure_after(text, tokens, j).is_some() {
                continue;
            }
            if !self.listed(text, tokens, from, j) {
                return false;
            }
            let right = self.right(text, tokens, j);
            if right.metric.is_some() && !right.crossed_joiner {
                return true;
            }
            from = tokens[j].end;
        }
        false
    }

    /// "A man and a woman were killed", "un homme et deux femmes ont été tués": an article
    /// and its group head a list of counts whose metric comes at the end.
    pub(super) fn article_heads_list(&self, text: &str, tokens: &[Token], k: usize, right: &Right) -> bool {
        if right.metric.is_some() || !right.crossed_joiner || !self.one_named(text, tokens, k, right) {
            return false;
        }
        let mut after = tokens.partition_point(|t| t.start < right.end);
        // "un homme de 31 ans et": past the person's age.
        let preposition = matches!(tokens.get(after).map(|t| t.item), Some(Item::Word | Item::Cue(_)));
        let aged = matches!(tokens.get(after + 1).map(|t| t.item), Some(Item::Number(_)));
        if let Some(unit) = (preposition && aged).then(|| self.measure_after(text, tokens, after + 1)).flatten() {
            after += 2 + unit;
        }
        let joiner = |t: &Token| is_comma(text, t) || matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::ListJoiner));
        let joiners = tokens.iter().skip(after).take_while(|t| joiner(t)).count();
        // "une femme et ses deux enfants": a possessive may stand before the next count.
        let next = after + joiners;
        let counted = matches!(tokens.get(next).map(|t| t.item), Some(Item::Number(_)));
        let next = if !counted && is_one_of(text, tokens, next, &self.figures.possessives) { next + 1 } else { next };
        (1..=2).contains(&joiners) && matches!(tokens.get(next).map(|t| t.item), Some(Item::Number(_)))
    }

    /// An article-like "un" inside a list of counts: by place ("deux autres décès ... et un en
    /// Andalousie", "siete en el club, una más en la colonia X") or by the group right after it
    /// or people right after it ("35 hombres y 10 mujeres, así como de una mujer y dos niños",
    /// "a woman and her daughter").
    pub(super) fn article_in_list(&self, text: &str, tokens: &[Token], k: usize, list: Option<ListLink>, right: &Right) -> bool {
        let cue = |i: usize, role: Cue| matches!(tokens.get(i).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == role));
        let joined = k > 0 && (cue(k - 1, Cue::ListJoiner) || is_comma(text, &tokens[k - 1]));
        // "una más en", "un autre à": one word may stand between the article and its place.
        let word_between = tokens.get(k + 1).is_some_and(|t| !matches!(t.item, Item::Punct(_)) && !is_comma(text, t));
        let located = cue(k + 1, Cue::Locative) || word_between && cue(k + 2, Cue::Locative);
        let grouped = (right.group.is_some() || right.people) && right.metric.is_none() && self.one_named(text, tokens, k, right);
        list.is_some() && (joined && located || grouped)
    }

    /// "a crash that killed a woman", "a tué un passant", "mató a un hombre": one, right after
    /// the word that counts it, named by its people or group noun.
    pub(super) fn article_after_metric(&self, text: &str, tokens: &[Token], k: usize, right: &Right) -> bool {
        if right.metric.is_some() || !self.one_named(text, tokens, k, right) {
            return false;
        }
        let before = k.checked_sub(1);
        // "mató a un hombre", "the stabbing death of a man", "la mort d'un passant": past the mark of the object.
        let marks =
            |p: &usize| is_one_of(text, tokens, *p, &self.figures.object_markers) || is_one_of(text, tokens, *p, &self.figures.of_words);
        let before = match before.filter(marks) {
            Some(marker) => marker.checked_sub(1),
            None => before,
        };
        let cue = |i: usize, role: fn(Cue) -> bool| matches!(tokens[i].item, Item::Cue(c) if c.has(role));
        // "the search for a chief executive": a search counts no one an article names.
        let search = |p: usize| self.is_search(&text[tokens[p].start..tokens[p].end]);
        let counts = |p: usize| cue(p, |r| matches!(r, Cue::MetricVerb(_) | Cue::MetricNoun(_))) && !search(p);
        // "charged with killing a teenager": what the accused did, told in court, is no toll.
        let accused = |p: usize| p > 0 && cue(p - 1, |r| r == Cue::Accusation);
        before.is_some_and(|p| counts(p) && !accused(p))
    }

    /// Whether the article at `k` is one person its noun names: "a woman", "a 4-year-old girl",
    /// not "a number of protesters" (the people are counted by another noun).
    fn one_named(&self, text: &str, tokens: &[Token], k: usize, right: &Right) -> bool {
        if !(right.people || right.group.is_some()) || right.words > WORDS_BEFORE_ONE_S_NOUN {
            return false;
        }
        // Two words may qualify the noun ("a third co-worker"), or an age ("a 19-year-old man"), but
        // no joiner stands before it ("a single bullet each and critically wounded").
        let aged = matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Number(_))) && self.measure_after(text, tokens, k + 1).is_some();
        let most = if aged { WORDS_BEFORE_ONE_S_NOUN } else { 2 };
        let noun = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::People | Cue::Group(_) | Cue::Victims(_))));
        let Some(at) = tokens[k + 1..].iter().position(noun) else { return false };
        let before_noun = &tokens[k + 1..k + 1 + at];
        let joined = before_noun.iter().any(|t| is_comma(text, t) || matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::ListJoiner)));
        let words = before_noun.iter().filter(|t| matches!(t.item, Item::Word | Item::Cue(_))).count();
        // "killing a still-disputed number of protesters": the people are counted by another noun.
        let partitive = (k + 1..k + 1 + at).any(|i| is_one_of(text, tokens, i, &self.figures.partitives));
        !joined && !partitive && (aged || words <= most)
    }

    /// "fallecieron, uno en la colonia X": one, by place, right after the verb of its list.
    pub(super) fn article_by_place(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        let verb = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_))));
        let before = match k.checked_sub(1).map(|p| &tokens[p]) {
            Some(t) if is_comma(text, t) => k.checked_sub(2).map(|p| &tokens[p]),
            t => t,
        };
        let located = matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::Locative));
        before.is_some_and(verb) && located
    }

    /// "Paiporta (45)", "des morts (542)": a count in parentheses after a place
    /// or a metric noun, in a sentence that already gave a figure.
    pub(super) fn parenthesised(&self, tokens: &[Token], k: usize, figures: &[RawFigure], first: usize) -> Option<(Metric, Option<usize>)> {
        if k < 2 || !matches!(tokens[k - 1].item, Item::Punct('(')) || !matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Punct(')')))
        {
            return None;
        }
        if let Item::Cue(c) = tokens[k - 2].item {
            if let Some(m) = c.find(|r| if let Cue::MetricNoun(m) = r { Some(m) } else { None }) {
                return Some((m, None));
            }
        }
        if let Some(head) = (first..figures.len()).rev().find(|&i| figures[i].group == Group::Total) {
            return Some((figures[head].metric, Some(head)));
        }
        // "la moitié des morts ont été recensées à Al-Haouz (1.293)": the metric named before in the sentence.
        tokens[..k].iter().rev().find_map(|t| match t.item {
            Item::Cue(c) => c.find(|r| match r {
                Cue::MetricNoun(m) | Cue::MetricVerb(m) | Cue::Toll(m) => Some((m, None)),
                _ => None,
            }),
            _ => None,
        })
    }

    /// The figure of this sentence whose list this number continues.
    pub(super) fn list_head(
        &self,
        text: &str,
        tokens: &[Token],
        k: usize,
        figures: &[RawFigure],
        first: usize,
        max_words: usize,
    ) -> Option<ListLink> {
        let last = figures.len().checked_sub(1).filter(|&i| i >= first)?;
        let head_end = figures[last].number.end;
        let between = tokens[..k].iter().enumerate().rev().take_while(|(_, t)| t.start >= head_end);
        let (mut words, mut subset, mut verb_between, mut joined) = (0, false, false, false);
        // "siete niños menores de 10 años y 26 extranjeros": an age or a length is a word of the list.
        let measure = |i: usize| matches!(tokens.get(i + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::NotCount));
        let joiner = |t: &Token| is_comma(text, t) || matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::ListJoiner));
        let qualifier = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Qualifier(_))));
        for (i, t) in between {
            match t.item {
                Item::Number(_) if measure(i) => words += 1,
                Item::Cue(c) => {
                    subset |= c.has(|r| r == Cue::Subset);
                    joined |= is_comma(text, t) || c.has(|r| matches!(r, Cue::ListJoiner | Cue::Subset));
                    verb_between |= c.has(|r| matches!(r, Cue::MetricVerb(_)));
                    if c.has(|r| matches!(r, Cue::MetricVerb(m) | Cue::MetricNoun(m) if m != figures[last].metric)) {
                        return None;
                    }
                    if c.has(|r| matches!(r, Cue::Toll(_) | Cue::AttributionBefore | Cue::ClauseBreak)) {
                        return None;
                    }
                }
                // "137 of them at the scene, and that 75 of them have been identified": another reported clause.
                Item::Word if is_one_of(text, tokens, i, self.clause_openers) && i > 0 && joiner(&tokens[i - 1]) => return None,
                // "killing 1,200 people and taking 250 hostages": a verb of its own right before the count.
                Item::Word if tokens[i + 1..k].iter().all(qualifier) && self.gerund(&text[t.start..t.end]) => return None,
                Item::Word => words += 1,
                Item::Number(_) => return None,
                Item::Punct('(' | ')' | ';' | '–' | '—' | ':') => joined = true,
                // "100 soldats. et 28 civils": a stray stop that ends no sentence.
                Item::Punct('.') if text[t.end..].trim_start().starts_with(char::is_lowercase) => {}
                Item::Punct(_) => return None,
            }
        }
        (joined && words <= max_words).then_some(ListLink { index: last, subset, verb_between, loose: words > 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{find, values};
    use vigie_model::Group::*;
    use vigie_model::Metric::*;
    use vigie_model::Qualifier::*;

    #[test]
    fn one_person_right_after_the_verb_that_counts_them_is_a_count() {
        assert_eq!(values("en", "The truck killed a cyclist near the school."), [(Killed, 1)]);
        assert_eq!(values("fr", "Le camion a tué un cycliste près de l'école."), [(Killed, 1)]);
        assert_eq!(values("es", "El camión mató a un ciclista cerca de la escuela."), [(Killed, 1)]);
        assert_eq!(values("en", "The gunman wounded a 19-year-old man before fleeing."), [(Injured, 1)]);
        // What the verb reaches must be people: "injured a leg", "a number of protesters" count no one.
        assert!(values("en", "The cyclist injured a leg near the school.").is_empty());
        assert!(values("en", "The police killed a large number of protesters.").is_empty());
        assert!(values("en", "The board began the search for a chief operating officer.").is_empty());
        assert!(values("es", "La empresa busca a un director financiero.").is_empty());
        assert_eq!(values("en", "Divers are searching for 12 people."), [(Missing, 12)]);
        // Past "of": the death of one person.
        assert_eq!(values("en", "Police are investigating the shooting death of a teenager."), [(Killed, 1)]);
        assert_eq!(values("fr", "L'enquête porte sur la mort d'un adolescent."), [(Killed, 1)]);
        assert_eq!(values("es", "La fiscalía investiga la muerte de un joven."), [(Killed, 1)]);
    }

    #[test]
    fn a_list_does_not_go_on_past_a_contrasting_clause() {
        let got = find("es", "Hay 47 muertos y 59 desaparecidos, mientras que en 13 refugios se atiende a 1.815 personas.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [47, 59]);
        let got = find("en", "There are 47 dead and 59 missing, while shelters house 1,815 people.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [47, 59]);
        let got = find("fr", "On compte 47 morts et 59 disparus, alors que les refuges accueillent 1 815 personnes.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [47, 59]);
    }

    #[test]
    fn where_one_person_was_may_stand_before_their_verb() {
        assert_eq!(values("en", "A passenger in the van suffered minor injuries."), [(Injured, 1)]);
        assert_eq!(values("fr", "Un passager dans la camionnette a été blessé."), [(Injured, 1)]);
        assert_eq!(values("es", "Un pasajero en la camioneta resultó herido."), [(Injured, 1)]);
        // Other words there belong to another clause.
        assert!(values("en", "A man in the crowd said he saw the driver die.").is_empty());
    }

    #[test]
    fn a_list_does_not_go_on_into_a_relative_clause() {
        assert_eq!(values("en", "They mourned the death of a nurse, who had three children."), [(Killed, 1)]);
        assert_eq!(values("fr", "Une infirmière est morte, qui avait trois enfants."), [(Killed, 1)]);
        assert_eq!(values("es", "Murió una enfermera, quien tenía tres hijos."), [(Killed, 1)]);
    }

    #[test]
    fn a_list_does_not_go_on_past_a_verb_of_its_own() {
        let values = |lang: &str, text: &str| find(lang, text).iter().map(|f| f.1).collect::<Vec<_>>();
        assert_eq!(values("en", "Gunmen stormed the fair, killing 80 people and taking about 40 hostages."), [80]);
        assert_eq!(values("fr", "Les assaillants ont tué 80 personnes, prenant 40 otages."), [80]);
        assert_eq!(values("es", "Los atacantes mataron a 80 personas, tomando 40 rehenes."), [80]);
        // A noun that ends like a gerund does not stop the list, nor does a name.
        assert_eq!(values("en", "The quake killed 30 residents of the building, including two children."), [30, 2]);
        assert_eq!(values("fr", "Le séisme a fait 30 morts à Montant, 12 à Taroudant et 4 à Tiznit."), [30, 12, 4]);
    }

    #[test]
    fn a_list_does_not_go_on_into_another_reported_clause() {
        let got = find("en", "He said 39 people died, 37 of them at the scene, and that 25 of the 39 have been identified.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [39, 37]);
        let got = find("fr", "Il a dit que 39 personnes sont mortes, dont 37 sur place, et que 25 ont été identifiées.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [39, 37]);
        let got = find("es", "Dijo que 39 personas murieron, 37 de ellas en el lugar, y que 25 ya fueron identificadas.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [39, 37]);
    }

    #[test]
    fn a_bare_count_in_a_list_counts_the_same_kind() {
        let got = find("fr", "Parmi les tués figurent 9 soldats turcs et au moins deux de leurs alliés.");
        assert!(got.iter().any(|f| f.1 == 2 && f.3 == Soldiers), "{got:?}");
        // A count with its own noun keeps it.
        let got = find("en", "The blast killed 12 soldiers and 3 civilians.");
        assert!(got.iter().any(|f| f.1 == 3 && f.3 == Civilians), "{got:?}");
    }

    #[test]
    fn an_age_inside_a_list_does_not_break_it() {
        let got = find("es", "El balance incluye el fallecimiento de cuatro niños menores de 5 años y 12 extranjeros.");
        let counts: Vec<_> = got.iter().map(|f| (f.0, f.1, f.3)).collect();
        assert_eq!(counts, [(Killed, 4, Children), (Killed, 12, Foreigners)]);
    }

    #[test]
    fn a_stray_stop_inside_a_list_does_not_end_it() {
        let got = find("fr", "Le bilan s'élève à 64 morts : 30 rebelles, 20 soldats de l'armée. et 14 civils, selon l'ONG.");
        assert!(got.iter().any(|f| f.1 == 14 && f.3 == Civilians), "{got:?}");
    }

    #[test]
    fn a_qualifier_stays_with_its_metric_past_other_words() {
        let qualifiers = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.1, f.2)).collect::<Vec<_>>();
        // Tight lists share the qualifier whatever the metric ...
        assert_eq!(qualifiers("fr", "Au moins 14 morts et 250 blessés."), [(14, AtLeast), (250, AtLeast)]);
        // ... a count of another metric past other words is exact.
        assert_eq!(
            qualifiers("es", "La riada dejó unos 200 heridos, y la policía ha hecho hasta ahora once detenciones."),
            [(200, About), (11, Exact)]
        );
        assert_eq!(
            qualifiers("en", "The attack left about 200 injured, and police have so far made 11 arrests."),
            [(200, About), (11, Exact)]
        );
        assert_eq!(
            qualifiers("fr", "L'attaque a fait environ 200 blessés, et la police a procédé jusqu'ici à 11 arrestations."),
            [(200, About), (11, Exact)]
        );
    }

    #[test]
    fn one_by_group_or_by_place_continues_a_list() {
        let ones = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.1, f.3)).collect::<Vec<_>>();
        assert_eq!(
            ones("es", "Murieron 30 hombres y 8 mujeres en Tlapa, así como una mujer y dos niños en Olinalá."),
            [(30, Men), (8, Women), (1, Women), (2, Children)]
        );
        assert_eq!(
            ones("fr", "Le séisme a tué 20 hommes et 6 femmes à Agadir, ainsi qu'une femme et deux enfants à Tiznit."),
            [(20, Men), (6, Women), (1, Women), (2, Children)]
        );
        assert_eq!(
            ones("en", "The floods killed 14 men and 9 women in Derna, as well as one woman and two children in Bayda."),
            [(14, Men), (9, Women), (1, Women), (2, Children)]
        );
        // By place, with a word between the one and its place: every one is a figure of its own.
        let values = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| f.1).collect::<Vec<_>>();
        assert_eq!(values("es", "Por el derrumbe murieron, uno en la colonia Centro, otro en Lomas Altas, una más en la Unidad Norte; dos en el barrio Sur."), [1, 1, 1, 2]);
        assert_eq!(values("fr", "Dans les éboulements sont morts, un à Bellevue, un autre à Saint-Louis ; deux à Morne Rouge."), [1, 1, 2]);
    }

    #[test]
    fn a_list_takes_the_metric_and_qualifier_at_its_ends() {
        let got = find("fr", "Au moins 143 soldats, 274 rebelles ainsi que 89 civils ont été tués.");
        assert_eq!(
            got.iter().map(|f| (f.0, f.1, f.2, f.3)).collect::<Vec<_>>(),
            [(Killed, 143, AtLeast, Soldiers), (Killed, 274, AtLeast, Fighters), (Killed, 89, AtLeast, Civilians),]
        );
        let got = find("es", "La ONG contabiliza 112 muertos. Entre las víctimas hay 41 civiles, 55 combatientes y 16 militares.");
        assert_eq!(got.iter().map(|f| (f.1, f.3)).collect::<Vec<_>>(), [(112, Total), (41, Civilians), (55, Fighters), (16, Soldiers)]);
        let got = find("en", "Officials had put the toll at twelve on Thursday; since February 1, 40 people were evacuated.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 12), (Evacuated, 40)]);
    }

    #[test]
    fn a_verb_then_a_list_by_place() {
        let got = find("es", "Tras el sismo fallecieron, dos en la colonia Norte y tres en el puerto.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 2), (Killed, 3)], "{got:?}");
        let got = find("es", "Por el derrumbe murieron, uno en el mercado y cuatro en la escuela.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 1), (Killed, 4)], "{got:?}");
    }

    #[test]
    fn one_person_and_their_group_may_open_a_list() {
        let en = "A 40-year-old man and a 19-year-old woman were killed in the crash.";
        assert_eq!(find("en", en).iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Killed, 1, Men), (Killed, 1, Women)]);
        let fr = "Un homme de 40 ans et deux enfants ont été tués dans la collision.";
        assert_eq!(find("fr", fr).iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Killed, 1, Men), (Killed, 2, Children)]);
        let es = "Un hombre y una mujer murieron en el choque.";
        assert_eq!(find("es", es).iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Killed, 1, Men), (Killed, 1, Women)]);
        // Alone before its verb, one person is counted as before; "and his son" opens no list of counts.
        assert_eq!(values("en", "A man and his son were found alive under the rubble."), []);
    }

    #[test]
    fn a_possessive_before_one_person_counts_them_like_an_article() {
        let en = "The blaze killed a nurse and her 6-year-old son on Tuesday.";
        assert_eq!(find("en", en).iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 1), (Killed, 1)]);
        let fr = "L'éboulement a tué un homme et son neveu.";
        assert_eq!(find("fr", fr).iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 1), (Killed, 1)]);
        let es = "La crecida mató a un pescador y a su sobrino.";
        assert_eq!(find("es", es).iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 1), (Killed, 1)]);
        // Two people of one list are two figures, even with the same count and group.
        let en = "A cyclist and his younger sister were injured at the junction.";
        assert_eq!(find("en", en).iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Injured, 1), (Injured, 1)]);
        assert_eq!(values("es", "Su abuelo murió en el derrumbe del puente."), [(Killed, 1)]);
        // Any possessive may open the next count of the list.
        assert_eq!(values("en", "A woman and her two sons were killed in the blaze."), [(Killed, 1), (Killed, 2)]);
        assert_eq!(values("fr", "Une femme et ses deux enfants sont morts dans l'incendie."), [(Killed, 1), (Killed, 2)]);
        assert_eq!(values("es", "Un hombre y sus tres hijos murieron en el incendio."), [(Killed, 1), (Killed, 3)]);
        // A singular noun of one person is a noun of people: "un motard".
        assert_eq!(values("fr", "Un motard a perdu la vie sur la rocade."), [(Killed, 1)]);
        // A plural after the possessive is no one person; a vague amount heads no list.
        assert!(values("en", "Their children were hurt in the crash.").is_empty());
        assert_eq!(find("en", "Nobody was hurt although a handful of people, including three pupils, were inside.").len(), 0);
    }

    #[test]
    fn a_list_whose_metric_comes_at_its_end_breaks_down_no_earlier_total() {
        let en = "Three people were hurt on Friday. Two men and a woman were killed on Saturday.";
        assert_eq!(
            find("en", en).iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(),
            [(Injured, 3, Total), (Killed, 2, Men), (Killed, 1, Women)]
        );
    }
}
