//! Tuning knobs of extraction, in words, gathered in one place.

/// The most words between an attribution cue and the phrase it governs:
/// room for an adverb, a day and an article ("a indiqué lundi le directeur du service régional des secours de X, NAME").
pub const SPEAKER_REACH_WORDS: usize = 10;

/// The most words of a role in apposition between a subject and its verb:
/// "NAME, head of the emergency team of the province of X, said".
pub const APPOSITION_REACH_WORDS: usize = 16;

/// The most lower-case words between a complement's "of" and the body it names,
/// when that body qualifies a named one before it: "Office of X of the county government".
pub const COMPLEMENT_MODIFIER_WORDS: usize = 2;

/// A reporting verb with no subject of its own ("..., precisó.") goes on with
/// the last speaker if that one spoke at most this many sentences before.
pub const SUBJECTLESS_REACH_SENTENCES: usize = 3;

/// A headline or lede that names no source takes the first speaker when at
/// most this many sentences stand between them (0: the very next sentence).
pub const LEDE_GAP_SENTENCES: usize = 0;

/// A paragraph in another language than its article's is read with that
/// language's rules when it holds at least this many words and a digit...
pub const FOREIGN_PARAGRAPH_WORDS: usize = 8;
/// ... and the language detector is at least this sure of it.
pub const FOREIGN_PARAGRAPH_CONFIDENCE: f64 = 0.9;
/// A paragraph where one word in this many is a function word of the
/// article's language (among its most frequent words) is in that language.
pub const OWN_FUNCTION_WORDS_IN: usize = 6;
/// How frequent a word must be to count as a function word.
pub const FUNCTION_WORD_RANK: u32 = 100;

/// A figure in a paragraph that names no speaker takes the last speaker of
/// the paragraphs before it, at most this many line breaks back.
pub const CARRY_PARAGRAPHS: usize = 1;

/// An earlier toll takes a date only when it is written this close to it
/// ("the previous toll, given on Saturday, was 30"); a date farther off in
/// its sentence is the day of the report that revises it.
pub const PREVIOUS_DATE_WORDS: usize = 5;

/// A date is the event's own, not a count's, when a since-word or an event
/// verb stands at most this many tokens before it with no count between
/// ("la frappe qui a touché un immeuble du centre de la ville ce samedi").
pub const EVENT_DATE_REACH_TOKENS: usize = 16;

/// The most words of a medium named between a reporting verb and its
/// inverted subject: "a précisé sur la messagerie Telegram NAME", "en su canal de Telegram".
pub const MEDIUM_WORDS: usize = 4;

/// A post's signature on a line of its own ("— Name (@handle) June 22, 2022")
/// closes at most this many lines of the post above it.
pub const POST_LINES: usize = 2;

/// A bare title after a cue ("según el ministro") is the person last named
/// with it, the title standing at most this many words from the name.
pub const TITLE_REACH_WORDS: usize = 6;
/// ... looking back over at most this many persons named before it.
pub const TITLE_PERSONS_BACK: usize = 16;

/// The most words of a role's place between the role and the name after it.
pub const ROLE_PLACE_WORDS: usize = 6;
