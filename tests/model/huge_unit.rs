//! An article whose body is one unit of megabytes (no sentence end): its label's sidecar
//! stays small, the label is found again after an edit before the unit, an older sidecar
//! holding the whole text still reads, and every reader of labels (alignment, export,
//! check, the merge driver) takes the capped form.

use glose::model::align::Aligned;
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{self, How, Record, capped};
use std::path::Path;

use crate::support::huge::huge_text;

fn load(dir: &Path, text: &str) -> Document {
    let path = dir.join("a.txt");
    std::fs::write(&path, text).unwrap();
    let doc = Document::load(&path, "a.txt").unwrap();
    assert_eq!(doc.sentences.len(), 2, "a title and one unit");
    doc
}

fn who() -> Annotator {
    Annotator::new("alice").unwrap()
}

/// Labels sentence `i` (the title is 0, the huge unit 1) and saves.
fn label(doc: &Document, i: usize, l: Label) {
    let mut a = Annotations::load(doc, &who()).unwrap();
    let s = doc.sentences[i];
    a.set(
        i,
        Some(Record::new(
            s.start,
            s.end,
            doc.sentence_text(i),
            l,
            How::Hand,
        )),
    );
    a.save(doc).unwrap();
}

/// Labels the huge unit and saves.
fn label_unit(doc: &Document, l: Label) {
    label(doc, 1, l);
}

fn sidecar_file(doc: &Document) -> std::path::PathBuf {
    doc.path.with_file_name("a.txt.alice.ron")
}

#[test]
fn labeling_a_huge_unit_writes_a_small_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let doc = load(dir.path(), &huge_text(3));
    label_unit(&doc, Label::Factual);
    let bytes = std::fs::read_to_string(sidecar_file(&doc)).unwrap();
    assert!(bytes.len() < 800, "{} bytes:\n{bytes}", bytes.len());
    let unit = doc.sentence_text(1);
    let line = bytes.lines().find(|l| l.contains("Factual")).unwrap();
    assert!(line.contains("bytes sha256:"), "{line}");
    assert!(line.contains(&format!("…[{} bytes", unit.len())), "{line}");
    assert!(
        line.contains("text: \"selon le ministre la situation"),
        "{line}"
    );
    // Read back, it is the label of the unit.
    let again = Annotations::load(&doc, &who()).unwrap();
    assert_eq!(again.label(1), Some(Label::Factual));
    assert!(again.orphans.is_empty());
}

#[test]
fn a_capped_label_is_found_again_after_an_edit_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = huge_text(2);
    let doc = load(dir.path(), &text);
    label_unit(&doc, Label::Opinion);
    let old_start = doc.sentences[1].start;
    // A longer title moves the unit on.
    let edited = text.replacen("Un article", "Un très long article", 1);
    let doc = load(dir.path(), &edited);
    assert_eq!(
        doc.sentences[1].start,
        old_start + edited.len() - text.len()
    );
    let a = Annotations::load(&doc, &who()).unwrap();
    assert_eq!(a.label(1), Some(Label::Opinion));
    assert!(a.orphans.is_empty(), "{:?}", a.orphans.len());
    // Every annotator's view agrees: alignment puts it on the unit too.
    let al = Aligned::read(doc.clone(), &[who()]);
    assert_eq!(al.label(1, 0), Some(Label::Opinion));
    assert_eq!(al.unmatched_count(), 0);
}

#[test]
fn a_changed_unit_of_the_same_length_orphans_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let text = huge_text(2);
    let doc = load(dir.path(), &text);
    label_unit(&doc, Label::Quote);
    // Same start, same length, one word changed far past the start kept.
    let at = text.len() / 2;
    let at = text[at..].find("Gao").unwrap() + at;
    let mut edited = text.clone();
    edited.replace_range(at..at + 3, "Ous");
    let doc = load(dir.path(), &edited);
    let a = Annotations::load(&doc, &who()).unwrap();
    assert_eq!(a.label(1), None);
    assert_eq!(a.orphans.len(), 1);
    assert_eq!(a.orphans[0].label, Label::Quote);
}

#[test]
fn an_older_sidecar_with_the_whole_text_reads_and_is_written_capped() {
    let dir = tempfile::tempdir().unwrap();
    let doc = load(dir.path(), &huge_text(2));
    let s = doc.sentences[1];
    let whole = format!(
        "(\n  schema: 1,\n  article: \"a.txt\",\n  fingerprint: \"{}\",\n  segmenter: \"old\",\n  annotator: \"alice\",\n  labels: [\n    (start: {}, end: {}, label: Skip, how: Hand, at: \"2026-01-01T00:00:00.000Z\", text: \"{}\"),\n  ],\n)\n",
        doc.fingerprint,
        s.start,
        s.end,
        doc.sentence_text(1)
    );
    std::fs::write(sidecar_file(&doc), &whole).unwrap();
    let a = Annotations::load(&doc, &who()).unwrap();
    assert_eq!(a.label(1), Some(Label::Skip));
    // Labeling the title rewrites the file: the unit's text goes capped.
    label(&doc, 0, Label::Skip);
    let written = std::fs::read_to_string(sidecar_file(&doc)).unwrap();
    assert!(written.len() < 1000, "{} bytes", written.len());
    let back = Annotations::load(&doc, &who()).unwrap();
    assert_eq!(
        (back.label(0), back.label(1)),
        (Some(Label::Skip), Some(Label::Skip))
    );
}

#[test]
fn export_takes_the_unit_text_from_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let doc = load(dir.path(), &huge_text(1));
    label_unit(&doc, Label::Factual);
    let out = dir.path().join("out.jsonl");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["export", "--format", "jsonl", "-q", "--out"])
        .arg(&out)
        .arg(dir.path())
        .env("GLOSE_CACHE_DIR", dir.path().join("cache"))
        .env("GLOSE_CONFIG_DIR", dir.path().join("config"))
        .status()
        .unwrap();
    assert!(status.success());
    let rows = std::fs::read_to_string(&out).unwrap();
    let row: serde_json::Value = serde_json::from_str(rows.lines().next().unwrap()).unwrap();
    assert_eq!(row["text"].as_str(), Some(doc.sentence_text(1)));
    assert_eq!(row["label"].as_str(), Some("factual"));
}

#[test]
fn check_and_the_merge_driver_take_capped_texts() {
    let dir = tempfile::tempdir().unwrap();
    let text = huge_text(1);
    let doc = load(dir.path(), &text);
    label_unit(&doc, Label::Factual);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_glose"))
            .args(args)
            .env("GLOSE_CACHE_DIR", dir.path().join("cache"))
            .env("GLOSE_CONFIG_DIR", dir.path().join("config"))
            .output()
            .unwrap()
    };
    let root = dir.path().to_str().unwrap();
    let out = run(&["check", root]);
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        !said.contains("orphan") && !said.contains("re-attached"),
        "{said}"
    );
    // Three versions of the sidecar: base labels the unit, ours changes it, theirs labels
    // the title. The merge keeps both changes, the unit's text still capped.
    let sc = sidecar_file(&doc);
    let base = std::fs::read_to_string(&sc).unwrap();
    let ours = base.replace("label: Factual", "label: Opinion");
    label(&doc, 0, Label::Skip);
    let theirs = std::fs::read_to_string(&sc).unwrap();
    let (b, o, th) = (
        dir.path().join("b"),
        dir.path().join("o"),
        dir.path().join("t"),
    );
    std::fs::write(&b, &base).unwrap();
    std::fs::write(&o, &ours).unwrap();
    std::fs::write(&th, &theirs).unwrap();
    let sc_s = sc.to_str().unwrap();
    let out = run(&[
        "merge-driver",
        b.to_str().unwrap(),
        o.to_str().unwrap(),
        th.to_str().unwrap(),
        sc_s,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = sidecar::parse(&std::fs::read_to_string(&o).unwrap(), &o).unwrap();
    let labels: Vec<_> = merged.labels.iter().map(|r| r.label).collect();
    assert_eq!(labels, [Label::Skip, Label::Opinion]);
    assert!(capped::parse(&merged.labels[1].text).is_some());
    assert!(capped::matches(
        &merged.labels[1].text,
        doc.sentence_text(1)
    ));
}
