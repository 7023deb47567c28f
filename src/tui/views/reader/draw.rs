//! Draws the reader: status bar, the visible sentences with gutter marks (label letter,
//! dim lowercase suggestion, cursor and range markers), a detail line and the hint bar.

use crate::tui::action::View;
use crate::tui::app::{App, SaveState};
use crate::tui::style::Theme;
use crate::tui::views::reader::article::Article;
use crate::tui::views::reader::layout::{self, Row};
use crate::tui::widgets::bars::{self, fit};
use ratatui::Frame;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns left of the text: cursor or range marker, label letter, unsaved mark.
pub const GUTTER: usize = 3;

/// Draws the reader into the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let Some(a) = app.article() else { return };
    // The frame, not the last resize event, decides: they differ only for a moment.
    let w = usize::from(area.width).saturating_sub(GUTTER);
    let h = usize::from(area.height).saturating_sub(3);
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    f.render_widget(Paragraph::new(status(app, a, area.width)), row(0));
    let text = Rect::new(area.x, area.y + 1, area.width, h as u16);
    let buf = f.buffer_mut();
    for (y, r) in (text.y..).zip(layout::visible(a, w, h).iter()) {
        put_row(buf, &app.theme, a, r, Rect::new(text.x, y, text.width, 1));
    }
    let detail = bars::message_line(app).unwrap_or_else(|| detail(app, a));
    f.render_widget(Paragraph::new(detail), row(area.height - 2));
    f.render_widget(
        Paragraph::new(bars::hint_line(app, View::Reader)),
        row(area.height - 1),
    );
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
    let right = format!(
        " │ {pos}/{n} │ {}/{n} labeled │ {} │ ",
        a.labeled(),
        app.annotator
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
    let mark = match (r.first, label, a.analysis[i].as_ref()) {
        (false, ..) => Span::raw(" "),
        (true, Some(l), _) => Span::styled(l.letter().to_string(), t.label_mark(l)),
        (true, None, Some(s)) => Span::styled(
            s.suggestion.label.letter().to_ascii_lowercase().to_string(),
            t.suggestion_mark(),
        ),
        (true, None, None) => Span::raw(" "),
    };
    let mut base = label.map_or_else(Style::new, |l| t.label(l));
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
    let gap = if pending {
        Span::styled("*", t.error())
    } else {
        Span::raw(" ")
    };
    let mut x = area.x;
    for g in [marker, mark, gap] {
        x = buf
            .set_span(x, area.y, &g, area.right().saturating_sub(x))
            .0;
    }
    put_text(buf, t, &r.line, spans, base, Rect { x, ..area });
}

/// Writes one screen line of text into `area` in `base` style, highlight spans patched on
/// top. Straight into the buffer: the wrapper has split the line into graphemes already,
/// and a `Paragraph` would join them into strings only to split and measure them again
/// (most of a frame's time).
fn put_text(
    buf: &mut Buffer,
    t: &Theme,
    line: &crate::tui::widgets::wrap::Line,
    spans: &[crate::nlp::highlight::Span],
    base: Style,
    area: Rect,
) {
    let (mut x, right) = (area.x, area.right());
    for p in &line.pieces {
        let s = piece_style(t, spans, p.start, base);
        let mut chars = p.text.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            // A tab's spaces, a cluster of several characters: as ratatui writes a string.
            x = buf
                .set_stringn(x, area.y, &p.text, usize::from(right.saturating_sub(x)), s)
                .0;
            continue;
        };
        // One character (nearly every piece), measured and filtered as ratatui would.
        let width = p.text.cell_width();
        if width == 0 || c.is_control() {
            continue;
        }
        let next = x.saturating_add(width);
        if next > right {
            break;
        }
        buf[(x, area.y)].set_symbol(&p.text).set_style(s);
        // The cells a wide character covers are blanked, as ratatui does.
        for covered in x + 1..next {
            buf[(covered, area.y)].reset();
        }
        x = next;
    }
}

/// The style of the text at byte `at`: `base` with the highlight spans over it patched on.
fn piece_style(t: &Theme, spans: &[crate::nlp::highlight::Span], at: usize, base: Style) -> Style {
    spans
        .iter()
        .filter(|sp| sp.start <= at && at < sp.end)
        .fold(base, |s, sp| s.patch(t.span(sp.kind)))
}

/// One screen line of text in `base` style, highlight spans patched on top, adjacent
/// pieces of the same style joined (the review view draws its text the same way).
pub(crate) fn styled_text(
    t: &Theme,
    line: &crate::tui::widgets::wrap::Line,
    spans: &[crate::nlp::highlight::Span],
    base: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_style = base;
    for p in &line.pieces {
        let s = piece_style(t, spans, p.start, base);
        if s != run_style && !run.is_empty() {
            out.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = s;
        run.push_str(&p.text);
    }
    if !run.is_empty() {
        out.push(Span::styled(run, run_style));
    }
    out
}

/// About the cursor sentence: its label and note, or the suggestion with its reasons.
fn detail(app: &App, a: &Article) -> Line<'static> {
    let t = &app.theme;
    if let Err(e) = &a.ann {
        return Line::styled(
            format!("read-only: {}", crate::model::sanitize::clean(e)),
            t.error(),
        );
    }
    if a.is_empty() {
        return Line::styled("This article has no sentences.", t.dim());
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
    match &a.analysis[a.cursor] {
        Some(x) => {
            let s = &x.suggestion;
            Line::styled(
                format!(
                    "suggests {} {:.0}% ({}): {}",
                    s.label.name(),
                    s.confidence * 100.0,
                    s.model,
                    crate::model::sanitize::clean(&s.reasons.join("; "))
                ),
                t.dim(),
            )
        }
        None => Line::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::{Kind, Span as Highlight};
    use ratatui::style::Modifier;
    use ratatui::widgets::Widget;

    /// [`put_text`] writes the same cells, symbols and styles as a `Paragraph` of
    /// [`styled_text`]'s spans, which is how the reader drew its text before, into a
    /// blank buffer as every frame starts.
    #[test]
    fn put_text_draws_what_a_paragraph_draws() {
        let texts = [
            "Le ministre a déclaré « c’est une honte » le 3 mars, selon l’AFP.",
            "Wide 漢字テキスト, emoji 👍🏽 and e\u{301}; tab\there, \u{1b}[31mred\u{7} zero\u{200b}width.",
            "x\ty\t\tz — 10 000 soldats, 2,5 % du PIB…",
        ];
        let t = Theme::new(true, false);
        let base = Style::new().add_modifier(Modifier::REVERSED);
        for text in texts {
            let spans = [
                Highlight {
                    start: 3,
                    end: 11,
                    kind: Kind::Source,
                    rule: "t",
                },
                Highlight {
                    start: 9,
                    end: 30,
                    kind: Kind::Claim,
                    rule: "t",
                },
                Highlight {
                    start: 40,
                    end: 60,
                    kind: Kind::Cue,
                    rule: "t",
                },
            ];
            for width in [1u16, 7, 19, 80] {
                for line in crate::tui::widgets::wrap::wrap(text, 0, text.len(), usize::from(width))
                {
                    let area = Rect::new(2, 1, width, 1);
                    let mut want = Buffer::empty(Rect::new(0, 0, width + 4, 3));
                    let mut got = want.clone();
                    Paragraph::new(Line::from(styled_text(&t, &line, &spans, base)))
                        .render(area, &mut want);
                    put_text(&mut got, &t, &line, &spans, base, area);
                    assert_eq!(got, want, "{text:?} at width {width}");
                }
            }
        }
    }
}
