//! Records matched to an article's sentences: by offset and text, then by text alone,
//! and the fast path for sidecars whose labels all sit exactly on sentences.

use crate::model::annotator::Annotator;
use crate::model::corpus::sidecar_path;
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::sidecar::{self, DocStatus, Note, Record, capped};
use std::borrow::Cow;
use std::collections::HashMap;

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

/// [`attach`] for anything `Anchored`: one slot per sentence, what matches none, and
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
