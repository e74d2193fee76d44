//! Exports: stories and their claims as JSON or JSON Lines, claims as CSV in
//! the layout of event datasets (ACLED, UCDP: one row per claim with date,
//! place, coordinates, actors, metric, low/best/high, sources), and the
//! stories' places with their figures as GeoJSON.

use crate::report::{report, ReportError, StoryReport};
use serde_json::json;
use vigie_extract::Extractor;
use vigie_store::Store;
use vigie_stories::reconcile::Scope;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    GeoJson,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "geojson" => Some(Format::GeoJson),
            _ => None,
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Jsonl => "application/x-ndjson",
            Format::Csv => "text/csv; charset=utf-8",
            Format::GeoJson => "application/geo+json",
        }
    }
}

/// The columns of the CSV export.
const CSV_COLUMNS: &[&str] = &[
    "story",
    "story_title",
    "date",
    "metric",
    "group",
    "value",
    "qualifier",
    "low",
    "best",
    "high",
    "change",
    "source",
    "place",
    "country",
    "latitude",
    "longitude",
    "actors",
    "reports",
    "independent_reports",
    "articles",
    "quote",
];

/// Quotes a CSV field when it needs it (RFC 4180). A text cell that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) is opened by an apostrophe, which spreadsheets show as text;
/// numbers, negative ones included, are left as they are.
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Exports one story, or every story.
pub fn export(store: &Store, extractor: &Extractor, format: Format, story: Option<&str>) -> Result<String, ReportError> {
    let ids: Vec<String> = match story {
        Some(id) => vec![id.to_string()],
        None => store.stories()?.into_iter().map(|s| s.id).collect(),
    };
    let mut reports: Vec<StoryReport> = Vec::with_capacity(ids.len());
    for id in &ids {
        reports.push(report(store, extractor, id)?);
    }
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&reports).expect("reports serialise"),
        Format::Jsonl => reports.iter().map(|r| serde_json::to_string(r).expect("reports serialise") + "\n").collect(),
        Format::Csv => csv(&reports),
        Format::GeoJson => geojson(&reports),
    })
}

fn csv(reports: &[StoryReport]) -> String {
    let mut out = CSV_COLUMNS.join(",") + "\n";
    for r in reports {
        let place = r.places.first();
        let actors: Vec<&str> = r.actors.iter().map(|a| a.name.as_str()).collect();
        for c in r.reconciled.claims.iter().filter(|c| c.scope == Scope::Story) {
            let estimate = r.reconciled.estimates.iter().find(|e| e.metric == c.metric && e.group == c.group);
            let pick = |f: fn(&vigie_stories::reconcile::Estimate) -> u64| estimate.map_or(String::new(), |e| f(e).to_string());
            let mut articles: Vec<&str> = c.reports.iter().map(|rep| rep.article.as_str()).collect();
            articles.dedup();
            let row = [
                r.id.clone(),
                r.title.clone().unwrap_or_default(),
                c.as_of.map(|d| d.to_string()).unwrap_or_default(),
                c.metric.to_string(),
                c.group.to_string(),
                c.value.to_string(),
                c.qualifier.to_string(),
                pick(|e| e.low.value),
                pick(|e| e.best.value),
                pick(|e| e.high.value),
                c.change.map(|ch| format!("{ch:?}").to_lowercase()).unwrap_or_default(),
                c.source.clone().unwrap_or_default(),
                place.map(|p| p.name.clone()).unwrap_or_default(),
                place.and_then(|p| p.place.as_ref()).map(|p| p.country.clone()).unwrap_or_default(),
                place.and_then(|p| p.place.as_ref()).map(|p| p.lat.to_string()).unwrap_or_default(),
                place.and_then(|p| p.place.as_ref()).map(|p| p.lon.to_string()).unwrap_or_default(),
                actors.join("; "),
                c.reports.len().to_string(),
                c.independent.to_string(),
                articles.join(" "),
                c.reports.first().map(|rep| rep.quote.replace('\n', " ")).unwrap_or_default(),
            ];
            out += &row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
            out.push('\n');
        }
    }
    out
}

fn geojson(reports: &[StoryReport]) -> String {
    let mut features = Vec::new();
    for r in reports {
        let killed = r.headline();
        for p in &r.places {
            let Some(info) = &p.place else { continue };
            features.push(json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [info.lon, info.lat] },
                "properties": {
                    "story": r.id, "story_title": r.title, "place": p.name, "country": info.country, "precision": info.precision,
                    "articles": p.articles, "killed_latest": killed.map(|e| e.latest.value),
                    "killed_low": killed.map(|e| e.low.value), "killed_best": killed.map(|e| e.best.value), "killed_high": killed.map(|e| e.high.value),
                },
            }));
        }
    }
    serde_json::to_string_pretty(&json!({ "type": "FeatureCollection", "features": features })).expect("GeoJSON serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("Aleppo"), "Aleppo");
        assert_eq!(csv_field("Hama, Syria"), "\"Hama, Syria\"");
        assert_eq!(csv_field("he said \"40\""), "\"he said \"\"40\"\"\"");
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1 dead"), "'+1 dead");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-12"), "-12");
        assert_eq!(csv_field("35.2"), "35.2");
    }
}
