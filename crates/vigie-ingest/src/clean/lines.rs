//! Which lines of the original text are article text.

use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use vigie_model::{DateOrigin, DatePrecision, PublishedDate, Removal, RemovalKind};
use vigie_text::Boilerplate;

/// Boilerplate patterns are tried on lines up to this length: a longer line
/// is prose, whatever words it starts with.
const MAX_BOILERPLATE_LINE: usize = 400;
/// Shorter lines ("Video", "AFP") may legitimately repeat.
const MIN_REPEAT_KEY: usize = 12;

pub(super) struct Selection {
    /// Kept lines, trimmed, as ranges of the original.
    pub kept: Vec<Range<usize>>,
    pub removed: Vec<Removal>,
    pub crawl_marker: Option<PublishedDate>,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trims a line's range of white space on both sides.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let line = &text[range.clone()];
    let start = range.start + (line.len() - line.trim_start_matches(is_space).len());
    let end = range.start + line.trim_end_matches(is_space).len();
    start..end.max(start)
}

/// The crawler's ` date YYYY-MM[-DD]` prefix of the first line, and its length.
fn crawl_marker(line: &str) -> Option<(PublishedDate, usize)> {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    let re = MARKER.get_or_init(|| Regex::new(r"^date (\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+|$)").unwrap());
    let caps = re.captures(line)?;
    let (year, month) = (caps[1].parse().ok()?, caps[2].parse().ok()?);
    let (day, precision) = match caps.get(3) {
        Some(d) => (d.as_str().parse().ok()?, DatePrecision::Day),
        None => (1, DatePrecision::Month),
    };
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some((PublishedDate { date, precision, origin: DateOrigin::CrawlMarker }, caps[0].len()))
}

/// A hash of the line's lower-case letters and digits, and how many there
/// are: equal keys spot a repeated title or paragraph. `buf` is reused.
fn repeat_key(line: &str, buf: &mut String) -> (u64, usize) {
    buf.clear();
    let mut n = 0;
    for c in line.chars().filter(|c| c.is_alphanumeric()) {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
        n += 1;
    }
    (xxhash_rust::xxh3::xxh3_64(buf.as_bytes()), n)
}

pub(super) fn select(text: &str, boilerplate: &Boilerplate) -> Selection {
    let mut selection = Selection { kept: Vec::new(), removed: Vec::new(), crawl_marker: None };
    let mut seen = HashSet::new();
    let mut key_buf = String::new();
    let mut offset = 0;
    let mut first = true;
    for raw in text.split_inclusive('\n') {
        let mut range = trim(text, offset..offset + raw.len());
        offset += raw.len();
        if range.is_empty() {
            continue;
        }
        if std::mem::take(&mut first) {
            if let Some((date, len)) = crawl_marker(&text[range.clone()]) {
                selection.crawl_marker = Some(date);
                selection.removed.push(Removal {
                    start: range.start,
                    end: range.start + len,
                    kind: RemovalKind::CrawlMarker,
                    detail: String::new(),
                });
                range = trim(text, range.start + len..range.end);
                if range.is_empty() {
                    continue;
                }
            }
        }
        let line = &text[range.clone()];
        let removal = |kind, detail: &str| Removal { start: range.start, end: range.end, kind, detail: detail.to_string() };
        if !line.chars().any(char::is_alphanumeric) {
            selection.removed.push(removal(RemovalKind::Empty, ""));
            continue;
        }
        if line.len() <= MAX_BOILERPLATE_LINE {
            if let Some(kind) = boilerplate.kind_of(line) {
                selection.removed.push(removal(RemovalKind::Boilerplate, kind));
                continue;
            }
        }
        let (key, len) = repeat_key(line, &mut key_buf);
        if len >= MIN_REPEAT_KEY && !seen.insert(key) {
            selection.removed.push(removal(RemovalKind::Repeated, ""));
            continue;
        }
        selection.kept.push(range);
    }
    selection
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Selection {
        let rule = vigie_lang::BoilerplateRule { kind: "related".into(), pattern: r"^lire aussi\s*:".into() };
        select(text, &Boilerplate::new(std::iter::once(&rule)))
    }

    #[test]
    fn marker_repeats_and_boilerplate_go() {
        let text = " date 2023-09-10 Séisme au Maroc\nSéisme au Maroc\r\n\nLire aussi : autre chose\n|\nLe bilan s'alourdit.\n";
        let s = run(text);
        let kept: Vec<_> = s.kept.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(kept, ["Séisme au Maroc", "Le bilan s'alourdit."]);
        assert_eq!(s.crawl_marker.unwrap().to_string(), "2023-09-10");
        assert_eq!(s.removed.len(), 4);
    }

    #[test]
    fn a_long_line_is_never_boilerplate() {
        let text = format!("Lire aussi : {}", "mot ".repeat(120));
        assert_eq!(run(&text).kept.len(), 1);
    }

    #[test]
    fn a_marker_only_counts_on_the_first_line() {
        let s = run("Titre\ndate 2024-11 rien");
        assert!(s.crawl_marker.is_none());
        assert_eq!(s.kept.len(), 2);
    }
}
