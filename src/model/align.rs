//! Matching every annotator's labels on one article to common units, so that labels can be
//! compared even when the sidecars were cut by another segmenter version or before an edit.
//!
//! Units are the article's sentences plus, where two or more sidecars share a span that is
//! no sentence of the current segmentation, that span. A label is matched, in order: by
//! exact span; by sentence text (nearest offset: the article was edited); with the other
//! annotators' labels of the same span; by character overlap with a unit (at least half of
//! the shorter span). What matches nothing is kept in `unmatched` and reported.

use crate::model::annotator::Annotator;
use crate::model::corpus::{Entry, sidecar_path};
use crate::model::document::{Document, Unreadable};
use crate::model::label::Label;
use crate::model::sidecar::{self, Record, capped};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Overlap needed to match a label to a unit, as a share of the shorter of the two spans.
pub const MIN_OVERLAP: f64 = 0.5;

/// A span that labels are compared on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    /// The article's sentence, or `None` for a span only the sidecars know.
    pub sentence: Option<usize>,
    /// Text of a span only the sidecars know (a sentence's text is in the document).
    extra_text: Option<String>,
}

/// One article's labels by every annotator, unit by unit.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub doc: Document,
    /// Column order.
    pub annotators: Vec<Annotator>,
    /// Sorted by offset.
    pub units: Vec<Unit>,
    /// `cells[unit][column]`.
    pub cells: Vec<Vec<Option<Record>>>,
    /// Per column: labels matched to no unit, kept as they are.
    pub unmatched: Vec<Vec<Record>>,
    /// Per column: labels matched by text or overlap rather than by exact span.
    pub moved: Vec<usize>,
    /// Sidecars that could not be read (their column stays empty).
    pub errors: Vec<String>,
}

impl Aligned {
    /// Loads the article and the sidecars of `annotators` (absent sidecars are empty).
    pub fn load(entry: &Entry, annotators: &[Annotator]) -> Result<Aligned, Unreadable> {
        let doc = Document::load_unhashed(&entry.path, &entry.id)?;
        Ok(Aligned::read(doc, annotators))
    }

    /// Reads the sidecars of `annotators` beside a loaded document and aligns them.
    pub fn read(doc: Document, annotators: &[Annotator]) -> Aligned {
        let mut errors = Vec::new();
        let mut sets = Vec::with_capacity(annotators.len());
        for who in annotators {
            let recs = match sidecar::read(&sidecar_path(&doc.path, who)) {
                Ok(Some(s)) => s.labels.into_iter().chain(s.orphans).collect(),
                Ok(None) => Vec::new(),
                Err(e) => {
                    errors.push(e.to_string());
                    Vec::new()
                }
            };
            sets.push(recs);
        }
        let mut a = Aligned::build(doc, annotators, sets);
        a.errors = errors;
        a
    }

    /// Aligns `records[c]` (the labels of `annotators[c]`) on `doc`.
    pub fn build(doc: Document, annotators: &[Annotator], records: Vec<Vec<Record>>) -> Aligned {
        let cols = annotators.len();
        let n = doc.sentences.len();
        let mut cells: Vec<Vec<Option<Record>>> = vec![vec![None; cols]; n];
        let mut moved = vec![0; cols];
        let mut left: Vec<(usize, Record)> = Vec::new();
        for (c, recs) in records.into_iter().enumerate().take(cols) {
            for r in recs {
                match doc.sentence_at(r.start, r.end) {
                    Some(i)
                        if cells[i][c].is_none()
                            && capped::matches(&r.text, doc.sentence_text(i)) =>
                    {
                        cells[i][c] = Some(r)
                    }
                    _ => left.push((c, r)),
                }
            }
        }
        let mut unmatched = vec![Vec::new(); cols];
        let mut extras: Vec<(Unit, Vec<Option<Record>>)> = Vec::new();
        if !left.is_empty() {
            let left = by_text(&doc, &mut cells, &mut moved, left);
            let (mut groups, mut singles) = group_by_span(left, &mut unmatched);
            // Closest fits first, so a sentence cut in two keeps its better half.
            groups.sort_by(|x, y| fit(&doc, &y[0].1).total_cmp(&fit(&doc, &x[0].1)));
            for g in groups {
                if let Some(back) = place_group(&doc, &mut cells, &mut extras, &mut moved, g, cols)
                {
                    singles.extend(back);
                }
            }
            place_singles(
                &doc,
                &mut cells,
                &mut extras,
                &mut moved,
                &mut unmatched,
                singles,
            );
        }
        let mut rows: Vec<(Unit, Vec<Option<Record>>)> = cells
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let s = doc.sentences[i];
                let unit = Unit {
                    start: s.start,
                    end: s.end,
                    sentence: Some(i),
                    extra_text: None,
                };
                (unit, row)
            })
            .collect();
        if !extras.is_empty() {
            rows.extend(extras);
            rows.sort_by_key(|(u, _)| (u.start, u.end, u.sentence.is_none()));
        }
        let (units, cells) = rows.into_iter().unzip();
        Aligned {
            doc,
            annotators: annotators.to_vec(),
            units,
            cells,
            unmatched,
            moved,
            errors: Vec::new(),
        }
    }

    /// Column of an annotator.
    pub fn column(&self, who: &str) -> Option<usize> {
        self.annotators.iter().position(|a| a.as_str() == who)
    }

    /// The label of unit `u` by column `c`.
    pub fn label(&self, u: usize, c: usize) -> Option<Label> {
        self.cells[u][c].as_ref().map(|r| r.label)
    }

    /// The text of unit `u`.
    pub fn text(&self, u: usize) -> &str {
        let unit = &self.units[u];
        match (&unit.extra_text, unit.sentence) {
            (Some(t), _) => t,
            (None, Some(i)) => self.doc.sentence_text(i),
            (None, None) => "",
        }
    }

    /// Number of labels that matched no unit, all columns.
    pub fn unmatched_count(&self) -> usize {
        self.unmatched.iter().map(Vec::len).sum()
    }
}

/// Pass 2: the same sentence text elsewhere in the article, nearest offset first.
fn by_text(
    doc: &Document,
    cells: &mut [Vec<Option<Record>>],
    moved: &mut [usize],
    left: Vec<(usize, Record)>,
) -> Vec<(usize, Record)> {
    let mut index: HashMap<Cow<str>, Vec<usize>> = HashMap::new();
    for i in 0..doc.sentences.len() {
        let key = capped::stored(doc.sentence_text(i));
        index.entry(key).or_default().push(i);
    }
    let mut rest = Vec::new();
    for (c, r) in left {
        let best = index.get(&capped::stored(&r.text)).and_then(|cand| {
            cand.iter()
                .copied()
                .filter(|&i| cells[i][c].is_none())
                .min_by_key(|&i| doc.sentences[i].start.abs_diff(r.start))
        });
        match best {
            Some(i) => {
                cells[i][c] = Some(r);
                moved[c] += 1;
            }
            None => rest.push((c, r)),
        }
    }
    rest
}

/// A span shared by two or more annotators, with one record per column.
type Group = Vec<(usize, Record)>;

/// Pass 3: leftovers with the same span and text across annotators go together. A second
/// label by the same annotator on the same span is unmatched.
fn group_by_span(
    left: Vec<(usize, Record)>,
    unmatched: &mut [Vec<Record>],
) -> (Vec<Group>, Vec<(usize, Record)>) {
    let mut by_span: BTreeMap<(usize, usize, String), Group> = BTreeMap::new();
    for (c, r) in left {
        let key = (r.start, r.end, capped::stored(&r.text).into_owned());
        let g = by_span.entry(key).or_default();
        if g.iter().any(|(gc, _)| *gc == c) {
            unmatched[c].push(r);
        } else {
            g.push((c, r));
        }
    }
    let mut groups = Vec::new();
    let mut singles = Vec::new();
    for (_, g) in by_span {
        if g.len() >= 2 {
            groups.push(g);
        } else {
            singles.extend(g);
        }
    }
    (groups, singles)
}

/// A shared span goes to the sentence it overlaps best when every member's slot there is
/// free, else it becomes a unit of its own. A span that already is a unit (its labels are
/// second labels for it) is handed back, to be matched one by one.
fn place_group(
    doc: &Document,
    cells: &mut [Vec<Option<Record>>],
    extras: &mut Vec<(Unit, Vec<Option<Record>>)>,
    moved: &mut [usize],
    g: Group,
    cols: usize,
) -> Option<Group> {
    let members: Vec<usize> = g.iter().map(|(c, _)| *c).collect();
    let probe = &g[0].1;
    let target = best_sentence(doc, cells, probe.start, probe.end, &members);
    let taken = |start, end| {
        doc.sentence_at(start, end).is_some()
            || extras.iter().any(|(u, _)| (u.start, u.end) == (start, end))
    };
    if target.is_none() && taken(probe.start, probe.end) {
        return Some(g);
    }
    let slot = match target {
        Some(i) => &mut cells[i],
        None => {
            let unit = Unit {
                start: probe.start,
                end: probe.end,
                sentence: None,
                extra_text: Some(probe.text.clone()),
            };
            extras.push((unit, vec![None; cols]));
            &mut extras.last_mut().expect("just pushed").1
        }
    };
    for (c, r) in g {
        moved[c] += 1;
        slot[c] = Some(r);
    }
    None
}

/// Where a unit is: a sentence of the article or a span only the sidecars know.
#[derive(Debug, Clone, Copy)]
enum Target {
    Sentence(usize),
    Extra(usize),
}

/// Pass 4: the remaining labels go to the units they overlap (at least [`MIN_OVERLAP`] of
/// the shorter span), closest pairs first (by intersection over union), one label per
/// annotator and unit. A sentence glose cut in two still gets the half that fits best.
fn place_singles(
    doc: &Document,
    cells: &mut [Vec<Option<Record>>],
    extras: &mut [(Unit, Vec<Option<Record>>)],
    moved: &mut [usize],
    unmatched: &mut [Vec<Record>],
    singles: Vec<(usize, Record)>,
) {
    let mut cands: Vec<(f64, usize, Target)> = Vec::new();
    for (k, (_, r)) in singles.iter().enumerate() {
        let first = doc.sentences.partition_point(|s| s.end <= r.start);
        for (i, s) in doc.sentences.iter().enumerate().skip(first) {
            if s.start >= r.end {
                break;
            }
            if share(r.start, r.end, s.start, s.end) >= MIN_OVERLAP {
                cands.push((
                    jaccard(r.start, r.end, s.start, s.end),
                    k,
                    Target::Sentence(i),
                ));
            }
        }
        for (j, (u, _)) in extras.iter().enumerate() {
            if share(r.start, r.end, u.start, u.end) >= MIN_OVERLAP {
                cands.push((jaccard(r.start, r.end, u.start, u.end), k, Target::Extra(j)));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut slots: Vec<Option<(usize, Record)>> = singles.into_iter().map(Some).collect();
    for (_, k, target) in cands {
        let Some(c) = slots[k].as_ref().map(|(c, _)| *c) else {
            continue;
        };
        let slot = match target {
            Target::Sentence(i) => &mut cells[i][c],
            Target::Extra(j) => &mut extras[j].1[c],
        };
        if slot.is_none() {
            *slot = slots[k].take().map(|(_, r)| r);
            moved[c] += 1;
        }
    }
    for (c, r) in slots.into_iter().flatten() {
        unmatched[c].push(r);
    }
}

/// The sentence overlapping `[start, end)` most (share of the shorter span, at least
/// [`MIN_OVERLAP`]) whose slots for `cols` are all free.
fn best_sentence(
    doc: &Document,
    cells: &[Vec<Option<Record>>],
    start: usize,
    end: usize,
    cols: &[usize],
) -> Option<usize> {
    let first = doc.sentences.partition_point(|s| s.end <= start);
    let mut best: Option<(f64, usize)> = None;
    for (i, s) in doc.sentences.iter().enumerate().skip(first) {
        if s.start >= end {
            break;
        }
        if !cols.iter().all(|&c| cells[i][c].is_none()) {
            continue;
        }
        let sh = share(start, end, s.start, s.end);
        if sh >= MIN_OVERLAP && best.is_none_or(|(b, _)| sh > b) {
            best = Some((sh, i));
        }
    }
    best.map(|(_, i)| i)
}

/// How well a span fits the sentence it overlaps most (intersection over union).
fn fit(doc: &Document, r: &Record) -> f64 {
    let first = doc.sentences.partition_point(|s| s.end <= r.start);
    doc.sentences[first..]
        .iter()
        .take_while(|s| s.start < r.end)
        .map(|s| jaccard(r.start, r.end, s.start, s.end))
        .fold(0.0, f64::max)
}

/// Intersection over union of two spans.
fn jaccard(a0: usize, a1: usize, b0: usize, b1: usize) -> f64 {
    let inter = a1.min(b1).saturating_sub(a0.max(b0));
    let union = a1.max(b1).saturating_sub(a0.min(b0)).max(1);
    inter as f64 / union as f64
}

/// Overlap of two spans as a share of the shorter one.
fn share(a0: usize, a1: usize, b0: usize, b1: usize) -> f64 {
    let inter = a1.min(b1).saturating_sub(a0.max(b0));
    let shorter = a1.saturating_sub(a0).min(b1.saturating_sub(b0)).max(1);
    inter as f64 / shorter as f64
}
