//! The library's columns in review mode: annotators per article, their agreement, the
//! disagreements gold has not settled yet, and rows adjudicated. Same width as the
//! progress columns they replace.

use crate::tui::app::App;
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

/// The status bar's summary in review mode: gold so far and disagreements left; `None`
/// outside review mode.
pub fn totals(app: &App) -> Option<String> {
    if !app.screen.reviewing() {
        return None;
    }
    let Some(ix) = &app.review.index else {
        return Some("summarising agreement…".to_string());
    };
    let rows: usize = ix.articles.iter().map(|a| a.rows).sum();
    let gold: usize = ix.articles.iter().map(|a| a.adjudicated).sum();
    let open: usize = ix.articles.iter().map(|a| a.unsettled()).sum();
    Some(format!(
        "gold {gold}/{rows} │ {open} disagreements without gold"
    ))
}
