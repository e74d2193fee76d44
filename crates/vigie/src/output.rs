//! Output: aligned tables for people, JSON or JSON Lines for programs.

use crate::FormatArgs;
use serde::Serialize;
use std::io::{self, Write};

/// Prints `rows` as JSON (`--json`), JSON Lines (`--jsonl`) or a table built by `table`.
pub fn emit<T: Serialize>(format: FormatArgs, rows: &[T], table: impl FnOnce(&[T]) -> Table) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format.json {
        serde_json::to_writer_pretty(&mut out, rows)?;
        writeln!(out)
    } else if format.jsonl {
        for row in rows {
            serde_json::to_writer(&mut out, row)?;
            writeln!(out)?;
        }
        Ok(())
    } else {
        table(rows).write(&mut out)
    }
}

/// A table with a header, columns padded to their widest cell.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<&'static str>) -> Self {
        Table { header, rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: Vec<&str>, out: &mut dyn Write| -> io::Result<()> {
            let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
            writeln!(out, "{}", padded.join("  ").trim_end())
        };
        line(self.header.clone(), out)?;
        for row in &self.rows {
            line(row.iter().map(String::as_str).collect(), out)?;
        }
        Ok(())
    }
}

/// `s` cut to `max` characters, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

pub fn or_dash(s: Option<&str>) -> String {
    s.unwrap_or("-").to_string()
}

/// Writes `text` to stdout; a reader that went away (`| head`) is not an error.
pub fn write_stdout(text: &str) -> io::Result<()> {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_columns() {
        let mut t = Table::new(vec!["id", "title"]);
        t.row(vec!["a1".into(), "Séisme".into()]);
        t.row(vec!["b".into(), "x".into()]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "id  title\na1  Séisme\nb   x\n");
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("éééé", 3), "éé…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
