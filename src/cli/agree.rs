//! `glose agree [CORPUS] [--annotators a,b] [--exclude skip] [--against-gold] [--json]`.

use crate::model::annotator::Annotator;
use crate::model::corpus::Corpus;
use crate::model::label::Label;
use crate::model::sanitize::clean;
use crate::review::agreement::{CorpusReport, Options, PairReport, Report, corpus_report};
use crate::review::pace::Pace;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// Annotators to compare, comma-separated (default: all but gold).
    #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
    pub annotators: Vec<String>,
    /// Leave out sentences that any of them labeled so (e.g. `skip`).
    #[arg(long, value_delimiter = ',', value_name = "LABEL")]
    pub exclude: Vec<String>,
    /// Also compare each annotator with the adjudicated `gold` labels.
    #[arg(long)]
    pub against_gold: bool,
    /// One JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = a.corpus.clone().unwrap_or_else(|| PathBuf::from("."));
    let corpus = Corpus::scan(&root)?;
    let opts = options(&a, &corpus)?;
    let CorpusReport {
        report,
        paces,
        warnings,
    } = corpus_report(
        &corpus,
        &opts,
        crate::config::cache_dir()
            .map(|d| d.join("agree"))
            .as_deref(),
    );
    for w in &warnings {
        eprintln!("glose: warning: {}", clean(w));
    }
    super::team::warn_driver(&root);
    // The corpus index (sentences per article) is only needed against a plan.
    let plan = if root.join(crate::model::assign::PLAN_FILE).exists() {
        let cache = crate::config::cache_dir();
        let index = crate::model::index::Index::build(&corpus, cache.as_deref(), &|_, _| {});
        super::team::progress(&root, &index.articles)?
    } else {
        None
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        let mut doc = serde_json::to_value(&report)?;
        if let (Some(p), Some(obj)) = (&plan, doc.as_object_mut()) {
            obj.insert("assignment".into(), super::team::to_json(p));
        }
        serde_json::to_writer(&mut out, &doc)?;
        writeln!(out)?;
    } else {
        print_tables(&mut out, &report, &paces)?;
        if let Some(p) = &plan {
            super::team::print(&mut out, p)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Checks the names and labels given on the command line against the corpus.
fn options(a: &Args, corpus: &Corpus) -> anyhow::Result<Options> {
    let known = corpus.annotators();
    let names = |v: &[Annotator]| {
        v.iter()
            .map(Annotator::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let annotators = if a.annotators.is_empty() {
        known.iter().filter(|x| !x.is_gold()).cloned().collect()
    } else {
        let mut v: Vec<Annotator> = Vec::new();
        for n in &a.annotators {
            let who = Annotator::new(n.trim()).map_err(|e| anyhow::anyhow!("--annotators: {e}"))?;
            if !known.contains(&who) {
                anyhow::bail!(
                    "--annotators: `{who}` has no sidecar in {} (annotators there: {})",
                    corpus.root.display(),
                    names(&known)
                );
            }
            if !v.contains(&who) {
                v.push(who);
            }
        }
        v
    };
    let exclude = a
        .exclude
        .iter()
        .map(|s| {
            s.parse::<Label>()
                .map_err(|e| anyhow::anyhow!("--exclude: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if a.against_gold && !known.iter().any(Annotator::is_gold) {
        anyhow::bail!(
            "--against-gold: {} has no gold labels yet (no `.gold.ron` sidecar)",
            corpus.root.display()
        );
    }
    let gold = a.against_gold && !annotators.iter().any(Annotator::is_gold);
    if annotators.len() + usize::from(gold) < 2 {
        anyhow::bail!(
            "agreement needs two annotators or more; {} has: {}",
            corpus.root.display(),
            if known.is_empty() {
                "none".to_string()
            } else {
                names(&known)
            }
        );
    }
    Ok(Options {
        annotators,
        exclude,
        against_gold: a.against_gold,
    })
}

fn fig(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"))
}

fn print_tables(out: &mut impl Write, r: &Report, paces: &[Pace]) -> std::io::Result<()> {
    writeln!(
        out,
        "annotators          {}",
        clean(&r.annotators.join(", "))
    )?;
    writeln!(out, "items               {}", r.items)?;
    writeln!(out, "unmatched labels    {}", r.unmatched)?;
    writeln!(out, "observed agreement  {}", fig(r.observed_agreement))?;
    writeln!(out, "Fleiss' kappa       {}", fig(r.fleiss_kappa))?;
    writeln!(out, "Krippendorff alpha  {}", fig(r.krippendorff_alpha))?;
    writeln!(
        out,
        "\n{:<16} {:<16} {:>7} {:>9} {:>8}",
        "a", "b", "n", "observed", "kappa"
    )?;
    for p in &r.pairs {
        writeln!(
            out,
            "{:<16} {:<16} {:>7} {:>9} {:>8}",
            clean(&p.a),
            clean(&p.b),
            p.n,
            fig(p.observed),
            fig(p.cohen_kappa)
        )?;
    }
    for p in &r.pairs {
        print_confusion(out, p)?;
    }
    let labels: Vec<Label> = Label::ALL
        .into_iter()
        .filter(|l| r.label_counts.values().any(|m| m.contains_key(l.name())))
        .collect();
    write!(out, "\n{:<16}", "labels")?;
    for l in &labels {
        write!(out, " {:>8}", l.name())?;
    }
    writeln!(out, " {:>10} {:>11}", "per hour", "median s")?;
    for (who, counts) in &r.label_counts {
        write!(out, "{:<16}", clean(who))?;
        for l in &labels {
            write!(out, " {:>8}", counts.get(l.name()).copied().unwrap_or(0))?;
        }
        let pace = r.annotators.iter().position(|a| a == who).map(|i| paces[i]);
        let rate = pace.and_then(|p| p.labels_per_hour);
        let med = pace.and_then(|p| p.median_secs);
        writeln!(
            out,
            " {:>10} {:>11}",
            rate.map_or("—".into(), |v| format!("{v:.0}")),
            med.map_or("—".into(), |v| format!("{v:.1}"))
        )?;
    }
    writeln!(
        out,
        "\n{:<40} {:>6} {:>9} {:>8} {:>9}  annotators",
        "article", "items", "observed", "alpha", "unmatched"
    )?;
    for (id, f) in &r.per_article {
        writeln!(
            out,
            "{:<40} {:>6} {:>9} {:>8} {:>9}  {}",
            clean(id),
            f.items,
            fig(f.observed_agreement),
            fig(f.krippendorff_alpha),
            f.unmatched,
            clean(&f.annotators.join(", "))
        )?;
    }
    Ok(())
}

fn print_confusion(out: &mut impl Write, p: &PairReport) -> std::io::Result<()> {
    let short: BTreeMap<usize, &str> = Label::ALL.iter().map(|l| (l.index(), l.name())).collect();
    writeln!(
        out,
        "\nconfusion: rows {}, columns {}",
        clean(&p.a),
        clean(&p.b)
    )?;
    write!(out, "{:<10}", "")?;
    for name in short.values() {
        write!(out, " {name:>8}")?;
    }
    writeln!(out)?;
    for (i, name) in &short {
        write!(out, "{name:<10}")?;
        for n in p.confusion.cells[*i] {
            write!(out, " {n:>8}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}
