//! `App::update`: the one function that applies an [`Action`]. Library, pager and prompt
//! actions are here; reader movement is in `nav`, changes to labels in `edit`.

use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::screen::{Modal, Pager, Prompt, Question};
use crate::tui::views::pager::guidelines;
use crate::tui::widgets::line_edit::LineEdit;

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
        if !matches!(action, Action::Resize(..)) {
            self.reader.past_end &= action.changes_label();
            self.reader.found &= action == Action::SearchNext;
        }
        match self.screen.modal().cloned() {
            Some(Modal::Confirm(q)) => self.answer(q, action),
            Some(Modal::Prompt(kind, line)) => self.prompt(kind, line, action),
            Some(Modal::Accept(q)) => match action {
                Action::Input(c) => self.confirm_accept(q, c),
                Action::Resize(..) => {}
                Action::Quit => {
                    self.screen.close_modal();
                    self.request_quit();
                }
                _ => self.confirm_accept(q, 'n'),
            },
            Some(Modal::Refused(why)) => match action {
                Action::Submit | Action::Cancel => {
                    self.screen.close_modal();
                }
                Action::Quit => {
                    self.screen.close_modal();
                    self.request_quit();
                }
                // Swallowed: the refusal stays on screen until Enter or Esc.
                _ => self.warn(why),
            },
            Some(Modal::Split(at)) => match action {
                Action::Resize(..) | Action::Scroll(_) | Action::Click { .. } => {}
                a => self.split_key(at, a),
            },
            None => self.run(action),
        }
        self.settle(!matches!(action, Action::Scroll(_)));
        if self.screen.view() == View::Review {
            self.settle_review();
        }
    }

    fn run(&mut self, action: Action) {
        match action {
            Action::Quit if self.review.unsaved => {
                self.screen.ask(Modal::Confirm(Question::QuitUnsaved));
                self.warn("Gold changes are NOT SAVED. Quit anyway and lose them? (y/n)");
            }
            // Unsaved labels make request_quit ask its own question: one question either way.
            Action::Quit if self.confirm_quit && self.in_labeling_view() && self.save_all() => {
                self.screen.ask(Modal::Confirm(Question::Quit));
                self.say("Quit glose? (y/n)");
            }
            Action::Quit => self.request_quit(),
            Action::Unbound(key) => self.unbound(key),
            Action::Help => {
                let help = match self.screen.pager() {
                    Some(Pager::Help { .. }) => None,
                    _ => Some(Pager::Help { scroll: 0 }),
                };
                self.screen.cover(help);
            }
            Action::Guidelines => {
                if self.guidelines.is_none() {
                    self.guidelines = Some(guidelines::load(&self.root));
                }
                self.screen.cover(Some(Pager::Guidelines { scroll: 0 }));
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll(n) => self.scroll(n),
            Action::Resize(..)
            | Action::Input(_)
            | Action::Edit(_)
            | Action::Ignored
            | Action::Submit
            | Action::Cancel => {}
            a if self.screen.pager().is_some() => self.pager_action(a),
            a @ (Action::Undo | Action::Redo) if self.in_review() => self.review_action(a),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            a => match self.screen.view() {
                View::Library => self.library_action(a),
                View::Reader => self.reader_action(a),
                View::Review => self.review_action(a),
                View::Stats => self.stats_action(a),
                View::Help => {}
            },
        }
    }

    /// A y/n answer: `y` (or a second quit) says yes, any other key no.
    fn answer(&mut self, q: Question, action: Action) {
        if let Action::Resize(..) = action {
            return;
        }
        self.screen.close_modal();
        let yes = matches!(action, Action::Input('y' | 'Y'));
        match q {
            Question::Quit | Question::QuitUnsaved if yes || action == Action::Quit => {
                if q == Question::Quit {
                    self.request_quit();
                } else {
                    self.quit = true;
                }
            }
            Question::Quit | Question::QuitUnsaved => self.say("Not quitting."),
        }
    }

    /// A key in an open prompt: it edits the line, confirms or cancels it; nothing else.
    fn prompt(&mut self, kind: Prompt, mut line: LineEdit, action: Action) {
        match action {
            Action::Input(c) => line.insert(c.encode_utf8(&mut [0; 4])),
            Action::Edit(e) => line.edit(e),
            Action::Cancel => {
                self.screen.close_modal();
                if kind == Prompt::Filter {
                    self.library.filter.clear();
                    self.library.refresh_for(Some(&self.annotator));
                }
                return;
            }
            Action::Submit => {
                self.screen.close_modal();
                let text = line.text().to_string();
                match kind {
                    Prompt::Filter => {}
                    Prompt::Search => self.search(text),
                    Prompt::Note => self.set_note(text),
                    Prompt::Flag => self.flag(&text),
                    Prompt::GoldNote => self.set_gold_note(text),
                }
                return;
            }
            _ => return,
        }
        self.set_prompt(kind, line);
    }

    /// Refuses a request that would have opened a prompt: the reason stays on screen and
    /// what is typed next is swallowed until Enter or Esc, so text meant for the prompt
    /// never runs as keys.
    pub(crate) fn refuse(&mut self, why: &str) {
        let why = format!("{why} (Enter or Esc to go on)");
        self.warn(why.clone());
        self.screen.ask(Modal::Refused(why));
    }

    /// Pasted text: typed into the open prompt, ignored elsewhere (a paste never runs
    /// as keys).
    pub fn paste(&mut self, text: &str) {
        if let Some((kind, line)) = self.screen.prompt() {
            let mut line = line.clone();
            line.insert(text);
            self.set_prompt(kind, line);
        }
    }

    /// Opens a prompt, or updates the open one, with the filter following its text.
    pub(crate) fn set_prompt(&mut self, kind: Prompt, line: LineEdit) {
        if kind == Prompt::Filter && self.library.filter != line.text() {
            self.library.filter = line.text().to_string();
            self.library.refresh_for(Some(&self.annotator));
        }
        self.screen.ask(Modal::Prompt(kind, line));
    }

    /// True in the views where a slip of Shift beside a label key could quit (and a
    /// question could be read: not while the screen is too small).
    fn in_labeling_view(&self) -> bool {
        self.screen.pager().is_none()
            && matches!(self.screen.view(), View::Reader | View::Review)
            && !crate::tui::too_small(self.size.0, self.size.1)
    }

    /// A key bound to nothing: a capital letter whose small letter does something here is
    /// most likely Caps Lock, and says so; other keys do nothing.
    fn unbound(&mut self, key: crate::tui::keymap::Key) {
        let crate::tui::keymap::Code::Char(c) = key.code else {
            return;
        };
        let small = crate::tui::keymap::Key {
            code: crate::tui::keymap::Code::Char(c.to_lowercase().next().unwrap_or(c)),
            ..key
        };
        if let Some(a) = self.keymap.lookup(self.active_view(), small) {
            self.warn(format!("Caps Lock? {c} does nothing here; {small} is {a}."));
        }
    }

    /// True where undo means gold: the review screens, and the library of `glose review`.
    fn in_review(&self) -> bool {
        match self.screen.view() {
            View::Review | View::Stats => true,
            View::Library => self.screen.reviewing(),
            _ => false,
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let _ = column;
        let row = usize::from(row);
        if self.screen.pager().is_some() {
            return;
        }
        match self.screen.view() {
            View::Library => self.click_library(row),
            View::Reader => self.click_reader(row),
            View::Review => self.click_review(row),
            View::Stats | View::Help => {}
        }
    }

    fn scroll(&mut self, n: i16) {
        if self.screen.pager().is_some() {
            let a = if n > 0 { Action::Down } else { Action::Up };
            for _ in 0..n.unsigned_abs() {
                self.pager_action(a);
            }
            return;
        }
        match self.screen.view() {
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
        if self.screen.view() == View::Reader {
            self.settle_reader(follow_cursor);
        }
    }
}
