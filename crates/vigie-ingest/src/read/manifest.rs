//! JSON Lines manifests: one article per line, with `id` and either inline
//! `text` or a `file` relative to the manifest; optional `url`, `outlet`,
//! `title`, `published`, `lang`. A malformed line fails alone.

use super::{format_from_extension, sniff, Event, Format, Reader};
use crate::InputError;
use serde::Deserialize;
use std::io::{BufRead, BufReader};
use std::path::Path;
use vigie_model::{DateOrigin, Document};

#[derive(Deserialize)]
struct Entry {
    id: Option<serde_json::Value>,
    text: Option<String>,
    file: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    published: Option<String>,
    lang: Option<String>,
}

/// Reads a manifest file; its `file` entries are relative to its folder.
pub(super) fn read(reader: &mut Reader, path: &Path, sink: &mut dyn FnMut(Event)) {
    let name = super::display(path);
    let file = match super::open_regular(path) {
        Ok(f) => f,
        Err(reason) => return sink(Event::Failed(InputError::new(name, reason))),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    read_lines(reader, &name, Some(dir), BufReader::new(file), sink)
}

/// Reads manifest lines from `lines`; without a `dir`, `file` entries are refused
/// (lines held in memory, such as a request body, name no files).
pub(super) fn read_lines(reader: &mut Reader, name: &str, dir: Option<&Path>, mut lines: impl BufRead, sink: &mut dyn FnMut(Event)) {
    let max_line = reader.options.max_bytes as usize;
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        number += 1;
        let origin = format!("{name}:{number}");
        match read_line_capped(&mut lines, &mut buf, max_line) {
            Ok(None) => break,
            Ok(Some(false)) => {
                sink(Event::Failed(InputError::new(origin, super::too_big(max_line as u64))));
                continue;
            }
            Ok(Some(true)) => {}
            Err(e) => return sink(Event::Failed(InputError::new(origin, super::io_reason(&e)))),
        }
        // A byte-order mark opens the first line of manifests saved by some editors.
        let bytes = if number == 1 { buf.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&buf) } else { &buf };
        let line = match std::str::from_utf8(bytes) {
            Ok(l) => l.trim(),
            Err(_) => {
                sink(Event::Failed(InputError::new(origin, "line is not UTF-8")));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        match entry_document(reader, line, dir, &origin) {
            Ok((doc, None)) => sink(Event::Document(Box::new(doc))),
            Ok((doc, Some((bytes, format)))) => reader.parse(&bytes, format, None, doc, false, sink),
            Err(reason) => sink(Event::Failed(InputError::new(origin, reason))),
        }
    }
}

/// Reads one line into `buf`; `Some(false)` when it was longer than `max`
/// (the rest of the line is skipped), `None` at the end of the file.
fn read_line_capped(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Option<bool>> {
    let mut fits = true;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (part, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if fits && buf.len() + part.len() <= max {
            buf.extend_from_slice(part);
        } else {
            fits = false;
            buf.clear();
        }
        let used = done.unwrap_or(chunk.len());
        r.consume(used);
        if done.is_some() {
            return Ok(Some(fits));
        }
    }
}

/// A one-line field (title, outlet) with its control characters turned to spaces.
fn without_controls(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The document a line describes, with the bytes of its file when it names one.
#[allow(clippy::type_complexity)]
fn entry_document(reader: &Reader, line: &str, dir: Option<&Path>, origin: &str) -> Result<(Document, Option<(Vec<u8>, Format)>), String> {
    let entry: Entry = serde_json::from_str(line).map_err(|e| format!("malformed JSON line: {e}"))?;
    let id = match entry.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\"".into()),
    };
    let published = match entry.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(super::parse_date(p, DateOrigin::Metadata).ok_or_else(|| format!("\"published\" is not a date: {p:?}"))?),
        None => None,
    };
    let mut doc = Document {
        id,
        origin: origin.to_string(),
        // Only web addresses are kept: a "javascript:" URL must never become a link.
        url: entry.url.filter(|u| super::is_web_address(u)),
        outlet: entry.outlet.map(|o| without_controls(&o)).filter(|o| !o.is_empty()),
        title: entry.title.map(|t| without_controls(&t)).filter(|t| !t.trim().is_empty()),
        published,
        lang: entry.lang.map(|l| l.trim().to_ascii_lowercase()).filter(|l| !l.is_empty()),
        text: String::new(),
    };
    match (entry.text, entry.file) {
        (Some(text), _) => {
            doc.text = crate::decode::text_only(text)?;
            Ok((doc, None))
        }
        (None, Some(_)) if dir.is_none() => Err("a \"file\" entry is not accepted here; send \"text\"".into()),
        (None, Some(file)) => {
            let path = dir.unwrap_or(Path::new(".")).join(&file);
            doc.origin = format!("{origin} ({})", path.display());
            let bytes = reader.read_file(&path).map_err(|reason| format!("{}: {reason}", path.display()))?;
            let format = match format_from_extension(&path) {
                Some(Format::Manifest) => return Err(format!("{}: a manifest cannot list another manifest", path.display())),
                Some(f) => f,
                None => sniff(&bytes),
            };
            Ok((doc, Some((bytes, format))))
        }
        (None, None) => Err("neither \"text\" nor \"file\"".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ReadOptions, Source};
    use super::*;

    fn read_all(manifest: &str, files: &[(&str, &str)]) -> (Vec<Document>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in files {
            std::fs::write(dir.path().join(name), content).unwrap();
        }
        let path = dir.path().join("m.jsonl");
        std::fs::write(&path, manifest).unwrap();
        let mut reader = Reader::new(ReadOptions::default());
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        reader.read(&Source::Manifest { path, lines: 0 }, &mut |e| match e {
            Event::Document(d) => docs.push(*d),
            Event::Failed(e) | Event::Warning(e) => errors.push(e.to_string()),
        });
        (docs, errors)
    }

    #[test]
    fn inline_and_file_entries() {
        let manifest = "{\"id\": \"a\", \"text\": \"Hola\", \"published\": \"2024-10-30\", \"outlet\": \"x.example\"}\n\
                        {\"id\": 7, \"file\": \"b.txt\", \"url\": \"https://x.example/b\"}\n";
        let (docs, errors) = read_all(manifest, &[("b.txt", "Bonjour")]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].published.unwrap().to_string(), "2024-10-30");
        assert_eq!(docs[1].id, "7");
        assert_eq!(docs[1].text, "Bonjour");
    }

    #[test]
    fn a_byte_order_mark_does_not_cost_the_first_line() {
        let manifest = "\u{feff}{\"id\": \"a\", \"text\": \"Hola\\u0000 mundo\", \"title\": \"Riada\\nen\\u0007 Alzira\"}\n{\"id\": \"b\", \"text\": \"Adiós\"}\n";
        let (docs, errors) = read_all(manifest, &[]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["Hola mundo", "Adiós"]);
        assert_eq!(docs[0].title.as_deref(), Some("Riada en  Alzira"));
    }

    #[test]
    fn only_web_addresses_are_kept_as_urls() {
        let manifest = "{\"id\": \"a\", \"text\": \"x\", \"url\": \"javascript:alert(1)\"}\n{\"id\": \"b\", \"text\": \"y\", \"url\": \"HTTPS://x.example/b\"}\n";
        let (docs, _) = read_all(manifest, &[]);
        assert_eq!(docs[0].url, None);
        assert_eq!(docs[1].url.as_deref(), Some("HTTPS://x.example/b"));
    }

    #[test]
    fn lines_in_memory_name_no_files() {
        let mut reader = Reader::new(ReadOptions::default());
        let body = "{\"id\": \"a\", \"file\": \"/etc/passwd\"}\n{\"id\": \"b\", \"text\": \"Bonjour\"}\n";
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        reader.read(&Source::Inline { name: "body".into(), body: body.as_bytes().to_vec() }, &mut |e| match e {
            Event::Document(d) => docs.push(d.id),
            Event::Failed(e) | Event::Warning(e) => errors.push(e.to_string()),
        });
        assert_eq!(docs, ["b"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("body:1: a \"file\" entry is not accepted"), "{errors:?}");
    }

    #[test]
    fn bad_lines_fail_alone_and_name_the_line() {
        let manifest = "{\"id\": \"a\", \"text\": \"ok\"}\n{not json\n{\"id\": \"c\", \"file\": \"missing.txt\"}\n{\"text\": \"no id\"}\n{\"id\": \"e\", \"text\": \"ok\"}\n";
        let (docs, errors) = read_all(manifest, &[]);
        assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["a", "e"]);
        assert_eq!(errors.len(), 3);
        assert!(errors[0].contains("m.jsonl:2: malformed JSON line"), "{}", errors[0]);
        assert!(errors[1].contains("m.jsonl:3: ") && errors[1].contains("no such file"), "{}", errors[1]);
        assert!(errors[2].contains("m.jsonl:4: no \"id\""), "{}", errors[2]);
    }
}
