//! The annotator's slips against the real binary in a pseudo-terminal: label keys past the
//! end, a note typed on an unlabeled sentence, Enter after a search, ctrl-c in a prompt and
//! `Q` in the reader. Each checks the sidecar on disk.

use crate::support::pty::*;
use std::path::Path;

const TWO: &str =
    "The river rose by three metres. Residents said they had never seen such a flood.\n";

fn open(corpus: &Path) -> Session {
    let mut s = Session::start(corpus, &["--annotator", "kim"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/2 labeled");
    s
}

fn labels(corpus: &Path) -> Vec<String> {
    labels_on_disk(&corpus.join("a.txt.kim.ron"))
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn label_keys_past_the_end_leave_the_last_label() {
    let corpus = corpus_with(TWO);
    let mut s = open(corpus.path());
    s.send("fqos");
    s.wait_for("End of the article");
    s.wait_for("2/2 labeled");
    assert_eq!(labels(corpus.path()), ["factual", "quote"]);
    s.send("Q");
    s.wait_for("Quit glose? (y/n)");
    s.send("y");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_note_typed_on_an_unlabeled_sentence_runs_no_key() {
    let corpus = corpus_with(TWO);
    let mut s = open(corpus.path());
    s.send("c");
    s.wait_for("note: ");
    s.send("us\r");
    s.wait_for("Note kept on the unlabeled sentence");
    assert!(labels(corpus.path()).is_empty());
    let sidecar = std::fs::read_to_string(corpus.path().join("a.txt.kim.ron")).unwrap();
    assert!(sidecar.contains("note: \"us\""), "{sidecar}");
    s.send("f");
    s.wait_for("1/2 labeled");
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(labels(corpus.path()), ["factual"]);
}

#[test]
fn enter_after_a_search_labels_nothing_and_ctrl_c_cancels_a_note() {
    let corpus = corpus_with(TWO);
    let mut s = open(corpus.path());
    s.send("/said\r");
    s.wait_for("Found “said” in sentence 2");
    s.send("\r");
    s.wait_for("(from the top)");
    assert!(labels(corpus.path()).is_empty());
    s.send("f");
    s.wait_for("1/2 labeled");
    s.send("chalf a note\x03");
    s.wait_until("the prompt closed", |sc| !sc.contains("note: "));
    assert!(s.child.try_wait().unwrap().is_none(), "glose still runs");
    s.send("x");
    s.wait_for("0/2 labeled");
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);
    assert!(labels(corpus.path()).is_empty());
}
