//! Settling many sentences with one confirmed key: the unanimous ones, or those where
//! more than half of the annotators agree, in the article shown (`y`) or in every article
//! of the corpus (`c`). Each article's change is one gold step; undo takes back the whole
//! answer at once.

use crate::review::adjudicate::Review;
use crate::tui::app::App;
use crate::tui::screen::{Accept, AcceptKind, Modal};

impl AcceptKind {
    fn pending(self, r: &Review) -> usize {
        match self {
            AcceptKind::Unanimous => r.pending_unanimous().len(),
            AcceptKind::Majority => r.pending_majority().len(),
        }
    }

    fn what(self) -> &'static str {
        match self {
            AcceptKind::Unanimous => "unanimous",
            AcceptKind::Majority => "majority",
        }
    }

    fn label_of(self) -> &'static str {
        match self {
            AcceptKind::Unanimous => "their annotators' label",
            AcceptKind::Majority => "the label most annotators gave",
        }
    }
}

impl App {
    /// Library entries worth reading for a corpus-wide accept: two annotators or more.
    fn reviewable(&self) -> Vec<usize> {
        (0..self.library.entries.len())
            .filter(|&e| {
                let ann = &self.library.entries[e].annotators;
                ann.iter().filter(|a| !a.is_gold()).count() >= 2
            })
            .collect()
    }

    /// Asks whether to settle the `kind` sentences of this article or of the corpus.
    pub(crate) fn ask_accept(&mut self, kind: AcceptKind) {
        let Some(cur) = self.review.current else {
            return;
        };
        let mut here = 0;
        let mut corpus = 0;
        for e in self.reviewable().into_iter().chain([cur]) {
            if !self.load_pane(e) {
                continue;
            }
            let Some(p) = self.review.panes.get(&e) else {
                continue;
            };
            let n = kind.pending(&p.review);
            if e == cur {
                here = n;
            } else {
                corpus += n;
            }
        }
        corpus += here;
        let what = kind.what();
        if corpus == 0 {
            return self.say(format!("No {what} sentence without gold in the corpus."));
        }
        self.screen
            .ask(Modal::Accept(Accept { kind, here, corpus }));
        self.say(format!(
            "Give {what} sentences {}: y = {here} in this article, c = {corpus} in the corpus, n = none",
            kind.label_of()
        ));
    }

    /// The answer to [`Modal::Accept`]: `y` settles this article, `c` the corpus.
    pub(crate) fn confirm_accept(&mut self, q: Accept, answer: char) {
        self.screen.close_modal();
        let Some(cur) = self.review.current else {
            return;
        };
        let articles: Vec<usize> = match answer {
            'y' | 'Y' => vec![cur],
            'c' | 'C' => self.reviewable(),
            _ => return self.say("Nothing accepted."),
        };
        let (mut n, mut touched, mut group) = (0, 0, Vec::new());
        let mut failed = None;
        for e in articles {
            let Some(p) = self.review.panes.get_mut(&e) else {
                continue;
            };
            let result = match q.kind {
                AcceptKind::Unanimous => p.review.accept_unanimous(),
                AcceptKind::Majority => p.review.accept_majority(),
            };
            match result {
                Ok(0) => continue,
                Ok(k) => {
                    n += k;
                    touched += 1;
                    group.push(e);
                    self.after_gold(e, Ok(()));
                }
                Err(err) => {
                    group.push(e);
                    self.after_gold(e, Err(err));
                    failed = self.message.clone();
                }
            }
        }
        self.record_step(group);
        if let Some(m) = failed {
            self.message = Some(m);
            return;
        }
        let what = q.kind.what();
        let s = if n == 1 { "" } else { "s" };
        let arts = if touched == 1 { "" } else { "s" };
        self.say(format!(
            "Accepted {n} {what} sentence{s} as gold in {touched} article{arts} (u undoes)."
        ));
    }
}
