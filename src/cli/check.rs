//! `glose check [CORPUS] [--fix]`: every sidecar and corrections file is read against its
//! article. Errors (exit 1) make a file unusable or wrong: it does not parse, names another
//! article or annotator, or holds offsets no article can have. Warnings (exit 0) are states
//! glose handles but a person should know of: labels kept at their own span (an import,
//! a sentence gone), labels found again at another offset after an article edit (which
//! `--fix` writes back), corrections that no longer apply.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::corpus::{self, Corpus, Entry};
use crate::model::cuts;
use crate::model::document::{self, Document};
use crate::model::sanitize::clean;
use crate::model::sidecar::{self, How, Record, Sidecar};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// Rewrite the offsets of labels re-attached after an article edit (atomically; a label
    /// that cannot be re-attached stays under `orphans`), and say what changed.
    #[arg(long)]
    pub fix: bool,
}

/// What `check` found, one line each naming the file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// What `--fix` rewrote.
    pub fixed: Vec<String>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = a.corpus.unwrap_or_else(|| PathBuf::from("."));
    let report = check(&root, a.fix)?;
    super::team::warn_driver(&root);
    if let Ok(corpus) = Corpus::scan(&root)
        && let Some(note) = crate::model::annotator::legacy_note(&corpus.annotators())
    {
        eprintln!("glose: warning: {note}");
    }
    // `writeln!`, not `println!`, which panics when the reader of a pipe has gone.
    let mut out = std::io::stdout().lock();
    for e in &report.errors {
        writeln!(out, "error: {}", clean(e))?;
    }
    for w in &report.warnings {
        writeln!(out, "warning: {}", clean(w))?;
    }
    for f in &report.fixed {
        writeln!(out, "fixed: {}", clean(f))?;
    }
    let (e, w) = (report.errors.len(), report.warnings.len());
    if e == 0 {
        writeln!(
            out,
            "ok: every sidecar in {} is usable ({w} warning(s))",
            crate::model::sanitize::path(&root)
        )?;
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("glose check: {e} error(s), {w} warning(s)");
        Ok(ExitCode::from(1))
    }
}

/// Checks every sidecar and corrections file of the corpus at `root`; with `fix`, writes
/// back the offsets of labels re-attached after an edit.
pub fn check(root: &Path, fix: bool) -> anyhow::Result<Report> {
    let corpus = Corpus::scan(root)?;
    let mut r = Report::default();
    if let Err(e) = crate::model::assign::Plan::load(root) {
        r.errors.push(e.to_string());
    }
    for entry in &corpus.entries {
        check_cuts(entry, &mut r);
        if entry.annotators.is_empty() {
            continue;
        }
        let doc = match Document::load(&entry.path, &entry.id) {
            Ok(d) => d,
            Err(why) => {
                r.errors
                    .push(format!("{}: has sidecars but {why}", entry.path.display()));
                continue;
            }
        };
        for who in &entry.annotators {
            check_sidecar(entry, &doc, who, fix, &mut r);
        }
    }
    r.errors.extend(stray_sidecars(&corpus));
    Ok(r)
}

/// The corrections file of `entry`, if any: it parses, names this article, and each
/// correction still applies.
fn check_cuts(entry: &Entry, r: &mut Report) {
    let path = cuts::path_of(&entry.path);
    let c = match cuts::read(&entry.path) {
        Ok(Some(c)) => c,
        Ok(None) => return,
        Err(e) => return r.errors.push(e.to_string()),
    };
    if c.article != entry.id {
        r.errors.push(format!(
            "{}: names article `{}`, but it is beside `{}`",
            path.display(),
            c.article,
            entry.id
        ));
    }
    let read = crate::store::whole_file::read_path_meta(&entry.path, document::MAX_BYTES);
    // An article that cannot be read is reported with its sidecars.
    let Some(raw) = read.ok().and_then(|(b, _)| document::decode(b).ok()) else {
        return;
    };
    let body = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let (_, stale) = cuts::apply(&raw, document::segment_at(&raw, body), &c);
    for s in stale {
        r.warnings.push(format!(
            "{}: {} at byte {} ({:?}) no longer applies to the article; it is ignored",
            path.display(),
            s.kind,
            s.boundary.at,
            s.boundary.next
        ));
    }
}

/// Why a record's offsets cannot belong to `raw`, if they cannot: start after end, past
/// the end, inside a UTF-8 character.
fn impossible(rec: &Record, raw: &str) -> Option<String> {
    let why = if rec.start > rec.end {
        "start is after end".to_string()
    } else if rec.end > raw.len() {
        format!("past the end of the article ({} bytes)", raw.len())
    } else if !raw.is_char_boundary(rec.start) || !raw.is_char_boundary(rec.end) {
        "inside a UTF-8 character".to_string()
    } else {
        return None;
    };
    Some(format!(
        "label {} at start: {}, end: {}: {why}",
        rec.label, rec.start, rec.end
    ))
}

fn check_sidecar(entry: &Entry, doc: &Document, who: &Annotator, fix: bool, r: &mut Report) {
    let path = corpus::sidecar_path(&entry.path, who);
    let p = path.display();
    let sc: Sidecar = match sidecar::read(&path) {
        Ok(Some(sc)) => sc,
        Ok(None) => return,
        Err(e) => return r.errors.push(e.to_string()),
    };
    let errors_before = r.errors.len();
    if sc.annotator != who.as_str() {
        r.errors.push(format!(
            "{p}: annotator field `{}` does not match the file name (`{who}`)",
            sc.annotator
        ));
    }
    if Annotator::existing(&sc.annotator).is_err() {
        r.errors
            .push(format!("{p}: invalid annotator name `{}`", sc.annotator));
    }
    if sc.article != entry.id {
        r.errors.push(format!(
            "{p}: names article `{}`, but it is beside `{}`",
            sc.article, entry.id
        ));
    }
    // Offsets past the end or inside a character are impossible for the article the
    // sidecar was written against; after an edit they are only stale (re-attached below).
    let same_article = sc.fingerprint.is_empty() || sc.fingerprint == doc.fingerprint;
    for rec in sc.labels.iter().chain(&sc.orphans) {
        match impossible(rec, &doc.raw) {
            Some(why) if same_article || rec.start > rec.end => {
                r.errors.push(format!("{p}: {why}"))
            }
            _ => {}
        }
    }
    if r.errors.len() > errors_before {
        return;
    }
    let Ok(mut ann) = Annotations::load(doc, who) else {
        return;
    };
    for o in &ann.orphans {
        let what = if o.how == How::Import {
            "kept at its own span by an import (it is no glose sentence)"
        } else {
            "matches no sentence of the article; kept under `orphans`"
        };
        r.warnings.push(format!(
            "{p}: label {} at bytes {}..{} {what}: {:?}",
            o.label, o.start, o.end, o.text
        ));
    }
    if ann.moved > 0 {
        if fix {
            match ann.save(doc) {
                Ok(_) => r.fixed.push(format!(
                    "{p}: offsets of {} re-attached label(s) rewritten",
                    ann.moved
                )),
                Err(e) => r.errors.push(e.to_string()),
            }
        } else {
            r.warnings.push(format!(
                "{p}: {} label(s) found again at another offset after an article edit (`glose check --fix` writes the new offsets)",
                ann.moved
            ));
        }
    }
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
                    && (cuts::path_of(&e.path) == ent.path()
                        || e.annotators
                            .iter()
                            .any(|a| corpus::sidecar_path(&e.path, a) == ent.path()))
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
