//! Killing `vigie ingest` with SIGKILL at random moments: after each kill the
//! database opens intact and every stored article has exactly the figures and
//! entities an uninterrupted run gives it; after a final run every article
//! also has its story. The default sizes keep the test short; the closing
//! measurement used `VIGIE_CRASH_ARTICLES=20000 VIGIE_CRASH_KILLS=20`.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use vigie_store::Store;

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Each stored article's figures and entities, as JSON text.
fn derived(db: &Path) -> BTreeMap<String, (String, String)> {
    let store = Store::open(db).unwrap();
    let ids: Vec<String> = store.articles().unwrap().into_iter().map(|a| a.id).collect();
    ids.into_iter()
        .map(|id| {
            let figures = serde_json::to_string(&store.figures(&id).unwrap()).unwrap();
            let entities = store.entities(&id).unwrap().map(|e| e.to_string()).unwrap_or_default();
            (id, (figures, entities))
        })
        .collect()
}

/// A small deterministic generator: the kill moments differ by seed, not by luck.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, max: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % max
    }
}

#[test]
fn killed_ingests_leave_whole_articles_and_a_rerun_completes_them() {
    let articles = setting("VIGIE_CRASH_ARTICLES", 2000);
    let kills = setting("VIGIE_CRASH_KILLS", 4);
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("big.jsonl");
    let mut f = std::fs::File::create(&manifest).unwrap();
    for n in 0..articles {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("s{n}"), "published": format!("2025-03-{:02}", n % 28 + 1), "text": article_text(n)})
        )
        .unwrap();
    }
    drop(f);
    let reference = dir.path().join("reference.db");
    let out = vigie(&["ingest", manifest.to_str().unwrap()], &reference);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = derived(&reference);
    assert_eq!(expected.len(), articles);

    let db = dir.path().join("v.db");
    let seed = std::process::id() as u64;
    let mut moments = Moments(seed);
    let started = Instant::now();
    for kill in 0..kills {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(["ingest", manifest.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A moment in the run: once a random share of the articles is stored, plus a random delay.
        let before = stored_count(&db);
        let target = before + 1 + moments.next_ms(((articles - before) as u64 / kills as u64).max(1)) as usize;
        let deadline = Instant::now() + Duration::from_secs(300);
        while stored_count(&db) < target && Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(moments.next_ms(200)));
        child.kill().unwrap();
        child.wait().unwrap();
        let store = Store::open(&db).unwrap();
        assert_eq!(store.check_integrity().unwrap(), Ok(()), "kill {kill} (seed {seed})");
        drop(store);
        let stored = derived(&db);
        for (id, found) in &stored {
            assert_eq!(Some(found), expected.get(id), "kill {kill} (seed {seed}): {id} is not whole");
        }
        eprintln!("kill {kill}: {} articles stored", stored.len());
    }
    let out = vigie(&["ingest", manifest.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(derived(&db), expected, "after the last run (seed {seed})");
    let store = Store::open(&db).unwrap();
    assert!(store.articles_without_story().unwrap().is_empty(), "every article has a story");
    // Stories grouped across interrupted runs may be cut differently; how many pairs agree is reported.
    let reference = Store::open(&reference).unwrap();
    let ids: Vec<&String> = expected.keys().collect();
    let story = |s: &Store, id: &str| s.story_of(id).unwrap();
    let (mut same, mut pairs) = (0usize, 0usize);
    for (i, a) in ids.iter().enumerate().step_by(7) {
        for b in ids.iter().skip(i + 1).step_by(13) {
            pairs += 1;
            same += ((story(&store, a) == story(&store, b)) == (story(&reference, a) == story(&reference, b))) as usize;
        }
    }
    eprintln!("story pairs agreeing with the uninterrupted run: {same} of {pairs}");
    eprintln!("{kills} kills over {articles} articles in {:.0} s (seed {seed})", started.elapsed().as_secs_f64());
}
