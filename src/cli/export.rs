//! `glose export [CORPUS] --format … [--out PATH|-]`: training data from a labeled corpus.

use crate::exchange::export::manifest::{self, split_file};
use crate::exchange::export::policy::Policy;
use crate::exchange::export::split::SplitSpec;
use crate::exchange::export::{self, Dataset, Format, Options, brat, card};
use crate::model::corpus::Corpus;
use crate::store::atomic::AtomicFile;
use anyhow::{Context, bail};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Output file, `-` for standard output (the default), or a folder with --split or brat.
    #[arg(long, value_name = "PATH|-")]
    pub out: Option<PathBuf>,
    /// Which label each sentence gets: gold, majority, annotator=NAME, or all (one row per
    /// annotator label).
    #[arg(long, value_name = "POLICY", default_value = "majority")]
    pub labels: Policy,
    /// Leave out rows whose agreement (share of annotators giving that label) is below X.
    #[arg(long, value_name = "X", value_parser = parse_share)]
    pub min_agreement: Option<f64>,
    /// Keep sentences labeled skip (left out by default).
    #[arg(long)]
    pub include_skip: bool,
    /// Keep only the first sentence of each repeated text across the corpus.
    #[arg(long)]
    pub dedupe: bool,
    /// Add `context_before` / `context_after` with N sentences on each side.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// Split by article, e.g. train=0.8,dev=0.1,test=0.1 (needs --out DIR).
    #[arg(long, value_name = "NAME=RATIO,…")]
    pub split: Option<SplitSpec>,
    /// Seed of the split hash.
    #[arg(long, value_name = "N", default_value_t = 0, requires = "split")]
    pub seed: u64,
    /// Balance labels across splits (articles grouped by their main label; adding
    /// articles may then move others).
    #[arg(long, requires = "split")]
    pub stratify: bool,
    /// No summary table on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_share(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

/// Where the output goes, decided before any work so mistakes fail fast.
enum Target {
    Stdout,
    File(PathBuf),
    Dir(PathBuf),
}

fn target(a: &Args) -> anyhow::Result<Target> {
    let out = a.out.as_ref().filter(|p| p.as_os_str() != "-");
    let needs_dir = a.split.is_some() || a.format == Format::Brat;
    match out {
        None if needs_dir => {
            let why = if a.split.is_some() {
                "--split writes one file per split"
            } else {
                "brat writes .txt/.ann pairs"
            };
            bail!("{why}: give --out DIR (a folder)")
        }
        None => Ok(Target::Stdout),
        Some(p) if needs_dir => {
            if p.exists() && !p.is_dir() {
                bail!(
                    "{}: is a file, but --out must be a folder here ({})",
                    p.display(),
                    if a.split.is_some() {
                        "one file per split"
                    } else {
                        "brat writes .txt/.ann pairs"
                    }
                );
            }
            Ok(Target::Dir(p.clone()))
        }
        Some(p) if p.is_dir() => bail!(
            "{}: is a folder; without --split, --out names a file (or `-` for standard output)",
            p.display()
        ),
        Some(p) => Ok(Target::File(p.clone())),
    }
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let target = target(&a)?;
    let root = a.corpus.clone().unwrap_or_else(|| PathBuf::from("."));
    let corpus = Corpus::scan(&root)?;
    check_source(&a.labels, &corpus)?;
    let opts = Options {
        policy: a.labels.clone(),
        min_agreement: a.min_agreement,
        include_skip: a.include_skip,
        dedupe: a.dedupe,
        context: a.context,
        split: a.split.clone(),
        seed: a.seed,
        stratify: a.stratify,
    };
    let show_progress = std::io::stderr().is_terminal() && !a.quiet && corpus.entries.len() >= 200;
    let mut progress = |done: usize, total: usize| {
        if show_progress && (done.is_multiple_of(50) || done == total) {
            eprint!("\rreading articles {done}/{total}");
            if done == total {
                eprint!("\r\x1b[K");
            }
        }
    };
    let context = a.context > 0;
    if a.format.streams(&opts) && !matches!(target, Target::Dir(_)) {
        // One file of lines: written while the corpus is read, with the same bytes.
        let (summary, rows, problems) = match &target {
            Target::File(p) => {
                let mut f = AtomicFile::create(p)
                    .with_context(|| format!("{}: cannot create", p.display()))?;
                let s = export::stream(&corpus, &opts, a.format, &mut progress, f.writer())
                    .and_then(|s| f.commit().map(|()| s))
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                (manifest::streamed_summary(&s), s.rows(), s.problems)
            }
            _ => {
                let stdout = std::io::stdout();
                let mut w = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
                let res = export::stream(&corpus, &opts, a.format, &mut progress, &mut w)
                    .and_then(|s| w.flush().map(|()| s));
                match res {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        return Ok(ExitCode::SUCCESS);
                    }
                    r => {
                        let s = r.context("writing to standard output")?;
                        (manifest::streamed_summary(&s), s.rows(), s.problems)
                    }
                }
            }
        };
        if !a.quiet {
            eprint!("{summary}");
            if let Target::File(d) = &target {
                eprintln!("wrote {rows} rows to {}", crate::model::sanitize::path(d));
            }
        } else {
            warn(&problems);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let ds = export::build(&corpus, &opts, &mut progress);
    match &target {
        Target::Stdout => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
            let res = a
                .format
                .write(&ds.rows[0], context, &mut w)
                .and_then(|()| w.flush());
            match res {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS);
                }
                r => r.context("writing to standard output")?,
            }
        }
        Target::File(p) => write_file(p, a.format, &ds.rows[0], context)?,
        Target::Dir(dir) => write_dir(dir, &a, &ds, &opts, &corpus)?,
    }
    if !a.quiet {
        eprint!("{}", manifest::summary(&ds));
        if matches!(target, Target::Dir(_)) {
            for (i, name) in ds.splits.iter().enumerate() {
                if ds.rows[i].is_empty() {
                    eprintln!("split {name} is empty: no file written for it");
                }
            }
        }
        if let Target::Dir(d) | Target::File(d) = &target {
            eprintln!(
                "wrote {} rows to {}",
                ds.total(),
                crate::model::sanitize::path(d)
            );
        }
    } else {
        warn(&ds.problems);
    }
    Ok(ExitCode::SUCCESS)
}

/// What `--quiet` still says: files that were left out of the export, so a script never
/// loses labels without a word.
fn warn(problems: &[String]) {
    for p in problems {
        eprintln!("glose: warning: {}", crate::model::sanitize::clean(p));
    }
}

/// A policy naming a source the corpus does not have is a typo, not an empty dataset.
fn check_source(policy: &Policy, corpus: &Corpus) -> anyhow::Result<()> {
    let have = corpus.annotators();
    let wanted = match policy {
        Policy::Gold => crate::model::annotator::GOLD,
        Policy::Annotator(n) => n.as_str(),
        Policy::Majority | Policy::All => return Ok(()),
    };
    if !have.iter().any(|a| a.as_str() == wanted) {
        let names: Vec<&str> = have.iter().map(|a| a.as_str()).collect();
        bail!(
            "--labels {policy}: no sidecar of `{wanted}` in {} (annotators: {})",
            corpus.root.display(),
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        );
    }
    Ok(())
}

fn write_file(
    p: &Path,
    format: Format,
    rows: &[export::row::Row],
    context: bool,
) -> anyhow::Result<()> {
    let mut f = AtomicFile::create(p).with_context(|| format!("{}: cannot create", p.display()))?;
    format
        .write(rows, context, f.writer())
        .and_then(|()| f.commit())
        .with_context(|| format!("{}: cannot write", p.display()))
}

fn write_dir(
    dir: &Path,
    a: &Args,
    ds: &Dataset,
    opts: &Options,
    corpus: &Corpus,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create folder", dir.display()))?;
    let card_path = dir.join("README.md");
    let with_card = a.format != Format::Brat;
    if with_card {
        refuse_foreign_readme(&card_path)?;
    }
    let before = previous_split_files(dir);
    for (i, name) in card::written_splits(ds) {
        let rows = &ds.rows[i];
        if a.format == Format::Brat {
            let sub = if name.is_empty() {
                dir.to_path_buf()
            } else {
                dir.join(name)
            };
            brat::write_dir(&sub, rows, corpus)?;
        } else {
            write_file(
                &dir.join(split_file(name, a.format)),
                a.format,
                rows,
                a.context > 0,
            )?;
        }
    }
    // The program name as typed is a local path; the arguments are what reproduces the run.
    let command: Vec<String> = std::iter::once("glose".to_string())
        .chain(std::env::args().skip(1))
        .collect();
    let m = manifest::manifest(
        ds,
        opts,
        a.format,
        &corpus.root.display().to_string(),
        &command,
    );
    let text = serde_json::to_string_pretty(&m)? + "\n";
    let path = dir.join("manifest.json");
    crate::store::atomic::write(&path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    if with_card {
        let text = card::card(ds, opts, a.format, &ds.fingerprint);
        crate::store::atomic::write(&card_path, text.as_bytes())
            .with_context(|| format!("{}: cannot write", card_path.display()))?;
    }
    // Split files an earlier export wrote here and this one did not: a stale dev.jsonl
    // beside a new train/test would load as a split of this dataset.
    let now: Vec<String> = card::written_splits(ds)
        .map(|(_, n)| split_file(n, a.format))
        .collect();
    for old in before.iter().filter(|f| !now.contains(f)) {
        let p = dir.join(old);
        std::fs::remove_file(&p).with_context(|| format!("{}: cannot remove", p.display()))?;
    }
    Ok(())
}

/// A `README.md` in the export folder that glose did not write is someone's own file:
/// the export stops rather than replace it with the dataset card.
fn refuse_foreign_readme(path: &Path) -> anyhow::Result<()> {
    match crate::store::whole_file::read_path_meta(path, 1 << 20) {
        Ok((bytes, _)) if String::from_utf8_lossy(&bytes).contains(card::MARK) => Ok(()),
        Err(crate::store::whole_file::ReadError::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound =>
        {
            Ok(())
        }
        _ => bail!(
            "{}: exists and was not written by glose; the dataset card goes there (move the file, or export to another folder)",
            path.display()
        ),
    }
}

/// The split files named in the folder's `manifest.json` from an earlier export that are
/// still there as regular files: plain file names of a split format, nothing else.
fn previous_split_files(dir: &Path) -> Vec<String> {
    let Ok((bytes, _)) =
        crate::store::whole_file::read_path_meta(&dir.join("manifest.json"), 16 << 20)
    else {
        return Vec::new();
    };
    let Ok(m) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Vec::new();
    };
    let Some(splits) = m.get("splits").and_then(|s| s.as_object()) else {
        return Vec::new();
    };
    splits
        .values()
        .filter_map(|s| s.get("file")?.as_str())
        .filter(|f| {
            let plain = !f.is_empty()
                && !f.starts_with('.')
                && !f.contains(['/', '\\'])
                && [".jsonl", ".csv", ".tsv"].iter().any(|e| f.ends_with(e));
            plain && std::fs::symlink_metadata(dir.join(f)).is_ok_and(|m| m.file_type().is_file())
        })
        .map(str::to_string)
        .collect()
}
