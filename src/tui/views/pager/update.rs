//! The pager's actions: scrolling and closing.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::screen::Pager;
use crate::tui::views::pager::draw;
use crate::tui::widgets::scroll::moved;

impl App {
    /// Rows of a pager's text, from its layout.
    pub fn pager_rows(&self) -> usize {
        usize::from(draw::areas(self.area()).body.height).max(1)
    }

    /// Scrolls or closes the pager.
    pub(crate) fn pager_action(&mut self, a: Action) {
        let body = draw::areas(self.area()).body;
        let (width, height) = (usize::from(body.width), self.pager_rows());
        let total = draw::line_count(self, width);
        let max = total.saturating_sub(height);
        let Some(Pager::Help { scroll } | Pager::Guidelines { scroll }) = self.screen.pager_mut()
        else {
            return;
        };
        if let Some(to) = moved(a, *scroll, max, height) {
            *scroll = to;
        } else if a == Action::Back {
            self.screen.cover(None);
        }
    }
}
