//! Segmentation corrections: a split of sample article 003's glued subhead, labeled by two
//! annotators, is two units for `segment`, `agree`, `export` and `check`.

use crate::support::cli::*;

use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::cuts;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
use std::path::Path;

const ARTICLE: &str = "003_6e6835b1c0059aa0.txt";
const HEAD: &str = "Un pouvoir militaire illégal et illégitime, qui a pris le pays en otage";
const TAIL: &str = "Depuis 2020, la junte malienne gouverne par décret";

/// Labels the two halves of the split subhead as `who`.
fn label_halves(doc: &Document, who: &str, labels: [Label; 2]) {
    let mut ann = Annotations::load(doc, &Annotator::new(who).unwrap()).unwrap();
    for (prefix, label) in [HEAD, TAIL].into_iter().zip(labels) {
        let i = (0..doc.sentences.len())
            .find(|&i| doc.sentence_text(i).starts_with(prefix))
            .unwrap();
        let s = doc.sentences[i];
        ann.set(
            i,
            Some(Record::new(
                s.start,
                s.end,
                doc.sentence_text(i),
                label,
                How::Hand,
            )),
        );
    }
    ann.save(doc).unwrap();
}

#[test]
fn a_split_subhead_is_two_units_for_agree_export_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let p = dir.path().join(ARTICLE);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cuts")
        .join(ARTICLE);
    std::fs::copy(src, &p).unwrap();
    let glued = stdout_of(glose(home.path()).arg("segment").arg(&p));
    // A no-break space glues the subhead where the segmenter sees no heading.
    assert!(glued.contains("en otage\u{a0}Depuis 2020"), "{glued}");
    let mut doc = Document::load(&p, ARTICLE).unwrap();
    let at = doc.raw.find("Depuis 2020, la junte").unwrap();
    cuts::split_at(&mut doc, at).unwrap();
    label_halves(&doc, "alice", [Label::Skip, Label::Factual]);
    label_halves(&doc, "bob", [Label::Skip, Label::Opinion]);

    let seg = stdout_of(glose(home.path()).arg("segment").arg(&p));
    assert!(seg.lines().any(|l| l == HEAD), "{seg}");
    assert!(seg.lines().any(|l| l.starts_with(TAIL)), "{seg}");

    let agree = stdout_of(glose(home.path()).args(["agree", "--json"]).arg(dir.path()));
    let v: serde_json::Value = serde_json::from_str(&agree).unwrap();
    // Both halves are compared units, the first agreed on, the second not.
    assert_eq!(v["items"], 2, "{v}");
    assert_eq!(v["unmatched"], 0, "{v}");
    assert_eq!(v["pairs"][0]["n"], 2, "{v}");
    assert_eq!(v["observed_agreement"], 0.5, "{v}");

    let export = stdout_of(
        glose(home.path())
            .args([
                "export",
                "--labels",
                "annotator=alice",
                "--include-skip",
                "-q",
            ])
            .arg(dir.path()),
    );
    let rows: Vec<serde_json::Value> = export
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts[0], HEAD);
    assert!(texts[1].starts_with(TAIL));
    assert_eq!(
        rows[0]["end"].as_u64().unwrap() as usize,
        at - '\u{a0}'.len_utf8()
    );
    assert_eq!(rows[1]["start"].as_u64().unwrap() as usize, at);

    let check = glose(home.path())
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{said}");
    assert!(!said.contains("warning:"), "{said}");
}
