//! `vigie serve` and `vigie export`: the dashboard and API, and files for
//! other tools, over a database.

use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigie_pipeline::{export, Format};
use vigie_serve::server::{start, ServeConfig};
use vigie_store::Store;

/// How `vigie serve` was asked to serve.
pub struct ServeArgs {
    pub addr: String,
    pub token: Option<String>,
    pub workers: usize,
    pub allow_hosts: Vec<String>,
    pub public: bool,
}

pub fn serve(db: PathBuf, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let ServeArgs { addr, token, workers, allow_hosts, public } = args;
    let running = start(ServeConfig { db, addr, token, workers, allow_hosts, public })?;
    // The address is the one line a script needs (port 0 picks a free port).
    eprintln!("vigie: serving on http://{}", running.addr);
    if running.exposed {
        eprintln!("vigie: warning: {} is reachable from other machines; reads need no token", running.addr);
    }
    running.wait();
    Ok(ExitCode::SUCCESS)
}

pub fn run_export(db: &Path, format: &str, story: Option<&str>, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let format = Format::parse(format).with_context(|| format!("unknown export format {format:?}: json, jsonl, csv or geojson"))?;
    let store = Store::open(db).with_context(|| format!("cannot open the database {}", db.display()))?;
    let text = export(&store, &vigie_extract::Extractor::new(), format, story)?;
    match out {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?,
        None => crate::output::write_stdout(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
