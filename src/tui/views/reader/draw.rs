//! Draws the reader: status bar, the visible sentences with gutter marks (label letter,
//! dim lowercase suggestion, cursor and range markers), a detail line and the hint bar.

use crate::model::project::SuggestionMode;
use crate::tui::action::View;
use crate::tui::app::{App, SaveState};
use crate::tui::screen::Modal;
use crate::tui::style::Theme;
use crate::tui::views::reader::Reading;
use crate::tui::views::reader::article::Article;
use crate::tui::views::reader::layout::{self, Row};
use crate::tui::widgets::bars::{self, fit};
use crate::tui::widgets::text::put_text;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Below this many rows the legend is left out: the text needs them more.
const MIN_LEGEND_ROWS: u16 = 10;

/// Columns left of the text: cursor or range marker, label letter, unsaved or note mark.
const GUTTER: u16 = 3;

/// The gutter mark of a sentence with a note (brat marks annotator notes with `#` too).
pub const NOTE_MARK: &str = "#";

/// The byte range of the word starting at `at`.
fn split_word(raw: &str, at: usize) -> (usize, usize) {
    let len = raw
        .get(at..)
        .and_then(|t| t.find(char::is_whitespace))
        .unwrap_or(raw.len().saturating_sub(at));
    (at, at + len)
}

/// Restyles the cells of the word a split would start at, on the row `r` drawn in `area`
/// (walking the pieces as `put_text` placed them).
fn mark_word(buf: &mut Buffer, t: &Theme, r: &Row, (lo, hi): (usize, usize), area: Rect) {
    use ratatui::buffer::CellWidth;
    let mut x = area.x;
    for p in &r.line.pieces {
        let w = p.text.cell_width();
        if x.saturating_add(w) > area.right() {
            break;
        }
        if (lo..hi).contains(&p.start) {
            for cx in x..x + w {
                let cell = &mut buf[(cx, area.y)];
                cell.set_style(cell.style().patch(t.split_word()));
            }
        }
        x += w;
    }
}

/// Where the reader's parts go on the screen; drawing, clicks and scrolling all use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub status: Rect,
    /// The highlight legend (no rows when hidden or the window is small).
    pub legend: Rect,
    /// The sentence rows, gutter included.
    pub rows: Rect,
    /// The text part of the rows, right of the gutter: what sentences are wrapped to.
    pub text: Rect,
    /// The cursor sentence's detail, or the message line.
    pub detail: Rect,
    pub hints: Rect,
}

/// The reader's layout in `area`: the text wraps at `fit.width` columns at most (gutter
/// not counted), at the left or centred.
pub fn areas(area: Rect, fit: Reading) -> Areas {
    use Constraint::{Fill, Length};
    let legend = Length(u16::from(fit.legend && area.height > MIN_LEGEND_ROWS));
    let [status, legend, rows, detail, hints] =
        Layout::vertical([Length(1), legend, Fill(1), Length(1), Length(1)]).areas(area);
    let wide = rows.width.saturating_sub(GUTTER);
    let width = if fit.width == 0 {
        wide
    } else {
        wide.min(fit.width)
    };
    let left = if fit.centre { (wide - width) / 2 } else { 0 };
    let rows = Rect {
        x: rows.x + left,
        width: (GUTTER + width).min(rows.width),
        ..rows
    };
    let [_, text] = Layout::horizontal([Length(GUTTER), Fill(1)]).areas(rows);
    Areas {
        status,
        legend,
        rows,
        text,
        detail,
        hints,
    }
}

/// Draws the reader into the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let Some(a) = app.article() else { return };
    // The frame, not the last resize event, decides: they differ only for a moment.
    let at = areas(area, app.reader.reading);
    let (w, h) = (usize::from(at.text.width), usize::from(at.rows.height));
    f.render_widget(Paragraph::new(status(app, a, area.width)), at.status);
    if at.legend.height > 0 {
        f.render_widget(Paragraph::new(legend(app)), at.legend);
    }
    let text = at.rows;
    let buf = f.buffer_mut();
    let split = match app.screen.modal() {
        Some(&Modal::Split(at)) => Some(split_word(&a.doc.raw, at)),
        _ => None,
    };
    for (y, r) in (text.y..).zip(layout::visible(a, w, h).iter()) {
        let area = Rect::new(text.x, y, text.width, 1);
        put_row(buf, &app.theme, a, r, area);
        if let Some(word) = split.filter(|_| r.sentence == Some(a.cursor)) {
            let x = area.x + GUTTER;
            let text = Rect::new(x, y, area.width.saturating_sub(GUTTER), 1);
            mark_word(buf, &app.theme, r, word, text);
        }
    }
    bars::draw_message(f, app, at.detail, Some(detail(app, a)));
    f.render_widget(Paragraph::new(bars::hint_line(app, View::Reader)), at.hints);
}

fn status(app: &App, a: &Article, width: u16) -> Line<'static> {
    let t = &app.theme;
    let n = a.len();
    let pos = if n == 0 { 0 } else { a.cursor + 1 };
    let (save, save_style) = match (&a.ann, &app.save) {
        (Err(_), _) => ("READ-ONLY".to_string(), t.error()),
        (_, SaveState::Failed(_)) => ("NOT SAVED".to_string(), t.error()),
        (_, SaveState::Saved(at)) => (format!("saved {at}"), t.bar()),
        (_, SaveState::Idle) => ("no changes".to_string(), t.bar()),
    };
    let mark = match app.doc_status() {
        Some(crate::model::sidecar::DocStatus::Done { .. }) => " │ DONE",
        Some(crate::model::sidecar::DocStatus::Flagged { .. }) => " │ FLAGGED",
        None => "",
    };
    let right = format!(
        "{mark} │ {pos}/{n} │ {}/{n} labeled{} │ {} │ {} │ ",
        a.labeled(),
        app.queue_tag(),
        app.annotator,
        app.suggestion_tag()
    );
    let used = unicode_width::UnicodeWidthStr::width(right.as_str()) + save.chars().count() + 1;
    let title = fit(
        &format!(" {}", a.doc.title),
        usize::from(width).saturating_sub(used),
    );
    Line::from(vec![
        Span::styled(title, t.bar()),
        Span::styled(right, t.bar()),
        Span::styled(format!("{save} "), save_style.patch(t.bar())),
    ])
}

/// One line naming each highlight in its own style, and the key that hides it.
fn legend(app: &App) -> Line<'static> {
    use crate::nlp::highlight::Kind;
    let t = &app.theme;
    let mut spans = vec![Span::styled(" highlights: ", t.dim())];
    for (k, name) in [
        (Kind::Source, "source"),
        (Kind::Claim, "claim"),
        (Kind::Cue, "opinion cue"),
    ] {
        spans.push(Span::styled(name, t.span(k)));
        spans.push(Span::styled(" · ", t.dim()));
    }
    spans.push(Span::styled("heading", t.article_heading()));
    spans.push(Span::styled(" · ", t.dim()));
    spans.push(Span::styled("search match", t.found()));
    let key = app
        .keymap
        .keys_for(View::Reader, crate::tui::action::Action::ToggleLegend)
        .into_iter()
        .next();
    if let Some(k) = key {
        spans.push(Span::styled(format!("   {k} hides this line"), t.dim()));
    }
    Line::from(spans)
}

/// Writes the gutter and text of one screen row into `area`.
fn put_row(buf: &mut Buffer, t: &Theme, a: &Article, r: &Row, area: Rect) {
    let Some(i) = r.sentence else {
        return;
    };
    let (lo, hi) = a.selection();
    let in_range = a.anchor.is_some() && (lo..=hi).contains(&i);
    let cursor = i == a.cursor;
    let marker = match (cursor && r.first, in_range) {
        (true, _) => Span::styled(">", t.selected()),
        (false, true) => Span::styled("┃", Style::new()),
        _ => Span::raw(" "),
    };
    let label = a.label(i);
    let suggested = a.analysis[i].as_ref().and_then(|x| x.suggestion.as_ref());
    let mark = match (r.first, label, suggested) {
        (false, ..) => Span::raw(" "),
        (true, Some(l), _) => Span::styled(l.letter().to_string(), t.label_mark(l)),
        (true, None, Some(s)) => Span::styled(
            s.label.letter().to_ascii_lowercase().to_string(),
            t.suggestion_mark(),
        ),
        (true, None, None) => Span::raw(" "),
    };
    let mut base = label.map_or_else(Style::new, |l| t.label(l));
    if a.headings[i] {
        base = base.patch(t.article_heading());
    }
    if in_range {
        base = base.patch(t.range());
    }
    if cursor {
        base = base.patch(t.selected());
    }
    let spans = a.analysis[i]
        .as_ref()
        .map(|x| x.spans.as_slice())
        .unwrap_or(&[]);
    // A label only in memory (its save failed) is marked until a save succeeds.
    let pending = r.first && a.ann.as_ref().is_ok_and(|x| x.is_pending(i));
    let noted = r.first && a.ann.as_ref().is_ok_and(|x| x.note(i).is_some());
    let gap = if pending {
        Span::styled("*", t.error())
    } else if noted {
        // A character, not only a colour: it shows under NO_COLOR.
        Span::styled(NOTE_MARK, t.key())
    } else {
        Span::raw(" ")
    };
    let mut x = area.x;
    for g in [marker, mark, gap] {
        x = buf
            .set_span(x, area.y, &g, area.right().saturating_sub(x))
            .0;
    }
    put_text(buf, t, &r.line, spans, base, a.found, Rect { x, ..area });
}

/// About the cursor sentence: its label and note, or the suggestion with its reasons.
fn detail(app: &App, a: &Article) -> Line<'static> {
    let t = &app.theme;
    if let Err(e) = &a.ann {
        return Line::styled(
            format!(
                "read-only: {}",
                crate::model::sanitize::clean(&e.to_string())
            ),
            t.error(),
        );
    }
    if a.is_empty() {
        return Line::styled("This article has no sentences.", t.dim());
    }
    if let Some(&Modal::Split(at)) = app.screen.modal() {
        let (_, end) = split_word(&a.doc.raw, at);
        return Line::styled(
            format!(
                "split before “{}”: ←/→ (h/l) choose the word, Enter splits, Esc cancels",
                crate::model::sanitize::clean(&a.doc.raw[at..end])
            ),
            t.key(),
        );
    }
    if a.anchor.is_some() {
        let (lo, hi) = a.selection();
        return Line::styled(
            format!(
                "range: sentences {}–{} ({}); a label key labels all of them, Esc cancels",
                lo + 1,
                hi + 1,
                hi - lo + 1
            ),
            t.key(),
        );
    }
    if let Some(r) = a.record(a.cursor) {
        let mut s = format!("{} {}", r.label.letter(), r.label.name());
        if let Some(m) = &r.model {
            s.push_str(&format!(" (accepted from {m})"));
        }
        if let Some(n) = &r.note {
            s.push_str(&format!(" · note: {}", crate::model::sanitize::clean(n)));
        }
        return Line::styled(s, t.label(r.label));
    }
    if let Some(n) = a.ann.as_ref().ok().and_then(|x| x.note(a.cursor)) {
        return Line::styled(
            format!("unlabeled · note: {}", crate::model::sanitize::clean(n)),
            t.dim(),
        );
    }
    match a.analysis[a.cursor]
        .as_ref()
        .and_then(|x| x.suggestion.as_ref())
    {
        Some(s) => Line::styled(
            format!(
                "suggests {} {:.0}% ({}): {}",
                s.label.name(),
                s.confidence * 100.0,
                s.model,
                crate::model::sanitize::clean(&s.reasons.join("; "))
            ),
            t.dim(),
        ),
        None if app.analyzer.suggestions() == SuggestionMode::Off => {
            Line::styled(crate::tui::learn::OFF_SHOWN, t.dim())
        }
        None => Line::default(),
    }
}
