//! Adjudication into gold: what the review rows show, gold written to disk atomically with
//! who agreed and who decided, and undo restoring the file.

use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label::{self, *};
use glose::model::sidecar::{self, How, Record};
use glose::review::adjudicate::{Review, Status};
use std::path::Path;

const TEXT: &str = "Un fait établi. Il a dit « oui ». Quelle honte. Rien à voir.\n";

fn who(n: &str) -> Annotator {
    Annotator::new(n).unwrap()
}

fn setup() -> (tempfile::TempDir, Document) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, TEXT).unwrap();
    let doc = Document::load(&p, "a.txt").unwrap();
    assert_eq!(doc.sentences.len(), 4);
    (dir, doc)
}

/// Saves `labels[i]` for sentence `i` as `name`'s sidecar.
fn label(doc: &Document, name: &str, labels: &[Option<Label>]) {
    let mut a = Annotations::load(doc, &who(name)).unwrap();
    for (i, l) in labels.iter().enumerate() {
        if let Some(l) = l {
            let s = doc.sentences[i];
            a.set(
                i,
                Some(Record::new(
                    s.start,
                    s.end,
                    doc.sentence_text(i),
                    *l,
                    How::Hand,
                )),
            );
        }
    }
    a.save(doc).unwrap();
}

fn two_annotators() -> (tempfile::TempDir, Document) {
    let (dir, doc) = setup();
    label(
        &doc,
        "alice",
        &[Some(Factual), Some(Quote), Some(Opinion), None],
    );
    label(
        &doc,
        "bob",
        &[Some(Factual), Some(Quote), Some(Factual), Some(Skip)],
    );
    (dir, doc)
}

fn open(doc: &Document) -> Review {
    Review::from_doc(doc.clone(), &[who("alice"), who("bob")], who("rev")).unwrap()
}

/// (start, label, agreed, adjudicator, how) of one gold record.
type GoldLine = (usize, Label, Vec<String>, Option<String>, How);

/// The gold sidecar as on disk.
fn gold_on_disk(dir: &Path) -> Vec<GoldLine> {
    let Some(sc) = sidecar::read(&dir.join("a.txt.gold.ron")).unwrap() else {
        return Vec::new();
    };
    assert_eq!(sc.annotator, "gold");
    sc.labels
        .into_iter()
        .chain(sc.orphans)
        .map(|r| (r.start, r.label, r.agreed, r.adjudicator, r.how))
        .collect()
}

fn no_temp_files(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.contains(".tmp-"), "left behind: {name}");
    }
}

#[test]
fn rows_show_each_label_and_where_annotators_disagree() {
    let (_dir, doc) = two_annotators();
    let r = open(&doc);
    assert_eq!(r.len(), 4);
    let row = r.row(2);
    assert_eq!(row.labels, vec![Some(Opinion), Some(Factual)]);
    assert_eq!(row.gold, None);
    assert_eq!(row.status, Status::Disagreement);
    assert_eq!(
        r.status(0),
        Status::Unanimous {
            label: Factual,
            complete: true
        }
    );
    assert_eq!(r.status(3), Status::Single(Skip));
    assert_eq!(r.disagreements(), vec![2]);
    assert_eq!(r.next_disagreement(0, true), Some(2));
    assert_eq!(r.next_disagreement(2, true), None);
    assert_eq!(r.next_disagreement(3, false), Some(2));
    assert_eq!(r.pending_unanimous(), vec![0, 1]);
    let f = r.figures();
    assert_eq!(f.items, 3);
    assert!((f.observed.unwrap() - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn adjudication_writes_gold_with_who_agreed_and_who_decided() {
    let (dir, doc) = two_annotators();
    let mut r = open(&doc);
    assert_eq!(r.adjudicate(2..=2, Some(Opinion)).unwrap(), 1);
    let disk = gold_on_disk(dir.path());
    assert_eq!(
        disk,
        vec![(
            doc.sentences[2].start,
            Opinion,
            vec!["alice".to_string()],
            Some("rev".to_string()),
            How::Adjudication
        )]
    );
    no_temp_files(dir.path());
    // A fresh review reads it back.
    let again = open(&doc);
    assert_eq!(again.gold(2), Some(Opinion));
    assert_eq!(again.adjudicated(), 1);
    assert_eq!(
        again.gold_record(2).unwrap().adjudicator.as_deref(),
        Some("rev")
    );
}

#[test]
fn a_gold_label_carries_a_note_with_its_own_time_and_undo_removes_it() {
    let (dir, doc) = two_annotators();
    let mut r = open(&doc);
    assert!(!r.set_gold_note(2, Some("no gold yet")).unwrap());
    r.adjudicate(2..=2, Some(Opinion)).unwrap();
    let at = r.gold_record(2).unwrap().at.clone();
    assert!(
        r.set_gold_note(2, Some("« honte » is the writer's judgement"))
            .unwrap()
    );
    let again = open(&doc);
    let g = again.gold_record(2).unwrap();
    assert_eq!(
        g.note.as_deref(),
        Some("« honte » is the writer's judgement")
    );
    assert_eq!((g.at.as_str(), g.label), (at.as_str(), Opinion));
    assert!(g.note_at.is_some());
    assert!(r.undo().unwrap());
    assert_eq!(open(&doc).gold_record(2).unwrap().note, None);
    no_temp_files(dir.path());
}

#[test]
fn accepting_unanimous_rows_is_one_step_and_undo_restores_the_file() {
    let (dir, doc) = two_annotators();
    let mut r = open(&doc);
    r.adjudicate(2..=2, Some(Quote)).unwrap();
    let before = std::fs::read_to_string(dir.path().join("a.txt.gold.ron")).unwrap();
    assert_eq!(r.accept_unanimous().unwrap(), 2);
    let disk = gold_on_disk(dir.path());
    assert_eq!(disk.len(), 3);
    assert_eq!(disk[0].2, vec!["alice".to_string(), "bob".to_string()]);
    // Nothing left to accept; an accepted row is not overwritten by a second accept.
    assert_eq!(r.accept_unanimous().unwrap(), 0);
    assert!(r.undo().unwrap());
    let after = std::fs::read_to_string(dir.path().join("a.txt.gold.ron")).unwrap();
    assert_eq!(gold_on_disk(dir.path()).len(), 1);
    assert_eq!(
        sidecar::parse(&after, Path::new("x")).unwrap().labels,
        sidecar::parse(&before, Path::new("x")).unwrap().labels
    );
    assert_eq!(r.gold(0), None);
    assert!(r.undo().unwrap());
    assert!(gold_on_disk(dir.path()).is_empty());
    assert!(!r.undo().unwrap());
    no_temp_files(dir.path());
}

#[test]
fn undo_puts_back_an_overwritten_gold_label() {
    let (dir, doc) = two_annotators();
    let mut r = open(&doc);
    r.adjudicate(2..=2, Some(Quote)).unwrap();
    r.adjudicate(2..=2, Some(Opinion)).unwrap();
    assert_eq!(gold_on_disk(dir.path())[0].1, Opinion);
    r.undo().unwrap();
    assert_eq!(gold_on_disk(dir.path())[0].1, Quote);
    assert_eq!(open(&doc).gold(2), Some(Quote));
}

#[test]
fn a_range_is_settled_and_undone_together_and_can_be_cleared() {
    let (dir, doc) = two_annotators();
    let mut r = open(&doc);
    assert_eq!(r.adjudicate(1..=99, Some(Factual)).unwrap(), 3);
    assert_eq!(gold_on_disk(dir.path()).len(), 3);
    // Clearing one row.
    assert_eq!(r.adjudicate(3..=3, None).unwrap(), 1);
    assert_eq!(gold_on_disk(dir.path()).len(), 2);
    r.undo().unwrap();
    r.undo().unwrap();
    assert!(gold_on_disk(dir.path()).is_empty());
}

/// Two sidecars cut a sentence in two where glose does not (another segmenter): the half
/// that fits best is matched to the sentence, the other becomes a row of its own, and its
/// gold label goes to the gold sidecar on that span and comes back there.
#[test]
fn spans_only_the_sidecars_share_can_be_adjudicated() {
    let (dir, doc) = setup();
    // "Il a dit « oui »." cut as "Il a dit" + "« oui »."
    let s = doc.sentences[1];
    let cut = s.start + doc.sentence_text(1).find('«').unwrap();
    let span = (s.start, cut - 1);
    let second = (cut, s.end);
    let text = &doc.raw[span.0..span.1];
    for (name, l) in [("alice", Quote), ("bob", Opinion)] {
        let sc = sidecar::Sidecar {
            schema: sidecar::SCHEMA,
            article: "a.txt".into(),
            fingerprint: doc.fingerprint.clone(),
            segmenter: "other/1".into(),
            annotator: name.into(),
            labels: vec![
                Record::new(span.0, span.1, text, l, How::Hand),
                Record::new(
                    second.0,
                    second.1,
                    &doc.raw[second.0..second.1],
                    Skip,
                    How::Hand,
                ),
            ],
            orphans: vec![],
            history: vec![],
            notes: vec![],
            status: None,
        };
        sidecar::write(&dir.path().join(format!("a.txt.{name}.ron")), &sc).unwrap();
    }
    let mut r = open(&doc);
    assert_eq!(r.len(), 5, "four sentences and the shared span");
    let u = r.disagreements()[0];
    assert_eq!((r.row(u).start, r.row(u).end), span);
    assert_eq!(r.text(u), text);
    r.adjudicate(u..=u, Some(Quote)).unwrap();
    assert_eq!(gold_on_disk(dir.path())[0].0, span.0);
    let again = open(&doc);
    assert_eq!(again.len(), 5);
    assert_eq!(again.gold(u), Some(Quote));
    assert_eq!(again.aligned().unmatched_count(), 0);
    let mut again = again;
    again.adjudicate(u..=u, Some(Opinion)).unwrap();
    assert_eq!(gold_on_disk(dir.path()).len(), 1);
    again.undo().unwrap();
    assert_eq!(gold_on_disk(dir.path())[0].1, Quote);
}

#[test]
fn a_broken_sidecar_is_an_error_naming_the_file() {
    let (dir, doc) = two_annotators();
    std::fs::write(dir.path().join("a.txt.bob.ron"), "(schema: 1, labels: [").unwrap();
    let err = Review::from_doc(doc.clone(), &[who("alice"), who("bob")], who("rev")).unwrap_err();
    assert!(err.to_string().contains("a.txt.bob.ron:1:"), "{err}");
    std::fs::write(dir.path().join("a.txt.gold.ron"), "nonsense").unwrap();
    let err = Review::from_doc(doc, &[who("alice")], who("rev")).unwrap_err();
    assert!(err.to_string().contains("a.txt.gold.ron"), "{err}");
}

mod undo_property {
    use super::*;
    use proptest::prelude::*;

    /// Gold labels per row as a fresh review reads them from disk.
    fn gold_from_disk(doc: &Document) -> Vec<Option<Label>> {
        let r = open(doc);
        (0..r.len()).map(|u| r.gold(u)).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        /// After any sequence of adjudications, the disk says what the model says; undoing
        /// every step brings the gold file back to where it was.
        #[test]
        fn disk_follows_the_model_and_undo_goes_all_the_way_back(
            ops in prop::collection::vec((0usize..6, 0usize..6, 0usize..6), 1..8)
        ) {
            let (dir, doc) = two_annotators();
            // An existing gold label, and a span both annotators cut inside sentence 0: a row
            // of its own, whose gold lives off-sentence.
            let mut r = open(&doc);
            r.adjudicate(3..=3, Some(Skip)).unwrap();
            let s = doc.sentences[0];
            let extra = Record::new(s.start, s.end - 1, &doc.raw[s.start..s.end - 1], Quote, How::Hand);
            for name in ["alice", "bob"] {
                let p = dir.path().join(format!("a.txt.{name}.ron"));
                let mut sc = sidecar::read(&p).unwrap().unwrap();
                sc.orphans.push(extra.clone());
                sidecar::write(&p, &sc).unwrap();
            }
            let start = gold_from_disk(&doc);
            let mut r = open(&doc);
            prop_assert_eq!(r.len(), 5);
            let mut steps = 0;
            for (a, b, l) in ops {
                let n = match l {
                    5 => r.accept_unanimous().unwrap(),
                    4 => r.adjudicate(a.min(b)..=a.max(b), None).unwrap(),
                    l => r.adjudicate(a.min(b)..=a.max(b), Some(Label::ALL[l])).unwrap(),
                };
                steps += usize::from(n > 0);
                let mem: Vec<Option<Label>> = (0..r.len()).map(|u| r.gold(u)).collect();
                prop_assert_eq!(gold_from_disk(&doc), mem);
            }
            for _ in 0..steps {
                prop_assert!(r.undo().unwrap());
            }
            prop_assert!(!r.undo().unwrap());
            prop_assert_eq!(gold_from_disk(&doc), start);
            no_temp_files(dir.path());
        }
    }
}

#[test]
fn two_reviewers_at_once_keep_both_decisions() {
    let (dir, doc) = two_annotators();
    let mut one = open(&doc);
    let mut two = open(&doc);
    one.adjudicate(2..=2, Some(Opinion)).unwrap();
    // Make sure the file looks changed to the second reviewer (coarse mtimes).
    std::thread::sleep(std::time::Duration::from_millis(20));
    two.adjudicate(0..=0, Some(Factual)).unwrap();
    assert_eq!(
        two.gold(2),
        Some(Opinion),
        "the other decision shows after the merge"
    );
    let disk: Vec<(usize, Label)> = gold_on_disk(dir.path())
        .into_iter()
        .map(|g| (g.0, g.1))
        .collect();
    assert_eq!(
        disk,
        vec![
            (doc.sentences[0].start, Factual),
            (doc.sentences[2].start, Opinion)
        ]
    );
}
