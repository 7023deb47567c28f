//! The context panel under the review list: the sentences before and after the cursor row
//! (hidden rows included, so it reads in context with `t` on), and per annotator their
//! label, whether it came from a suggestion (and which model) and their note.

use crate::model::sidecar::How;
use crate::tui::style::Theme;
use crate::tui::views::review::Pane;
use crate::tui::views::review::layout::column_mark;
use crate::tui::widgets::bars::fit;
use ratatui::text::{Line, Span};

/// Rows of the panel on a screen `height` rows high: none on a small screen.
pub fn height(height: u16) -> u16 {
    if height >= 20 { 5 } else { 0 }
}

/// The panel's lines, `rows` of them at most, `width` columns wide.
pub fn lines(t: &Theme, p: &Pane, width: usize, rows: usize) -> Vec<Line<'static>> {
    let r = &p.review;
    if rows == 0 || r.is_empty() {
        return Vec::new();
    }
    let u = p.cursor.min(r.len() - 1);
    let clean = |s: &str| crate::model::sanitize::clean(s).into_owned();
    let around = |arrow: &str, v: Option<usize>| {
        // No more of a unit than one line can show is copied: a unit can be megabytes.
        let start_of = |t: &str| -> String { clean(&t[..t.floor_char_boundary((width + 1) * 8)]) };
        let text = v.map_or_else(|| "(none)".to_string(), |v| start_of(r.text(v)));
        Line::styled(fit(&format!("{arrow} {text}"), width), t.dim())
    };
    let mut who: Vec<Line> = Vec::new();
    for (c, a) in r.annotators().iter().enumerate() {
        let Some(rec) = r.aligned().cells[u][c].as_ref() else {
            continue;
        };
        let mut s = format!("{} {a}: {}", column_mark(c), rec.label.name());
        match rec.how {
            How::Suggestion => {
                let model = rec.model.as_deref().unwrap_or("unknown model");
                s.push_str(&format!(" (accepted suggestion, {model})"));
            }
            How::Import => s.push_str(" (imported)"),
            How::Hand | How::Adjudication => {}
        }
        if let Some(n) = rec.note.as_deref().filter(|n| !n.is_empty()) {
            s.push_str(&format!(" · note: {n}"));
        }
        who.push(Line::from(Span::raw(fit(&clean(&s), width))));
    }
    if who.is_empty() {
        who.push(Line::styled("nobody labeled this sentence", t.dim()));
    }
    let room = rows.saturating_sub(2);
    if who.len() > room && room > 0 {
        let more = who.len() - room + 1;
        who.truncate(room - 1);
        who.push(Line::styled(format!("… {more} more"), t.dim()));
    }
    let mut out = vec![around("↑", u.checked_sub(1))];
    out.extend(who);
    out.push(around("↓", Some(u + 1).filter(|&v| v < r.len())));
    out.truncate(rows);
    out
}
