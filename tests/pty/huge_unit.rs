//! The real binary on an article whose body is one unit of megabytes: it opens, the unit
//! is labeled with one key and the label is on disk in a small sidecar, and glose quits.

use crate::support::huge::huge_text;
use crate::support::pty::{Session, corpus_with};

#[test]
fn a_multi_megabyte_unit_is_labeled_and_saved() {
    let text = huge_text(3);
    let corpus = corpus_with(&text);
    let sidecar = corpus.path().join("a.txt.alice.ron");
    let mut s = Session::start(corpus.path(), &["--annotator", "alice"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("selon le ministre la situation");
    s.send("j");
    s.wait_for(" 2/2 │ 0/2 labeled");
    s.send("f");
    s.wait_for(" 2/2 │ 1/2 labeled");
    s.wait_until("the label on disk", |_| {
        std::fs::read_to_string(&sidecar).is_ok_and(|t| t.contains("label: Factual"))
    });
    let on_disk = std::fs::read_to_string(&sidecar).unwrap();
    assert!(on_disk.len() < 800, "{} bytes:\n{on_disk}", on_disk.len());
    let doc =
        glose::model::document::Document::load(&corpus.path().join("a.txt"), "a.txt").unwrap();
    let sc = glose::model::sidecar::parse(&on_disk, &sidecar).unwrap();
    assert_eq!(
        (sc.labels[0].start, sc.labels[0].end),
        (doc.sentences[1].start, doc.sentences[1].end)
    );
    assert!(glose::model::sidecar::capped::matches(
        &sc.labels[0].text,
        doc.sentence_text(1)
    ));
    s.send("Q");
    s.wait_for("Quit glose?");
    s.send("y");
    assert_eq!(s.exit_code(), 0);
}
