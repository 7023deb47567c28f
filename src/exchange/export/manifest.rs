//! What an export says about itself: `manifest.json` beside split files, and the summary
//! table printed at the end of every export.

use super::policy::Drop;
use super::{Dataset, Format, Options};
use crate::model::label::Label;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// Counts per label of some rows.
pub fn label_counts(rows: &[super::row::Row]) -> [usize; Label::COUNT] {
    let mut c = [0; Label::COUNT];
    for r in rows {
        c[r.label.index()] += 1;
    }
    c
}

/// The file name of a split (`train.jsonl`; a folder name for brat).
pub fn split_file(name: &str, format: Format) -> String {
    match format {
        Format::Brat => name.to_string(),
        f => format!("{name}.{}", f.extension()),
    }
}

/// The manifest: glose version, command line, corpus fingerprint, options, counts per split
/// and label, and what was left out.
pub fn manifest(
    ds: &Dataset,
    opts: &Options,
    format: Format,
    corpus: &str,
    command: &[String],
) -> Value {
    let mut splits = serde_json::Map::new();
    for (i, name) in ds.splits.iter().enumerate() {
        let c = label_counts(&ds.rows[i]);
        let labels: serde_json::Map<String, Value> = Label::ALL
            .iter()
            .map(|l| (l.name().to_string(), json!(c[l.index()])))
            .collect();
        splits.insert(
            name.clone(),
            json!({
                // An empty split has no file (an empty one breaks `load_dataset`).
                "file": (!ds.rows[i].is_empty()).then(|| split_file(name, format)),
                "rows": ds.rows[i].len(),
                "articles": ds.articles[i],
                "labels": labels,
            }),
        );
    }
    let dropped: serde_json::Map<String, Value> = Drop::ALL
        .iter()
        .map(|d| {
            (
                d.key().to_string(),
                json!(ds.dropped.get(d).copied().unwrap_or(0)),
            )
        })
        .collect();
    let split_spec: Option<serde_json::Map<String, Value>> = opts
        .split
        .as_ref()
        .map(|s| s.parts.iter().map(|(n, r)| (n.clone(), json!(r))).collect());
    json!({
        "glose_version": env!("CARGO_PKG_VERSION"),
        "command": command,
        "corpus": corpus,
        "corpus_fingerprint": ds.fingerprint,
        "format": format.name(),
        "options": {
            "labels": opts.policy.to_string(),
            "min_agreement": opts.min_agreement,
            "include_skip": opts.include_skip,
            "dedupe": opts.dedupe,
            "context": opts.context,
            "split": split_spec,
            "seed": opts.seed,
            "stratify": opts.stratify,
        },
        "split_hash": "articles by SHA-256(\"glose-split:<seed>:<article id>\"): first 8 bytes, big-endian, / 2^64, against cumulative ratios",
        "total_rows": ds.total(),
        "splits": splits,
        "dropped": dropped,
        "orphan_labels": ds.orphans,
        "problems": ds.problems,
        "document_status": document_status(ds),
    })
}

/// Articles done and flagged per annotator, and each article's marks.
fn document_status(ds: &Dataset) -> Value {
    let [done, flagged] = crate::model::status::count(ds.status.values());
    let mut articles = serde_json::Map::new();
    for (id, marks) in &ds.status {
        articles.insert(id.clone(), crate::model::status::to_json(marks));
    }
    json!({"done": done, "flagged": flagged, "articles": articles})
}

/// The table printed to stderr at the end: rows per label and split, then what was left
/// out and why.
pub fn summary(ds: &Dataset) -> String {
    let splits: Vec<Split> = ds
        .splits
        .iter()
        .enumerate()
        .map(|(i, name)| Split {
            name,
            labels: label_counts(&ds.rows[i]),
            articles: ds.articles[i],
        })
        .collect();
    table(&splits, &ds.dropped, ds.orphans, &ds.problems)
}

/// The summary table of a streamed export (one unnamed split).
pub fn streamed_summary(s: &super::Streamed) -> String {
    let all = Split {
        name: "",
        labels: s.labels,
        articles: s.articles,
    };
    table(&[all], &s.dropped, s.orphans, &s.problems)
}

/// One line of the summary table.
struct Split<'a> {
    name: &'a str,
    labels: [usize; Label::COUNT],
    articles: usize,
}

fn table(
    splits: &[Split],
    dropped: &std::collections::BTreeMap<Drop, usize>,
    orphans: usize,
    problems: &[String],
) -> String {
    let mut s = String::new();
    let _ = write!(s, "{:<12}", "split");
    for l in Label::ALL {
        let _ = write!(s, " {:>8}", l.name());
    }
    let _ = writeln!(s, " {:>8} {:>8}", "rows", "articles");
    let mut totals = [0usize; Label::COUNT];
    for split in splits {
        let c = split.labels;
        let shown = if split.name.is_empty() {
            "all"
        } else {
            split.name
        };
        let _ = write!(s, "{shown:<12}");
        for l in Label::ALL {
            totals[l.index()] += c[l.index()];
            let _ = write!(s, " {:>8}", c[l.index()]);
        }
        let rows: usize = c.iter().sum();
        let _ = writeln!(s, " {:>8} {:>8}", rows, split.articles);
    }
    if splits.len() > 1 {
        let _ = write!(s, "{:<12}", "total");
        for t in totals {
            let _ = write!(s, " {t:>8}");
        }
        let arts: usize = splits.iter().map(|x| x.articles).sum();
        let rows: usize = totals.iter().sum();
        let _ = writeln!(s, " {:>8} {:>8}", rows, arts);
    }
    let mut left = Vec::new();
    for d in Drop::ALL {
        if let Some(&n) = dropped.get(&d).filter(|n| **n > 0) {
            left.push(format!("  {n:>8}  {}", d.explain()));
        }
    }
    if orphans > 0 {
        left.push(format!(
            "  {:>8}  label(s) whose text is no longer in the article (see `glose check`)",
            orphans
        ));
    }
    if !left.is_empty() {
        let _ = writeln!(s, "left out:");
        for l in left {
            let _ = writeln!(s, "{l}");
        }
    }
    for p in problems {
        let _ = writeln!(s, "problem: {}", crate::model::sanitize::clean(p));
    }
    s
}
