//! From inputs to clean articles.
//!
//! The flow, one module per step:
//! 1. [`read`]: expand inputs (files, folders, JSONL manifests, HTML, RSS/Atom,
//!    stdin, URLs through [`fetch`]) into [`Document`]s, decoding bytes with [`decode`];
//! 2. [`clean`]: drop boilerplate and repeats, normalise characters, repair
//!    glued words, keeping an offset map back to the original;
//! 3. language (`vigie_lang::detect`) and [`published`]: publication date;
//! 4. [`fingerprint`]: exact and near-duplicate signatures.
//!
//! Errors name the input they come from, so one bad file never stops a batch.

pub mod clean;
pub mod decode;
pub mod fetch;
pub mod fingerprint;
pub mod published;
pub mod read;

mod error;

pub use clean::Cleaner;
pub use error::InputError;
pub use read::{plan, Event, ReadOptions, Reader, Source};
pub use vigie_model::{Article, Document};
