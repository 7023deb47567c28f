//! What the keys do in the review view: move over the rows shown, set or clear gold on the
//! cursor row or a range, accept every unanimous row after a y/n question, undo across
//! articles, the "without unanimity" toggle, and `n`/`N` across articles.

use crate::model::label::Label;
use crate::model::sidecar::SidecarError;
use crate::review::agreement::{ArticleSummary, Cursor};
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Mode, SaveState};
use crate::tui::views::review::{draw, layout};

impl App {
    pub(crate) fn review_action(&mut self, a: Action) {
        if let Some(label) = a.label() {
            return self.set_gold(Some(label));
        }
        match a {
            Action::ClearLabel => self.set_gold(None),
            Action::AcceptUnanimous => self.ask_accept(),
            Action::Undo => self.review_undo(),
            Action::Redo => self.say("Redo is not available in review: set the label again."),
            Action::NextDisagreement => self.jump(true),
            Action::PrevDisagreement => self.jump(false),
            Action::ToggleDisagreements => self.toggle_split(),
            Action::Stats => self.open_stats(),
            Action::EditNote => self.start_gold_note(),
            Action::NextNote => self.next_review_note(),
            Action::StartRange => {
                let Some(p) = self.pane_mut() else { return };
                p.anchor = match p.anchor {
                    Some(_) => None,
                    None => Some(p.cursor),
                };
                let on = p.anchor.is_some();
                self.say(if on {
                    "Range started: move, then a label key sets gold on all of it (Esc cancels)."
                } else {
                    "Range cancelled."
                });
            }
            Action::Back => {
                if let Some(p) = self.pane_mut()
                    && p.anchor.take().is_some()
                {
                    return self.say("Range cancelled.");
                }
                self.view = View::Library;
            }
            _ => self.move_review(a),
        }
    }

    /// Cursor movement over the rows shown.
    fn move_review(&mut self, a: Action) {
        let only = self.review.only_split;
        let page = self.review_page();
        let Some(p) = self.pane_mut() else { return };
        let shown = p.shown(only);
        let Some(last) = shown.len().checked_sub(1) else {
            return;
        };
        let pos = shown.iter().position(|&u| u >= p.cursor).unwrap_or(last);
        let pos = match a {
            Action::Down => (pos + 1).min(last),
            Action::Up => pos.saturating_sub(1),
            Action::First => 0,
            Action::Last => last,
            Action::PageDown => (pos + page.max(1)).min(last),
            Action::PageUp => pos.saturating_sub(page.max(1)),
            _ => return,
        };
        p.cursor = shown[pos];
    }

    /// Moves the cursor by `n` shown rows (mouse wheel).
    pub(crate) fn scroll_review(&mut self, n: i16) {
        let a = if n > 0 { Action::Down } else { Action::Up };
        for _ in 0..n.unsigned_abs() {
            self.move_review(a);
        }
    }

    fn toggle_split(&mut self) {
        self.review.only_split = !self.review.only_split;
        let only = self.review.only_split;
        let Some(p) = self.pane_mut() else { return };
        p.anchor = None;
        let shown = p.shown(only);
        let c = p.cursor;
        if let Some(&u) = shown.iter().find(|&&u| u >= c).or_else(|| shown.last()) {
            p.cursor = u;
        }
        let n = shown.len();
        if only {
            self.say(format!(
                "Showing only the {n} sentence{} without unanimity (t shows all).",
                plural(n)
            ));
        } else {
            self.say("Showing every sentence.");
        }
    }

    /// Sets (or clears) gold on the cursor row or the range. With the toggle on, a range
    /// covers only the rows shown, one undo step per run of adjacent rows.
    fn set_gold(&mut self, label: Option<Label>) {
        let (only, advance) = (self.review.only_split, self.advance);
        let Some(p) = self.pane_mut() else { return };
        if p.review.is_empty() {
            return;
        }
        let (lo, hi) = p.selection();
        let ranged = p.anchor.take().is_some();
        let shown = p.shown(only);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for u in (lo..=hi).filter(|u| !only || shown.contains(u)) {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == u => *end = u,
                _ => runs.push((u, u)),
            }
        }
        let mut changed = 0;
        let mut result = Ok(());
        let mut steps = 0;
        for (a, b) in runs {
            match p.review.adjudicate(a..=b, label) {
                Ok(n) => {
                    changed += n;
                    steps += usize::from(n > 0);
                }
                Err(e) => {
                    result = Err(e);
                    steps += 1;
                    break;
                }
            }
        }
        if !ranged
            && label.is_some()
            && advance
            && let Some(&next) = shown.iter().find(|&&u| u > hi)
        {
            p.cursor = next;
        }
        let e = p.entry;
        self.review.history.extend(std::iter::repeat_n(e, steps));
        self.after_gold(e, result);
        if changed == 0 && self.message.is_none() {
            self.say("Gold already so.");
        }
    }

    /// Saving state, message and library summary after a gold change in entry `e`.
    pub(super) fn after_gold(&mut self, e: usize, result: Result<(), SidecarError>) {
        match result {
            Ok(()) => {
                self.review.unsaved = false;
                let now = crate::model::sidecar::now();
                self.save = SaveState::Saved(now.get(11..19).unwrap_or(&now).to_string());
            }
            Err(err) => {
                let err = crate::model::sanitize::clean(&err.to_string()).into_owned();
                self.warn(format!(
                    "NOT SAVED: {err}. Kept in memory; retried on the next change."
                ));
                self.save = SaveState::Failed(err);
                self.review.unsaved = true;
            }
        }
        if let (Some(ix), Some(p)) = (&mut self.review.index, self.review.panes.get(&e)) {
            ix.update(ArticleSummary::of(&p.review));
        }
    }

    fn ask_accept(&mut self) {
        let Some(p) = self.pane() else { return };
        let n = p.review.pending_unanimous().len();
        if n == 0 {
            return self.say("No unanimous sentence without gold in this article.");
        }
        self.mode = Mode::ConfirmAccept(n);
        self.say(format!(
            "Give {n} unanimous sentence{} their annotators' label as gold? (y/n)",
            plural(n)
        ));
    }

    /// The answer to [`Mode::ConfirmAccept`]: `y` settles every unanimous row.
    pub(crate) fn confirm_accept(&mut self, yes: bool) {
        self.mode = Mode::Normal;
        if !yes {
            return self.say("Nothing accepted.");
        }
        let Some(p) = self.pane_mut() else { return };
        let e = p.entry;
        let result = p.review.accept_unanimous();
        let n = *result.as_ref().unwrap_or(&0);
        if n > 0 || result.is_err() {
            self.review.history.push(e);
        }
        self.after_gold(e, result.map(|_| ()));
        if self.message.is_none() {
            self.say(format!(
                "Accepted {n} unanimous sentence{} as gold (u undoes).",
                plural(n)
            ));
        }
    }

    /// Undoes the newest gold change of the session, reopening its article.
    fn review_undo(&mut self) {
        while let Some(e) = self.review.history.pop() {
            if self.review.current != Some(e) && !self.open_review(e) {
                continue;
            }
            let Some(p) = self.review.panes.get_mut(&e) else {
                continue;
            };
            let result = p.review.undo();
            if matches!(result, Ok(false)) {
                continue;
            }
            self.after_gold(e, result.map(|_| ()));
            if self.message.is_none() {
                self.say("Gold change undone.");
            }
            return;
        }
        self.say("Nothing to undo.");
    }

    /// The next (previous) disagreement: in this article, else in the next (previous)
    /// articles, from the corpus summaries.
    fn jump(&mut self, forward: bool) {
        let Some(p) = self.pane_mut() else { return };
        p.anchor = None;
        if let Some(u) = p.review.next_disagreement(p.cursor, forward) {
            p.cursor = u;
            return;
        }
        let from = Cursor {
            article: p.entry,
            row: p.cursor,
        };
        let summary = ArticleSummary::of(&p.review);
        let Some(ix) = &mut self.review.index else {
            return self.say("No more in this article; still summarising the corpus, try again.");
        };
        ix.update(summary);
        // Past the last row here, so only other articles match.
        let past = Cursor {
            row: if forward { usize::MAX } else { 0 },
            ..from
        };
        match ix.next_disagreement(past, forward, false) {
            Some(c) if c.article != from.article && self.open_review(c.article) => {
                if let Some(p) = self.pane_mut() {
                    p.cursor = c.row.min(p.review.len().saturating_sub(1));
                    p.anchor = None;
                }
                let id =
                    crate::model::sanitize::clean(&self.library.entries[c.article].id).into_owned();
                self.say(format!("Moved to {id}."));
            }
            _ => self.say("No disagreement left in that direction."),
        }
    }

    /// Review rows on screen now, one page for page-down and page-up.
    fn review_page(&self) -> usize {
        let Some(p) = self.pane() else { return 1 };
        let shown = p.shown(self.review.only_split);
        let width = layout::text_width(
            usize::from(draw::areas(self.screen()).list.width),
            p.review.annotators().len(),
        );
        let rows = layout::rows(p, &shown, width, self.review_rows());
        let mut units: Vec<usize> = rows.iter().map(|r| r.unit).collect();
        units.dedup();
        units.len().saturating_sub(1)
    }

    /// A click on the list selects the row under it.
    pub(crate) fn click_review(&mut self, y: usize) {
        let only = self.review.only_split;
        let list = draw::areas(self.screen()).list;
        let (w, h) = (usize::from(list.width), self.review_rows());
        let Some(p) = self.pane_mut() else { return };
        let shown = p.shown(only);
        let width = layout::text_width(w, p.review.annotators().len());
        let hit = y
            .checked_sub(usize::from(list.y))
            .and_then(|i| layout::rows(p, &shown, width, h).get(i).map(|r| r.unit));
        if let Some(u) = hit {
            p.cursor = u;
        }
    }

    /// Rows of the review list, from its layout.
    pub fn review_rows(&self) -> usize {
        usize::from(draw::areas(self.screen()).list.height).max(1)
    }

    /// Keeps the cursor row on screen and analyses the rows shown.
    pub(crate) fn settle_review(&mut self) {
        let only = self.review.only_split;
        let (w, h) = (
            usize::from(draw::areas(self.screen()).list.width),
            self.review_rows(),
        );
        let analyzer = &self.analyzer;
        let Some(p) = self
            .review
            .current
            .and_then(|c| self.review.panes.get_mut(&c))
        else {
            return;
        };
        let shown = p.shown(only);
        let width = layout::text_width(w, p.review.annotators().len());
        layout::scroll_to_cursor(p, &shown, width, h);
        let units: Vec<usize> = layout::rows(p, &shown, width, h)
            .iter()
            .map(|r| r.unit)
            .collect();
        for u in units {
            p.analyse(analyzer, u);
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
