//! The real binary in a pseudo-terminal: keys go in as bytes, the screen is parsed by a
//! terminal emulator, and the sidecars are checked on disk after quitting. Needs no real
//! terminal and nothing installed.

use crate::support::pty::Session;
use crate::support::sample::copy_sample_corpus;
use glose::model::document::Document;
use std::path::Path;

#[test]
fn label_undo_and_quit_leave_the_right_sidecar() {
    let corpus = copy_sample_corpus();
    let mut first: Vec<_> = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    first.sort();
    let id = first[0].clone();
    let doc = Document::load(&corpus.path().join(&id), &id).unwrap();
    let n = doc.sentences.len();
    assert!(n >= 4);

    let mut s = Session::start(corpus.path(), &["--annotator", "alice"], &[]);
    // The library fills in from a background scan; Enter opens the first article once all
    // are listed.
    s.wait_for(&format!("{} articles", first.len()));
    s.wait_for("sentences labeled");
    s.send("\r");
    s.wait_for(&format!("1/{n} │ 0/{n} labeled │ alice"));
    for (k, key) in ["f", "q", "o", "s"].iter().enumerate() {
        s.send(key);
        s.wait_for(&format!("{}/{n} labeled", k + 1));
    }
    s.wait_for("saved");
    s.send("u");
    s.wait_for(&format!("3/{n} labeled"));
    s.send("Q");
    assert_eq!(s.exit_code(), 0);
    assert!(s.restored(), "the terminal was restored");

    let text = std::fs::read_to_string(corpus.path().join(format!("{id}.alice.ron"))).unwrap();
    let sc = glose::model::sidecar::parse(&text, Path::new("x.ron")).unwrap();
    let got: Vec<(String, &str)> = sc
        .labels
        .iter()
        .map(|r| (r.text.clone(), r.label.name()))
        .collect();
    let want: Vec<(String, &str)> = ["factual", "quote", "opinion"]
        .iter()
        .enumerate()
        .map(|(i, l)| (doc.sentence_text(i).to_string(), *l))
        .collect();
    assert_eq!(got, want);
    assert_eq!(sc.annotator, "alice");
    // Nothing was written for anyone else, nor into the home or config folders.
    let others = std::fs::read_dir(corpus.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name().into_string().unwrap();
            name.ends_with(".ron") && !name.ends_with(".alice.ron")
        })
        .count();
    assert_eq!(others, 0);
}

#[test]
fn escape_sequences_in_articles_show_as_placeholders() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("evil.txt"),
        "Breaking \u{1b}]0;owned\u{7} news\n\nThe screen \u{1b}[2J stays intact. Last sentence here.\n",
    )
    .unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "bob"], &[]);
    s.wait_for("Breaking ␛]0;owned␇ news");
    s.send("\r");
    s.wait_for("The screen ␛[2J stays intact.");
    let screen = s.screen();
    assert!(screen.contains("1/3 │ 0/3 labeled │ bob"), "{screen}");
    assert!(
        screen.contains("factual"),
        "hint bar still drawn:\n{screen}"
    );
    assert!(s.titles().is_empty(), "title changed");
    s.send("f");
    s.wait_for("1/3 labeled");
    s.send("\u{3}");
    assert_eq!(s.exit_code(), 0);
    let sc = std::fs::read_to_string(corpus.path().join("evil.txt.bob.ron")).unwrap();
    assert!(sc.contains("label: Factual"), "{sc}");
}

#[test]
fn a_bad_keymap_is_refused_with_file_line_and_column() {
    let corpus = tempfile::tempdir().unwrap();
    let km = corpus.path().join("mine.ron");
    std::fs::write(&km, "(\n  reader: {\n    \"j\": \"jump\",\n  },\n)\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["--annotator", "a", "--keymap"])
        .arg(&km)
        .arg(corpus.path())
        .env("GLOSE_CONFIG_DIR", corpus.path().join("cfg"))
        .env("GLOSE_CACHE_DIR", corpus.path().join("cache"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mine.ron:3:"), "{err}");
    assert!(err.contains("unknown action `jump`"), "{err}");
}

#[test]
fn quitting_with_unsaved_labels_asks_first() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "Title\n\nOne sentence here. Another one.\n",
    )
    .unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "eve"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("no changes");
    // A folder where the sidecar should go: every save fails.
    std::fs::create_dir(corpus.path().join("a.txt.eve.ron")).unwrap();
    s.send("f");
    s.wait_for("NOT SAVED");
    s.send("Q");
    s.wait_for("Quit anyway");
    s.send("n");
    s.wait_for("Not quitting.");
    s.send("Q");
    s.wait_for("Quit anyway");
    s.send("y");
    assert_eq!(s.exit_code(), 0);
    assert!(corpus.path().join("a.txt.eve.ron").is_dir());
}

#[test]
fn numeric_keymap_with_a_user_override() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "Title\n\nOne sentence here. Another one. A third one.\n",
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(
        home.path().join("config/keymap.ron"),
        "(reader: { \"é\": \"label-opinion\", \"4\": \"noop\" })",
    )
    .unwrap();
    let mut s = Session::start_in(
        home,
        corpus.path(),
        &["--annotator", "zoe", "--keymap", "numeric"],
        &[],
    );
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/4 labeled");
    // `4` is unbound by the override: nothing happens; `é` labels opinion.
    s.send("1");
    s.wait_for("1/4 labeled");
    s.send("4");
    s.send("é");
    s.wait_for("2/4 labeled");
    s.send("\u{1b}[A");
    s.send("\u{1b}[A");
    s.wait_for("1/4 │ 2/4 labeled");
    s.send("\u{11}");
    assert_eq!(s.exit_code(), 0);
    let text = std::fs::read_to_string(corpus.path().join("a.txt.zoe.ron")).unwrap();
    let sc = glose::model::sidecar::parse(&text, Path::new("x.ron")).unwrap();
    let labels: Vec<&str> = sc.labels.iter().map(|r| r.label.name()).collect();
    assert_eq!(labels, ["factual", "opinion"]);
    assert_eq!(sc.labels[1].text, "One sentence here.");
    // The override file was only read.
    assert!(!corpus.path().join("keymap.ron").exists());
}

#[cfg(unix)]
#[test]
fn a_hangup_restores_the_terminal_and_exits_129() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("a.txt"), "Title\n\nOne sentence. Two.\n").unwrap();
    let mut s = Session::start(corpus.path(), &["--annotator", "hal"], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("0/3 labeled");
    s.send("o");
    s.wait_for("1/3 labeled");
    s.child.clone_killer().kill().unwrap();
    assert_eq!(s.exit_code(), 129);
    assert!(s.restored());
    let sc = std::fs::read_to_string(corpus.path().join("a.txt.hal.ron")).unwrap();
    assert!(sc.contains("Opinion"), "{sc}");
}
