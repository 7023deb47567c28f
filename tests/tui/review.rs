//! The review view, the library in review mode and the stats screen rendered into a
//! `TestBackend`, plus styles checked cell by cell (a text snapshot cannot see them).

use crate::support::tui::{app, keys, two_annotators};
use glose::tui::action::View;
use glose::tui::{App, SaveState, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(glose::tui::action::Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t
}

fn screen(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// A review of the first article, summaries built, save time fixed.
fn reviewing(dir: &std::path::Path, theme: Theme) -> App {
    let mut app = app(dir, "carol");
    app.theme = theme;
    keys(&mut app, "r");
    app.wait_review();
    app.save = SaveState::Saved("12:00:00".into());
    app
}

#[test]
fn review_view_and_the_disagreements_only_toggle() {
    let dir = two_annotators();
    let mut app = reviewing(dir.path(), Theme::new(true, false));
    // Gold on the first disagreement, so the screen shows a settled row too.
    keys(&mut app, "o");
    app.save = SaveState::Saved("12:00:00".into());
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("review_100x30", t.backend());
    keys(&mut app, "t");
    let t = render(&mut app, 80, 16);
    insta::assert_snapshot!("review_split_only_80x16", t.backend());
}

#[test]
fn disagreements_are_marked_without_colour() {
    let dir = two_annotators();
    let mut app = reviewing(dir.path(), Theme::new(false, false));
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let marks: Vec<(u16, u16)> = (2..28)
        .flat_map(|y| (0..3).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() == "≠")
        .collect();
    assert!(!marks.is_empty(), "{}", screen(buf));
    for (x, y) in marks {
        let c = &buf[(x, y)];
        assert!(c.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
        assert_eq!(c.fg, ratatui::style::Color::Reset, "no colour in mono");
    }
    // Annotator letters are bold, readable as letters without colour.
    let row = (2..28).find(|&y| buf[(1, y)].symbol() == "≠").unwrap();
    assert!(buf[(3, row)].modifier.contains(Modifier::BOLD));
    assert!(buf[(3, row)].symbol().chars().all(|c| "FQOS".contains(c)));
}

#[test]
fn library_in_review_mode_shows_agreement_columns() {
    let dir = two_annotators();
    let mut app = app(dir.path(), "carol");
    app.review.mode = true;
    let t = render(&mut app, 100, 12);
    assert!(
        screen(t.backend().buffer()).contains('…'),
        "pending summaries"
    );
    app.start_review_index();
    app.wait_review();
    // Enter reviews in review mode; settle one disagreement, then look at the library.
    keys(&mut app, "<enter>");
    assert_eq!(app.view, View::Review);
    keys(&mut app, "f<esc>");
    let t = render(&mut app, 100, 12);
    insta::assert_snapshot!("library_review_100x12", t.backend());
}

#[test]
fn stats_screen_with_pairs_confusion_bars_and_pace() {
    let dir = two_annotators();
    // A third annotator labels a few sentences, so there are pairs to cycle through.
    let mut dora = app(dir.path(), "dora");
    keys(&mut dora, "<enter>fqoo");
    let mut app = app(dir.path(), "carol");
    keys(&mut app, "S");
    assert_eq!(app.view, View::Stats);
    app.wait_review();
    // Pace depends on when the labels were written: the snapshot stops just above it.
    let t = render(&mut app, 90, 33);
    insta::assert_snapshot!("stats_90x33", t.backend());
    keys(&mut app, "G");
    let s = screen(render(&mut app, 90, 33).backend().buffer());
    for who in ["alice ", "bob ", "dora "] {
        let line = s
            .lines()
            .find(|l| l.trim_start().starts_with(who) && l.contains("labels ·"));
        assert!(line.is_some(), "pace of {who}: {s}");
    }
    assert!(s.contains("257 labels · "), "{s}");
    keys(&mut app, "g");
    keys(&mut app, "<tab>");
    let s = screen(render(&mut app, 90, 40).backend().buffer());
    assert!(
        s.contains("Confusion: alice (rows) × dora (columns)"),
        "{s}"
    );
    keys(&mut app, "[[");
    let s = screen(render(&mut app, 90, 40).backend().buffer());
    assert!(s.contains("Confusion: bob (rows) × dora (columns)"), "{s}");
    keys(&mut app, "<esc>");
    assert_eq!(app.view, View::Library);
}

#[test]
fn smallest_terminal_still_draws_review_and_stats() {
    let dir = two_annotators();
    let mut app = reviewing(dir.path(), Theme::new(true, false));
    let s = screen(render(&mut app, 60, 12).backend().buffer());
    assert!(s.contains("1 alice · 2 bob"), "{s}");
    assert!(s.contains('>'), "cursor row on screen: {s}");
    keys(&mut app, "S");
    app.wait_review();
    let s = screen(render(&mut app, 60, 12).backend().buffer());
    assert!(s.contains("Krippendorff"), "{s}");
    keys(&mut app, "<esc>");
    assert_eq!(app.view, View::Review, "back where the stats were opened");
}
