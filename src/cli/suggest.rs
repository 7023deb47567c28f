//! `glose suggest FILE [--json]`: each sentence with its spans, suggested label,
//! confidence (3 decimals) and reasons — what the reader shows: the mode of the corpus's
//! `glose.ron`, and with `Learned`, the models trained on the corpus's labels without the
//! file's article group. With `GLOSE_TIMING=1`, the time spent reading, segmenting,
//! analysing the text and formatting the output (not loading the lexicons, training or
//! writing the output) goes to stderr as `elapsed_ns=…`, as for `glose segment`.

use crate::config::Config;
use crate::exchange::export::json;
use crate::model::document::Document;
use crate::model::project::{self, Project, SuggestionMode};
use crate::model::sanitize::clean;
use crate::nlp::analysis::{Analyzer, SentenceAnalysis};
use crate::nlp::lang::Lang;
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
    // The article is read and segmented while the lexicons are built and the models
    // trained, each on a core of its own.
    let (prepared, (loaded, load_time)) = rayon::join(
        || prepare(&root, &cfg, &project),
        || {
            let t = std::time::Instant::now();
            // No fingerprint: nothing is saved.
            let doc = Document::load_unhashed(&a.file, &id);
            (doc, t.elapsed())
        },
    );
    let (an, mode) = prepared?;
    eprintln!("suggestions ({}): {}", project::FILE_NAME, clean(&mode));
    let doc = loaded.map_err(|e| anyhow::anyhow!("{}: {e}", a.file.display()))?;
    let t0 = std::time::Instant::now();
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
                let range = b * BLOCK..n.min((b + 1) * BLOCK);
                // A JSON line is about four times its sentence: sized once, not regrown.
                let text: usize = range
                    .clone()
                    .map(|i| doc.sentences[i].end - doc.sentences[i].start)
                    .sum();
                let mut buf = Vec::with_capacity(text * 4 + 256 * range.len());
                for i in range {
                    print_one(&mut buf, &doc, lang, i, &an.sentence(&doc, lang, i), a.json)?;
                }
                Ok(buf)
            })
            .collect::<std::io::Result<_>>()?
    };
    let elapsed = load_time + t0.elapsed();
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

/// The analyser the reader would use for the corpus at `root`, and what it says of its
/// suggestions: the project's mode, and with `Learned`, the models trained on the
/// corpus's labels.
fn prepare(root: &Path, cfg: &Config, project: &Project) -> anyhow::Result<(Analyzer, String)> {
    let an = Analyzer::for_corpus(root, cfg)?.with_project(project);
    let mode = match project.suggestions {
        SuggestionMode::Off => "suggestions off".to_string(),
        SuggestionMode::Rules => "rules only".to_string(),
        SuggestionMode::Learned => {
            let learned = crate::nlp::trainer::learn(root, &an)
                .map_err(|e| anyhow::anyhow!("{}: {e}", root.display()))?;
            let said = learned
                .as_ref()
                .map_or_else(|| "no labels: rules suggest".to_string(), |l| l.describe());
            an.set_learned(learned);
            said
        }
    };
    Ok((an, mode))
}

/// Sentences analysed and printed together on one thread: enough to amortise handing
/// out the work, few enough that both cores stay busy to the end of a file.
const BLOCK: usize = 64;

/// Prints sentence `i` of `doc` with its analysis: one JSON line, or the text form.
fn print_one(
    out: &mut Vec<u8>,
    doc: &Document,
    lang: Lang,
    i: usize,
    r: &SentenceAnalysis,
    json: bool,
) -> std::io::Result<()> {
    let text = doc.sentence_text(i);
    let g = r.suggestion.as_ref();
    if json {
        json_line(out, doc, lang, i, r);
        return Ok(());
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

/// One line of `--json`, written straight into the block's buffer as serde_json would
/// write the struct of its keys in sorted order (`confidence`, `end`, `label`, `lang`,
/// `model`, `reasons`, `spans`, `start`, `text`; a span's `end`, `kind`, `rule`, `start`,
/// `text`): serde_json escaped the text a byte at a time, an eighth of the command's
/// work, where [`json::escaped`] copies the runs between the bytes to escape.
fn json_line(out: &mut Vec<u8>, doc: &Document, lang: Lang, i: usize, r: &SentenceAnalysis) {
    let s = doc.sentences[i];
    let g = r.suggestion.as_ref();
    let opt = |out: &mut Vec<u8>, v: Option<&str>| match v {
        Some(v) => json::string(out, v),
        None => out.extend_from_slice(b"null"),
    };
    out.extend_from_slice(b"{\"confidence\":");
    match g {
        Some(g) => json::float(out, three_decimals(g.confidence)),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"end\":");
    json::uint(out, s.end);
    out.extend_from_slice(b",\"label\":");
    opt(out, g.map(|g| g.label.name()));
    out.extend_from_slice(b",\"lang\":");
    json::string(out, lang.code());
    out.extend_from_slice(b",\"model\":");
    opt(out, g.map(|g| g.model.as_str()));
    out.extend_from_slice(b",\"reasons\":");
    json::strings(out, g.map_or(&[][..], |g| &g.reasons[..]));
    out.extend_from_slice(b",\"spans\":[");
    for (k, sp) in r.spans.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"end\":");
        json::uint(out, sp.end);
        out.extend_from_slice(b",\"kind\":");
        json::string(out, sp.kind.name());
        out.extend_from_slice(b",\"rule\":");
        json::string(out, sp.rule);
        out.extend_from_slice(b",\"start\":");
        json::uint(out, sp.start);
        out.extend_from_slice(b",\"text\":");
        json::string(out, &doc.raw[sp.start..sp.end]);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"start\":");
    json::uint(out, s.start);
    out.extend_from_slice(b",\"text\":");
    json::string(out, doc.sentence_text(i));
    out.extend_from_slice(b"}\n");
}

/// A confidence as printed: 3 decimals, not the noise of an `f32` widened to `f64`.
fn three_decimals(c: f32) -> f64 {
    (f64::from(c) * 1000.0).round() / 1000.0
}
