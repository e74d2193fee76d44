//! Helpers shared by the end-to-end tests: run the real `vigie` binary.

#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

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

/// Committed articles, as a second connection sees them (WAL); 0 before the file exists.
pub fn stored_count(db: &Path) -> usize {
    if !db.exists() {
        return 0;
    }
    vigie_store::Store::open(db).and_then(|s| s.article_count()).unwrap_or(0)
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

/// `vigie serve` on a free port, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub addr: String,
}

impl Server {
    pub fn start(db: &Path, token: Option<&str>) -> Server {
        match token {
            Some(t) => Server::start_with(db, &["--token", t]),
            None => Server::start_with(db, &[]),
        }
    }

    /// `vigie serve` with more arguments.
    pub fn start_with(db: &Path, args: &[&str]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vigie"));
        cmd.args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
            .args(args)
            .env_remove("VIGIE_TOKEN")
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line.trim().rsplit("http://").next().unwrap().to_string();
        Server { child, addr }
    }

    /// One request; returns the status, the headers (lower-case names) and the body.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        let mut head =
            format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n", self.addr, body.len());
        for (k, v) in headers {
            head += &format!("{k}: {v}\r\n");
        }
        head += "\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        // A server may answer (413) and close before a refused body is all sent.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
        let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string())).collect();
        (status, headers, raw[split + 4..].to_vec())
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        let (status, _, body) = self.request("GET", path, &[], b"");
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
