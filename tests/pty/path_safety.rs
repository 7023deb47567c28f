//! Annotator names and paths never make glose write outside the corpus folder: bad names
//! are refused by every command that takes one, wherever the name comes from, and a linked
//! article gets its sidecar beside the link, inside the corpus.

use crate::support::pty::*;
use assert_cmd::Command;
use std::path::Path;

const BAD: &[&str] = &[
    "../x",
    "../../etc/passwd",
    "a/b",
    "/abs",
    ".hidden",
    "..",
    "a\nb",
    "a\u{1b}[31m",
    "a\u{202e}b",
    "",
];

/// Every file under `dir`, as paths relative to it.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().unwrap().is_dir() {
            out.extend(tree(&e.path()).into_iter().map(|n| format!("{name}/{n}")));
        }
        out.push(name);
    }
    out.sort();
    out
}

/// A workspace: `corpus/a.txt`, `labels.jsonl` beside it, and an empty config folder.
fn workspace() -> tempfile::TempDir {
    let w = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(w.path().join("corpus/sub")).unwrap();
    std::fs::create_dir_all(w.path().join("config")).unwrap();
    std::fs::write(w.path().join("corpus/a.txt"), "Title\n\nOne sentence.\n").unwrap();
    std::fs::write(w.path().join("corpus/sub/b.txt"), "Other.\n").unwrap();
    std::fs::write(
        w.path().join("labels.jsonl"),
        r#"{"article":"a.txt","text":"One sentence.","label":"quote"}"#,
    )
    .unwrap();
    w
}

fn glose(w: &Path) -> Command {
    let mut c = crate::support::cli::glose(w.join("config"));
    c.env("HOME", w.join("config"))
        .current_dir(w.join("corpus/sub"))
        .write_stdin("");
    c
}

/// Runs `cmd`, expects exit 1 with a message about the annotator name, and nothing written.
fn refused(w: &Path, mut cmd: Command, name: &str) {
    let before = tree(w);
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{name:?} accepted: {err}");
    assert!(err.contains("annotator name"), "{name:?}: {err}");
    assert!(!err.contains('\u{1b}'), "raw escape echoed: {err:?}");
    assert_eq!(tree(w), before, "{name:?}: something was written");
}

#[test]
fn bad_annotator_names_are_refused_by_every_command() {
    let w = workspace();
    let corpus = w.path().join("corpus");
    for name in BAD {
        // The annotation UI, by flag and by environment.
        let mut c = glose(w.path());
        c.arg("--annotator").arg(name).arg(&corpus);
        refused(w.path(), c, name);
        if !name.is_empty() {
            let mut c = glose(w.path());
            c.env("GLOSE_ANNOTATOR", name).arg(&corpus);
            refused(w.path(), c, name);
        }
        // Import.
        let mut c = glose(w.path());
        c.arg("import")
            .arg(w.path().join("labels.jsonl"))
            .arg("--annotator")
            .arg(name)
            .arg(&corpus);
        refused(w.path(), c, name);
    }
}

#[test]
fn a_bad_name_in_the_config_file_is_refused_too() {
    let w = workspace();
    // RON escapes reach characters no command line can carry: NUL, a newline.
    for name in [r"a\u{0}b", r"../x", r"a\nb"] {
        std::fs::write(
            w.path().join("config/config.ron"),
            format!("(annotator: Some(\"{name}\"))"),
        )
        .unwrap();
        let mut c = glose(w.path());
        c.arg(w.path().join("corpus"));
        refused(w.path(), c, name);
    }
}

#[test]
fn import_cannot_reach_outside_the_corpus_through_article_names() {
    let w = workspace();
    std::fs::write(w.path().join("outside.txt"), "One sentence.\n").unwrap();
    std::fs::write(
        w.path().join("evil.jsonl"),
        concat!(
            r#"{"article":"../outside.txt","text":"One sentence.","label":"quote"}"#,
            "\n",
            r#"{"article":"/etc/hostname","start":0,"end":1,"label":"quote"}"#,
            "\n",
        ),
    )
    .unwrap();
    let before = tree(w.path());
    let out = glose(w.path())
        .arg("import")
        .arg(w.path().join("evil.jsonl"))
        .args(["--annotator", "model"])
        .arg(w.path().join("corpus"))
        .output()
        .unwrap();
    let _ = out.status;
    assert_eq!(
        tree(w.path()),
        before,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A linked article is labeled through the link: the sidecar goes beside the link, inside
/// the corpus, and the folder of the link's target gets nothing.
#[cfg(unix)]
#[test]
fn a_linked_article_gets_its_sidecar_beside_the_link() {
    let corpus = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("real.txt"), "Title\n\nOne sentence.\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("real.txt"),
        corpus.path().join("link.txt"),
    )
    .unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "lin"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/2 labeled");
    s.send("f");
    s.wait_for("1/2 labeled");
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        labels_on_disk(&corpus.path().join("link.txt.lin.ron")),
        [("Title".to_string(), "factual".to_string())]
    );
    assert_eq!(tree(outside.path()), ["real.txt"]);
}
