//! The terminal UI: a library of articles, a reader for one-key labeling, and review
//! screens (annotators side by side, gold, agreement figures). State and
//! behaviour ([`App`], `update`) are testable without a terminal; the views only draw;
//! `terminal` owns the real terminal and the event loop.

pub mod action;
mod app;
mod background;
mod crash_hook;
pub mod job;
pub mod keymap;
mod learn;
pub mod shutdown;
mod style;
mod terminal;
mod undo;
mod update;
mod views;
mod widgets;

pub use app::{App, MIN_SIZE, Mode, Pager, Prompt, SaveState, key_of, too_small};
pub use style::Theme;
pub use terminal::{run, run_in, start};
pub use views::library::{Library, Sort};
pub use views::pager::guidelines;
pub use views::reader::Reading;
pub use views::reader::article::Article;
pub use views::review::{Pane, ReviewState};
pub use views::stats::Stats;

use crate::tui::action::View;
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen for the current state. Reads `app`, changes nothing.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if too_small(area.width, area.height) {
        let msg = format!(
            "Terminal too small: {}×{}. glose needs at least {}×{}; enlarge the window.",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        f.render_widget(
            Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    if app.pager.is_some() {
        return views::pager::draw::draw(f, app);
    }
    match app.view {
        View::Reader if app.article().is_some() => views::reader::draw::draw(f, app),
        View::Review if app.pane().is_some() => views::review::draw::draw(f, app),
        View::Stats if app.stats.is_some() => views::stats::draw::draw(f, app),
        _ => views::library::draw::draw(f, app),
    }
}
