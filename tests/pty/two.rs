//! Two glose processes of the same annotator on the same article (two terminals, or two
//! machines syncing one folder), and a sidecar rewritten by another tool while glose is
//! open: every label survives and the newest change per sentence wins. Each session takes
//! in the other's changes either at its next save or at its live poll of the disk (every
//! 400 ms), whichever comes first, so the test waits for what every case shows (the
//! save's message is pinned in `tests/tui/update.rs`).

use crate::support::pty::*;
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record};
use std::path::Path;

const ARTICLE: &str = "Title\n\nOne sentence here. Another one. A third one.\n";
const DOWN: &str = "\u{1b}[B";
const UP: &str = "\u{1b}[A";

fn open(corpus: &Path) -> Session {
    let mut s = Session::start(corpus, &["--annotator", "dup"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("/4 labeled");
    s
}

/// Lets the next label get a later millisecond time stamp than the last one.
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(5));
}

fn disk(path: &Path) -> Vec<(String, String)> {
    labels_on_disk(path)
}

/// Waits until the sidecar holds `want` (a save is on disk before its screen is drawn, but
/// the screen may show it before this process reads the file).
fn wait_disk(path: &Path, want: &[(&str, &str)]) {
    let start = std::time::Instant::now();
    while disk(path) != pairs(want) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "on disk: {:?}",
            disk(path)
        );
        tick();
    }
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(t, l)| (t.to_string(), l.to_string()))
        .collect()
}

#[test]
fn two_sessions_and_an_outside_edit_lose_no_label() {
    let corpus = corpus_with(ARTICLE);
    let sidecar = corpus.path().join("a.txt.dup.ron");
    let mut a = open(corpus.path());
    let mut b = open(corpus.path());

    // A labels sentence 1, B sentence 2: B takes A's label in, by its poll or its save.
    a.send("f");
    a.wait_for("1/4 labeled");
    b.send(DOWN);
    b.wait_until("B on sentence 2", |scr| {
        scr.contains("2/4 │ 0/4 labeled") || scr.contains("2/4 │ 1/4 labeled")
    });
    b.send("q");
    b.wait_for("2/4 labeled");
    wait_disk(
        &sidecar,
        &[("Title", "factual"), ("One sentence here.", "quote")],
    );

    // Both label sentence 2, A first then B: the newer label (B's) is kept.
    tick();
    a.send("o");
    a.wait_for("3/4 │ 2/4 labeled");
    tick();
    b.send(UP);
    b.wait_for("2/4 │ 2/4 labeled");
    b.send("s");
    b.wait_for("3/4 │ 2/4 labeled");
    assert_eq!(
        disk(&sidecar),
        pairs(&[("Title", "factual"), ("One sentence here.", "skip")])
    );

    // Another tool rewrites the sidecar while both are open: sentence 1 becomes skip.
    tick();
    let text = std::fs::read_to_string(&sidecar).unwrap();
    let mut sc = sidecar::parse(&text, &sidecar).unwrap();
    let first = sc.labels.iter_mut().find(|r| r.text == "Title").unwrap();
    *first = Record::new(first.start, first.end, "Title", Label::Skip, How::Import);
    std::fs::write(&sidecar, sidecar::to_ron(&sc)).unwrap();

    // B labels sentence 3: its save re-reads the file and keeps the outside change.
    tick();
    b.send("q");
    b.wait_for("3/4 labeled");
    b.wait_for("S Title");
    // A, which may not have polled since, labels sentence 4 and keeps everything.
    tick();
    a.send(DOWN);
    a.wait_until("A on sentence 4", |scr| {
        scr.contains("4/4 │ 2/4 labeled") || scr.contains("4/4 │ 3/4 labeled")
    });
    a.send("f");
    a.wait_for("4/4 labeled");
    a.wait_for("S Title");

    a.send("Qy");
    b.send("Qy");
    assert_eq!(a.exit_code(), 0);
    assert_eq!(b.exit_code(), 0);
    assert_eq!(
        disk(&sidecar),
        pairs(&[
            ("Title", "skip"),
            ("One sentence here.", "skip"),
            ("Another one.", "quote"),
            ("A third one.", "factual"),
        ])
    );
    assert!(leftovers(corpus.path()).is_empty());
}
