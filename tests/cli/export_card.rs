//! `glose export --split … --out DIR` is a Hugging Face dataset: the card's YAML header
//! names every written split's file and the columns' types, an empty split gets no file,
//! and a new export removes the split files the previous one named, and nothing else.

use crate::support::cli::*;

use std::path::Path;

/// The sample corpus with the gold seeds imported as `gold`.
fn corpus(home: &Path) -> tempfile::TempDir {
    let dir = sample_corpus();
    glose(home)
        .args(["import", "--annotator", "gold", "--allow-gold"])
        .arg(seeds())
        .arg(dir.path())
        .assert()
        .success();
    dir
}

fn export(home: &Path, corpus: &Path, out: &Path, split: &str) -> String {
    let o = glose(home)
        .args(["export", "--labels", "gold", "--split", split, "--out"])
        .arg(out)
        .arg(corpus)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stderr).unwrap()
}

/// The card's YAML header, parsed.
fn header(dir: &Path) -> serde_norway::Value {
    let card = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let yaml = card
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n"))
        .unwrap()
        .0;
    serde_norway::from_str(yaml).unwrap()
}

/// Split name → file, from the card's `configs`.
fn data_files(h: &serde_norway::Value) -> Vec<(String, String)> {
    let c = &h["configs"][0];
    assert_eq!(c["config_name"].as_str(), Some("default"));
    c["data_files"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (s("split"), s("path"))
        })
        .collect()
}

#[test]
fn the_card_lists_the_splits_and_an_empty_split_has_no_file() {
    let home = tempfile::tempdir().unwrap();
    let c = corpus(home.path());
    let out = c.path().join("data");
    export(home.path(), c.path(), &out, "train=0.6,dev=0.2,test=0.2");
    let h = header(&out);
    let files = data_files(&h);
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    for (name, split) in m["splits"].as_object().unwrap() {
        let rows = split["rows"].as_u64().unwrap();
        let listed = files.iter().find(|(s, _)| s == name);
        if rows == 0 {
            assert!(
                listed.is_none() && split["file"].is_null(),
                "{name}: {files:?}"
            );
            assert!(!out.join(format!("{name}.jsonl")).exists());
        } else {
            let (_, path) = listed.unwrap();
            assert_eq!(path, &format!("{name}.jsonl"));
            let lines = std::fs::read_to_string(out.join(path))
                .unwrap()
                .lines()
                .count();
            assert_eq!(lines as u64, rows);
            assert_eq!(h["num_rows"][name.as_str()].as_u64(), Some(rows));
            let counts = &h["label_counts"][name.as_str()];
            for (l, v) in split["labels"].as_object().unwrap() {
                assert_eq!(counts[l.as_str()].as_u64(), v.as_u64(), "{name} {l}");
            }
        }
    }
    let names: Vec<&str> = h["label_names"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names, ["factual", "quote", "opinion", "skip"]);
    let features: Vec<&str> = h["dataset_info"]["features"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert!(
        features.contains(&"note") && features.contains(&"notes"),
        "{features:?}"
    );

    // Five articles in three splits at 0.98/0.01/0.01: some split is empty and said so.
    let out2 = c.path().join("data2");
    let said = export(
        home.path(),
        c.path(),
        &out2,
        "train=0.98,dev=0.01,test=0.01",
    );
    let files = data_files(&header(&out2));
    assert!(files.len() < 3, "{files:?}");
    assert!(said.contains("is empty: no file written"), "{said}");
}

#[test]
fn a_new_export_removes_the_split_files_the_old_one_wrote_and_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let c = corpus(home.path());
    let out = c.path().join("data");
    export(home.path(), c.path(), &out, "train=0.4,dev=0.3,test=0.3");
    assert!(out.join("dev.jsonl").exists());
    std::fs::write(out.join("notes.jsonl"), "mine\n").unwrap();
    export(home.path(), c.path(), &out, "train=0.5,valid=0.5");
    assert!(!out.join("dev.jsonl").exists());
    assert!(!out.join("test.jsonl").exists());
    assert!(out.join("train.jsonl").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("notes.jsonl")).unwrap(),
        "mine\n"
    );
    let files = data_files(&header(&out));
    assert!(
        files.iter().all(|(s, _)| s == "train" || s == "valid"),
        "{files:?}"
    );
}

#[test]
fn a_readme_glose_did_not_write_is_never_replaced() {
    let home = tempfile::tempdir().unwrap();
    let c = corpus(home.path());
    let out = c.path().join("data");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("README.md"), "# my notes\n").unwrap();
    let o = glose(home.path())
        .args(["export", "--split", "train=0.5,test=0.5", "--out"])
        .arg(&out)
        .arg(c.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("README.md: exists and was not written by glose")
    );
    assert_eq!(
        std::fs::read_to_string(out.join("README.md")).unwrap(),
        "# my notes\n"
    );
}
