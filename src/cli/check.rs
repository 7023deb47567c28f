//! `glose check [CORPUS]`: every sidecar parses, matches its article and names a valid
//! annotator; labels all attach. Exit 1 if anything is wrong.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::corpus::{self, Corpus};
use crate::model::document::Document;
use crate::model::sanitize::clean;
use crate::model::sidecar;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = a.corpus.unwrap_or_else(|| PathBuf::from("."));
    let problems = check(&root)?;
    super::team::warn_driver(&root);
    if let Ok(corpus) = Corpus::scan(&root)
        && let Some(note) = crate::model::annotator::legacy_note(&corpus.annotators())
    {
        eprintln!("glose: warning: {note}");
    }
    for p in &problems {
        println!("{}", clean(p));
    }
    if problems.is_empty() {
        println!(
            "ok: every sidecar in {} is valid",
            crate::model::sanitize::path(&root)
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("glose check: {} problem(s)", problems.len());
        Ok(ExitCode::from(1))
    }
}

/// Every problem found in the corpus's sidecars, one line each, naming the file.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let corpus = Corpus::scan(root)?;
    let mut problems = Vec::new();
    if let Err(e) = crate::model::assign::Plan::load(root) {
        problems.push(e.to_string());
    }
    for entry in &corpus.entries {
        if entry.annotators.is_empty() {
            continue;
        }
        let doc = match Document::load(&entry.path, &entry.id) {
            Ok(d) => d,
            Err(why) => {
                problems.push(format!("{}: has sidecars but {why}", entry.path.display()));
                continue;
            }
        };
        for who in &entry.annotators {
            let path = corpus::sidecar_path(&entry.path, who);
            let sc = match sidecar::read(&path) {
                Ok(Some(sc)) => sc,
                Ok(None) => continue,
                Err(e) => {
                    problems.push(e.to_string());
                    continue;
                }
            };
            if sc.annotator != who.as_str() {
                problems.push(format!(
                    "{}: annotator field `{}` does not match the file name (`{who}`)",
                    path.display(),
                    sc.annotator
                ));
            }
            if Annotator::existing(&sc.annotator).is_err() {
                problems.push(format!(
                    "{}: invalid annotator name `{}`",
                    path.display(),
                    sc.annotator
                ));
            }
            if let Ok(ann) = Annotations::load(&doc, who) {
                for o in &ann.orphans {
                    problems.push(format!(
                        "{}: label {} at bytes {}..{} matches no sentence of the article: {:?}",
                        path.display(),
                        o.label,
                        o.start,
                        o.end,
                        o.text
                    ));
                }
                if ann.moved > 0 && sc.fingerprint != doc.fingerprint {
                    problems.push(format!(
                        "{}: the article changed; {} label(s) re-attached by text (save once to update offsets)",
                        path.display(),
                        ann.moved
                    ));
                }
            }
        }
    }
    problems.extend(stray_sidecars(&corpus));
    Ok(problems)
}

/// Sidecar-looking files whose article does not exist.
fn stray_sidecars(corpus: &Corpus) -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = corpus
        .entries
        .iter()
        .filter_map(|e| e.path.parent().map(Path::to_path_buf))
        .collect();
    dirs.push(corpus.root.clone());
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for ent in rd.flatten() {
            let name = ent.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".ron") {
                continue;
            }
            let owner = corpus.entries.iter().any(|e| {
                e.path.parent() == Some(d.as_path())
                    && e.annotators
                        .iter()
                        .any(|a| corpus::sidecar_path(&e.path, a) == ent.path())
            });
            let looks_like_sidecar = name.contains(".txt.") || name.contains(".md.");
            if !owner && looks_like_sidecar {
                out.push(format!(
                    "{}: sidecar without an article beside it (renamed or deleted?)",
                    ent.path().display()
                ));
            }
        }
    }
    out
}
