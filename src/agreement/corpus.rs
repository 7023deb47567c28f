//! The agreement report of a whole corpus, reading and aligning its articles on several
//! threads: what `glose agree` prints and the stats screen shows.

use super::{Builder, Options, Report};
use crate::align::Aligned;
use crate::annotator::Annotator;
use crate::corpus::{Corpus, Entry};
use crate::pace::{Clock, Pace};

/// Agreement, pace and what could not be read.
#[derive(Debug, Clone)]
pub struct CorpusReport {
    pub report: Report,
    /// One per annotator of `report.annotators`.
    pub paces: Vec<Pace>,
    /// Articles or sidecars that could not be read, naming the file.
    pub warnings: Vec<String>,
}

/// Reads every article with a sidecar of the compared annotators (or gold, if asked) and
/// computes the figures. Threads share the articles; the result does not depend on how
/// many there are.
pub fn corpus_report(corpus: &Corpus, opts: &Options) -> CorpusReport {
    let mut columns = opts.annotators.clone();
    if opts.against_gold && !columns.iter().any(Annotator::is_gold) {
        columns.push(Annotator::gold());
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let per = corpus.entries.len().div_ceil(threads).max(1);
    let parts: Vec<Part> = std::thread::scope(|s| {
        let handles: Vec<_> = corpus
            .entries
            .chunks(per)
            .map(|chunk| s.spawn(|| part(chunk, &columns, opts)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut builder = Builder::new(opts.clone());
    let mut clocks = vec![Clock::default(); opts.annotators.len()];
    let mut warnings = Vec::new();
    for p in parts {
        builder.merge(p.builder);
        for (c, other) in clocks.iter_mut().zip(p.clocks) {
            c.merge(other);
        }
        warnings.extend(p.warnings);
    }
    CorpusReport {
        report: builder.finish(),
        paces: clocks.into_iter().map(Clock::pace).collect(),
        warnings,
    }
}

/// One thread's share of the corpus.
struct Part {
    builder: Builder,
    clocks: Vec<Clock>,
    warnings: Vec<String>,
}

fn part(entries: &[Entry], columns: &[Annotator], opts: &Options) -> Part {
    let mut out = Part {
        builder: Builder::new(opts.clone()),
        clocks: vec![Clock::default(); opts.annotators.len()],
        warnings: Vec::new(),
    };
    for entry in entries {
        let here: Vec<Annotator> = columns
            .iter()
            .filter(|c| entry.annotators.contains(c))
            .cloned()
            .collect();
        if here.is_empty() {
            continue;
        }
        let art = match Aligned::load(entry, &here) {
            Ok(art) => art,
            Err(why) => {
                out.warnings
                    .push(format!("{}: skipped, {why}", entry.path.display()));
                continue;
            }
        };
        out.warnings.extend(art.errors.iter().cloned());
        for (i, who) in opts.annotators.iter().enumerate() {
            if let Some(c) = art.column(who.as_str()) {
                let labels = art.cells.iter().filter_map(|row| row[c].as_ref());
                for r in labels.chain(&art.unmatched[c]) {
                    out.clocks[i].add(&r.at);
                }
            }
        }
        out.builder.add(&art);
    }
    out
}
