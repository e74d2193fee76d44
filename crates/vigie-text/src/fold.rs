//! Case folding that keeps offsets: a lower-cased copy of a text, matched
//! instead of it, with every position mapped back. "États-Unis", "À au
//! moins", "Égypte" then match lexicon entries written in lower case, which
//! ASCII-only case folding misses.

use std::borrow::Cow;
use std::ops::Range;

/// A lower-cased copy of a text and the way back to the text's offsets.
pub struct Folded<'a> {
    text: Cow<'a, str>,
    /// For each byte of the copy (and its end), the offset of the character it came from;
    /// `None` when lower-casing kept every character's length, so offsets are the same.
    map: Option<Vec<usize>>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Self {
        if !original.chars().any(char::is_uppercase) {
            return Folded { text: Cow::Borrowed(original), map: None };
        }
        let mut text = String::with_capacity(original.len());
        let mut same_lengths = true;
        for c in original.chars() {
            let before = text.len();
            text.extend(c.to_lowercase());
            same_lengths &= text.len() - before == c.len_utf8();
        }
        if same_lengths {
            return Folded { text: Cow::Owned(text), map: None };
        }
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut lowered = String::new();
        for (at, c) in original.char_indices() {
            lowered.clear();
            lowered.extend(c.to_lowercase());
            map.extend(std::iter::repeat_n(at, lowered.len()));
        }
        map.push(original.len());
        Folded { text: Cow::Owned(text), map: Some(map) }
    }

    /// The lower-cased copy, to match against.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The range of the original text that `range` of the copy came from.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        match &self.map {
            None => range,
            Some(map) => map[range.start]..map[range.end],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_capitals_fold_and_offsets_hold() {
        let text = "Selon les États-Unis, À Paris";
        let f = Folded::new(text);
        assert_eq!(f.text(), "selon les états-unis, à paris");
        let at = f.text().find("états-unis").unwrap();
        assert_eq!(&text[f.original(at..at + "états-unis".len())], "États-Unis");
    }

    #[test]
    fn a_capital_that_lowers_longer_maps_back() {
        // "İ" (2 bytes) lowers to "i̇" (3 bytes).
        let text = "İzmir: 12 morts";
        let f = Folded::new(text);
        let at = f.text().find("12").unwrap();
        assert_eq!(&text[f.original(at..at + 2)], "12");
        let whole = f.original(0..f.text().len());
        assert_eq!(&text[whole], text);
    }
}
