//! Extraction: from a clean article to its figures, entities and places.
//!
//! [`numbers`] reads numbers written in digits or words.

pub mod numbers;
