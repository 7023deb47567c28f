//! The binary's non-interactive commands, run as a user would.

use crate::support::cli::glose;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("sub")).unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Titre de l'article\n\nPremière phrase. Deuxième phrase.\n",
    )
    .unwrap();
    fs::write(dir.path().join("sub/b.md"), "Autre titre\n\nUne phrase.\n").unwrap();
    fs::write(dir.path().join("bad.txt"), b"caf\xe9\n").unwrap();
    dir
}

/// Writes a sidecar for `a.txt` labeling its first two sentences, through the library.
fn label_a(root: &Path, who: &str) {
    use glose::model::annotations::Annotations;
    use glose::model::annotator::Annotator;
    use glose::model::document::Document;
    use glose::model::sidecar::{How, Record};
    let doc = Document::load(&root.join("a.txt"), "a.txt").unwrap();
    let mut a = Annotations::load(&doc, &Annotator::new(who).unwrap()).unwrap();
    for i in 0..2 {
        let s = doc.sentences[i];
        a.set(
            i,
            Some(Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                glose::Label::Factual,
                How::Hand,
            )),
        );
    }
    a.save(&doc).unwrap();
}

#[test]
fn status_counts_labels_per_annotator_and_explains_bad_files() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    label_a(c.path(), "alice");
    let out = glose(cfg.path())
        .args(["status", "--json"])
        .arg(c.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arts = v["articles"].as_array().unwrap();
    let ids: Vec<_> = arts.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "bad.txt", "sub/b.md"]);
    assert_eq!(arts[0]["labeled"]["alice"], 2);
    assert_eq!(arts[0]["title"], "Titre de l'article");
    assert!(arts[1]["unreadable"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(v["totals"]["labeled"]["alice"], 2);
    glose(cfg.path())
        .arg("status")
        .arg(c.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("cannot open: not valid UTF-8"));
}

#[test]
fn check_passes_clean_corpus_and_names_a_corrupt_sidecar() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    label_a(c.path(), "alice");
    glose(cfg.path())
        .arg("check")
        .arg(c.path())
        .assert()
        .success();
    let bad = c.path().join("a.txt.bob.ron");
    fs::write(&bad, "(\n  schema: 1,\n  labels: [ nope ]\n)").unwrap();
    glose(cfg.path())
        .arg("check")
        .arg(c.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.txt.bob.ron:"));
    // Never overwritten.
    assert_eq!(
        fs::read_to_string(&bad).unwrap(),
        "(\n  schema: 1,\n  labels: [ nope ]\n)"
    );
}

#[test]
fn check_warns_of_orphans_after_an_edit() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    label_a(c.path(), "alice");
    fs::write(
        c.path().join("a.txt"),
        "Titre de l'article\n\nTout a changé.\n",
    )
    .unwrap();
    glose(cfg.path())
        .arg("check")
        .arg(c.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("warning: "))
        .stdout(predicate::str::contains("matches no sentence"));
}

#[test]
fn segment_json_offsets_slice_the_file() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    let path = c.path().join("a.txt");
    let out = glose(cfg.path())
        .args(["segment", "--json"])
        .arg(&path)
        .env("GLOSE_TIMING", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("elapsed_ns="));
    let bytes = fs::read(&path).unwrap();
    let mut n = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            v["text"].as_str().unwrap()
        );
        n += 1;
    }
    assert_eq!(n, 3);
}

#[test]
fn segment_reads_stdin_and_refuses_binary() {
    let cfg = tempfile::tempdir().unwrap();
    glose(cfg.path())
        .args(["segment", "-"])
        .write_stdin("Une phrase. Une autre.")
        .assert()
        .success()
        .stdout("Une phrase.\nUne autre.\n");
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.txt");
    fs::write(&bin, b"\x00\x01\x02").unwrap();
    glose(cfg.path())
        .arg("segment")
        .arg(&bin)
        .assert()
        .failure()
        .stderr(predicate::str::contains("x.txt").and(predicate::str::contains("binary")));
}

#[test]
fn errors_go_to_stderr_with_nonzero_exit() {
    let cfg = tempfile::tempdir().unwrap();
    // The folder and the reason, each said once, from a command and from the reader.
    for args in [
        &["status", "/definitely/not/here"][..],
        &["/definitely/not/here"],
    ] {
        let out = glose(cfg.path()).args(args).output().unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches("/definitely/not/here").count(), 1, "{err}");
        assert_eq!(err.matches("(os error 2)").count(), 1, "{err}");
    }
    fs::write(cfg.path().join("config.ron"), "(annotater: None)").unwrap();
    glose(cfg.path())
        .args(["status", "."])
        .assert()
        .failure()
        .stderr(predicate::str::contains("config.ron:1:"));
}

#[test]
fn help_has_examples_and_completions_are_printed() {
    let cfg = tempfile::tempdir().unwrap();
    for sub in ["segment", "status", "check", "completions"] {
        glose(cfg.path())
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    glose(cfg.path())
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("glose"));
}

#[test]
fn the_reader_refuses_the_reserved_gold_name_and_writes_nothing() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    glose(cfg.path())
        .args(["--annotator", "gold"])
        .arg(c.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("`gold` is reserved"));
    let ron = fs::read_dir(c.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".ron")
        })
        .count();
    assert_eq!(ron, 0);
}

#[test]
fn the_reader_names_a_bad_lexicon_file_and_exits_before_taking_the_terminal() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    fs::write(
        c.path().join("glose-lexicon.fr.ron"),
        "(\n  evaluative: [\"a\"],\n  evaluatives: [],\n)",
    )
    .unwrap();
    for cmd in [vec![], vec!["review"]] {
        glose(cfg.path())
            .args(cmd)
            .arg(c.path())
            .args(["--annotator", "alice"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("glose-lexicon.fr.ron:3:"));
    }
    // The same from the user's config folder.
    fs::remove_file(c.path().join("glose-lexicon.fr.ron")).unwrap();
    fs::write(cfg.path().join("lexicon.en.ron"), "(evaluative: [oops])").unwrap();
    glose(cfg.path())
        .args(["--annotator", "alice"])
        .arg(c.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("lexicon.en.ron:1:"));
}

#[test]
fn a_mistyped_command_is_a_usage_error_that_names_the_command() {
    let cfg = tempfile::tempdir().unwrap();
    glose(cfg.path())
        .current_dir(cfg.path())
        .arg("statuss")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`glose status`"));
    // An option that does not exist is a usage error too.
    glose(cfg.path()).arg("--bogus").assert().code(2);
    // A real folder of that name is opened, not second-guessed: here it fails later
    // (no terminal), with exit 1 and no tip.
    fs::create_dir(cfg.path().join("statuss")).unwrap();
    glose(cfg.path())
        .current_dir(cfg.path())
        .arg("statuss")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("similar command").not());
}

#[test]
fn bad_values_in_config_ron_name_its_line_and_column() {
    let c = corpus();
    let cfg = tempfile::tempdir().unwrap();
    for (text, at, what) in [
        (
            "(\n  keymap: Some(\"numerc\"),\n)",
            "config.ron:2:11: unknown keymap `numerc`",
            "keymap",
        ),
        (
            "(language: Some(\"de\"))",
            "config.ron:1:12: unknown language",
            "language",
        ),
        (
            "(theme: Some(\"dark\"))",
            "unknown theme `dark` (themes: default, light, mono)",
            "theme",
        ),
        (
            "(annotator: \"alice\")",
            "`annotator: Some(\"value\")`",
            "annotator",
        ),
    ] {
        fs::write(cfg.path().join("config.ron"), text).unwrap();
        glose(cfg.path())
            .arg("status")
            .arg(c.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(at).name(what));
    }
}

/// `glose suggest --json … | head`: when the reader of the pipe goes, glose stops quietly
/// with the status of a process killed by SIGPIPE, not with an error message.
#[test]
fn a_reader_that_stops_reading_ends_glose_quietly() {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    let paragraph = "Le conseil municipal a voté le budget lundi soir. Selon le maire, « les \
                     travaux commenceront en mars ». Cette décision est une erreur.\n\n";
    std::fs::write(&article, paragraph.repeat(4000)).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("glose"))
        .env("GLOSE_CONFIG_DIR", dir.path())
        .env("GLOSE_CACHE_DIR", dir.path().join("cache"))
        .args(["suggest", "--json"])
        .arg(&article)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1024];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(first[0], b'{', "JSON was being written");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("error") && !stderr.contains("panicked"),
        "no message for a closed pipe: {stderr}"
    );
    assert_eq!(out.status.code(), Some(141));
}
