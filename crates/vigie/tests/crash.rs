//! Killing `vigie ingest` mid-batch loses at most the article being written:
//! the database reopens intact, every committed article is whole, and the
//! next run stores exactly the rest.

mod common;
use common::*;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLES: usize = 1500;

/// Committed articles, as a second connection sees them (WAL); 0 before the file exists.
fn count(db: &std::path::Path) -> usize {
    if !db.exists() {
        return 0;
    }
    vigie_store::Store::open(db).and_then(|s| s.article_count()).unwrap_or(0)
}

#[test]
fn a_killed_ingest_leaves_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("big.jsonl");
    let mut f = std::fs::File::create(&manifest).unwrap();
    for n in 0..ARTICLES {
        writeln!(f, "{}", serde_json::json!({"id": format!("s{n}"), "text": article_text(n)})).unwrap();
    }
    drop(f);
    let db = dir.path().join("v.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["ingest", manifest.to_str().unwrap(), "--db", db.to_str().unwrap()])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while count(&db) < 50 {
        assert!(Instant::now() < deadline, "ingest made no progress");
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let store = vigie_store::Store::open(&db).unwrap();
    assert_eq!(store.check_integrity().unwrap(), Ok(()));
    let kept = store.article_count().unwrap();
    assert!(kept >= 50, "only {kept} articles survived");
    for id in stored_ids(&db) {
        let a = store.article(&id).unwrap().unwrap();
        assert!(a.text.starts_with("Storm report number"), "{id} is not whole");
    }
    drop(store);

    let out = vigie(&["ingest", manifest.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = format!("ingested {} ", ARTICLES - kept);
    assert!(stderr(&out).contains(&expected), "expected {expected}: {}", stderr(&out));
    assert_eq!(count(&db), ARTICLES);
}
