//! Two writers of one sidecar saving as fast as they can (two glose sessions of the same
//! annotator on the same article): every label either of them saved is on disk at the end,
//! none is lost between one's change check and the other's rename.

use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
use std::sync::{Arc, Barrier};

const SENTENCES: usize = 60;

fn doc(dir: &std::path::Path) -> Document {
    let text: String = (0..SENTENCES)
        .map(|i| format!("Sentence number {i} is here. "))
        .collect();
    let p = dir.join("a.txt");
    std::fs::write(&p, text).unwrap();
    Document::load(&p, "a.txt").unwrap()
}

/// Labels every `parity` sentence, saving after each one, as one session would.
fn writer(doc: Document, parity: usize, label: Label, go: Arc<Barrier>) {
    let who = Annotator::new("alice").unwrap();
    let mut a = Annotations::load(&doc, &who).unwrap();
    go.wait();
    for i in (parity..doc.sentences.len()).step_by(2) {
        let s = doc.sentences[i];
        let r = Record::new(s.start, s.end, doc.sentence_text(i), label, How::Hand);
        a.set(i, Some(r));
        a.save(&doc).unwrap();
    }
}

#[test]
fn two_writers_saving_at_once_lose_nothing() {
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let d = doc(dir.path());
        assert_eq!(d.sentences.len(), SENTENCES);
        let go = Arc::new(Barrier::new(2));
        let threads: Vec<_> = [(0, Label::Factual), (1, Label::Opinion)]
            .into_iter()
            .map(|(parity, label)| {
                let (d, go) = (d.clone(), Arc::clone(&go));
                std::thread::spawn(move || writer(d, parity, label, go))
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let back = Annotations::load(&d, &Annotator::new("alice").unwrap()).unwrap();
        let missing: Vec<usize> = (0..SENTENCES)
            .filter(|&i| back.label(i).is_none())
            .collect();
        assert!(missing.is_empty(), "round {round}: lost labels {missing:?}");
        for i in 0..SENTENCES {
            let want = if i % 2 == 0 {
                Label::Factual
            } else {
                Label::Opinion
            };
            assert_eq!(back.label(i), Some(want), "round {round}, sentence {i}");
        }
    }
}

/// A change kept in memory (its save failed, or it was made offline) meets a newer one on
/// disk for the same sentence: the newer one wins, whichever is written last.
#[test]
fn an_older_pending_change_does_not_beat_a_newer_one_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let d = doc(dir.path());
    let who = Annotator::new("alice").unwrap();
    let mut slow = Annotations::load(&d, &who).unwrap();
    let mut fast = Annotations::load(&d, &who).unwrap();
    let s = d.sentences[3];
    let mut old = Record::new(s.start, s.end, d.sentence_text(3), Label::Quote, How::Hand);
    old.at = "2001-01-01T00:00:00.000Z".to_string();
    slow.set(3, Some(old));
    let s5 = d.sentences[5];
    slow.set(
        5,
        Some(Record::new(
            s5.start,
            s5.end,
            d.sentence_text(5),
            Label::Skip,
            How::Hand,
        )),
    );
    let newer = Record::new(
        s.start,
        s.end,
        d.sentence_text(3),
        Label::Opinion,
        How::Hand,
    );
    fast.set(3, Some(newer));
    fast.save(&d).unwrap();
    assert!(slow.save(&d).unwrap().merged);
    let back = Annotations::load(&d, &who).unwrap();
    assert_eq!(back.label(3), Some(Label::Opinion));
    assert_eq!(back.label(5), Some(Label::Skip));
    assert_eq!(slow.label(3), Some(Label::Opinion));
}
