//! The one-line widgets shared by the views: fitting text to a width, the hint bar
//! generated from the keymap, and the message/prompt line.

use crate::tui::action::{self, View};
use crate::tui::app::App;
use crate::tui::screen::Prompt;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
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

/// Draws the message line in `area`, or `fallback` when there is no message. A message
/// wider than the line is wrapped at word boundaries and grows upwards over the rows
/// above (never over the top status bar), so it is read whole, never cut mid-word.
pub fn draw_message(f: &mut Frame, app: &App, area: Rect, fallback: Option<Line<'static>>) {
    let width = usize::from(area.width);
    if app.screen.prompt().is_none()
        && let Some((text, error)) = &app.message
    {
        let text = crate::model::sanitize::clean(text).into_owned();
        if UnicodeWidthStr::width(text.as_str()) > width && width > 0 {
            let style = if *error {
                app.theme.error()
            } else {
                Style::new()
            };
            let lines: Vec<Line<'static>> =
                crate::tui::widgets::wrap::wrap(&text, 0, text.len(), width)
                    .into_iter()
                    .map(|l| {
                        let s: String = l.pieces.iter().map(|p| p.text.as_ref()).collect();
                        Line::styled(s.trim_end().to_string(), style)
                    })
                    .collect();
            let rows = (lines.len() as u16).min(area.y.max(1));
            let top = area.y + 1 - rows;
            let rect = Rect::new(area.x, top, area.width, rows);
            f.render_widget(Clear, rect);
            f.render_widget(Paragraph::new(lines), rect);
            return;
        }
    }
    if let Some(line) = message_line(app, width).or(fallback) {
        f.render_widget(Paragraph::new(line), area);
    }
}

/// The prompt being typed, a question, or the last message; `None` if there is nothing.
/// A prompt longer than `width` scrolls to keep the cursor in view.
pub fn message_line(app: &App, width: usize) -> Option<Line<'static>> {
    if let Some((kind, line)) = app.screen.prompt() {
        let label = match kind {
            Prompt::Filter => "filter: ",
            Prompt::Search => "search: ",
            Prompt::Note => "note: ",
            Prompt::Flag => "flag for review, reason: ",
            Prompt::GoldNote => "gold note: ",
        };
        let (head, tail) = line.split();
        let clean = |s: &str| crate::model::sanitize::clean(s).into_owned();
        let (mut head, tail) = (clean(head), clean(tail));
        let keys = "  Enter ok · Esc cancel";
        let room = width.saturating_sub(label.len() + 1);
        let hint = if UnicodeWidthStr::width(head.as_str())
            + UnicodeWidthStr::width(tail.as_str())
            + keys.len()
            <= room
        {
            keys
        } else {
            ""
        };
        // Scrolled: the end of what is before the cursor stays in view.
        while UnicodeWidthStr::width(head.as_str()) > room.saturating_sub(1) && !head.is_empty() {
            let cut = head.graphemes(true).next().map_or(1, str::len);
            head.replace_range(..cut, "");
        }
        return Some(Line::from(vec![
            Span::styled(label, app.theme.key()),
            Span::raw(head),
            Span::styled("▏", Style::new()),
            Span::raw(tail),
            Span::styled(hint, app.theme.dim()),
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
