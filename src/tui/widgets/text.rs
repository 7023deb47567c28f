//! Writing a wrapped line of article text with its highlight spans, shared by the reader
//! and the review view.

use crate::nlp::highlight::Span as Highlight;
use crate::tui::style::Theme;
use crate::tui::widgets::wrap::Line;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

/// Writes one screen line of text into `area` in `base` style, highlight spans patched on
/// top, and the search match `found` (byte offsets) over them. Straight into the buffer: the wrapper has split the line into graphemes already,
/// and a `Paragraph` would join them into strings only to split and measure them again
/// (most of a frame's time).
pub(crate) fn put_text(
    buf: &mut Buffer,
    t: &Theme,
    line: &Line,
    spans: &[Highlight],
    base: Style,
    found: Option<(usize, usize)>,
    area: Rect,
) {
    let (mut x, right) = (area.x, area.right());
    for p in &line.pieces {
        let mut s = piece_style(t, spans, p.start, base);
        if found.is_some_and(|(a, b)| a <= p.start && p.start < b) {
            s = s.patch(t.found());
        }
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
fn piece_style(t: &Theme, spans: &[Highlight], at: usize, base: Style) -> Style {
    spans
        .iter()
        .filter(|sp| sp.start <= at && at < sp.end)
        .fold(base, |s, sp| s.patch(t.span(sp.kind)))
}

/// One screen line of text in `base` style, highlight spans patched on top, adjacent
/// pieces of the same style joined (the review view draws its text this way).
pub(crate) fn styled_text(
    t: &Theme,
    line: &Line,
    spans: &[Highlight],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::highlight::Kind;
    use ratatui::style::Modifier;
    use ratatui::text::Line as TextLine;
    use ratatui::widgets::Paragraph;
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
                    Paragraph::new(TextLine::from(styled_text(&t, &line, &spans, base)))
                        .render(area, &mut want);
                    put_text(&mut got, &t, &line, &spans, base, None, area);
                    assert_eq!(got, want, "{text:?} at width {width}");
                }
            }
        }
    }
}
