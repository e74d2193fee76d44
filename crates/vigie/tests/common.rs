//! Helpers shared by the end-to-end tests: run the real `vigie` binary.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn vigie(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie")).args(args).arg("--db").arg(db).env_remove("VIGIE_DB").output().expect("vigie runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The ids `vigie articles --jsonl` lists.
pub fn stored_ids(db: &Path) -> Vec<String> {
    let out = vigie(&["articles", "--jsonl"], db);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect()
}

/// A short article of our own, different for every `n`.
pub fn article_text(n: usize) -> String {
    let places = ["Murcia", "Alicante", "Lorca", "Cartagena", "Orihuela", "Elche", "Totana"];
    let sources = ["the regional emergency service", "the interior ministry", "the Red Cross", "the mayor"];
    format!(
        "Storm report number {n} from {place}\nHeavy rain hit {place} for the {n}th time this season, and {dead} people died, according to {source}. \
         Rescue teams evacuated {evacuated} residents from the lower districts while the river kept rising through the night. \
         Officials said bulletin {n} would be followed by another one in the morning.",
        place = places[n % places.len()],
        dead = n % 50 + 1,
        source = sources[n % sources.len()],
        evacuated = 100 + n * 7,
    )
}
