//! Reading an article as an article, without a terminal: paragraphs and headings on the
//! sample articles, titles in the library, and search that ignores case and accents with
//! the match highlighted.

use crate::support::tui::{app, keys};
use glose::tui::{App, Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// The screen row where `text` starts, and its column.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    // Row 0 is the status bar, which shows the title.
    (1..buf.area.height).find_map(|y| {
        let r = row(buf, y);
        r.find(text).map(|b| (y, r[..b].chars().count() as u16))
    })
}

#[test]
fn in_sample_000_a_line_break_after_a_sentence_is_a_paragraph() {
    let dir = crate::support::sample::copy_sample_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    let a = app.article().unwrap();
    assert!(a.doc.id.starts_with("000_"));
    assert_eq!((a.cursor, a.len()), (0, 19));
    keys(&mut app, "J");
    assert_eq!(app.article().unwrap().cursor, 4, "J from 1 reaches 5/19");
    keys(&mut app, "K");
    assert_eq!(app.article().unwrap().cursor, 0);
    keys(&mut app, "J");
    // the fourth sentence ends the first paragraph; a blank row follows it
    let buf = render(&app, 100, 40);
    let (y, _) = find(&buf, "ville fantôme").expect("end of the first paragraph shown");
    assert_eq!(row(&buf, y + 1).trim(), "", "{}", row(&buf, y + 1));
    assert!(row(&buf, y + 2).contains("Face à cet épisode"));
    assert!(row(&buf, 0).contains("5/19"));
}

#[test]
fn headings_are_bold_and_underlined_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# Le front se déplace\nLe JNIM frappe Bamako. Les convois brûlent.\nUn intertitre court\nLa suite.\n",
    )
    .unwrap();
    let mut app = app(dir.path(), "alice");
    app.theme = Theme::new(false, false);
    keys(&mut app, "<enter>j");
    let buf = render(&app, 80, 12);
    let (y, x) = find(&buf, "Le front").unwrap();
    let m = buf[(x, y)].modifier;
    assert!(m.contains(Modifier::BOLD | Modifier::UNDERLINED), "{m:?}");
    let (y, x) = find(&buf, "Un intertitre").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (y, x) = find(&buf, "Le JNIM").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(buf[(x, y)].fg, Color::Reset);
}

#[test]
fn library_titles_read_as_titles() {
    let dir = crate::support::sample::copy_sample_corpus();
    let app = app(dir.path(), "alice");
    let title = |p: &str| {
        let i = app
            .library
            .infos
            .iter()
            .position(|x| x.id.starts_with(p))
            .unwrap();
        app.library.infos[i].title.clone()
    };
    assert_eq!(
        title("000"),
        "Le 19 août 2025, des combattants du JNIM (affilié à al-Qaïda) ont lancé des…"
    );
    assert!(
        title("002").starts_with("Mercredi,1er octobre 2025"),
        "{}",
        title("002")
    );
    assert!(title("002").chars().count() <= 81);
    assert!(
        title("003").starts_with("Le 18 novembre"),
        "{}",
        title("003")
    );
    assert!(!title("003").contains("Temps de lecture"));
    assert_eq!(
        title("004"),
        "Introduction : une escalade djihadiste dans plusieurs régions maliennes"
    );
}

#[test]
fn search_ignores_case_and_accents_and_highlights_the_match() {
    let dir = crate::support::sample::copy_sample_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>/etat<enter>");
    let a = app.article().unwrap();
    let text = a.doc.sentence_text(a.cursor);
    assert!(text.contains("l’État"), "{text}");
    let (s, e) = a.found.unwrap();
    assert_eq!(&a.doc.raw[s..e], "État");
    // the match is drawn apart from the reversed cursor sentence
    let buf = render(&app, 100, 40);
    let (y, x) = find(&buf, "État").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::Yellow);
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(x - 2, y)].modifier.contains(Modifier::REVERSED));
    // the library filter folds too: `regi` finds "régions"
    keys(&mut app, "<esc>");
    assert_eq!(app.view, glose::tui::action::View::Library);
    keys(&mut app, "/REGI<enter>");
    let shown: Vec<&str> = app
        .library
        .order
        .iter()
        .map(|&i| app.library.infos[i].id.as_str())
        .collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].starts_with("004_"));
}

#[test]
fn alone_the_stats_screen_shows_own_counts_and_pace() {
    let dir = crate::support::sample::copy_sample_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>fqf<esc>S");
    assert_eq!(app.view, glose::tui::action::View::Stats);
    app.wait_review();
    let buf = render(&app, 100, 30);
    let s: Vec<String> = (0..30).map(|y| row(&buf, y)).collect();
    let s = s.join("\n");
    assert!(s.contains("Agreement needs two annotators"), "{s}");
    assert!(
        s.contains("Your progress · alice · 3 labels in 1 articles"),
        "{s}"
    );
    let count = |name: &str| {
        s.lines()
            .find(|l| l.contains(name))
            .and_then(|l| l.split_whitespace().last().map(str::to_string))
    };
    assert_eq!(count("factual").as_deref(), Some("2"), "{s}");
    assert_eq!(count("quote").as_deref(), Some("1"));
    assert_eq!(count("opinion").as_deref(), Some("0"));
    assert!(s.contains("3 labels made here"), "{s}");
    assert!(!s.contains("imported"), "{s}");
}

#[test]
fn text_wraps_at_the_reading_width_left_or_centred() {
    let dir = crate::support::sample::copy_sample_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    app.update(glose::tui::action::Action::Resize(200, 30));
    let last_col = |buf: &Buffer| {
        (1..28)
            .filter_map(|y| row(buf, y).trim_end().chars().count().checked_sub(1))
            .max()
            .unwrap()
    };
    let first_col = |buf: &Buffer| {
        (1..28)
            .filter(|&y| !row(buf, y).trim().is_empty())
            .map(|y| row(buf, y).chars().take_while(|c| *c == ' ').count())
            .min()
            .unwrap()
    };
    let buf = render(&app, 200, 30);
    // 3 gutter columns and 100 of text
    assert!(last_col(&buf) < 103, "{}", last_col(&buf));
    assert!(last_col(&buf) > 90);
    assert_eq!(first_col(&buf), 0, "the cursor marker at the left edge");
    app.reader.reading = glose::tui::Reading {
        width: 100,
        centre: true,
        legend: false,
    };
    app.update(glose::tui::action::Action::Resize(200, 30));
    let buf = render(&app, 200, 30);
    assert_eq!(first_col(&buf), (197 - 100) / 2);
    app.reader.reading.width = 0;
    app.update(glose::tui::action::Action::Resize(200, 30));
    assert!(
        last_col(&render(&app, 200, 30)) > 150,
        "0 is the whole window"
    );
    // and the config names it
    let cfg = tempfile::tempdir().unwrap();
    let p = cfg.path().join("config.ron");
    std::fs::write(&p, "(reading_width: 72, centre_text: true)").unwrap();
    let c = glose::config::Config::load_from(&p).unwrap();
    assert_eq!((c.reading_width, c.centre_text), (72, true));
    assert_eq!(glose::config::Config::default().reading_width, 100);
}

#[test]
fn the_highlight_legend_is_one_line_toggled_by_a_key() {
    let dir = crate::support::sample::copy_sample_corpus();
    let mut app = app(dir.path(), "alice");
    keys(&mut app, "<enter>");
    app.reader.reading.legend = true;
    app.update(glose::tui::action::Action::Resize(100, 20));
    let buf = render(&app, 100, 20);
    let r = row(&buf, 1);
    assert!(
        r.contains("highlights: source · claim · opinion cue"),
        "{r}"
    );
    assert!(r.contains("l hides this line"), "{r}");
    let x = r
        .find("source")
        .map(|b| r[..b].chars().count() as u16)
        .unwrap();
    assert!(buf[(x, 1)].modifier.contains(Modifier::UNDERLINED));
    let x = r
        .find("claim")
        .map(|b| r[..b].chars().count() as u16)
        .unwrap();
    assert!(buf[(x, 1)].modifier.contains(Modifier::BOLD));
    assert!(
        row(&buf, 2).contains("Le 19 août"),
        "the text starts below it"
    );
    keys(&mut app, "l");
    assert!(!app.reader.reading.legend);
    let buf = render(&app, 100, 20);
    assert!(!row(&buf, 1).contains("highlights:"));
    assert!(row(&buf, 1).contains("Le 19 août"));
    keys(&mut app, "l");
    assert!(row(&render(&app, 100, 20), 1).contains("highlights:"));
    assert!(
        glose::config::Config::default().legend,
        "on by default in the binary"
    );
}
