//! Segmentation accuracy against reference data, with the boundary F1 of the evaluation
//! scorer: a boundary is the start of every sentence after the first in a document,
//! moved forward past whitespace.

use glose::nlp::segment::segment;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment")
}

/// Moves `i` forward past whitespace.
fn fwd(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

#[derive(Default, Debug)]
struct Tally {
    gold: usize,
    system: usize,
    correct: usize,
}

impl Tally {
    /// Adds one document; returns its missed and spurious boundaries.
    fn add(&mut self, text: &str, gold_starts: &[usize]) -> (Vec<usize>, Vec<usize>) {
        let first = fwd(text, 0);
        let gold: BTreeSet<usize> = gold_starts
            .iter()
            .copied()
            .filter(|&s| s != first)
            .collect();
        let sys: BTreeSet<usize> = segment(text)
            .iter()
            .map(|s| fwd(text, s.start))
            .filter(|&s| s != first && s != text.len())
            .collect();
        self.gold += gold.len();
        self.system += sys.len();
        self.correct += gold.intersection(&sys).count();
        (
            gold.difference(&sys).copied().collect(),
            sys.difference(&gold).copied().collect(),
        )
    }

    fn f1(&self) -> f64 {
        let p = self.correct as f64 / self.system.max(1) as f64;
        let r = self.correct as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Gold sentence starts per document from a JSON-lines file.
fn gold_starts(path: &Path, doc_key: &str) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = v[doc_key].as_str().unwrap().to_string();
        out.entry(doc)
            .or_default()
            .push(v["start"].as_u64().unwrap() as usize);
    }
    out
}

fn context(text: &str, at: usize) -> String {
    let a = text.floor_char_boundary(at.saturating_sub(40));
    let b = text.floor_char_boundary((at + 40).min(text.len()));
    format!("{}|{}", &text[a..at], &text[at..b]).replace('\n', "⏎")
}

/// Scores a set in the evaluation layout (`docs/NAME.txt`, `gold.jsonl`); returns the
/// tally and the names of documents with any error.
fn score_set(dir: &Path) -> (Tally, Vec<String>) {
    let mut tally = Tally::default();
    let mut failed = Vec::new();
    for (doc, starts) in gold_starts(&dir.join("gold.jsonl"), "doc") {
        let text = std::fs::read_to_string(dir.join("docs").join(format!("{doc}.txt"))).unwrap();
        let (missed, spurious) = tally.add(&text, &starts);
        for &m in &missed {
            eprintln!("{doc} missed   {}", context(&text, m));
        }
        for &s in &spurious {
            eprintln!("{doc} spurious {}", context(&text, s));
        }
        if !missed.is_empty() || !spurious.is_empty() {
            failed.push(doc);
        }
    }
    (tally, failed)
}

#[test]
fn seed_articles_reach_098_boundary_f1() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = gold_starts(&fixtures().join("seeds.gold.jsonl"), "article");
    assert_eq!(gold.len(), 5);
    let mut tally = Tally::default();
    for (article, starts) in &gold {
        let text = std::fs::read_to_string(root.join("sample_corpus").join(article)).unwrap();
        tally.add(&text, starts);
    }
    eprintln!("seeds: {tally:?} F1 {:.4}", tally.f1());
    assert_eq!(tally.gold, 252);
    assert!(tally.f1() >= 0.995, "seeds F1 {:.4}", tally.f1());
}

#[test]
fn at_least_55_of_56_probes_fully_right() {
    let (tally, failed) = score_set(&fixtures().join("probes"));
    eprintln!("probes: {tally:?}, failed {failed:?}");
    assert_eq!(tally.gold, 56);
    assert!(failed.len() <= 1, "failed probes: {failed:?}");
}

#[test]
fn dev_set_reaches_099_boundary_f1() {
    let (tally, _) = score_set(&fixtures().join("dev"));
    eprintln!("dev: {tally:?} F1 {:.4}", tally.f1());
    assert_eq!(tally.gold, 1425);
    assert!(tally.f1() >= 0.99, "dev F1 {:.4}", tally.f1());
}

/// `text` hard-wrapped at `width` bytes by turning spaces into line breaks, so every
/// offset (and the gold) stays valid.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut col = 0;
        for word in line.split_inclusive(' ') {
            if col > 0 && col + word.trim_end().len() > width {
                out.pop();
                out.push('\n');
                col = 0;
            }
            out.push_str(word);
            col += word.len();
        }
    }
    out
}

#[test]
fn dev_set_hard_wrapped_at_72_columns_reaches_099_boundary_f1() {
    let dir = fixtures().join("dev");
    let mut tally = Tally::default();
    let mut wraps = 0;
    for (doc, starts) in gold_starts(&dir.join("gold.jsonl"), "doc") {
        let text = std::fs::read_to_string(dir.join("docs").join(format!("{doc}.txt"))).unwrap();
        let wrapped = hard_wrap(&text, 72);
        assert_eq!(wrapped.len(), text.len());
        wraps += wrapped.matches('\n').count() - text.matches('\n').count();
        tally.add(&wrapped, &starts);
    }
    eprintln!("dev wrapped: {tally:?} F1 {:.4}, {wraps} wraps", tally.f1());
    assert!(wraps > 1500);
    assert!(tally.f1() >= 0.99, "wrapped dev F1 {:.4}", tally.f1());
}

#[test]
fn scorer_counts_boundaries_after_the_first_sentence() {
    let text = "  Il pleut. Il vente.";
    let mut t = Tally::default();
    let (missed, spurious) = t.add(text, &[2, 12]);
    assert!(missed.is_empty() && spurious.is_empty());
    assert_eq!((t.gold, t.system, t.correct), (1, 1, 1));
    assert_eq!(t.f1(), 1.0);
    let mut t = Tally::default();
    let (missed, spurious) = t.add(text, &[2, 5]);
    assert_eq!((missed, spurious), (vec![5], vec![12]));
    assert_eq!(t.f1(), 0.0);
}
