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
