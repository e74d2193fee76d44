//! Sentence boundaries in clean text. A full stop ends a sentence unless it
//! ends an abbreviation of the article's language ("M.", "gén.", "Dr.") or
//! an initial ("J."); a line break always does.

use std::ops::Range;

/// The sentences of `text`, as byte ranges, trimmed.
pub fn sentences(text: &str, abbreviations: &[String]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(s + lead..s + lead + trimmed.len());
        }
    };
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push(start, i, &mut out);
            start = i + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let end = i + c.len_utf8();
        // A boundary needs a space and then something that can start a sentence.
        if bytes.get(end) != Some(&b' ') {
            continue;
        }
        let next = text[end + 1..].chars().next();
        if !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '(' | '-' | '\'')) {
            continue;
        }
        if c == '.' {
            let word_start = text[..i].rfind(|ch: char| ch.is_whitespace() || ch == '(').map_or(0, |p| p + 1);
            let word = &text[word_start..end];
            let initial = word.chars().count() == 2 && word.starts_with(char::is_uppercase);
            if initial || abbreviations.iter().any(|a| a == word) {
                continue;
            }
        }
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_stops_but_not_abbreviations() {
        let abbreviations = vec!["M.".to_string(), "gén.".to_string()];
        let text = "Le gén. Dupont et M. Martin sont arrivés. Le bilan : 12 morts ! J. Doe a parlé.\nDeuxième ligne";
        let got: Vec<_> = sentences(text, &abbreviations).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["Le gén. Dupont et M. Martin sont arrivés.", "Le bilan : 12 morts !", "J. Doe a parlé.", "Deuxième ligne"]);
    }

    #[test]
    fn decimals_and_lower_case_continuations_do_not_split() {
        let text = "Il a reçu 1.5 million. et puis rien";
        assert_eq!(sentences(text, &[]).len(), 1);
    }
}
