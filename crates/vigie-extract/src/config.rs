//! Tuning knobs of extraction, in words, gathered in one place.

/// The most words between an attribution cue and the phrase it governs:
/// room for an adverb, a day and an article ("a annoncé samedi le service de presse du ...").
pub const SPEAKER_REACH_WORDS: usize = 8;
