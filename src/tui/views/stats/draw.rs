//! Draws the stats screen: the group figures (items, unmatched, observed agreement,
//! Fleiss' κ, Krippendorff's α), a table of pairs (n, observed, Cohen's κ), the confusion
//! matrix of the selected pair, text bar charts of each annotator's labels, and pace.

use crate::model::label::Label;
use crate::review::agreement::CorpusReport;
use crate::review::progress::Progress;
use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::style::Theme;
use crate::tui::widgets::bars::{self, fit};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Widest bar of the label charts.
const BAR: u64 = 30;
const NAME: usize = 12;

/// Where the stats screen's parts go; drawing and scrolling both use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    /// The scrolling figures.
    pub body: Rect,
    pub message: Rect,
    pub hints: Rect,
}

/// The stats screen's layout in `area`.
pub fn areas(area: Rect) -> Areas {
    use Constraint::{Fill, Length};
    let [title, body, message, hints] =
        Layout::vertical([Length(1), Fill(1), Length(1), Length(1)]).areas(area);
    Areas {
        title,
        body,
        message,
        hints,
    }
}

fn figure(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

/// Every line of the body at `width` columns.
fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let Some(s) = &app.stats else {
        return Vec::new();
    };
    if let Some(note) = &s.note {
        let mut out = vec![Line::styled(note.clone(), t.dim())];
        if let Some(p) = &s.own {
            own(t, &app.annotator.to_string(), p, width, &mut out);
        }
        return out;
    }
    let Some(c) = &s.report else {
        return vec![Line::styled("Computing the figures…", t.dim())];
    };
    let mut out = Vec::new();
    group(t, c, &mut out);
    pairs(t, c, s.pair, &mut out);
    confusion(t, c, s.pair, &mut out);
    labels(t, c, width, &mut out);
    pace(t, c, &mut out);
    for w in &c.warnings {
        out.push(Line::styled(
            crate::model::sanitize::clean(w).into_owned(),
            t.error(),
        ));
    }
    out
}

fn heading(t: &Theme, text: &str, out: &mut Vec<Line<'static>>) {
    if !out.is_empty() {
        out.push(Line::default());
    }
    out.push(Line::styled(text.to_string(), t.heading()));
}

fn group(t: &Theme, c: &CorpusReport, out: &mut Vec<Line<'static>>) {
    let r = &c.report;
    heading(t, &format!("Corpus · {}", r.annotators.join(", ")), out);
    out.push(Line::raw(format!(
        "  items {} · unmatched {}",
        r.items, r.unmatched
    )));
    out.push(Line::raw(format!(
        "  observed {} · Fleiss κ {} · Krippendorff α {}",
        figure(r.observed_agreement),
        figure(r.fleiss_kappa),
        figure(r.krippendorff_alpha)
    )));
}

fn pairs(t: &Theme, c: &CorpusReport, selected: usize, out: &mut Vec<Line<'static>>) {
    heading(t, "Pairs", out);
    out.push(Line::styled(
        format!(
            "  {} {:>7} {:>9} {:>9}",
            fit("annotators", 2 * NAME + 3),
            "n",
            "observed",
            "Cohen κ"
        ),
        t.dim(),
    ));
    for (i, p) in c.report.pairs.iter().enumerate() {
        let who = format!("{} × {}", p.a, p.b);
        let line = format!(
            "{} {} {:>7} {:>9} {:>9}",
            if i == selected { ">" } else { " " },
            fit(&who, 2 * NAME + 3),
            p.n,
            figure(p.observed),
            figure(p.cohen_kappa)
        );
        let style = if i == selected {
            t.selected()
        } else {
            Style::new()
        };
        out.push(Line::styled(
            crate::model::sanitize::clean(&line).into_owned(),
            style,
        ));
    }
}

fn confusion(t: &Theme, c: &CorpusReport, selected: usize, out: &mut Vec<Line<'static>>) {
    let Some(p) = c.report.pairs.get(selected) else {
        return;
    };
    heading(
        t,
        &crate::model::sanitize::clean(&format!("Confusion: {} (rows) × {} (columns)", p.a, p.b)),
        out,
    );
    let mut head = format!("  {}", fit("", 10));
    for l in Label::ALL {
        head.push_str(&format!("{:>9}", l.name()));
    }
    out.push(Line::styled(head, t.dim()));
    for a in Label::ALL {
        let mut spans = vec![Span::styled(
            format!("  {}", fit(a.name(), 10)),
            t.label_mark(a),
        )];
        for b in Label::ALL {
            let n = p.confusion.cells[a.index()][b.index()];
            // The diagonal is agreement: bold, so it reads without colour.
            let style = if a == b {
                t.label_mark(a)
            } else if n > 0 {
                t.settled()
            } else {
                t.dim()
            };
            spans.push(Span::styled(format!("{n:>9}"), style));
        }
        out.push(Line::from(spans));
    }
}

fn labels(t: &Theme, c: &CorpusReport, width: usize, out: &mut Vec<Line<'static>>) {
    heading(t, "Labels per annotator", out);
    let counts = &c.report.label_counts;
    let most = counts
        .values()
        .flat_map(|m| m.values())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let room = (width.saturating_sub(NAME + 10 + 8) as u64).clamp(5, BAR);
    for who in &c.report.annotators {
        let Some(m) = counts.get(who) else { continue };
        for (k, l) in Label::ALL.iter().enumerate() {
            let n = m.get(l.name()).copied().unwrap_or(0);
            let filled = (n * room).div_ceil(most).min(room) as usize;
            let name = if k == 0 { who.as_str() } else { "" };
            out.push(Line::from(vec![
                Span::raw(format!(
                    "  {}",
                    fit(&crate::model::sanitize::clean(name), NAME)
                )),
                Span::styled(format!("{} ", fit(l.name(), 8)), t.label_mark(*l)),
                Span::styled("█".repeat(filled), t.label(*l)),
                Span::raw(format!(" {n}")),
            ]));
        }
    }
}

/// Labels per hour and median time per sentence as shown, `–` where unknown.
fn pace_figures(p: &crate::review::pace::Pace) -> (String, String) {
    let per_hour = p
        .labels_per_hour
        .map_or_else(|| "–".to_string(), |v| format!("{v:.0}"));
    let median = p
        .median_secs
        .map_or_else(|| "–".to_string(), |v| format!("{v:.0} s"));
    (per_hour, median)
}

fn pace(t: &Theme, c: &CorpusReport, out: &mut Vec<Line<'static>>) {
    heading(t, "Pace", out);
    for (who, p) in c.report.annotators.iter().zip(&c.paces) {
        let (per_hour, median) = pace_figures(p);
        out.push(Line::raw(format!(
            "  {} {} labels · {per_hour} per hour · median {median} per sentence",
            fit(&crate::model::sanitize::clean(who), NAME),
            p.labels
        )));
    }
}

/// One annotator's own counts and pace (see [`crate::review::progress`]).
fn own(t: &Theme, who: &str, p: &Progress, width: usize, out: &mut Vec<Line<'static>>) {
    heading(
        t,
        &format!(
            "Your progress · {who} · {} labels in {} articles",
            p.total(),
            p.articles
        ),
        out,
    );
    let most = p.counts.iter().copied().max().unwrap_or(0).max(1) as u64;
    let room = (width.saturating_sub(NAME + 10 + 8) as u64).clamp(5, BAR);
    for (l, &n) in Label::ALL.iter().zip(&p.counts) {
        let filled = (n as u64 * room).div_ceil(most).min(room) as usize;
        out.push(Line::from(vec![
            Span::raw(format!("  {}", fit("", NAME))),
            Span::styled(format!("{} ", fit(l.name(), 8)), t.label_mark(*l)),
            Span::styled("█".repeat(filled), t.label(*l)),
            Span::raw(format!(" {n}")),
        ]));
    }
    heading(t, "Pace", out);
    let q = &p.pace;
    let (per_hour, median) = pace_figures(q);
    out.push(Line::raw(format!(
        "  {} labels made here · {per_hour} per hour · median {median} per sentence",
        q.labels
    )));
    if p.imported > 0 {
        out.push(Line::styled(
            format!("  {} imported labels are left out of the pace", p.imported),
            t.dim(),
        ));
    }
    for w in &p.warnings {
        out.push(Line::styled(
            crate::model::sanitize::clean(w).into_owned(),
            t.error(),
        ));
    }
}

/// How many body lines the screen has at `width` columns (for scrolling limits).
pub fn line_count(app: &App, width: usize) -> usize {
    lines(app, width).len()
}

/// Draws the stats screen into the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let t = &app.theme;
    let width = usize::from(area.width);
    let at = areas(area);
    let title = format!(
        " Agreement · {} articles · {}",
        app.library.entries.len(),
        app.annotator
    );
    f.render_widget(
        Paragraph::new(Line::styled(fit(&title, width), t.bar())),
        at.title,
    );
    let rows = usize::from(at.body.height);
    let scroll = app.stats.as_ref().map_or(0, |s| s.scroll);
    let body: Vec<Line> = lines(app, width)
        .into_iter()
        .skip(scroll)
        .take(rows)
        .collect();
    f.render_widget(Paragraph::new(body), at.body);
    if let Some(m) = bars::message_line(app) {
        f.render_widget(Paragraph::new(m), at.message);
    }
    f.render_widget(Paragraph::new(bars::hint_line(app, View::Stats)), at.hints);
}
