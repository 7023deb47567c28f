//! `glose review` in a pseudo-terminal on a corpus with two annotators' sidecars: settle a
//! disagreement, accept the unanimous sentences after confirming, quit, and check the gold
//! sidecar on disk.

use crate::support::pty::{Session, listed_articles};
use crate::support::tui::{review_on_disk, sidecar, two_annotators};
use glose::model::sidecar::How;
use glose::review::adjudicate::Status;
use std::path::Path;

/// Review needs room for its columns.
fn start(corpus: &Path, args: &[&str]) -> Session {
    Session::start_sized(tempfile::tempdir().unwrap(), corpus, args, &[], (30, 110))
}

#[test]
fn adjudicate_a_disagreement_accept_unanimous_rows_and_find_them_in_the_gold_file() {
    let corpus = two_annotators();
    let dir = corpus.path();
    let id = "000_3b8629df93aa22c5.txt";
    let before = review_on_disk(dir, id);
    let n = before.len();
    let d = before.disagreements()[0];
    let alice = before.row(d).labels[0].unwrap();
    let pending = before.pending_unanimous();
    assert!(!pending.is_empty());

    let mut s = start(dir, &["review", "--annotator", "carol"]);
    s.wait_for("Agree");
    s.wait_for("0/19"); // summaries arrived: rows adjudicated per article
    // The list is sorted by disagreements without gold: find the article by its id.
    s.send("/000\r");
    s.wait_until("one article listed", |scr| listed_articles(scr) == 1);
    s.send("\r");
    s.wait_for(&format!("row {}/{n}", d + 1));
    s.wait_for(&format!("gold 0/{n}"));
    s.send(&alice.letter().to_ascii_lowercase().to_string());
    s.wait_for(&format!("gold 1/{n}"));
    s.send("A");
    s.wait_for(&format!("y = {} in this article", pending.len()));
    s.send("y");
    s.wait_for(&format!("gold {}/{n}", pending.len() + 1));
    s.wait_for("saved");
    s.send("\u{1b}");
    s.wait_for("r review"); // back in the library
    let row = s
        .screen()
        .lines()
        .find(|l| l.contains(id))
        .unwrap_or_default()
        .to_string();
    assert!(
        row.ends_with(&format!(" {}/{n}", pending.len() + 1)),
        "{row}"
    );
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);

    let file = sidecar(dir, id, "gold").expect("gold sidecar written");
    assert_eq!(file.annotator, "gold");
    let after = review_on_disk(dir, id);
    assert_eq!(after.adjudicated(), pending.len() + 1);
    for u in 0..n {
        let want = match before.status(u) {
            _ if u == d => Some(alice),
            Status::Unanimous { label, .. } => Some(label),
            _ => None,
        };
        assert_eq!(after.gold(u), want, "row {u}");
        if let Some(g) = after.gold_record(u) {
            assert_eq!(g.how, How::Adjudication);
            assert_eq!(g.adjudicator.as_deref(), Some("carol"));
            let agreed: Vec<String> = before
                .annotators()
                .iter()
                .zip(&before.row(u).labels)
                .filter(|(_, l)| **l == want)
                .map(|(a, _)| a.to_string())
                .collect();
            assert_eq!(g.agreed, agreed, "row {u}");
        }
    }
    assert!(
        file.labels
            .iter()
            .chain(&file.orphans)
            .all(|r| r.adjudicator.as_deref() == Some("carol"))
    );
    // Nobody else's sidecar was touched.
    for who in ["alice", "bob"] {
        let sc = sidecar(dir, id, who).unwrap();
        assert!(sc.labels.iter().all(|r| r.adjudicator.is_none()));
    }
}

#[test]
fn gold_is_refused_as_adjudicator() {
    let corpus = two_annotators();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["review", "--annotator", "gold"])
        .arg(corpus.path())
        .env("GLOSE_CONFIG_DIR", corpus.path().join("cfg"))
        .env("GLOSE_CACHE_DIR", corpus.path().join("cache"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`gold` is reserved"), "{err}");
}
