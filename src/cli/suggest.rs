//! `glose suggest FILE [--json]`: each sentence with its spans, suggested label,
//! confidence and reasons.

use crate::model::document::Document;
use crate::model::sanitize::clean;
use crate::nlp::analysis::Analyzer;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article file.
    pub file: PathBuf,
    /// JSON lines: `start`, `end`, `text`, `label`, `confidence`, `model`, `reasons`,
    /// `spans` (`start`, `end`, `kind`, `rule`; UTF-8 byte offsets into the file).
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let id = a
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let doc =
        Document::load(&a.file, &id).map_err(|e| anyhow::anyhow!("{}: {e}", a.file.display()))?;
    let cfg = crate::config::Config::load()?;
    let root = a.file.parent().map(PathBuf::from).unwrap_or_default();
    let an = Analyzer::for_corpus(&root, &cfg)?;
    let lang = an.lang(&doc);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for i in 0..doc.sentences.len() {
        let s = doc.sentences[i];
        let r = an.sentence(&doc, lang, i);
        let text = doc.sentence_text(i);
        let g = &r.suggestion;
        if a.json {
            let spans: Vec<_> = r
                .spans
                .iter()
                .map(|sp| serde_json::json!({"start": sp.start, "end": sp.end, "kind": sp.kind.name(), "rule": sp.rule, "text": &doc.raw[sp.start..sp.end]}))
                .collect();
            let line = serde_json::json!({
                "start": s.start, "end": s.end, "text": text, "label": g.label.name(),
                "confidence": g.confidence, "model": g.model, "reasons": g.reasons, "spans": spans,
                "lang": lang.code(),
            });
            writeln!(out, "{line}")?;
        } else {
            let one: String = clean(text).replace(['\n', '\r'], " ");
            writeln!(
                out,
                "{} {:.2} {}",
                g.label.letter().to_ascii_lowercase(),
                g.confidence,
                one
            )?;
            for sp in &r.spans {
                let t = clean(&doc.raw[sp.start..sp.end]).replace(['\n', '\r'], " ");
                writeln!(out, "    {:<6} {:<22} {}", sp.kind.name(), sp.rule, t)?;
            }
            writeln!(out, "    why: {}", clean(&g.reasons.join("; ")))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
