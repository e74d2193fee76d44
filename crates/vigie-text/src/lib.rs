//! Text shapes that cleaning and extraction read the same way: where the
//! sentences of a clean text are, which lines are boilerplate, and a
//! case-folded copy whose matches map back to the text, and the one
//! whole-word matcher every word list goes through. Both the
//! ingester (which removes boilerplate) and the extractor (which marks a
//! related-article link left inside a paragraph) use them, so the
//! extractor needs none of the ingester's readers, HTTP or HTML parsers.

mod boilerplate;
mod fold;
mod phrases;
mod sentences;

pub use boilerplate::Boilerplate;
pub use fold::Folded;
pub use phrases::{PhraseMatch, Phrases};
pub use sentences::sentences;
