//! Training sets from a labeled corpus: which sentences, with which label (policy), in
//! which split, written in one of several formats, with a manifest saying how it was made.
//!
//! The pipeline is [`build`] (read articles and sidecars, choose labels, drop and count
//! what is left out, assign splits) then a writer per [`Format`].

pub mod brat;
pub mod card;
pub mod csv;
pub mod json;
pub mod jsonl;
pub mod manifest;
pub mod policy;
pub mod prodigy;
pub mod row;
pub mod split;
pub mod units;

use crate::model::corpus::Corpus;
use crate::model::label::Label;
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

    /// Whether [`stream`] can write this format with these options: a format of one line
    /// per row, no `--dedupe` (it looks across articles) and no `--split`.
    pub fn streams(self, opts: &Options) -> bool {
        matches!(self, Format::Jsonl | Format::Prodigy) && !opts.dedupe && opts.split.is_none()
    }

    /// Appends the lines of `rows` to `out`, for the formats that [`Format::streams`]; the
    /// same bytes as [`Format::write`].
    pub fn append(self, rows: &[Row], context: bool, out: &mut Vec<u8>) -> io::Result<()> {
        match self {
            Format::Jsonl => {
                jsonl::append_rows(rows, context, out);
                Ok(())
            }
            Format::Prodigy => prodigy::append(rows, context, out),
            _ => self.write(rows, context, out),
        }
    }

    /// Writes rows as one stream. Brat is a folder of files: see [`brat::write_dir`].
    pub fn write(self, rows: &[Row], context: bool, w: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::Jsonl => jsonl::write(rows, context, w),
            Format::Csv => csv::write(rows, context, b',', w),
            Format::Tsv => csv::write(rows, context, b'\t', w),
            Format::Prodigy => prodigy::write(rows, context, w),
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
    /// Article id → annotator → done or flagged for review (articles with neither are
    /// absent).
    pub status: BTreeMap<String, BTreeMap<String, crate::model::sidecar::DocStatus>>,
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
    let labeled = labeled(corpus);
    let work = |entry: &crate::model::corpus::Entry| units::load(entry, opts.context, true);
    in_order(&labeled, work, progress, |au| {
        let au = match au {
            Ok(au) => au,
            Err(e) => {
                ds.problems.push(e.to_string());
                return true;
            }
        };
        fp.update(au.fingerprint);
        if !au.status.is_empty()
            && let Some(u) = au.units.first()
        {
            ds.status.insert(u.article.to_string(), au.status);
        }
        ds.orphans += au.orphans;
        ds.problems.extend(au.sidecar_errors);
        let seen = opts.dedupe.then_some(&mut seen_text);
        let rows = article_rows(au.units, opts, &mut ds.dropped, seen);
        if let Some(first) = rows.first() {
            per_article.push((first.unit.article.to_string(), rows));
        }
        true
    });
    ds.fingerprint = format!("sha256:{:x}", fp.finalize());
    assign(&mut ds, per_article, opts);
    ds
}

/// The articles with at least one sidecar, in corpus order.
fn labeled(corpus: &Corpus) -> Vec<&crate::model::corpus::Entry> {
    corpus
        .entries
        .iter()
        .filter(|e| !e.annotators.is_empty())
        .collect()
}

/// The rows the policy gives one article's units, counting in `dropped` what is left out.
/// `seen_text` is the memory of `--dedupe` across articles (`None`: no deduplication).
fn article_rows(
    units: Vec<units::Unit>,
    opts: &Options,
    dropped: &mut BTreeMap<Drop, usize>,
    mut seen_text: Option<&mut HashSet<String>>,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for unit in units {
        let unit = Arc::new(unit);
        let choices = match policy::choose(&opts.policy, &unit) {
            Ok(c) => c,
            Err(d) => {
                *dropped.entry(d).or_default() += 1;
                continue;
            }
        };
        let before = rows.len();
        for c in choices {
            if c.label == crate::Label::Skip && !opts.include_skip {
                *dropped.entry(Drop::Skip).or_default() += 1;
            } else if opts.min_agreement.is_some_and(|m| c.agreement < m) {
                *dropped.entry(Drop::LowAgreement).or_default() += 1;
            } else {
                rows.push(Row {
                    unit: unit.clone(),
                    label: c.label,
                    source: c.source,
                    agreement: c.agreement,
                });
            }
        }
        if let Some(seen) = seen_text.as_deref_mut()
            && rows.len() > before
            && !seen.insert(unit.text.clone())
        {
            *dropped.entry(Drop::Duplicate).or_default() += rows.len() - before;
            rows.truncate(before);
        }
    }
    rows
}

/// What a streamed export wrote and left out: the figures of its summary table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Streamed {
    /// Rows written per label ([`crate::Label::index`] order).
    pub labels: [usize; Label::COUNT],
    /// Articles with at least one row written.
    pub articles: usize,
    pub dropped: BTreeMap<Drop, usize>,
    pub orphans: usize,
    pub problems: Vec<String>,
}

impl Streamed {
    /// Rows written.
    pub fn rows(&self) -> usize {
        self.labels.iter().sum()
    }
}

/// One article's part of a streamed export, made on a worker thread.
struct Part {
    /// Its rows, already in the output format.
    bytes: Vec<u8>,
    labels: [usize; Label::COUNT],
    dropped: BTreeMap<Drop, usize>,
    orphans: usize,
    problems: Vec<String>,
}

/// Exports without holding the dataset: each article's rows are chosen and serialised on
/// the loading threads, and written here in corpus order as soon as they are ready, so
/// writing overlaps reading and no row outlives its article. The bytes are those of
/// [`build`] followed by [`Format::write`] (see [`Format::streams`] for which options and
/// formats allow it); the corpus fingerprint is not computed, nothing shown here needs it.
pub fn stream(
    corpus: &Corpus,
    opts: &Options,
    format: Format,
    progress: &mut dyn FnMut(usize, usize),
    w: &mut dyn Write,
) -> io::Result<Streamed> {
    if !format.streams(opts) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "this format or these options need the whole dataset (build it first)",
        ));
    }
    let context = opts.context > 0;
    let work = |entry: &crate::model::corpus::Entry| -> io::Result<Part> {
        let mut part = Part {
            bytes: Vec::new(),
            labels: [0; Label::COUNT],
            dropped: BTreeMap::new(),
            orphans: 0,
            problems: Vec::new(),
        };
        let au = match units::load(entry, opts.context, false) {
            Ok(au) => au,
            Err(e) => {
                part.problems.push(e.to_string());
                return Ok(part);
            }
        };
        part.orphans = au.orphans;
        part.problems = au.sidecar_errors;
        let rows = article_rows(au.units, opts, &mut part.dropped, None);
        for r in &rows {
            part.labels[r.label.index()] += 1;
        }
        format.append(&rows, context, &mut part.bytes)?;
        Ok(part)
    };
    let mut out = Streamed::default();
    let mut failed = None;
    in_order(&labeled(corpus), work, progress, |part| {
        let written = part.and_then(|p| {
            w.write_all(&p.bytes)?;
            Ok(p)
        });
        match written {
            Ok(p) => {
                if p.labels.iter().any(|&n| n > 0) {
                    out.articles += 1;
                }
                for (total, n) in out.labels.iter_mut().zip(p.labels) {
                    *total += n;
                }
                for (d, n) in p.dropped {
                    *out.dropped.entry(d).or_default() += n;
                }
                out.orphans += p.orphans;
                out.problems.extend(p.problems);
                true
            }
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Runs `work` on every entry on four threads per core (reading and segmenting dominate
/// an export) and hands the results to `consume` in corpus order as they become ready.
/// `consume` answering `false` stops the work: what is left is not read.
fn in_order<T: Send>(
    entries: &[&crate::model::corpus::Entry],
    work: impl Fn(&crate::model::corpus::Entry) -> T + Sync,
    progress: &mut dyn FnMut(usize, usize),
    mut consume: impl FnMut(T) -> bool,
) {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let total = entries.len();
    // Four per core: a cold disk wants reads in flight, but segmenting keeps the cores
    // busy: warm, 16 threads were about 45 % slower than 4 (8: within the noise of 4,
    // and as fast as 16 cold; `benches/cold_status.sh DIR 1 GLOSE export labeled`).
    let workers = (crate::store::pool::cores() * 4)
        .clamp(4, 32)
        .min(total.max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Results that came before the one due next.
    let mut early: BTreeMap<usize, T> = BTreeMap::new();
    let mut due = 0;
    std::thread::scope(|scope| {
        // Bounded: when the output is slower than the reading (a 2 GB export to a
        // file), the workers wait rather than pile their rows up in memory.
        let (tx, rx) = std::sync::mpsc::sync_channel(workers * 8);
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(entry) = entries.get(i) else { break };
                    if tx.send((i, work(entry))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        progress(0, total);
        for (done, (i, r)) in rx.into_iter().enumerate() {
            progress(done + 1, total);
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            early.insert(i, r);
            while let Some(r) = early.remove(&due) {
                due += 1;
                if !consume(r) {
                    stop.store(true, Ordering::Relaxed);
                    early.clear();
                    break;
                }
            }
        }
    });
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
        let counts: BTreeMap<String, [usize; Label::COUNT]> = per_article
            .iter()
            .map(|(id, rows)| {
                let mut c = [0; Label::COUNT];
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
