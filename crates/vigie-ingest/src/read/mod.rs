//! Inputs to [`Document`]s.
//!
//! [`plan`] expands what the user named (files, folders, manifests, `-`, URLs)
//! into [`Source`]s and counts the work, so a progress bar knows its length
//! before anything is read; a [`Reader`] then streams each source's documents
//! to a sink, one [`Event`] per document or failure, holding one input at a time.

mod feed;
mod html;
mod manifest;

use crate::decode::decode;
use crate::fetch::Fetcher;
use crate::InputError;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use vigie_model::Document;

pub(crate) use crate::published::parse_date;

/// What a reader sends for each document of a source.
pub enum Event {
    Document(Box<Document>),
    Failed(InputError),
}

/// How a file is read, from its extension or, failing that, its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Feed,
    Manifest,
}

/// One unit of input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file; `id` is the file stem, or the path below the folder it was found in.
    File {
        path: PathBuf,
        id: String,
        format: Format,
    },
    /// A JSON Lines manifest; `lines` counts its non-empty lines.
    Manifest {
        path: PathBuf,
        lines: usize,
    },
    Stdin,
    Url(String),
}

impl Source {
    /// How many progress steps reading this source takes (documents, roughly).
    pub fn units(&self) -> usize {
        match self {
            Source::Manifest { lines, .. } => *lines,
            _ => 1,
        }
    }
}

#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Inputs larger than this are refused (the 5 MB default).
    pub max_bytes: u64,
    /// Fetch the pages a feed links to, even when the feed was a local file.
    pub fetch_links: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_bytes: 5 * 1024 * 1024, fetch_links: false }
    }
}

fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" | "md" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "xml" | "rss" | "atom" => Format::Feed,
        "jsonl" | "ndjson" => Format::Manifest,
        _ => return None,
    })
}

/// Guesses a format from the first bytes, for stdin, URLs and unknown extensions.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        Format::Manifest
    } else if start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf") {
        Format::Feed
    } else if start.starts_with('<') && (start.contains("<html") || start.contains("<!doctype html") || start.contains("<body")) {
        Format::Html
    } else {
        Format::Text
    }
}

/// Expands the inputs into sources. Folders are walked recursively in name
/// order (hidden entries skipped, only known extensions kept); a missing path
/// is an error for that input alone.
pub fn plan(inputs: &[String]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source::Stdin);
        } else if is_url(input) {
            sources.push(Source::Url(input.clone()));
        } else {
            let path = PathBuf::from(input);
            match fs::metadata(&path) {
                Err(e) => errors.push(InputError::new(input, io_reason(&e))),
                Ok(meta) if meta.is_dir() => walk(&path, &path, &mut sources, &mut errors),
                Ok(_) => match file_source(&path, None) {
                    Ok(source) => sources.push(source),
                    Err(e) => errors.push(e),
                },
            }
        }
    }
    (sources, errors)
}

fn walk(root: &Path, dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<InputError>) {
    let mut entries: Vec<_> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => return errors.push(InputError::new(dir.display().to_string(), io_reason(&e))),
    };
    entries.sort();
    for path in entries {
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, sources, errors);
        } else if format_from_extension(&path).is_some() {
            match file_source(&path, Some(root)) {
                Ok(source) => sources.push(source),
                Err(e) => errors.push(e),
            }
        }
    }
}

fn file_source(path: &Path, root: Option<&Path>) -> Result<Source, InputError> {
    let format = match format_from_extension(path) {
        Some(f) => f,
        None => sniff(&read_head(path).map_err(|e| InputError::new(path.display().to_string(), e))?),
    };
    if format == Format::Manifest {
        let lines = count_lines(path).map_err(|e| InputError::new(path.display().to_string(), e))?;
        return Ok(Source::Manifest { path: path.to_path_buf(), lines });
    }
    let id = match root.and_then(|r| path.strip_prefix(r).ok()) {
        Some(rel) => rel.with_extension("").to_string_lossy().replace('\\', "/"),
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    Ok(Source::File { path: path.to_path_buf(), id, format })
}

fn read_head(path: &Path) -> Result<Vec<u8>, String> {
    let mut buf = vec![0; 1024];
    let mut file = fs::File::open(path).map_err(|e| io_reason(&e))?;
    let n = file.read(&mut buf).map_err(|e| io_reason(&e))?;
    buf.truncate(n);
    Ok(buf)
}

fn count_lines(path: &Path) -> Result<usize, String> {
    let mut file = fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut buf = vec![0u8; 1 << 16];
    let (mut lines, mut in_line) = (0, false);
    loop {
        let n = file.read(&mut buf).map_err(|e| io_reason(&e))?;
        if n == 0 {
            break;
        }
        for &b in &buf[..n] {
            if b == b'\n' {
                lines += in_line as usize;
                in_line = false;
            } else if !b.is_ascii_whitespace() {
                in_line = true;
            }
        }
    }
    Ok(lines + in_line as usize)
}

/// A short, stable reason for an I/O error (no OS error codes).
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads sources into documents.
pub struct Reader {
    options: ReadOptions,
    fetcher: Option<Fetcher>,
}

impl Reader {
    pub fn new(options: ReadOptions) -> Self {
        Reader { options, fetcher: None }
    }

    fn fetcher(&mut self) -> &mut Fetcher {
        let max = self.options.max_bytes;
        self.fetcher.get_or_insert_with(|| Fetcher::new(max))
    }

    /// Reads one source, sending every document or failure to `sink`.
    pub fn read(&mut self, source: &Source, sink: &mut dyn FnMut(Event)) {
        match source {
            Source::File { path, id, format } => {
                let origin = path.display().to_string();
                match self.read_file(path) {
                    Ok(bytes) => {
                        let base = Document { id: id.clone(), origin: origin.clone(), ..Default::default() };
                        self.parse(&bytes, *format, None, base, false, sink)
                    }
                    Err(reason) => sink(Event::Failed(InputError::new(origin, reason))),
                }
            }
            Source::Manifest { path, .. } => manifest::read(self, path, sink),
            Source::Stdin => {
                let mut bytes = Vec::new();
                let limit = self.options.max_bytes;
                match std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes) {
                    Err(e) => sink(Event::Failed(InputError::new("-", io_reason(&e)))),
                    Ok(_) if bytes.len() as u64 > limit => sink(Event::Failed(InputError::new("-", too_big(limit)))),
                    Ok(_) => {
                        let base = Document { id: "stdin".into(), origin: "-".into(), ..Default::default() };
                        self.parse(&bytes, sniff(&bytes), None, base, false, sink)
                    }
                }
            }
            Source::Url(url) => match self.fetcher().get(url) {
                Ok(page) => {
                    let format = page.format();
                    let base = Document {
                        id: crate::fingerprint::url_id(&page.url),
                        origin: url.clone(),
                        url: Some(page.url.clone()),
                        outlet: crate::fetch::outlet_of(&page.url),
                        ..Default::default()
                    };
                    self.parse(&page.body, format, page.charset.as_deref(), base, true, sink)
                }
                Err(reason) => sink(Event::Failed(InputError::new(url, reason))),
            },
        }
    }

    pub(crate) fn read_file(&self, path: &Path) -> Result<Vec<u8>, String> {
        let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
        if meta.is_dir() {
            return Err("is a folder, not a file".into());
        }
        if meta.len() > self.options.max_bytes {
            return Err(too_big(self.options.max_bytes));
        }
        fs::read(path).map_err(|e| io_reason(&e))
    }

    /// Parses bytes of a known format; `base` carries the id, origin and any
    /// metadata already known (from a manifest line or the URL).
    pub(crate) fn parse(
        &mut self,
        bytes: &[u8],
        format: Format,
        charset: Option<&str>,
        base: Document,
        from_web: bool,
        sink: &mut dyn FnMut(Event),
    ) {
        let origin = base.origin.clone();
        let text = match decode(bytes, charset) {
            Ok(d) => d.text,
            Err(reason) => return sink(Event::Failed(InputError::new(origin, reason))),
        };
        match format {
            Format::Text => sink(Event::Document(Box::new(Document { text, ..base }))),
            Format::Html => match html::parse(&text, base) {
                Ok(doc) => sink(Event::Document(Box::new(doc))),
                Err(reason) => sink(Event::Failed(InputError::new(origin, reason))),
            },
            Format::Feed => {
                let fetch = from_web || self.options.fetch_links;
                feed::read(self, &text, &origin, fetch, sink)
            }
            Format::Manifest => sink(Event::Failed(InputError::new(origin, "a manifest must be a file, not inline content"))),
        }
    }
}

fn too_big(limit: u64) -> String {
    format!("larger than the {} MB size cap", limit as f64 / 1_048_576.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_recognises_each_format() {
        assert_eq!(sniff(b"  {\"id\": 1}"), Format::Manifest);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"), Format::Feed);
        assert_eq!(sniff(b"<!DOCTYPE html><html><body>"), Format::Html);
        assert_eq!(sniff("Séisme: 12 morts".as_bytes()), Format::Text);
    }

    #[test]
    fn planning_reports_missing_paths_and_walks_folders() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/a.txt"), "x").unwrap();
        fs::write(dir.path().join("b.html"), "<html></html>").unwrap();
        fs::write(dir.path().join("m.jsonl"), "{}\n\n{}\n").unwrap();
        fs::write(dir.path().join("ignored.bin"), "x").unwrap();
        fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        let missing = dir.path().join("nope.txt").display().to_string();
        let (sources, errors) = plan(&[dir.path().display().to_string(), missing.clone()]);
        assert_eq!(errors, vec![InputError::new(missing, "no such file or folder")]);
        let ids: Vec<_> = sources
            .iter()
            .map(|s| match s {
                Source::File { id, .. } => id.clone(),
                Source::Manifest { lines, .. } => format!("manifest:{lines}"),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(ids, ["b", "manifest:2", "sub/a"]);
    }

    #[test]
    fn oversized_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        fs::write(&path, vec![b'a'; 2000]).unwrap();
        let mut reader = Reader::new(ReadOptions { max_bytes: 1000, fetch_links: false });
        let mut failed = Vec::new();
        reader.read(&Source::File { path, id: "big".into(), format: Format::Text }, &mut |e| {
            if let Event::Failed(err) = e {
                failed.push(err.reason)
            }
        });
        assert_eq!(failed.len(), 1);
        assert!(failed[0].contains("size cap"), "{failed:?}");
    }
}
