//! The reader's side of the learned model: which analyzer it uses (and so which
//! suggestion mode of `glose.ron`), the background trainer it asks to retrain after each
//! saved label change, dropping cached suggestions when a newer model is installed so the
//! screen shows the newest, and the mode shown in the status bar.

use crate::model::project::SuggestionMode;
use crate::nlp::analysis::Analyzer;
use crate::nlp::suggest::folds::FOLDS;
use crate::nlp::trainer::{self, State, Trainer};
use crate::tui::app::App;
use std::time::Duration;

/// Said when the accept or least-confident key is pressed with suggestions off.
pub const OFF_NOTHING: &str =
    "Suggestions are off in glose.ron (blind annotation): nothing to accept or rank.";

/// The detail line of an unlabeled sentence with suggestions off.
pub const OFF_SHOWN: &str = "no suggestion: blind annotation (suggestions: Off in glose.ron)";

/// Longest a background step waits for a training to finish, so input is never kept
/// waiting long.
const WAIT: Duration = Duration::from_millis(5);

/// The trainer and what the reader has seen of it.
#[derive(Debug, Default)]
pub struct Learning {
    trainer: Option<Trainer>,
    /// Analyzer generation the cached suggestions were made with.
    generation: u64,
    /// Trainings whose outcome has been taken into account.
    seen_runs: usize,
    /// A training was asked for: busy until this many have finished.
    until: Option<usize>,
}

impl App {
    /// Uses `analyzer` from now on (the corpus's lexicons and configured language):
    /// highlights, suggestions and scans made with the previous one are dropped, and a
    /// running trainer is restarted on it.
    pub fn set_analyzer(&mut self, analyzer: Analyzer) {
        self.analyzer = analyzer;
        for a in self.reader.articles.values_mut() {
            a.lang = self.analyzer.lang(&a.doc);
            a.analysis.fill(None);
        }
        for p in self.review.panes.values_mut() {
            p.lang = self.analyzer.lang(&p.review.aligned().doc);
            p.spans.fill(None);
        }
        self.forget_scans(false);
        self.learning.generation = self.analyzer.generation();
        if self.learning.trainer.is_some() {
            self.learning = Learning::default();
            self.start_trainer();
        }
        self.settle(false);
    }

    /// Starts retraining the suggestion model in a background thread, first on the labels
    /// already in the corpus. Not started by [`App::new`], so tests stay deterministic;
    /// nor when the project's suggestions are `Rules` or `Off`, which never use a model.
    pub fn start_trainer(&mut self) {
        if self.analyzer.suggestions() != SuggestionMode::Learned {
            return;
        }
        let t = trainer::spawn(self.root.clone(), self.analyzer.clone());
        self.learning.seen_runs = 0;
        self.learning.generation = self.analyzer.generation();
        self.learning.trainer = Some(t);
        self.request_training();
    }

    /// What the trainer is doing, if one runs.
    pub fn trainer_status(&self) -> Option<trainer::Status> {
        self.learning.trainer.as_ref().map(Trainer::status)
    }

    /// Asks for a retraining on the labels now on disk (requests coalesce).
    pub(crate) fn request_training(&mut self) {
        let Some(t) = &self.learning.trainer else {
            return;
        };
        // A training already running may have missed this change: wait for the next one.
        let st = t.status();
        let running = usize::from(st.state == State::Training);
        t.request();
        self.learning.until = Some(st.runs + 1 + running);
    }

    /// Takes in a newly installed model (dropping suggestions made by the previous one)
    /// and reports finished trainings. True if anything changed.
    pub(crate) fn poll_model(&mut self) -> bool {
        let mut changed = false;
        if let Some(st) = self.trainer_status()
            && st.runs > self.learning.seen_runs
        {
            self.learning.seen_runs = st.runs;
            if let State::Trained { summary, .. } = &st.state
                && self.message.is_none()
            {
                self.say(format!("Model retrained: {summary}."));
            }
            if let State::Failed(why) = &st.state {
                self.warn(format!("Model not retrained: {why}"));
            }
            if self.learning.until.is_some_and(|n| st.runs >= n) {
                self.learning.until = None;
            }
            changed = true;
        }
        let generation = self.analyzer.generation();
        if generation != self.learning.generation {
            self.learning.generation = generation;
            for a in self.reader.articles.values_mut() {
                a.analysis.fill(None);
            }
            self.forget_scans(true);
            self.settle(false);
            changed = true;
        }
        changed
    }

    /// True while a requested training has not finished; waits a moment for it first.
    pub(crate) fn wait_training(&mut self) -> bool {
        let (Some(t), Some(n)) = (&self.learning.trainer, self.learning.until) else {
            return false;
        };
        let st = t.wait(n, WAIT);
        st.runs < n || st.state == State::Training
    }
}

impl App {
    /// Which suggestions the reader shows, short enough for its status bar: `suggest:
    /// off`, `rules only`, or with `Learned` the model when it beat the rules on held-out
    /// articles (`logreg/687`), else `rules` (`rules (model worse)` once measured).
    pub fn suggestion_tag(&self) -> String {
        match self.analyzer.suggestions() {
            SuggestionMode::Off => "suggest: off".into(),
            SuggestionMode::Rules => "rules only".into(),
            SuggestionMode::Learned => match self.analyzer.learned() {
                None => "rules".into(),
                Some(l) => match l.groups_using_model() {
                    0 if l.held_out.model.n() == 0 => "rules".into(),
                    0 => "rules (model worse)".into(),
                    FOLDS => l.name(),
                    n => format!("{} on {n}/{FOLDS}", l.name()),
                },
            },
        }
    }
}
