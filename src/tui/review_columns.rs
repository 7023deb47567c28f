//! The library's columns in review mode: annotators per article, their agreement, the
//! disagreements gold has not settled yet, and rows adjudicated. Same width as the
//! progress columns they replace.

use super::app::App;
use ratatui::style::Style;
use ratatui::text::Span;

/// Header of the review columns.
pub fn header() -> String {
    format!("{:>4} {:>6} {:>5} {:>9}", "Ann.", "Agree", "Split", "Gold")
}

/// The review columns of entry `e`; `…` until the summaries arrive.
pub fn cells(app: &App, e: usize, base: Style) -> Span<'static> {
    let summary = app.review.index.as_ref().and_then(|ix| ix.articles.get(e));
    let text = match summary {
        Some(s) if s.error.is_some() => format!("{:>4} {:>6} {:>5} {:>9}", "!", "", "", ""),
        Some(s) => {
            let agree = s
                .figures
                .observed
                .map_or_else(|| "–".to_string(), |o| format!("{:.1}%", o * 100.0));
            format!(
                "{:>4} {agree:>6} {:>5} {:>9}",
                s.annotators.len(),
                s.unsettled(),
                format!("{}/{}", s.adjudicated, s.rows)
            )
        }
        None => format!("{:>4} {:>6} {:>5} {:>9}", "…", "…", "…", "…"),
    };
    Span::styled(text, base)
}
