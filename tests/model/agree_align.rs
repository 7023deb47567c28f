//! Matching labels across annotators whose sidecars were cut differently.

use glose::model::align::Aligned;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label::{self, *};
use glose::model::sidecar::{How, Record};
use std::path::Path;

fn doc(text: &str) -> Document {
    Document::from_bytes(text.as_bytes().to_vec(), Path::new("a.txt"), "a.txt").unwrap()
}

fn who(names: &[&str]) -> Vec<Annotator> {
    names.iter().map(|n| Annotator::new(n).unwrap()).collect()
}

/// A label on the first occurrence of `text` in the article.
fn on(d: &Document, text: &str, l: Label) -> Record {
    let start = d.raw.find(text).unwrap();
    Record::new(start, start + text.len(), text, l, How::Hand)
}

fn sentence_labels(a: &Aligned, c: usize) -> Vec<Option<Label>> {
    (0..a.units.len()).map(|u| a.label(u, c)).collect()
}

#[test]
fn same_segmentation_matches_by_span() {
    let d = doc("Un. Deux. Trois.\n");
    let recs = vec![
        vec![on(&d, "Un.", Factual), on(&d, "Trois.", Quote)],
        vec![on(&d, "Deux.", Opinion), on(&d, "Trois.", Quote)],
    ];
    let a = Aligned::build(d, &who(&["a", "b"]), recs);
    assert_eq!(a.units.len(), 3);
    assert_eq!(
        sentence_labels(&a, 0),
        vec![Some(Factual), None, Some(Quote)]
    );
    assert_eq!(
        sentence_labels(&a, 1),
        vec![None, Some(Opinion), Some(Quote)]
    );
    assert_eq!((a.moved.clone(), a.unmatched_count()), (vec![0, 0], 0));
}

#[test]
fn an_edited_article_matches_by_text_at_the_nearest_offset() {
    let old = doc("Un. Deux. Trois.\n");
    let rec = on(&old, "Deux.", Quote);
    let new = doc("Ajout. Un. Deux. Trois.\n");
    let a = Aligned::build(new, &who(&["a"]), vec![vec![rec]]);
    assert_eq!(a.label(2, 0), Some(Quote));
    assert_eq!(a.text(2), "Deux.");
    assert_eq!(a.moved, vec![1]);
}

/// An older segmenter kept "Un. Deux." as one sentence: it goes to the sentence it fits
/// best ("Deux.", the larger share of the span), and is compared there.
#[test]
fn a_coarser_segmentation_matches_by_overlap() {
    let d = doc("Un. Deux. Trois.\n");
    let merged = Record::new(0, 9, "Un. Deux.", Opinion, How::Hand);
    let recs = vec![
        vec![merged, on(&d, "Trois.", Quote)],
        vec![on(&d, "Deux.", Opinion), on(&d, "Un.", Factual)],
    ];
    let a = Aligned::build(d, &who(&["old", "new"]), recs);
    assert_eq!(a.units.len(), 3);
    assert_eq!(
        sentence_labels(&a, 0),
        vec![None, Some(Opinion), Some(Quote)]
    );
    assert_eq!(a.moved, vec![1, 0]);
    assert_eq!(a.unmatched_count(), 0);
}

/// A finer segmentation: both halves of a sentence labeled by two annotators. The better
/// half (the longer one here) goes to the sentence; the other becomes a unit of its own.
#[test]
fn a_finer_segmentation_shared_by_two_annotators_keeps_both_halves() {
    let d = doc("Titre long Une phrase qui suit et qui dure.\n");
    assert_eq!(d.sentences.len(), 1);
    let t = |l| Record::new(0, 10, "Titre long", l, How::Hand);
    let s = |l| Record::new(11, 44, "Une phrase qui suit et qui dure.", l, How::Hand);
    let recs = vec![vec![t(Skip), s(Opinion)], vec![t(Skip), s(Factual)]];
    let a = Aligned::build(d, &who(&["a", "b"]), recs);
    assert_eq!(a.units.len(), 2);
    assert_eq!(a.unmatched_count(), 0);
    let rows: Vec<_> = (0..2).map(|u| (a.label(u, 0), a.label(u, 1))).collect();
    assert_eq!(
        rows,
        vec![(Some(Skip), Some(Skip)), (Some(Opinion), Some(Factual))]
    );
    assert_eq!(a.units[0].sentence, None);
    assert_eq!(a.text(0), "Titre long");
    assert_eq!(a.units[1].sentence, Some(0));
}

#[test]
fn labels_that_match_nothing_are_kept_and_counted() {
    let d = doc("Un. Deux.\n");
    let recs = vec![vec![
        on(&d, "Un.", Factual),
        Record::new(400, 420, "Plus dans l'article.", Quote, How::Hand),
        Record::new(7, 3, "span à l'envers", Quote, How::Hand),
        on(&d, "Un.", Opinion),
    ]];
    let a = Aligned::build(d, &who(&["a"]), recs);
    assert_eq!(a.label(0, 0), Some(Factual));
    assert_eq!(a.unmatched_count(), 3);
    let texts: Vec<&str> = a.unmatched[0].iter().map(|r| r.text.as_str()).collect();
    assert!(texts.contains(&"Plus dans l'article."), "{texts:?}");
}

#[test]
fn loading_reports_unreadable_sidecars_instead_of_hiding_them() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "Un. Deux.\n").unwrap();
    std::fs::write(dir.path().join("a.txt.bob.ron"), "(oops").unwrap();
    let c = glose::model::corpus::Corpus::scan(dir.path()).unwrap();
    let a = Aligned::load(&c.entries[0], &c.entries[0].annotators).unwrap();
    assert_eq!(a.errors.len(), 1);
    assert!(a.errors[0].contains("a.txt.bob.ron"), "{:?}", a.errors);
}

mod conservation {
    use super::*;
    use proptest::prelude::*;

    /// A record: on a sentence (exact), on a random span of the article, or off the end.
    fn record(d: &Document, kind: u8, a: usize, b: usize, l: usize) -> Record {
        let label = Label::ALL[l % 4];
        let n = d.raw.len();
        let (s, e) = match kind % 3 {
            0 => {
                let x = d.sentences[a % d.sentences.len()];
                (x.start, x.end)
            }
            1 => {
                let s = d.raw.floor_char_boundary(a % n);
                let e = d.raw.floor_char_boundary(s + 1 + b % 40).max(s + 1).min(n);
                (s, e)
            }
            _ => (n + a % 50, n + a % 50 + 1 + b % 9),
        };
        let text = d.raw.get(s..e).unwrap_or("ailleurs").to_string();
        Record::new(s, e, &text, label, How::Hand)
    }

    proptest! {
        /// Every label ends up in exactly one place: a unit's cell of its own annotator's
        /// column, or that annotator's unmatched list.
        #[test]
        fn no_label_is_lost_or_duplicated(
            specs in prop::collection::vec(
                prop::collection::vec((0u8..3, 0usize..500, 0usize..500, 0usize..4), 0..12),
                3,
            )
        ) {
            let d = doc("Un fait. Deux « faits ». Trois, dit-il. Quatre ici.\nCinq là. Six.\n");
            let records: Vec<Vec<Record>> = specs
                .iter()
                .map(|v| v.iter().map(|&(k, a, b, l)| record(&d, k, a, b, l)).collect())
                .collect();
            let counts: Vec<usize> = records.iter().map(Vec::len).collect();
            let a = Aligned::build(d, &who(&["a", "b", "c"]), records);
            for (c, &n) in counts.iter().enumerate() {
                let placed = a.cells.iter().filter(|row| row[c].is_some()).count();
                prop_assert_eq!(placed + a.unmatched[c].len(), n);
            }
            let mut spans: Vec<(usize, usize)> = a.units.iter().map(|u| (u.start, u.end)).collect();
            let sorted = { let mut s = spans.clone(); s.sort(); s };
            prop_assert_eq!(&spans, &sorted, "units sorted by offset");
            spans.dedup();
            prop_assert_eq!(spans.len(), a.units.len(), "no unit twice");
        }
    }
}
