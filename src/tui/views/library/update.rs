//! The library's actions: moving the selection, opening an article, sorting and the
//! filter prompt.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::screen::Prompt;
use crate::tui::views::library::{Sort, draw};
use crate::tui::widgets::line_edit::LineEdit;
use crate::tui::widgets::scroll::moved;

impl App {
    /// Rows of the library list, from its layout.
    pub fn library_rows(&self) -> usize {
        usize::from(draw::areas(self.area()).list.height).max(1)
    }

    /// Moves the selection, opens the selected article, sorts or filters.
    pub(crate) fn library_action(&mut self, a: Action) {
        let rows = self.library_rows();
        let lib = &mut self.library;
        let last = lib.order.len().saturating_sub(1);
        if let Some(to) = moved(a, lib.selected, last, rows) {
            lib.selected = to;
            return;
        }
        match a {
            Action::Open | Action::OpenReview => {
                if let Some(e) = lib.current() {
                    if a == Action::OpenReview || self.screen.reviewing() {
                        self.open_review(e);
                    } else {
                        self.open_entry(e);
                    }
                }
            }
            Action::Stats => self.open_stats(),
            Action::ToggleMine => self.toggle_mine(),
            Action::Filter => {
                let line = LineEdit::new(&lib.filter);
                self.set_prompt(Prompt::Filter, line);
            }
            Action::CycleSort => {
                lib.sort = match lib.sort {
                    Sort::Name => Sort::Progress,
                    Sort::Progress if self.screen.reviewing() => Sort::Unsettled,
                    Sort::Progress | Sort::Unsettled => Sort::Name,
                };
                lib.refresh_for(Some(&self.annotator));
            }
            Action::StatusFilter => {
                lib.status_filter = lib.status_filter.next();
                lib.by_all = self.screen.reviewing();
                lib.refresh_for(Some(&self.annotator));
                let (f, n) = (lib.status_filter.name(), lib.order.len());
                self.say(format!("Showing {f} articles ({n})."));
            }
            Action::Back if !lib.filter.is_empty() => {
                lib.filter.clear();
                lib.refresh_for(Some(&self.annotator));
            }
            _ => {}
        }
    }

    /// A click on the list selects the row under it; on the selected row, opens it.
    pub(crate) fn click_library(&mut self, row: usize) {
        let list = usize::from(draw::areas(self.area()).list.y);
        if let Some(i) = row.checked_sub(list)
            && i < self.library_rows()
        {
            let pos = self.library.top + i;
            if pos < self.library.order.len() {
                if pos == self.library.selected {
                    return self.library_action(Action::Open);
                }
                self.library.selected = pos;
            }
        }
    }

    /// The mouse wheel moves the selection.
    pub(crate) fn scroll_library(&mut self, n: i16) {
        let last = self.library.order.len().saturating_sub(1);
        let s = self.library.selected as isize + isize::from(n);
        self.library.selected = s.clamp(0, last as isize) as usize;
    }

    /// Keeps the selected row on screen.
    pub(crate) fn settle_library(&mut self) {
        let rows = self.library_rows();
        let lib = &mut self.library;
        if lib.selected < lib.top {
            lib.top = lib.selected;
        } else if lib.selected >= lib.top + rows {
            lib.top = lib.selected + 1 - rows;
        }
    }
}
