//! Indexing off the UI thread: the library shows the scan at once and fills in titles,
//! counts and progress as the index arrives. Only the newest request matters.

use super::Index;
use crate::corpus::Corpus;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Progress and result of the newest indexing request.
#[derive(Debug, Default)]
struct Shared {
    done: AtomicUsize,
    total: AtomicUsize,
    /// Bumped by every request; a worker whose request is no longer the newest drops its
    /// result.
    generation: AtomicU64,
    result: Mutex<Option<(u64, Index)>>,
}

/// A handle on background indexing.
#[derive(Debug, Clone, Default)]
pub struct Indexer {
    shared: Arc<Shared>,
}

impl Indexer {
    pub fn new() -> Indexer {
        Indexer::default()
    }

    /// Starts indexing `corpus` in a thread. An older request still running finishes but
    /// its result is ignored.
    pub fn request(&self, corpus: Corpus, cache_dir: Option<PathBuf>) {
        let generation = self.shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.shared.done.store(0, Ordering::Relaxed);
        self.shared
            .total
            .store(corpus.entries.len(), Ordering::Relaxed);
        let shared = Arc::clone(&self.shared);
        std::thread::spawn(move || {
            let progress = |d: usize, _t: usize| {
                if shared.generation.load(Ordering::Relaxed) == generation {
                    shared.done.store(d, Ordering::Relaxed);
                }
            };
            let index = Index::build(&corpus, cache_dir.as_deref(), &progress);
            if shared.generation.load(Ordering::SeqCst) == generation
                && let Ok(mut slot) = shared.result.lock()
            {
                *slot = Some((generation, index));
            }
        });
    }

    /// `(done, total)` of the newest request.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// The finished index of the newest request, once (later calls return `None` until the
    /// next request finishes).
    pub fn take(&self) -> Option<Index> {
        let current = self.shared.generation.load(Ordering::SeqCst);
        let mut slot = self.shared.result.lock().ok()?;
        match slot.take() {
            Some((g, idx)) if g == current => Some(idx),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn result_arrives_off_thread_and_newest_request_wins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Titre\n\nUne. Deux.\n").unwrap();
        let idx = Indexer::new();
        let c = Corpus::scan(dir.path()).unwrap();
        idx.request(c.clone(), None);
        std::fs::write(dir.path().join("b.txt"), "Autre\n\nTrois.\n").unwrap();
        idx.request(Corpus::scan(dir.path()).unwrap(), None);
        let t0 = Instant::now();
        let got = loop {
            if let Some(i) = idx.take() {
                break i;
            }
            assert!(t0.elapsed() < Duration::from_secs(10), "no index");
            std::thread::sleep(Duration::from_millis(5));
        };
        assert_eq!(
            got.articles.len(),
            2,
            "an older request's result was delivered"
        );
        assert_eq!(idx.progress(), (2, 2));
        assert!(idx.take().is_none());
    }
}
