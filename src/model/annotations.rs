//! One annotator's labels on one loaded article: attached to the article's sentences,
//! changed one at a time and written back to the sidecar at once. Before each write the
//! sidecar is re-read if it changed on disk (another glose, a git pull), and the two are
//! merged, newest change per sentence first, so no label is lost.

use crate::model::annotator::Annotator;
use crate::model::corpus::sidecar_path;
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::sidecar::{self, DocStatus, Note, Record, Sidecar, SidecarError, capped};
use crate::nlp::segment;
use crate::store::atomic::{FolderId, folder_replaced};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder a sidecar sits in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

use std::time::SystemTime;

mod attach;

#[cfg(test)]
pub(crate) use attach::exact_labels;
pub use attach::{Attached, Exact, attach, place};

/// What identifies the sidecar file as we last saw it, to notice outside changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    mtime: Option<SystemTime>,
    #[cfg(unix)]
    ino: u64,
}

fn stamp(path: &std::path::Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: m.len(),
        mtime: m.modified().ok(),
        #[cfg(unix)]
        ino: std::os::unix::fs::MetadataExt::ino(&m),
    })
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// The digest of the sidecar's bytes now (`None` when it cannot be read: the merge that
/// follows says why).
fn digest_on_disk(path: &std::path::Path) -> Option<[u8; 32]> {
    sidecar::read_bytes(path).ok().flatten().map(|b| digest(&b))
}

/// What a save did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Saved {
    /// The file had changed on disk and was merged in first.
    pub merged: bool,
    /// Bytes were written (false when nothing changed).
    pub written: bool,
}

/// An annotator's labels on one document, bound to its sidecar file.
#[derive(Debug, Clone)]
pub struct Annotations {
    pub annotator: Annotator,
    pub path: PathBuf,
    pub labels: Vec<Option<Record>>,
    pub orphans: Vec<Record>,
    /// The sidecar's `history` (labels a merge replaced), written back unchanged.
    pub history: Vec<Record>,
    /// Labels re-attached at another offset when loading.
    pub moved: usize,
    /// Notes on unlabeled sentences, one slot per sentence ([`Annotations::set_note`]).
    pub notes: Vec<Option<Note>>,
    /// Notes whose sentence is no longer in the article: kept, never dropped.
    pub stray_notes: Vec<Note>,
    /// Done or flagged for review ([`Annotations::set_status`]).
    pub status: Option<DocStatus>,
    /// The status changed since the last save, at this time.
    status_changed: Option<String>,
    /// Sentences changed since the last save, with when (for merging).
    changed: BTreeMap<usize, String>,
    /// The file as we last read or wrote it.
    seen: Option<Stamp>,
    /// SHA-256 of the bytes last read or written: an edit in place that keeps the size
    /// and puts the mtime back changes no [`Stamp`], only the bytes.
    digest: Option<[u8; 32]>,
    /// Text of the last write, to skip writes that change nothing.
    last_text: Option<String>,
    /// Each label's rendered sidecar line, so a save re-renders only what changed.
    lines: Vec<Option<String>>,
    /// The article's folder when it was opened: a save refuses to write if the folder at
    /// that path is another one since (swapped for a link to elsewhere by a `git pull`).
    folder: Option<FolderId>,
    /// Set only through [`GoldWrite`]: gold is written by adjudication, nothing else.
    gold_writable: bool,
}

/// Permission to write the `gold` sidecar. Gold holds adjudicated labels: it is written
/// by review (`GoldWrite::adjudication`, for [`crate::review`] only) or by an import the
/// user marked as the reference in so many words ([`GoldWrite::explicit_import`], for
/// `import --allow-gold`). [`Annotations::load`] of `gold` gives read-only annotations.
#[derive(Debug, Clone, Copy)]
pub struct GoldWrite(());

impl GoldWrite {
    /// For the adjudication code paths.
    pub(crate) fn adjudication() -> GoldWrite {
        GoldWrite(())
    }

    /// The hook for `import --allow-gold`: call only when the user asked for it.
    pub fn explicit_import() -> GoldWrite {
        GoldWrite(())
    }
}

impl Annotations {
    /// Loads the annotator's sidecar for `doc` (an empty set when there is none). A sidecar
    /// that does not parse is an error; the caller opens the article read-only.
    pub fn load(doc: &Document, annotator: &Annotator) -> Result<Annotations, SidecarError> {
        let path = sidecar_path(&doc.path, annotator);
        if let Some(name) = doc.path.file_name() {
            crate::model::annotator::sidecar_name_fits(&name.to_string_lossy(), annotator)
                .map_err(|why| SidecarError::Io {
                    path: path.clone(),
                    source: std::io::Error::new(std::io::ErrorKind::InvalidInput, why),
                })?;
        }
        let folder = FolderId::of(folder_of(&path));
        let seen = stamp(&path);
        let text = sidecar::read_text(&path)?;
        let digest = text.as_deref().map(|t| digest(t.as_bytes()));
        let sc = text.map(|t| sidecar::parse(&t, &path)).transpose()?;
        let history = sc.as_ref().map(|s| s.history.clone()).unwrap_or_default();
        let (records, notes, status) = sc
            .map(|s| {
                let records = s.labels.into_iter().chain(s.orphans).collect::<Vec<_>>();
                (records, s.notes, s.status)
            })
            .unwrap_or_default();
        let a = attach(doc, records);
        let (notes, stray_notes, _) = place(doc, notes);
        Ok(Annotations {
            annotator: annotator.clone(),
            path,
            labels: a.labels,
            orphans: a.orphans,
            history,
            moved: a.moved,
            notes,
            stray_notes,
            status,
            status_changed: None,
            changed: BTreeMap::new(),
            seen,
            digest,
            last_text: None,
            lines: Vec::new(),
            folder,
            gold_writable: false,
        })
    }

    /// [`Annotations::load`] of the gold sidecar, writable.
    pub fn load_gold(doc: &Document, _: GoldWrite) -> Result<Annotations, SidecarError> {
        let mut gold = Annotations::load(doc, &Annotator::gold())?;
        gold.gold_writable = true;
        Ok(gold)
    }

    /// The label of sentence `i`.
    pub fn label(&self, i: usize) -> Option<Label> {
        self.labels.get(i).and_then(|r| r.as_ref().map(|r| r.label))
    }

    /// Number of labeled sentences.
    pub fn count(&self) -> usize {
        self.labels.iter().filter(|r| r.is_some()).count()
    }

    /// Replaces the record of sentence `i` (None clears it). Returns the previous record,
    /// for undo. Call [`Annotations::save`] afterwards.
    /// A note on the unlabeled sentence moves into a label that comes without one, and
    /// the note of a cleared label stays on the sentence: a note is never lost with its
    /// label.
    pub fn set(&mut self, i: usize, mut record: Option<Record>) -> Option<Record> {
        let at = record.as_ref().map_or_else(sidecar::now, |r| r.at.clone());
        self.changed.insert(i, at);
        if let Some(l) = self.lines.get_mut(i) {
            *l = None;
        }
        if let Some(r) = record.as_mut()
            && r.note.is_none()
            && let Some(n) = self.notes.get_mut(i).and_then(Option::take)
        {
            r.note = Some(n.note);
            r.note_at = Some(n.at);
        }
        let old = std::mem::replace(&mut self.labels[i], record);
        if self.labels[i].is_none()
            && let Some(o) = &old
            && let (Some(note), Some(slot)) = (&o.note, self.notes.get_mut(i))
        {
            *slot = Some(Note {
                start: o.start,
                end: o.end,
                text: o.text.clone(),
                note: note.clone(),
                at: o.note_at.clone().unwrap_or_else(|| o.at.clone()),
            });
        }
        old
    }

    /// The note on sentence `i`, labeled or not.
    pub fn note(&self, i: usize) -> Option<&str> {
        match self.labels.get(i)? {
            Some(r) => r.note.as_deref(),
            None => self.notes.get(i)?.as_ref().map(|n| n.note.as_str()),
        }
    }

    /// Writes (or with `None` or an empty text, removes) the note on sentence `i` of
    /// `doc`, labeled or not. The note gets its own time; a label's `at` is left as it
    /// was, so pace and "newest wins" stay about labels. Returns the previous note, for
    /// undo. Call [`Annotations::save`] afterwards.
    pub fn set_note(&mut self, doc: &Document, i: usize, note: Option<&str>) -> Option<String> {
        let note = note.filter(|n| !n.is_empty());
        let now = sidecar::now();
        if let Some(l) = self.lines.get_mut(i) {
            *l = None;
        }
        if let Some(r) = self.labels.get_mut(i).and_then(Option::as_mut) {
            self.changed.insert(i, r.at.clone());
            r.note_at = note.map(|_| now);
            return std::mem::replace(&mut r.note, note.map(str::to_string));
        }
        self.changed.insert(i, now.clone());
        let s = doc.sentences[i];
        let new = note.map(|n| Note {
            start: s.start,
            end: s.end,
            text: capped::stored(doc.sentence_text(i)).into_owned(),
            note: n.to_string(),
            at: now,
        });
        let slot = self.notes.get_mut(i)?;
        std::mem::replace(slot, new).map(|n| n.note)
    }

    /// Puts a label on a span that is no sentence of the article (kept with the orphans),
    /// replacing the one on the same span. Returns the previous one, for undo.
    pub fn set_orphan(&mut self, record: Record) -> Option<Record> {
        match self
            .orphans
            .iter_mut()
            .find(|o| o.start == record.start && o.end == record.end)
        {
            Some(o) => Some(std::mem::replace(o, record)),
            None => {
                self.orphans.push(record);
                None
            }
        }
    }

    /// Removes the orphan label on exactly this span, returning it.
    pub fn remove_orphan(&mut self, start: usize, end: usize) -> Option<Record> {
        let i = self
            .orphans
            .iter()
            .position(|o| o.start == start && o.end == end)?;
        Some(self.orphans.remove(i))
    }

    /// Takes in what another process wrote to the sidecar since we last read or wrote it
    /// (a second session, `git pull`, an import), keeping every change of ours not yet
    /// saved, as a save's merge does. True if the sidecar had changed. A sidecar removed
    /// meanwhile changes nothing here: the next save writes our labels again.
    pub fn refresh(&mut self, doc: &Document) -> Result<bool, SidecarError> {
        let now = stamp(&self.path);
        if now.is_none() || now == self.seen {
            return Ok(false);
        }
        let _lock = crate::store::lock::folder_of(&self.path);
        self.merge_from_disk(doc)?;
        // What is on disk is no longer what we last wrote.
        self.last_text = None;
        Ok(true)
    }

    /// True when changes are not yet on disk.
    pub fn is_dirty(&self) -> bool {
        !self.changed.is_empty() || self.status_changed.is_some()
    }

    /// Marks the article done or flagged for review (with the reason), or with `None`
    /// clears the mark. Returns the previous status, for undo. Call
    /// [`Annotations::save`] afterwards; the status is saved atomically like labels.
    pub fn set_status(&mut self, status: Option<DocStatus>) -> Option<DocStatus> {
        self.status_changed = Some(sidecar::now());
        std::mem::replace(&mut self.status, status)
    }

    /// True when sentence `i` changed since the last successful save (the reader marks it).
    pub fn is_pending(&self, i: usize) -> bool {
        self.changed.contains_key(&i)
    }

    /// The sidecar content for the current state.
    pub fn to_sidecar(&self, doc: &Document) -> Sidecar {
        Sidecar {
            labels: self.labels.iter().flatten().cloned().collect(),
            orphans: self.orphans.clone(),
            notes: self.all_notes(),
            status: self.status.clone(),
            ..self.to_sidecar_header(doc)
        }
    }

    /// Writes the labels to the sidecar atomically, merging first if the file changed on
    /// disk since we last saw it. On error nothing is lost: the changes stay pending and the
    /// next save retries them.
    pub fn save(&mut self, doc: &Document) -> Result<Saved, SidecarError> {
        let mut saved = Saved::default();
        // Another glose saving this sidecar now would slip between our check and rename.
        if self.annotator.is_gold() && !self.gold_writable {
            return Err(self.io_error(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "gold is written only by adjudication (`glose review`) or `import --allow-gold`",
            )));
        }
        if self.annotator.is_legacy() {
            return Err(self.io_error(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                crate::model::annotator::NameError::Dot(
                    crate::model::sanitize::clean(self.annotator.as_str()).into_owned(),
                    self.annotator.as_str().replace('.', "_"),
                )
                .to_string(),
            )));
        }
        let _lock = crate::store::lock::folder_of(&self.path);
        // Checked before merging too, so nothing is read from a folder outside the corpus;
        // the write checks again, on the folder handle it writes through.
        if self.folder.is_some() && FolderId::of(folder_of(&self.path)) != self.folder {
            return Err(self.io_error(folder_replaced()));
        }
        let now_stamp = stamp(&self.path);
        let outside = now_stamp.is_some()
            && (now_stamp != self.seen || self.digest != digest_on_disk(&self.path));
        if outside {
            self.merge_from_disk(doc)?;
            saved.merged = true;
        }
        let empty = self.labels.iter().all(Option::is_none)
            && self.orphans.is_empty()
            && self.all_notes().is_empty()
            && self.status.is_none();
        if empty && now_stamp.is_none() {
            // Nothing to keep and no file yet: do not create an empty sidecar.
            self.changed.clear();
            self.status_changed = None;
            return Ok(saved);
        }
        let text = self.render(doc);
        if self.last_text.as_deref() == Some(text.as_str()) && !saved.merged {
            self.changed.clear();
            return Ok(saved);
        }
        crate::store::atomic::write_in_folder(&self.path, self.folder, text.as_bytes())
            .map_err(|source| self.io_error(source))?;
        self.seen = stamp(&self.path);
        self.digest = Some(digest(text.as_bytes()));
        self.last_text = Some(text);
        self.changed.clear();
        self.status_changed = None;
        saved.written = true;
        Ok(saved)
    }

    fn io_error(&self, source: std::io::Error) -> SidecarError {
        SidecarError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// The sidecar text, re-rendering only labels changed since the last render.
    fn render(&mut self, doc: &Document) -> String {
        self.lines.resize(self.labels.len(), None);
        for (r, l) in self.labels.iter().zip(self.lines.iter_mut()) {
            match (r, &l) {
                (Some(r), None) => *l = Some(sidecar::record_line(r)),
                (None, Some(_)) => *l = None,
                _ => {}
            }
        }
        let mut header = self.to_sidecar_header(doc);
        header.orphans = self.orphans.clone();
        header.notes = self.all_notes();
        header.status = self.status.clone();
        sidecar::render(&header, self.lines.iter().flatten().map(String::as_str))
    }

    fn to_sidecar_header(&self, doc: &Document) -> Sidecar {
        Sidecar {
            schema: sidecar::SCHEMA,
            article: doc.id.clone(),
            // A document loaded for a read-only summary carries no fingerprint.
            fingerprint: if doc.fingerprint.is_empty() {
                crate::model::document::fingerprint(doc.raw.as_bytes())
            } else {
                doc.fingerprint.clone()
            },
            segmenter: segment::VERSION.to_string(),
            annotator: self.annotator.to_string(),
            labels: Vec::new(),
            orphans: Vec::new(),
            history: self.history.clone(),
            notes: Vec::new(),
            status: None,
        }
    }

    /// Notes of unlabeled sentences, then those whose sentence is gone.
    fn all_notes(&self) -> Vec<Note> {
        let placed = self.notes.iter().flatten();
        placed.chain(&self.stray_notes).cloned().collect()
    }

    /// Folds the sidecar as it is on disk into ours: for sentences we changed since the
    /// last save, the newer change wins; every other sentence takes the disk's label.
    fn merge_from_disk(&mut self, doc: &Document) -> Result<(), SidecarError> {
        let seen = stamp(&self.path);
        let Some(text) = sidecar::read_text(&self.path)? else {
            return Ok(());
        };
        let disk = sidecar::parse(&text, &self.path)?;
        self.digest = Some(digest(text.as_bytes()));
        for h in disk.history {
            if !self.history.contains(&h) {
                self.history.push(h);
            }
        }
        let theirs = attach(doc, disk.labels.into_iter().chain(disk.orphans));
        let (their_notes, their_strays, _) = place(doc, disk.notes);
        self.lines.clear();
        for (i, (their, their_note)) in theirs.labels.into_iter().zip(their_notes).enumerate() {
            match self.changed.get(&i) {
                Some(my_at) => {
                    if let Some(mut t) = their
                        && crate::model::timestamp::is_newer(&t.at, my_at)
                    {
                        // Their label is newer; a note we wrote since keeps its place.
                        let mine = self.labels[i].take();
                        if let Some(m) = mine
                            && m.note_at
                                .as_deref()
                                .and_then(crate::model::timestamp::instant)
                                > t.note_at
                                    .as_deref()
                                    .and_then(crate::model::timestamp::instant)
                        {
                            (t.note, t.note_at) = (m.note, m.note_at);
                        }
                        self.labels[i] = Some(t);
                    }
                }
                None => {
                    self.labels[i] = their;
                    self.notes[i] = their_note;
                }
            }
        }
        // Our status stands if we changed it since the last save (the newer change).
        if self.status_changed.is_none() {
            self.status = disk.status;
        }
        for n in their_strays {
            if !self.stray_notes.contains(&n) {
                self.stray_notes.push(n);
            }
        }
        for o in theirs.orphans {
            if !self
                .orphans
                .iter()
                .any(|m| (m.start, m.end) == (o.start, o.end) && same_text(&m.text, &o.text))
            {
                self.orphans.push(o);
            }
        }
        self.seen = seen;
        Ok(())
    }
}

/// Whether two records' texts name the same unit, whichever form each holds.
pub fn same_text(a: &str, b: &str) -> bool {
    a == b || capped::stored(a) == capped::stored(b)
}

/// Test set-up shared by the model's unit tests: `who` labels sentence `i` with `l` for
/// each `(i, l)` by hand, saved to the sidecar.
#[cfg(test)]
pub(crate) fn label_by_hand(doc: &Document, who: &Annotator, labels: &[(usize, Label)]) {
    let mut a = Annotations::load(doc, who).unwrap();
    for &(i, l) in labels {
        let s = doc.sentences[i];
        let r = Record::new(s.start, s.end, doc.sentence_text(i), l, sidecar::How::Hand);
        a.set(i, Some(r));
    }
    a.save(doc).unwrap();
}

#[cfg(test)]
mod note_tests;

#[cfg(test)]
mod tests;
