//! Where the user is: one main view, at most one pager over it, and at most one modal (a
//! prompt or a question) over that. Key resolution, `update` and drawing all ask
//! [`Screen`], so "which keys apply" and "what is drawn" cannot disagree.

use crate::tui::action::View;
use crate::tui::widgets::line_edit::LineEdit;

/// A scrollable full-screen text over the current view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pager {
    /// The keys of the active keymap.
    Help { scroll: usize },
    /// The annotation guidelines (the corpus's `GUIDELINES.md` or the built-in text).
    Guidelines { scroll: usize },
}

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    Filter,
    Search,
    Note,
    /// The reason for flagging the article for review.
    Flag,
    /// A reviewer's note on the gold label.
    GoldNote,
}

/// A y/n question; every other key answers no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Quit glose? (asked on a quit from the reader unless `confirm_quit: false`).
    Quit,
    /// Quit and lose changes that could not be saved?
    QuitUnsaved,
}

/// What an accept question would settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accept {
    pub kind: AcceptKind,
    /// Sentences it settles in the article shown.
    pub here: usize,
    /// Sentences it settles in the whole corpus (this article included).
    pub corpus: usize,
}

/// Which sentences an accept key settles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptKind {
    /// All annotators gave the same label: gold takes it.
    Unanimous,
    /// More than half of them gave one label: gold takes it.
    Majority,
}

/// What takes every key while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// Typing into a one-line prompt.
    Prompt(Prompt, LineEdit),
    /// Waiting for y/n.
    Confirm(Question),
    /// Choosing where to split the cursor sentence: the byte offset in the article where
    /// the new sentence would start (a word start).
    Split(usize),
    /// Waiting for y (this article), c (whole corpus) or anything else (no) before
    /// settling many sentences at once.
    Accept(Accept),
    /// A refused request stays on screen and swallows what was typed after it, until
    /// Enter or Esc: text meant for a prompt that did not open never runs as keys.
    Refused(String),
}

/// What `glose` was started for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Session {
    /// Labeling: the library's Enter opens the reader.
    #[default]
    Annotate,
    /// `glose review`: the library shows agreement columns and Enter opens the review view.
    Review,
}

/// Where the user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    view: View,
    pager: Option<Pager>,
    modal: Option<Modal>,
    session: Session,
}

impl Default for Screen {
    fn default() -> Self {
        Screen {
            view: View::Library,
            pager: None,
            modal: None,
            session: Session::Annotate,
        }
    }
}

impl Screen {
    /// The main view (library, reader, review or stats), whatever covers it.
    pub fn view(&self) -> View {
        self.view
    }

    /// The keymap section that applies when no modal is open: the pager's, else the view's.
    pub fn section(&self) -> View {
        if self.pager.is_some() {
            View::Help
        } else {
            self.view
        }
    }

    /// Shows a main view, closing any pager and modal.
    pub fn show(&mut self, view: View) {
        debug_assert!(view != View::Help, "Help is a pager, not a main view");
        self.view = view;
        self.pager = None;
        self.modal = None;
    }

    pub fn pager(&self) -> Option<&Pager> {
        self.pager.as_ref()
    }

    pub fn pager_mut(&mut self) -> Option<&mut Pager> {
        self.pager.as_mut()
    }

    /// Covers the view with a pager (or closes it with `None`).
    pub fn cover(&mut self, pager: Option<Pager>) {
        self.pager = pager;
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    pub fn modal_mut(&mut self) -> Option<&mut Modal> {
        self.modal.as_mut()
    }

    /// Opens a modal over everything.
    pub fn ask(&mut self, modal: Modal) {
        self.modal = Some(modal);
    }

    /// Closes the modal, returning it.
    pub fn close_modal(&mut self) -> Option<Modal> {
        self.modal.take()
    }

    /// The prompt being typed, if one is open.
    pub fn prompt(&self) -> Option<(Prompt, &LineEdit)> {
        match &self.modal {
            Some(Modal::Prompt(kind, line)) => Some((*kind, line)),
            _ => None,
        }
    }

    pub fn session(&self) -> Session {
        self.session
    }

    pub fn set_session(&mut self, session: Session) {
        self.session = session;
    }

    /// True for a `glose review` session.
    pub fn reviewing(&self) -> bool {
        self.session == Session::Review
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_takes_the_keys_until_a_view_is_shown() {
        let mut s = Screen::default();
        assert_eq!((s.view(), s.section()), (View::Library, View::Library));
        s.cover(Some(Pager::Help { scroll: 0 }));
        assert_eq!((s.view(), s.section()), (View::Library, View::Help));
        s.ask(Modal::Confirm(Question::Quit));
        s.show(View::Reader);
        assert_eq!((s.view(), s.section()), (View::Reader, View::Reader));
        assert_eq!((s.pager(), s.modal()), (None, None));
    }
}
