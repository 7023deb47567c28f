//! `glose suggest FILE [--json]`: each sentence with its spans, suggested label,
//! confidence (3 decimals) and reasons — what the reader shows: the mode of the corpus's
//! `glose.ron`, and with `Learned`, the models trained on the corpus's labels without the
//! file's article group. With `GLOSE_TIMING=1`, the time spent reading, segmenting,
//! analysing the text and formatting the output (not loading the lexicons, training or
//! writing the output) goes to stderr as `elapsed_ns=…`, as for `glose segment`.

use crate::model::document::Document;
use crate::model::project::{self, Project, SuggestionMode};
use crate::model::sanitize::clean;
use crate::nlp::analysis::{Analyzer, SentenceAnalysis};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article file.
    pub file: PathBuf,
    /// JSON lines: `start`, `end`, `text`, `label`, `confidence`, `model`, `reasons`,
    /// `spans` (`start`, `end`, `kind`, `rule`; UTF-8 byte offsets into the file).
    /// With `suggestions: Off`, `label`, `confidence` and `model` are null.
    #[arg(long)]
    pub json: bool,
}

/// The corpus the file is in: the nearest folder above it holding a `glose.ron`, else
/// its own folder. A bare file name is in the working folder: `.`, never the empty path,
/// which names no folder to read labels from.
fn corpus_root(file: &Path) -> PathBuf {
    let here = |d: &Path| {
        if d.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            d.to_path_buf()
        }
    };
    let parent = here(file.parent().unwrap_or(Path::new("")));
    parent
        .ancestors()
        .find(|d| d.join(project::FILE_NAME).is_file())
        .map_or(parent.clone(), here)
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let root = corpus_root(&a.file);
    // Under the working folder the path is the id itself (`c/a.txt`, no `./`), as the
    // reader and the trainer name the article: its fold depends on it.
    let under = if root == Path::new(".") {
        Some(a.file.strip_prefix(".").unwrap_or(&a.file))
    } else {
        a.file.strip_prefix(&root).ok()
    };
    let id = under
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .or_else(|| a.file.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let timing = std::env::var_os("GLOSE_TIMING").is_some_and(|v| v == "1");
    let cfg = crate::config::Config::load()?;
    let project = Project::load(&root)?;
    let an = Analyzer::for_corpus(&root, &cfg)?.with_project(&project);
    let mode = match project.suggestions {
        SuggestionMode::Off => "suggestions off".to_string(),
        SuggestionMode::Rules => "rules only".to_string(),
        SuggestionMode::Learned => {
            let learned = crate::nlp::trainer::learn(&root, &an)
                .map_err(|e| anyhow::anyhow!("{}: {e}", root.display()))?;
            let said = learned
                .as_ref()
                .map_or_else(|| "no labels: rules suggest".to_string(), |l| l.describe());
            an.set_learned(learned);
            said
        }
    };
    eprintln!("suggestions ({}): {}", project::FILE_NAME, clean(&mode));
    let t0 = std::time::Instant::now();
    // No fingerprint: nothing is saved.
    let doc = Document::load_unhashed(&a.file, &id)
        .map_err(|e| anyhow::anyhow!("{}: {e}", a.file.display()))?;
    let lang = an.lang(&doc);
    // Sentences are analysed independently (and the same on every thread: see
    // `Model::probs_of_tokens`), so on all cores, and each block of them is printed on
    // the thread that analysed it: only the writing of the finished blocks is serial.
    let blocks: Vec<Vec<u8>> = {
        use rayon::prelude::*;
        let n = doc.sentences.len();
        (0..n.div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| {
                let mut buf = Vec::new();
                for i in b * BLOCK..n.min((b + 1) * BLOCK) {
                    print_one(&mut buf, &doc, lang, i, &an.sentence(&doc, lang, i), a.json)?;
                }
                Ok(buf)
            })
            .collect::<std::io::Result<_>>()?
    };
    let elapsed = t0.elapsed();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for b in &blocks {
        out.write_all(b)?;
    }
    out.flush()?;
    if timing {
        eprintln!("elapsed_ns={}", elapsed.as_nanos());
    }
    Ok(ExitCode::SUCCESS)
}

/// Sentences analysed and printed together on one thread: enough to amortise handing
/// out the work, few enough that both cores stay busy to the end of a file.
const BLOCK: usize = 64;

/// Prints sentence `i` of `doc` with its analysis: one JSON line, or the text form.
fn print_one(
    out: &mut Vec<u8>,
    doc: &Document,
    lang: crate::nlp::lang::Lang,
    i: usize,
    r: &SentenceAnalysis,
    json: bool,
) -> std::io::Result<()> {
    let s = doc.sentences[i];
    let text = doc.sentence_text(i);
    let g = r.suggestion.as_ref();
    if json {
        let line = Line {
            confidence: g.map(|g| three_decimals(g.confidence)),
            end: s.end,
            label: g.map(|g| g.label.name()),
            lang: lang.code(),
            model: g.map(|g| g.model.as_str()),
            reasons: g.map_or(&[][..], |g| &g.reasons[..]),
            spans: r
                .spans
                .iter()
                .map(|sp| SpanOut {
                    end: sp.end,
                    kind: sp.kind.name(),
                    rule: sp.rule,
                    start: sp.start,
                    text: &doc.raw[sp.start..sp.end],
                })
                .collect(),
            start: s.start,
            text,
        };
        serde_json::to_writer(&mut *out, &line)?;
        return writeln!(out);
    }
    let one: String = clean(text).replace(['\n', '\r'], " ");
    match g {
        Some(g) => writeln!(
            out,
            "{} {:.3} {}",
            g.label.letter().to_ascii_lowercase(),
            g.confidence,
            one
        )?,
        None => writeln!(out, "-    {one}")?,
    }
    for sp in &r.spans {
        let t = clean(&doc.raw[sp.start..sp.end]).replace(['\n', '\r'], " ");
        writeln!(out, "    {:<6} {:<22} {}", sp.kind.name(), sp.rule, t)?;
    }
    if let Some(g) = g {
        writeln!(out, "    why: {}", clean(&g.reasons.join("; ")))?;
    }
    Ok(())
}

/// One line of `--json`, written without building a JSON tree: its keys in the sorted
/// order `serde_json::Value` prints them in.
#[derive(serde::Serialize)]
struct Line<'a> {
    confidence: Option<f64>,
    end: usize,
    label: Option<&'static str>,
    lang: &'static str,
    model: Option<&'a str>,
    reasons: &'a [String],
    spans: Vec<SpanOut<'a>>,
    start: usize,
    text: &'a str,
}

/// A span of a [`Line`].
#[derive(serde::Serialize)]
struct SpanOut<'a> {
    end: usize,
    kind: &'static str,
    rule: &'static str,
    start: usize,
    text: &'a str,
}

/// A confidence as printed: 3 decimals, not the noise of an `f32` widened to `f64`.
fn three_decimals(c: f32) -> f64 {
    (f64::from(c) * 1000.0).round() / 1000.0
}
