//! Scanning and indexing off the UI thread, so the library shows at once whatever the size
//! of the corpus. The walk streams entries in final corpus order, each with its cached
//! summary (the cache file, in the same order, is read alongside), and hands them to
//! workers that check the cached summaries against the files and read the others. The UI
//! takes everything that arrived since it last looked, in one piece.

use super::cache::{Stream, cache_file, save};
use super::{ArticleInfo, summarise};
use crate::model::corpus::{CorpusError, Entry, Found, Walk};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long found entries or summaries wait before being sent anyway.
const FLUSH: Duration = Duration::from_millis(25);
/// Entries sent at once at most, so the first ones show before a big folder is walked.
const BATCH: usize = 1024;

/// What arrived since the last [`Indexer::poll`].
#[derive(Debug, Default)]
pub struct News {
    /// Entries found, in corpus order, after those already delivered; with the cached
    /// summary, not yet checked against the files, when there is one.
    pub entries: Vec<(Entry, Option<ArticleInfo>)>,
    /// Cached summaries, not yet checked, of entries known before (see
    /// [`Indexer::index`]).
    pub cached: Vec<(usize, ArticleInfo)>,
    /// Summaries read afresh, by entry index (cached ones that still match are not sent).
    pub infos: Vec<(usize, ArticleInfo)>,
    /// The walk is over: the entries delivered so far are the whole corpus.
    pub scanned: bool,
    /// Every entry is summarised; nothing more will arrive.
    pub finished: bool,
    /// The work ended before it was done (a thread failed): what arrived is all there is.
    pub interrupted: bool,
}

impl News {
    fn interrupted() -> News {
        News {
            scanned: true,
            finished: true,
            interrupted: true,
            ..News::default()
        }
    }

    fn merge(&mut self, more: News) {
        self.entries.extend(more.entries);
        self.cached.extend(more.cached);
        self.infos.extend(more.infos);
        self.scanned |= more.scanned;
        self.finished |= more.finished;
        self.interrupted |= more.interrupted;
    }

    /// True when nothing arrived.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
            && self.cached.is_empty()
            && self.infos.is_empty()
            && !self.scanned
            && !self.finished
    }
}

enum Msg {
    Entries(Vec<(Entry, Option<ArticleInfo>)>),
    Cached(Vec<(usize, ArticleInfo)>),
    Infos(Vec<(usize, ArticleInfo)>),
    Scanned,
    Finished,
}

impl From<Msg> for News {
    fn from(msg: Msg) -> News {
        let mut news = News::default();
        match msg {
            Msg::Entries(v) => news.entries = v,
            Msg::Cached(v) => news.cached = v,
            Msg::Infos(v) => news.infos = v,
            Msg::Scanned => news.scanned = true,
            Msg::Finished => news.finished = true,
        }
        news
    }
}

#[derive(Debug, Default)]
struct Shared {
    /// Entries summarised (checked or read).
    done: AtomicUsize,
    /// Entries found.
    total: AtomicUsize,
    /// Names listed by the walk.
    listed: AtomicUsize,
    /// Set when the handle is dropped: the threads stop at the next entry.
    cancel: AtomicBool,
}

/// A handle on a background scan and index. Dropping it stops the work.
#[derive(Debug)]
pub struct Indexer {
    shared: Arc<Shared>,
    rx: Receiver<Msg>,
    over: AtomicBool,
}

/// Where the entries come from.
enum Source {
    Walk(Walk),
    Known(Vec<Entry>),
}

struct Job {
    index: usize,
    entry: Entry,
    cached: Option<ArticleInfo>,
}

impl Indexer {
    /// Walks `root` in a thread, delivering entries and summaries as they come. Fails at
    /// once, like [`crate::model::corpus::Corpus::scan`], if `root` is not a folder that can be
    /// listed; nothing else is read before this returns.
    pub fn scan(root: &Path, cache_dir: Option<PathBuf>) -> Result<Indexer, CorpusError> {
        let walk = Walk::open(root)?;
        Ok(Indexer::start(Source::Walk(walk), root, cache_dir))
    }

    /// Summarises entries already known (a corpus scanned beforehand) in threads: cached
    /// summaries arrive first (in [`News::cached`]), then those read afresh.
    pub fn index(corpus: crate::model::corpus::Corpus, cache_dir: Option<PathBuf>) -> Indexer {
        Indexer::start(Source::Known(corpus.entries), &corpus.root, cache_dir)
    }

    fn start(source: Source, root: &Path, cache_dir: Option<PathBuf>) -> Indexer {
        let shared = Arc::new(Shared::default());
        let (tx, rx) = mpsc::channel();
        let (s, root) = (Arc::clone(&shared), root.to_path_buf());
        std::thread::spawn(move || run(source, &root, cache_dir, &s, &tx));
        Indexer {
            shared,
            rx,
            over: AtomicBool::new(false),
        }
    }

    /// Everything that arrived since the last call, merged.
    pub fn poll(&self) -> News {
        let mut news = News::default();
        if self.over.load(Ordering::Relaxed) {
            return news;
        }
        while !news.finished {
            match self.rx.try_recv() {
                Ok(msg) => news.merge(msg.into()),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => news.merge(News::interrupted()),
            }
        }
        if news.finished {
            self.over.store(true, Ordering::Relaxed);
        }
        news
    }

    /// Waits for everything left and returns it merged (scripts, tests and benchmarks that
    /// need the whole index).
    pub fn wait(&self) -> News {
        let mut news = self.poll();
        while !news.finished {
            match self.rx.recv() {
                Ok(msg) => news.merge(msg.into()),
                Err(_) => news.merge(News::interrupted()),
            }
        }
        self.over.store(true, Ordering::Relaxed);
        news
    }

    /// `(summarised, found)` so far.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// Names the walk has listed so far (articles, sidecars and folders): how far it got.
    pub fn listed(&self) -> usize {
        self.shared.listed.load(Ordering::Relaxed)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }
}

/// The walk's thread: reads the cache alongside the walk, starts the workers, hands out
/// entries, then saves the cache if anything had to be read.
fn run(source: Source, root: &Path, cache_dir: Option<PathBuf>, shared: &Shared, tx: &Sender<Msg>) {
    let cache_path = cache_dir.map(|d| cache_file(&d, root));
    let mut cache = Stream::open(cache_path.clone());
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let workers = crate::store::pool::readers();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (jobs, tx) = (Arc::clone(&job_rx), tx.clone());
                s.spawn(move || work(&jobs, &tx, shared))
            })
            .collect();
        let mut out = Outbox::new(matches!(source, Source::Known(_)));
        match source {
            Source::Walk(mut walk) => {
                while let Some(found) = walk.next() {
                    if shared.cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    if let Found::Entry(e) = found {
                        let cached = cache.find(&e.id);
                        out.push(e, cached);
                    }
                    shared.listed.store(walk.listed, Ordering::Relaxed);
                    if out.due() && !out.send(tx, &job_tx, shared) {
                        return;
                    }
                }
            }
            Source::Known(entries) => {
                for e in entries {
                    let cached = cache.find(&e.id);
                    out.push(e, cached);
                }
            }
        }
        if !out.send(tx, &job_tx, shared) {
            return;
        }
        let _ = tx.send(Msg::Scanned);
        drop(job_tx);
        let mut results: Vec<(usize, ArticleInfo, bool)> = handles
            .into_iter()
            .filter_map(|h| h.join().ok())
            .flatten()
            .collect();
        if shared.cancel.load(Ordering::Relaxed) || results.len() != out.count {
            return;
        }
        results.sort_by_key(|r| r.0);
        let read = results.iter().any(|r| r.2);
        if let Some(p) = cache_path
            && (read || cache.has_leftovers())
        {
            let articles: Vec<ArticleInfo> = results.into_iter().map(|r| r.1).collect();
            save(&p, &articles);
        }
        let _ = tx.send(Msg::Finished);
    });
}

/// Entries on their way out, sent to the UI in batches with their cached summaries, and
/// their jobs to the workers.
struct Outbox {
    /// The entries are known to the UI already: send only their cached summaries.
    known: bool,
    /// Entries handed out so far (the index of the next one).
    count: usize,
    entries: Vec<(Entry, Option<ArticleInfo>)>,
    cached: Vec<(usize, ArticleInfo)>,
    jobs: Vec<Job>,
    since: Instant,
}

impl Outbox {
    fn new(known: bool) -> Outbox {
        Outbox {
            known,
            count: 0,
            entries: Vec::new(),
            cached: Vec::new(),
            jobs: Vec::new(),
            since: Instant::now(),
        }
    }

    fn push(&mut self, entry: Entry, cached: Option<ArticleInfo>) {
        let index = self.count;
        self.count += 1;
        if !self.known {
            self.entries.push((entry.clone(), cached.clone()));
        } else if let Some(c) = &cached {
            self.cached.push((index, c.clone()));
        }
        self.jobs.push(Job {
            index,
            entry,
            cached,
        });
    }

    fn due(&self) -> bool {
        !self.jobs.is_empty() && (self.jobs.len() >= BATCH || self.since.elapsed() >= FLUSH)
    }

    /// Sends the entries to the UI, then their jobs to the workers (so a summary never
    /// arrives before its entry). False if nobody listens any more.
    fn send(&mut self, tx: &Sender<Msg>, jobs: &Sender<Job>, shared: &Shared) -> bool {
        self.since = Instant::now();
        if !self.entries.is_empty()
            && tx
                .send(Msg::Entries(std::mem::take(&mut self.entries)))
                .is_err()
        {
            return false;
        }
        if !self.cached.is_empty()
            && tx
                .send(Msg::Cached(std::mem::take(&mut self.cached)))
                .is_err()
        {
            return false;
        }
        shared.total.fetch_add(self.jobs.len(), Ordering::Relaxed);
        self.jobs.drain(..).all(|j| jobs.send(j).is_ok())
    }
}

/// A worker: checks or reads one entry at a time, sends fresh summaries in small batches,
/// and returns every summary it made (for the cache).
fn work(
    jobs: &Mutex<Receiver<Job>>,
    tx: &Sender<Msg>,
    shared: &Shared,
) -> Vec<(usize, ArticleInfo, bool)> {
    let mut out = Vec::new();
    let mut fresh = Vec::new();
    let mut since = Instant::now();
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => break,
        };
        let Ok(job) = job else { break };
        if shared.cancel.load(Ordering::Relaxed) {
            break;
        }
        let (info, read) = summarise(&job.entry, job.cached);
        if read {
            fresh.push((job.index, info.clone()));
        }
        out.push((job.index, info, read));
        shared.done.fetch_add(1, Ordering::Relaxed);
        if !fresh.is_empty() && (fresh.len() >= 64 || since.elapsed() >= FLUSH) {
            since = Instant::now();
            if tx.send(Msg::Infos(std::mem::take(&mut fresh))).is_err() {
                break;
            }
        }
    }
    if !fresh.is_empty() {
        let _ = tx.send(Msg::Infos(fresh));
    }
    out
}

#[cfg(test)]
mod tests;
