//! The stats screen's actions: scrolling, choosing the pair whose matrix is shown, going back.

use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::views::stats::draw;
use crate::tui::widgets::scroll::moved;

impl App {
    /// Scrolls the figures, picks the pair whose matrix is shown, or goes back.
    pub(crate) fn stats_action(&mut self, a: Action) {
        let body = draw::areas(self.area()).body;
        let (width, height) = (usize::from(body.width), usize::from(body.height).max(1));
        let total = draw::line_count(self, width);
        let max = total.saturating_sub(height);
        let Some(s) = &mut self.stats else {
            self.screen.show(View::Library);
            return;
        };
        let pairs = s.report.as_ref().map_or(0, |r| r.report.pairs.len());
        if let Some(to) = moved(a, s.scroll, max, height) {
            s.scroll = to;
            return;
        }
        match a {
            Action::NextPair if pairs > 0 => s.pair = (s.pair + 1) % pairs,
            Action::PrevPair if pairs > 0 => s.pair = (s.pair + pairs - 1) % pairs,
            Action::Back => {
                let back = s.back;
                self.screen.show(back);
            }
            _ => {}
        }
    }
}
