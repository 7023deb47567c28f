//! Draws the library: totals, one row per article (marks, title, id, sentences, a
//! progress bar for this annotator, other annotators), details of the selected row, hints.

use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::widgets::bars::{self, fit};
use crate::tui::widgets::list_layout::{ListAreas, list_areas};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const BAR: usize = 10;

/// Where the library's parts go on the screen; drawing, clicks and paging all use it.
pub type Areas = ListAreas;

/// The library's layout in `area`.
pub fn areas(area: Rect) -> Areas {
    list_areas(area)
}

/// Draws the library into the whole frame.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let t = &app.theme;
    let lib = &app.library;
    let width = usize::from(area.width);
    let at = areas(area);
    let rows = at.list.height;
    let total: usize = lib.infos.iter().map(|i| i.sentences).sum();
    let done: usize = (0..lib.infos.len())
        .map(|i| lib.labeled(i, &app.annotator))
        .sum();
    let pct = (done * 100).checked_div(total).unwrap_or(0);
    let name = if app.screen.reviewing() {
        "glose review"
    } else {
        "glose"
    };
    let mut status = format!(
        " {name} │ {} │ {} articles",
        app.annotator,
        lib.entries.len()
    );
    // Progress first, so a narrow terminal still shows that the list is not complete.
    if lib.scanning {
        let listed = app.indexer.as_ref().map_or(0, |ix| ix.listed());
        status.push_str(&format!(" │ scanning… {listed} files"));
    }
    if let Some((done, total)) = app.indexing() {
        status.push_str(&format!(" │ reading {done}/{total}"));
    }
    match crate::tui::views::library::review_columns::totals(app) {
        Some(gold) => status.push_str(&format!(" │ {gold} │ sort: {}", lib.sort.name())),
        None => status.push_str(&format!(
            " │ {done}/{total} sentences labeled ({pct}%) │ sort: {}",
            lib.sort.name()
        )),
    }
    status.push_str(&app.queue_tag());
    if lib.mine_only {
        status.push_str(" │ mine only");
    }
    if lib.status_filter != crate::tui::views::library::doc_status::StatusFilter::All {
        status.push_str(&format!(" │ showing {}", lib.status_filter.name()));
    }
    if !lib.filter.is_empty() {
        status.push_str(&format!(
            " │ filter: {} ({} shown)",
            crate::model::sanitize::clean(&lib.filter),
            lib.order.len()
        ));
    }
    f.render_widget(
        Paragraph::new(Line::styled(fit(&status, width), t.bar())),
        at.status,
    );
    let id_w = 24.min(width / 4);
    let fixed = id_w + 44;
    let title_w = width.saturating_sub(fixed);
    let tail = if app.screen.reviewing() {
        crate::tui::views::library::review_columns::header()
    } else {
        format!("{} {}", fit("Progress", BAR + 10), fit("Others", 6))
    };
    let header = format!(
        "  {} {} {:>5} {} {tail}",
        fit("Title", title_w),
        fit("Id", id_w),
        "Sent.",
        fit(
            if app.screen.reviewing() {
                "Done"
            } else {
                "Status"
            },
            6
        ),
    );
    f.render_widget(
        Paragraph::new(Line::styled(fit(&header, width), t.heading())),
        at.header,
    );
    let mut lines = Vec::new();
    for (pos, &e) in lib
        .order
        .iter()
        .enumerate()
        .skip(lib.top)
        .take(usize::from(rows))
    {
        let info = &lib.infos[e];
        let mark = if info.unreadable.is_some() {
            "!"
        } else if !info.sidecar_errors.is_empty() {
            "E"
        } else {
            " "
        };
        let title = match &info.unreadable {
            Some(why) => format!("{} (cannot open: {why})", info.title),
            None => info.title.clone(),
        };
        let n = info.sentences;
        let k = lib.labeled(e, &app.annotator);
        let filled = (k * BAR + n / 2).checked_div(n).unwrap_or(0).min(BAR);
        let bar = format!("{}{}", "█".repeat(filled), "·".repeat(BAR - filled));
        let others = info
            .labeled
            .keys()
            .filter(|a| *a != app.annotator.as_str())
            .count();
        let others = if others > 0 {
            format!("+{others}")
        } else {
            String::new()
        };
        let selected = pos == lib.selected;
        let base = if selected { t.selected() } else { Style::new() };
        let title_style = if info.unreadable.is_some() {
            t.error()
        } else {
            Style::new()
        };
        let mut cells = vec![
            Span::styled(format!("{mark} "), base.patch(t.error())),
            Span::styled(fit(&title, title_w), base.patch(title_style)),
            Span::styled(
                format!(" {}", fit(&crate::model::sanitize::clean(&info.id), id_w)),
                base.patch(t.dim()),
            ),
            Span::styled(
                if lib.is_loaded(e) {
                    format!(" {n:>5} ")
                } else {
                    "     … ".to_string()
                },
                base,
            ),
            Span::styled(
                format!(
                    "{} ",
                    lib.status_cell(e, &app.annotator, app.screen.reviewing())
                ),
                base,
            ),
        ];
        if app.screen.reviewing() {
            cells.push(crate::tui::views::library::review_columns::cells(
                app, e, base,
            ));
        } else {
            cells.push(Span::styled(bar, base));
            cells.push(Span::styled(fit(&format!(" {k}/{n}"), 10), base));
            cells.push(Span::styled(format!(" {}", fit(&others, 6)), base));
        }
        lines.push(Line::from(cells));
    }
    if lib.order.is_empty() {
        let why = if lib.scanning {
            "Looking for articles…"
        } else if lib.entries.is_empty() {
            "No articles here: glose reads .txt and .md files."
        } else {
            "No article matches the filter (Esc clears it)."
        };
        lines.push(Line::styled(why, t.dim()));
    }
    f.render_widget(Paragraph::new(lines), at.list);
    bars::draw_message(f, app, at.detail, Some(selected_detail(app)));
    f.render_widget(
        Paragraph::new(bars::hint_line(app, View::Library)),
        at.hints,
    );
}

fn selected_detail(app: &App) -> Line<'static> {
    let lib = &app.library;
    let Some(e) = lib.current() else {
        return Line::default();
    };
    let info = &lib.infos[e];
    let t = &app.theme;
    if let Some(why) = &info.unreadable {
        return Line::styled(
            format!("{}: {why}", crate::model::sanitize::clean(&info.id)),
            t.error(),
        );
    }
    if let Some(err) = info.sidecar_errors.first() {
        return Line::styled(crate::model::sanitize::clean(err).into_owned(), t.error());
    }
    let who: Vec<String> = info
        .labeled
        .iter()
        .map(|(a, n)| format!("{a} {n}"))
        .collect();
    let who = if who.is_empty() {
        "no labels yet".to_string()
    } else {
        format!("labeled by {}", who.join(", "))
    };
    let marks = lib
        .status_summary(e)
        .map(|s| format!(" · {s}"))
        .unwrap_or_default();
    Line::styled(
        crate::model::sanitize::clean(&format!("{} · {who}{marks}", info.id)).into_owned(),
        t.dim(),
    )
}
