//! Notes: their own time, on unlabeled sentences, kept when a label comes or goes.

use super::*;
use crate::model::sidecar::How;
use std::path::Path;

fn setup(dir: &Path) -> Document {
    let p = dir.join("a.txt");
    std::fs::write(&p, "Titre\n\nUne phrase. Deux phrases. Trois.\n").unwrap();
    Document::load(&p, "a.txt").unwrap()
}

fn rec(d: &Document, i: usize, l: Label) -> Record {
    let s = d.sentences[i];
    Record::new(s.start, s.end, d.sentence_text(i), l, How::Hand)
}

#[test]
fn writing_a_note_keeps_the_labels_time_and_gives_the_note_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let doc = setup(dir.path());
    let who = Annotator::new("alice").unwrap();
    let mut a = Annotations::load(&doc, &who).unwrap();
    let mut r = rec(&doc, 1, Label::Quote);
    r.at = "2020-01-01T00:00:00.000Z".into();
    a.set(1, Some(r));
    a.save(&doc).unwrap();
    assert_eq!(a.set_note(&doc, 1, Some("cité par l'AFP")), None);
    a.save(&doc).unwrap();
    let back = Annotations::load(&doc, &who).unwrap();
    let r = back.labels[1].as_ref().unwrap();
    assert_eq!(r.at, "2020-01-01T00:00:00.000Z");
    assert_eq!(r.note.as_deref(), Some("cité par l'AFP"));
    assert!(r.note_at.as_deref().unwrap() > "2025");
    assert_eq!(back.note(1), Some("cité par l'AFP"));
}

#[test]
fn a_note_on_an_unlabeled_sentence_is_saved_and_kept_when_a_label_comes_and_goes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = setup(dir.path());
    let who = Annotator::new("alice").unwrap();
    let mut a = Annotations::load(&doc, &who).unwrap();
    a.set_note(&doc, 2, Some("segment douteux"));
    a.save(&doc).unwrap();
    let text = std::fs::read_to_string(&a.path).unwrap();
    assert!(
        text.contains("  notes: [\n") && text.contains("segment douteux"),
        "{text}"
    );
    let mut a = Annotations::load(&doc, &who).unwrap();
    assert_eq!(a.note(2), Some("segment douteux"));
    assert_eq!(a.count(), 0);
    a.set(2, Some(rec(&doc, 2, Label::Opinion)));
    a.save(&doc).unwrap();
    let text = std::fs::read_to_string(&a.path).unwrap();
    assert!(
        !text.contains("  notes: ["),
        "the note moved into the label: {text}"
    );
    let mut a = Annotations::load(&doc, &who).unwrap();
    assert_eq!(
        a.labels[2].as_ref().unwrap().note.as_deref(),
        Some("segment douteux")
    );
    a.set(2, None);
    a.save(&doc).unwrap();
    let a = Annotations::load(&doc, &who).unwrap();
    assert_eq!((a.count(), a.note(2)), (0, Some("segment douteux")));
}

#[test]
fn a_note_written_meanwhile_survives_a_newer_label_from_another_glose() {
    let dir = tempfile::tempdir().unwrap();
    let doc = setup(dir.path());
    let who = Annotator::new("alice").unwrap();
    let mut first = Annotations::load(&doc, &who).unwrap();
    first.set(1, Some(rec(&doc, 1, Label::Quote)));
    first.save(&doc).unwrap();
    let mut mine = Annotations::load(&doc, &who).unwrap();
    let mut other = Annotations::load(&doc, &who).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    other.set(1, Some(rec(&doc, 1, Label::Factual)));
    other.save(&doc).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    mine.set_note(&doc, 1, Some("à vérifier"));
    // Another note on an unlabeled sentence, from the other side.
    other.set_note(&doc, 2, Some("titre ?"));
    other.save(&doc).unwrap();
    mine.save(&doc).unwrap();
    let back = Annotations::load(&doc, &who).unwrap();
    let r = back.labels[1].as_ref().unwrap();
    assert_eq!(r.label, Label::Factual);
    assert_eq!(r.note.as_deref(), Some("à vérifier"));
    assert_eq!(back.note(2), Some("titre ?"));
}
