//! The RON sidecar format: one file per article and annotator, the source of truth for
//! labels. Pretty-printed, sorted by offset, so that git diffs stay small.

use crate::atomic;
use crate::label::Label;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// The sidecar schema this glose reads and writes.
pub const SCHEMA: u32 = 1;

/// The whole content of a sidecar file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    pub schema: u32,
    /// Article id (path relative to the corpus root).
    pub article: String,
    /// Fingerprint of the article bytes when last written, to notice edits.
    pub fingerprint: String,
    /// Segmenter version whose spans the labels use.
    pub segmenter: String,
    pub annotator: String,
    #[serde(default)]
    pub labels: Vec<Record>,
    /// Labels whose sentence is no longer in the article: kept, reported, never dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<Record>,
}

/// One labeled sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// UTF-8 byte offsets `[start, end)` into the article file.
    pub start: usize,
    pub end: usize,
    /// The sentence text, to re-attach the label after an edit.
    pub text: String,
    pub label: Label,
    /// When it was labeled, RFC 3339 UTC.
    pub at: String,
    pub how: How,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Which suggestion model proposed an accepted label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Gold only: the annotators whose label agreed with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed: Vec<String>,
    /// Gold only: who settled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudicator: Option<String>,
}

/// How a label was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum How {
    /// Typed by the annotator.
    Hand,
    /// A suggestion the annotator accepted with one key.
    Suggestion,
    /// Brought in by `glose import`.
    Import,
    /// Settled by a reviewer into gold.
    Adjudication,
}

impl Record {
    /// A label made now.
    pub fn new(start: usize, end: usize, text: &str, label: Label, how: How) -> Record {
        Record {
            start,
            end,
            text: text.to_string(),
            label,
            at: now(),
            how,
            note: None,
            model: None,
            agreed: Vec::new(),
            adjudicator: None,
        }
    }
}

/// The current time as RFC 3339 UTC with milliseconds (sortable as text).
pub fn now() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

/// A sidecar that cannot be used. Names the file and, for syntax errors, line and column.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error("{}:{line}:{col}: {msg}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        msg: String,
    },
    #[error("{}: unknown sidecar schema version {found} (this glose reads version {SCHEMA}; upgrade glose)", path.display())]
    Schema { path: PathBuf, found: u64 },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Only the schema number, read when a full parse fails, to tell "newer format" apart
/// from "broken file".
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u64,
}

/// Parses sidecar text; `path` is only used in errors.
pub fn parse(text: &str, path: &Path) -> Result<Sidecar, SidecarError> {
    match ron::from_str::<Sidecar>(text) {
        Ok(s) if u64::from(s.schema) == u64::from(SCHEMA) => Ok(s),
        Ok(s) => Err(SidecarError::Schema {
            path: path.to_path_buf(),
            found: u64::from(s.schema),
        }),
        Err(e) => {
            if let Ok(only) = ron::from_str::<SchemaOnly>(text)
                && only.schema != u64::from(SCHEMA)
            {
                return Err(SidecarError::Schema {
                    path: path.to_path_buf(),
                    found: only.schema,
                });
            }
            Err(SidecarError::Parse {
                path: path.to_path_buf(),
                line: e.span.start.line,
                col: e.span.start.col,
                msg: e.code.to_string(),
            })
        }
    }
}

/// Reads a sidecar; `Ok(None)` when there is none yet.
pub fn read(path: &Path) -> Result<Option<Sidecar>, SidecarError> {
    if let Ok(m) = std::fs::symlink_metadata(path)
        && m.file_type().is_symlink()
    {
        return Err(SidecarError::Io {
            path: path.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a symbolic link; glose keeps sidecars as regular files (replace the link with the file)",
            ),
        });
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| SidecarError::Parse {
                path: path.to_path_buf(),
                line: 0,
                col: 0,
                msg: format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            })?;
            parse(&text, path).map(Some)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SidecarError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The file text: RON with one label per line, sorted by offset, so a changed label is a
/// one-line diff. Written by hand (not through `ron::ser`) because it is on the keypress
/// path: a sidecar with 10,000 labels must serialise in well under a millisecond or two.
pub fn to_ron(sidecar: &Sidecar) -> String {
    let mut labels: Vec<&Record> = sidecar.labels.iter().collect();
    labels.sort_by_key(|r| (r.start, r.end));
    let lines: Vec<String> = labels.into_iter().map(record_line).collect();
    render(sidecar, lines.iter().map(String::as_str))
}

/// The sidecar text from its header fields and label lines already rendered by
/// [`record_line`], in offset order. Orphans are rendered here.
pub fn render<'a>(sidecar: &Sidecar, label_lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("(\n  schema: ");
    out.push_str(&sidecar.schema.to_string());
    for (name, value) in [
        ("article", &sidecar.article),
        ("fingerprint", &sidecar.fingerprint),
        ("segmenter", &sidecar.segmenter),
        ("annotator", &sidecar.annotator),
    ] {
        out.push_str(",\n  ");
        out.push_str(name);
        out.push_str(": ");
        push_str_lit(&mut out, value);
    }
    out.push_str(",\n  labels: [\n");
    for line in label_lines {
        out.push_str("    ");
        out.push_str(line);
        out.push_str(",\n");
    }
    out.push_str("  ],\n");
    if !sidecar.orphans.is_empty() {
        let mut orphans: Vec<&Record> = sidecar.orphans.iter().collect();
        orphans.sort_by_key(|r| (r.start, r.end));
        out.push_str("  orphans: [\n");
        for r in orphans {
            out.push_str("    ");
            out.push_str(&record_line(r));
            out.push_str(",\n");
        }
        out.push_str("  ],\n");
    }
    out.push_str(")\n");
    out
}

/// One record as a single RON line (no trailing comma).
pub fn record_line(r: &Record) -> String {
    let mut out = String::with_capacity(r.text.len() + 120);
    out.push_str("(start: ");
    out.push_str(&r.start.to_string());
    out.push_str(", end: ");
    out.push_str(&r.end.to_string());
    out.push_str(", label: ");
    out.push_str(match r.label {
        Label::Factual => "Factual",
        Label::Quote => "Quote",
        Label::Opinion => "Opinion",
        Label::Skip => "Skip",
    });
    out.push_str(", how: ");
    out.push_str(match r.how {
        How::Hand => "Hand",
        How::Suggestion => "Suggestion",
        How::Import => "Import",
        How::Adjudication => "Adjudication",
    });
    if let Some(m) = &r.model {
        out.push_str(", model: Some(");
        push_str_lit(&mut out, m);
        out.push(')');
    }
    out.push_str(", at: ");
    push_str_lit(&mut out, &r.at);
    if let Some(n) = &r.note {
        out.push_str(", note: Some(");
        push_str_lit(&mut out, n);
        out.push(')');
    }
    if !r.agreed.is_empty() {
        out.push_str(", agreed: [");
        for (i, a) in r.agreed.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_str_lit(&mut out, a);
        }
        out.push(']');
    }
    if let Some(a) = &r.adjudicator {
        out.push_str(", adjudicator: Some(");
        push_str_lit(&mut out, a);
        out.push(')');
    }
    out.push_str(", text: ");
    push_str_lit(&mut out, &r.text);
    out.push(')');
    out
}

/// A RON string literal. Control and invisible layout characters are escaped so the file
/// stays one label per line and safe to `cat`.
fn push_str_lit(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes a sidecar atomically.
pub fn write(path: &Path, sidecar: &Sidecar) -> io::Result<()> {
    atomic::write(path, to_ron(sidecar).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn sample() -> Sidecar {
        let mut r = Record::new(0, 12, "Une « phrase ».", Label::Quote, How::Hand);
        r.note = Some("note with \"quotes\"\nand a line".into());
        Sidecar {
            schema: SCHEMA,
            article: "dir/a.txt".into(),
            fingerprint: "sha256:00".into(),
            segmenter: "glose-seg/0".into(),
            annotator: "alice".into(),
            labels: vec![
                Record::new(20, 30, "Deux.", Label::Opinion, How::Suggestion),
                r,
            ],
            orphans: vec![],
        }
    }

    #[test]
    fn round_trip_sorted_by_offset() {
        let s = sample();
        let text = to_ron(&s);
        let back = parse(&text, Path::new("x.ron")).unwrap();
        assert_eq!(back.labels[0].start, 0);
        assert_eq!(back.labels[1].start, 20);
        assert_eq!(back.labels[0].note, s.labels[1].note);
        assert_eq!(to_ron(&back), text);
        assert!(text.contains("label: Quote"), "{text}");
        assert_eq!(
            text.lines().filter(|l| l.contains("start:")).count(),
            2,
            "{text}"
        );
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let text = to_ron(&sample()).replace("label: Quote", "label: Qoute");
        let err = parse(&text, Path::new("a.txt.alice.ron")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("a.txt.alice.ron:"), "{msg}");
        match err {
            SidecarError::Parse { line, col, .. } => assert!(line > 1 && col > 1),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn newer_schema_is_refused_by_number() {
        let text = to_ron(&sample()).replace("schema: 1", "schema: 7");
        let err = parse(&text, Path::new("a.ron")).unwrap_err();
        assert!(
            matches!(err, SidecarError::Schema { found: 7, .. }),
            "{err}"
        );
        let text = text.replace("annotator:", "newfield: 1, annotator:");
        assert!(matches!(
            parse(&text, Path::new("a.ron")).unwrap_err(),
            SidecarError::Schema { found: 7, .. }
        ));
    }

    fn arb_record() -> impl Strategy<Value = Record> {
        (
            0usize..1_000_000,
            0usize..5000,
            any::<String>(),
            0usize..4,
            0usize..4,
            proptest::option::of(any::<String>()),
            proptest::collection::vec("[a-z]{1,8}", 0..3),
        )
            .prop_map(|(start, len, text, l, h, note, agreed)| Record {
                start,
                end: start + len,
                text,
                label: Label::ALL[l],
                at: "2026-01-02T03:04:05.678Z".into(),
                how: [How::Hand, How::Suggestion, How::Import, How::Adjudication][h],
                note,
                model: None,
                adjudicator: agreed.first().cloned(),
                agreed,
            })
    }

    proptest! {
        /// Whatever text a sentence or note holds (quotes, newlines, controls, any
        /// Unicode), writing and reading a sidecar gives back the same labels.
        #[test]
        fn any_content_round_trips(
            labels in proptest::collection::vec(arb_record(), 0..8),
            orphans in proptest::collection::vec(arb_record(), 0..3),
            article in any::<String>(),
        ) {
            let mut s = sample();
            s.article = article;
            s.labels = labels;
            s.orphans = orphans;
            let text = to_ron(&s);
            let back = parse(&text, Path::new("x.ron")).unwrap();
            let mut want = s.clone();
            want.labels.sort_by_key(|r| (r.start, r.end));
            want.orphans.sort_by_key(|r| (r.start, r.end));
            prop_assert_eq!(back, want);
        }
    }

    #[test]
    fn missing_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(&dir.path().join("none.ron")).unwrap().is_none());
    }
}
