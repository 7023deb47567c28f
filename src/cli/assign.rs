//! `glose assign [CORPUS] --annotators a,b,c --per-article K [--seed N] [--json]`.

use crate::model::annotator::Annotator;
use crate::model::assign::{self, Plan};
use crate::model::corpus::Corpus;
use crate::model::project::{self, AssignSettings, Project};
use crate::model::sanitize::clean;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// Annotators to give articles to, comma-separated; added to those already in the plan.
    #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
    pub annotators: Vec<String>,
    /// How many distinct annotators each article gets (default: the plan's).
    #[arg(long, value_name = "K")]
    pub per_article: Option<usize>,
    /// Seed of the tie-breaking shuffle (default: the plan's, else 0).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Print one JSON object: article id → list of annotator names.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = a.corpus.clone().unwrap_or_else(|| PathBuf::from("."));
    let corpus = Corpus::scan(&root)?;
    let mut project = Project::load(&root)?;
    let settings = settings(&a, project.assign.as_ref())?;
    let mut plan = Plan::load(&root)?.unwrap_or_default();
    let ids: Vec<String> = corpus.entries.iter().map(|e| e.id.clone()).collect();
    let added = plan.extend(
        &ids,
        &settings.annotators,
        settings.per_article,
        settings.seed,
    )?;
    if added > 0 {
        plan.save(&root)?;
    }
    if project.assign.as_ref() != Some(&settings) {
        project.assign = Some(settings);
        let path = root.join(project::FILE_NAME);
        crate::store::atomic::write(&path, project.to_ron().as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        serde_json::to_writer(&mut out, &plan.articles)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{} articles planned, {added} assignment(s) added; {} written",
            plan.articles.len(),
            assign::PLAN_FILE
        )?;
        for (who, n) in plan.loads() {
            writeln!(out, "  {:<20} {n:>6} articles", clean(who))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The plan's settings: those recorded in `glose.ron`, with the command line's additions.
fn settings(a: &Args, old: Option<&AssignSettings>) -> anyhow::Result<AssignSettings> {
    let mut annotators: Vec<String> = old.map(|s| s.annotators.clone()).unwrap_or_default();
    for n in &a.annotators {
        let who = Annotator::new(n.trim()).map_err(|e| anyhow::anyhow!("--annotators: {e}"))?;
        if who.is_gold() {
            anyhow::bail!("--annotators: `gold` holds adjudicated labels and takes no assignment");
        }
        if !annotators.iter().any(|x| x == who.as_str()) {
            annotators.push(who.to_string());
        }
    }
    if annotators.is_empty() {
        anyhow::bail!("--annotators is needed for the first plan (e.g. --annotators ana,ben,cleo)");
    }
    let per_article = match (a.per_article, old) {
        (Some(k), _) => k,
        (None, Some(s)) => s.per_article,
        (None, None) => {
            anyhow::bail!("--per-article is needed for the first plan (e.g. --per-article 2)")
        }
    };
    Ok(AssignSettings {
        annotators,
        per_article,
        seed: a.seed.or(old.map(|s| s.seed)).unwrap_or(0),
    })
}
