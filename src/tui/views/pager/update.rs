//! The pager's actions: scrolling and closing.

use crate::tui::action::Action;
use crate::tui::app::{App, Pager};
use crate::tui::views::pager::draw;

impl App {
    /// Rows of a pager's text, from its layout.
    pub fn pager_rows(&self) -> usize {
        usize::from(draw::areas(self.screen()).body.height).max(1)
    }

    /// Scrolls or closes the pager.
    pub(crate) fn pager_action(&mut self, a: Action) {
        let body = draw::areas(self.screen()).body;
        let (width, height) = (usize::from(body.width), self.pager_rows());
        let total = draw::line_count(self, width);
        let max = total.saturating_sub(height);
        let Some(Pager::Help { scroll } | Pager::Guidelines { scroll }) = &mut self.pager else {
            return;
        };
        match a {
            Action::Down => *scroll = (*scroll + 1).min(max),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::First => *scroll = 0,
            Action::Last => *scroll = max,
            Action::PageDown => *scroll = (*scroll + height).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(height),
            Action::Back => self.pager = None,
            _ => {}
        }
    }
}
