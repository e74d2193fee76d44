//! `vigie ingest` end to end on the bundled sample corpus (samples/demo).

mod common;
use common::*;
use serde_json::Value;
use std::path::PathBuf;

fn sample(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo").join(path).display().to_string()
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn the_sample_is_ingested_once_with_its_copies_linked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let (manifest, feeds) = (sample("manifest.jsonl"), sample("feeds"));

    let out = vigie(&["ingest", &manifest, &feeds], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    // 16 distinct manifest articles (d17 repeats d06) and 3 feed items.
    assert!(stderr(&out).contains("ingested 19 (1 near-duplicates), duplicates 1, failed 0"), "{}", stderr(&out));

    let rows = jsonl(&stdout(&vigie(&["articles", "--jsonl"], &db)));
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} not stored"));
    assert_eq!(by_id("d11")["duplicate_of"], "d03");
    assert!(rows.iter().all(|r| r["id"] != "d17"));

    // Language and publication date agree with the sample's answer key.
    let expected = jsonl(&std::fs::read_to_string(sample("expected/articles.jsonl")).unwrap());
    for e in expected.iter().filter(|e| e["id"] != "d17") {
        let got = by_id(e["id"].as_str().unwrap());
        assert_eq!(got["lang"], e["lang"], "language of {}", e["id"]);
        assert_eq!(got["published"], e["published"], "publication date of {}", e["id"]);
    }

    // Re-ingesting stores nothing new.
    let again = vigie(&["ingest", &manifest, &feeds], &db);
    assert!(stderr(&again).contains("ingested 0 (0 near-duplicates), duplicates 20, failed 0"), "{}", stderr(&again));
}

#[test]
fn cleaning_decoding_and_search_on_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    assert!(vigie(&["ingest", &sample("manifest.jsonl")], &db).status.success());

    let show = |id: &str| -> Value { serde_json::from_str(&stdout(&vigie(&["show", id, "--json"], &db))).unwrap() };
    // Windows-1252 decoded: the oe ligature and French quotes survive (quotes normalised in clean text).
    let d12 = show("d12");
    assert!(d12["original"].as_str().unwrap().contains('œ'), "{}", d12["original"]);
    // Boilerplate and repeated titles removed, glued words repaired.
    let d14 = show("d14");
    let text = d14["text"].as_str().unwrap();
    assert!(!text.contains("Lire aussi") && !text.contains("Google News"), "{text}");
    assert!(text.contains("Murcia dans") && !text.contains("Murciadans"), "{text}");
    assert!(!text.contains(".Près"), "{text}");
    let kinds: Vec<&str> = d14["removed"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"crawl_marker") && kinds.contains(&"boilerplate"), "{kinds:?}");

    // Accent- and case-insensitive search.
    let hits = jsonl(&stdout(&vigie(&["search", "SEISME", "--jsonl"], &db)));
    assert!(hits.iter().any(|h| h["id"] == "d12"), "{hits:?}");
}
