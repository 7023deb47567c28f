//! The terminal UI: a library of articles, a reader for one-key labeling, and review
//! screens (annotators side by side, gold, agreement figures). State and
//! behaviour ([`App`], `update`) are testable without a terminal; the views only draw;
//! `terminal` owns the real terminal and the event loop.

pub mod action;
mod app;
mod article;
mod bars;
mod confidence;
mod crash_hook;
mod edit;
pub mod guidelines;
pub mod keymap;
mod layout;
mod learn;
mod library;
mod library_view;
mod nav;
mod pager_view;
mod reader_view;
mod review;
mod review_columns;
mod review_update;
mod review_view;
mod scan;
pub mod shutdown;
mod stats;
mod stats_view;
mod style;
mod terminal;
mod undo;
mod update;
mod wrap;

pub use app::{App, MIN_SIZE, Mode, Pager, Prompt, SaveState, key_of, too_small};
pub use article::Article;
pub use library::{Library, Sort};
pub use review::{Pane, ReviewState};
pub use stats::Stats;
pub use style::Theme;
pub use terminal::{run, run_in, start};

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
        return pager_view::draw(f, app);
    }
    match app.view {
        View::Reader if app.article().is_some() => reader_view::draw(f, app),
        View::Review if app.pane().is_some() => review_view::draw(f, app),
        View::Stats if app.stats.is_some() => stats_view::draw(f, app),
        _ => library_view::draw(f, app),
    }
}
