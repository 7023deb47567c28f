//! `glose segment FILE [--json]`.

use crate::document;
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
        std::fs::read(&a.file).map_err(|e| anyhow::anyhow!("{}: {e}", a.file.display()))?
    };
    let timing = std::env::var_os("GLOSE_TIMING").is_some_and(|v| v == "1");
    let raw = match document::decode(bytes) {
        Ok(r) => r,
        Err(document::Unreadable::Empty) => String::new(),
        Err(e) => anyhow::bail!("{}: {e}", a.file.display()),
    };
    let t0 = std::time::Instant::now();
    let body = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let sentences = document::segment_at(&raw, body);
    let elapsed = t0.elapsed();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for s in &sentences {
        let text = &raw[s.start..s.end];
        if a.json {
            let line = serde_json::json!({"start": s.start, "end": s.end, "text": text});
            writeln!(out, "{line}")?;
        } else {
            let one_line: String = text
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            writeln!(out, "{one_line}")?;
        }
    }
    out.flush()?;
    if timing {
        eprintln!("elapsed_ns={}", elapsed.as_nanos());
    }
    Ok(ExitCode::SUCCESS)
}
