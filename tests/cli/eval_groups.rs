//! `glose eval --cross-validate K` measures what the reader suggests: articles grouped by
//! the hash of their id (not by position), the same examples and the same training. The
//! corpus is built of twin articles (the same text, the same labels): a model trained with
//! an article's twin gets it right by memory, so which articles fall in one group shows in
//! the scores.

use crate::support::cli::{glose, stdout_of};
use glose::model::annotations::Annotations;
use glose::model::annotator::Annotator;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::model::sidecar::{How, Record};
use glose::nlp::suggest::folds::{FOLDS, group_of};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const PAIRS: usize = 12;
const SENTENCES: usize = 6;

/// A made-up word per pair and sentence, so each sentence is told apart by its own words
/// and character trigrams.
fn word(p: usize, j: usize) -> String {
    let mut x = (p * 131 + j * 17 + 7) as u64;
    (0..9)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(b'a' + ((x >> 33) % 26) as u8)
        })
        .collect()
}

/// Pair `p`'s sentences and their labels: an arbitrary pattern the rules cannot know.
fn body(p: usize) -> Vec<(String, Label)> {
    (0..SENTENCES)
        .map(|j| {
            let w = word(p, j);
            let text = format!("{} {w} {w} {w} {w}.", capitalise(&w));
            (text, Label::ALL[(p * 5 + j * 2) % 3])
        })
        .collect()
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The twins' names: even pairs share a hash group, odd pairs do not. Sorted by name the
/// twins are neighbours, so a split by position would always part them.
fn names() -> Vec<(String, String)> {
    (0..PAIRS)
        .map(|p| {
            let a = format!("p{p:02}a.txt");
            let same = p % 2 == 0;
            let b = (b'b'..=b'z')
                .map(|c| format!("p{p:02}{}.txt", char::from(c)))
                .find(|b| (group_of(b, FOLDS) == group_of(&a, FOLDS)) == same)
                .expect("some letter lands in (or out of) the group");
            (a, b)
        })
        .collect()
}

/// Writes article `name` (pair `p`), annotator `a`'s labels beside it, and the same labels
/// as reference lines.
fn write(root: &Path, name: &str, p: usize, gold: &mut String) {
    let sentences = body(p);
    let text: Vec<&str> = sentences.iter().map(|s| s.0.as_str()).collect();
    std::fs::write(root.join(name), text.join("\n\n") + "\n").unwrap();
    let doc = Document::load(&root.join(name), name).unwrap();
    let mut ann = Annotations::load(&doc, &Annotator::new("a").unwrap()).unwrap();
    assert_eq!(doc.sentences.len(), SENTENCES);
    for (i, (t, label)) in sentences.iter().enumerate() {
        let s = doc.sentences[i];
        ann.set(i, Some(Record::new(s.start, s.end, t, *label, How::Hand)));
        let line = serde_json::json!({"article": name, "start": s.start, "end": s.end,
            "label": label.name()});
        gold.push_str(&format!("{line}\n"));
    }
    ann.save(&doc).unwrap();
}

#[test]
fn cross_validation_groups_articles_by_hash_and_suggests_as_the_reader() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pairs = names();
    let mut gold = String::new();
    for (p, (a, b)) in pairs.iter().enumerate() {
        write(dir.path(), a, p, &mut gold);
        write(dir.path(), b, p, &mut gold);
    }
    let reference = home.path().join("reference.jsonl");
    std::fs::write(&reference, gold).unwrap();
    let eval = |more: &str| {
        let mut c = glose(&home);
        c.args(["eval", "--cross-validate", "5", more, "--gold"])
            .arg(&reference)
            .arg("--corpus")
            .arg(dir.path());
        stdout_of(&mut c)
    };
    let text = eval("--errors");
    assert!(
        text.contains("grouping: articles by FNV-1a hash of their id into 5 groups"),
        "{text}"
    );
    // Wrong suggestions per article, from the error list (`article gold → suggested conf`).
    let mut wrong: BTreeMap<String, Vec<(String, String, f64)>> = BTreeMap::new();
    for line in text
        .lines()
        .skip_while(|l| !l.starts_with("errors"))
        .skip(1)
    {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() >= 5 && f[2] == "→" {
            let conf = f[4].parse().unwrap();
            wrong.entry(f[0].to_string()).or_default().push((
                f[1].to_string(),
                f[3].to_string(),
                conf,
            ));
        }
    }
    let errors = |names: &mut dyn Iterator<Item = &String>| -> usize {
        names.map(|n| wrong.get(n).map_or(0, Vec::len)).sum()
    };
    let apart = errors(&mut pairs.iter().skip(1).step_by(2).flat_map(|(a, b)| [a, b]));
    let together = errors(&mut pairs.iter().step_by(2).flat_map(|(a, b)| [a, b]));
    let each = PAIRS * SENTENCES; // sentences in the twins of one kind
    // Twins in one group are never seen in training: mostly wrong. Twins in two groups are
    // learned from each other. Grouped by position, every twin would be learned.
    assert!(together * 2 > each, "together {together} of {each}\n{text}");
    assert!(apart * 4 < each, "apart {apart} of {each}\n{text}");

    // Every article's suggestions are the reader's (`glose suggest`, trained on the same
    // sidecars): the same wrong ones, with the same confidences.
    let json: Value = serde_json::from_str(&eval("--json")).unwrap();
    assert_eq!(json["grouping"]["by"], "fnv1a-article-id");
    assert_eq!(json["grouping"]["groups"], 5);
    let mut right = 0;
    for (p, (a, b)) in pairs.iter().enumerate() {
        for name in [a, b] {
            let out = stdout_of(
                glose(&home)
                    .arg("suggest")
                    .arg(dir.path().join(name))
                    .arg("--json"),
            );
            let mut seen = Vec::new();
            for (line, (_, gold)) in out.lines().zip(body(p)) {
                let v: Value = serde_json::from_str(line).unwrap();
                let label = v["label"].as_str().unwrap().to_string();
                if label == gold.name() {
                    right += 1;
                } else {
                    seen.push((
                        gold.name().to_string(),
                        label,
                        v["confidence"].as_f64().unwrap(),
                    ));
                }
            }
            let listed = wrong.get(name).cloned().unwrap_or_default();
            assert_eq!(listed.len(), seen.len(), "{name}: {listed:?} vs {seen:?}");
            for (l, s) in listed.iter().zip(&seen) {
                assert_eq!((&l.0, &l.1), (&s.0, &s.1), "{name}");
                assert!((l.2 - s.2).abs() < 2e-3, "{name}: {l:?} vs {s:?}");
            }
        }
    }
    let accuracy = json["accuracy"].as_f64().unwrap();
    let n = (2 * PAIRS * SENTENCES) as f64;
    assert!(
        (accuracy - f64::from(right) / n).abs() < 1e-9,
        "{accuracy} vs {right}"
    );
}
