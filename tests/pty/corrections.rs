//! The acceptance flow of segmentation corrections and notes, with the real binary in a
//! pseudo-terminal: on sample article 003 (with a no-break space before the subhead's
//! next sentence, so that the segmenter leaves it glued), split the glued subhead off ("… qui a pris le
//! pays en otage" | "Depuis 2020, la junte …"), label both parts as two annotators, write
//! a note; then `glose agree` and `glose export` see two units there, `glose check`
//! passes, the note is in the JSONL export and in review's detail line.

use crate::support::pty::Session;
use std::path::Path;
use std::process::Command;

const ID: &str = "003_6e6835b1c0059aa0.txt";
const FIRST: &str = "Un pouvoir militaire illégal et illégitime, qui a pris le pays en otage";
const SECOND: &str = "Depuis 2020, la junte malienne gouverne par décret";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cuts")
        .join(ID);
    std::fs::copy(src, dir.path().join(ID)).unwrap();
    dir
}

fn glose(args: &[&str]) -> (i32, String) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .env("HOME", home.path())
        .env("GLOSE_CONFIG_DIR", home.path().join("config"))
        .env("GLOSE_CACHE_DIR", home.path().join("cache"))
        .env_remove("GLOSE_ANNOTATOR")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Opens the article as `who` and moves to its 8th sentence (the glued one).
fn open_at_glued(dir: &Path, who: &str) -> Session {
    let mut s = Session::start(dir, &["--annotator", who], &[]);
    s.wait_for("1 articles");
    s.send("\r");
    s.wait_for("labeled");
    s.send("g");
    s.send(&"j".repeat(7));
    s.wait_for(" 8/");
    s
}

#[test]
fn split_label_as_two_annotators_note_and_see_it_everywhere() {
    let corpus = corpus();
    let dir = corpus.path();
    let before = glose(&["segment", dir.join(ID).to_str().unwrap()]).1;
    assert!(
        before.contains(&format!("{FIRST}\u{a0}{SECOND}")),
        "{before}"
    );

    // ann1 splits at the word offered first (the capital of "Depuis"), labels both parts
    // and writes a note on the second.
    let mut s = open_at_glued(dir, "ann1");
    s.send("b");
    s.wait_for("split before “Depuis”");
    s.send("\r");
    s.wait_for("Split: the new sentence starts here");
    s.send("k");
    s.wait_for(" 8/");
    s.send("f");
    s.wait_for(" 9/");
    s.send("c");
    s.wait_for("note: ");
    s.send("subhead was glued\r");
    // The sentence is not labeled yet: the note is kept for the label that comes.
    s.wait_for("Note kept on the unlabeled sentence");
    s.send("o");
    s.wait_for("2/");
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);
    let cuts = std::fs::read_to_string(dir.join(format!("{ID}.cuts.ron"))).unwrap();
    assert!(cuts.contains("next: \"Depuis 2020"), "{cuts}");

    // ann2 sees the same units without doing anything.
    let mut s = open_at_glued(dir, "ann2");
    s.wait_for("qui a pris le pays en otage");
    s.send("qo");
    s.wait_for("2/");
    s.send("Qy");
    assert_eq!(s.exit_code(), 0);

    let after = glose(&["segment", dir.join(ID).to_str().unwrap()]).1;
    assert!(after.lines().any(|l| l == FIRST), "{after}");
    assert!(after.lines().any(|l| l.starts_with(SECOND)), "{after}");

    let (code, check) = glose(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{check}");

    // Both annotators' labels are on the two units: two rows each in the export.
    let (code, all) = glose(&["export", dir.to_str().unwrap(), "--labels", "all", "-q"]);
    assert_eq!(code, 0, "{all}");
    let rows: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let labels_of = |text: &str| {
        let mut v: Vec<String> = rows
            .iter()
            .filter(|r| r["text"].as_str().unwrap().starts_with(text))
            .map(|r| format!("{}={}", r["label_source"], r["label"]).replace('"', ""))
            .collect();
        v.sort();
        v
    };
    assert_eq!(labels_of(FIRST), ["ann1=factual", "ann2=quote"]);
    assert_eq!(labels_of(SECOND), ["ann1=opinion", "ann2=opinion"]);
    assert!(
        rows.iter()
            .all(|r| r["text"] != format!("{FIRST} {SECOND}"))
    );

    // agree compares the two annotators on the two units: one agreement, one not.
    let (code, agree) = glose(&["agree", dir.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{agree}");
    let v: serde_json::Value = serde_json::from_str(&agree).unwrap();
    assert_eq!(v["items"], 2, "{v:#}");
    assert_eq!(v["observed_agreement"], 0.5, "{v:#}");
    assert_eq!(v["unmatched"], 0, "{v:#}");

    // The note is in the JSONL export of ann1's labels.
    let (_, one) = glose(&[
        "export",
        dir.to_str().unwrap(),
        "--labels",
        "annotator=ann1",
        "-q",
    ]);
    let noted: Vec<serde_json::Value> = one
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["note"] == "subhead was glued")
        .collect();
    assert_eq!(noted.len(), 1, "{one}");
    assert!(noted[0]["text"].as_str().unwrap().starts_with(SECOND));

    // Review: the next-note key finds the row, the detail line shows ann1's note.
    let mut r = Session::start_sized(
        tempfile::tempdir().unwrap(),
        dir,
        &["review", "--annotator", "carol"],
        &[],
        (30, 160),
    );
    r.wait_for("Agree");
    r.send("\r");
    r.wait_for("row ");
    r.send("C");
    r.wait_for("ann1's note: subhead was glued");
    r.send("Qy");
}
