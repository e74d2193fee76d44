use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::DatePrecision;

macro_rules! names {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)*
                    _ => Err(format!("unknown {} {s:?}", stringify!($name).to_lowercase())),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names! {
    /// What a figure counts.
    Metric { Killed = "killed", Injured = "injured", Missing = "missing", Displaced = "displaced", Affected = "affected",
        Arrested = "arrested", Rescued = "rescued", Evacuated = "evacuated" }
}

names! {
    /// How exact a figure is: "au moins 62" is `AtLeast`.
    Qualifier { Exact = "exact", AtLeast = "at_least", MoreThan = "more_than", Nearly = "nearly", About = "about", UpTo = "up_to",
        Range = "range" }
}

names! {
    /// Who is counted.
    Group { Total = "total", Civilians = "civilians", Children = "children", Fighters = "fighters", Soldiers = "soldiers",
        Foreigners = "foreigners", Elderly = "elderly", Men = "men", Women = "women", Officers = "officers",
        Detainees = "detainees", Critical = "critical" }
}

names! {
    /// Where a figure's day comes from: its own clause, a total or tally it
    /// belongs to, or, failing both, the publication day.
    AsOfOrigin { Stated = "stated", Inherited = "inherited", Published = "published" }
}

/// One figure stated in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The article's id.
    pub article: String,
    pub metric: Metric,
    pub value: u64,
    /// Upper bound of a range ("de 60.000 à 70.000").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    pub group: Group,
    /// What caused these deaths, when the text says.
    pub cause: Option<String>,
    /// Canonical name of whoever the text attributes the figure to; `None` when the outlet speaks in its own voice.
    pub source: Option<String>,
    /// A stable key for the source (lower-case canonical name).
    pub source_id: Option<String>,
    /// What a person who speaks stands for, when the text says ("Guerrero state government").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_org: Option<String>,
    /// The speaker as written in the original text, and its byte offsets there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_end: Option<usize>,
    /// The sub-area the figure is restricted to, as written ("Paktika province"); `None` for the whole event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The day the count refers to.
    pub as_of: Option<NaiveDate>,
    pub as_of_precision: Option<DatePrecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_origin: Option<AsOfOrigin>,
    /// The clause that states the figure, from the original text.
    pub quote: String,
    /// Byte offsets of `quote` in the original text.
    pub start: usize,
    pub end: usize,
    pub lang: Option<String>,
    /// Index (in the article's figures) of the total this figure is a part of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    /// Set when the figure is not a count of this event as stated: a feared estimate, a previous toll.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
