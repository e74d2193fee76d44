use crate::{OffsetMap, PublishedDate};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// An article as a reader found it: the original text and whatever metadata
/// came with the input. Offsets everywhere in Vigie point into `text`.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The input's own id (manifest `id`), else the file stem or a hash of the URL.
    pub id: String,
    /// Where it came from, for messages and provenance: a path, `path:line`, a URL.
    pub origin: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// A title given by the input (manifest, HTML `<title>`, feed item).
    pub title: Option<String>,
    /// A publication date given by the input's metadata.
    pub published: Option<PublishedDate>,
    /// A language declared by the input (ISO 639-1).
    pub lang: Option<String>,
    /// The original text, decoded to UTF-8.
    pub text: String,
}

/// Why cleaning removed a span of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    /// The crawler's ` date YYYY-MM` first line.
    CrawlMarker,
    /// A title or paragraph already seen earlier in the article.
    Repeated,
    /// A boilerplate line; the string is the data file's `kind` (related, social, ...).
    Boilerplate,
    /// An empty or punctuation-only line.
    Empty,
}

/// A span of the original text that cleaning dropped, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub start: usize,
    pub end: usize,
    pub kind: RemovalKind,
    /// The data file's label for boilerplate (`related`, `social`, ...), empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// A cleaned article, ready for extraction.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    pub origin: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// ISO 639-1 code, declared or detected; `None` when no supported language fits.
    pub lang: Option<String>,
    pub published: Option<PublishedDate>,
    /// The original text (offsets point here).
    pub original: String,
    /// The cleaned text: boilerplate removed, characters normalised, paragraphs joined by `\n`.
    pub text: String,
    pub offsets: OffsetMap,
    pub removed: Vec<Removal>,
    /// Hash of the normalised text: equal hashes mean the same article.
    pub text_hash: u64,
    /// MinHash signature of the text's word shingles, for near-duplicate detection.
    pub minhash: Vec<u32>,
}

impl Article {
    /// The original span behind a cleaned span.
    pub fn original_span(&self, clean: Range<usize>) -> Range<usize> {
        self.offsets.to_original(clean)
    }
}
