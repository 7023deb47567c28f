//! Document status: done and flagged marks counted by `glose status` (text and JSON) and
//! listed in the export manifest.

use crate::support::cli::*;

use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
use glose::model::status;

#[test]
fn status_and_the_manifest_count_done_and_flagged_articles() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        std::fs::write(
            dir.path().join(name),
            "Titre\n\nUne phrase. Deux phrases.\n",
        )
        .unwrap();
    }
    let (alice, bob) = (
        Annotator::new("alice").unwrap(),
        Annotator::new("bob").unwrap(),
    );
    for name in ["a.txt", "b.txt"] {
        let doc = Document::load(&dir.path().join(name), name).unwrap();
        let mut ann = glose::model::annotations::Annotations::load(&doc, &alice).unwrap();
        let s = doc.sentences[1];
        let r = Record::new(
            s.start,
            s.end,
            doc.sentence_text(1),
            Label::Quote,
            How::Hand,
        );
        ann.set(1, Some(r));
        ann.save(&doc).unwrap();
        status::set(&doc, &alice, Some(status::done())).unwrap();
    }
    // Status reads through its cache: a mark made after a first run is seen.
    let first = stdout_of(
        glose(home.path())
            .args(["status", "--json"])
            .arg(dir.path()),
    );
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["totals"]["done"]["alice"], 2, "{v}");
    let a = Document::load(&dir.path().join("a.txt"), "a.txt").unwrap();
    status::set(&a, &bob, Some(status::flagged("le titre est coupé"))).unwrap();
    let json = stdout_of(
        glose(home.path())
            .args(["status", "--json"])
            .arg(dir.path()),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["totals"]["done"]["alice"], 2, "{v}");
    assert_eq!(v["totals"]["flagged"]["bob"], 1, "{v}");
    assert_eq!(
        v["articles"][0]["status"]["bob"]["flagged"],
        "le titre est coupé"
    );
    let text = stdout_of(glose(home.path()).arg("status").arg(dir.path()));
    assert!(
        text.contains("flagged for review by bob: le titre est coupé"),
        "{text}"
    );
    assert!(text.contains("articles done: alice 2"), "{text}");

    let data = dir.path().join("data");
    stdout_of(
        glose(home.path())
            .args(["export", "-q", "--split", "train=0.5,test=0.5", "--out"])
            .arg(&data)
            .arg(dir.path()),
    );
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("manifest.json")).unwrap())
            .unwrap();
    let ds = &m["document_status"];
    assert_eq!(ds["done"]["alice"], 2, "{m}");
    assert_eq!(ds["flagged"]["bob"], 1, "{m}");
    assert_eq!(ds["articles"]["a.txt"]["alice"], "done", "{m}");
}
