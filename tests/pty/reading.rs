//! The real binary in a pseudo-terminal: glose reopens where the annotator stopped, and
//! labels another session writes show up without a key press.

use crate::support::pty::Session;
use crate::support::sample::copy_sample_corpus;
use std::path::Path;

#[test]
fn glose_reopens_on_the_article_and_sentence_left_per_annotator() {
    let corpus = copy_sample_corpus();
    let cache = tempfile::tempdir().unwrap();
    let env = [("GLOSE_CACHE_DIR", cache.path().to_str().unwrap())];
    let mut s = Session::start(corpus.path(), &["--annotator", "alice"], &env);
    s.wait_for("5 articles");
    s.send("j\r");
    s.wait_for("1/42 │ 0/42 labeled │ alice");
    // two paragraphs down: the byline's first line, its second, then the lede
    s.send("JJ");
    s.wait_for("4/42 │ 0/42 labeled │ alice");
    let at = "4/42";
    s.send("\x1b");
    s.wait_for("5 articles");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let kept: Vec<_> = walk(cache.path());
    assert!(kept.iter().any(|p| p.ends_with("alice.ron")), "{kept:?}");
    // nothing was written into the corpus but what labels would write
    assert!(
        std::fs::read_dir(corpus.path())
            .unwrap()
            .all(|e| { e.unwrap().file_name().to_string_lossy().ends_with(".txt") })
    );

    let s = Session::start(corpus.path(), &["--annotator", "alice"], &env);
    s.wait_for(&format!("{at} │ 0/42 labeled │ alice"));
    s.wait_for("Resumed where you stopped");
    drop(s);
    // another annotator starts in the library
    let s = Session::start(corpus.path(), &["--annotator", "bob"], &env);
    s.wait_for("5 articles");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!s.screen().contains("Resumed"), "{}", s.screen());
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Labels `who` on sentences `which` of `id` as another process would, through the model.
fn label_elsewhere(corpus: &Path, id: &str, who: &str, which: &[usize]) {
    use glose::model::label::Label;
    use glose::model::sidecar::{How, Record};
    use glose::model::{annotations::Annotations, annotator::Annotator, document::Document};
    let doc = Document::load(&corpus.join(id), id).unwrap();
    let who = Annotator::new(who).unwrap();
    let mut ann = Annotations::load(&doc, &who).unwrap();
    for &i in which {
        let s = doc.sentences[i];
        let r = Record::new(
            s.start,
            s.end,
            doc.sentence_text(i),
            Label::Opinion,
            How::Hand,
        );
        ann.set(i, Some(r));
    }
    ann.save(&doc).unwrap();
}

#[test]
fn labels_written_by_another_process_show_without_a_key_and_nothing_is_lost() {
    let corpus = copy_sample_corpus();
    let id = "000_3b8629df93aa22c5.txt";
    let mut s = Session::start(corpus.path(), &["--annotator", "alice"], &[]);
    s.wait_for("5 articles");
    s.send("\r");
    s.wait_for("1/19 │ 0/19 labeled │ alice");
    // a `git pull` or a second session writes two labels of alice's
    label_elsewhere(corpus.path(), id, "alice", &[2, 3]);
    let t = std::time::Instant::now();
    s.wait_for("2/19 labeled");
    assert!(
        t.elapsed() < std::time::Duration::from_secs(3),
        "{:?}",
        t.elapsed()
    );
    // labeling here keeps them
    s.send("f");
    s.wait_for("3/19 labeled");
    s.wait_for("saved");
    let labels =
        crate::support::pty::labels_on_disk(&corpus.path().join(format!("{id}.alice.ron")));
    assert_eq!(labels.len(), 3, "{labels:?}");
    // the library follows too: another article labeled elsewhere
    s.send("\x1b");
    s.wait_for("5 articles");
    label_elsewhere(
        corpus.path(),
        "004_b07fcdacbb762b4c.txt",
        "alice",
        &[0, 1, 2, 3],
    );
    s.wait_until("the library shows 4 labels in 004", |t| {
        t.lines()
            .any(|l| l.contains("004_b07fcdacbb762b4c.txt") && l.contains("4/"))
    });
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
