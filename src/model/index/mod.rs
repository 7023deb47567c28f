//! What the library view and `glose status` show per article: title, sentence count and
//! how many sentences each annotator labeled. Built in parallel and cached on disk (keyed by
//! path, size and mtime of the article and its sidecars) so a large corpus opens fast the
//! second time.

use crate::model::annotations::{Annotations, Exact};
use crate::model::corpus::{self, Corpus, Entry};
use crate::model::document::Document;
use crate::model::sidecar::DocStatus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

mod background;
mod cache;
pub use background::{Indexer, News};
pub use cache::cache_file;

/// One article's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub id: String,
    pub title: String,
    pub sentences: usize,
    /// Annotator name → labeled sentences (attached ones; orphans are not counted).
    pub labeled: BTreeMap<String, usize>,
    /// Why the file cannot be annotated, if it cannot.
    pub unreadable: Option<String>,
    /// Sidecars that do not parse, with the error.
    pub sidecar_errors: Vec<String>,
    /// Annotator name → done or flagged for review (annotators with neither are absent).
    #[serde(default)]
    pub status: BTreeMap<String, DocStatus>,
    /// What the summary was computed from; a different stamp means recompute.
    stamp: Stamp,
}

/// Size and mtime of the article and of each of its sidecars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
struct Stamp {
    size: u64,
    mtime_ns: u128,
    sidecars: Vec<(String, u64, u128)>,
}

fn mtime_ns(t: Option<SystemTime>) -> u128 {
    t.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Stats the article and its sidecars (the walk does not: only what is summarised needs it).
fn stamp_of(entry: &Entry) -> Stamp {
    let stat = |p: &Path| {
        let m = std::fs::metadata(p).ok();
        (
            m.as_ref().map_or(0, |m| m.len()),
            mtime_ns(m.and_then(|m| m.modified().ok())),
        )
    };
    let mut sidecars: Vec<_> = entry
        .annotators
        .iter()
        .map(|a| {
            let (size, mtime) = stat(&corpus::sidecar_path(&entry.path, a));
            (a.to_string(), size, mtime)
        })
        .collect();
    if entry.cuts {
        // The units depend on the corrections file too (no annotator has its name).
        let (size, mtime) = stat(&crate::model::cuts::path_of(&entry.path));
        sidecars.push((crate::model::cuts::NAME.to_string(), size, mtime));
    }
    let (size, mtime_ns) = stat(&entry.path);
    Stamp {
        size,
        mtime_ns,
        sidecars,
    }
}

/// The cached summary if it was made from the files as they are now, else a fresh one;
/// `true` when it had to be read.
fn summarise(entry: &Entry, cached: Option<ArticleInfo>) -> (ArticleInfo, bool) {
    let stamp = stamp_of(entry);
    match cached {
        Some(a) if a.stamp == stamp && a.id == entry.id => (a, false),
        _ => (ArticleInfo::read_stamped(entry, stamp), true),
    }
}

impl ArticleInfo {
    /// Reads the article and its sidecars. Never fails: problems are recorded in the info.
    pub fn read(entry: &Entry) -> ArticleInfo {
        ArticleInfo::read_stamped(entry, stamp_of(entry))
    }

    fn read_stamped(entry: &Entry, stamp: Stamp) -> ArticleInfo {
        let mut info = ArticleInfo {
            id: entry.id.clone(),
            title: String::new(),
            sentences: 0,
            labeled: BTreeMap::new(),
            unreadable: None,
            sidecar_errors: Vec::new(),
            status: BTreeMap::new(),
            stamp,
        };
        match Document::load_unhashed(&entry.path, &entry.id) {
            Ok(doc) => {
                info.title = doc.title.clone();
                info.sentences = doc.sentences.len();
                let exact = Exact::new(&doc);
                for who in &entry.annotators {
                    // Counted in place when the labels sit exactly on sentences.
                    let mut n = 0;
                    if let Some((_, status)) = exact.read_status(who, |_, _, _| n += 1) {
                        info.labeled.insert(who.to_string(), n);
                        if let Some(s) = status {
                            info.status.insert(who.to_string(), s);
                        }
                        continue;
                    }
                    match Annotations::load(&doc, who) {
                        Ok(a) => {
                            info.labeled.insert(who.to_string(), a.count());
                            if let Some(s) = a.status {
                                info.status.insert(who.to_string(), s);
                            }
                        }
                        Err(e) => info.sidecar_errors.push(e.to_string()),
                    }
                }
            }
            Err(why) => {
                let name = entry
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                info.title = crate::model::sanitize::clean(&name).into_owned();
                info.unreadable = Some(why.to_string());
            }
        }
        info
    }

    /// What the library shows for an article not summarised yet: its id, no counts.
    pub fn placeholder(entry: &Entry) -> ArticleInfo {
        ArticleInfo {
            id: entry.id.clone(),
            title: crate::model::sanitize::clean(&entry.id).into_owned(),
            sentences: 0,
            labeled: BTreeMap::new(),
            unreadable: None,
            sidecar_errors: Vec::new(),
            status: BTreeMap::new(),
            stamp: Stamp::default(),
        }
    }

    /// Labeled sentences for `annotator`.
    pub fn labeled_by(&self, annotator: &str) -> usize {
        self.labeled.get(annotator).copied().unwrap_or(0)
    }
}

/// Summaries of every article of a corpus, in corpus order.
#[derive(Debug, Clone)]
pub struct Index {
    pub articles: Vec<ArticleInfo>,
    /// How many summaries came from the cache.
    pub cached: usize,
}

impl Index {
    /// Summarises every article, reusing cached summaries whose stamp still matches and
    /// computing the rest on all cores. `progress(done, total)` is called as work completes.
    /// The cache is best effort: a missing or broken cache only costs time.
    pub fn build(
        corpus: &Corpus,
        cache_dir: Option<&Path>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Index {
        let cache_path = cache_dir.map(|d| cache_file(d, &corpus.root));
        let mut old = cache_path.as_deref().map(cache::load).unwrap_or_default();
        let total = corpus.entries.len();
        let todo: Vec<Option<ArticleInfo>> =
            corpus.entries.iter().map(|e| old.remove(&e.id)).collect();
        let stale = !old.is_empty();
        drop(old);
        progress(0, total);
        let done = AtomicUsize::new(0);
        let results: Vec<(ArticleInfo, bool)> =
            crate::store::pool::with_threads(crate::store::pool::cores(), || {
                use rayon::prelude::*;
                corpus
                    .entries
                    .par_iter()
                    .zip(todo)
                    .map(|(entry, cached)| {
                        let got = summarise(entry, cached);
                        let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if d.is_multiple_of(256) || d == total {
                            progress(d, total);
                        }
                        got
                    })
                    .collect()
            });
        let read = results.iter().filter(|(_, fresh)| *fresh).count();
        let articles: Vec<ArticleInfo> = results.into_iter().map(|(a, _)| a).collect();
        if let Some(p) = cache_path
            && (read > 0 || stale)
        {
            cache::save(&p, &articles);
        }
        Index {
            cached: total - read,
            articles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_is_reused_until_a_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "Titre\n\nUne. Deux.\n").unwrap();
        std::fs::write(root.join("b.txt"), "Autre\n\nTrois.\n").unwrap();
        let c = Corpus::scan(root).unwrap();
        let first = Index::build(&c, Some(cache.path()), &|_, _| {});
        assert_eq!(first.cached, 0);
        assert_eq!(first.articles[0].sentences, 3);
        let again = Index::build(&c, Some(cache.path()), &|_, _| {});
        assert_eq!(again.cached, 2);
        assert_eq!(again.articles, first.articles);
        std::fs::write(root.join("b.txt"), "Autre titre\n\nTrois. Quatre. Cinq.\n").unwrap();
        let c = Corpus::scan(root).unwrap();
        let third = Index::build(&c, Some(cache.path()), &|_, _| {});
        assert_eq!(third.cached, 1);
        assert_eq!(third.articles[1].sentences, 4);
        assert_eq!(third.articles[1].title, "Autre titre");
    }

    #[test]
    fn a_broken_cache_costs_only_time() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Une phrase.\n").unwrap();
        let c = Corpus::scan(dir.path()).unwrap();
        std::fs::write(cache_file(cache.path(), dir.path()), b"{not json").unwrap();
        let idx = Index::build(&c, Some(cache.path()), &|_, _| {});
        assert_eq!(idx.articles[0].sentences, 1);
        assert_eq!(idx.cached, 0);
    }
}
