//! Character normalisation of one kept line, written through the offset builder.

use super::glue::Glue;
use std::ops::Range;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use vigie_model::OffsetMapBuilder;

/// What a character becomes in clean text. `None`: kept as is.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{00b4}' | '\u{2032}' => "'",
        '\u{00ab}' | '\u{00bb}' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => "\"",
        // Invisible characters scraping leaves behind.
        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => "",
        _ => return None,
    })
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Writes the normalised form of `original[range]` to `out`.
pub(super) fn normalize(out: &mut OffsetMapBuilder, original: &str, range: Range<usize>, glue: &mut Glue) {
    let line = &original[range.clone()];
    let base = range.start;
    let mut pos = 0;
    while pos < line.len() {
        let rest = &line[pos..];
        let first = rest.chars().next().unwrap();
        if is_space(first) {
            let len = rest.find(|c: char| !is_space(c)).unwrap_or(rest.len());
            let after = rest[len..].chars().next();
            // No space inside guillemets: «  vaste attaque » reads "vaste attaque".
            let out_text = out.text();
            let after_open_quote = line[..pos].ends_with('\u{00ab}') && out_text.ends_with('"');
            if after_open_quote || after == Some('\u{00bb}') {
            } else if &rest[..len] == " " {
                out.copy(base + pos..base + pos + len);
            } else {
                out.replace(base + pos..base + pos + len, " ");
            }
            pos += len;
            continue;
        }
        let len = rest.find(is_space).unwrap_or(rest.len());
        word(out, original, base + pos..base + pos + len, glue);
        pos += len;
    }
}

/// One run of non-space characters.
fn word(out: &mut OffsetMapBuilder, original: &str, range: Range<usize>, glue: &mut Glue) {
    let w = &original[range.clone()];
    if is_nfc_quick(w.chars()) != IsNormalized::Yes {
        let composed: String = w.nfc().map(|c| replacement(c).map_or(c.to_string(), str::to_string)).collect();
        out.replace(range, &composed);
        return;
    }
    let splits = glue.split_points(w);
    let mut verbatim_from = 0;
    let mut splits = splits.iter().peekable();
    for (i, c) in w.char_indices() {
        if splits.peek() == Some(&&i) {
            splits.next();
            out.copy(range.start + verbatim_from..range.start + i);
            out.replace(range.start + i..range.start + i, " ");
            verbatim_from = i;
        }
        if let Some(r) = replacement(c) {
            out.copy(range.start + verbatim_from..range.start + i);
            out.replace(range.start + i..range.start + i + c.len_utf8(), r);
            verbatim_from = i + c.len_utf8();
        }
    }
    out.copy(range.start + verbatim_from..range.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = OffsetMapBuilder::new(s);
        let mut glue = Glue::new(s, None);
        normalize(&mut out, s, 0..s.len(), &mut glue);
        out.finish().0
    }

    #[test]
    fn quotes_apostrophes_and_spaces() {
        assert_eq!(norm("l\u{2019}ONG parle d\u{2019}une \u{ab}\u{a0}vaste attaque\u{a0}\u{bb}"), "l'ONG parle d'une \"vaste attaque\"");
        assert_eq!(norm("14\u{202f}000  morts\t\tet"), "14 000 morts et");
        assert_eq!(norm("soft\u{ad}hyphen"), "softhyphen");
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(norm("e\u{301}vacue\u{301}s"), "évacués");
    }
}
