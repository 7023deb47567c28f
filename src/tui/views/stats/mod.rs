//! The stats screen's state: the corpus agreement report (computed in a thread, from the
//! same cache as `glose agree`), the pair whose confusion matrix is shown, and scrolling.

pub mod draw;
pub mod update;

use crate::model::annotator::Annotator;
use crate::review::agreement::{CorpusReport, Options, corpus_report};
use crate::review::progress::{Progress, progress};
use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::job::{Job, Poll};
use std::time::Duration;

/// The stats screen.
#[derive(Debug)]
pub struct Stats {
    /// The figures, once computed.
    pub report: Option<CorpusReport>,
    pending: Option<Job<CorpusReport>>,
    /// Why there are no figures (fewer than two annotators).
    pub note: Option<String>,
    /// The user's own progress, shown when there is nobody to agree with.
    pub own: Option<Progress>,
    own_pending: Option<Job<Progress>>,
    /// Pair whose confusion matrix is shown, in `report.pairs` order.
    pub pair: usize,
    pub scroll: usize,
    /// The view `back` returns to.
    pub back: View,
}

impl Stats {
    /// True while the report is being computed.
    pub fn pending(&self) -> bool {
        self.pending.is_some() || self.own_pending.is_some()
    }
}

impl App {
    /// Opens the stats screen and computes the figures afresh in a thread.
    pub(crate) fn open_stats(&mut self) {
        let corpus = self.corpus();
        let annotators: Vec<Annotator> = corpus
            .annotators()
            .into_iter()
            .filter(|a| !a.is_gold())
            .collect();
        let back = if self.view == View::Stats {
            View::Library
        } else {
            self.view
        };
        let pair = self.stats.as_ref().map_or(0, |s| s.pair);
        let mut stats = Stats {
            report: None,
            pending: None,
            note: None,
            own: None,
            own_pending: None,
            pair,
            scroll: 0,
            back,
        };
        if annotators.len() < 2 {
            let mut names: Vec<String> = annotators.iter().map(|a| a.to_string()).collect();
            // Labels made this session may not be in the listing yet.
            let own = self.reader.articles.values().any(|a| a.labeled() > 0);
            if own && !names.contains(&self.annotator.to_string()) {
                names.push(self.annotator.to_string());
            }
            stats.note = Some(format!(
                "Agreement needs two annotators or more; this corpus has: {}.",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ));
            let who = self.annotator.clone();
            stats.own_pending = Some(Job::spawn("glose-progress", move |w| {
                w.send(progress(&corpus, &who));
            }));
        } else {
            let cache = self.review.cache.clone();
            let opts = Options {
                annotators,
                ..Options::default()
            };
            stats.pending = Some(Job::spawn("glose-stats", move |w| {
                w.send(corpus_report(&corpus, &opts, cache.as_deref()));
            }));
        }
        self.stats = Some(stats);
        self.view = View::Stats;
    }

    /// Installs the report if it arrived; true if it did.
    pub(crate) fn poll_stats(&mut self) -> bool {
        let Some(s) = &mut self.stats else {
            return false;
        };
        if let Some(job) = &s.own_pending {
            return match job.poll(Duration::ZERO) {
                Poll::Ready(p) => {
                    s.own = Some(p);
                    s.own_pending = None;
                    true
                }
                Poll::Pending => false,
                Poll::Done => {
                    s.own_pending = None;
                    true
                }
            };
        }
        let Some(job) = &s.pending else { return false };
        match job.poll(Duration::ZERO) {
            Poll::Ready(r) => {
                s.report = Some(r);
                s.pending = None;
                true
            }
            Poll::Pending => false,
            Poll::Done => {
                s.pending = None;
                s.note = Some("The figures could not be computed.".into());
                true
            }
        }
    }

    /// Blocks until the report being computed has arrived.
    pub(crate) fn wait_stats(&mut self) {
        if let Some(s) = &mut self.stats
            && let Some(job) = s.own_pending.take()
        {
            s.own = job.wait();
        }
        if let Some(s) = &mut self.stats
            && let Some(job) = s.pending.take()
        {
            match job.wait() {
                Some(r) => s.report = Some(r),
                None => s.note = Some("The figures could not be computed.".into()),
            }
        }
    }
}
