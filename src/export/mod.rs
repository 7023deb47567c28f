//! Training sets from a labeled corpus: which sentences, with which label (policy), in
//! which split, written in one of several formats, with a manifest saying how it was made.
//!
//! The pipeline is [`build`] (read articles and sidecars, choose labels, drop and count
//! what is left out, assign splits) then a writer per [`Format`].

pub mod brat;
pub mod csv;
pub mod jsonl;
pub mod manifest;
pub mod policy;
pub mod prodigy;
pub mod row;
pub mod sink;
pub mod split;
pub mod units;

use crate::corpus::Corpus;
use policy::{Drop, Policy};
use row::Row;
use sha2::{Digest, Sha256};
use split::SplitSpec;
use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::sync::Arc;

/// Output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    Tsv,
    Prodigy,
    Brat,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Prodigy => "prodigy",
            Format::Brat => "brat",
        }
    }

    /// File extension of one split's file (brat writes a folder instead).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Prodigy => "jsonl",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Brat => "",
        }
    }

    /// Writes rows as one stream. Brat is a folder of files: see [`brat::write_dir`].
    pub fn write(self, rows: &[Row], context: bool, w: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::Jsonl => jsonl::write(rows, context, w),
            Format::Csv => csv::write(rows, context, b',', w),
            Format::Tsv => csv::write(rows, context, b'\t', w),
            Format::Prodigy => prodigy::write(rows, w),
            Format::Brat => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "brat writes a folder of .txt/.ann pairs: give --out DIR",
            )),
        }
    }
}

/// What to export and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub policy: Policy,
    pub min_agreement: Option<f64>,
    pub include_skip: bool,
    pub dedupe: bool,
    /// Sentences of context on each side (0: no context fields).
    pub context: usize,
    pub split: Option<SplitSpec>,
    pub seed: u64,
    pub stratify: bool,
}

/// The rows of each split and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Split names in order; one unnamed split (`""`) when no `--split` was given.
    pub splits: Vec<String>,
    /// Rows per split, in article then offset order.
    pub rows: Vec<Vec<Row>>,
    /// Articles per split.
    pub articles: Vec<usize>,
    pub dropped: BTreeMap<Drop, usize>,
    /// Labels whose text is no longer in their article.
    pub orphans: usize,
    /// Unreadable articles and sidecars, naming the file.
    pub problems: Vec<String>,
    /// `sha256:` over every labeled article's bytes and labels, in id order.
    pub fingerprint: String,
}

impl Dataset {
    /// Rows over all splits.
    pub fn total(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }
}

/// Reads the corpus and builds the dataset. `progress(done, total)` is called per article.
pub fn build(corpus: &Corpus, opts: &Options, progress: &mut dyn FnMut(usize, usize)) -> Dataset {
    let mut ds = Dataset::default();
    let mut fp = Sha256::new();
    let mut seen_text: HashSet<String> = HashSet::new();
    let mut per_article: Vec<(String, Vec<Row>)> = Vec::new();
    let labeled: Vec<_> = corpus
        .entries
        .iter()
        .filter(|e| !e.annotators.is_empty())
        .collect();
    for au in load_all(&labeled, opts.context, progress) {
        let au = match au {
            Ok(au) => au,
            Err(e) => {
                ds.problems.push(e);
                continue;
            }
        };
        fp.update(au.fingerprint);
        ds.orphans += au.orphans;
        ds.problems.extend(au.sidecar_errors);
        let mut rows = Vec::new();
        for unit in au.units {
            let unit = Arc::new(unit);
            let choices = match policy::choose(&opts.policy, &unit) {
                Ok(c) => c,
                Err(d) => {
                    *ds.dropped.entry(d).or_default() += 1;
                    continue;
                }
            };
            let before = rows.len();
            for c in choices {
                if c.label == crate::Label::Skip && !opts.include_skip {
                    *ds.dropped.entry(Drop::Skip).or_default() += 1;
                } else if opts.min_agreement.is_some_and(|m| c.agreement < m) {
                    *ds.dropped.entry(Drop::LowAgreement).or_default() += 1;
                } else {
                    rows.push(Row {
                        unit: unit.clone(),
                        label: c.label,
                        source: c.source,
                        agreement: c.agreement,
                    });
                }
            }
            if opts.dedupe && rows.len() > before && !seen_text.insert(unit.text.clone()) {
                *ds.dropped.entry(Drop::Duplicate).or_default() += rows.len() - before;
                rows.truncate(before);
            }
        }
        if let Some(first) = rows.first() {
            per_article.push((first.unit.article.to_string(), rows));
        }
    }
    ds.fingerprint = format!("sha256:{}", hex(&fp.finalize()));
    assign(&mut ds, per_article, opts);
    ds
}

/// Loads articles on all cores (reading and segmenting dominate an export), handing
/// results back in corpus order.
fn load_all(
    entries: &[&crate::corpus::Entry],
    context: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Result<units::ArticleUnits, String>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = entries.len();
    // Twice the cores: a thread waiting for the disk leaves its core to another.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get() * 2)
        .clamp(1, 16)
        .min(total.max(1));
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Result<units::ArticleUnits, String>>> = Vec::new();
    slots.resize_with(total, || None);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = entries.get(i) else { break };
                    if tx.send((i, units::load(entry, context))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        progress(0, total);
        for (done, (i, r)) in rx.into_iter().enumerate() {
            slots[i] = Some(r);
            progress(done + 1, total);
        }
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|| Err(format!("{}: not read", entries[i].path.display()))))
        .collect()
}

fn assign(ds: &mut Dataset, per_article: Vec<(String, Vec<Row>)>, opts: &Options) {
    let Some(spec) = &opts.split else {
        ds.splits = vec![String::new()];
        ds.articles = vec![per_article.len()];
        ds.rows = vec![per_article.into_iter().flat_map(|(_, r)| r).collect()];
        return;
    };
    ds.splits = spec.parts.iter().map(|p| p.0.clone()).collect();
    ds.rows = vec![Vec::new(); spec.parts.len()];
    ds.articles = vec![0; spec.parts.len()];
    let stratified = opts.stratify.then(|| {
        let counts: BTreeMap<String, [usize; 4]> = per_article
            .iter()
            .map(|(id, rows)| {
                let mut c = [0; 4];
                for r in rows {
                    c[r.label.index()] += 1;
                }
                (id.clone(), c)
            })
            .collect();
        spec.assign_stratified(opts.seed, &counts)
    });
    for (id, rows) in per_article {
        let s = match &stratified {
            Some(m) => m.get(&id).copied().unwrap_or(0),
            None => spec.assign(opts.seed, &id),
        };
        ds.articles[s] += 1;
        ds.rows[s].extend(rows);
    }
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
    }
    s
}
