//! Breakdowns: counts that split a total stated before them, by an
//! explicit colon ("64 morts : 30 rebelles, 20 soldats") or because they
//! add up to it.

use super::RawFigure;
use vigie_model::Group;

/// The most parts a breakdown has.
const MAX_PARTS: usize = 12;

/// How many sentences back a total may stand from counts that add up to it.
const SUM_REACH: usize = 3;

/// "Interior counts 64 dead. Of them, 48 died in Murcia and 16 in
/// Alicante", "27 morts, dont 19 [...] et les huit autres": the
/// counts of a sentence that follow a total, stated shortly before or
/// earlier in the sentence, and add up to it are its parts, even without a
/// word that links them. `first` is the index of the sentence's first figure.
pub(super) fn breakdown_by_sum(figures: &mut [RawFigure], first: usize) {
    let Some(sentence) = figures.get(first).map(|f| f.sentence) else { return };
    let len = figures.len();
    let candidates = |t: usize| first.max(t + 1)..len;
    for t in (0..len).rev() {
        if sentence - figures[t].sentence > SUM_REACH {
            break;
        }
        let total = &figures[t];
        let parts = &figures[candidates(t)];
        if total.part_of.is_some() || total.high.is_some() || !(2..=MAX_PARTS).contains(&parts.len()) {
            continue;
        }
        let fits = |p: &RawFigure| p.metric == total.metric && !p.previous && !p.other_event && p.part_of.is_none_or(|q| q == t);
        if !parts.iter().all(fits) || parts.iter().all(|p| p.part_of == Some(t)) {
            continue;
        }
        if parts.iter().fold(0u64, |sum, p| sum.saturating_add(p.value)) == total.value {
            for part in &mut figures[candidates(t)] {
                part.part_of = Some(t);
            }
            return;
        }
    }
}

/// "24 civils sont morts : 19 dans des frappes, un dans des tirs": the
/// counts after a colon that follows a total are its parts, and count the
/// same people (civilians) unless they name their own group. `offset` is the
/// index of the sentence's first figure.
pub(super) fn breakdown_after_colon(text: &str, figures: &mut [RawFigure], offset: usize) {
    for t in 0..figures.len() {
        let total = &figures[t];
        // The colon closes the total's clause: nothing but words between them (the search stops at
        // the first digit or stop, so it stays short).
        let stop = text[total.span.end..].find(|c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | ';' | ','));
        let Some(colon) = stop.map(|c| total.span.end + c).filter(|&c| text[c..].starts_with(':')) else { continue };
        let (metric, value, group) = (total.metric, total.value, total.group);
        for part in figures[t + 1..].iter_mut() {
            if part.number.start < colon {
                continue;
            }
            if part.metric != metric || part.value >= value || part.part_of.is_some_and(|p| p != offset + t) {
                break;
            }
            part.part_of = Some(offset + t);
            if part.group == Group::Total {
                part.group = group;
            }
        }
    }
}

/// "cinco niños (uno en estado grave)", "five children (one critically)": a count that
/// opens a bracket right after another count's phrase is a part of it, and counts the
/// same people unless it names its own group. `offset` is the index of the sentence's
/// first figure.
pub(super) fn breakdown_in_brackets(text: &str, figures: &mut [RawFigure], offset: usize) {
    for t in 0..figures.len().saturating_sub(1) {
        let (total, part) = (&figures[t], &figures[t + 1]);
        let Some(inside) = text[total.span.end..].trim_start().strip_prefix('(') else { continue };
        let opening = text.len() - inside.len();
        // The part is the bracket's first count: nothing but words before it.
        let first = part.number.start >= opening && !text[opening..part.number.start].contains(|c: char| c.is_ascii_digit() || c == ')');
        if !first || part.metric != total.metric || part.value >= total.value || part.part_of.is_some() {
            continue;
        }
        let group = total.group;
        let part = &mut figures[t + 1];
        part.part_of = Some(offset + t);
        if part.group == Group::Total {
            part.group = group;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::FigureFinder;
    use vigie_lang::Languages;
    use vigie_model::Group::*;

    /// The metric of the count `value` of `text` and the total it breaks down.
    fn metric_and_whole(lang: &str, text: &str, value: u64) -> (vigie_model::Metric, Option<usize>) {
        let found = FigureFinder::new(Languages::get().by_code(lang).unwrap()).find(text);
        let part = found.figures.iter().find(|f| f.value == value).unwrap_or_else(|| panic!("no {value} in {text:?}"));
        (part.metric, part.part_of)
    }

    #[test]
    fn a_subset_that_names_its_whole_breaks_that_one_down() {
        for (lang, text) in [
            ("es", "El balance final es de 41 muertos y 612 heridos. Entre los fallecidos hay once niños."),
            ("fr", "Le bilan final est de 41 morts et 612 blessés. Parmi les morts, onze enfants."),
            ("en", "The final toll is 41 dead and 612 injured. Among the dead, eleven children."),
        ] {
            assert_eq!(metric_and_whole(lang, text, 11), (vigie_model::Metric::Killed, Some(0)), "{text}");
        }
    }

    #[test]
    fn a_subset_names_its_metric_when_no_whole_of_it_comes_before() {
        for (lang, text) in [
            ("fr", "Plus de 370 personnes sont portées disparues. Parmi les victimes figurent trois pompiers."),
            ("es", "Más de 370 personas siguen desaparecidas. Entre las víctimas hay tres bomberos."),
            ("en", "More than 370 people are missing. Among the victims are three firefighters."),
        ] {
            assert_eq!(metric_and_whole(lang, text, 3), (vigie_model::Metric::Killed, None), "{text}");
        }
    }

    #[test]
    fn a_count_in_brackets_after_a_count_is_a_part_of_the_same_people() {
        for (lang, text) in [
            ("es", "Hay 40 heridos: 36 adultos y cuatro niños (dos en estado grave)."),
            ("fr", "On compte 40 blessés : 36 adultes et quatre enfants (deux dans un état grave)."),
            ("en", "There are 40 injured: 36 adults and four children (two in serious condition)."),
        ] {
            let found = FigureFinder::new(Languages::get().by_code(lang).unwrap()).find(text);
            let two = found.figures.iter().find(|f| f.value == 2).unwrap_or_else(|| panic!("no 2 in {text:?}"));
            let four = found.figures.iter().position(|f| f.value == 4);
            assert_eq!((two.group, two.part_of), (Children, four), "{text}");
        }
    }

    #[test]
    fn counts_that_add_up_to_a_total_are_its_parts() {
        let finder = FigureFinder::new(Languages::get().by_code("en").unwrap());
        let found = finder.find("The ministry counted 50 dead on Sunday. Rescuers say 30 died in the valley and 20 on the coast.");
        let parts: Vec<_> = found.figures.iter().map(|f| (f.value, f.part_of)).collect();
        assert_eq!(parts, [(50, None), (30, Some(0)), (20, Some(0))]);
        // The total may stand in the same sentence, some parts already linked to it.
        let found = FigureFinder::new(Languages::get().by_code("fr").unwrap()).find(
            "La crue a fait 27 morts, parmi lesquels 19 ont péri sur les routes et les huit autres ont été retrouvés dans les caves.",
        );
        assert_eq!(found.figures.iter().map(|f| (f.value, f.part_of)).collect::<Vec<_>>(), [(27, None), (19, Some(0)), (8, Some(0))]);
        // Counts that do not add up stay apart.
        let found = finder.find("The ministry counted 50 dead on Sunday. Rescuers say 30 died in the valley and 21 on the coast.");
        assert!(found.figures.iter().all(|f| f.part_of.is_none()));
    }

    #[test]
    fn counts_after_a_colon_break_a_total_down() {
        let finder = FigureFinder::new(Languages::get().by_code("fr").unwrap());
        let found = finder.find("En outre, 24 civils sont morts : 19 dans les bombardements et quatre dans des tirs de roquettes.");
        let parts: Vec<_> = found.figures.iter().filter(|f| f.value != 24).map(|f| (f.value, f.group, f.part_of)).collect();
        assert_eq!(parts, [(19, Civilians, Some(0)), (4, Civilians, Some(0))]);
    }
}
