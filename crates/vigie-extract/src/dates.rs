//! The day a figure refers to. In order of preference: the date its
//! sentence gives (the latest one, since a count closes after the events it
//! counts; "depuis mercredi" opens a period and does not count), resolved
//! against the publication day; otherwise the publication day itself. News
//! reports the past, so "vendredi" is the last Friday on or before the
//! publication day. Without a publication day only a full date with a year
//! can be trusted.

use crate::figures::{DateMention, When};
use chrono::{Datelike, Duration, NaiveDate};
use std::ops::Range;
use vigie_model::{DatePrecision, PublishedDate};

/// The date `when` denotes, read in an article published on `published`.
pub fn resolve(when: When, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match (when, published) {
        (When::DayMonth { day, month, year: Some(y) }, _) => NaiveDate::from_ymd_opt(y, month, day),
        (When::DayMonth { day, month, year: None }, Some(p)) => {
            let this_year = NaiveDate::from_ymd_opt(p.year(), month, day)?;
            if this_year <= p {
                Some(this_year)
            } else {
                NaiveDate::from_ymd_opt(p.year() - 1, month, day)
            }
        }
        (When::Weekday(w) | When::LastWeekday(w), Some(p)) => {
            let back = (p.weekday().num_days_from_monday() as i64 - w as i64).rem_euclid(7);
            // "samedi dernier" in a Saturday paper is a week back; "samedi" is today.
            let back = if back == 0 && matches!(when, When::LastWeekday(_)) { 7 } else { back };
            Some(p - Duration::days(back))
        }
        (When::Relative(days), Some(p)) => Some(p + Duration::days(days as i64)),
        (_, None) => None,
    }
}

/// The date a sentence gives to its counts, if it gives one.
/// A publication known to its month only ("date 2024-12") still dates "lundi 2 décembre".
pub fn stated(dates: &[DateMention], sentence: usize, published: Option<PublishedDate>) -> Option<NaiveDate> {
    latest(dates.iter().filter(|d| d.sentence == sentence && !d.since), published)
}

/// The latest day `sentence` gives, an event's own day or a period's start too.
pub fn any_stated(dates: &[DateMention], sentence: usize, published: Option<PublishedDate>) -> Option<NaiveDate> {
    latest(dates.iter().filter(|d| d.sentence == sentence), published)
}

fn latest<'d>(dates: impl Iterator<Item = &'d DateMention>, published: Option<PublishedDate>) -> Option<NaiveDate> {
    dates.filter_map(|d| resolved(d.when, published)).max()
}

/// The day `when` denotes in an article published on `published`, if it is no later:
/// a publication known to its month only still dates a day and month.
pub(crate) fn resolved(when: When, published: Option<PublishedDate>) -> Option<NaiveDate> {
    let day = published.and_then(|p| p.exact_day());
    let month = published.filter(|p| p.precision == DatePrecision::Month).map(|p| p.date);
    let date = resolve(when, day).or_else(|| month.and_then(|m| in_month_of(when, m)))?;
    day.is_none_or(|p| date <= p).then_some(date)
}

/// The day a date opening `sentence` gives all of it, an earlier toll too: "La veille, les
/// autorités faisaient état de 99 morts", "En la víspera, el balance era de 39 muertos".
pub fn opening(
    text: &str,
    dates: &[DateMention],
    sentence: usize,
    range: Range<usize>,
    published: Option<PublishedDate>,
) -> Option<NaiveDate> {
    dates
        .iter()
        .filter(|d| d.sentence == sentence && !d.since && d.at >= range.start)
        .find(|d| text[range.start..d.at].split_whitespace().count() <= OPENING_WORDS && text[d.at..range.end].contains(','))
        .and_then(|d| resolved(d.when, published))
}

/// How many words ("En", "On") may stand before a date that opens its sentence.
const OPENING_WORDS: usize = 1;

/// The date a sentence gives to the earlier toll at `at`: of several, the one
/// written nearest to it ("stood at 2,000 on Tuesday, up from 1,500 on
/// Monday"), the earlier of two as near ("rose to 1,200 on Thursday from 900
/// on Wednesday"), and none farther than `reach` words.
pub fn stated_near(
    text: &str,
    dates: &[DateMention],
    sentence: usize,
    at: usize,
    reach: usize,
    published: Option<PublishedDate>,
) -> Option<NaiveDate> {
    let words = |d: &DateMention| {
        let (a, b) = if d.at < at { (d.at, at) } else { (at, d.at) };
        text.get(a..b).map_or(usize::MAX, |between| between.split_whitespace().count())
    };
    dates
        .iter()
        .filter(|d| d.sentence == sentence && !d.since)
        .filter_map(|d| {
            let n = words(d);
            (n <= reach).then(|| resolved(d.when, published)).flatten().map(|date| (n, date))
        })
        .min()
        .map(|(_, date)| date)
}

/// A day and month without a year, read in an article of the month of `month`:
/// that month or one before it.
fn in_month_of(when: When, month: NaiveDate) -> Option<NaiveDate> {
    let When::DayMonth { day, month: m, year: None } = when else { return None };
    let year = if m <= month.month() { month.year() } else { month.year() - 1 };
    NaiveDate::from_ymd_opt(year, m, day)
}

/// The date of a figure stated in `sentence`: the sentence's own date, else the publication day.
#[cfg(test)]
fn as_of(dates: &[DateMention], sentence: usize, published: Option<NaiveDate>) -> Option<NaiveDate> {
    stated(dates, sentence, published.map(|p| PublishedDate::day(p, vigie_model::DateOrigin::Metadata))).or(published)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_are_the_last_such_day() {
        let saturday = day(2024, 11, 30);
        assert_eq!(resolve(When::Weekday(4), Some(saturday)), Some(day(2024, 11, 29)));
        assert_eq!(resolve(When::Weekday(5), Some(saturday)), Some(saturday));
        assert_eq!(resolve(When::Weekday(6), Some(saturday)), Some(day(2024, 11, 24)));
        assert_eq!(resolve(When::Relative(-1), Some(saturday)), Some(day(2024, 11, 29)));
        assert_eq!(resolve(When::Weekday(4), None), None);
        // "samedi dernier" in a Saturday paper is a week back.
        assert_eq!(resolve(When::LastWeekday(5), Some(saturday)), Some(day(2024, 11, 23)));
    }

    #[test]
    fn days_without_a_year_are_in_the_past() {
        let p = day(2025, 1, 3);
        assert_eq!(resolve(When::DayMonth { day: 30, month: 12, year: None }, Some(p)), Some(day(2024, 12, 30)));
        assert_eq!(resolve(When::DayMonth { day: 2, month: 1, year: None }, Some(p)), Some(day(2025, 1, 2)));
        assert_eq!(resolve(When::DayMonth { day: 9, month: 9, year: Some(2023) }, None), Some(day(2023, 9, 9)));
    }

    #[test]
    fn the_latest_date_of_the_sentence_wins_and_since_does_not_count() {
        let p = Some(day(2023, 9, 10));
        let m = |when, since| DateMention { at: 0, sentence: 0, when, since };
        let dates = [m(When::Weekday(4), false), m(When::Weekday(5), false), m(When::Weekday(2), true)];
        assert_eq!(as_of(&dates, 0, p), Some(day(2023, 9, 9)));
        assert_eq!(as_of(&dates, 1, p), p);
    }

    #[test]
    fn an_earlier_toll_takes_only_the_date_written_next_to_it() {
        let friday = Some(PublishedDate::day(day(2023, 9, 8), vigie_model::DateOrigin::Metadata));
        let at = |text: &str, word: &str| text.find(word).unwrap();
        let m = |at, when| DateMention { at, sentence: 0, when, since: false };
        let en = "The toll stood at 40 on Thursday, up from 25 on Tuesday.";
        let dates = [m(at(en, "Thursday"), When::Weekday(3)), m(at(en, "Tuesday"), When::Weekday(1))];
        assert_eq!(stated_near(en, &dates, 0, at(en, "25"), 5, friday), Some(day(2023, 9, 5)));
        // The day of the report that revises a toll is not the day of the toll it revises.
        let es = "El gobierno informó el jueves a los periodistas de la capital que rebajaba su cifra anterior de 300 muertos.";
        let dates = [m(at(es, "jueves"), When::Weekday(3))];
        assert_eq!(stated_near(es, &dates, 0, at(es, "300"), 5, friday), None);
        let fr = "Le précédent bilan, publié mercredi, faisait état de 12 morts.";
        let dates = [m(at(fr, "mercredi"), When::Weekday(2))];
        assert_eq!(stated_near(fr, &dates, 0, at(fr, "12"), 5, friday), Some(day(2023, 9, 6)));
    }

    #[test]
    fn a_month_of_publication_dates_a_day_and_month() {
        let december =
            Some(PublishedDate { date: day(2024, 12, 1), precision: DatePrecision::Month, origin: vigie_model::DateOrigin::Url });
        let m = |when| DateMention { at: 0, sentence: 0, when, since: false };
        assert_eq!(stated(&[m(When::DayMonth { day: 2, month: 12, year: None })], 0, december), Some(day(2024, 12, 2)));
        assert_eq!(stated(&[m(When::DayMonth { day: 28, month: 11, year: None })], 0, december), Some(day(2024, 11, 28)));
        // A weekday needs the day.
        assert_eq!(stated(&[m(When::Weekday(0))], 0, december), None);
    }
}
