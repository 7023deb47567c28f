//! The RON sidecar format: one file per article and annotator, the source of truth for
//! labels. Pretty-printed, sorted by offset, so that git diffs stay small.

use crate::model::label::Label;
use crate::store::atomic;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

pub mod capped;
mod fast;

pub use fast::{Expected, visit_exact, written_as_is};

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
    /// Labels replaced by a newer one on another machine, kept by `glose merge-driver`
    /// when both sides of a git merge changed the same sentence. Never shown as labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Record>,
    /// Notes on sentences the annotator has not labeled (a labeled sentence keeps its
    /// note in its record). Written only when there is one, so other sidecars keep the
    /// layout older glose versions read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The annotator's word on the whole article: done, or flagged for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocStatus>,
}

/// Where an annotator stands with an article as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocStatus {
    /// Every sentence the annotator means to label is labeled.
    Done { at: String },
    /// The annotator asks a reviewer to look at the article, and says why.
    Flagged { reason: String, at: String },
}

impl DocStatus {
    /// `done` or `flagged`, as `glose status` and the export manifest say it.
    pub fn name(&self) -> &'static str {
        match self {
            DocStatus::Done { .. } => "done",
            DocStatus::Flagged { .. } => "flagged",
        }
    }
}

/// A note on an unlabeled sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub start: usize,
    pub end: usize,
    /// The sentence text, to re-attach the note after an edit.
    pub text: String,
    pub note: String,
    /// When the note was last written, RFC 3339 UTC.
    pub at: String,
}

/// One labeled sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// UTF-8 byte offsets `[start, end)` into the article file.
    pub start: usize,
    pub end: usize,
    /// The sentence text, to re-attach the label after an edit; a unit longer than
    /// [`capped::MAX_TEXT_BYTES`] keeps its start, length and digest ([`capped`]).
    pub text: String,
    pub label: Label,
    /// When it was labeled, RFC 3339 UTC.
    pub at: String,
    pub how: How,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the note was last written: a note has its own time, so that writing one
    /// leaves `at` (the label's time, which pace and merging go by) as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_at: Option<String>,
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumCount, strum::VariantNames,
)]
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

impl How {
    /// How many ways there are, counted from the variants.
    pub const COUNT: usize = <How as strum::EnumCount>::COUNT;

    /// Every way, in declaration order.
    pub const ALL: [How; How::COUNT] = [How::Hand, How::Suggestion, How::Import, How::Adjudication];

    /// The names sidecars store (the variant identifiers, as serde writes them).
    pub const RON_NAMES: [&'static str; How::COUNT] =
        crate::model::label::fixed_names(<How as strum::VariantNames>::VARIANTS);

    /// The name sidecars store.
    pub const fn ron_name(self) -> &'static str {
        How::RON_NAMES[self as usize]
    }
}

// `ALL` lists the variants in declaration order, so `self as usize` indexes it.
const _: () = {
    let mut i = 0;
    while i < How::COUNT {
        assert!(How::ALL[i] as usize == i);
        i += 1;
    }
};

impl Record {
    /// A label made now on the unit whose text is `text` (kept as [`capped::stored`]).
    pub fn new(start: usize, end: usize, text: &str, label: Label, how: How) -> Record {
        Record {
            start,
            end,
            text: capped::stored(text).into_owned(),
            label,
            at: now(),
            how,
            note: None,
            note_at: None,
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

/// A sidecar in glose's own layout as read by the fast reader, its strings borrowed from
/// the file text where they hold no escape: read-only summaries (agreement, export) look
/// at millions of labels and need no copy of their strings.
#[derive(Debug, Clone, PartialEq)]
pub struct SidecarRef<'a> {
    pub schema: u32,
    pub article: Cow<'a, str>,
    pub fingerprint: Cow<'a, str>,
    pub segmenter: Cow<'a, str>,
    pub annotator: Cow<'a, str>,
    pub labels: Vec<RecordRef<'a>>,
    pub orphans: Vec<RecordRef<'a>>,
    pub history: Vec<RecordRef<'a>>,
    pub status: Option<DocStatus>,
}

/// A [`Record`] whose strings may borrow from the sidecar text.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRef<'a> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
    pub label: Label,
    pub at: Cow<'a, str>,
    pub how: How,
    pub note: Option<Cow<'a, str>>,
    pub note_at: Option<Cow<'a, str>>,
    pub model: Option<Cow<'a, str>>,
    pub agreed: Vec<Cow<'a, str>>,
    pub adjudicator: Option<Cow<'a, str>>,
}

impl<'a> SidecarRef<'a> {
    pub fn into_owned(self) -> Sidecar {
        let records = |v: Vec<RecordRef>| v.into_iter().map(RecordRef::into_owned).collect();
        Sidecar {
            schema: self.schema,
            article: self.article.into_owned(),
            fingerprint: self.fingerprint.into_owned(),
            segmenter: self.segmenter.into_owned(),
            annotator: self.annotator.into_owned(),
            labels: records(self.labels),
            orphans: records(self.orphans),
            history: records(self.history),
            // The fast reader leaves a sidecar with notes of unlabeled sentences to `ron`.
            notes: Vec::new(),
            status: self.status,
        }
    }

    /// Labels then orphans, the order [`read`]'s callers take them in.
    pub fn records(&self) -> impl Iterator<Item = &RecordRef<'a>> {
        self.labels.iter().chain(&self.orphans)
    }
}

impl RecordRef<'_> {
    pub fn into_owned(self) -> Record {
        Record {
            start: self.start,
            end: self.end,
            text: self.text.into_owned(),
            label: self.label,
            at: self.at.into_owned(),
            how: self.how,
            note: self.note.map(Cow::into_owned),
            note_at: self.note_at.map(Cow::into_owned),
            model: self.model.map(Cow::into_owned),
            agreed: self.agreed.into_iter().map(Cow::into_owned).collect(),
            adjudicator: self.adjudicator.map(Cow::into_owned),
        }
    }
}

/// A sidecar that cannot be used. Names the file and, for syntax errors, line and column.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error("{}:{line}:{col}: {}", clean_path(path), clean(msg))]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        msg: String,
    },
    #[error(
        "{}: unknown sidecar schema version {found} (this glose reads version {SCHEMA}; upgrade glose)",
        clean_path(path)
    )]
    Schema { path: PathBuf, found: u64 },
    #[error("{}: {source}", clean_path(path))]
    Io { path: PathBuf, source: io::Error },
}

use crate::model::sanitize::{clean, path as clean_path};

/// Only the schema number, read when a full parse fails, to tell "newer format" apart
/// from "broken file".
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u64,
}

/// Parses sidecar text; `path` is only used in errors. glose's own layout is read by a
/// fast path; anything else (hand edits, other layouts, errors) goes through `ron`.
pub fn parse(text: &str, path: &Path) -> Result<Sidecar, SidecarError> {
    if let Some(s) = fast::parse(text)
        && s.schema == SCHEMA
    {
        return Ok(s);
    }
    parse_ron(text, path)
}

/// The `ron` reading of a sidecar, with its errors.
fn parse_ron(text: &str, path: &Path) -> Result<Sidecar, SidecarError> {
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
    match read_text(path)? {
        Some(text) => parse(&text, path).map(Some),
        None => Ok(None),
    }
}

/// [`parse`]'s fast reader alone, borrowing from `text`: `None` when the text is not in
/// glose's own layout or of another schema ([`parse`] then says what it is).
pub fn parse_ref(text: &str) -> Option<SidecarRef<'_>> {
    fast::parse_ref(text).filter(|s| s.schema == SCHEMA)
}

/// A sidecar's text, checked to be UTF-8; `Ok(None)` when there is none yet. Refuses a
/// symbolic link as [`read`] does.
pub fn read_text(path: &Path) -> Result<Option<String>, SidecarError> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    let text = crate::model::document::utf8_string(bytes).map_err(|e| SidecarError::Parse {
        path: path.to_path_buf(),
        line: 0,
        col: 0,
        msg: format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })?;
    Ok(Some(text))
}

/// A sidecar's bytes, not yet checked to be text ([`visit_exact`] checks them as it
/// reads); `Ok(None)` when there is none yet. Refuses a symbolic link as [`read`] does.
pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, SidecarError> {
    Ok(read_bytes_meta(path)?.map(|(bytes, _)| bytes))
}

/// Hands `f` a sidecar's bytes and the `fstat` of the file, read into a buffer each
/// thread keeps for the next sidecar: `Ok(None)` when there is none, errors as
/// [`read_bytes`]. For readers of a whole corpus, which look at each file once.
pub fn with_bytes_meta<R>(
    path: &Path,
    f: impl FnOnce(&[u8], std::fs::Metadata) -> R,
) -> Result<Option<R>, SidecarError> {
    thread_local! {
        static SCRATCH: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut file = match open_sidecar(path)? {
        Some(file) => file,
        None => return Ok(None),
    };
    let io = |source| SidecarError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = file.metadata().map_err(io)?;
    // Taken rather than borrowed: a reader `f` that reads another sidecar gets a new one.
    let mut scratch = SCRATCH.take();
    let read = crate::store::whole_file::read_into(&mut file, meta.len(), &mut scratch)
        .map(|b| f(b, meta));
    // A buffer grown by a huge file is not kept for the rest of the run.
    if scratch.len() <= 4 << 20 {
        SCRATCH.set(scratch);
    }
    read.map(Some).map_err(io)
}

/// [`read_bytes`], with the `fstat` of the file it read.
pub fn read_bytes_meta(path: &Path) -> Result<Option<(Vec<u8>, std::fs::Metadata)>, SidecarError> {
    let Some(mut file) = open_sidecar(path)? else {
        return Ok(None);
    };
    let io = |source| SidecarError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = file.metadata().map_err(io)?;
    let bytes = crate::store::whole_file::read(&mut file, meta.len()).map_err(io)?;
    Ok(Some((bytes, meta)))
}

/// The largest sidecar glose reads: 64 MiB is some 300,000 labels, far past any article
/// (articles are limited to [`crate::model::document::MAX_BYTES`]); a larger file is
/// refused unread, so memory stays a small multiple of this.
pub const MAX_BYTES: u64 = 64 << 20;

/// The sidecar at `path` opened for reading, `None` when there is none; a symbolic link,
/// a FIFO or device, and a file over [`MAX_BYTES`] are refused without blocking.
fn open_sidecar(path: &Path) -> Result<Option<std::fs::File>, SidecarError> {
    use crate::store::whole_file::{self, Links, ReadError};
    match whole_file::open(path, MAX_BYTES, Links::Refuse) {
        Ok((file, _)) => Ok(Some(file)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(ReadError::Io(source)) => Err(SidecarError::Io {
            path: path.to_path_buf(),
            source,
        }),
        Err(e) => Err(SidecarError::Io {
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::InvalidInput, e.to_string()),
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
    let mut orphans: Vec<&Record> = sidecar.orphans.iter().collect();
    orphans.sort_by_key(|r| (r.start, r.end));
    push_list(&mut out, "orphans", &orphans);
    // Oldest first, so that a merge appends lines rather than rewriting them.
    let mut history: Vec<&Record> = sidecar.history.iter().collect();
    history.sort_by(|a, b| (a.start, a.end, &a.at).cmp(&(b.start, b.end, &b.at)));
    push_list(&mut out, "history", &history);
    if let Some(st) = &sidecar.status {
        out.push_str("  status: Some(");
        match st {
            DocStatus::Done { at } => {
                out.push_str("Done(at: ");
                push_str_lit(&mut out, at);
            }
            DocStatus::Flagged { reason, at } => {
                out.push_str("Flagged(reason: ");
                push_str_lit(&mut out, reason);
                out.push_str(", at: ");
                push_str_lit(&mut out, at);
            }
        }
        out.push_str(")),\n");
    }
    if !sidecar.notes.is_empty() {
        let mut notes: Vec<&Note> = sidecar.notes.iter().collect();
        notes.sort_by_key(|n| (n.start, n.end));
        out.push_str("  notes: [\n");
        for n in notes {
            out.push_str(&format!("    (start: {}, end: {}, at: ", n.start, n.end));
            push_str_lit(&mut out, &n.at);
            out.push_str(", note: ");
            push_str_lit(&mut out, &n.note);
            out.push_str(", text: ");
            push_str_lit(&mut out, &capped::stored(&n.text));
            out.push_str("),\n");
        }
        out.push_str("  ],\n");
    }
    out.push_str(")\n");
    out
}

/// A list field of records, one a line; nothing when there is none.
fn push_list(out: &mut String, name: &str, records: &[&Record]) {
    if records.is_empty() {
        return;
    }
    out.push_str("  ");
    out.push_str(name);
    out.push_str(": [\n");
    for r in records {
        out.push_str("    ");
        out.push_str(&record_line(r));
        out.push_str(",\n");
    }
    out.push_str("  ],\n");
}

/// One record as a single RON line (no trailing comma).
pub fn record_line(r: &Record) -> String {
    let mut out = String::with_capacity(r.text.len() + 120);
    out.push_str("(start: ");
    out.push_str(&r.start.to_string());
    out.push_str(", end: ");
    out.push_str(&r.end.to_string());
    out.push_str(", label: ");
    out.push_str(r.label.ron_name());
    out.push_str(", how: ");
    out.push_str(r.how.ron_name());
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
    if let Some(t) = &r.note_at {
        out.push_str(", note_at: Some(");
        push_str_lit(&mut out, t);
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
    // A whole text read from an older sidecar is written capped like a new one.
    out.push_str(", text: ");
    push_str_lit(&mut out, &capped::stored(&r.text));
    out.push(')');
    out
}

/// [`push_str_lit`], for tests elsewhere in the crate.
#[cfg(test)]
pub(crate) fn push_str_lit_for_test(out: &mut String, s: &str) {
    push_str_lit(out, s)
}

/// A RON string literal. Control and invisible layout characters are escaped so the file
/// stays one label per line and safe to `cat`.
pub(crate) fn push_str_lit(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if fast::needs_escape(c) => {
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
mod tests;
