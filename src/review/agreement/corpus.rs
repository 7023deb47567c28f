//! The agreement report of a whole corpus, reading and aligning its articles on several
//! threads: what `glose agree` prints and the stats screen shows.

use super::codes::{self, ArticleCodes};
use super::{Builder, Options, Report};
use crate::model::align::Aligned;
use crate::model::annotator::Annotator;
use crate::model::corpus::{Corpus, Entry};
use crate::model::document::Document;
use crate::review::pace::{Clock, Pace};
use std::path::Path;

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
/// many there are. With a `cache` folder, articles whose files did not change since the
/// last run are not read and aligned again.
pub fn corpus_report(corpus: &Corpus, opts: &Options, cache: Option<&Path>) -> CorpusReport {
    let mut columns = opts.annotators.clone();
    if opts.against_gold && !columns.iter().any(Annotator::is_gold) {
        columns.push(Annotator::gold());
    }
    let cache = cache.map(|d| codes::Cache::open(d, &corpus.root));
    let parts = in_parallel(&corpus.entries, |chunk| {
        part(chunk, &columns, opts, cache.as_ref())
    });
    std::thread::scope(|s| {
        // Written beside the merge rather than before it: a cache of a large corpus is
        // tens of megabytes.
        if let Some(c) = cache {
            s.spawn(move || c.save(&corpus.entries));
        }
        let mut builder = Builder::new(opts.clone());
        let mut clocks = vec![Clock::default(); opts.annotators.len()];
        let mut warnings = Vec::new();
        for (i, c) in clocks.iter_mut().enumerate() {
            c.reserve(parts.iter().map(|p| p.clocks[i].len()).sum());
        }
        for p in parts {
            builder.merge(p.builder);
            for (c, other) in clocks.iter_mut().zip(p.clocks) {
                c.merge(other);
            }
            warnings.extend(p.warnings);
        }
        CorpusReport {
            report: builder.finish(),
            paces: paces(clocks),
            warnings,
        }
    })
}

/// Runs `f` on consecutive shares of `entries` on [`crate::store::pool::readers`]
/// threads; results in order. Shares are small (sixteen per thread), so a thread slowed
/// by the disk or another process does not leave the others idle at the end.
pub(crate) fn in_parallel<T: Send>(entries: &[Entry], f: impl Fn(&[Entry]) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    // Many reads in flight for a cold disk; the kernel still runs one thread per core.
    let threads = crate::store::pool::readers();
    let per = entries.len().div_ceil(threads * 16).max(1);
    crate::store::pool::with_threads(threads, || {
        entries.par_chunks(per).with_max_len(1).map(&f).collect()
    })
}

/// The pace of each clock, one task each: each sorts every label time of an annotator.
fn paces(clocks: Vec<Clock>) -> Vec<Pace> {
    use rayon::prelude::*;
    clocks.into_par_iter().map(|c| c.pace()).collect()
}

/// One thread's share of the corpus.
struct Part {
    builder: Builder,
    clocks: Vec<Clock>,
    warnings: Vec<String>,
}

fn part(
    entries: &[Entry],
    columns: &[Annotator],
    opts: &Options,
    cache: Option<&codes::Cache>,
) -> Part {
    let mut out = Part {
        builder: Builder::new(opts.clone()),
        clocks: vec![Clock::default(); opts.annotators.len()],
        warnings: Vec::new(),
    };
    for entry in entries {
        if !columns.iter().any(|c| entry.annotators.contains(c)) {
            continue;
        }
        with_codes(entry, cache, &mut out.warnings, |art| {
            for (i, who) in opts.annotators.iter().enumerate() {
                if let Some(c) = art.column(who.as_str()) {
                    for &t in &art.times[c] {
                        out.clocks[i].add_millis(t);
                    }
                }
            }
            out.builder.add_codes(art);
        });
    }
    out
}

/// Hands `f` the codes of every annotator of an article (the same units whoever is
/// compared), from the cache when its files did not change; codes computed afresh then go
/// to the cache, moved rather than copied.
pub(crate) fn with_codes<R>(
    entry: &Entry,
    cache: Option<&codes::Cache>,
    warnings: &mut Vec<String>,
    f: impl FnOnce(&ArticleCodes) -> R,
) -> Option<R> {
    // Looked up by path only when the cache holds the article: on a cold cache, the key
    // comes from the files as they are read.
    let mut key = cache
        .filter(|c| c.has(entry))
        .and_then(|_| codes::key_of(entry));
    if let (Some(c), Some(k)) = (cache, &key)
        && let Some(hit) = c.get(entry, k)
    {
        return Some(f(hit));
    }
    let (doc, meta) = match Document::load_unhashed_meta(&entry.path, &entry.id) {
        Ok(read) => read,
        Err(why) => {
            warnings.push(format!("{}: skipped, {why}", entry.path.display()));
            return None;
        }
    };
    // Sidecars sitting exactly on the sentences need no alignment (the common case).
    let mut metas = Vec::new();
    let (out, clean) = match ArticleCodes::exact_meta(&doc, &entry.annotators, &mut metas) {
        Some(out) => {
            if cache.is_some() && key.is_none() {
                key = codes::key_from(entry, &meta, &metas);
            }
            (out, true)
        }
        None => {
            // The sidecars' stamps are taken before they are read again, so a sidecar
            // replaced meanwhile leaves a key that no longer matches, never a stale entry.
            if cache.is_some() && key.is_none() {
                key = codes::key_from(entry, &meta, &codes::sidecar_metas(entry));
            }
            let art = Aligned::read(doc, &entry.annotators);
            // Not cached when a sidecar has an error, so the warning comes back until
            // it is fixed.
            warnings.extend(art.errors.iter().cloned());
            (ArticleCodes::of(&art), art.errors.is_empty())
        }
    };
    let r = f(&out);
    if let (Some(c), Some(k), true) = (cache, key, clean) {
        c.put(k, out);
    }
    Some(r)
}
