//! Which review rows are on screen, and their lines: used by drawing, clicks, paging and
//! scrolling alike, so each sees the same rows.

use crate::tui::views::review::Pane;
use crate::tui::widgets::wrap::{self, Line as Wrapped};

/// Columns left of the annotator letters (marker, status mark, space) and right of them
/// (`│`, gold letter, space).
pub const LEFT: usize = 3;
pub const RIGHT: usize = 3;

/// Columns left for text when `annotators` columns are shown in `width`.
pub fn text_width(width: usize, annotators: usize) -> usize {
    width.saturating_sub(LEFT + 2 * annotators + RIGHT).max(8)
}

/// The header mark of annotator column `i`: 1–9, then a–z.
pub fn column_mark(i: usize) -> char {
    match i {
        0..9 => char::from(b'1' + i as u8),
        _ => char::from(b'a' + ((i - 9) % 26) as u8),
    }
}

/// One screen row of the review list.
#[derive(Debug)]
pub struct Row<'a> {
    pub unit: usize,
    /// The first line of its row (where the marks go).
    pub first: bool,
    pub line: Wrapped<'a>,
}

/// The lines of row `u` at `width` columns, wrapped as they are taken.
fn lines(p: &Pane, u: usize, width: usize) -> wrap::Wrap<'_> {
    let unit = &p.review.aligned().units[u];
    wrap::lines(&p.review.aligned().doc.raw, unit.start, unit.end, width)
}

/// Lines of row `u`, counted no further than one more than `height` (a unit of megabytes
/// is taller than any screen, and scrolling needs to know no more).
fn height_of(p: &Pane, u: usize, width: usize, height: usize) -> usize {
    lines(p, u, width).take(height + 1).count()
}

/// Screen rows from `p.top` down, at most `height`, over the rows `shown`.
pub fn rows<'a>(p: &'a Pane, shown: &[usize], width: usize, height: usize) -> Vec<Row<'a>> {
    let mut out = Vec::with_capacity(height);
    for &u in shown.iter().filter(|&&u| u >= p.top) {
        if out.len() == height {
            return out;
        }
        let room = height - out.len();
        for (n, line) in lines(p, u, width).take(room).enumerate() {
            out.push(Row {
                unit: u,
                first: n == 0,
                line,
            });
        }
    }
    out
}

/// Moves `p.top` the least so the cursor row is on screen; looks at no more rows than fit.
pub fn scroll_to_cursor(p: &mut Pane, shown: &[usize], width: usize, height: usize) {
    let Some(pos) = shown.iter().position(|&u| u >= p.cursor) else {
        return;
    };
    p.cursor = shown[pos];
    let top = shown.iter().position(|&u| u >= p.top).unwrap_or(0);
    if pos <= top {
        p.top = p.cursor;
        return;
    }
    let mut used = 0;
    for &u in &shown[top..=pos] {
        used += height_of(p, u, width, height);
        if used > height {
            break;
        }
    }
    if used <= height {
        return;
    }
    // Fill upwards from the cursor.
    let mut first = pos;
    let mut used = height_of(p, shown[pos], width, height);
    while first > 0 {
        let h = height_of(p, shown[first - 1], width, height);
        if used + h > height {
            break;
        }
        used += h;
        first -= 1;
    }
    p.top = shown[first];
}
