//! Which sentences are on screen, and their lines. Only the visible sentences are wrapped,
//! so a key press costs the same in a 1 MB article as in a short one. Drawing and mouse
//! clicks use the same function, so a click lands where the eye sees it.

use crate::tui::views::reader::article::Article;
use crate::tui::widgets::wrap::{self, Line};

/// One screen row of the reader's text area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The sentence on this row; `None` for the blank line between paragraphs.
    pub sentence: Option<usize>,
    /// The first row of its sentence (where the gutter marks go).
    pub first: bool,
    pub line: Line<'a>,
}

/// The lines of sentence `i`, wrapped as they are taken.
pub fn lines(a: &Article, i: usize, width: usize) -> wrap::Wrap<'_> {
    let s = a.doc.sentences[i];
    wrap::lines(&a.doc.raw, s.start, s.end, width)
}

/// The most lines of one sentence that scrolling counts: more than any screen has, so a
/// sentence that tall fills the screen from its start whatever its true height, and a unit
/// of megabytes is measured in a few screens' worth of wrapping.
pub const MAX_HEIGHT: usize = 1_000;

/// Line counts of an article's sentences at one width, measured once each: scrolling
/// needs only heights, and wrapping is what a key press would otherwise spend its time on.
#[derive(Debug, Clone, Default)]
pub struct Heights {
    width: usize,
    /// 0 until measured (every sentence takes at least one line).
    rows: Vec<u32>,
}

/// Lines of sentence `i` at `width`, from the cache when measured before.
fn height(a: &mut Article, i: usize, width: usize) -> usize {
    if a.heights.width != width || a.heights.rows.len() != a.len() {
        a.heights = Heights {
            width,
            rows: vec![0; a.len()],
        };
    }
    match a.heights.rows[i] {
        0 => {
            let n = lines(a, i, width).take(MAX_HEIGHT).count().max(1);
            a.heights.rows[i] = u32::try_from(n).unwrap_or(u32::MAX);
            n
        }
        n => n as usize,
    }
}

/// Rows from `a.top` down, at most `height`.
pub fn visible(a: &Article, width: usize, height: usize) -> Vec<Row<'_>> {
    let mut rows = Vec::with_capacity(height);
    let mut i = a.top;
    while i < a.len() && rows.len() < height {
        if i > a.top && a.paragraph(i) != a.paragraph(i - 1) {
            rows.push(Row {
                sentence: None,
                first: false,
                line: Line::default(),
            });
        }
        let room = height - rows.len();
        for (n, line) in lines(a, i, width).take(room).enumerate() {
            rows.push(Row {
                sentence: Some(i),
                first: n == 0,
                line,
            });
        }
        i += 1;
    }
    rows
}

/// Rows sentence `i` takes, with the blank line before it if it opens a paragraph.
fn height_with_gap(a: &mut Article, i: usize, width: usize, top: usize) -> usize {
    let gap = usize::from(i > top && a.paragraph(i) != a.paragraph(i - 1));
    height(a, i, width) + gap
}

/// Moves `a.top` the least so the cursor sentence is fully on screen. Looks at no more
/// sentences than fit on one screen.
pub fn scroll_to_cursor(a: &mut Article, width: usize, rows: usize) {
    if a.is_empty() {
        return;
    }
    a.cursor = a.cursor.min(a.len() - 1);
    a.top = a.top.min(a.len() - 1);
    if a.cursor < a.top {
        a.top = a.cursor;
        return;
    }
    fill_to_bottom(a, width, rows);
    let mut used = 0;
    for i in a.top..=a.cursor {
        used += height_with_gap(a, i, width, a.top);
        if used > rows {
            break;
        }
    }
    if used <= rows {
        return;
    }
    // Fill upwards from the cursor.
    let mut top = a.cursor;
    let mut used = height(a, top, width);
    while top > 0 {
        let gap = usize::from(a.paragraph(top) != a.paragraph(top - 1));
        let h = height(a, top - 1, width) + gap;
        if used + h > rows {
            break;
        }
        used += h;
        top -= 1;
    }
    a.top = top;
}

/// Near the end of an article (or after the screen grew), moves `a.top` up so the screen
/// has no empty rows at the bottom while there is text above.
fn fill_to_bottom(a: &mut Article, width: usize, rows: usize) {
    let mut used = 0;
    let mut i = a.top;
    while i < a.len() && used < rows {
        used += height_with_gap(a, i, width, a.top);
        i += 1;
    }
    let mut used = used.min(rows);
    while a.top > 0 && used < rows {
        let top = a.top;
        let gap = usize::from(a.paragraph(top) != a.paragraph(top - 1));
        let h = height(a, top - 1, width) + gap;
        if used + h > rows {
            break;
        }
        used += h;
        a.top -= 1;
    }
}

/// The first sentence above `a.top` that starts a screen ending just before it.
pub fn page_up_top(a: &mut Article, width: usize, rows: usize) -> usize {
    let mut top = a.top;
    let mut used = 0;
    while top > 0 {
        let gap = usize::from(a.paragraph(top) != a.paragraph(top - 1));
        let h = height(a, top - 1, width) + gap;
        if used + h > rows {
            break;
        }
        used += h;
        top -= 1;
    }
    if top == a.top {
        a.top.saturating_sub(1)
    } else {
        top
    }
}
