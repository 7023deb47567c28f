//! Draws the review view: status bar, a header naming the annotator columns, one row per
//! sentence (cursor or range marker, a `≠` where annotators disagree, one letter per
//! annotator, the gold letter, the wrapped text with highlights), a detail line and hints.

use crate::model::label::Label;
use crate::review::adjudicate::Status;
use crate::tui::action::View;
use crate::tui::app::{App, SaveState};
use crate::tui::style::Theme;
use crate::tui::views::review::Pane;
use crate::tui::views::review::context;
use crate::tui::views::review::layout::{LEFT, Row, column_mark, rows, text_width};
use crate::tui::widgets::bars::{self, fit};
use crate::tui::widgets::list_layout::list_areas;
use crate::tui::widgets::text::styled_text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Where the review view's parts go on the screen; drawing, clicks and paging all use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub status: Rect,
    pub header: Rect,
    pub list: Rect,
    /// Sentences around the cursor row and what each annotator said (empty when small).
    pub context: Rect,
    pub detail: Rect,
    pub hints: Rect,
}

/// The review view's layout in `area`: the list screen's, with the context panel taken
/// from the bottom of the list.
pub fn areas(area: Rect) -> Areas {
    let l = list_areas(area);
    let h = context::height(area.height).min(l.list.height.saturating_sub(3));
    let [list, context] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Fill(1),
        ratatui::layout::Constraint::Length(h),
    ])
    .areas(l.list);
    Areas {
        status: l.status,
        header: l.header,
        list,
        context,
        detail: l.detail,
        hints: l.hints,
    }
}

/// Draws the review view into the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let Some(p) = app.pane() else { return };
    let t = &app.theme;
    let width = usize::from(area.width);
    let at = areas(area);
    let h = usize::from(at.list.height);
    f.render_widget(Paragraph::new(status(app, p, width)), at.status);
    f.render_widget(Paragraph::new(header(t, p, width)), at.header);
    let shown = p.shown(app.review.only_split);
    let tw = text_width(usize::from(at.list.width), p.review.annotators().len());
    let mut body: Vec<Line> = rows(p, &shown, tw, h)
        .iter()
        .map(|r| text_row(t, p, r))
        .collect();
    if shown.is_empty() {
        let why = if p.review.is_empty() {
            "This article has no sentences."
        } else {
            "No sentence without unanimity here: t shows every sentence, n looks further."
        };
        body.push(Line::styled(why, t.dim()));
    }
    f.render_widget(Paragraph::new(body), at.list);
    let ctx = context::lines(t, p, width, usize::from(at.context.height));
    f.render_widget(Paragraph::new(ctx), at.context);
    bars::draw_message(f, app, at.detail, Some(detail(app, p)));
    f.render_widget(Paragraph::new(bars::hint_line(app, View::Review)), at.hints);
}

fn status(app: &App, p: &Pane, width: usize) -> Line<'static> {
    let t = &app.theme;
    let r = &p.review;
    let n = r.len();
    let shown = p.shown(app.review.only_split);
    let pos = shown
        .iter()
        .position(|&u| u == p.cursor)
        .map_or(0, |i| i + 1);
    let (save, save_style) = match &app.save {
        SaveState::Failed(_) => ("NOT SAVED".to_string(), t.error()),
        SaveState::Saved(at) => (format!("saved {at}"), t.bar()),
        SaveState::Idle => ("no changes".to_string(), t.bar()),
    };
    let filter = if app.review.only_split {
        " (split only)"
    } else {
        ""
    };
    let right = format!(
        " │ row {pos}/{}{filter} │ gold {}/{n} │ {} split │ {} │ ",
        shown.len(),
        r.adjudicated(),
        r.disagreements().len(),
        app.annotator
    );
    let used = unicode_width::UnicodeWidthStr::width(right.as_str()) + save.chars().count() + 1;
    let title = fit(
        &format!(" {}", r.aligned().doc.title),
        width.saturating_sub(used),
    );
    Line::from(vec![
        Span::styled(title, t.bar()),
        Span::styled(right, t.bar()),
        Span::styled(format!("{save} "), save_style.patch(t.bar())),
    ])
}

/// Column marks, then who each column is.
fn header(t: &Theme, p: &Pane, width: usize) -> Line<'static> {
    let who = p.review.annotators();
    let mut s = String::from("   ");
    for i in 0..who.len() {
        s.push(column_mark(i));
        s.push(' ');
    }
    s.push_str("│G ");
    let names: Vec<String> = who
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{} {a}", column_mark(i)))
        .collect();
    s.push_str(&format!(" {} · G gold", names.join(" · ")));
    Line::styled(fit(&crate::model::sanitize::clean(&s), width), t.heading())
}

fn letter(t: &Theme, l: Option<Label>) -> Span<'static> {
    match l {
        Some(l) => Span::styled(l.letter().to_string(), t.label_mark(l)),
        None => Span::styled("·", t.dim()),
    }
}

/// Marks and text of one screen row.
fn text_row(t: &Theme, p: &Pane, r: &Row) -> Line<'static> {
    let u = r.unit;
    let (lo, hi) = p.selection();
    let in_range = p.anchor.is_some() && (lo..=hi).contains(&u);
    let cursor = u == p.cursor;
    let mut out = Vec::new();
    out.push(match (cursor && r.first, in_range) {
        (true, _) => Span::styled(">", t.selected()),
        (false, true) => Span::styled("┃", Style::new()),
        _ => Span::raw(" "),
    });
    let row = p.review.row(u);
    if r.first {
        out.push(match row.status {
            Status::Disagreement if row.gold.is_none() => Span::styled("≠", t.disagreement()),
            Status::Disagreement => Span::styled("≠", t.settled()),
            _ => Span::raw(" "),
        });
        out.push(Span::raw(" "));
        for l in &row.labels {
            out.push(letter(t, *l));
            out.push(Span::raw(" "));
        }
        out.push(Span::styled("│", t.dim()));
        out.push(letter(t, row.gold));
        out.push(Span::raw(" "));
    } else {
        let gap = LEFT - 1 + 2 * row.labels.len();
        out.push(Span::raw(" ".repeat(gap)));
        out.push(Span::styled("│", t.dim()));
        out.push(Span::raw("  "));
    }
    let mut base = row.gold.map_or_else(Style::new, |l| t.label(l));
    if in_range {
        base = base.patch(t.range());
    }
    if cursor {
        base = base.patch(t.selected());
    }
    let spans = p.spans[u].as_deref().unwrap_or(&[]);
    out.extend(styled_text(t, &r.line, spans, base));
    Line::from(out)
}

/// About the cursor row: each annotator's label, and the gold record.
fn detail(app: &App, p: &Pane) -> Line<'static> {
    let t = &app.theme;
    let r = &p.review;
    if r.is_empty() {
        return Line::default();
    }
    if p.anchor.is_some() {
        let (lo, hi) = p.selection();
        return Line::styled(
            format!(
                "range: rows {}–{}; a label key sets gold on all of them, Esc cancels",
                lo + 1,
                hi + 1
            ),
            t.key(),
        );
    }
    let row = r.row(p.cursor);
    let said: Vec<String> = r
        .annotators()
        .iter()
        .zip(&row.labels)
        .map(|(a, l)| format!("{a} {}", l.map_or("–", Label::name)))
        .collect();
    let mut s = said.join(" · ");
    match r.gold_record(p.cursor) {
        Some(g) => {
            s.push_str(&format!(" │ gold {}", g.label.name()));
            if let Some(by) = &g.adjudicator {
                s.push_str(&format!(" by {by}"));
            }
            if !g.agreed.is_empty() {
                s.push_str(&format!(" (agreed: {})", g.agreed.join(", ")));
            }
        }
        None => s.push_str(" │ no gold yet"),
    }
    // Every annotator's note, then gold's: the curator sees why each one chose.
    let cells = r.aligned().cells.get(p.cursor);
    for (c, who) in r.annotators().iter().enumerate() {
        if let Some(n) = cells.and_then(|row| row.get(c)?.as_ref()?.note.as_deref()) {
            s.push_str(&format!(" │ {who}'s note: {n}"));
        }
    }
    if let Some(n) = r.gold_record(p.cursor).and_then(|g| g.note.as_deref()) {
        s.push_str(&format!(" │ gold note: {n}"));
    }
    Line::styled(crate::model::sanitize::clean(&s).into_owned(), t.dim())
}
