//! Dates around figures: days, weekdays and relative days of each sentence,
//! whether a date opens a period ("depuis mercredi", "du 1er février
//! jusqu'à") or names the event's own day ("le séisme de samedi"), and the
//! attribution phrases a sentence holds.

use super::{is_comma, is_one_of, month_of, year_of, DateMention, FigureFinder, Found, Item, Token, When};
use crate::config::EVENT_DATE_REACH_TOKENS;
use crate::cues::Cue;
use crate::numbers::{NumberKind, NumberMatch};

/// The longest agency name in a dateline, in bytes: "(Petra)", "(AFP)", "(Reuters)".
const MAX_AGENCY: usize = 30;

/// How many days back "il y a N jours" or "il y a N semaines" may count.
const MAX_DAYS_AGO: u64 = 31;

/// How many words after a date may close the period it opens ("1er février jusqu'à").
const PERIOD_END_WORDS: usize = 3;

impl FigureFinder {
    /// Whether a word closing a period follows the date ending at `end`
    /// ("du 1er février jusqu'à mardi", "desde el 3 de marzo hasta hoy").
    pub(super) fn opens_period(&self, text: &str, end: usize) -> bool {
        let ends = &self.dates.period_ends;
        text[end..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(PERIOD_END_WORDS)
            .any(|w| ends.contains(&w.to_lowercase()))
    }

    /// The date a weekday names: none when it only labels a date that
    /// follows ("jeudi 20 mars") or lies ahead ("lundi prochain").
    pub(super) fn weekday(&self, text: &str, tokens: &[Token], k: usize, w: u8) -> Option<When> {
        let t = &tokens[k];
        let month = (k + 1..(k + 5).min(tokens.len())).find(|&i| month_of(tokens, i).is_some());
        if let Some(m) = month {
            let gap = &text[t.end..tokens[m].start];
            let day_after = matches!(tokens.get(m + 1).map(|t| t.item), Some(Item::Number(_)));
            if gap.len() <= 12 && (gap.chars().any(|c| c.is_ascii_digit()) || day_after) {
                return None;
            }
        }
        let (before, after) = (&text[..t.start], &text[t.end..]);
        let next_to =
            |words: &[String]| words.iter().any(|w| crate::ends_with_word(before.trim_end(), w) || crate::starts_with_word(after, w));
        if next_to(&self.dates.next) {
            None
        } else if next_to(&self.dates.last) {
            Some(When::LastWeekday(w))
        } else {
            Some(When::Weekday(w))
        }
    }

    /// The date or the count of days a number starts or ends: "28 novembre
    /// [2024]", "el 3 de marzo de 2015", "le 1er mars", "November 28[, 2024]", "il y a 3 jours".
    pub(super) fn date_at(&self, text: &str, tokens: &[Token], k: usize, n: NumberMatch) -> Option<When> {
        let value = n.integer()?;
        let words = &self.dates;
        let is = |i: usize, list: &[String]| is_one_of(text, tokens, i, list);
        // The year after token `last` of the date, maybe past a joiner or a comma, and where the date ends.
        let year_from = |last: usize| {
            let mut y = last + 1;
            if is(y, &words.date_joiners) || tokens.get(y).is_some_and(|t| is_comma(text, t)) {
                y += 1;
            }
            match year_of(tokens, y) {
                Some(year) => (Some(year), tokens[y].end),
                None => (None, tokens[last].end),
            }
        };
        // "Goma, 24 mars 2025 - Au moins 112 personnes ...": a dateline says when the
        // story was filed, not what day its counts refer to.
        let dated = |month: u32, day: u32, (year, end): (Option<i32>, usize)| {
            // The dash may follow the agency: "Amman, Sep. 9 (Petra) --".
            let mut after = text[end..].trim_start();
            if let Some(agency) = after.strip_prefix('(').and_then(|a| a.split_once(')')).filter(|(name, _)| name.len() <= MAX_AGENCY) {
                after = agency.1.trim_start();
            }
            let dateline = after.starts_with(['-', '–', '—']);
            (!dateline).then_some(When::DayMonth { day, month, year })
        };
        let day = u32::try_from(value).ok().filter(|d| (1..=31).contains(d));
        let mut i = k + 1;
        if month_of(tokens, i).is_none() && is(i, &words.date_joiners) {
            i += 1;
        }
        if let (Some(month), Some(day)) = (month_of(tokens, i), day) {
            return dated(month, day, year_from(i));
        }
        if let (Some(month), Some(day)) = (k.checked_sub(1).and_then(|p| month_of(tokens, p)), day) {
            return dated(month, day, year_from(k));
        }
        let days =
            if is(k + 1, &words.day_units) { Some(value) } else { Some(value.saturating_mul(7)).filter(|_| is(k + 1, &words.week_units)) };
        if let Some(days) = days.filter(|&d| d <= MAX_DAYS_AGO) {
            let before = text[..tokens[k].start].trim_end();
            let ago = words.ago_before.iter().any(|w| crate::ends_with_word(before, w)) || is(k + 2, &words.ago_after);
            if ago {
                return Some(When::Relative(-(days as i8)));
            }
        }
        None
    }

    /// Where the range of days that ends with the date at token `first` starts: "from 7 to
    /// 15 October" starts at "from", so what stands before the range (the event verb of
    /// "the quakes that struck the province from 7 to 15 October") decides what the date is.
    fn day_range_start(&self, text: &str, tokens: &[Token], first: usize) -> usize {
        let day = |i: usize| matches!(tokens[i].item, Item::Number(n) if n.integer().is_some_and(|d| (1..=31).contains(&d)));
        let joined = first >= 2 && is_one_of(text, tokens, first - 1, &self.dates.day_range_joiners) && day(first - 2);
        // "March 3 to 5" is a date of its own, then a day.
        if !joined || first >= 3 && month_of(tokens, first - 3).is_some() {
            return first;
        }
        let start = first - 2;
        if start > 0 && is_one_of(text, tokens, start - 1, &self.dates.day_range_openers) {
            start - 1
        } else {
            start
        }
    }

    /// Attribution phrases and date expressions of one sentence.
    pub(super) fn context(&self, text: &str, tokens: &[Token], s: usize, found: &mut Found) {
        // "depuis mercredi", "the quake that rocked Al Haouz late on Friday": back
        // to the last comma, number or metric phrase, a since-word or an event verb.
        let since_before = |k: usize| {
            // A date in apposition ("balayée par le cyclone, samedi 14 décembre,") looks past its comma.
            let k = if k > 0 && is_comma(text, &tokens[k - 1]) { k - 1 } else { k };
            let from = k.saturating_sub(EVENT_DATE_REACH_TOKENS);
            for (i, t) in tokens.iter().enumerate().take(k).skip(from).rev() {
                // "golpeó a las 0:25 horas del miércoles": a clock time or another measure is no count.
                let measure = || {
                    text[t.end..].starts_with(':')
                        || text[..t.start].ends_with(':')
                        || matches!(tokens.get(i + 1).map(|n| n.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::NotCount))
                };
                match t.item {
                    Item::Number(_) if measure() => {}
                    Item::Punct(':') => {}
                    Item::Cue(c) if c.has(|r| r == Cue::Since) => return true,
                    Item::Cue(c)
                        if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_) | Cue::ListJoiner | Cue::AttributionBefore)) =>
                    {
                        return false
                    }
                    // "qui a touché un immeuble": an article is no count.
                    Item::Number(n) if n.kind == NumberKind::Article => {}
                    Item::Number(_) | Item::Punct(_) => return false,
                    _ => {}
                }
            }
            false
        };
        for (k, t) in tokens.iter().enumerate() {
            let when = match t.item {
                Item::Cue(c) => {
                    if c.has(|r| matches!(r, Cue::AttributionBefore | Cue::AttributionAfter)) {
                        found.attributions.push(t.start..t.end);
                    }
                    c.find(|r| match r {
                        Cue::Weekday(w) => Some(w),
                        _ => None,
                    })
                    .and_then(|w| self.weekday(text, tokens, k, w))
                    .or_else(|| c.find(|r| if let Cue::RelativeDay(d) = r { Some(When::Relative(d)) } else { None }))
                    .filter(|_| !self.part_of_day(text, tokens, k))
                }
                Item::Number(n)
                    if n.kind == NumberKind::Digits && n.end - n.start == 4 && n.integer().is_some_and(|y| (1900..=2100).contains(&y)) =>
                {
                    // "28 novembre 2024", "3 de marzo de 2015", "March 3, 2015": the year of a
                    // day, read with it. "en octobre 2011" names a time, as a year alone does.
                    let before = k.saturating_sub(4)..k;
                    let day = |t: &Token| matches!(t.item, Item::Number(d) if d.integer().is_some_and(|d| (1..=31).contains(&d)));
                    let of_a_day = before.clone().any(|i| month_of(tokens, i).is_some()) && tokens[before].iter().any(day);
                    if !of_a_day {
                        let since = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::Since));
                        found.years.push((t.start, n.value as i32, since));
                    }
                    None
                }
                Item::Number(n) => self.date_at(text, tokens, k, n),
                _ => None,
            };
            if let Some(when) = when {
                // "balayée par le cyclone, samedi 14 décembre,": the weekday that labels a date starts it.
                let labelled = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Weekday(_))));
                let first = if labelled { k - 1 } else { k };
                let since = since_before(self.day_range_start(text, tokens, first))
                    || self.qualifies_event(text, tokens, first, k)
                    || self.opens_period(text, t.end);
                found.dates.push(DateMention { at: t.start, sentence: s, when, since });
            }
        }
    }

    /// Whether the relative day at token `k` is a part of day after its article: "para la mañana" is
    /// the morning, "mañana" alone is tomorrow.
    fn part_of_day(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        let d = &self.dates;
        k > 0 && is_one_of(text, tokens, k, &d.parts_of_day) && is_one_of(text, tokens, k - 1, &d.part_of_day_after)
    }

    /// Whether the day at tokens `first..=last` qualifies the event itself:
    /// "Tuesday night's quake", "the Saturday strike", "le séisme de samedi".
    pub(super) fn qualifies_event(&self, text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
        let d = &self.dates;
        let mut next = last + 1;
        while next <= last + 3 && is_one_of(text, tokens, next, &d.parts_of_day) {
            next += 1;
        }
        let event_after = is_one_of(text, tokens, next, &d.event_nouns);
        let mut before = first;
        while before > 0 && is_one_of(text, tokens, before - 1, &d.parts_of_day) {
            before -= 1;
        }
        let event_before =
            before >= 2 && is_one_of(text, tokens, before - 1, &d.event_day_joiners) && is_one_of(text, tokens, before - 2, &d.event_nouns);
        event_after || event_before
    }
}

#[cfg(test)]
mod tests {
    use super::super::FigureFinder;
    use super::*;
    use vigie_lang::Languages;

    /// The date expressions of `text`.
    fn dates(lang: &str, text: &str) -> Vec<When> {
        FigureFinder::new(Languages::get().by_code(lang).unwrap()).find(text).dates.into_iter().map(|d| d.when).collect()
    }

    #[test]
    fn dates_with_joiners_ordinals_and_years() {
        let march = |day, year| When::DayMonth { day, month: 3, year };
        assert_eq!(dates("es", "Ocurrió el 3 de marzo de 2015."), [march(3, Some(2015))]);
        assert_eq!(dates("fr", "Le bilan du 1er mars."), [march(1, None)]);
        assert_eq!(dates("en", "On the 1st of March, and on March 2nd, 2015."), [march(1, None), march(2, Some(2015))]);
        // A year that dates a day is no other event's.
        let found = FigureFinder::new(Languages::get().by_code("es").unwrap()).find("Murieron 12 personas el 3 de marzo de 2015.");
        assert!(found.years.is_empty());
    }

    #[test]
    fn a_labelled_date_after_an_event_verb_dates_the_event() {
        let finder = FigureFinder::new(Languages::get().by_code("fr").unwrap());
        let found = finder.find("L'île a été balayée par le cyclone, samedi 14 décembre, faisant au moins 14 morts.");
        assert_eq!(found.dates.iter().map(|d| d.since).collect::<Vec<_>>(), [true]);
    }

    #[test]
    fn a_dateline_is_no_count_date() {
        assert_eq!(dates("fr", "Goma, 24 mars 2025 - Au moins 12 morts dimanche."), [When::Weekday(6)]);
        assert_eq!(dates("en", "GOMA, March 24, 2025 — At least 12 died on Sunday."), [When::Weekday(6)]);
        assert_eq!(dates("en", "Amman, Sep. 9 (Petra) -- The toll rose to 80 on Sunday."), [When::Weekday(6)]);
    }

    #[test]
    fn weekdays_label_dates_point_back_or_look_ahead() {
        // "jeudi 20 mars" is the date; the weekday only labels it.
        assert_eq!(dates("fr", "Depuis jeudi 20 mars."), [When::DayMonth { day: 20, month: 3, year: None }]);
        assert_eq!(dates("en", "It struck on Thursday, March 20."), [When::DayMonth { day: 20, month: 3, year: None }]);
        assert_eq!(dates("fr", "Le maire parlera lundi prochain."), []);
        assert_eq!(dates("es", "Ocurrió el pasado martes."), [When::LastWeekday(1)]);
        assert_eq!(dates("en", "It happened last Friday."), [When::LastWeekday(4)]);
    }

    #[test]
    fn a_relative_day_after_its_article_is_a_part_of_day() {
        assert_eq!(dates("es", "Para la mañana el balance subió a 30 muertos."), []);
        assert_eq!(dates("es", "El balance se conocerá mañana."), [When::Relative(1)]);
    }

    #[test]
    fn days_and_weeks_ago() {
        assert_eq!(dates("fr", "Le séisme a eu lieu il y a trois jours."), [When::Relative(-3)]);
        assert_eq!(dates("es", "La riada fue hace dos semanas."), [When::Relative(-14)]);
        assert_eq!(dates("en", "The flood came 4 days ago."), [When::Relative(-4)]);
        assert_eq!(dates("en", "The flood lasted 4 days."), []);
    }

    #[test]
    fn a_range_of_days_after_an_event_verb_dates_the_event() {
        let since = |lang: &str, text: &str| {
            let finder = FigureFinder::new(Languages::get().by_code(lang).unwrap());
            finder.find(text).dates.iter().map(|d| d.since).collect::<Vec<_>>()
        };
        assert_eq!(since("en", "The tremors that struck the valley from 3 to 9 May affected 80,000 people."), [true]);
        assert_eq!(since("fr", "Les crues qui ont frappé la vallée du 3 au 9 mai ont fait 40 morts."), [true]);
        assert_eq!(since("es", "Las lluvias que golpearon la sierra del 3 al 9 de mayo dejaron 40 muertos."), [true]);
        // The range of the count itself ends on the count's day.
        assert_eq!(since("en", "Some 30 people died from 3 to 9 May."), [false]);
        assert_eq!(since("fr", "Au moins 30 personnes sont mortes du 3 au 9 mai."), [false]);
        assert_eq!(since("es", "Murieron 30 personas del 3 al 9 de mayo."), [false]);
    }

    #[test]
    fn a_day_that_qualifies_the_event_dates_the_event() {
        let since = |lang: &str, text: &str| {
            let finder = FigureFinder::new(Languages::get().by_code(lang).unwrap());
            finder.find(text).dates.iter().map(|d| d.since).collect::<Vec<_>>()
        };
        assert_eq!(since("en", "Tuesday night's quake killed 40 people, officials said on Thursday."), [true, false]);
        // A date that opens a period ("from ... until") counts nothing.
        assert_eq!(since("fr", "Au moins 80 civils ont été tués du 3 février jusqu'à mardi soir."), [true, false]);
        assert_eq!(since("es", "Murieron 15 personas desde el 3 de marzo hasta el viernes."), [true, false]);
        assert_eq!(since("en", "Some 30 people died from March 3 until Friday."), [true, false]);
        assert_eq!(since("fr", "Le séisme de samedi a fait 12 morts, selon un bilan publié lundi."), [true, false]);
        assert_eq!(since("es", "El ataque del viernes por la noche dejó 9 muertos, informó el domingo la policía."), [true, false]);
        // An event verb far before the day, and agreeing with anything ("touchée" listed, "touché" written).
        assert_eq!(since("fr", "La frappe qui a touché un immeuble de la grande ville du nord du pays ce samedi a fait 8 morts."), [true]);
        // Verbs of what happened date the event: an attack, a blast, a collapse.
        assert_eq!(since("es", "Murieron 30 personas después de que unos hombres atacaran el mercado la noche del 4 de mayo."), [true]);
        assert_eq!(since("en", "The blast that occurred on Friday killed 30 people, police said on Sunday."), [true, false]);
        assert_eq!(since("fr", "L'explosion, qui s'est produite vendredi, a fait 30 morts selon un bilan publié dimanche."), [true, false]);
        // A clock time on the way is no count.
        assert_eq!(since("es", "Dejó 20 muertos el huracán, que golpeó a las 3:40 horas del martes."), [true]);
        assert_eq!(since("en", "It left 20 dead after the storm struck at 11:30 on Tuesday."), [true]);
    }
}
