//! `glose init [CORPUS]`: set a corpus up for a team sharing it through git.

use crate::exchange::git;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = a.corpus.unwrap_or_else(|| PathBuf::from("."));
    if !root.is_dir() {
        anyhow::bail!("{}: not a folder", root.display());
    }
    let changes = git::init(&root)?;
    if changes.is_empty() {
        println!("{}: already set up, nothing changed", root.display());
    }
    for c in &changes {
        println!("{}: {c}", root.display());
    }
    if git::work_tree(&root).is_none() {
        println!(
            "{}: not in a git work tree; run `glose init` again in each clone to set the merge driver",
            root.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
