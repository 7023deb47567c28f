//! Finds the least confident unlabeled sentence of articles that are not open, in a worker
//! thread, so `least-confident` rarely has to analyse anything and key presses never wait
//! for it. The reader drains results between key presses.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::document::Document;
use crate::nlp::analysis::Analyzer;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

/// The least confident unlabeled sentence of an article: `(confidence, sentence)`.
pub type Least = Option<(f32, usize)>;

/// One article to scan.
#[derive(Debug, Clone)]
pub struct Job {
    /// Index in the library's entries.
    pub entry: usize,
    pub path: PathBuf,
    pub id: String,
}

/// One article scanned, with the model generation its suggestions came from (results of
/// an older model are stale once a newer one is installed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub entry: usize,
    pub generation: u64,
    pub least: Least,
}

/// What the worker has to say now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Poll {
    Found(Found),
    /// Still working; nothing new yet.
    Pending,
    /// Every job is done.
    Done,
}

/// A running scan. Dropping it stops the worker after its current article.
#[derive(Debug)]
pub struct Scan {
    rx: Receiver<Found>,
    cancel: Arc<AtomicBool>,
}

impl Scan {
    /// Starts scanning `jobs` in order, reading each article's labels as `who`.
    pub fn spawn(jobs: Vec<Job>, who: Annotator, analyzer: Analyzer) -> Scan {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let work = move || {
            for job in jobs {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let generation = analyzer.generation();
                let least = least_of(&job, &who, &analyzer);
                let found = Found {
                    entry: job.entry,
                    generation,
                    least,
                };
                if tx.send(found).is_err() {
                    return;
                }
            }
        };
        // Without a thread (the system refused one) the receiver reports Done at once and
        // `least-confident` still covers the open articles.
        let _ = std::thread::Builder::new()
            .name("glose-scan".into())
            .spawn(work);
        Scan { rx, cancel }
    }

    /// The next result, waiting at most `wait` for it.
    pub fn poll(&self, wait: Duration) -> Poll {
        let got = if wait.is_zero() {
            self.rx.try_recv().map_err(|e| match e {
                TryRecvError::Empty => RecvTimeoutError::Timeout,
                TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            })
        } else {
            self.rx.recv_timeout(wait)
        };
        match got {
            Ok(f) => Poll::Found(f),
            Err(RecvTimeoutError::Timeout) => Poll::Pending,
            Err(RecvTimeoutError::Disconnected) => Poll::Done,
        }
    }
}

impl Drop for Scan {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The least confident unlabeled sentence of an article as on disk; `None` when it cannot
/// be read or every sentence is labeled.
pub fn least_of(job: &Job, who: &Annotator, analyzer: &Analyzer) -> Least {
    let doc = Document::load(&job.path, &job.id).ok()?;
    let ann = Annotations::load(&doc, who).ok()?;
    let lang = analyzer.lang(&doc);
    (0..doc.sentences.len())
        .filter(|&i| ann.label(i).is_none())
        .map(|i| (analyzer.sentence(&doc, lang, i).suggestion.confidence, i))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn drain(scan: &Scan) -> Vec<Found> {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut out = Vec::new();
        loop {
            match scan.poll(Duration::from_millis(50)) {
                Poll::Found(f) => out.push(f),
                Poll::Pending => assert!(Instant::now() < deadline, "scan never finished"),
                Poll::Done => return out,
            }
        }
    }

    #[test]
    fn every_job_is_answered_in_order_with_its_least_confident_sentence() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Titre\n\nLe maire a voté. C'est une honte absolue !\n",
        )
        .unwrap();
        let job = |entry, name: &str| Job {
            entry,
            path: dir.path().join(name),
            id: name.to_string(),
        };
        let who = Annotator::new("alice").unwrap();
        let an = Analyzer::builtin();
        let jobs = vec![job(3, "a.txt"), job(7, "missing.txt")];
        let expected = least_of(&jobs[0], &who, &an);
        assert!(expected.is_some());
        let found = drain(&Scan::spawn(jobs, who, an.clone()));
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].entry, found[0].least), (3, expected));
        assert_eq!((found[1].entry, found[1].least), (7, None));
        assert!(found.iter().all(|f| f.generation == an.generation()));
    }
}
