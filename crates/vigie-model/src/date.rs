use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How much of a date is known. A crawl marker such as ` date 2024-11` only
/// fixes the month; later stages must not resolve "vendredi" against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

/// Where a publication date was found, from the most to the least trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// Given with the input: a manifest field, an HTML meta tag, a feed item.
    Metadata,
    /// A date path in the URL (`/2024/11/30/`).
    Url,
    /// The crawler's ` date YYYY-MM[-DD]` first line (can be wrong).
    CrawlMarker,
    /// A date written in the article ("ce samedi 30 novembre").
    Text,
}

/// A publication date with its precision and provenance. With a precision
/// coarser than a day, `date` is the first day of the month or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub origin: DateOrigin,
}

impl PublishedDate {
    pub fn day(date: NaiveDate, origin: DateOrigin) -> Self {
        PublishedDate { date, precision: DatePrecision::Day, origin }
    }

    /// The day, when the date is known to the day.
    pub fn exact_day(&self) -> Option<NaiveDate> {
        (self.precision == DatePrecision::Day).then_some(self.date)
    }
}

impl fmt::Display for PublishedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Day => write!(f, "{}", self.date.format("%Y-%m-%d")),
            DatePrecision::Month => write!(f, "{}", self.date.format("%Y-%m")),
            DatePrecision::Year => write!(f, "{}", self.date.format("%Y")),
        }
    }
}

impl fmt::Display for DatePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DatePrecision::Year => "year",
            DatePrecision::Month => "month",
            DatePrecision::Day => "day",
        })
    }
}

impl fmt::Display for DateOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOrigin::Metadata => "metadata",
            DateOrigin::Url => "url",
            DateOrigin::CrawlMarker => "crawl_marker",
            DateOrigin::Text => "text",
        })
    }
}

impl std::str::FromStr for DatePrecision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "year" => Ok(DatePrecision::Year),
            "month" => Ok(DatePrecision::Month),
            "day" => Ok(DatePrecision::Day),
            _ => Err(format!("unknown date precision {s:?}")),
        }
    }
}

impl std::str::FromStr for DateOrigin {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "metadata" => Ok(DateOrigin::Metadata),
            "url" => Ok(DateOrigin::Url),
            "crawl_marker" => Ok(DateOrigin::CrawlMarker),
            "text" => Ok(DateOrigin::Text),
            _ => Err(format!("unknown date origin {s:?}")),
        }
    }
}
