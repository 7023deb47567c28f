//! The review acceptance flow in a pseudo-terminal, on the sample articles with two
//! annotators' labels imported through `glose import --annotator`: settling 002 with label
//! keys alone reaches each of its disagreements once, then `n` moves on; with a third
//! annotator, one confirmed key settles every 2-against-1 sentence of the corpus. Also the
//! merge-driver hint on the message line at start.

use crate::support::pty::{Session, listed_articles};
use crate::support::tui::{ids, review_on_disk};
use glose::review::adjudicate::Review;
use std::path::{Path, PathBuf};
use std::process::Command;

const ID: &str = "002_528c4a62948588f3.txt";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agree")
}

/// `glose import FILE --annotator WHO CORPUS` with the real binary.
fn import(corpus: &Path, file: &str, who: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("import")
        .arg(fixtures().join(file))
        .args(["--annotator", who])
        .arg(corpus)
        .env("GLOSE_CONFIG_DIR", corpus.join(".cfg"))
        .env("GLOSE_CACHE_DIR", corpus.join(".cache"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// The sample articles, alice's labels from `seeds.jsonl`, bob's from
/// `seeds.annotator2.jsonl`.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(fixtures().join("seeds")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    import(dir.path(), "seeds.jsonl", "alice");
    import(dir.path(), "seeds.annotator2.jsonl", "bob");
    dir
}

fn start(corpus: &Path) -> Session {
    Session::start_sized(
        tempfile::tempdir().unwrap(),
        corpus,
        &["review", "--annotator", "rev"],
        &[],
        (30, 110),
    )
}

/// Opens one article's review from the review library through the filter.
fn open(s: &mut Session, id: &str) {
    s.wait_for("sort: unsettled");
    s.send("/");
    s.send(&id[..3]);
    s.send("\r");
    s.wait_until("one article listed", |scr| listed_articles(scr) == 1);
    s.send("\r");
    s.wait_for("gold ");
}

#[test]
fn label_keys_alone_settle_every_disagreement_of_002_once_then_n_moves_on() {
    let dir = corpus();
    let before = review_on_disk(dir.path(), ID);
    let d = before.disagreements();
    assert!(d.len() >= 3, "002 has several disagreements: {d:?}");
    let n = before.len();
    let mut s = start(dir.path());
    open(&mut s, ID);
    s.wait_for(&format!("row {}/{n}", d[0] + 1));
    for (k, &u) in d.iter().enumerate() {
        s.wait_for(&format!("row {}/{n}", u + 1));
        // bob's label each time: gold then differs from alice's.
        let bob = before.row(u).labels[1].unwrap();
        s.send(&bob.letter().to_ascii_lowercase().to_string());
        s.wait_for(&format!("gold {}/{n}", k + 1));
    }
    s.wait_for("n goes to the next article");
    s.send("n");
    s.wait_for("Moved to");
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);

    let after = review_on_disk(dir.path(), ID);
    assert_eq!(
        after.adjudicated(),
        d.len(),
        "only the disagreements got gold"
    );
    for &u in &d {
        assert_eq!(after.gold(u), before.row(u).labels[1], "row {u}");
        assert_eq!(after.gold_record(u).unwrap().agreed, ["bob"]);
    }
    // Nothing was settled in the article n moved to.
    let others: usize = ids(dir.path())
        .iter()
        .filter(|id| *id != ID)
        .map(|id| review_on_disk(dir.path(), id).adjudicated())
        .sum();
    assert_eq!(others, 0);
}

#[test]
fn majority_accept_settles_the_corpus_two_against_one_items_with_a_third_annotator() {
    let dir = corpus();
    // carol labeled like alice: every disagreement of alice and bob is 2 against 1.
    import(dir.path(), "seeds.jsonl", "carol");
    let ids = ids(dir.path());
    let before: Vec<Review> = ids
        .iter()
        .map(|id| review_on_disk(dir.path(), id))
        .collect();
    let total: usize = before.iter().map(|r| r.pending_majority().len()).sum();
    let here = before[2].pending_majority().len();
    assert!(total > here && here > 0);
    let mut s = start(dir.path());
    open(&mut s, ID);
    s.send("M");
    s.wait_for(&format!(
        "y = {here} in this article, c = {total} in the corpus"
    ));
    s.send("c");
    s.wait_for(&format!("Accepted {total} majority sentences as gold"));
    s.wait_for("saved");
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);
    for (r, id) in before.iter().zip(&ids) {
        let after = review_on_disk(dir.path(), id);
        assert!(after.pending_majority().is_empty(), "{id}");
        assert_eq!(after.adjudicated(), r.pending_majority().len(), "{id}");
        for u in r.pending_majority() {
            assert_eq!(after.gold(u), r.majority(u), "{id} row {u}");
            assert_eq!(after.gold_record(u).unwrap().agreed, ["alice", "carol"]);
        }
    }
}

#[test]
fn the_merge_driver_hint_is_on_the_message_line_at_start() {
    if Command::new("git").arg("--version").output().is_err() {
        println!("skipped: no `git` binary on this machine");
        return;
    }
    let dir = corpus();
    let home = tempfile::tempdir().unwrap();
    let git = Command::new("git")
        .arg("-C")
        .arg(dir.path())
        .arg("init")
        .env("HOME", home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(git.status.success(), "{git:?}");
    std::fs::write(dir.path().join(".gitattributes"), "*.ron merge=glose\n").unwrap();
    let env = [("GIT_CONFIG_NOSYSTEM", "1")];
    let mut s = Session::start_sized(home, dir.path(), &["--annotator", "ann"], &env, (30, 200));
    s.wait_for("lacks glose's merge driver");
    s.wait_for("glose init");
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
}
