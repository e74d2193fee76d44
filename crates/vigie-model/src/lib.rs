//! Vigie's data model: the types every stage of the pipeline reads or writes.
//!
//! Data flows one way: a reader turns an input into a [`Document`] (the original
//! text and whatever metadata came with it); cleaning turns a `Document` into an
//! [`Article`] (clean text, an [`OffsetMap`] back to the original, language,
//! publication date, fingerprint); later stages extract figures and stories
//! from articles. Nothing here does I/O.

mod article;
mod date;
mod figure;
mod offsets;

pub use article::{Article, Document, Removal, RemovalKind};
pub use date::{DateOrigin, DatePrecision, PublishedDate};
pub use figure::{AsOfOrigin, Figure, Group, Metric, Qualifier};
pub use offsets::{OffsetMap, OffsetMapBuilder};
