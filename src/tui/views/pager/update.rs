//! The pager's actions: scrolling and closing.

use crate::tui::action::Action;
use crate::tui::app::{App, Pager};
use crate::tui::views::pager::draw;
use crate::tui::widgets::scroll::moved;

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
        if let Some(to) = moved(a, *scroll, max, height) {
            *scroll = to;
        } else if a == Action::Back {
            self.pager = None;
        }
    }
}
