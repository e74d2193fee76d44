//! Why a figure was read as it was: the rule that made it a figure, the
//! speeches considered for its source and the dates for its day. This is
//! how one debugs extraction on news nobody here has read.

use crate::figures::{Found, RawFigure, When};
use crate::speakers::{Attribution, Evidence, Speech};
use serde::Serialize;
use vigie_model::AsOfOrigin;

/// The reasons behind one figure.
#[derive(Clone, Debug, Serialize)]
pub struct Why {
    /// The rule that made the number a figure.
    pub rule: String,
    /// The sentence it stands in.
    pub sentence: String,
    /// How the source was chosen, or why there is none.
    pub source: String,
    /// The speeches of its paragraph: cue, how the cue reached its speaker, the speaker as written, its label.
    pub speeches: Vec<String>,
    /// How the day was chosen.
    pub as_of: String,
    /// The date expressions of its sentence.
    pub dates: Vec<String>,
}

impl Why {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        text: &str,
        found: &Found,
        speeches: &[Speech],
        f: &RawFigure,
        source: Option<&Attribution>,
        shares_total: bool,
        as_of: Option<(chrono::NaiveDate, AsOfOrigin)>,
        other_event: bool,
    ) -> Why {
        let sentence = found.sentences.get(f.sentence).cloned().unwrap_or(0..0);
        let paragraph = crate::speakers::paragraph_of(text, found, f.number.start);
        let (paragraph_start, paragraph_end) = (paragraph.start, paragraph.end);
        let considered = speeches
            .iter()
            .filter(|s| s.cue.start >= paragraph_start && s.cue.start < paragraph_end)
            .map(|s| format!("{:?} ({}) -> {:?} = {}", &text[s.cue.clone()], s.how, &text[s.span.clone()], s.label))
            .collect();
        let source = match (other_event, source) {
            (true, _) => "none: another event's figure".to_string(),
            (false, None) => "none: no speech covers it and none precedes it in its paragraph (the outlet's own voice)".to_string(),
            (false, Some(a)) => {
                let how = match a.evidence {
                    Evidence::Covered => "a speech covers its sentence or quotation",
                    Evidence::Paragraph => "the last speaker of its paragraph",
                    Evidence::Carried => "no speaker in its paragraph: the last speaker of the paragraph before",
                    Evidence::Lede => "a headline or lede before any attribution: the first speaker, shortly after",
                    Evidence::Article => "no one speaks for it: the speaker a paragraph of its own credits the article to",
                    Evidence::Official => "said to be official, and no one speaks for it: the institution the phrase names",
                };
                let from_total = if shares_total { ", shared with the total it breaks down" } else { "" };
                format!("{:?} ({how}{from_total})", a.label)
            }
        };
        let as_of = match as_of {
            None => "none".to_string(),
            Some((d, AsOfOrigin::Stated)) => format!("{d}: stated in its sentence or another mention of it"),
            Some((d, AsOfOrigin::Inherited)) => format!("{d}: inherited from its total or the tally before it"),
            Some((d, AsOfOrigin::Published)) => format!("{d}: the publication day"),
        };
        let dates = found
            .dates
            .iter()
            .filter(|d| d.sentence == f.sentence)
            .map(|d| {
                let what = match d.when {
                    When::Weekday(w) => format!("weekday {w}"),
                    When::LastWeekday(w) => format!("last weekday {w}"),
                    When::Relative(n) => format!("{n:+} days"),
                    When::DayMonth { day, month, year } => format!("{day}/{month}{}", year.map_or(String::new(), |y| format!("/{y}"))),
                };
                let role = if d.since { " (starts a period or dates the event: not the count's day)" } else { "" };
                format!("{what} at {:?}{role}", text[d.at..].chars().take(20).collect::<String>())
            })
            .collect();
        Why { rule: f.rule.to_string(), sentence: text[sentence].to_string(), source, speeches: considered, as_of, dates }
    }

    /// A figure read from a link to another article.
    pub(crate) fn related_link() -> Why {
        Why {
            rule: "a figure in a link to another article".to_string(),
            sentence: String::new(),
            source: "none: a related-article link".to_string(),
            speeches: Vec::new(),
            as_of: "none".to_string(),
            dates: Vec::new(),
        }
    }
}
