//! `glose segment FILE [--json]`.

use crate::model::document;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article file, or `-` for standard input.
    pub file: PathBuf,
    /// JSON lines `{"start":…,"end":…,"text":…}` with UTF-8 byte offsets into the file.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let bytes = if a.file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b)?;
        b
    } else {
        crate::store::whole_file::read_path_meta(&a.file, crate::model::document::MAX_BYTES)
            .map(|(b, _)| b)
            .map_err(|e| anyhow::anyhow!(e.describe(&a.file)))?
    };
    let timing = std::env::var_os("GLOSE_TIMING").is_some_and(|v| v == "1");
    let raw = match document::decode(bytes) {
        Ok(r) => r,
        Err(document::Unreadable::Empty) => String::new(),
        Err(e) => anyhow::bail!("{}: {e}", a.file.display()),
    };
    if timing {
        // What a process does once, not per text (code paged in, the allocator's first
        // pages), is left out of the figure, as the scorer leaves out a first call on
        // segmenters it runs in its own process.
        std::hint::black_box(document::segment_at(WARM_UP, 0));
    }
    let t0 = std::time::Instant::now();
    let body = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let mut sentences = document::segment_at(&raw, body);
    let elapsed = t0.elapsed();
    if a.file.as_os_str() != "-" {
        // The article's own corrections, as every other command sees its units.
        if let Some(c) = crate::model::cuts::read(&a.file)? {
            sentences = crate::model::cuts::apply(&raw, sentences, &c).0;
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for s in &sentences {
        let text = &raw[s.start..s.end];
        if a.json {
            let line = serde_json::json!({"start": s.start, "end": s.end, "text": text});
            writeln!(out, "{line}")?;
        } else {
            // One line each, and nothing a terminal would obey (JSON keeps the exact text).
            writeln!(out, "{}", crate::model::sanitize::clean(text))?;
        }
    }
    out.flush()?;
    if timing {
        eprintln!("elapsed_ns={}", elapsed.as_nanos());
    }
    Ok(ExitCode::SUCCESS)
}

/// A text that takes the segmenter through its main paths: abbreviations, numbers, quotes,
/// a heading, a colon, a list, a hard-wrapped paragraph, English.
const WARM_UP: &str = "Mali : le JNIM frappe\n\nLe 19 août 2025, M. Diallo (porte-parole) a déclaré : « Nous \
tiendrons. » Selon l’AFP, 3,5 millions de personnes… sont touchées ! Qui agira ?\n\
- premier point ;\n- second point.\n\nDr. Smith said the U.S. army left at 5 p.m. on Jan. 3. \
It was over.\nThis line is wrapped in the middle of a sentence that goes\non below it and \
ends here. Voir p. 12 et suiv.\n";

#[cfg(test)]
mod tests {
    #[test]
    fn the_warm_up_text_is_many_sentences_of_several_kinds() {
        let s = crate::model::document::segment_at(super::WARM_UP, 0);
        assert!(s.len() >= 10, "{}", s.len());
        // The wrapped line is joined again, so one sentence holds a line break.
        assert!(
            s.iter()
                .any(|x| super::WARM_UP[x.start..x.end].contains('\n'))
        );
    }
}
