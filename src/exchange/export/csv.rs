//! CSV and TSV with RFC 4180 quoting: a field holding the delimiter, a quote, CR or LF is
//! quoted and its quotes doubled, so sentences with commas and line breaks survive.
//! `annotations` and the context columns hold JSON text; `note` is the note of whoever
//! gave the label (empty when none).

use super::row::{Id, Row, Votes};
use std::io::{self, Write};

/// Column names, in order (the JSONL field names).
pub const COLUMNS: [&str; 13] = [
    "id",
    "article",
    "index",
    "start",
    "end",
    "char_start",
    "char_end",
    "text",
    "label",
    "label_source",
    "annotations",
    "agreement",
    "note",
];

/// Writes one field, quoted when needed.
pub fn field(w: &mut dyn Write, s: &str, delim: u8) -> io::Result<()> {
    let needs = s
        .bytes()
        .any(|b| b == delim || b == b'"' || b == b'\n' || b == b'\r');
    if !needs {
        return w.write_all(s.as_bytes());
    }
    w.write_all(b"\"")?;
    let mut rest = s;
    while let Some(i) = rest.find('"') {
        w.write_all(&rest.as_bytes()[..=i])?;
        w.write_all(b"\"")?;
        rest = &rest[i + 1..];
    }
    w.write_all(rest.as_bytes())?;
    w.write_all(b"\"")
}

/// Writes a header and one line per row, with `delim` (`b','` or `b'\t'`); lines end in
/// CRLF as RFC 4180 says.
pub fn write(rows: &[Row], context: bool, delim: u8, w: &mut dyn Write) -> io::Result<()> {
    let sep = [delim];
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if context {
        header.extend(["context_before", "context_after"]);
    }
    for (i, h) in header.iter().enumerate() {
        if i > 0 {
            w.write_all(&sep)?;
        }
        w.write_all(h.as_bytes())?;
    }
    w.write_all(b"\r\n")?;
    let mut buf = String::new();
    let mut json = Vec::new();
    for r in rows {
        let u = &*r.unit;
        buf.clear();
        use std::fmt::Write as _;
        let _ = write!(buf, "{}", Id(u));
        field(w, &buf, delim)?;
        w.write_all(&sep)?;
        field(w, &u.article, delim)?;
        write!(
            w,
            "{d}{}{d}{}{d}{}{d}{}{d}{}{d}",
            u.index,
            u.start,
            u.end,
            u.char_start,
            u.char_end,
            d = delim as char
        )?;
        field(w, &u.text, delim)?;
        w.write_all(&sep)?;
        w.write_all(r.label.name().as_bytes())?;
        w.write_all(&sep)?;
        field(w, r.source.as_str(), delim)?;
        w.write_all(&sep)?;
        json.clear();
        serde_json::to_writer(&mut json, &Votes(&u.votes))?;
        field(w, std::str::from_utf8(&json).unwrap_or("{}"), delim)?;
        write!(w, "{}{}", delim as char, r.agreement)?;
        w.write_all(&sep)?;
        field(w, r.note().unwrap_or(""), delim)?;
        if context {
            for side in [&u.context_before, &u.context_after] {
                w.write_all(&sep)?;
                json.clear();
                serde_json::to_writer(&mut json, side)?;
                field(w, std::str::from_utf8(&json).unwrap_or("[]"), delim)?;
            }
        }
        w.write_all(b"\r\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str, d: u8) -> String {
        let mut v = Vec::new();
        field(&mut v, s, d).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quoted("plain text", b','), "plain text");
        assert_eq!(quoted("a, b", b','), "\"a, b\"");
        assert_eq!(quoted("a, b", b'\t'), "a, b");
        assert_eq!(quoted("a\tb", b'\t'), "\"a\tb\"");
        assert_eq!(quoted("il dit \"non\"", b','), "\"il dit \"\"non\"\"\"");
        assert_eq!(quoted("deux\nlignes", b','), "\"deux\nlignes\"");
        assert_eq!(quoted("\"", b','), "\"\"\"\"");
    }
}
