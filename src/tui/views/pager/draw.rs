//! Draws the help screen (generated from the active keymap, grouped by view) and the
//! guidelines, both scrollable.

use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::keymap::{HelpLine, help_lines};
use crate::tui::screen::Pager;
use crate::tui::widgets::bars::{self, fit};
use crate::tui::widgets::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const KEYS: usize = 18;
const NAME: usize = 18;

/// All lines of the open pager at `width` columns.
fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    match app.screen.pager() {
        Some(Pager::Help { .. }) => {
            let mut out = Vec::new();
            for l in help_lines(&app.keymap) {
                match l {
                    HelpLine::Heading(h) => out.push(Line::styled(h, t.heading())),
                    HelpLine::Blank => out.push(Line::default()),
                    HelpLine::Binding {
                        keys,
                        name,
                        description,
                    } => {
                        // Long descriptions continue under themselves.
                        let indent = 4 + KEYS + 1 + NAME + 1;
                        let desc = wrap::wrap(
                            description,
                            0,
                            description.len(),
                            width.saturating_sub(indent).max(20),
                        );
                        for (n, d) in desc.iter().enumerate() {
                            let d: String = d.pieces.iter().map(|p| p.text.as_ref()).collect();
                            let (k, a) = if n == 0 {
                                (fit(&keys, KEYS), fit(name, NAME))
                            } else {
                                (fit("", KEYS), fit("", NAME))
                            };
                            out.push(Line::from(vec![
                                Span::styled(format!("    {k}"), t.key()),
                                Span::raw(format!(" {a} ")),
                                Span::styled(d, t.dim()),
                            ]));
                        }
                    }
                }
            }
            out
        }
        Some(Pager::Guidelines { .. }) => {
            let text = app
                .guidelines
                .as_deref()
                .unwrap_or(crate::tui::views::pager::guidelines::BUILTIN);
            let mut out = Vec::new();
            for src in text.lines() {
                let style = if src.starts_with('#') {
                    t.heading()
                } else {
                    Default::default()
                };
                for l in wrap::wrap(src, 0, src.len(), width.max(1)) {
                    let s: String = l.pieces.iter().map(|p| p.text.as_ref()).collect();
                    out.push(Line::styled(s, style));
                }
            }
            out
        }
        None => Vec::new(),
    }
}

/// How many lines the open pager has at `width` columns (for scrolling limits).
pub fn line_count(app: &App, width: usize) -> usize {
    lines(app, width).len()
}

/// Where the pager's parts go; drawing and scrolling both use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    /// The scrolling text.
    pub body: Rect,
    pub hints: Rect,
}

/// The pager's layout in `area`.
pub fn areas(area: Rect) -> Areas {
    use Constraint::{Fill, Length};
    let [title, body, hints] = Layout::vertical([Length(1), Fill(1), Length(1)]).areas(area);
    Areas { title, body, hints }
}

/// Draws the open pager into the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let (title, scroll) = match app.screen.pager() {
        Some(Pager::Help { scroll }) => (format!(" Keys · keymap {}", app.keymap.name), *scroll),
        Some(Pager::Guidelines { scroll }) => (" Annotation guidelines".to_string(), *scroll),
        None => return,
    };
    let width = usize::from(area.width);
    let at = areas(area);
    f.render_widget(
        Paragraph::new(Line::styled(fit(&title, width), app.theme.bar())),
        at.title,
    );
    let rows = at.body.height;
    let body: Vec<Line> = lines(app, width)
        .into_iter()
        .skip(scroll)
        .take(usize::from(rows))
        .collect();
    f.render_widget(Paragraph::new(body), at.body);
    f.render_widget(Paragraph::new(bars::hint_line(app, View::Help)), at.hints);
}
