//! Bad input fails alone, with one line naming it; the batch goes on and
//! the exit code says some inputs failed.

mod common;
use common::*;
use std::fs;

#[test]
fn every_kind_of_bad_input_is_reported_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), article_text(1)).unwrap();
    fs::write(d.join("empty.txt"), "  \n\n").unwrap();
    fs::write(d.join("binary.txt"), [0u8, 159, 146, 150, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    fs::write(d.join("big.txt"), "x".repeat(2 * 1024 * 1024)).unwrap();
    fs::write(
        d.join("broken.html"),
        "<html><body><p>Torrential rain flooded the old town and 4 people died, firefighters said on Monday.<div><p>More",
    )
    .unwrap();
    fs::write(d.join("bad-feed.xml"), "<rss><channel><item><title>x").unwrap();
    let manifest = format!(
        "{}\n{{this is not json\n{}\n",
        serde_json::json!({"id": "m1", "text": article_text(2)}),
        serde_json::json!({"id": "m2", "file": "nowhere.txt"})
    );
    fs::write(d.join("manifest.jsonl"), manifest).unwrap();
    let db = d.join("v.db");
    let inputs: Vec<String> =
        ["good.txt", "empty.txt", "binary.txt", "big.txt", "broken.html", "bad-feed.xml", "manifest.jsonl", "missing.txt"]
            .iter()
            .map(|f| d.join(f).display().to_string())
            .collect();
    let mut args = vec!["ingest", "--max-mb", "1"];
    args.extend(inputs.iter().map(String::as_str));
    let out = vigie(&args, &db);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), 7, "{err}");
    for (needle, reason) in [
        ("empty.txt", "empty article"),
        ("binary.txt", "binary data"),
        ("big.txt", "size cap"),
        ("bad-feed.xml", "not a valid RSS/Atom feed"),
        ("manifest.jsonl:2", "malformed JSON line"),
        ("manifest.jsonl:3", "no such file"),
        ("missing.txt", "no such file"),
    ] {
        assert!(lines.iter().any(|l| l.contains(needle) && l.contains(reason)), "no line for {needle}: {err}");
    }
    assert!(err.contains("ingested 3 (0 near-duplicates), duplicates 0, failed 7"), "{err}");
    let mut ids = stored_ids(&db);
    ids.sort();
    assert_eq!(ids, ["broken", "good", "m1"]);
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = vigie(&["ingest"], &dir.path().join("v.db"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reading_commands_need_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db");
    let out = vigie(&["articles"], &db);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
    assert!(!db.exists(), "a read must not create the database");
}
