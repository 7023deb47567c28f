//! Finds the least confident unlabeled sentence of articles that are not open, in a worker
//! thread, so `least-confident` rarely has to analyse anything and key presses never wait
//! for it. The reader drains results between key presses.

use crate::model::annotations::Annotations;
use crate::model::annotator::Annotator;
use crate::model::document::Document;
use crate::nlp::analysis::Analyzer;
use crate::tui::job::Job;
use std::path::PathBuf;

/// The least confident unlabeled sentence of an article: `(confidence, sentence)`.
pub type Least = Option<(f32, usize)>;

/// One article to scan.
#[derive(Debug, Clone)]
pub struct Article {
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

/// Starts scanning `jobs` in order, reading each article's labels as `who`. Without a
/// thread (the system refused one) the job is done at once and `least-confident` still
/// covers the open articles.
pub fn spawn(jobs: Vec<Article>, who: Annotator, analyzer: Analyzer) -> Job<Found> {
    Job::spawn("glose-scan", move |w| {
        let total = jobs.len();
        for (done, job) in jobs.into_iter().enumerate() {
            w.progress(done, total);
            if w.cancelled() {
                return;
            }
            let generation = analyzer.generation();
            let least = least_of(&job, &who, &analyzer);
            let found = Found {
                entry: job.entry,
                generation,
                least,
            };
            if !w.send(found) {
                return;
            }
        }
        w.progress(total, total);
    })
}

/// The least confident unlabeled sentence of an article as on disk; `None` when it cannot
/// be read or every sentence is labeled.
pub fn least_of(job: &Article, who: &Annotator, analyzer: &Analyzer) -> Least {
    let doc = Document::load(&job.path, &job.id).ok()?;
    let ann = Annotations::load(&doc, who).ok()?;
    let lang = analyzer.lang(&doc);
    (0..doc.sentences.len())
        .filter(|&i| ann.label(i).is_none())
        .filter_map(|i| {
            let s = analyzer.sentence(&doc, lang, i).suggestion?;
            Some((s.confidence, i))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(scan: &Job<Found>) -> Vec<Found> {
        std::iter::from_fn(|| scan.wait()).collect()
    }

    #[test]
    fn every_job_is_answered_in_order_with_its_least_confident_sentence() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Titre\n\nLe maire a voté. C'est une honte absolue !\n",
        )
        .unwrap();
        let job = |entry, name: &str| Article {
            entry,
            path: dir.path().join(name),
            id: name.to_string(),
        };
        let who = Annotator::new("alice").unwrap();
        let an = Analyzer::builtin();
        let jobs = vec![job(3, "a.txt"), job(7, "missing.txt")];
        let expected = least_of(&jobs[0], &who, &an);
        assert!(expected.is_some());
        let found = drain(&spawn(jobs, who, an.clone()));
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].entry, found[0].least), (3, expected));
        assert_eq!((found[1].entry, found[1].least), (7, None));
        assert!(found.iter().all(|f| f.generation == an.generation()));
    }
}
