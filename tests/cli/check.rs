//! `glose check`: errors (exit 1) apart from warnings (exit 0), and `--fix`.

use crate::support::cli::*;

use std::path::Path;

/// Exit code and stdout of `glose check` with `extra` arguments.
fn check(home: &Path, corpus: &Path, extra: &[&str]) -> (i32, String) {
    let o = glose(home)
        .arg("check")
        .args(extra)
        .arg(corpus)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
    )
}

#[test]
fn check_passes_right_after_an_import_and_lists_the_kept_spans_as_warnings() {
    let corpus = sample_corpus();
    let home = tempfile::tempdir().unwrap();
    let seeds = seeds();
    glose(home.path())
        .args(["import", "--annotator", "g"])
        .arg(&seeds)
        .arg(corpus.path())
        .assert()
        .success();
    let (code, out) = check(home.path(), corpus.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("error:"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("warning: ") && l.contains("kept at its own span by an import")),
        "{out}"
    );
}

/// A sidecar for `a.txt` by `who` with one label line.
fn sidecar(dir: &Path, who: &str, article: &str, start: usize, end: usize, text: &str) {
    let body = format!(
        "(\n  schema: 1,\n  article: \"{article}\",\n  fingerprint: \"\",\n  segmenter: \"glose-seg/1\",\n  annotator: \"{who}\",\n  labels: [\n    (start: {start}, end: {end}, label: Factual, how: Hand, at: \"2025-01-01T00:00:00.000Z\", text: \"{text}\"),\n  ],\n)\n"
    );
    std::fs::write(dir.join(format!("a.txt.{who}.ron")), body).unwrap();
}

#[test]
fn impossible_offsets_and_another_article_are_errors() {
    let home = tempfile::tempdir().unwrap();
    for (start, end, article, why) in [
        (5, 2, "a.txt", "start is after end"),
        (0, 900, "a.txt", "past the end"),
        (1, 3, "a.txt", "inside a UTF-8 character"),
        (0, 5, "b.txt", "names article `b.txt`"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Été chaud.\n\nUne phrase.\n").unwrap();
        sidecar(dir.path(), "alice", article, start, end, "x");
        let before = std::fs::read(dir.path().join("a.txt.alice.ron")).unwrap();
        let (code, out) = check(home.path(), dir.path(), &["--fix"]);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.lines()
                .any(|l| l.starts_with("error: ") && l.contains(why)),
            "{why}: {out}"
        );
        // Never rewritten, not even by --fix.
        assert_eq!(
            std::fs::read(dir.path().join("a.txt.alice.ron")).unwrap(),
            before
        );
    }
}

#[test]
fn fix_writes_back_the_offsets_of_labels_moved_by_an_edit_and_keeps_orphans() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Titre\n\nUne phrase. Une autre.\n").unwrap();
    sidecar(dir.path(), "alice", "a.txt", 7, 18, "Une phrase.");
    // The article gains a sentence in front: the label's text is now further on.
    std::fs::write(&a, "Titre\n\nAjout. Une phrase. Une autre.\n").unwrap();
    let (code, out) = check(home.path(), dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning: ") && out.contains("--fix"), "{out}");
    let (code, out) = check(home.path(), dir.path(), &["--fix"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("fixed: ") && out.contains("1 re-attached label"),
        "{out}"
    );
    let fixed = std::fs::read_to_string(dir.path().join("a.txt.alice.ron")).unwrap();
    assert!(fixed.contains("(start: 14, end: 25,"), "{fixed}");
    let (code, out) = check(home.path(), dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("warning: "), "{out}");
}

#[test]
fn a_broken_corrections_file_is_an_error_and_a_stale_one_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Titre\n\nUne phrase. Une autre.\n",
    )
    .unwrap();
    let cuts = dir.path().join("a.txt.cuts.ron");
    std::fs::write(&cuts, "(schema: 1, article: \"a.txt\", splits: [(at: x)])").unwrap();
    let (code, out) = check(home.path(), dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: ") && out.contains("a.txt.cuts.ron:"),
        "{out}"
    );
    std::fs::write(
        &cuts,
        "(schema: 1, article: \"a.txt\", splits: [(at: 3, next: \"gone\")])",
    )
    .unwrap();
    let (code, out) = check(home.path(), dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warning: ") && out.contains("no longer applies"),
        "{out}"
    );
    std::fs::write(&cuts, "(schema: 1, article: \"b.txt\")").unwrap();
    let (code, out) = check(home.path(), dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("names article `b.txt`"), "{out}");
}
