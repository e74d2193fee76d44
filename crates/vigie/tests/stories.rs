//! `vigie stories` end to end on the bundled sample corpus: three stories
//! told in three languages, and two unrelated articles that stay alone.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo")
}

/// The articles of each group, as sorted lists, given each article's group.
fn partition(pairs: impl Iterator<Item = (String, String)>) -> Vec<Vec<String>> {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (article, group) in pairs {
        groups.entry(group).or_default().push(article);
    }
    let mut out: Vec<Vec<String>> = groups
        .into_values()
        .map(|mut g| {
            g.sort();
            g
        })
        .collect();
    out.sort();
    out
}

#[test]
fn sample_articles_group_into_their_stories() {
    let manifest = samples().join("manifest.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie")).args(["stories", manifest.to_str().unwrap(), "--jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let found = partition(String::from_utf8(out.stdout).unwrap().lines().map(|l| {
        let v: Value = serde_json::from_str(l).unwrap();
        (v["article"].as_str().unwrap().to_string(), v["story"].as_str().unwrap().to_string())
    }));
    let expected = std::fs::read_to_string(samples().join("expected/articles.jsonl")).unwrap();
    let expected = partition(expected.lines().map(|l| {
        let v: Value = serde_json::from_str(l).unwrap();
        (v["id"].as_str().unwrap().to_string(), v["story"].as_str().unwrap().to_string())
    }));
    assert_eq!(found, expected);
}

/// The stored story holding most of the articles of expected story `label`.
fn story_of_label(db: &std::path::Path, label: &str) -> String {
    let expected = std::fs::read_to_string(samples().join("expected/articles.jsonl")).unwrap();
    let members: Vec<String> = expected
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["story"] == label)
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    // Each article's story: grouping the manifest again against the database leaves every article where it is.
    let manifest = samples().join("manifest.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["stories", manifest.to_str().unwrap(), "--db", db.to_str().unwrap(), "--jsonl"])
        .output()
        .unwrap();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        if members.iter().any(|m| v["article"] == m.as_str()) {
            *counts.entry(v["story"].as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).unwrap().0
}

#[test]
fn killed_timelines_follow_the_sample_stories_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let manifest = samples().join("manifest.jsonl");
    let feeds = samples().join("feeds");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["ingest", manifest.to_str().unwrap(), feeds.to_str().unwrap(), "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(samples().join("expected/timelines.json")).unwrap()).unwrap();
    for (label, entries) in expected["stories"].as_object().unwrap() {
        let story = story_of_label(&db, label);
        let out =
            Command::new(env!("CARGO_BIN_EXE_vigie")).args(["timeline", &story, "--db", db.to_str().unwrap(), "--jsonl"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let rows: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        for e in entries.as_array().unwrap() {
            let same_day =
                |r: &&Value| r["metric"] == "killed" && r["group"] == "total" && r["day"] == e["day"] && r["value"] == e["value"];
            assert!(rows.iter().any(|r| same_day(&r)), "{label}: no killed total {} on {}", e["value"], e["day"]);
            if !e["source"].is_null() {
                assert!(
                    rows.iter().filter(same_day).any(|r| r["source"] == e["source"]),
                    "{label}: {} on {} is not from {}",
                    e["value"],
                    e["day"],
                    e["source"]
                );
            }
        }
    }
}
