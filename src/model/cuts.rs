//! Segmentation corrections: splits and merges an annotator made where the segmenter was
//! wrong, kept for the article (every annotator sees the same units) in `<article>.cuts.ron`
//! beside it, one correction per line so a git diff shows each one.
//!
//! A correction is a unit boundary: a split adds a boundary inside a unit, a merge removes
//! the boundary before a unit (gluing it to the previous one). Each is stored as the byte
//! offset where the second unit starts, with the first words from there, so a correction
//! is found again after the article is edited (and reported as stale when it is not).

use crate::model::document::Document;
use crate::nlp::segment::Sentence;
use crate::store::atomic;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// The corrections file's schema this glose reads and writes.
pub const SCHEMA: u32 = 1;

/// The file-name part reserved for corrections (`<article>.cuts.ron`): no annotator has
/// this name.
pub const NAME: &str = "cuts";

/// Corrections files larger than this are refused unread.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// How many characters after a boundary are kept to find it again.
const CONTEXT_CHARS: usize = 24;

/// One boundary: the offset where the second unit starts and the text from there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boundary {
    pub at: usize,
    pub next: String,
}

/// The whole content of a corrections file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cuts {
    pub schema: u32,
    pub article: String,
    #[serde(default)]
    pub splits: BTreeSet<Boundary>,
    #[serde(default)]
    pub merges: BTreeSet<Boundary>,
}

/// A corrections file that cannot be used, or a correction that cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum CutsError {
    #[error("{}:{line}:{col}: {msg}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        msg: String,
    },
    #[error("{}: unknown corrections schema version {found} (this glose reads version {SCHEMA}; upgrade glose)", path.display())]
    Schema { path: PathBuf, found: u32 },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("cannot split at byte {offset}: {why}")]
    BadSplit { offset: usize, why: &'static str },
    #[error("cannot merge unit {unit} with the next: {why}")]
    BadMerge { unit: usize, why: &'static str },
}

/// A correction found where it no longer applies (the article changed under it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub kind: &'static str,
    pub boundary: Boundary,
}

/// `<article>.cuts.ron` beside the article.
pub fn path_of(article: &Path) -> PathBuf {
    let mut name = article
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{NAME}.ron"));
    article.with_file_name(name)
}

/// Reads the corrections of `article`; `Ok(None)` when it has none.
pub fn read(article: &Path) -> Result<Option<Cuts>, CutsError> {
    let path = path_of(article);
    let io = |source| CutsError::Io {
        path: path.clone(),
        source,
    };
    let mut file = match open_no_follow(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let len = file.metadata().map_err(io)?.len();
    if len > MAX_BYTES {
        return Err(io(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{len} bytes, over the {MAX_BYTES}-byte limit for a corrections file"),
        )));
    }
    let bytes = crate::store::whole_file::read(&mut file, len).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| CutsError::Parse {
        path: path.clone(),
        line: 0,
        col: 0,
        msg: format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })?;
    parse(&text, &path).map(Some)
}

fn open_no_follow(path: &Path) -> io::Result<std::fs::File> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a symbolic link; glose keeps corrections as regular files",
        ));
    }
    std::fs::File::open(path)
}

/// Parses corrections text; `path` is only used in errors.
pub fn parse(text: &str, path: &Path) -> Result<Cuts, CutsError> {
    let cuts: Cuts = ron::from_str(text).map_err(|e| CutsError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        msg: e.code.to_string(),
    })?;
    if cuts.schema != SCHEMA {
        return Err(CutsError::Schema {
            path: path.to_path_buf(),
            found: cuts.schema,
        });
    }
    Ok(cuts)
}

/// The file text: one correction per line, sorted by offset.
pub fn to_ron(cuts: &Cuts) -> String {
    let mut out = format!("(\n  schema: {},\n  article: ", cuts.schema);
    crate::model::sidecar::push_str_lit(&mut out, &cuts.article);
    out.push_str(",\n");
    for (name, set) in [("splits", &cuts.splits), ("merges", &cuts.merges)] {
        out.push_str("  ");
        out.push_str(name);
        out.push_str(": [\n");
        for b in set {
            out.push_str(&format!("    (at: {}, next: ", b.at));
            crate::model::sidecar::push_str_lit(&mut out, &b.next);
            out.push_str("),\n");
        }
        out.push_str("  ],\n");
    }
    out.push_str(")\n");
    out
}

/// The boundary at `at` in `raw`, with its context.
fn boundary(raw: &str, at: usize) -> Boundary {
    let next: String = raw[at..]
        .chars()
        .take_while(|&c| c != '\n' && c != '\r')
        .take(CONTEXT_CHARS)
        .collect();
    Boundary { at, next }
}

/// Where `b` is in `raw` now: at its offset if its text is there, else at the nearest
/// place its text is found; `None` when it is gone.
fn locate(raw: &str, b: &Boundary) -> Option<usize> {
    let here = raw.get(b.at..).is_some_and(|t| t.starts_with(&b.next));
    if here && raw.is_char_boundary(b.at) {
        return Some(b.at);
    }
    if b.next.is_empty() {
        return None;
    }
    raw.match_indices(b.next.as_str())
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(b.at))
}

/// The segmenter's units of `raw` with `cuts` applied: merges first (a unit whose start
/// is a merge boundary joins the one before), then splits (a unit holding a split
/// boundary is cut there; the first part ends before the spaces at the cut). Corrections
/// that no longer apply are returned as stale and change nothing.
pub fn apply(raw: &str, mut units: Vec<Sentence>, cuts: &Cuts) -> (Vec<Sentence>, Vec<Stale>) {
    let mut stale = Vec::new();
    let mut merge_at = BTreeSet::new();
    for b in &cuts.merges {
        match locate(raw, b) {
            Some(at) => {
                merge_at.insert(at);
            }
            None => stale.push(Stale {
                kind: "merge",
                boundary: b.clone(),
            }),
        }
    }
    if !merge_at.is_empty() {
        let mut merged: Vec<Sentence> = Vec::with_capacity(units.len());
        let mut used = BTreeSet::new();
        for u in units {
            match merged.last_mut() {
                Some(prev) if merge_at.contains(&u.start) => {
                    prev.end = u.end;
                    used.insert(u.start);
                }
                _ => merged.push(u),
            }
        }
        for b in &cuts.merges {
            if locate(raw, b).is_some_and(|at| !used.contains(&at)) {
                stale.push(Stale {
                    kind: "merge",
                    boundary: b.clone(),
                });
            }
        }
        units = merged;
    }
    for b in &cuts.splits {
        let cut = locate(raw, b).and_then(|at| {
            let i = units.partition_point(|u| u.start < at).checked_sub(1)?;
            let u = units[i];
            let left_end = u.start + raw[u.start..at].trim_end().len();
            (at < u.end && left_end > u.start).then_some((i, at, left_end))
        });
        match cut {
            Some((i, at, left_end)) => {
                let u = units[i];
                units[i].end = left_end;
                units.insert(
                    i + 1,
                    Sentence {
                        start: at,
                        end: u.end,
                        paragraph: u.paragraph,
                    },
                );
            }
            None => stale.push(Stale {
                kind: "split",
                boundary: b.clone(),
            }),
        }
    }
    (units, stale)
}

impl Cuts {
    /// No corrections yet for the article `id`.
    pub fn new(id: &str) -> Cuts {
        Cuts {
            schema: SCHEMA,
            article: id.to_string(),
            ..Cuts::default()
        }
    }

    /// True when there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.splits.is_empty() && self.merges.is_empty()
    }

    /// Adds a split of the unit holding `offset` so that a new unit starts there.
    /// `units` are the document's current units. Splitting where a merge was made undoes
    /// the merge. Refused off a character boundary, outside the text, or at a unit edge.
    pub fn split(&mut self, raw: &str, units: &[Sentence], offset: usize) -> Result<(), CutsError> {
        let bad = |why| Err(CutsError::BadSplit { offset, why });
        if offset >= raw.len() {
            return bad("past the end of the text");
        }
        if !raw.is_char_boundary(offset) {
            return bad("inside a UTF-8 character");
        }
        let Some(i) = units.partition_point(|u| u.start <= offset).checked_sub(1) else {
            return bad("before the first unit");
        };
        let u = units[i];
        if offset >= u.end {
            return bad("between units");
        }
        if raw[u.start..offset].trim_end().is_empty() || raw[offset..u.end].trim().is_empty() {
            return bad("at the edge of a unit");
        }
        if raw[offset..].starts_with(char::is_whitespace) {
            return bad("on a space (split before a word)");
        }
        let b = boundary(raw, offset);
        if !self.merges.remove(&b) {
            self.splits.insert(b);
        }
        Ok(())
    }

    /// Adds a merge of unit `unit` with the next one. Merging where a split was made
    /// undoes the split.
    pub fn merge(&mut self, raw: &str, units: &[Sentence], unit: usize) -> Result<(), CutsError> {
        let Some(next) = units.get(unit + 1) else {
            return Err(CutsError::BadMerge {
                unit,
                why: "it is the last unit",
            });
        };
        let b = boundary(raw, next.start);
        if !self.splits.remove(&b) {
            self.merges.insert(b);
        }
        Ok(())
    }

    /// Writes the corrections of `article` atomically. If the file changed since `base`
    /// was read (another glose, a git pull), what is on disk now is kept too: the result
    /// is disk ∪ (added since base) − (removed since base).
    pub fn save(&self, article: &Path, base: &Cuts) -> Result<Cuts, CutsError> {
        let path = path_of(article);
        let mut out = read(article)?.unwrap_or_else(|| Cuts::new(&self.article));
        for (disk, mine, old) in [
            (&mut out.splits, &self.splits, &base.splits),
            (&mut out.merges, &self.merges, &base.merges),
        ] {
            disk.extend(mine.difference(old).cloned());
            for gone in old.difference(mine) {
                disk.remove(gone);
            }
        }
        out.article = self.article.clone();
        atomic::write(&path, to_ron(&out).as_bytes()).map_err(|source| CutsError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(out)
    }
}

/// Splits `doc`'s unit holding `offset` so that a new unit starts there, saves the
/// corrections and gives `doc` its new units. Labels are not touched: loading them again
/// ([`crate::model::annotations::Annotations::load`]) re-attaches them or keeps them as
/// orphans.
pub fn split_at(doc: &mut Document, offset: usize) -> Result<(), CutsError> {
    edit(doc, |c, doc| c.split(&doc.raw, &doc.sentences, offset))
}

/// Merges `doc`'s unit `unit` with the next one, saves and re-units `doc` as
/// [`split_at`] does.
pub fn merge_with_next(doc: &mut Document, unit: usize) -> Result<(), CutsError> {
    edit(doc, |c, doc| c.merge(&doc.raw, &doc.sentences, unit))
}

fn edit(
    doc: &mut Document,
    change: impl FnOnce(&mut Cuts, &Document) -> Result<(), CutsError>,
) -> Result<(), CutsError> {
    let base = read(&doc.path)?.unwrap_or_else(|| Cuts::new(&doc.id));
    let mut mine = base.clone();
    change(&mut mine, doc)?;
    let saved = mine.save(&doc.path, &base)?;
    let units = crate::model::document::segment_at(&doc.raw, doc.body_start);
    doc.sentences = apply(&doc.raw, units, &saved).0;
    Ok(())
}

#[cfg(test)]
mod tests;
