//! What the keys do in the review view: move over the rows shown, set or clear gold on the
//! cursor row or a range, accept every unanimous row after a y/n question, undo across
//! articles, the "without unanimity" toggle, and `n`/`N` across articles.

use crate::model::label::Label;
use crate::model::sidecar::SidecarError;
use crate::review::agreement::{ArticleSummary, Cursor};
use crate::tui::action::{Action, View};
use crate::tui::app::{App, SaveState};
use crate::tui::screen::AcceptKind;
use crate::tui::views::review::{draw, layout};

impl App {
    pub(crate) fn review_action(&mut self, a: Action) {
        if let Some(label) = a.label() {
            return self.set_gold(Some(label));
        }
        match a {
            Action::ClearLabel => self.set_gold(None),
            Action::AcceptUnanimous => self.ask_accept(AcceptKind::Unanimous),
            Action::AcceptMajority => self.ask_accept(AcceptKind::Majority),
            Action::Undo => self.review_undo(),
            Action::Redo => self.review_redo(),
            Action::ToggleSettled => {
                self.review.show_settled = !self.review.show_settled;
                self.say(if self.review.show_settled {
                    "n/N stop at every disagreement, settled or not (T: only unsettled)."
                } else {
                    "n/N stop only at disagreements without gold (T: all)."
                });
            }
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
                self.screen.show(View::Library);
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
        // On to the next disagreement still without gold, wrapping to the top: label keys
        // alone reach every one of them once.
        let mut done = false;
        if !ranged && label.is_some() && advance {
            match p
                .review
                .next_unsettled(hi, true)
                .or_else(|| (0..hi).find(|&u| p.review.is_unsettled(u)))
            {
                Some(next) => p.cursor = next,
                None => done = p.review.disagreements().contains(&hi),
            }
        }
        let e = p.entry;
        self.record_step(std::iter::repeat_n(e, steps).collect());
        self.after_gold(e, result);
        if changed == 0 && self.message.is_none() {
            self.say("Gold already so.");
        } else if done && self.message.is_none() {
            self.say("Every disagreement of this article has gold: n goes to the next article.");
        }
    }

    /// Remembers one key's gold steps (the article of each) for undo; redo starts over.
    pub(crate) fn record_step(&mut self, steps: Vec<usize>) {
        if !steps.is_empty() {
            self.review.history.push(steps);
            self.review.redo.clear();
        }
    }

    /// Saving state, message and library summary after a gold change in entry `e`.
    pub(crate) fn after_gold(&mut self, e: usize, result: Result<(), SidecarError>) {
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
            self.sync_unsettled();
        }
    }

    /// Undoes the newest gold change of the session (every article it touched), showing
    /// its article.
    fn review_undo(&mut self) {
        self.undo_redo(true)
    }

    /// Sets again the gold of the newest change undone.
    fn review_redo(&mut self) {
        self.undo_redo(false)
    }

    fn undo_redo(&mut self, undo: bool) {
        loop {
            let popped = if undo {
                self.review.history.pop()
            } else {
                self.review.redo.pop()
            };
            let Some(group) = popped else {
                return self.say(if undo {
                    "Nothing to undo."
                } else {
                    "Nothing to redo."
                });
            };
            let mut done = Vec::new();
            for &e in group.iter().rev() {
                let Some(p) = self.review.panes.get_mut(&e) else {
                    continue;
                };
                let result = if undo {
                    p.review.undo()
                } else {
                    p.review.redo()
                };
                if matches!(result, Ok(false)) {
                    continue;
                }
                done.push(e);
                self.after_gold(e, result.map(|_| ()));
            }
            if done.is_empty() {
                continue;
            }
            done.reverse();
            if undo {
                self.review.redo.push(done.clone());
            } else {
                self.review.history.push(done.clone());
            }
            let mut articles = done.clone();
            articles.dedup();
            if let [e] = articles[..]
                && self.review.current != Some(e)
            {
                self.open_review(e);
            }
            if self.message.is_none() || !self.message.as_ref().is_some_and(|m| m.1) {
                let what = if undo { "undone" } else { "redone" };
                match articles.len() {
                    1 => self.say(format!("Gold change {what}.")),
                    n => self.say(format!("Gold change {what} in {n} articles.")),
                }
            }
            return;
        }
    }

    /// The next (previous) disagreement: in this article, else in the next (previous)
    /// articles, from the corpus summaries.
    fn jump(&mut self, forward: bool) {
        let all = self.review.show_settled;
        let Some(p) = self.pane_mut() else { return };
        p.anchor = None;
        let here = if all {
            p.review.next_disagreement(p.cursor, forward)
        } else {
            p.review.next_unsettled(p.cursor, forward)
        };
        if let Some(u) = here {
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
        match ix.next_disagreement(past, forward, !all) {
            Some(c) if c.article != from.article && self.open_review(c.article) => {
                if let Some(p) = self.pane_mut() {
                    p.cursor = c.row.min(p.review.len().saturating_sub(1));
                    p.anchor = None;
                }
                let id =
                    crate::model::sanitize::clean(&self.library.entries[c.article].id).into_owned();
                self.say(format!("Moved to {id}."));
            }
            _ if all => self.say("No disagreement left in that direction."),
            _ => self
                .say("No disagreement without gold left in that direction (T shows settled ones)."),
        }
    }

    /// Review rows on screen now, one page for page-down and page-up.
    fn review_page(&self) -> usize {
        let Some(p) = self.pane() else { return 1 };
        let shown = p.shown(self.review.only_split);
        let width = layout::text_width(
            usize::from(draw::areas(self.area()).list.width),
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
        let list = draw::areas(self.area()).list;
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
        usize::from(draw::areas(self.area()).list.height).max(1)
    }

    /// Keeps the cursor row on screen and analyses the rows shown.
    pub(crate) fn settle_review(&mut self) {
        let only = self.review.only_split;
        let (w, h) = (
            usize::from(draw::areas(self.area()).list.width),
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
