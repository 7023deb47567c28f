//! `glose import LABELS.jsonl --annotator NAME [CORPUS]`.

use super::WhoArgs;
use crate::exchange::import::{self, Options};
use crate::model::annotator::Annotator;
use crate::model::corpus::Corpus;
use crate::model::sanitize::clean;
use anyhow::{Context, bail};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The largest labels file (or standard input) `import` reads: it is held in memory.
pub const MAX_BYTES: u64 = 256 << 20;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSON lines with `article`, `label` and `start`/`end` or `text` (`-`: standard input).
    pub labels: PathBuf,
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// Replace an existing different label (kept and reported otherwise).
    #[arg(long)]
    pub overwrite: bool,
    /// Check and count without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Allow `--annotator gold`: the labels become the adjudicated reference.
    #[arg(long)]
    pub allow_gold: bool,
    /// Write every problem line to FILE instead of standard error.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

pub fn run(a: Args, who: &WhoArgs) -> anyhow::Result<ExitCode> {
    let Some(name) = who.annotator.as_deref() else {
        bail!(
            "import needs --annotator NAME: whose labels these are, e.g. a model's name (it does not fall back to GLOSE_ANNOTATOR, the config or your user name: imported labels are rarely yours)"
        );
    };
    let annotator = Annotator::new(name)?;
    if annotator.is_gold() && !a.allow_gold {
        bail!(
            "`gold` holds adjudicated labels; pass --allow-gold if these labels are the reference, or import them under another name"
        );
    }
    let input = if a.labels.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_string(&mut s)
            .context("standard input is not UTF-8 text")?;
        if s.len() as u64 > MAX_BYTES {
            bail!(
                "standard input is over the limit of {} for a labels file",
                crate::store::whole_file::human(MAX_BYTES)
            );
        }
        s
    } else {
        crate::store::whole_file::read_string(&a.labels, MAX_BYTES)
            .map_err(|e| anyhow::anyhow!(e.describe(&a.labels)))?
    };
    let root = a.corpus.clone().unwrap_or_else(|| PathBuf::from("."));
    let corpus = Corpus::scan(&root)?;
    let (lines, mut bad) = import::parse(&input);
    let opts = Options {
        overwrite: a.overwrite,
        dry_run: a.dry_run,
        gold: a
            .allow_gold
            .then(crate::model::annotations::GoldWrite::explicit_import),
    };
    let mut r = import::import(&corpus, &annotator, lines, opts);
    r.rejected.append(&mut bad);
    r.rejected.sort();
    let src = a.labels.display();
    let verb = if a.dry_run { "would write" } else { "wrote" };
    println!(
        "{src}: {} label(s) on glose sentences, {} at their own span (segmented differently: kept as unattached labels, exported at that span)",
        r.on_sentence, r.own_span
    );
    println!(
        "{verb} {} sidecar(s) of {annotator}: {} new, {} overwritten, {} already there",
        r.sidecars, r.added, r.overwritten, r.unchanged
    );
    let mut listing = Vec::new();
    for (what, list) in [("kept", &r.conflicts), ("not imported", &r.rejected)] {
        if list.is_empty() {
            continue;
        }
        let whither = match &a.errors {
            Some(p) => clean(&p.display().to_string()).into_owned(),
            None => "standard error".to_string(),
        };
        println!("{} line(s) {what}, listed on {whither}", list.len());
        for (n, why) in list {
            writeln!(listing, "{src}:{n}: {}", clean(why))?;
        }
    }
    write_listing(a.errors.as_deref(), &listing)?;
    let ok = r.rejected.is_empty() && r.conflicts.is_empty();
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Every problem line goes out, however many: to `errors` (written atomically) or stderr.
fn write_listing(errors: Option<&Path>, listing: &[u8]) -> anyhow::Result<()> {
    match errors {
        Some(p) => crate::store::atomic::write(p, listing)
            .with_context(|| format!("{}: cannot write", p.display())),
        None => std::io::stderr()
            .write_all(listing)
            .context("writing to standard error"),
    }
}
