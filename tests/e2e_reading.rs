//! The real binary in a pseudo-terminal: glose reopens where the annotator stopped, and
//! labels another session writes show up without a key press.

mod pty_support;
use pty_support::Session;
use std::path::Path;

fn copy_sample_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
    for f in std::fs::read_dir(src).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    dir
}

#[test]
fn glose_reopens_on_the_article_and_sentence_left_per_annotator() {
    let corpus = copy_sample_corpus();
    let cache = tempfile::tempdir().unwrap();
    let env = [("GLOSE_CACHE_DIR", cache.path().to_str().unwrap())];
    let mut s = Session::start(corpus.path(), &["--annotator", "alice"], &env);
    s.wait_for("5 articles");
    s.send("j\r");
    s.wait_for("1/42 │ 0/42 labeled │ alice");
    s.send("JJ");
    s.wait_until("the cursor moved", |t| !t.contains("1/42 │"));
    let at = s
        .screen()
        .lines()
        .next()
        .and_then(|l| l.split(" │ ").nth(1).map(str::to_string))
        .unwrap();
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
