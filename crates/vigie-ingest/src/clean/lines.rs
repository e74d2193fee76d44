//! Which lines of the original text are article text.

use regex::{Regex, RegexBuilder};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use vigie_model::{DateOrigin, DatePrecision, PublishedDate, Removal, RemovalKind};

/// Boilerplate patterns are tried on lines up to this length: a longer line
/// is prose, whatever words it starts with.
const MAX_BOILERPLATE_LINE: usize = 400;
/// Shorter lines ("Video", "AFP") may legitimately repeat.
const MIN_REPEAT_KEY: usize = 12;

/// The boilerplate patterns of every language, each compiled on its own.
/// Anchored, they reject a prose line within a few bytes; combined into one
/// set, their Unicode classes and length bounds overflow the lazy DFA and
/// matching falls back to a slow NFA simulation.
pub struct Boilerplate {
    rules: Vec<Rule>,
    /// Words each pattern cannot match without ("lire", "photo"), found in
    /// one pass: a line runs only the patterns whose words it contains.
    required: aho_corasick::AhoCorasick,
    /// For each word of `required`, the patterns that need it.
    needed_by: Vec<Vec<usize>>,
    /// Patterns without such a word, as a bit set: they run on every line.
    always_mask: [u64; MAX_RULES / 64],
}

struct Rule {
    regex: Regex,
    kind: String,
    /// The longest line, in characters, the pattern can match; `None` when unbounded.
    max_chars: Option<usize>,
}

/// Boilerplate patterns of all languages together at most: the candidate
/// set of a line is a bit set on the stack, not an allocation per line.
const MAX_RULES: usize = 512;

/// Literals shorter than this say too little about a line to skip patterns.
const MIN_REQUIRED_LITERAL: usize = 3;

/// Lower-case ASCII literals one of which every match of `hir` contains
/// (parsed without case folding; matched ignoring ASCII case). `None` when
/// no such set is known.
fn required_literals(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Literal(lit) => {
            // Its longest ASCII run: "précédent" cannot match without "dent".
            let text = String::from_utf8(lit.0.to_vec()).ok()?;
            let run = text.split(|c: char| !c.is_ascii()).max_by_key(|r| r.len())?;
            (run.len() >= MIN_REQUIRED_LITERAL).then(|| vec![run.to_ascii_lowercase()])
        }
        HirKind::Capture(cap) => required_literals(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required_literals(&rep.sub),
        HirKind::Concat(subs) => {
            // The most selective member: the set whose shortest literal is longest.
            subs.iter().filter_map(required_literals).max_by_key(|set| set.iter().map(String::len).min().unwrap_or(0))
        }
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                all.extend(required_literals(sub)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// Runs of white space wider than this are not expected inside one boilerplate line.
const MAX_SPACE_RUN: usize = 8;

/// The most characters `hir` can match. White-space repetitions (`\s*`) count
/// as [`MAX_SPACE_RUN`], so that most patterns stay bounded and long prose
/// lines skip them without running them.
fn max_chars(hir: &regex_syntax::hir::Hir) -> Option<usize> {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => Some(String::from_utf8_lossy(&lit.0).chars().count()),
        HirKind::Class(_) => Some(1),
        HirKind::Repetition(rep) => {
            let spaces = matches!(rep.sub.kind(), HirKind::Class(Class::Unicode(c)) if c.iter().all(|r| r.start().is_whitespace() && r.end().is_whitespace()));
            let times = match rep.max {
                Some(max) => max as usize,
                None if spaces => MAX_SPACE_RUN,
                None => return None,
            };
            max_chars(&rep.sub).map(|m| m * times)
        }
        HirKind::Capture(cap) => max_chars(&cap.sub),
        HirKind::Concat(subs) => subs.iter().map(max_chars).sum(),
        HirKind::Alternation(subs) => subs.iter().map(max_chars).collect::<Option<Vec<_>>>().map(|v| v.into_iter().max().unwrap_or(0)),
    }
}

impl Boilerplate {
    pub fn new<'a>(rules: impl Iterator<Item = &'a vigie_lang::BoilerplateRule>) -> Self {
        let mut compiled: Vec<Rule> = Vec::new();
        for rule in rules {
            // "^.*X$" means "X$": searched backwards from the line's end, it
            // costs the length of X instead of a scan of the whole line.
            let pattern = rule.pattern.strip_prefix("^.*").unwrap_or(&rule.pattern);
            if compiled.iter().any(|r| r.regex.as_str() == pattern) {
                continue;
            }
            let fail = |e: &dyn std::fmt::Display| -> ! { panic!("boilerplate pattern {:?} in lang/*/cleaning.toml: {e}", rule.pattern) };
            let regex = RegexBuilder::new(pattern).case_insensitive(true).build().unwrap_or_else(|e| fail(&e));
            let hir = regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(pattern).unwrap_or_else(|e| fail(&e));
            // A bound on the match bounds the line only when the pattern must reach its end.
            let to_the_end = hir.properties().look_set_suffix().contains(regex_syntax::hir::Look::End);
            compiled.push(Rule { regex, kind: rule.kind.clone(), max_chars: max_chars(&hir).filter(|_| to_the_end) });
        }
        let mut words: Vec<String> = Vec::new();
        let mut needed_by: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (i, rule) in compiled.iter().enumerate() {
            let literal = regex_syntax::ParserBuilder::new().build().parse(rule.regex.as_str()).ok().and_then(|h| required_literals(&h));
            match literal {
                Some(set) => {
                    for word in set {
                        match words.iter().position(|w| *w == word) {
                            Some(at) => needed_by[at].push(i),
                            None => {
                                words.push(word);
                                needed_by.push(vec![i]);
                            }
                        }
                    }
                }
                None => always.push(i),
            }
        }
        let required = aho_corasick::AhoCorasickBuilder::new().ascii_case_insensitive(true).build(&words).expect("literals compile");
        assert!(compiled.len() <= MAX_RULES, "more than {MAX_RULES} boilerplate patterns in lang/*/cleaning.toml");
        let mut always_mask = [0u64; MAX_RULES / 64];
        for i in always {
            always_mask[i / 64] |= 1 << (i % 64);
        }
        Boilerplate { rules: compiled, required, needed_by, always_mask }
    }

    /// The kind of boilerplate `line` is (related, social, ...), if it is.
    pub fn kind_of(&self, line: &str) -> Option<&str> {
        // Candidates as a bit set, walked in file order: the first pattern that matches wins.
        let mut candidates = self.always_mask;
        for m in self.required.find_overlapping_iter(line) {
            for &i in &self.needed_by[m.pattern().as_usize()] {
                candidates[i / 64] |= 1 << (i % 64);
            }
        }
        let chars = line.chars().count();
        for (w, mut bits) in candidates.into_iter().enumerate() {
            while bits != 0 {
                let i = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let rule = &self.rules[i];
                if rule.max_chars.is_none_or(|m| chars <= m) && rule.regex.is_match(line) {
                    return Some(&rule.kind);
                }
            }
        }
        None
    }
}

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
    fn pattern_lengths_bound_the_lines_they_are_tried_on() {
        let parse = |p: &str| max_chars(&regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(p).unwrap());
        assert_eq!(parse(r"^lire\s*:\s*.{0,20}$"), Some(4 + 8 + 1 + 8 + 20));
        assert_eq!(parse(r"^(à|au)\s+voir$"), Some(2 + 8 + 4));
        assert_eq!(parse(r"x.*$"), None);
    }

    #[test]
    fn required_words_are_those_every_match_contains() {
        let parse = |p: &str| required_literals(&regex_syntax::ParserBuilder::new().build().parse(p).unwrap());
        assert_eq!(parse(r"^(lire|voir)\s+aussi\b"), Some(vec!["aussi".to_string()]));
        assert_eq!(parse(r"^(read|see)\s+more"), Some(vec!["more".to_string()]));
        assert_eq!(parse(r"^(à|a)\s+(lire|voir)"), Some(vec!["lire".to_string(), "voir".to_string()]));
        assert_eq!(parse(r"^\d+\s*h\s*\d*$"), None);
    }

    #[test]
    fn most_shipped_patterns_are_gated_by_a_word() {
        let all = Boilerplate::new(vigie_lang::Languages::get().all().iter().flat_map(|l| l.cleaning.boilerplate.iter()));
        let always: u32 = all.always_mask.iter().map(|w| w.count_ones()).sum();
        assert!(always as usize * 2 < all.rules.len(), "{always} of {} patterns run on every line", all.rules.len());
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
