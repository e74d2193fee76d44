//! `vigie`: the command line over Vigie's libraries. Each subcommand lives
//! in `cmd/`; this file only parses arguments and maps outcomes to exit
//! codes (0 all went well, 1 some inputs failed or a command failed, 2 usage).

mod cmd;
mod output;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "vigie", version, about = "Turns news articles into a sourced, reconciled record of what happened.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
pub struct DbArg {
    /// The SQLite database file.
    #[arg(long, env = "VIGIE_DB", default_value = "vigie.db")]
    pub db: PathBuf,
}

#[derive(Args, Clone, Copy)]
pub struct FormatArgs {
    /// One JSON document on stdout.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// One JSON object per line on stdout.
    #[arg(long)]
    pub jsonl: bool,
}

/// Inputs read straight into a command, without a database unless one is named.
#[derive(Args)]
pub struct ReadArgs {
    #[arg(required = true)]
    pub inputs: Vec<std::ffi::OsString>,
    /// Also store the articles in this database.
    #[arg(long)]
    pub db: Option<PathBuf>,
    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest the bundled sample corpus into a fresh database and show what was found.
    Demo {
        /// Keep the demo database here instead of a temporary file.
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Read articles (files, folders, JSONL manifests, HTML, RSS/Atom, URLs, '-' for stdin) into the database.
    Ingest {
        #[arg(required = true)]
        inputs: Vec<std::ffi::OsString>,
        #[command(flatten)]
        db: DbArg,
        /// Fetch the pages that feeds link to (feeds given by URL always are).
        #[arg(long)]
        fetch: bool,
        /// Refuse inputs larger than this many megabytes.
        #[arg(long, default_value_t = 5.0)]
        max_mb: f64,
    },
    /// Extract figures (killed, injured, missing, ...) with qualifier, group, source and date.
    Extract {
        #[command(flatten)]
        read: ReadArgs,
        /// Show, per figure, the rule that made it a figure and the candidates considered for its source and day.
        #[arg(long)]
        explain: bool,
    },
    /// Entities per article: canonical name, type, aliases seen, place coordinates.
    Entities(ReadArgs),
    /// Group INPUTs into stories (one real-world event over time, across languages), or list the stored stories.
    Stories {
        inputs: Vec<std::ffi::OsString>,
        /// The SQLite database: stories are kept there (without INPUTs, listed from there).
        #[arg(long, env = "VIGIE_DB")]
        db: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// One story's report: headline figures with low/best/high, day-by-day claims, conflicts.
    Story {
        id: String,
        #[command(flatten)]
        db: DbArg,
        /// The whole report as JSON.
        #[arg(long, conflicts_with = "md")]
        json: bool,
        /// Markdown.
        #[arg(long)]
        md: bool,
    },
    /// Serve the web dashboard and the JSON API (loopback only unless --addr says otherwise).
    Serve {
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Accept POST /api/ingest from requests bearing this token (Authorization: Bearer TOKEN).
        #[arg(long, env = "VIGIE_TOKEN")]
        token: Option<String>,
        /// Requests that work on the database at the same time.
        #[arg(long, default_value_t = 4)]
        workers: usize,
        /// Also answer requests addressed to this host name (behind a proxy); repeatable.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_hosts: Vec<String>,
        /// Serve a non-loopback --addr without --token (reads open to the network).
        #[arg(long)]
        public: bool,
    },
    /// Export stories and claims: json, jsonl, csv (one row per claim) or geojson (places with figures).
    Export {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_parser = ["json", "jsonl", "csv", "geojson"], default_value = "json")]
        format: String,
        /// Only this story.
        #[arg(long)]
        story: Option<String>,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// One story's claims per metric and group, day by day.
    Timeline {
        id: String,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// List stored articles.
    Articles {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Show one article: cleaned text, metadata, and what cleaning removed.
    Show {
        id: String,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Full-text search over stored articles (accent- and case-insensitive).
    Search {
        query: String,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Measure throughput (articles per second, peak memory) of ingest and extraction on a corpus.
    Bench {
        /// A manifest, folder or files; the default is the Reuters bench corpus beside the project.
        inputs: Vec<String>,
        /// Also write every article to a fresh SQLite database (in a temporary folder).
        #[arg(long)]
        store: bool,
        /// Instead, group a synthetic stream of this many articles (our own templates) into stories.
        #[arg(long, value_name = "N")]
        stream: Option<usize>,
        /// Instead, serve a database of this many synthetic articles and load the API (requests/s, p99).
        #[arg(long, value_name = "N")]
        http: Option<usize>,
        /// Instead, ingest this many synthetic articles into a fresh database (memory and stories by quarter).
        #[arg(long, value_name = "N")]
        ingest: Option<usize>,
        #[command(flatten)]
        format: FormatArgs,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo { db } => cmd::demo::run(db),
        Command::Ingest { inputs, db, fetch, max_mb } => cmd::ingest::run(&inputs, &db.db, fetch, max_mb),
        Command::Extract { read, explain } => cmd::extract::figures(&read.inputs, read.db.as_deref(), read.format, explain),
        Command::Entities(args) => cmd::extract::entities(&args.inputs, args.db.as_deref(), args.format),
        Command::Stories { inputs, db, format } if inputs.is_empty() => {
            cmd::stories::list(&db.unwrap_or_else(|| PathBuf::from("vigie.db")), format)
        }
        Command::Stories { inputs, db, format } => cmd::stories::group(&inputs, db.as_deref(), format),
        Command::Story { id, db, json, md } => cmd::stories::show(&db.db, &id, json, md),
        Command::Timeline { id, db, format } => cmd::stories::timeline(&db.db, &id, format),
        Command::Serve { db, addr, token, workers, allow_hosts, public } => {
            cmd::serve::serve(db.db, cmd::serve::ServeArgs { addr, token, workers, allow_hosts, public })
        }
        Command::Export { db, format, story, out } => cmd::serve::run_export(&db.db, &format, story.as_deref(), out.as_deref()),
        Command::Articles { db, format } => cmd::articles::list(&db.db, format),
        Command::Show { id, db, format } => cmd::articles::show(&db.db, &id, format),
        Command::Search { query, db, limit, format } => cmd::articles::search(&db.db, &query, limit, format),
        Command::Bench { inputs, store, stream, http, ingest, format } => match (http, ingest) {
            (Some(n), _) => cmd::bench::http(n, format),
            (None, Some(n)) => cmd::bench::ingest_stream(n, format),
            (None, None) => cmd::bench::run(&inputs, store, stream, format),
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigie: {e:#}");
            ExitCode::from(1)
        }
    }
}
