//! Three-way merge of the files glose shares through git, for `glose merge-driver`: one
//! annotator's sidecar edited on two machines, or one article's gold settled by two
//! reviewers, merges label by label instead of ending in conflict markers inside RON.
//!
//! The merge goes through the parsed [`Sidecar`], never the text, so every field the
//! format has (notes, models, `agreed`, `adjudicator`, fields added later) is carried
//! whole with the record or header it belongs to.

use crate::model::assign::{self, Plan};
use crate::model::cuts::{self, Cuts};
use crate::model::sidecar::capped::stored;
use crate::model::sidecar::{self, DocStatus, Note, Record, Sidecar, SidecarError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
/// Nanoseconds since 1970, read by [`crate::model::timestamp::instant`] as every other
/// comparison of label times is.
pub fn label_time(at: &str) -> Option<i128> {
    crate::model::timestamp::instant(at)
}

/// Whether `a` was made after `b`; a time that cannot be read counts as oldest.
fn newer(a: &Record, b: &Record) -> bool {
    label_time(&a.at) > label_time(&b.at)
}

/// Identity of a sentence's record: its span and text (as records keep it, so a whole
/// text from an older sidecar and its capped form are one key).
type Key = (usize, usize, String);

fn key(r: &Record) -> Key {
    (r.start, r.end, stored(&r.text).into_owned())
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
        notes: Vec::new(),
        status: None,
        ..s.clone()
    };
    let take_theirs = base.is_some_and(|b| header(b) == header(ours));
    Sidecar {
        labels,
        orphans,
        history,
        notes: merge_notes(base, ours, theirs),
        status: merge_status(base, ours, theirs),
        ..header(if take_theirs { theirs } else { ours })
    }
}

/// Corrections of both sides: what either added is kept, what either removed is gone.
fn merge_cuts(base: &Cuts, ours: &Cuts, theirs: &Cuts) -> Cuts {
    let three = |b: &std::collections::BTreeSet<cuts::Boundary>,
                 o: &std::collections::BTreeSet<cuts::Boundary>,
                 t: &std::collections::BTreeSet<cuts::Boundary>| {
        o.union(t)
            .filter(|x| !b.contains(x) || (o.contains(x) && t.contains(x)))
            .cloned()
            .collect()
    };
    Cuts {
        schema: ours.schema,
        article: ours.article.clone(),
        splits: three(&base.splits, &ours.splits, &theirs.splits),
        merges: three(&base.merges, &ours.merges, &theirs.merges),
    }
}

/// Notes of unlabeled sentences: a side that kept the base note takes the other's
/// change; both changed, the newer note wins.
fn merge_notes(base: Option<&Sidecar>, ours: &Sidecar, theirs: &Sidecar) -> Vec<Note> {
    let span = |n: &Note| (n.start, n.end, stored(&n.text).into_owned());
    let of = |s: Option<&Sidecar>| -> BTreeMap<_, Note> {
        s.map(|s| s.notes.iter().map(|n| (span(n), n.clone())).collect())
            .unwrap_or_default()
    };
    let (b, o, t) = (of(base), of(Some(ours)), of(Some(theirs)));
    let mut keys: Vec<_> = b.keys().chain(o.keys()).chain(t.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (bn, on, tn) = (b.get(&k), o.get(&k), t.get(&k));
            if on == bn {
                tn.cloned()
            } else if tn == bn || on == tn {
                on.cloned()
            } else {
                match (on, tn) {
                    (Some(x), Some(y)) => Some(if y.at > x.at { y } else { x }.clone()),
                    (x, y) => x.or(y).cloned(),
                }
            }
        })
        .collect()
}

/// The article's done/flagged mark: a side that kept the base mark takes the other's
/// change; both changed, the newer mark wins.
fn merge_status(base: Option<&Sidecar>, ours: &Sidecar, theirs: &Sidecar) -> Option<DocStatus> {
    let b = base.and_then(|s| s.status.as_ref());
    let (o, t) = (ours.status.as_ref(), theirs.status.as_ref());
    let at = |s: Option<&DocStatus>| match s {
        Some(DocStatus::Done { at } | DocStatus::Flagged { at, .. }) => at.clone(),
        None => String::new(),
    };
    if o == b {
        t.cloned()
    } else if t == b || at(o) >= at(t) {
        o.cloned()
    } else {
        t.cloned()
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
    /// An article's segmentation corrections (`<article>.cuts.ron`).
    Cuts,
}

impl Kind {
    pub fn of(path: &str) -> Kind {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == assign::PLAN_FILE {
            Kind::Plan
        } else if name.ends_with(".cuts.ron") {
            Kind::Cuts
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
                Plan::parse(text).map_err(|e| MergeError::Plan {
                    side,
                    path: path.to_string(),
                    msg: e.to_string(),
                })
            };
            let b = if base.trim().is_empty() {
                Plan::default()
            } else {
                parse("base", base)?
            };
            let merged = assign::merge_plans(&b, &parse("our", ours)?, &parse("their", theirs)?)
                .map_err(|e| MergeError::Conflict {
                    path: path.to_string(),
                    msg: e.to_string(),
                })?;
            Ok(merged.to_ron())
        }
        Kind::Cuts => {
            let parse = |side: &str, text: &str| {
                cuts::parse(text, Path::new(path)).map_err(|e| MergeError::Conflict {
                    path: path.to_string(),
                    msg: format!("{side} side: {e}"),
                })
            };
            let b = if base.trim().is_empty() {
                Cuts::default()
            } else {
                parse("base", base)?
            };
            let (o, t) = (parse("our", ours)?, parse("their", theirs)?);
            Ok(cuts::to_ron(&merge_cuts(&b, &o, &t)))
        }
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
