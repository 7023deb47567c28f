//! The review view's state: the articles open for review (each a [`Review`] with a cursor),
//! the "without unanimity" toggle, and the corpus's agreement summaries, built in a thread
//! so the first frame never waits for them.

pub mod accept;
pub mod context;
pub mod draw;
pub mod layout;
pub mod notes;
pub mod update;

use crate::model::corpus::Corpus;
use crate::nlp::analysis::Analyzer;
use crate::nlp::highlight::Span;
use crate::nlp::lang::Lang;
use crate::review::adjudicate::Review;
use crate::review::agreement::{ArticleSummary, ReviewIndex};
use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::job::{Job, Poll};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

/// One article under review, with where the reviewer is in it.
#[derive(Debug)]
pub struct Pane {
    /// Index in the library's entries.
    pub entry: usize,
    pub review: Review,
    /// Row (unit) of the cursor.
    pub cursor: usize,
    /// First row of a range being selected.
    pub anchor: Option<usize>,
    /// Row at the top of the screen.
    pub top: usize,
    pub lang: Lang,
    /// Highlights of each row, computed when first shown.
    pub spans: Vec<Option<Vec<Span>>>,
}

impl Pane {
    fn new(entry: usize, review: Review, analyzer: &Analyzer) -> Pane {
        let n = review.len();
        let lang = analyzer.lang(&review.aligned().doc);
        let cursor = (0..n).find(|&u| review.is_unsettled(u)).unwrap_or(0);
        Pane {
            entry,
            review,
            cursor,
            anchor: None,
            top: 0,
            lang,
            spans: vec![None; n],
        }
    }

    /// Rows shown: all, or only those without unanimity.
    pub fn shown(&self, only_split: bool) -> Vec<usize> {
        (0..self.review.len())
            .filter(|&u| !only_split || self.review.status(u).is_disagreement())
            .collect()
    }

    /// The inclusive rows a label key would cover: the range if one is started, else the
    /// cursor.
    pub fn selection(&self) -> (usize, usize) {
        match self.anchor {
            Some(a) => (a.min(self.cursor), a.max(self.cursor)),
            None => (self.cursor, self.cursor),
        }
    }

    /// Computes the highlights of row `u` if not done yet (rows that are sentences of the
    /// current segmentation; others have none).
    pub fn analyse(&mut self, analyzer: &Analyzer, u: usize) {
        if u >= self.review.len() || self.spans[u].is_some() {
            return;
        }
        let spans = match self.review.aligned().units[u].sentence {
            Some(i) => {
                analyzer
                    .sentence(&self.review.aligned().doc, self.lang, i)
                    .spans
            }
            None => Vec::new(),
        };
        self.spans[u] = Some(spans);
    }
}

/// Everything the review screens keep between keys.
#[derive(Debug, Default)]
pub struct ReviewState {
    pub panes: HashMap<usize, Pane>,
    /// Entry shown in the review view.
    pub current: Option<usize>,
    /// Show only rows without unanimity.
    pub only_split: bool,
    /// Per-article agreement, in library entry order, once built.
    pub index: Option<ReviewIndex>,
    pending: Option<Job<ReviewIndex>>,
    /// The gold changes made this session, newest last (undo across articles): per key,
    /// the article of each model step it made.
    pub history: Vec<Vec<usize>>,
    /// Keys undone, newest last, for redo; a new change empties it.
    pub redo: Vec<Vec<usize>>,
    /// `n`/`N` also stop at disagreements that already have gold.
    pub show_settled: bool,
    /// The last gold write failed: changes are only in memory.
    pub unsaved: bool,
    /// Cache folder for the aligned label codes.
    pub cache: Option<PathBuf>,
}

impl ReviewState {
    /// True while the summaries are being built.
    pub fn pending(&self) -> bool {
        self.pending.is_some()
    }
}

impl App {
    /// The corpus as scanned, for work done in a thread.
    pub(crate) fn corpus(&self) -> Corpus {
        Corpus {
            root: self.root.clone(),
            entries: self.library.entries.clone(),
            skipped: Vec::new(),
        }
    }

    /// Starts building the per-article agreement summaries in a thread, once (after the
    /// scan: they are by position in the whole corpus).
    pub fn start_review_index(&mut self) {
        if self.review.index.is_some() || self.review.pending.is_some() || self.scanning() {
            return;
        }
        let corpus = self.corpus();
        let cache = self.review.cache.clone();
        self.review.pending = Some(Job::spawn("glose-review", move |w| {
            w.send(ReviewIndex::build(&corpus, cache.as_deref()));
        }));
    }

    /// Installs the summaries or the stats report if they arrived; true if one did.
    pub fn poll_review(&mut self) -> bool {
        let mut got = false;
        if let Some(job) = &self.review.pending {
            match job.poll(Duration::ZERO) {
                Poll::Ready(ix) => {
                    self.install_review_index(ix);
                    got = true;
                }
                Poll::Pending => {}
                Poll::Done => self.review.pending = None,
            }
        }
        got | self.poll_stats()
    }

    /// True while summaries or the stats report are being computed in a thread.
    pub fn review_busy(&self) -> bool {
        self.review.pending() || self.stats.as_ref().is_some_and(|s| s.pending())
    }

    /// Blocks until the summaries and the stats report being built have arrived (tests
    /// and scripts that need them at once).
    pub fn wait_review(&mut self) {
        if let Some(job) = self.review.pending.take()
            && let Some(ix) = job.wait()
        {
            self.install_review_index(ix);
        }
        self.wait_stats();
    }

    fn install_review_index(&mut self, mut ix: ReviewIndex) {
        self.review.pending = None;
        // Open articles may hold gold newer than what the thread read.
        for p in self.review.panes.values() {
            ix.update(ArticleSummary::of(&p.review));
        }
        self.review.index = Some(ix);
        self.sync_unsettled();
    }

    /// Gives the library the disagreements without gold per article, for its sort.
    pub(crate) fn sync_unsettled(&mut self) {
        let Some(ix) = &self.review.index else { return };
        let first = self.library.unsettled.is_empty();
        self.library.unsettled = ix.articles.iter().map(|a| a.unsettled()).collect();
        if self.library.sort == crate::tui::views::library::Sort::Unsettled {
            self.library.refresh_for(Some(&self.annotator));
            // The first figures put the most work at the top: start the selection there.
            if first && self.screen.view() == View::Library {
                self.library.selected = 0;
            }
        }
    }

    /// Reads library entry `e` for review unless it is open already (or is stale: see
    /// below), without showing it. False, with a message, if it cannot be reviewed.
    pub(crate) fn load_pane(&mut self, e: usize) -> bool {
        // Labels made in the reader since the review was read show up, unless the review
        // holds gold changes to undo (they are on disk too, so nothing is lost either way).
        let stale = self.reader.articles.contains_key(&e)
            && self
                .review
                .panes
                .get(&e)
                .is_some_and(|p| !p.review.can_undo() && !p.review.can_redo());
        if stale || !self.review.panes.contains_key(&e) {
            let Some(mut entry) = self.library.entries.get(e).cloned() else {
                return false;
            };
            // The scan predates labels made in this session.
            let mine = crate::model::corpus::sidecar_path(&entry.path, &self.annotator);
            if !entry.annotators.contains(&self.annotator) && mine.exists() {
                entry.annotators.push(self.annotator.clone());
                entry.annotators.sort();
            }
            match Review::open(&entry, self.annotator.clone()) {
                Ok(r) => {
                    let mut pane = Pane::new(e, r, &self.analyzer);
                    if let Some(old) = self.review.panes.get(&e) {
                        pane.cursor = old.cursor.min(pane.review.len().saturating_sub(1));
                    }
                    if let Some(ix) = &mut self.review.index {
                        ix.update(ArticleSummary::of(&pane.review));
                    }
                    self.review.panes.insert(e, pane);
                }
                Err(why) => {
                    let why = crate::model::sanitize::clean(&why.to_string()).into_owned();
                    self.warn(format!("cannot review: {why}"));
                    return false;
                }
            }
        }
        true
    }

    /// The pane shown in the review view.
    pub fn pane(&self) -> Option<&Pane> {
        self.review.panes.get(&self.review.current?)
    }

    /// The pane shown in the review view, mutably.
    pub fn pane_mut(&mut self) -> Option<&mut Pane> {
        self.review.panes.get_mut(&self.review.current?)
    }

    /// Opens library entry `e` in the review view (reading it the first time). False, with
    /// a message, if it cannot be reviewed.
    pub fn open_review(&mut self, e: usize) -> bool {
        if self.annotator.is_gold() {
            self.warn("`gold` cannot adjudicate: start glose with --annotator and your own name.");
            return false;
        }
        if !self.load_pane(e) {
            return false;
        }
        self.start_review_index();
        self.review.current = Some(e);
        self.screen.show(View::Review);
        if let Some(pos) = self.library.order.iter().position(|&i| i == e) {
            self.library.selected = pos;
        }
        if let Some(p) = self.pane()
            && p.review.annotators().is_empty()
        {
            self.say("Nobody has labeled this article yet.");
        }
        true
    }
}
