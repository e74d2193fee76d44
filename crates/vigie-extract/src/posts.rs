//! Posts embedded in an article. A scraped page keeps a quoted post as its
//! text followed by a signature line, "— Name (@handle) June 22, 2022": the
//! figures of the post were announced on the signature's day, whatever day
//! the post names for the event itself.

use crate::config::POST_LINES;
use crate::dates;
use crate::figures::When;
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;
use vigie_lang::Languages;
use vigie_model::PublishedDate;

/// One embedded post: where its text lies, its signature, the account that
/// signs it and the day the signature gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    pub text: Range<usize>,
    /// From the dash to the handle's closing parenthesis.
    pub signature: Range<usize>,
    pub name: Range<usize>,
    pub day: Option<NaiveDate>,
}

/// The posts of `text`, each with the day of its signature when it can be resolved
/// against the publication day (as a sentence's own date is). `same_language` tells whether two lines are in
/// the same language: a post's text ends where the article's resumes.
pub fn posts(text: &str, published: Option<PublishedDate>, same_language: impl Fn(&str, &str) -> bool) -> Vec<Post> {
    static SIGNATURE: OnceLock<Regex> = OnceLock::new();
    let signature = SIGNATURE.get_or_init(|| Regex::new(r"[—–][ \t]*([^\n—–()]{1,80}?)[ \t]*\(@\w{1,30}\)([^\n]*)").unwrap());
    let mut out: Vec<Post> = Vec::new();
    for caps in signature.captures_iter(text) {
        let (Some(whole), Some(name), Some(tail)) = (caps.get(0), caps.get(1), caps.get(2)) else { continue };
        if !name.as_str().starts_with(char::is_uppercase) || name.as_str().contains(['.', ',', ';']) {
            continue;
        }
        let day = signature_day(tail.as_str()).and_then(|when| dates::resolved(when, published));
        let line_start = text[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
        // "post text pic.twitter.com/x — Name (@h) date": the post is its own line; a signature
        // on a line of its own closes the lines above it.
        let start = if text[line_start..whole.start()].trim().is_empty() {
            let previous_end = out.last().map_or(0, |p| p.signature.end);
            lines_back(text, line_start, POST_LINES, &same_language).max(previous_end)
        } else {
            line_start
        };
        out.push(Post { text: start..whole.start(), signature: whole.start()..tail.start(), name: name.range(), day });
    }
    out
}

/// Where the post whose last line ends at `end` begins: at most `n` non-empty
/// lines back, all in the language of its last line.
fn lines_back(text: &str, end: usize, n: usize, same_language: impl Fn(&str, &str) -> bool) -> usize {
    let (mut start, mut seen, mut last): (usize, usize, Option<&str>) = (end, 0, None);
    while seen < n && start > 0 {
        let line_start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = text[line_start..start].trim();
        if !line.is_empty() {
            if last.is_some_and(|last| !same_language(line, last)) {
                break;
            }
            last.get_or_insert(line);
            seen += 1;
        }
        start = line_start;
    }
    start
}

/// "June 22, 2022", "October 11", "22 juin 2022", "11 de octubre de 2023": a signature's day,
/// read with the month names of every language (a post keeps the format of the site it comes from).
fn signature_day(tail: &str) -> Option<When> {
    let words: Vec<String> = tail.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5).map(str::to_lowercase).collect();
    let month = words.iter().find_map(|w| {
        Languages::get().all().iter().find_map(|l| l.dates.months.iter().position(|forms| forms.iter().any(|f| f.to_lowercase() == *w)))
    })?;
    let numbers: Vec<u32> = words.iter().filter_map(|w| w.parse().ok()).collect();
    let day = *numbers.iter().find(|&&n| (1..=31).contains(&n))?;
    let year = numbers.iter().find(|&&n| (1900..=2100).contains(&n)).map(|&y| y as i32);
    Some(When::DayMonth { day, month: month as u32 + 1, year })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_model::DateOrigin;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_signature_dates_the_lines_of_its_post() {
        let published = Some(PublishedDate::day(day(2031, 5, 4), DateOrigin::Metadata));
        let text = "The river rose overnight.\n\nBREAKING: 12 people died in the floods on Sunday night.\n\n\
                    Rescue teams are still searching. pic.example/abc\n\n— Valley News (@valleynews) May 3, 2031\n\nLater, the mayor spoke.";
        let got = posts(text, published, |_, _| true);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].day, Some(day(2031, 5, 3)));
        assert_eq!(&text[got[0].name.clone()], "Valley News");
        let post = &text[got[0].text.clone()];
        assert!(post.contains("12 people died") && !post.contains("river rose"), "{post:?}");
        // On the post's own line, in Spanish and French formats, a year taken from the publication day.
        let es = "Un hospital recibió a 40 heridos esta mañana. — Cruz Roja (@cruzroja) 3 de mayo";
        assert_eq!(posts(es, published, |_, _| true).first().and_then(|p| p.day), Some(day(2031, 5, 3)));
        let fr = "Le bilan s'élève à 9 morts. — Préfecture (@prefecture) 2 mai 2031";
        assert_eq!(
            posts(fr, published, |_, _| true).first().map(|p| (p.day, &fr[p.text.clone()])),
            Some((Some(day(2031, 5, 2)), "Le bilan s'élève à 9 morts. "))
        );
        // A dash before a name without a handle is no signature.
        assert!(posts("Le maire — Jean Dupont — a parlé le 2 mai 2031.", published, |_, _| true).is_empty());
        // The post ends where a line in another language stands above it.
        let mixed = "El balance es de 30 muertos.\n\nRescuers found 5 more bodies. pic.example/x\n\n— Rescue (@rescue) May 2, 2031";
        let english = |line: &str| line.contains("Rescuers");
        let got = posts(mixed, published, |a, b| english(a) == english(b));
        assert!(got.len() == 1 && !mixed[got[0].text.clone()].contains("balance"), "{got:?}");
    }
}
