//! Three-way merge of the files glose shares through git, for `glose merge-driver`: one
//! annotator's sidecar edited on two machines, or one article's gold settled by two
//! reviewers, merges label by label instead of ending in conflict markers inside RON.
//!
//! The merge goes through the parsed [`Sidecar`], never the text, so every field the
//! format has (notes, models, `agreed`, `adjudicator`, fields added later) is carried
//! whole with the record or header it belongs to.

use crate::model::assign::{self, Plan};
use crate::model::sidecar::{self, Record, Sidecar, SidecarError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Why a merge cannot be made: git then reports a conflict and OURS is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// One side is not a file glose can read (it names the side and the file's path).
    #[error("{side} side of {path}: {source}")]
    Sidecar {
        side: &'static str,
        path: String,
        source: SidecarError,
    },
    #[error("{side} side of {path}: {msg}")]
    Plan {
        side: &'static str,
        path: String,
        msg: String,
    },
    /// Both sides changed something this merge cannot choose between.
    #[error("{path}: {msg}")]
    Conflict { path: String, msg: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// When a label was made, as a time rather than text, so that `…:05Z` and `…:05.000Z`
/// compare equal and offsets other than `Z` order correctly. `None` when unreadable.
/// (The one place that turns a record's `at` into a time for merging.)
pub fn label_time(at: &str) -> Option<SystemTime> {
    humantime::parse_rfc3339_weak(at.trim_end_matches('Z'))
        .ok()
        .or_else(|| humantime::parse_rfc3339(at).ok())
}

/// Whether `a` was made after `b`; a time that cannot be read counts as oldest.
fn newer(a: &Record, b: &Record) -> bool {
    label_time(&a.at) > label_time(&b.at)
}

/// Identity of a sentence's record: its span and text.
type Key = (usize, usize, String);

fn key(r: &Record) -> Key {
    (r.start, r.end, r.text.clone())
}

fn by_key(records: &[Record]) -> BTreeMap<Key, &Record> {
    records.iter().map(|r| (key(r), r)).collect()
}

/// Three-way merge of one sidecar (annotator or gold). Per sentence: a change on one side
/// is taken; changed on both, the newer label wins and the other goes to `history`, and
/// a label deleted on one side but changed on the other is kept. Notes of two changes
/// are joined when they differ. Orphans and history are unions. The header (fingerprint,
/// segmenter, fields added later) is theirs when only they changed it, else ours.
pub fn merge_sidecars(base: Option<&Sidecar>, ours: &Sidecar, theirs: &Sidecar) -> Sidecar {
    let empty = Vec::new();
    let b = by_key(base.map_or(&empty, |s| &s.labels));
    let o = by_key(&ours.labels);
    let t = by_key(&theirs.labels);
    let mut keys: Vec<&Key> = o.keys().chain(t.keys()).chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut labels = Vec::new();
    let mut history: Vec<Record> = Vec::new();
    for k in keys {
        let (bo, oo, to) = (b.get(k).copied(), o.get(k).copied(), t.get(k).copied());
        let pick = if oo == to || to == bo {
            oo.cloned()
        } else if oo == bo {
            to.cloned()
        } else {
            match (oo, to) {
                (Some(x), Some(y)) => {
                    let (win, lose) = if newer(y, x) { (y, x) } else { (x, y) };
                    let mut win = win.clone();
                    win.note = join_notes(win.note.take(), lose.note.as_deref());
                    history.push(lose.clone());
                    Some(win)
                }
                (x, y) => x.or(y).cloned(),
            }
        };
        labels.extend(pick);
    }
    let orphans = union(&[&ours.orphans, &theirs.orphans]);
    history = union(&[&ours.history, &theirs.history, &history]);
    let header = |s: &Sidecar| Sidecar {
        labels: Vec::new(),
        orphans: Vec::new(),
        history: Vec::new(),
        ..s.clone()
    };
    let take_theirs = base.is_some_and(|b| header(b) == header(ours));
    Sidecar {
        labels,
        orphans,
        history,
        ..header(if take_theirs { theirs } else { ours })
    }
}

/// The winner's note, with the loser's appended when it says something else.
fn join_notes(win: Option<String>, lose: Option<&str>) -> Option<String> {
    match (win, lose) {
        (Some(w), Some(l)) if !w.contains(l) => Some(format!("{w} | {l}")),
        (None, Some(l)) => Some(l.to_string()),
        (w, _) => w,
    }
}

/// Every record of the lists, each once, in first-seen order.
fn union(lists: &[&Vec<Record>]) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for r in lists.iter().flat_map(|l| l.iter()) {
        if !out.contains(r) {
            out.push(r.clone());
        }
    }
    out
}

/// Which of glose's files a path is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An annotator's or the gold sidecar.
    Sidecar,
    /// The assignment plan ([`assign::PLAN_FILE`]).
    Plan,
    /// Another glose file (`<article>.cuts.ron`): merged only when one side kept the base.
    Other,
}

impl Kind {
    pub fn of(path: &str) -> Kind {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == assign::PLAN_FILE {
            Kind::Plan
        } else if name.ends_with(".cuts.ron") {
            Kind::Other
        } else {
            Kind::Sidecar
        }
    }
}

/// The merged text of one file whose three versions are `base`, `ours` and `theirs`
/// (`base` empty when both sides added the file); `path` is the file's path in the
/// repository, which picks the [`Kind`] and names the file in errors.
pub fn merge_text(base: &str, ours: &str, theirs: &str, path: &str) -> Result<String, MergeError> {
    if ours == theirs || theirs == base {
        return Ok(ours.to_string());
    }
    if ours == base {
        return Ok(theirs.to_string());
    }
    match Kind::of(path) {
        Kind::Sidecar => {
            let parse = |side, text: &str| {
                sidecar::parse(text, Path::new(path)).map_err(|source| MergeError::Sidecar {
                    side,
                    path: path.to_string(),
                    source,
                })
            };
            let b = if base.trim().is_empty() {
                None
            } else {
                Some(parse("base", base)?)
            };
            let (o, t) = (parse("our", ours)?, parse("their", theirs)?);
            Ok(sidecar::to_ron(&merge_sidecars(b.as_ref(), &o, &t)))
        }
        Kind::Plan => {
            let parse = |side, text: &str| {
                Plan::parse(text).map_err(|msg| MergeError::Plan {
                    side,
                    path: path.to_string(),
                    msg,
                })
            };
            let b = if base.trim().is_empty() {
                Plan::default()
            } else {
                parse("base", base)?
            };
            let merged = assign::merge_plans(&b, &parse("our", ours)?, &parse("their", theirs)?)
                .map_err(|msg| MergeError::Conflict {
                    path: path.to_string(),
                    msg,
                })?;
            Ok(merged.to_ron())
        }
        Kind::Other => Err(MergeError::Conflict {
            path: path.to_string(),
            msg: "changed on both sides; glose merges label sidecars and the plan, not this file"
                .into(),
        }),
    }
}

/// git's merge-driver contract: merges the files `base`, `ours` and `theirs` into
/// `ours`, written atomically; on error `ours` is untouched.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path, path: &str) -> Result<(), MergeError> {
    let read = |p: &Path| -> Result<String, MergeError> {
        match sidecar::read_text(p) {
            Ok(t) => Ok(t.unwrap_or_default()),
            Err(source) => Err(MergeError::Sidecar {
                side: if p == base {
                    "base"
                } else if p == ours {
                    "our"
                } else {
                    "their"
                },
                path: path.to_string(),
                source,
            }),
        }
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let merged = merge_text(&b, &o, &t, path)?;
    if merged != o {
        crate::store::atomic::write(ours, merged.as_bytes()).map_err(|source| MergeError::Io {
            path: ours.to_path_buf(),
            source,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
