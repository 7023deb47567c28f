//! The one-line widgets shared by the views: fitting text to a width, the hint bar
//! generated from the keymap, and the message/prompt line.

use crate::tui::action::{self, View};
use crate::tui::app::{App, Mode, Prompt};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `s` cut to `width` columns (with `…` when cut) and padded with spaces to exactly `width`.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    let total = UnicodeWidthStr::width(s);
    for g in s.graphemes(true) {
        let gw = UnicodeWidthStr::width(g);
        if total > width && w + gw + 1 > width {
            if width > 0 {
                out.push('…');
                w += 1;
            }
            break;
        }
        if w + gw > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// The keys of the main actions of `view`, from the active keymap.
pub fn hint_line(app: &App, view: View) -> Line<'static> {
    let mut spans = Vec::new();
    for &(a, word) in action::hints(view) {
        let Some(key) = app.keymap.keys_for(view, a).into_iter().next() else {
            continue;
        };
        spans.push(Span::styled(key.to_string(), app.theme.key()));
        spans.push(Span::styled(format!(" {word} "), app.theme.dim()));
    }
    Line::from(spans)
}

/// The prompt being typed, a question, or the last message; `None` if there is nothing.
pub fn message_line(app: &App) -> Option<Line<'static>> {
    if let Mode::Prompt(kind, text) = &app.mode {
        let label = match kind {
            Prompt::Filter => "filter: ",
            Prompt::Search => "search: ",
            Prompt::Note => "note: ",
            Prompt::Flag => "flag for review, reason: ",
            Prompt::GoldNote => "gold note: ",
        };
        let shown = crate::model::sanitize::clean(text).into_owned();
        return Some(Line::from(vec![
            Span::styled(label, app.theme.key()),
            Span::raw(shown),
            Span::styled("▏", Style::new()),
            Span::styled("  Enter ok · Esc cancel", app.theme.dim()),
        ]));
    }
    let (text, error) = app.message.as_ref()?;
    let style = if *error {
        app.theme.error()
    } else {
        Style::new()
    };
    Some(Line::styled(
        crate::model::sanitize::clean(text).into_owned(),
        style,
    ))
}
