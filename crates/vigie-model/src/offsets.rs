//! Offsets from cleaned text back to the original.
//!
//! Figures are found in the cleaned text but quoted from the original, so every
//! cleaning step records where each piece of its output came from. The cleaned
//! text is a sequence of runs: verbatim copies of an original span, and
//! replacements (a normalised quote, a collapsed space, an inserted space) that
//! stand for a whole original span.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    clean: u32,
    clean_len: u32,
    orig: u32,
    orig_len: u32,
    verbatim: bool,
}

/// A map from byte offsets in cleaned text to byte offsets in the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<Run>,
}

impl OffsetMap {
    /// The original span that produced the cleaned span `range`.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.start(range.start);
        let end = if range.end > range.start { self.end(range.end) } else { start };
        start..end.max(start)
    }

    fn run_at(&self, clean: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.clean as usize <= clean);
        i.checked_sub(1).map(|i| &self.runs[i])
    }

    fn start(&self, clean: usize) -> usize {
        match self.run_at(clean) {
            None => 0,
            Some(r) if clean >= (r.clean + r.clean_len) as usize => (r.orig + r.orig_len) as usize,
            Some(r) if r.verbatim => r.orig as usize + (clean - r.clean as usize),
            Some(r) => r.orig as usize,
        }
    }

    fn end(&self, clean: usize) -> usize {
        match self.run_at(clean - 1) {
            None => 0,
            Some(r) if r.verbatim => (r.orig as usize + (clean - r.clean as usize)).min((r.orig + r.orig_len) as usize),
            Some(r) => (r.orig + r.orig_len) as usize,
        }
    }

    /// A compact byte encoding for storage: five little-endian `u32` per run.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.runs.len() * 20);
        for r in &self.runs {
            for v in [r.clean, r.clean_len, r.orig, r.orig_len, r.verbatim as u32] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Decodes [`OffsetMap::to_bytes`]; `None` when the bytes are not such an encoding.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if !bytes.len().is_multiple_of(20) {
            return None;
        }
        let word = |c: &[u8], i: usize| u32::from_le_bytes(c[i * 4..i * 4 + 4].try_into().unwrap());
        let runs = bytes
            .chunks_exact(20)
            .map(|c| Run { clean: word(c, 0), clean_len: word(c, 1), orig: word(c, 2), orig_len: word(c, 3), verbatim: word(c, 4) != 0 })
            .collect();
        Some(OffsetMap { runs })
    }
}

/// Builds cleaned text and its [`OffsetMap`] together, so they cannot disagree.
pub struct OffsetMapBuilder<'a> {
    original: &'a str,
    text: String,
    runs: Vec<Run>,
}

impl<'a> OffsetMapBuilder<'a> {
    pub fn new(original: &'a str) -> Self {
        OffsetMapBuilder { original, text: String::with_capacity(original.len()), runs: Vec::new() }
    }

    /// The cleaned text written so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends the original span `range` unchanged.
    pub fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let clean = self.text.len() as u32;
        self.text.push_str(&self.original[range.clone()]);
        let (orig, len) = (range.start as u32, range.len() as u32);
        if let Some(last) = self.runs.last_mut() {
            if last.verbatim && last.clean + last.clean_len == clean && last.orig + last.orig_len == orig {
                last.clean_len += len;
                last.orig_len += len;
                return;
            }
        }
        self.runs.push(Run { clean, clean_len: len, orig, orig_len: len, verbatim: true });
    }

    /// Appends `replacement` standing for the original span `range` (which may be empty, for an insertion).
    pub fn replace(&mut self, range: Range<usize>, replacement: &str) {
        if replacement.is_empty() {
            return;
        }
        let clean = self.text.len() as u32;
        self.text.push_str(replacement);
        self.runs.push(Run {
            clean,
            clean_len: replacement.len() as u32,
            orig: range.start as u32,
            orig_len: range.len() as u32,
            verbatim: false,
        });
    }

    /// Removes trailing characters in `chars` from the cleaned text.
    pub fn trim_end_matches(&mut self, chars: &[char]) {
        while let Some(c) = self.text.chars().next_back() {
            if !chars.contains(&c) {
                break;
            }
            let new_len = self.text.len() - c.len_utf8();
            self.text.truncate(new_len);
            while let Some(last) = self.runs.last_mut() {
                if last.clean as usize >= new_len {
                    self.runs.pop();
                } else {
                    let keep = new_len as u32 - last.clean;
                    if last.verbatim {
                        last.orig_len = keep;
                    }
                    last.clean_len = keep;
                    break;
                }
            }
        }
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, OffsetMap { runs: self.runs })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_copies_map_byte_for_byte() {
        let original = "  Alep: 311 morts.";
        let mut b = OffsetMapBuilder::new(original);
        b.copy(2..18);
        let (text, map) = b.finish();
        assert_eq!(text, "Alep: 311 morts.");
        let at = text.find("311").unwrap();
        assert_eq!(&original[map.to_original(at..at + 3)], "311");
    }

    #[test]
    fn replacements_map_to_the_whole_original_span() {
        let original = "l\u{2019}OSDH a\u{a0}dit";
        let mut b = OffsetMapBuilder::new(original);
        b.copy(0..1);
        b.replace(1..4, "'");
        b.copy(4..10);
        b.replace(10..12, " ");
        b.copy(12..15);
        let (text, map) = b.finish();
        assert_eq!(text, "l'OSDH a dit");
        assert_eq!(&original[map.to_original(0..6)], "l\u{2019}OSDH");
        assert_eq!(&original[map.to_original(7..12)], "a\u{a0}dit");
    }

    #[test]
    fn bytes_round_trip() {
        let original = "a  b";
        let mut b = OffsetMapBuilder::new(original);
        b.copy(0..1);
        b.replace(1..3, " ");
        b.copy(3..4);
        let (_, map) = b.finish();
        assert_eq!(OffsetMap::from_bytes(&map.to_bytes()), Some(map));
        assert_eq!(OffsetMap::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn trimming_keeps_the_map_consistent() {
        let original = "abc  ";
        let mut b = OffsetMapBuilder::new(original);
        b.copy(0..5);
        b.trim_end_matches(&[' ']);
        let (text, map) = b.finish();
        assert_eq!(text, "abc");
        assert_eq!(map.to_original(0..3), 0..3);
    }
}
