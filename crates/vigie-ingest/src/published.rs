//! When was an article published?
//!
//! In order of trust: the input's metadata, a date in the URL, the crawler's
//! ` date` marker when it gives a day, a date written in the text (a byline
//! stamp, "ce samedi 30 novembre"), then a month from the URL or the marker.
//! A date without a year is resolved with its weekday ("jeudi 28 novembre"
//! fell on a Thursday in 2024) or the year of the marker.

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;
use vigie_lang::{Language, Languages};
use vigie_model::{DateOrigin, DatePrecision, PublishedDate};

/// Parses a date as metadata writes it: ISO 8601 / RFC 3339 (`2024-11-30`,
/// `2024-11-30T09:30:00+01:00`, `2024-11`), `2024/11/30`, or RFC 2822.
pub fn parse_date(s: &str, origin: DateOrigin) -> Option<PublishedDate> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(PublishedDate::day(dt.date_naive(), origin));
    }
    static ISO: OnceLock<Regex> = OnceLock::new();
    let iso = ISO.get_or_init(|| Regex::new(r"^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:$|[T ])").unwrap());
    let caps = iso.captures(s)?;
    let year: i32 = caps[1].parse().ok()?;
    let month: u32 = caps[2].parse().ok()?;
    match caps.get(3) {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day.as_str().parse().ok()?).map(|d| PublishedDate::day(d, origin)),
        None => NaiveDate::from_ymd_opt(year, month, 1).map(|date| PublishedDate { date, precision: DatePrecision::Month, origin }),
    }
}

/// A date in a URL path: `/2024/11/30/`, `/2016/2/10/`, `-20060821-`, a
/// compact date that opens a hexadecimal id (`_20241030672215c8d8f8.html`),
/// or a month `/2024/11/`.
pub fn from_url(url: &str) -> Option<PublishedDate> {
    static PATTERNS: OnceLock<[Regex; 4]> = OnceLock::new();
    let [ymd, compact, dmy, ym] = PATTERNS.get_or_init(|| {
        [
            Regex::new(r"[/_-]((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)").unwrap(),
            // "_20241030672215c8d8f8.html", "AN-202301160096.html": a compact date opening an id (a long hex one, or four digits).
            Regex::new(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$|[0-9a-f]{12,}\.html?$|\d{4}\.html?$)").unwrap(),
            // "/08-04-2022/", "-24-3-2024": day, month, year.
            Regex::new(r"[/_-](\d{1,2})[/_-](\d{1,2})[/_-]((?:19|20)\d\d)(?:[/_.-]|$)").unwrap(),
            Regex::new(r"/((?:19|20)\d\d)/(\d{1,2})/").unwrap(),
        ]
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    for (re, order) in [(ymd, [1, 2, 3]), (compact, [1, 2, 3]), (dmy, [3, 2, 1])] {
        for caps in re.captures_iter(path) {
            let [y, m, d] = order.map(|i| caps[i].parse::<u32>().ok());
            let (Some(y), Some(m), Some(d)) = (y, m, d) else { continue };
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Some(PublishedDate::day(date, DateOrigin::Url));
            }
        }
    }
    let caps = ym.captures(path)?;
    let date = NaiveDate::from_ymd_opt(caps[1].parse().ok()?, caps[2].parse().ok()?, 1)?;
    Some(PublishedDate { date, precision: DatePrecision::Month, origin: DateOrigin::Url })
}

/// Per-language patterns for dates written out in words.
struct TextPatterns {
    /// `[weekday] day [de] month [[de] year]` (French, Spanish, British English).
    day_month: Regex,
    /// `[weekday,] month day[, year]` (American English).
    month_day: Regex,
    months: Vec<(String, u32)>,
    weekdays: Vec<(String, Weekday)>,
    /// Words that make a date the day of an event, just before it: "a frappé ... ce mercredi 11 octobre",
    /// "tuées vendredi 8 avril", "dans la nuit de mardi 29".
    event_words: std::collections::HashSet<String>,
    /// Reporting verbs: a date after one is the day of the report ("ont annoncé, vendredi 29 novembre").
    report_words: std::collections::HashSet<String>,
}

fn alternation(words: impl Iterator<Item = String>) -> String {
    let mut words: Vec<String> = words.map(|w| regex::escape(&w)).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

impl TextPatterns {
    fn new(lang: &Language) -> Option<TextPatterns> {
        if lang.dates.months.len() != 12 || lang.dates.weekdays.len() != 7 {
            return None;
        }
        let months: Vec<(String, u32)> = lang
            .dates
            .months
            .iter()
            .enumerate()
            .flat_map(|(i, forms)| forms.iter().map(move |f| (f.to_lowercase(), i as u32 + 1)))
            .collect();
        let weekdays: Vec<(String, Weekday)> = lang
            .dates
            .weekdays
            .iter()
            .enumerate()
            .flat_map(|(i, forms)| forms.iter().map(move |f| (f.to_lowercase(), Weekday::try_from(i as u8).unwrap())))
            .collect();
        let m = alternation(months.iter().map(|(f, _)| f.clone()));
        let w = alternation(weekdays.iter().map(|(f, _)| f.clone()));
        let day_month = format!(
            r"(?i)\b(?:({w})\s*,?\s+)?(\d{{1,2}})(?:er|º|°|st|nd|rd|th)?\s+(?:de\s+|of\s+)?({m})(?:\s+(?:de\s+|del\s+)?((?:19|20)\d\d))?\b(?:,?\s+({w})\b)?"
        );
        let month_day = format!(r"(?i)\b(?:({w})\s*,?\s+)?({m})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s+((?:19|20)\d\d))?");
        let f = &lang.figures;
        // Single words only: a phrase's last word ("la muerte de") could be anything.
        let single = |lists: &[&[String]]| lists.iter().copied().flatten().filter(|p| !p.contains(' ')).map(|w| w.to_lowercase()).collect();
        let killed = f.metric_verbs.get("killed").map_or(&[][..], Vec::as_slice);
        let event_words = single(&[&f.since, killed, &lang.dates.event_nouns, &lang.dates.parts_of_day]);
        let report_words = single(&[&f.attribution_before, &f.attribution_after]);
        Some(TextPatterns {
            day_month: Regex::new(&day_month).ok()?,
            month_day: Regex::new(&month_day).ok()?,
            months,
            weekdays,
            event_words,
            report_words,
        })
    }

    /// Whether the date written at `at` is the day of an event rather than of
    /// the article: an event's verb or noun stands among the words before it,
    /// with no reporting verb closer.
    fn dates_an_event(&self, text: &str, at: usize) -> bool {
        let clause = &text[..at];
        let clause = &clause[clause.rfind(['.', '\n', ';']).map_or(0, |i| i + 1)..];
        let before = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(EVENT_DAY_WORDS);
        let first = before.map(str::to_lowercase).find(|w| self.event_words.contains(w) || self.report_words.contains(w));
        first.is_some_and(|w| self.event_words.contains(&w))
    }

    fn month(&self, s: &str) -> Option<u32> {
        let s = s.to_lowercase();
        self.months.iter().find(|(f, _)| *f == s).map(|(_, m)| *m)
    }

    fn weekday(&self, s: &str) -> Option<Weekday> {
        let s = s.to_lowercase();
        self.weekdays.iter().find(|(f, _)| *f == s).map(|(_, w)| *w)
    }
}

/// How many words before a date may tie it to an event ("a frappé la même région, ce mercredi 11").
const EVENT_DAY_WORDS: usize = 5;

fn patterns(code: &str) -> Option<&'static TextPatterns> {
    static ALL: OnceLock<Vec<(&'static str, Option<TextPatterns>)>> = OnceLock::new();
    let all = ALL.get_or_init(|| Languages::get().all().iter().map(|l| (l.code, TextPatterns::new(l))).collect());
    all.iter().find(|(c, _)| *c == code).and_then(|(_, p)| p.as_ref())
}

/// The year in which `month`/`day` fell on `weekday`, nearest to `around` and not after it.
fn year_by_weekday(month: u32, day: u32, weekday: Weekday, around: i32) -> Option<i32> {
    (0..12).map(|back| around - back).find(|&y| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == weekday))
}

/// Dates written in `text` (numeric `30/11/2024`, ISO, or in words), each
/// resolved to a day when it can be, leaving out the days of events. `year_hint`
/// is the year of the crawl marker or URL, else the current year.
pub fn dates_in_text(text: &str, lang: Option<&str>, year_hint: i32) -> Vec<NaiveDate> {
    written_dates(text, lang, year_hint, None).stamps
}

/// The dates a text writes: those that may stamp it, and the days of the events it reports.
#[derive(Default)]
struct WrittenDates {
    stamps: Vec<NaiveDate>,
    /// Month and day of each event, with its year when the text gives it.
    events: Vec<(Option<i32>, u32, u32)>,
}

/// The dates of `text`, where a date without a year or weekday in `month_hint` (the month
/// of the crawl marker or URL) takes `year_hint`: "Kiev, 8 abr (EFE)" under a marker of April 2022.
fn written_dates(text: &str, lang: Option<&str>, year_hint: i32, month_hint: Option<u32>) -> WrittenDates {
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    let numeric =
        NUMERIC.get_or_init(|| Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b").unwrap());
    let mut found = WrittenDates::default();
    for c in numeric.captures_iter(text) {
        let date = if let Some(y) = c.get(3) {
            let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            let y = y.as_str().parse().unwrap_or(0);
            // Day first, except American month/day when the day cannot be first.
            NaiveDate::from_ymd_opt(y, b, a).or_else(|| NaiveDate::from_ymd_opt(y, a, b))
        } else {
            NaiveDate::from_ymd_opt(c[4].parse().unwrap_or(0), c[5].parse().unwrap_or(0), c[6].parse().unwrap_or(0))
        };
        found.stamps.extend(date);
    }
    let Some(p) = lang.and_then(patterns) else { return found };
    let mut push = |at: usize, weekday: Option<&str>, day: &str, month: &str, year: Option<&str>| {
        let (Some(month), Ok(day)) = (p.month(month), day.parse::<u32>()) else { return };
        let weekday = weekday.and_then(|w| p.weekday(w));
        let year = match (year.and_then(|y| y.parse().ok()), weekday) {
            (Some(y), _) => Some(y),
            (None, Some(w)) => year_by_weekday(month, day, w, year_hint),
            (None, None) => (month_hint == Some(month)).then_some(year_hint),
        };
        if p.dates_an_event(text, at) {
            found.events.push((year, month, day));
        } else if let Some(date) = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day)) {
            if weekday.is_none_or(|w| w == date.weekday()) {
                found.stamps.push(date);
            }
        }
    };
    for c in p.day_month.captures_iter(text) {
        // "el 10 de octubre martes": the weekday may follow the date.
        let weekday = c.get(1).or(c.get(5)).map(|m| m.as_str());
        push(c.get(0).map_or(0, |m| m.start()), weekday, &c[2], &c[3], c.get(4).map(|m| m.as_str()));
    }
    for c in p.month_day.captures_iter(text) {
        push(c.get(0).map_or(0, |m| m.start()), c.get(1).map(|m| m.as_str()), &c[3], &c[2], c.get(4).map(|m| m.as_str()));
    }
    found
}

/// Everything known about an article that bears on its publication date.
pub struct DateEvidence<'a> {
    pub metadata: Option<PublishedDate>,
    pub url: Option<&'a str>,
    pub crawl_marker: Option<PublishedDate>,
    /// The original text: byline stamps count even though cleaning removes them.
    pub text: &'a str,
    pub lang: Option<&'a str>,
    /// Today; dates after it are not publication dates.
    pub today: NaiveDate,
}

/// The best publication date for the evidence, or `None`.
pub fn publication_date(e: &DateEvidence) -> Option<PublishedDate> {
    if let Some(d) = e.metadata {
        return Some(d);
    }
    let url = e.url.and_then(from_url);
    let day = |d: &Option<PublishedDate>| d.filter(|d| d.precision == DatePrecision::Day);
    if let Some(d) = day(&url).or(day(&e.crawl_marker)) {
        return Some(d);
    }
    let month_hint = url.or(e.crawl_marker);
    let year_hint = month_hint.map_or(e.today.year(), |d| d.date.year());
    // News is published after the events it reports: the latest date written
    // in the text that is not in the future is the best guess.
    let month = month_hint.map(|d| d.date.month());
    let written = written_dates(e.text, e.lang, year_hint, month);
    let latest = written.stamps.into_iter().filter(|d| *d <= e.today).max();
    // ... and not before an event it reports: "Samedi 7 octobre, un séisme a frappé ... Un autre
    // a eu lieu le 15 octobre" opens with the day of the first quake, not its own.
    let reports_later_event = |stamp: NaiveDate| {
        written.events.iter().any(|&(year, month, day)| {
            NaiveDate::from_ymd_opt(year.unwrap_or(stamp.year()), month, day).is_some_and(|d| d > stamp && d <= e.today)
        })
    };
    if let Some(date) = latest.filter(|&d| !reports_later_event(d)) {
        return Some(PublishedDate::day(date, DateOrigin::Text));
    }
    month_hint
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn metadata_formats() {
        assert_eq!(parse_date("2024-11-30T09:30:00+01:00", DateOrigin::Metadata).unwrap().date, ymd(2024, 11, 30));
        assert_eq!(parse_date("Sat, 30 Nov 2024 10:00:00 GMT", DateOrigin::Metadata).unwrap().date, ymd(2024, 11, 30));
        assert_eq!(parse_date("2024-11", DateOrigin::Metadata).unwrap().precision, DatePrecision::Month);
        assert!(parse_date("yesterday", DateOrigin::Metadata).is_none());
    }

    #[test]
    fn url_dates() {
        assert_eq!(from_url("https://x.example/2024/11/30/title").unwrap().date, ymd(2024, 11, 30));
        assert_eq!(from_url("https://x.example/news/2016/2/10/title").unwrap().date, ymd(2016, 2, 10));
        assert_eq!(from_url("https://x.example/france/102871-20060821-title").unwrap().date, ymd(2006, 8, 21));
        assert_eq!(from_url("https://x.example/2024/11/title").unwrap().precision, DatePrecision::Month);
        assert!(from_url("https://x.example/article/427356").is_none());
        let id = from_url("https://x.example/noticias/alcaldesa-confirma_20241030672215c8d8f8950001d5282b.html");
        assert_eq!(id.unwrap().date, ymd(2024, 10, 30));
        assert!(from_url("https://x.example/noticias/item_2024103067.html").is_none());
        assert_eq!(from_url("https://x.example/europe/le-bilan-passe-a-35-morts_AN-202301160096.html").unwrap().date, ymd(2023, 1, 16));
        assert_eq!(from_url("https://x.example/08-04-2022/4159382").unwrap().date, ymd(2022, 4, 8));
        assert_eq!(from_url("https://x.example/noticia/mundo/suben-fallecidos-24-3-2024").unwrap().date, ymd(2024, 3, 24));
    }

    #[test]
    fn weekday_fixes_the_year_of_a_date_without_one() {
        let dates = dates_in_text("selon un bilan fourni jeudi 28 novembre par l'ONG", Some("fr"), 2026);
        assert_eq!(dates, vec![ymd(2024, 11, 28)]);
        assert_eq!(dates_in_text("el lunes 3 de marzo de 2025", Some("es"), 2026), vec![ymd(2025, 3, 3)]);
        assert_eq!(dates_in_text("informaron este 4 de marzo martes", Some("es"), 2026), vec![ymd(2025, 3, 4)]);
        assert_eq!(dates_in_text("on Sunday, March 2, 2025", Some("en"), 2026), vec![ymd(2025, 3, 2)]);
        assert_eq!(dates_in_text("Rédigé le 30/11/2024", Some("fr"), 2026), vec![ymd(2024, 11, 30)]);
    }

    #[test]
    fn the_day_of_an_event_is_no_day_of_publication() {
        assert!(dates_in_text("Une forte secousse a frappé la vallée, ce jeudi 6 mars 2025.", Some("fr"), 2026).is_empty());
        assert!(dates_in_text("The storm that devastated the coast on March 4, 2025 moved north.", Some("en"), 2026).is_empty());
        assert!(dates_in_text("Nueve personas murieron el 2 de marzo de 2025 en el pueblo.", Some("es"), 2026).is_empty());
        // A reporting verb closer to the date makes it the report's day.
        let reported =
            dates_in_text("Le séisme a fait 40 morts depuis mardi, ont annoncé, jeudi 6 mars 2025, les secours.", Some("fr"), 2026);
        assert_eq!(reported, vec![ymd(2025, 3, 6)]);
    }

    #[test]
    fn evidence_is_weighed_in_order() {
        let today = ymd(2026, 1, 1);
        let marker = Some(PublishedDate { date: ymd(2024, 11, 1), precision: DatePrecision::Month, origin: DateOrigin::CrawlMarker });
        let text = "Bilan fourni jeudi 28 novembre. Le conflit dure depuis le 15 mars 2011.";
        let e = DateEvidence { metadata: None, url: None, crawl_marker: marker, text, lang: Some("fr"), today };
        assert_eq!(publication_date(&e).unwrap(), PublishedDate::day(ymd(2024, 11, 28), DateOrigin::Text));
        let e = DateEvidence { url: Some("https://x.example/2024/11/29/a"), ..e };
        assert_eq!(publication_date(&e).unwrap().origin, DateOrigin::Url);
        let e = DateEvidence { url: None, text: "Pas de date ici.", ..e };
        assert_eq!(publication_date(&e), marker);
        // A dateline without a year, in the marker's month.
        let e = DateEvidence { text: "Goma, 12 novembre (AFP) - Les pluies ont repris.", lang: Some("fr"), ..e };
        assert_eq!(publication_date(&e).unwrap().date, ymd(2024, 11, 12));
        // A day that opens the text is no stamp when the text reports a later event.
        let later = |lang: &str, text: &'static str| {
            publication_date(&DateEvidence { text, lang: Some(lang), crawl_marker: None, ..e }).map(|d| d.date)
        };
        let fr = "Samedi 7 octobre 2023, un séisme a secoué la vallée. Un second séisme a frappé la ville le 12 octobre.";
        assert_eq!(later("fr", fr), None);
        let en = "On Saturday, October 7, 2023, a quake shook the valley. A second quake struck the town on October 12.";
        assert_eq!(later("en", en), None);
        let es = "El sábado 7 de octubre de 2023 un sismo sacudió el valle. Otro sismo golpeó la ciudad el 12 de octubre.";
        assert_eq!(later("es", es), None);
        assert_eq!(later("fr", "Samedi 7 octobre 2023, un séisme a secoué la vallée."), Some(ymd(2023, 10, 7)));
    }
}
