//! The library's actions: moving the selection, opening an article, sorting and the
//! filter prompt.

use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Prompt};
use crate::tui::views::library::{Sort, draw};

impl App {
    /// Rows of the library list, from its layout.
    pub fn library_rows(&self) -> usize {
        usize::from(draw::areas(self.screen()).list.height).max(1)
    }

    /// Moves the selection, opens the selected article, sorts or filters.
    pub(crate) fn library_action(&mut self, a: Action) {
        let rows = self.library_rows();
        let lib = &mut self.library;
        let last = lib.order.len().saturating_sub(1);
        match a {
            Action::Down => lib.selected = (lib.selected + 1).min(last),
            Action::Up => lib.selected = lib.selected.saturating_sub(1),
            Action::First => lib.selected = 0,
            Action::Last => lib.selected = last,
            Action::PageDown => lib.selected = (lib.selected + rows).min(last),
            Action::PageUp => lib.selected = lib.selected.saturating_sub(rows),
            Action::Open | Action::OpenReview => {
                if let Some(e) = lib.current() {
                    if a == Action::OpenReview || self.review.mode {
                        self.open_review(e);
                    } else {
                        self.open_entry(e);
                    }
                }
            }
            Action::Stats => self.open_stats(),
            Action::Filter => self.mode = Mode::Prompt(Prompt::Filter, lib.filter.clone()),
            Action::CycleSort => {
                lib.sort = match lib.sort {
                    Sort::Name => Sort::Progress,
                    Sort::Progress => Sort::Name,
                };
                lib.refresh_for(Some(&self.annotator));
            }
            Action::Back if !lib.filter.is_empty() => {
                lib.filter.clear();
                lib.refresh_for(Some(&self.annotator));
            }
            _ => {}
        }
    }
}
