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
use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use vigie_model::Document;

pub(crate) use crate::published::parse_date;

/// What a reader sends for each document of a source.
pub enum Event {
    Document(Box<Document>),
    Failed(InputError),
    /// The input was read, but not exactly as written (bad bytes replaced).
    Warning(InputError),
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
    /// JSON Lines held in memory (a request body); `file` entries are refused.
    Inline {
        name: String,
        body: Vec<u8>,
    },
}

impl Source {
    /// How many progress steps reading this source takes (documents, roughly).
    pub fn units(&self) -> usize {
        match self {
            Source::Manifest { lines, .. } => *lines,
            Source::Inline { body, .. } => body.split(|&b| b == b'\n').filter(|l| l.iter().any(|b| !b.is_ascii_whitespace())).count(),
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

/// Whether `url` is a web address (`http`/`https`, any case): the only URLs kept, so
/// that a `javascript:` or `data:` one never becomes a link.
pub(crate) fn is_web_address(url: &str) -> bool {
    let scheme = url.trim_start().get(..8).unwrap_or(url).to_ascii_lowercase();
    scheme.starts_with("http://") || scheme.starts_with("https://")
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
/// order (hidden entries skipped, only known extensions kept, each folder
/// once however many links lead to it); a missing path or anything but a
/// regular file or folder is an error for that input alone.
pub fn plan<S: AsRef<OsStr>>(inputs: &[S]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let input = input.as_ref();
        match input.to_str() {
            Some("-") => sources.push(Source::Stdin),
            Some(url) if is_url(url) => sources.push(Source::Url(url.to_string())),
            _ => {
                let path = PathBuf::from(input);
                match fs::metadata(&path) {
                    Err(e) => errors.push(InputError::new(display(&path), io_reason(&e))),
                    Ok(meta) if meta.is_dir() => walk(&path, &path, &mut HashSet::new(), &mut sources, &mut errors),
                    Ok(_) => match file_source(&path, None) {
                        Ok(source) => sources.push(source),
                        Err(e) => errors.push(e),
                    },
                }
            }
        }
    }
    (sources, errors)
}

/// A path as messages show it: lossy UTF-8, control characters escaped, so
/// that an odd file name stays on its one line.
pub fn display(path: &Path) -> String {
    let name = path.to_string_lossy();
    if !name.chars().any(char::is_control) {
        return name.into_owned();
    }
    name.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect()
}

/// A folder's identity, to walk each folder once whatever links lead to it.
#[cfg(unix)]
fn folder_key(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn folder_key(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

fn walk(root: &Path, dir: &Path, seen: &mut HashSet<(u64, u64)>, sources: &mut Vec<Source>, errors: &mut Vec<InputError>) {
    match fs::metadata(dir) {
        Ok(meta) if cfg!(unix) && !seen.insert(folder_key(&meta)) => return,
        Ok(_) => {}
        Err(e) => return errors.push(InputError::new(display(dir), io_reason(&e))),
    }
    let mut entries: Vec<_> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => return errors.push(InputError::new(display(dir), io_reason(&e))),
    };
    entries.sort();
    for path in entries {
        if path.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b".")) {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, seen, sources, errors);
        } else if format_from_extension(&path).is_some() {
            match file_source(&path, Some(root)) {
                Ok(source) => sources.push(source),
                Err(e) => errors.push(e),
            }
        }
    }
}

fn file_source(path: &Path, root: Option<&Path>) -> Result<Source, InputError> {
    let fail = |e| InputError::new(display(path), e);
    regular_file(path).map_err(fail)?;
    let format = match format_from_extension(path) {
        Some(f) => f,
        None => sniff(&read_head(path).map_err(fail)?),
    };
    if format == Format::Manifest {
        let lines = count_lines(path).map_err(fail)?;
        return Ok(Source::Manifest { path: path.to_path_buf(), lines });
    }
    let id = match root.and_then(|r| path.strip_prefix(r).ok()) {
        Some(rel) => rel.with_extension("").to_string_lossy().replace('\\', "/"),
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    Ok(Source::File { path: path.to_path_buf(), id, format })
}

/// Refuses anything but a regular file before it is opened: a FIFO would
/// block the open, a device (`/dev/zero`) would never end.
fn regular_file(path: &Path) -> Result<(), String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err("is a folder, not a file".into());
    }
    Err(format!("not a regular file ({}); only files are read", special_kind(&kind)))
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "a special file"
}

/// Opens a regular file; the open itself never blocks (a FIFO swapped in
/// after the check is opened non-blocking and refused by its own type).
fn open_regular(path: &Path) -> Result<fs::File, String> {
    regular_file(path)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| io_reason(&e))?;
    if !file.metadata().map_err(|e| io_reason(&e))?.is_file() {
        return Err("not a regular file; only files are read".into());
    }
    Ok(file)
}

/// The whole file, refused once it passes `max` bytes (whatever its size said).
pub(crate) fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_big(max));
    }
    Ok(bytes)
}

fn read_head(path: &Path) -> Result<Vec<u8>, String> {
    let mut buf = vec![0; 1024];
    let mut file = open_regular(path)?;
    let n = file.read(&mut buf).map_err(|e| io_reason(&e))?;
    buf.truncate(n);
    Ok(buf)
}

fn count_lines(path: &Path) -> Result<usize, String> {
    let mut file = open_regular(path)?;
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
                let origin = display(path);
                match self.read_file(path) {
                    Ok(bytes) => {
                        let base = Document { id: id.clone(), origin: origin.clone(), ..Default::default() };
                        self.parse(&bytes, *format, None, base, false, sink)
                    }
                    Err(reason) => sink(Event::Failed(InputError::new(origin, reason))),
                }
            }
            Source::Manifest { path, .. } => manifest::read(self, path, sink),
            Source::Inline { name, body } => manifest::read_lines(self, name, None, body.as_slice(), sink),
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
        read_capped(path, self.options.max_bytes)
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
            Ok(d) => {
                if let Some(warning) = d.warning {
                    sink(Event::Warning(InputError::new(origin.clone(), warning)));
                }
                d.text
            }
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

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let (sources, errors) = plan(&[fifo.as_os_str(), std::ffi::OsStr::new("/dev/zero")]);
        assert!(sources.is_empty());
        assert!(errors[0].reason.contains("a FIFO"), "{errors:?}");
        assert!(errors[1].reason.contains("a device"), "{errors:?}");
        // In a folder, the FIFO is reported and the walk goes on.
        fs::write(dir.path().join("ok.txt"), "fine").unwrap();
        let (sources, errors) = plan(&[dir.path()]);
        assert_eq!(sources.len(), 1);
        assert_eq!(errors.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("x")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("y")).unwrap();
        let (sources, errors) = plan(&[dir.path()]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(sources.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn odd_file_names_are_read_and_shown_on_one_line() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9\nnews.txt"));
        fs::write(&odd, "Un texte.").unwrap();
        let (sources, errors) = plan(&[odd.as_os_str()]);
        assert!(errors.is_empty(), "{errors:?}");
        let Source::File { path, .. } = &sources[0] else { panic!("{sources:?}") };
        let shown = display(path);
        assert!(shown.ends_with("caf\u{fffd}\\nnews.txt") && !shown.contains('\n'), "{shown}");
        let missing = dir.path().join("gone\n.txt");
        let (_, errors) = plan(&[missing.as_os_str()]);
        assert!(!errors[0].to_string().contains('\n'), "{}", errors[0]);
    }
}
