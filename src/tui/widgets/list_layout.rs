//! The layout of a screen built around a list with a header: the library and the review
//! view share it today; either may get its own when it grows a pane.

use ratatui::layout::{Constraint, Layout, Rect};

/// Where a list screen's parts go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub status: Rect,
    /// The column names.
    pub header: Rect,
    /// The list rows.
    pub list: Rect,
    /// About the selected row, or the message line.
    pub detail: Rect,
    pub hints: Rect,
}

/// A list screen's layout in `area`: one row each for status, header, detail and hints,
/// the rest for the list.
pub fn list_areas(area: Rect) -> ListAreas {
    use Constraint::{Fill, Length};
    let [status, header, list, detail, hints] =
        Layout::vertical([Length(1), Length(1), Fill(1), Length(1), Length(1)]).areas(area);
    ListAreas {
        status,
        header,
        list,
        detail,
        hints,
    }
}
