//! `glose assign` and the plan's progress in `status` and `agree`, run as a user would.

use crate::support::cli::{glose, json_of};
use std::collections::BTreeMap;
use std::path::Path;

fn articles(root: &Path, range: std::ops::Range<usize>) {
    for i in range {
        std::fs::write(
            root.join(format!("{i:03}.txt")),
            format!("Article {i}\n\nUne phrase. Une autre phrase.\n"),
        )
        .unwrap();
    }
}

type Plan = BTreeMap<String, Vec<String>>;

fn assign(root: &Path, cfg: &Path, extra: &[&str]) -> Plan {
    json_of(glose(cfg).arg("assign").arg(root).args(extra).arg("--json"))
}

fn check(plan: &Plan, articles: usize) {
    assert_eq!(plan.len(), articles);
    let mut loads: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, who) in plan {
        let mut d = who.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), 2, "{id}: {who:?}");
        for n in who {
            *loads.entry(n).or_default() += 1;
        }
    }
    assert_eq!(loads.len(), 5, "{loads:?}");
    let (min, max) = (loads.values().min().unwrap(), loads.values().max().unwrap());
    assert!(max - min <= 1, "{loads:?}");
}

#[test]
fn forty_articles_five_annotators_two_each_then_ten_more() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let root = dir.path();
    articles(root, 0..40);
    let first = assign(
        root,
        cfg.path(),
        &[
            "--annotators",
            "ana,ben,cleo,dan,eve",
            "--per-article",
            "2",
            "--seed",
            "3",
        ],
    );
    check(&first, 40);
    let project = std::fs::read_to_string(root.join("glose.ron")).unwrap();
    assert!(
        project.contains("per_article: 2") && project.contains("\"eve\""),
        "{project}"
    );
    let plan_file = std::fs::read_to_string(root.join("glose.assign.ron")).unwrap();

    // The settings are remembered: a second run with no options gives the same plan and
    // writes nothing.
    assert_eq!(assign(root, cfg.path(), &[]), first);
    assert_eq!(
        std::fs::read_to_string(root.join("glose.assign.ron")).unwrap(),
        plan_file
    );

    articles(root, 40..50);
    let second = assign(root, cfg.path(), &[]);
    check(&second, 50);
    for (id, who) in &first {
        assert_eq!(&second[id], who, "{id} moved");
    }
}

#[test]
fn status_and_agree_report_the_plan_per_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let root = dir.path();
    articles(root, 0..2);
    assign(
        root,
        cfg.path(),
        &["--annotators", "ana,ben", "--per-article", "2"],
    );
    glose(cfg.path())
        .args(["import", "--annotator", "ana"])
        .arg(write_labels(root))
        .arg(root)
        .assert()
        .success();
    let one = root.join("one.jsonl");
    std::fs::write(
        &one,
        r#"{"article":"000.txt","start":0,"end":9,"label":"skip"}"#,
    )
    .unwrap();
    glose(cfg.path())
        .args(["import", "--annotator", "ben"])
        .arg(&one)
        .arg(root)
        .assert()
        .success();
    let out = glose(cfg.path())
        .args(["status", "--json"])
        .arg(root)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &v["assignment"];
    assert_eq!(a["planned"], 2);
    assert_eq!(a["ready_for_review"], 0);
    assert_eq!(a["per_annotator"]["ana"]["assigned"], 2);
    assert_eq!(a["per_annotator"]["ana"]["labeled"], 1);
    assert_eq!(a["per_annotator"]["ana"]["fully_labeled"], 1);
    assert_eq!(a["per_annotator"]["ben"]["labeled"], 1);
    assert_eq!(a["per_annotator"]["ben"]["fully_labeled"], 0);
    let text = glose(cfg.path()).arg("status").arg(root).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("fully labeled") && text.contains("0 ready for review"),
        "{text}"
    );
    let agree = glose(cfg.path()).arg("agree").arg(root).output().unwrap();
    let agree = String::from_utf8(agree.stdout).unwrap();
    assert!(agree.contains("assignment plan"), "{agree}");
}

/// Labels for every sentence of 000.txt (its title is one), as JSON lines for `glose import`.
fn write_labels(root: &Path) -> std::path::PathBuf {
    let path = root.join("labels.jsonl");
    let lines = [
        r#"{"article":"000.txt","start":0,"end":9,"label":"skip"}"#,
        r#"{"article":"000.txt","start":11,"end":22,"label":"factual"}"#,
        r#"{"article":"000.txt","start":23,"end":40,"label":"opinion"}"#,
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_first_plan_needs_its_settings() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    articles(dir.path(), 0..3);
    let out = glose(cfg.path())
        .arg("assign")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--annotators"));
    let out = glose(cfg.path())
        .arg("assign")
        .arg(dir.path())
        .args(["--annotators", "ana", "--per-article", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--per-article 2"));
    assert!(!dir.path().join("glose.assign.ron").exists());
}

#[test]
fn check_reports_a_broken_plan_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    articles(dir.path(), 0..1);
    std::fs::write(
        dir.path().join("glose.assign.ron"),
        "(schema: 1, articles: {\n<<<<<<<",
    )
    .unwrap();
    let out = glose(cfg.path())
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("glose.assign.ron: 1:"), "{said}");
}
