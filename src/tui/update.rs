//! `App::update`: the one function that applies an [`Action`]. Library, pager and prompt
//! actions are here; reader movement is in `nav`, changes to labels in `edit`.

use crate::tui::action::{Action, View};
use crate::tui::app::{App, Mode, Pager, Prompt};
use crate::tui::views::pager::guidelines;

impl App {
    /// Applies one action, then keeps the cursor on screen and the visible sentences
    /// analysed. Every change of labels is on disk (or reported unsaved) when this returns.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
        } else if crate::tui::too_small(self.size.0, self.size.1) && action != Action::Quit {
            // The screen only asks for a larger window: a key pressed then, unseen,
            // must not label or move anything. Quitting still works.
            return;
        } else if !matches!(action, Action::Scroll(_)) {
            self.message = None;
        }
        match self.mode.clone() {
            Mode::ConfirmQuit => match action {
                Action::Input('y' | 'Y') | Action::Quit => self.quit = true,
                Action::Resize(..) => self.mode = Mode::ConfirmQuit,
                _ => {
                    self.mode = Mode::Normal;
                    self.say("Not quitting.");
                }
            },
            Mode::ConfirmAccept(n) => match action {
                Action::Input('y' | 'Y') => self.confirm_accept(true),
                Action::Resize(..) => self.mode = Mode::ConfirmAccept(n),
                Action::Quit => {
                    self.mode = Mode::Normal;
                    self.request_quit();
                }
                _ => self.confirm_accept(false),
            },
            Mode::Prompt(kind, text) => self.prompt(kind, text, action),
            Mode::Split(at) => match action {
                Action::Resize(..) | Action::Scroll(_) | Action::Click { .. } => {}
                a => self.split_key(at, a),
            },
            Mode::Normal => self.run(action),
        }
        self.settle(!matches!(action, Action::Scroll(_)));
        if self.view == View::Review {
            self.settle_review();
        }
    }

    fn run(&mut self, action: Action) {
        match action {
            Action::Quit if self.review.unsaved => {
                self.mode = Mode::ConfirmQuit;
                self.warn("Gold changes are NOT SAVED. Quit anyway and lose them? (y/n)");
            }
            Action::Quit => self.request_quit(),
            Action::Help => {
                self.pager = match self.pager {
                    Some(Pager::Help { .. }) => None,
                    _ => Some(Pager::Help { scroll: 0 }),
                }
            }
            Action::Guidelines => {
                if self.guidelines.is_none() {
                    self.guidelines = Some(guidelines::load(&self.root));
                }
                self.pager = Some(Pager::Guidelines { scroll: 0 });
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll(n) => self.scroll(n),
            Action::Resize(..)
            | Action::Input(_)
            | Action::InputBackspace
            | Action::Submit
            | Action::Cancel => {}
            a if self.pager.is_some() => self.pager_action(a),
            a @ (Action::Undo | Action::Redo) if self.in_review() => self.review_action(a),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            a => match self.view {
                View::Library => self.library_action(a),
                View::Reader => self.reader_action(a),
                View::Review => self.review_action(a),
                View::Stats => self.stats_action(a),
                View::Help => {}
            },
        }
    }

    fn prompt(&mut self, kind: Prompt, mut text: String, action: Action) {
        match action {
            Action::Input(c) => text.push(c),
            Action::InputBackspace => {
                text.pop();
            }
            Action::Quit => {
                self.mode = Mode::Normal;
                return self.request_quit();
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                if kind == Prompt::Filter {
                    self.library.filter.clear();
                    self.library.refresh_for(Some(&self.annotator));
                }
                return;
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                match kind {
                    Prompt::Filter => {}
                    Prompt::Search => self.search(text),
                    Prompt::Note => self.set_note(text),
                    Prompt::Flag => self.flag(&text),
                    Prompt::GoldNote => self.set_gold_note(text),
                }
                return;
            }
            _ => {}
        }
        if kind == Prompt::Filter {
            self.library.filter = text.clone();
            self.library.refresh_for(Some(&self.annotator));
        }
        self.mode = Mode::Prompt(kind, text);
    }

    /// True where undo means gold: the review screens, and the library of `glose review`.
    fn in_review(&self) -> bool {
        match self.view {
            View::Review | View::Stats => true,
            View::Library => self.review.mode,
            _ => false,
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let _ = column;
        let row = usize::from(row);
        if self.pager.is_some() {
            return;
        }
        match self.view {
            View::Library => self.click_library(row),
            View::Reader => self.click_reader(row),
            View::Review => self.click_review(row),
            View::Stats | View::Help => {}
        }
    }

    fn scroll(&mut self, n: i16) {
        if self.pager.is_some() {
            let a = if n > 0 { Action::Down } else { Action::Up };
            for _ in 0..n.unsigned_abs() {
                self.pager_action(a);
            }
            return;
        }
        match self.view {
            View::Library => self.scroll_library(n),
            View::Reader => self.scroll_reader(n),
            View::Review => self.scroll_review(n),
            View::Stats => {
                let a = if n > 0 { Action::Down } else { Action::Up };
                for _ in 0..n.unsigned_abs() {
                    self.stats_action(a);
                }
            }
            View::Help => {}
        }
    }

    /// Keeps the library selection and the reader cursor on screen, and the reader's
    /// visible sentences analysed.
    pub(crate) fn settle(&mut self, follow_cursor: bool) {
        self.settle_library();
        if self.view == View::Reader {
            self.settle_reader(follow_cursor);
        }
    }
}
