//! `glose status [CORPUS] [--json]`.

use super::WhoArgs;
use crate::model::corpus::Corpus;
use crate::model::index::{ArticleInfo, Index};
use crate::model::sanitize::clean;
use crate::model::sidecar::DocStatus;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// One JSON object with `articles` and `totals`.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args, _who: &WhoArgs) -> anyhow::Result<ExitCode> {
    let root = a.corpus.unwrap_or_else(|| PathBuf::from("."));
    let corpus = Corpus::scan(&root)?;
    if let Some(note) = crate::model::annotator::legacy_note(&corpus.annotators()) {
        eprintln!("glose: warning: {note}");
    }
    let cache = crate::config::cache_dir();
    let index = Index::build(&corpus, cache.as_deref(), &|_, _| {});
    let infos: Vec<ArticleInfo> = index.articles;
    super::team::warn_driver(&root);
    let plan = super::team::progress(&root, &infos)?;
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    let mut sentences = 0;
    for i in &infos {
        sentences += i.sentences;
        for (who, n) in &i.labeled {
            *totals.entry(who.clone()).or_default() += n;
        }
    }
    let [done, flagged] = crate::model::status::count(infos.iter().map(|i| &i.status));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        let articles: Vec<_> = infos
            .iter()
            .map(|i| {
                serde_json::json!({
                    "id": i.id, "title": i.title, "sentences": i.sentences,
                    "labeled": i.labeled, "unreadable": i.unreadable,
                    "sidecar_errors": i.sidecar_errors, "status": crate::model::status::to_json(&i.status),
                })
            })
            .collect();
        let skipped: Vec<_> = corpus
            .skipped
            .iter()
            .map(|(p, why)| serde_json::json!({"path": p.display().to_string(), "reason": why}))
            .collect();
        let doc = serde_json::json!({
            "corpus": root.display().to_string(),
            "articles": articles,
            "skipped": skipped,
            "totals": {
                "articles": infos.len(), "sentences": sentences, "labeled": totals,
                "done": done, "flagged": flagged,
            },
            "assignment": plan.as_ref().map(super::team::to_json),
        });
        writeln!(out, "{doc}")?;
    } else {
        let names: Vec<&String> = totals.keys().collect();
        write!(out, "{:<40} {:>9}", "article", "sentences")?;
        for n in &names {
            write!(out, " {:>10}", clean(n))?;
        }
        writeln!(out, "  title")?;
        for i in &infos {
            write!(out, "{:<40} {:>9}", clean(&i.id), i.sentences)?;
            for n in &names {
                write!(out, " {:>10}", i.labeled.get(*n).copied().unwrap_or(0))?;
            }
            match &i.unreadable {
                Some(why) => writeln!(out, "  [cannot open: {why}]")?,
                None => writeln!(out, "  {}", i.title)?,
            }
            for e in &i.sidecar_errors {
                writeln!(out, "    sidecar error: {}", clean(e))?;
            }
            for (who, s) in &i.status {
                match s {
                    DocStatus::Done { .. } => writeln!(out, "    done by {}", clean(who))?,
                    DocStatus::Flagged { reason, .. } => writeln!(
                        out,
                        "    flagged for review by {}: {}",
                        clean(who),
                        clean(reason)
                    )?,
                }
            }
        }
        write!(
            out,
            "{:<40} {:>9}",
            format!("total ({} articles)", infos.len()),
            sentences
        )?;
        for n in &names {
            write!(out, " {:>10}", totals[*n])?;
        }
        writeln!(out)?;
        for (what, counts) in [("done", &done), ("flagged for review", &flagged)] {
            if !counts.is_empty() {
                let each: Vec<String> = counts
                    .iter()
                    .map(|(who, n)| format!("{} {n}", clean(who)))
                    .collect();
                writeln!(out, "articles {what}: {}", each.join(", "))?;
            }
        }
        for (p, why) in &corpus.skipped {
            writeln!(
                out,
                "skipped {}: {}",
                clean(&p.display().to_string()),
                clean(why)
            )?;
        }
        if let Some(p) = &plan {
            super::team::print(&mut out, p)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
