//! `vigie extract` and `vigie entities` end to end on the bundled sample
//! corpus (our own articles in French, English and Spanish).

mod common;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn run(command: &str) -> Vec<Value> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo/manifest.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie")).args([command, manifest.to_str().unwrap(), "--jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The figure of `article` with this metric, value and group.
fn figure<'a>(figures: &'a [Value], article: &str, metric: &str, value: u64, group: &str) -> &'a Value {
    figures
        .iter()
        .find(|f| f["article"] == article && f["metric"] == metric && f["value"] == value && f["group"] == group)
        .unwrap_or_else(|| panic!("no {metric} {value} {group} in {article}"))
}

#[test]
fn figures_in_three_languages_with_qualifier_source_and_date() {
    let figures = run("extract");
    // Spanish, inline text: "El balance definitivo de la AFAD ... es de 41 muertos y 612 heridos".
    let f = figure(&figures, "d02", "killed", 41, "total");
    assert_eq!((f["qualifier"].as_str(), f["source"].as_str(), f["as_of"].as_str()), (Some("exact"), Some("AFAD"), Some("2025-03-13")));
    figure(&figures, "d02", "injured", 612, "total");
    // English: a toll that "rose to 37 on Friday", from the interior ministry.
    let f = figure(&figures, "d03", "killed", 37, "total");
    assert_eq!((f["source"].as_str(), f["as_of"].as_str()), (Some("Spanish interior ministry"), Some("2025-03-14")));
    // A breakdown: 87 = 31 civilians + 44 fighters + 12 soldiers.
    assert_eq!(figure(&figures, "d06", "killed", 87, "total")["qualifier"], "at_least");
    for (value, group) in [(31, "civilians"), (44, "fighters"), (12, "soldiers")] {
        figure(&figures, "d06", "killed", value, group);
    }
    // Spanish number words with a qualifier: "Al menos doce personas han muerto este jueves".
    let f = figure(&figures, "d07", "killed", 12, "total");
    assert_eq!((f["qualifier"].as_str(), f["as_of"].as_str()), (Some("at_least"), Some("2025-03-13")));
    // French: a sub-count after "dont", a collective ("une cinquantaine"), and a group.
    assert_eq!(figure(&figures, "d14", "missing", 4, "children")["qualifier"], "exact");
    assert_eq!(figure(&figures, "d14", "evacuated", 50, "elderly")["qualifier"], "about");
    // Quotes are the original text at their offsets.
    let original = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo/articles/d07.txt")).unwrap();
    let f = figure(&figures, "d07", "killed", 12, "total");
    let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
    assert_eq!(&original[start..end], f["quote"].as_str().unwrap());
}

#[test]
fn articles_about_sport_and_jobs_have_no_figures() {
    let figures = run("extract");
    for article in ["d08", "d15"] {
        let found: Vec<&Value> = figures.iter().filter(|f| f["article"] == article).collect();
        assert!(found.is_empty(), "{article}: {found:?}");
    }
}

#[test]
fn entities_with_aliases_and_coordinates() {
    let rows = run("entities");
    let of = |article: &str| rows.iter().find(|r| r["article"] == article).unwrap()["entities"].as_array().unwrap().clone();
    let d02 = of("d02");
    let van = d02.iter().find(|e| e["canonical"] == "Van").expect("Van is a place");
    assert_eq!(van["place"]["country"], "TR");
    let d14 = of("d14");
    let murcia = d14.iter().find(|e| e["canonical"] == "Murcia").expect("Murcie is Murcia");
    assert!(murcia["aliases_seen"].as_array().unwrap().iter().any(|a| a == "Murcie"), "{murcia}");
    assert_eq!(murcia["place"]["country"], "ES");
}
