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
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The folder a sidecar sits in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

use std::time::SystemTime;

/// Records matched to sentences, and those that match none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attached {
    /// One slot per sentence of the document.
    pub labels: Vec<Option<Record>>,
    /// Labels whose sentence text is no longer in the article.
    pub orphans: Vec<Record>,
    /// Labels found again at another offset (the article was edited or re-segmented).
    pub moved: usize,
}

/// Matches records to the document's sentences: by exact span and text first, then by
/// sentence text at the nearest offset. What matches nothing becomes an orphan.
pub fn attach(doc: &Document, records: impl IntoIterator<Item = Record>) -> Attached {
    let (labels, orphans, moved) = place(doc, records);
    Attached {
        labels,
        orphans,
        moved,
    }
}

/// What is kept at a sentence and found again by its span and text: a label or a note.
pub trait Anchored {
    fn span(&self) -> (usize, usize);
    fn anchor_text(&self) -> &str;
    fn move_to(&mut self, start: usize, end: usize);
}

/// Labels and notes keep their span and text in fields of the same names.
macro_rules! anchored_by_fields {
    ($($t:ty),*) => {$(
        impl Anchored for $t {
            fn span(&self) -> (usize, usize) {
                (self.start, self.end)
            }
            fn anchor_text(&self) -> &str {
                &self.text
            }
            fn move_to(&mut self, start: usize, end: usize) {
                (self.start, self.end) = (start, end);
            }
        }
    )*};
}

anchored_by_fields!(Record, Note);

/// [`attach`] for anything [`Anchored`]: one slot per sentence, what matches none, and
/// how many were found at another offset.
pub fn place<T: Anchored>(
    doc: &Document,
    items: impl IntoIterator<Item = T>,
) -> (Vec<Option<T>>, Vec<T>, usize) {
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None)
        .take(doc.sentences.len())
        .collect();
    let (mut unplaced, mut moved) = (Vec::new(), 0);
    let mut pending = Vec::new();
    for r in items {
        let (start, end) = r.span();
        match doc.sentence_at(start, end) {
            Some(i)
                if slots[i].is_none() && capped::matches(r.anchor_text(), doc.sentence_text(i)) =>
            {
                slots[i] = Some(r)
            }
            _ => pending.push(r),
        }
    }
    if pending.is_empty() {
        return (slots, unplaced, moved);
    }
    // Keyed by the text as records keep it, so a capped record finds its unit by its
    // start, length and digest.
    let mut by_text: HashMap<Cow<str>, Vec<usize>> = HashMap::new();
    for i in 0..doc.sentences.len() {
        by_text
            .entry(capped::stored(doc.sentence_text(i)))
            .or_default()
            .push(i);
    }
    for mut r in pending {
        let best = by_text.get(&capped::stored(r.anchor_text())).and_then(|c| {
            c.iter()
                .copied()
                .filter(|&i| slots[i].is_none())
                .min_by_key(|&i| doc.sentences[i].start.abs_diff(r.span().0))
        });
        match best {
            Some(i) => {
                r.move_to(doc.sentences[i].start, doc.sentences[i].end);
                slots[i] = Some(r);
                moved += 1;
            }
            None => unplaced.push(r),
        }
    }
    (slots, unplaced, moved)
}

/// The label of each sentence by `annotator`, read without building [`Annotations`]:
/// for a sidecar in glose's own layout whose labels all sit exactly on sentences
/// ([`Exact`]). `None` when [`Annotations::load`] is needed (no sidecar, an error to
/// report, labels to re-attach); otherwise the labels `Annotations::load` would give,
/// with no orphan. (Readers of many annotators share one [`Exact`] per document.)
#[cfg(test)]
pub(crate) fn exact_labels(doc: &Document, annotator: &Annotator) -> Option<Vec<Option<Label>>> {
    let mut out = vec![None; doc.sentences.len()];
    Exact::new(doc)
        .read(annotator, |i, label, _| out[i] = Some(label))?
        .then_some(out)
}

/// A document's sentences as [`sidecar::visit_exact`] checks labels against them. Which
/// texts a sidecar holds as is is worked out on the first read, once for all the
/// annotators of an article (and not at all for an article with no sidecar).
pub struct Exact<'d> {
    doc: &'d Document,
    /// Each sentence's text as a record keeps it, and whether it is written as is.
    as_is: std::cell::OnceCell<Vec<(Cow<'d, str>, bool)>>,
}

impl<'d> Exact<'d> {
    pub fn new(doc: &'d Document) -> Exact<'d> {
        Exact {
            doc,
            as_is: std::cell::OnceCell::new(),
        }
    }

    /// Reads `annotator`'s sidecar and gives `each(sentence, label, saved at)` for every
    /// record, when all sit exactly on a sentence with its text, one per sentence: the
    /// labels [`attach`] then gives, none moved and no orphan. `Some(false)` when there
    /// is no sidecar. `None` when it has an error to report or is not in glose's own
    /// layout, or a record needs `attach`; `each` may have been called for some records
    /// before that.
    pub fn read(
        &self,
        annotator: &Annotator,
        each: impl FnMut(usize, Label, &str),
    ) -> Option<bool> {
        self.read_meta(annotator, each, &mut None)
    }

    /// [`Exact::read`], putting the `fstat` of the sidecar it read in `meta`.
    pub fn read_meta(
        &self,
        annotator: &Annotator,
        mut each: impl FnMut(usize, Label, &str),
        meta: &mut Option<std::fs::Metadata>,
    ) -> Option<bool> {
        let read = self.visit(annotator, |i, label, at, _| each(i, label, at), meta)?;
        Some(read.0)
    }

    /// [`Exact::read`], with the sidecar's document status.
    pub fn read_status(
        &self,
        annotator: &Annotator,
        mut each: impl FnMut(usize, Label, &str),
    ) -> Option<(bool, Option<DocStatus>)> {
        self.visit(annotator, |i, label, at, _| each(i, label, at), &mut None)
    }

    /// [`Exact::read`] giving each label's note instead of its time (exports carry notes),
    /// and the sidecar's document status.
    pub fn read_notes(
        &self,
        annotator: &Annotator,
        mut each: impl FnMut(usize, Label, Option<&str>),
    ) -> Option<(bool, Option<DocStatus>)> {
        self.visit(
            annotator,
            |i, label, _, note| each(i, label, note),
            &mut None,
        )
    }

    fn visit(
        &self,
        annotator: &Annotator,
        mut each: impl FnMut(usize, Label, &str, Option<&str>),
        meta: &mut Option<std::fs::Metadata>,
    ) -> Option<(bool, Option<DocStatus>)> {
        let doc = self.doc;
        let path = sidecar_path(&doc.path, annotator);
        let read = sidecar::with_bytes_meta(&path, |bytes, m| {
            *meta = Some(m);
            let as_is = self.as_is.get_or_init(|| {
                (0..doc.sentences.len())
                    .map(|i| {
                        let t = capped::stored(doc.sentence_text(i));
                        let as_is = sidecar::written_as_is(&t);
                        (t, as_is)
                    })
                    .collect()
            });
            let mut seen = vec![false; doc.sentences.len()];
            // Records come in offset order: try the sentence after the last one first.
            let mut next = 0;
            let sentence = |start: usize, end: usize| {
                let i = match doc.sentences.get(next) {
                    Some(s) if s.start == start && s.end == end => next,
                    _ => doc.sentence_at(start, end)?,
                };
                next = i + 1;
                Some((i, as_is[i].0.as_ref(), as_is[i].1))
            };
            sidecar::visit_exact(bytes, sentence, |i, label, at, note| {
                if std::mem::replace(&mut seen[i], true) {
                    return None;
                }
                each(i, label, &at, note.as_deref());
                Some(())
            })
        });
        match read.ok()? {
            None => Some((false, None)),
            Some(visited) => visited.map(|status| (true, status)),
        }
    }
}

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
mod tests {
    use super::*;
    use crate::model::sidecar::{How, RecordRef, SidecarRef};
    use proptest::prelude::*;
    use std::path::Path;

    /// The record of each sentence when every record of `sidecar` sits exactly on a sentence
    /// with its text, one per sentence: what [`attach`] gives then (nothing moved, no orphan)
    /// without owning a string. `None` when any record needs `attach`'s other passes.
    fn attach_exact<'s, 'a>(
        doc: &Document,
        sidecar: &'s SidecarRef<'a>,
    ) -> Option<Vec<Option<&'s RecordRef<'a>>>> {
        let mut out = vec![None; doc.sentences.len()];
        for r in sidecar.records() {
            let i = doc.sentence_at(r.start, r.end)?;
            if out[i].is_some() || !capped::matches(&r.text, doc.sentence_text(i)) {
                return None;
            }
            out[i] = Some(r);
        }
        Some(out)
    }

    /// What [`Exact::read`] must give: the straightforward parse, then [`attach_exact`].
    fn by_parse(doc: &Document, who: &Annotator) -> Option<Vec<Option<(Label, String)>>> {
        let text = sidecar::read_text(&sidecar_path(&doc.path, who)).ok()??;
        let sc = sidecar::parse_ref(&text)?;
        let cells = attach_exact(doc, &sc)?;
        Some(
            cells
                .iter()
                .map(|r| r.map(|r| (r.label, r.at.to_string())))
                .collect(),
        )
    }

    fn by_visit(doc: &Document, who: &Annotator) -> Option<Vec<Option<(Label, String)>>> {
        let mut out = vec![None; doc.sentences.len()];
        let read = Exact::new(doc).read(who, |i, l, at| out[i] = Some((l, at.to_string())))?;
        read.then_some(out)
    }

    /// Sentence text with what sidecar strings escape, or may: quotes, backslashes,
    /// controls, line separators, bidi marks, and the common characters with the same
    /// lead bytes.
    fn sentence() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                4 => "[a-zé ]{1,8}",
                1 => prop::sample::select(vec![
                    "\"", "\\", "\t", "\u{1}", "\u{7f}", "\u{85}", "\u{a0}", "«", "»", "’",
                    "—", "…", "\u{2028}", "\u{202e}", "\u{2066}", "\u{feff}", "\u{fffd}",
                ])
                .prop_map(str::to_string),
            ],
            1..6,
        )
        .prop_map(|parts| format!("{}.", parts.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Reading a sidecar in place gives what parsing it and attaching gives, on
        /// sidecars glose wrote, edited, or hand-written in another layout.
        #[test]
        fn reading_in_place_is_parsing_then_attaching(
            sentences in proptest::collection::vec(sentence(), 1..6),
            labels in proptest::collection::vec((0usize..6, 0..Label::COUNT), 1..6),
            edit in 0usize..6,
        ) {
            let text = sentences.join(" ");
            let (_dir, doc) = setup(&text);
            let who = Annotator::new("a").unwrap();
            let n = doc.sentences.len();
            let labels: Vec<_> = labels.iter().map(|&(i, l)| (i % n, Label::ALL[l])).collect();
            label_by_hand(&doc, &who, &labels);
            let path = sidecar_path(&doc.path, &who);
            let written = std::fs::read_to_string(&path).unwrap();
            let edited = match edit {
                // As written.
                0 => written.clone(),
                // A label's text changed by hand.
                1 => written.replacen("text: \"", "text: \"x", 1),
                // Another layout (only `ron` reads it).
                2 => written.replacen("(start: ", "( start: ", 1),
                // A raw control character (only `ron` reads it).
                3 => written.replacen("text: \"", "text: \"\u{fffd}", 1).replacen('\u{fffd}', "\u{1}", 1),
                // Escapes undone by hand: raw characters the writer never writes raw.
                4 => written.replace("\\u{2028}", "\u{2028}").replace("\\t", "\t"),
                // A truncated file, cut between characters (a sidecar that is not
                // UTF-8 has its own test).
                _ => written[..written.floor_char_boundary(written.len() / 2)].to_string(),
            };
            std::fs::write(&path, &edited).unwrap();
            prop_assert_eq!(by_visit(&doc, &who), by_parse(&doc, &who));
            if edit == 0 {
                prop_assert!(by_visit(&doc, &who).is_some());
            }
        }

        #[test]
        fn written_as_is_means_the_literal_is_the_text(s in sentence()) {
            let mut lit = String::new();
            sidecar::push_str_lit_for_test(&mut lit, &s);
            prop_assert_eq!(sidecar::written_as_is(&s), lit == format!("\"{s}\""));
        }
    }

    /// A text the writer escapes, found raw, is left to `ron` like any hand edit.
    #[test]
    fn raw_characters_the_writer_escapes_are_not_read_in_place() {
        let (_dir, doc) = setup("Un\u{2028}deux. Trois\tquatre.");
        let who = Annotator::new("a").unwrap();
        label_by_hand(&doc, &who, &[(0, Label::Quote), (1, Label::Skip)]);
        assert!(by_visit(&doc, &who).is_some());
        let path = sidecar_path(&doc.path, &who);
        let written = std::fs::read_to_string(&path).unwrap();
        let raw = written
            .replace("\\u{2028}", "\u{2028}")
            .replace("\\t", "\t");
        assert_ne!(raw, written);
        std::fs::write(&path, raw).unwrap();
        assert_eq!(by_parse(&doc, &who), None);
        assert_eq!(by_visit(&doc, &who), None);
    }

    #[test]
    fn a_non_utf8_sidecar_is_not_read_in_place() {
        let (_dir, doc) = setup("Un. Deux.");
        let who = Annotator::new("a").unwrap();
        label_by_hand(&doc, &who, &[(0, Label::Quote)]);
        let path = sidecar_path(&doc.path, &who);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.windows(4).position(|w| w == b"Un.\"").unwrap();
        bytes[at] = 0xff;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(by_visit(&doc, &who), None);
        assert!(sidecar::read_text(&path).is_err());
    }

    fn setup(text: &str) -> (tempfile::TempDir, Document) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, text).unwrap();
        let d = Document::load(&p, "a.txt").unwrap();
        (dir, d)
    }

    fn rec(d: &Document, i: usize, l: Label) -> Record {
        let s = d.sentences[i];
        Record::new(s.start, s.end, d.sentence_text(i), l, How::Hand)
    }

    fn alice() -> Annotator {
        Annotator::new("alice").unwrap()
    }

    #[test]
    fn labels_survive_save_and_reload() {
        let (_d, doc) = setup("Titre\n\nUne phrase. Deux phrases.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        a.set(1, Some(rec(&doc, 1, Label::Factual)));
        a.set(2, Some(rec(&doc, 2, Label::Opinion)));
        assert!(a.save(&doc).unwrap().written);
        let b = Annotations::load(&doc, &alice()).unwrap();
        assert_eq!(b.label(1), Some(Label::Factual));
        assert_eq!(b.label(2), Some(Label::Opinion));
        assert_eq!(b.label(0), None);
        // The incremental rendering is the same text as rendering the whole sidecar.
        a.set(1, None);
        a.set(0, Some(rec(&doc, 0, Label::Skip)));
        a.save(&doc).unwrap();
        let on_disk = std::fs::read_to_string(&a.path).unwrap();
        assert_eq!(on_disk, sidecar::to_ron(&a.to_sidecar(&doc)));
        assert!(a.path.ends_with("a.txt.alice.ron"));
    }

    #[test]
    fn the_history_a_merge_kept_survives_the_next_labels() {
        let (_d, doc) = setup("Titre\n\nUne phrase. Deux phrases.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        a.set(1, Some(rec(&doc, 1, Label::Factual)));
        a.save(&doc).unwrap();
        let mut sc = sidecar::read(&a.path).unwrap().unwrap();
        sc.history = vec![rec(&doc, 1, Label::Quote)];
        sidecar::write(&a.path, &sc).unwrap();
        let mut b = Annotations::load(&doc, &alice()).unwrap();
        b.set(2, Some(rec(&doc, 2, Label::Opinion)));
        b.save(&doc).unwrap();
        // Read in place too: the history is no label.
        let exact = exact_labels(&doc, &alice()).expect("read in place");
        assert_eq!(
            exact,
            vec![None, Some(Label::Factual), Some(Label::Opinion)]
        );
        assert!(sidecar::parse_ref(&std::fs::read_to_string(&b.path).unwrap()).is_some());
        let back = sidecar::read(&b.path).unwrap().unwrap();
        assert_eq!(back.history.len(), 1);
        assert_eq!(back.history[0].label, Label::Quote);
        assert_eq!(back.labels.len(), 2);
    }

    /// `exact_labels` answers only when it gives what `Annotations::load` gives.
    #[test]
    fn exact_labels_are_those_of_a_full_load_or_none() {
        let (dir, doc) = setup("Premier. Deuxième. Troisième. Quatre.\n");
        let labels = |d: &Document| Annotations::load(d, &alice()).unwrap().labels;
        let plain = |d: &Document| -> Vec<Option<Label>> {
            labels(d)
                .iter()
                .map(|r| r.as_ref().map(|r| r.label))
                .collect()
        };
        assert_eq!(exact_labels(&doc, &alice()), None, "no sidecar yet");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        a.set(0, Some(rec(&doc, 0, Label::Quote)));
        a.set(2, Some(rec(&doc, 2, Label::Skip)));
        a.save(&doc).unwrap();
        let got = exact_labels(&doc, &alice()).unwrap();
        assert_eq!(got, plain(&doc));
        assert_eq!(got, [Some(Label::Quote), None, Some(Label::Skip), None]);
        // Hand-formatted (read by `ron`), moved by an edit, or with an orphan: `None`.
        let p = dir.path().join("a.txt.alice.ron");
        let canonical = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, canonical.replace("(start: 0", "( start: 0")).unwrap();
        assert_eq!(exact_labels(&doc, &alice()), None);
        assert_eq!(plain(&doc), got);
        std::fs::write(&p, &canonical).unwrap();
        let edited = dir.path().join("a.txt");
        std::fs::write(&edited, "Ajout. Premier. Deuxième. Troisième. Quatre.\n").unwrap();
        let doc2 = Document::load(&edited, "a.txt").unwrap();
        assert_eq!(exact_labels(&doc2, &alice()), None);
        assert_eq!(Annotations::load(&doc2, &alice()).unwrap().moved, 2);
        std::fs::write(&edited, "Premier. Autre. Quatre.\n").unwrap();
        let doc3 = Document::load(&edited, "a.txt").unwrap();
        assert_eq!(exact_labels(&doc3, &alice()), None);
        assert_eq!(Annotations::load(&doc3, &alice()).unwrap().orphans.len(), 1);
        // A broken sidecar is left to `Annotations::load` to report.
        std::fs::write(&p, "(schema: 1, labels: [ oops").unwrap();
        assert_eq!(exact_labels(&doc, &alice()), None);
        assert!(Annotations::load(&doc, &alice()).is_err());
    }

    #[test]
    fn no_file_is_written_when_nothing_was_labeled() {
        let (dir, doc) = setup("Une phrase.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        a.set(0, None);
        assert!(!a.save(&doc).unwrap().written);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn edited_article_reattaches_by_text_and_keeps_orphans() {
        let (dir, doc) = setup("Premier. Deuxième. Troisième.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        a.set(1, Some(rec(&doc, 1, Label::Quote)));
        a.set(2, Some(rec(&doc, 2, Label::Opinion)));
        a.save(&doc).unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Ajout en tête. Premier. Deuxième. Autre chose.\n").unwrap();
        let doc2 = Document::load(&p, "a.txt").unwrap();
        let b = Annotations::load(&doc2, &alice()).unwrap();
        assert_eq!(b.label(2), Some(Label::Quote));
        assert_eq!(b.moved, 1);
        assert_eq!(b.orphans.len(), 1);
        assert_eq!(b.orphans[0].text, "Troisième.");
        // Orphans are written back, never dropped.
        let mut b = b;
        b.set(0, Some(rec(&doc2, 0, Label::Factual)));
        b.save(&doc2).unwrap();
        let text = std::fs::read_to_string(&b.path).unwrap();
        assert!(text.contains("Troisième."), "{text}");
    }

    #[test]
    fn concurrent_writers_merge_instead_of_overwriting() {
        let (_d, doc) = setup("Un. Deux. Trois.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        let mut b = Annotations::load(&doc, &alice()).unwrap();
        a.set(0, Some(rec(&doc, 0, Label::Factual)));
        a.save(&doc).unwrap();
        b.set(1, Some(rec(&doc, 1, Label::Opinion)));
        let saved = b.save(&doc).unwrap();
        assert!(saved.merged);
        let c = Annotations::load(&doc, &alice()).unwrap();
        assert_eq!(c.label(0), Some(Label::Factual));
        assert_eq!(c.label(1), Some(Label::Opinion));
    }

    /// Issue 18 item 11: times a hand edit leaves valid but in another form (no fraction,
    /// an offset) are merged by instant, not by text.
    #[test]
    fn item11_merge_orders_hand_edited_times_as_instants() {
        let (_d, doc) = setup("Un. Deux. Trois.\n");
        let mine = "2025-03-01T09:00:03.512Z";
        for (theirs, mine_wins) in [
            ("2025-03-01T09:00:03Z", true),
            ("2025-03-01T10:00:04+02:00", true),
            ("2025-03-01T11:00:04+02:00", false),
            ("2025-03-01T09:00:03.6Z", false),
        ] {
            let _ = std::fs::remove_file(sidecar_path(&doc.path, &alice()));
            let mut a = Annotations::load(&doc, &alice()).unwrap();
            let mut b = Annotations::load(&doc, &alice()).unwrap();
            let mut t = rec(&doc, 0, Label::Factual);
            t.at = theirs.into();
            b.set(0, Some(t));
            b.save(&doc).unwrap();
            let mut m = rec(&doc, 0, Label::Quote);
            m.at = mine.into();
            a.set(0, Some(m));
            assert!(a.save(&doc).unwrap().merged);
            let want = if mine_wins {
                Label::Quote
            } else {
                Label::Factual
            };
            let c = Annotations::load(&doc, &alice()).unwrap();
            assert_eq!(c.label(0), Some(want), "theirs at {theirs}, mine at {mine}");
        }
    }

    /// Issue 18 item 8: an edit in place with the same size and the mtime put back (same
    /// inode too) is noticed by its bytes and merged, not overwritten.
    #[test]
    fn item8_same_size_edit_with_mtime_put_back_is_merged() {
        let (_d, doc) = setup("Un. Deux. Trois.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        a.set(0, Some(rec(&doc, 0, Label::Factual)));
        a.save(&doc).unwrap();
        let before = std::fs::metadata(&a.path).unwrap();
        let text = std::fs::read_to_string(&a.path).unwrap();
        let edited = text.replace("Factual", "Opinion");
        assert_eq!(edited.len(), text.len());
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&a.path)
            .unwrap();
        std::io::Write::write_all(&mut &f, edited.as_bytes()).unwrap();
        f.set_modified(before.modified().unwrap()).unwrap();
        drop(f);
        assert_eq!(stamp(&a.path), a.seen, "metadata cannot tell");
        a.set(1, Some(rec(&doc, 1, Label::Quote)));
        assert!(a.save(&doc).unwrap().merged);
        let c = Annotations::load(&doc, &alice()).unwrap();
        assert_eq!(c.label(0), Some(Label::Opinion), "the outside edit is kept");
        assert_eq!(c.label(1), Some(Label::Quote));
    }

    #[test]
    fn a_failed_save_keeps_changes_pending_and_the_retry_writes_them() {
        let (_d, doc) = setup("Un. Deux. Trois.\n");
        let mut a = Annotations::load(&doc, &alice()).unwrap();
        // Something is in the way of the sidecar (here a folder; the same path is taken
        // by a read-only folder or a full disk).
        std::fs::create_dir(&a.path).unwrap();
        a.set(0, Some(rec(&doc, 0, Label::Factual)));
        let err = a.save(&doc).unwrap_err();
        assert!(err.to_string().contains("a.txt.alice.ron"), "{err}");
        assert!(a.is_dirty());
        a.set(1, Some(rec(&doc, 1, Label::Quote)));
        assert!(a.save(&doc).is_err());
        std::fs::remove_dir(&a.path).unwrap();
        assert!(a.save(&doc).unwrap().written);
        assert!(!a.is_dirty());
        let b = Annotations::load(&doc, &alice()).unwrap();
        assert_eq!(b.label(0), Some(Label::Factual));
        assert_eq!(b.label(1), Some(Label::Quote));
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_sidecar_is_refused_not_replaced() {
        let (dir, doc) = setup("Un. Deux.\n");
        let link = dir.path().join("a.txt.alice.ron");
        std::os::unix::fs::symlink("/nonexistent/glose-target.ron", &link).unwrap();
        let err = Annotations::load(&doc, &alice()).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }

    #[test]
    fn corrupt_sidecar_is_an_error_and_stays_untouched() {
        let (dir, doc) = setup("Un. Deux.\n");
        let p = dir.path().join("a.txt.alice.ron");
        std::fs::write(&p, "(schema: 1, labels: [ oops").unwrap();
        let err = Annotations::load(&doc, &alice()).unwrap_err();
        assert!(err.to_string().contains("a.txt.alice.ron:1:"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "(schema: 1, labels: [ oops"
        );
        let _ = Path::new("");
    }

    #[test]
    fn unhashed_documents_read_the_same_and_saving_on_one_still_writes_the_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Titre\n\nUne phrase. Deux phrases.\n").unwrap();
        let full = Document::load(&p, "a.txt").unwrap();
        let light = Document::load_unhashed(&p, "a.txt").unwrap();
        assert!(light.fingerprint.is_empty());
        assert_eq!(light.sentences, full.sentences);
        assert_eq!(light.title, full.title);
        let who = Annotator::new("alice").unwrap();
        let mut ann = Annotations::load(&light, &who).unwrap();
        let s = light.sentences[1];
        ann.set(
            1,
            Some(Record::new(
                s.start,
                s.end,
                light.sentence_text(1),
                Label::Quote,
                How::Hand,
            )),
        );
        ann.save(&light).unwrap();
        let sc = crate::model::sidecar::read(&ann.path).unwrap().unwrap();
        assert_eq!(sc.fingerprint, full.fingerprint);
    }
}
