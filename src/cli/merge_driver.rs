//! `glose merge-driver BASE OURS THEIRS PATH`: git's merge driver for glose's files
//! (`git config merge.glose.driver "glose merge-driver %O %A %B %P"`, set by `glose init`).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common ancestor's version (git's %O).
    pub base: PathBuf,
    /// Our version, replaced by the merge (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P), which says what kind of file it is.
    pub path: String,
}

/// Exit 0 with OURS merged, or 1 with OURS untouched and the reason on stderr (git then
/// reports a conflict on the file).
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    match crate::model::merge::merge_files(&a.base, &a.ours, &a.theirs, &a.path) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "glose merge-driver: {}",
                crate::model::sanitize::clean(&e.to_string())
            );
            Ok(ExitCode::from(1))
        }
    }
}
