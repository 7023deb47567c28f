//! Settling disagreements into gold, one article at a time: every annotator's label per
//! sentence beside the gold label, where they agree or not, and the reviewer's decisions
//! written at once to the `gold` sidecar with who agreed and who decided, with undo.
//!
//! This is the model the review screens drive; it knows nothing of the terminal.

use crate::model::align::Aligned;
use crate::model::annotations::{Annotations, GoldWrite};
use crate::model::annotator::Annotator;
use crate::model::corpus::Entry;
use crate::model::document::Document;
use crate::model::label::Label;
use crate::model::sidecar::{How, Record, SidecarError};
use crate::review::agreement::{ArticleSummary, Figures, NONE, Tally};
use std::ops::RangeInclusive;
use std::path::PathBuf;

/// How the annotators (gold aside) stand on one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nobody labeled it.
    Unlabeled,
    /// One annotator labeled it: nothing to compare.
    Single(Label),
    /// Two or more labeled it, all alike (`complete`: every annotator did).
    Unanimous { label: Label, complete: bool },
    /// Two or more labeled it, not all alike.
    Disagreement,
}

impl Status {
    /// Rows the "without unanimity" filter keeps and `n`/`N` stop at.
    pub fn is_disagreement(self) -> bool {
        self == Status::Disagreement
    }
}

/// One line of the review table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub unit: usize,
    /// Byte span in the article.
    pub start: usize,
    pub end: usize,
    /// Label per annotator, in [`Review::annotators`] order.
    pub labels: Vec<Option<Label>>,
    pub gold: Option<Label>,
    pub status: Status,
}

/// An article that cannot be reviewed.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{}: {why}", path.display())]
    Unreadable { path: PathBuf, why: String },
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
}

/// What one undo step puts back, per unit.
#[derive(Debug, Clone)]
struct Change {
    unit: usize,
    /// The gold cell of the unit before.
    cell: Option<Record>,
    /// The gold sidecar's slot of a sentence, with its content before.
    slot: Option<(usize, Option<Record>)>,
    /// The span of a gold label the change added off-sentence.
    added: Option<(usize, usize)>,
    /// Gold labels kept off-sentence that the change replaced or removed.
    removed: Vec<Record>,
}

/// One article under review.
#[derive(Debug)]
pub struct Review {
    aligned: Aligned,
    /// Annotators compared (gold excluded), as columns of `aligned`.
    annotators: Vec<Annotator>,
    gold_col: usize,
    gold: Annotations,
    adjudicator: Annotator,
    undo: Vec<Vec<Change>>,
}

impl Review {
    /// Opens an article of the corpus; `adjudicator` is the reviewer named in gold records.
    pub fn open(entry: &Entry, adjudicator: Annotator) -> Result<Review, ReviewError> {
        let doc =
            Document::load(&entry.path, &entry.id).map_err(|why| ReviewError::Unreadable {
                path: entry.path.clone(),
                why: why.to_string(),
            })?;
        let others: Vec<Annotator> = entry
            .annotators
            .iter()
            .filter(|a| !a.is_gold())
            .cloned()
            .collect();
        Review::from_doc(doc, &others, adjudicator)
    }

    /// Same, for a document already loaded and the annotators to compare.
    pub fn from_doc(
        doc: Document,
        annotators: &[Annotator],
        adjudicator: Annotator,
    ) -> Result<Review, ReviewError> {
        let gold = Annotations::load_gold(&doc, GoldWrite::adjudication())?;
        let mut cols: Vec<Annotator> = annotators
            .iter()
            .filter(|a| !a.is_gold())
            .cloned()
            .collect();
        let annotators = cols.clone();
        cols.push(Annotator::gold());
        let aligned = Aligned::read(doc, &cols);
        if let Some(e) = aligned.errors.first() {
            // A broken annotator sidecar would silently look unlabeled: refuse instead.
            return Err(ReviewError::Unreadable {
                path: aligned.doc.path.clone(),
                why: e.clone(),
            });
        }
        Ok(Review {
            gold_col: annotators.len(),
            annotators,
            aligned,
            gold,
            adjudicator,
            undo: Vec::new(),
        })
    }

    /// The aligned labels and the document (title, text, sentences) under review.
    pub fn aligned(&self) -> &Aligned {
        &self.aligned
    }

    /// Annotators compared, in column order (gold excluded).
    pub fn annotators(&self) -> &[Annotator] {
        &self.annotators
    }

    /// Number of rows (units).
    pub fn len(&self) -> usize {
        self.aligned.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.aligned.units.is_empty()
    }

    /// The text of row `u`.
    pub fn text(&self, u: usize) -> &str {
        self.aligned.text(u)
    }

    /// The gold label of row `u`.
    pub fn gold(&self, u: usize) -> Option<Label> {
        self.aligned.label(u, self.gold_col)
    }

    /// The gold record of row `u` (who agreed, who decided, when).
    pub fn gold_record(&self, u: usize) -> Option<&Record> {
        self.aligned.cells[u][self.gold_col].as_ref()
    }

    /// Where the annotators stand on row `u`.
    pub fn status(&self, u: usize) -> Status {
        let mut seen: Option<Label> = None;
        let (mut n, mut split) = (0, false);
        for c in 0..self.gold_col {
            if let Some(l) = self.aligned.label(u, c) {
                n += 1;
                split |= seen.is_some_and(|s| s != l);
                seen = Some(l);
            }
        }
        match (n, seen) {
            (0, _) | (_, None) => Status::Unlabeled,
            (1, Some(l)) => Status::Single(l),
            _ if split => Status::Disagreement,
            (n, Some(label)) => Status::Unanimous {
                label,
                complete: n == self.gold_col,
            },
        }
    }

    /// Row `u` with every label side by side.
    pub fn row(&self, u: usize) -> Row {
        let unit = &self.aligned.units[u];
        Row {
            unit: u,
            start: unit.start,
            end: unit.end,
            labels: (0..self.gold_col)
                .map(|c| self.aligned.label(u, c))
                .collect(),
            gold: self.gold(u),
            status: self.status(u),
        }
    }

    /// Rows where the annotators disagree.
    pub fn disagreements(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&u| self.status(u).is_disagreement())
            .collect()
    }

    /// The next (or previous) disagreement after (before) row `from`, in this article.
    pub fn next_disagreement(&self, from: usize, forward: bool) -> Option<usize> {
        if forward {
            (from + 1..self.len()).find(|&u| self.status(u).is_disagreement())
        } else {
            (0..from.min(self.len()))
                .rev()
                .find(|&u| self.status(u).is_disagreement())
        }
    }

    /// Rows with a gold label.
    pub fn adjudicated(&self) -> usize {
        (0..self.len()).filter(|&u| self.gold(u).is_some()).count()
    }

    /// Unanimous rows without gold yet: what [`Review::accept_unanimous`] would settle
    /// (for the confirmation prompt).
    pub fn pending_unanimous(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&u| self.gold(u).is_none())
            .filter(|&u| matches!(self.status(u), Status::Unanimous { .. }))
            .collect()
    }

    /// Agreement figures of this article (gold excluded).
    pub fn figures(&self) -> Figures {
        let mut t = Tally::new(self.gold_col, Label::COUNT);
        let mut codes = vec![NONE; self.gold_col];
        for u in 0..self.len() {
            for (c, code) in codes.iter_mut().enumerate() {
                *code = self.aligned.label(u, c).map_or(NONE, |l| l.index() as u8);
            }
            t.add(&codes);
        }
        t.figures()
    }

    /// Sets (or with `None` clears) the gold label of rows `units` and writes the gold
    /// sidecar. One undo step. Returns how many rows changed.
    pub fn adjudicate(
        &mut self,
        units: RangeInclusive<usize>,
        label: Option<Label>,
    ) -> Result<usize, SidecarError> {
        let end = (*units.end()).min(self.len().saturating_sub(1));
        let picks: Vec<(usize, Option<Label>)> =
            (*units.start()..=end).map(|u| (u, label)).collect();
        self.apply(picks)
    }

    /// Gives every unanimous row without gold the annotators' label, in one undo step.
    pub fn accept_unanimous(&mut self) -> Result<usize, SidecarError> {
        let picks: Vec<(usize, Option<Label>)> = self
            .pending_unanimous()
            .into_iter()
            .map(|u| {
                let l = match self.status(u) {
                    Status::Unanimous { label, .. } => Some(label),
                    _ => None,
                };
                (u, l)
            })
            .collect();
        self.apply(picks)
    }

    /// Undoes the last step and writes the gold sidecar. False when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool, SidecarError> {
        let Some(step) = self.undo.pop() else {
            return Ok(false);
        };
        for ch in step.into_iter().rev() {
            if let Some((start, end)) = ch.added {
                self.gold.remove_orphan(start, end);
            }
            for o in ch.removed {
                self.gold.set_orphan(o);
            }
            if let Some((i, before)) = ch.slot {
                self.gold.set(i, before);
            }
            self.aligned.cells[ch.unit][self.gold_col] = ch.cell;
        }
        self.save()?;
        Ok(true)
    }

    /// Writes the gold sidecar. When someone else changed it meanwhile, the two were
    /// merged: read the gold column again so the rows show what is on disk. Should the
    /// rows themselves change, the undo history no longer fits them and is dropped.
    fn save(&mut self) -> Result<(), SidecarError> {
        if self.gold.save(&self.aligned.doc)?.merged {
            let mut cols = self.annotators.clone();
            cols.push(Annotator::gold());
            let fresh = Aligned::read(self.aligned.doc.clone(), &cols);
            if fresh.units == self.aligned.units {
                for (row, new) in self.aligned.cells.iter_mut().zip(fresh.cells) {
                    row[self.gold_col] = new[self.gold_col].clone();
                }
            } else {
                self.aligned = fresh;
                self.undo.clear();
            }
        }
        Ok(())
    }

    /// Writes (or with `None` or an empty text, removes) the note of row `u`'s gold label:
    /// why it was settled so. The label and its time stay as they are; the note gets its
    /// own time. One undo step. False when the row has no gold label to carry a note.
    pub fn set_gold_note(&mut self, u: usize, note: Option<&str>) -> Result<bool, SidecarError> {
        let Some(mut record) = self.gold_record(u).cloned() else {
            return Ok(false);
        };
        let note = note.filter(|n| !n.is_empty());
        if record.note.as_deref() == note {
            return Ok(false);
        }
        record.note = note.map(str::to_string);
        record.note_at = note.map(|_| crate::model::sidecar::now());
        let change = self.put(u, Some(record));
        self.undo.push(vec![change]);
        self.save()?;
        Ok(true)
    }

    /// True when a step can be undone.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn apply(&mut self, picks: Vec<(usize, Option<Label>)>) -> Result<usize, SidecarError> {
        let mut step = Vec::new();
        for (u, label) in picks {
            if self.gold(u) == label {
                continue;
            }
            let record = label.map(|l| self.gold_record_for(u, l));
            step.push(self.put(u, record));
        }
        if step.is_empty() {
            return Ok(0);
        }
        let n = step.len();
        self.undo.push(step);
        self.save()?;
        Ok(n)
    }

    /// The gold record for row `u`: on the span the annotators labeled when they all used
    /// the same one (gold then lines up with their sidecars), else on the row's span.
    fn gold_record_for(&self, u: usize, label: Label) -> Record {
        let unit = &self.aligned.units[u];
        let row = &self.aligned.cells[u][..self.gold_col];
        let mut spans = row
            .iter()
            .flatten()
            .map(|r| (r.start, r.end, r.text.as_str()));
        let first = spans.next();
        let (start, end, text) = match first {
            Some(f) if spans.all(|s| s == f) => f,
            _ => (unit.start, unit.end, self.text(u)),
        };
        let mut r = Record::new(start, end, text, label, How::Adjudication);
        r.agreed = (0..self.gold_col)
            .filter(|&c| self.aligned.label(u, c) == Some(label))
            .map(|c| self.annotators[c].to_string())
            .collect();
        r.adjudicator = Some(self.adjudicator.to_string());
        r
    }

    /// Puts `record` as row `u`'s gold, in memory and in the gold sidecar's state: in the
    /// sentence's slot when it has the sentence's span, else with the off-sentence labels.
    fn put(&mut self, u: usize, record: Option<Record>) -> Change {
        let sentence = self.aligned.units[u].sentence;
        let cell = self.aligned.cells[u][self.gold_col].clone();
        let mut ch = Change {
            unit: u,
            cell: cell.clone(),
            slot: None,
            added: None,
            removed: Vec::new(),
        };
        if let Some(old) = &cell {
            let in_slot = sentence
                .is_some_and(|i| self.gold.labels.get(i).and_then(Option::as_ref) == Some(old));
            match sentence {
                Some(i) if in_slot => ch.slot = Some((i, self.gold.set(i, None))),
                _ => ch
                    .removed
                    .extend(self.gold.remove_orphan(old.start, old.end)),
            }
        }
        if let Some(r) = record.clone() {
            let doc = &self.aligned.doc;
            let fits = sentence.filter(|&i| {
                let s = doc.sentences[i];
                (s.start, s.end) == (r.start, r.end)
            });
            match fits {
                Some(i) => {
                    let before = self.gold.set(i, Some(r));
                    ch.slot.get_or_insert((i, before));
                }
                None => {
                    ch.added = Some((r.start, r.end));
                    ch.removed.extend(self.gold.set_orphan(r));
                }
            }
        }
        self.aligned.cells[u][self.gold_col] = record;
        ch
    }
}

/// Built here rather than beside [`ArticleSummary`]: agreement figures are the lower layer
/// and know nothing of an open review.
impl ArticleSummary {
    /// The figures of an open review (refresh the library after adjudicating).
    pub fn of(review: &Review) -> ArticleSummary {
        ArticleSummary {
            id: review.aligned().doc.id.clone(),
            annotators: review.annotators().iter().map(|a| a.to_string()).collect(),
            rows: review.len(),
            figures: review.figures(),
            adjudicated: review.adjudicated(),
            disagreements: review
                .disagreements()
                .into_iter()
                .map(|u| (u, review.gold(u).is_some()))
                .collect(),
            error: None,
        }
    }
}
