//! `glose eval`: scores suggestions and highlights against a reference, cut exactly as the
//! reference cuts sentences (so segmentation errors do not mix in).

use crate::model::corpus::Corpus;
use crate::model::label::Label;
use crate::model::matrix::LabelMatrix;
use crate::nlp::analysis::Analyzer;
use crate::nlp::highlight::Kind;
use crate::nlp::suggest::folds::{self, Comparison, Learned};
use crate::nlp::suggest::metrics::{Calibration, LabelScores, SpanScores};
use crate::nlp::suggest::{self, Evidence};
use crate::nlp::trainer;
use anyhow::bail;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Reference file, one JSON object per sentence (`article`, `start`, `end`, `label`,
    /// `sources`, `claims`). Without it, the corpus's `gold` sidecars are the reference.
    #[arg(long, value_name = "GOLD.jsonl")]
    pub gold: Option<PathBuf>,
    /// Folder holding the articles (default: the current folder).
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Measure the learned model by article-grouped K-fold cross-validation.
    #[arg(long, value_name = "K")]
    pub cross_validate: Option<usize>,
    /// One JSON object: n, accuracy, macro_f1, per_label, confusion, spans, calibration.
    #[arg(long)]
    pub json: bool,
    /// Also list every unit whose suggestion differs from the reference, with its reasons
    /// (text output only).
    #[arg(long)]
    pub errors: bool,
}

/// One reference unit.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldUnit {
    pub article: String,
    pub start: usize,
    pub end: usize,
    #[serde(deserialize_with = "label_name")]
    pub label: Label,
    #[serde(default)]
    pub sources: Option<Vec<(usize, usize)>>,
    #[serde(default)]
    pub claims: Option<Vec<(usize, usize)>>,
    #[serde(default)]
    pub text: Option<String>,
}

fn label_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
    let s = String::deserialize(d)?;
    s.parse().map_err(serde::de::Error::custom)
}

/// Reads a reference file; errors name the file and line.
pub fn read_gold(path: &Path) -> anyhow::Result<Vec<GoldUnit>> {
    let text = crate::store::whole_file::read_string(path, crate::cli::import::MAX_BYTES)
        .map_err(|e| anyhow::anyhow!(e.describe(path)))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let u: GoldUnit = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), n + 1))?;
        out.push(u);
    }
    Ok(out)
}

/// Reference units from the corpus's `gold` sidecars (labels only, no spans).
fn gold_from_sidecars(root: &Path) -> anyhow::Result<Vec<GoldUnit>> {
    let corpus = Corpus::scan(root)?;
    let mut out = Vec::new();
    for e in corpus
        .entries
        .iter()
        .filter(|e| e.annotators.iter().any(|a| a.as_str() == "gold"))
    {
        let m =
            LabelMatrix::load(e).map_err(|err| anyhow::anyhow!("{}: {err}", e.path.display()))?;
        let Some(c) = m.column("gold") else { continue };
        for row in &m.rows {
            if let Some(r) = &row[c] {
                out.push(GoldUnit {
                    article: e.id.clone(),
                    start: r.start,
                    end: r.end,
                    label: r.label,
                    sources: None,
                    claims: None,
                    text: None,
                });
            }
        }
    }
    if out.is_empty() {
        bail!(
            "{}: no gold sidecars found (pass --gold FILE)",
            root.display()
        );
    }
    Ok(out)
}

/// How `--cross-validate` grouped the articles, and the learned model's held-out scores.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    pub groups: usize,
    /// Groups whose suggestions came from the model (it beat the rules without them).
    pub using_model: usize,
    /// Each group's model alone, and the rules, scored on the group's own articles.
    pub held_out: Comparison,
    /// The L2 decay nested validation chose for each group's model.
    pub l2: Vec<f32>,
}

/// Everything `glose eval` measures.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub labels: LabelScores,
    pub source: SpanScores,
    pub claim: SpanScores,
    pub calibration: Calibration,
    pub model: String,
    /// With `--cross-validate`: how the articles were grouped and how the model did.
    pub grouping: Option<Grouping>,
    /// Units suggested wrong: article, gold, suggested, confidence, text, reasons.
    pub errors: Vec<(String, Label, Label, f32, String, String)>,
}

impl Report {
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = self.labels.to_json();
        v["spans"] =
            serde_json::json!({"source": self.source.to_json(), "claim": self.claim.to_json()});
        v["calibration"] = self.calibration.to_json();
        v["ece"] = self.calibration.ece().into();
        v["model"] = self.model.clone().into();
        if let Some(g) = &self.grouping {
            v["grouping"] = serde_json::json!({
                "by": "fnv1a-article-id", "groups": g.groups,
                "groups_using_model": g.using_model,
                "model_alone_macro_f1": g.held_out.model.macro_f1(),
                "rules_macro_f1": g.held_out.rules.macro_f1(),
                "l2_by_group": g.l2,
            });
        }
        v
    }
}

fn load_articles(root: &Path, units: &[GoldUnit]) -> anyhow::Result<BTreeMap<String, String>> {
    let mut texts = BTreeMap::new();
    for u in units {
        if texts.contains_key(&u.article) {
            continue;
        }
        let p = root.join(&u.article);
        let t = crate::store::whole_file::read_string(&p, crate::model::document::MAX_BYTES)
            .map_err(|e| anyhow::anyhow!("{} (an article of the reference)", e.describe(&p)))?;
        texts.insert(u.article.clone(), t);
    }
    for u in units {
        let t = &texts[&u.article];
        let ok = u.start <= u.end && t.get(u.start..u.end).is_some();
        let same = ok && u.text.as_deref().is_none_or(|x| &t[u.start..u.end] == x);
        if !same {
            bail!(
                "{}: bytes {}..{} do not match the reference (edited article?)",
                u.article,
                u.start,
                u.end
            );
        }
    }
    Ok(texts)
}

/// A reference unit with the rules' evidence, computed once.
struct Prepared<'a> {
    unit: &'a GoldUnit,
    text: &'a str,
    spans: Vec<crate::nlp::highlight::Span>,
    skip: Option<&'static str>,
    cont: bool,
}

impl Prepared<'_> {
    fn evidence(&self) -> Evidence<'_> {
        Evidence {
            text: self.text,
            spans: &self.spans,
            skip: self.skip,
            continues_attribution: self.cont,
        }
    }
}

/// The reader's learned models trained on the reference's labels, articles grouped by
/// [`folds::group_of`] among `k` groups: the examples are made as the trainer makes them
/// (in corpus order: by article id, then position) and trained by the same code.
fn learn(an: &Analyzer, prepared: &[Prepared], k: usize) -> Option<Learned> {
    let mut order: Vec<&Prepared> = prepared.iter().collect();
    order.sort_by(|a, b| {
        (a.unit.article.as_str(), a.unit.start).cmp(&(b.unit.article.as_str(), b.unit.start))
    });
    let mut all = Vec::with_capacity(order.len());
    for p in order {
        let u = p.unit;
        let lang = an.lang_of(p.text);
        let group = folds::group_of(&u.article, k);
        trainer::push_labeled(
            &mut all,
            an,
            (p.text, lang, u.start, u.end),
            group,
            &[u.label],
        );
    }
    Learned::train_groups(&all, k, &|| false)
}

/// Scores the analyzer on the units. With `folds` = K, the reader's learned models are
/// trained on the reference's labels with the articles in K hash groups (see [`learn`])
/// and each unit gets what the reader would suggest on it.
pub fn evaluate(
    an: &Analyzer,
    root: &Path,
    units: &[GoldUnit],
    folds: Option<usize>,
) -> anyhow::Result<Report> {
    let texts = load_articles(root, units)?;
    let mut r = Report {
        model: an.model_name(),
        ..Report::default()
    };
    let articles = texts.len();
    // Rules' evidence for every unit, computed once.
    let mut prepared = Vec::new();
    for u in units {
        let text = &texts[&u.article];
        let lang = an.lang_of(text);
        let (spans, skip, cont) = an.evidence(text, lang, u.start, u.end);
        prepared.push(Prepared {
            unit: u,
            text: text.as_str(),
            spans,
            skip,
            cont,
        });
    }
    let learned = match folds {
        Some(k) => {
            if k < 2 || k > articles {
                bail!("--cross-validate needs 2 ≤ K ≤ {articles} (the number of articles)");
            }
            let Some(l) = learn(an, &prepared, k) else {
                bail!("training the learned model stopped before the end");
            };
            r.model = format!(
                "learned, as the reader trains it: {k} article groups by FNV-1a hash of the \
                 article id, each group suggested on by models trained without it; {}",
                l.describe()
            );
            r.grouping = Some(Grouping {
                groups: k,
                using_model: l.groups_using_model(),
                held_out: l.held_out.clone(),
                l2: l.l2_by_group(),
            });
            Some(l)
        }
        None => None,
    };
    for p in &prepared {
        let (ev, u) = (p.evidence(), p.unit);
        let rules = suggest::rules(&ev);
        let s = match &learned {
            Some(l) => l.suggest(&u.article, rules, |m, r| {
                m.refine(&ev, p.text, u.start, u.end, None, r)
            }),
            None => an
                .span(p.text, an.lang_of(p.text), u.start, u.end)
                .suggestion
                .unwrap_or(rules),
        };
        r.labels.add(u.label, s.label);
        r.calibration.add(s.confidence, s.label == u.label);
        if s.label != u.label {
            let t = p.text[u.start..u.end].replace('\n', " ");
            let why = s.reasons.join("; ");
            r.errors
                .push((u.article.clone(), u.label, s.label, s.confidence, t, why));
        }
        let of = |k: Kind| -> Vec<(usize, usize)> {
            p.spans
                .iter()
                .filter(|s| s.kind == k)
                .map(|s| (s.start, s.end))
                .collect()
        };
        if let Some(g) = &u.sources {
            r.source.add(p.text, g, &of(Kind::Source));
        }
        if let Some(g) = &u.claims {
            r.claim.add(p.text, g, &of(Kind::Claim));
        }
    }
    Ok(r)
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = a.corpus.clone().unwrap_or_else(|| PathBuf::from("."));
    let units = match &a.gold {
        Some(g) => read_gold(g)?,
        None => gold_from_sidecars(&root)?,
    };
    let cfg = crate::config::Config::load()?;
    let an = Analyzer::for_corpus(&root, &cfg)?;
    let r = evaluate(&an, &root, &units, a.cross_validate)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        writeln!(out, "{}", r.to_json())?;
    } else {
        print_text(&mut out, &r)?;
        if a.errors {
            writeln!(out, "\nerrors (gold → suggested)")?;
            for (art, g, p, c, t, why) in &r.errors {
                let t = crate::model::sanitize::clean(t);
                let why = crate::model::sanitize::clean(why);
                writeln!(
                    out,
                    "{art} {} → {} {c:.3} {t}\n    why: {why}",
                    g.name(),
                    p.name()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_text(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    let l = &r.labels;
    writeln!(out, "model: {}", r.model)?;
    if let Some(g) = &r.grouping {
        writeln!(
            out,
            "grouping: articles by FNV-1a hash of their id into {} groups (as the reader); \
             model alone {:.3} vs rules {:.3} macro-F1 on held-out groups; model used on {} of {}; \
             L2 by group (nested validation) {:?}",
            g.groups,
            g.held_out.model.macro_f1(),
            g.held_out.rules.macro_f1(),
            g.using_model,
            g.groups,
            g.l2
        )?;
    }
    let over: Vec<&str> = l.supported().iter().map(|x| x.name()).collect();
    writeln!(
        out,
        "sentences: {}  accuracy: {:.3}  macro-F1: {:.3} (mean over the labels in the reference: {})",
        l.n(),
        l.accuracy(),
        l.macro_f1(),
        over.join(", ")
    )?;
    writeln!(
        out,
        "\n{:<10} {:>9} {:>7} {:>7} {:>8}",
        "label", "precision", "recall", "F1", "support"
    )?;
    for lab in Label::ALL {
        let p = l.label(lab);
        writeln!(
            out,
            "{:<10} {:>9.3} {:>7.3} {:>7.3} {:>8}",
            lab.name(),
            p.precision,
            p.recall,
            p.f1,
            p.support
        )?;
    }
    writeln!(out, "\nconfusion (rows gold, columns suggested)")?;
    writeln!(
        out,
        "{:<10} {:>8} {:>8} {:>8} {:>8}",
        "", "factual", "quote", "opinion", "skip"
    )?;
    for g in Label::ALL {
        let c = l.confusion[g.index()];
        writeln!(
            out,
            "{:<10} {:>8} {:>8} {:>8} {:>8}",
            g.name(),
            c[0],
            c[1],
            c[2],
            c[3]
        )?;
    }
    for (name, s) in [("source", &r.source), ("claim", &r.claim)] {
        if s.at30.gold + s.at30.predicted == 0 {
            continue;
        }
        writeln!(
            out,
            "\n{name} spans: ≥30% P {:.3} R {:.3} F1 {:.3} | ≥80% P {:.3} R {:.3} F1 {:.3} ({} gold, {} found)",
            s.at30.precision(),
            s.at30.recall(),
            s.at30.f1(),
            s.at80.precision(),
            s.at80.recall(),
            s.at80.f1(),
            s.at30.gold,
            s.at30.predicted
        )?;
    }
    let c = &r.calibration;
    writeln!(
        out,
        "\ncalibration: expected calibration error {:.3}",
        c.ece()
    )?;
    writeln!(
        out,
        "{:<12} {:>6} {:>10} {:>9}",
        "confidence", "n", "mean conf", "accuracy"
    )?;
    for (lo, hi, n, conf, acc) in c.rows() {
        writeln!(
            out,
            "{:<12} {n:>6} {conf:>10.3} {acc:>9.3}",
            format!("{lo:.1}–{hi:.1}")
        )?;
    }
    Ok(())
}
