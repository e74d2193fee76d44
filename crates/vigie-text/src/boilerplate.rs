//! Boilerplate lines by pattern: related-article links, share buttons,
//! bylines, photo credits, of every language.

use regex::{Regex, RegexBuilder};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
