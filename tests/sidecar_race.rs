//! Two writers of one sidecar saving as fast as they can (two glose sessions of the same
//! annotator on the same article): every label either of them saved is on disk at the end,
//! none is lost between one's change check and the other's rename.

use glose::annotations::Annotations;
use glose::annotator::Annotator;
use glose::document::Document;
use glose::label::Label;
use glose::sidecar::{How, Record};
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
